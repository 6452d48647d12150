/**
 * Types for the parts of the Freshworks app client (platform 3.0) the Freshdesk adapter uses, from
 * Freshworks' front-end reference: `app.initialized()`, `client.data.get`, `client.iparams.get`,
 * `client.instance.resize`, `client.interface.trigger`, `client.request.invokeTemplate` and
 * `client.events.on`. The client itself is Freshworks' script, loaded by the app page as
 * `{{{appclient}}}`.
 */

/** What `invokeTemplate` resolves with; `response` is the body as text. */
export interface FreshworksResponse {
  status: number;
  headers?: Record<string, string>;
  response: string;
}

/** What `invokeTemplate` rejects with: the remote status and body, or the platform's own error. */
export interface FreshworksRequestFailure {
  status?: number;
  headers?: Record<string, string>;
  response?: string;
  /** `APP` when the remote server answered with an error, `PLATFORM` when Freshworks failed. */
  errorSource?: string;
  attempts?: number;
}

export interface InvokeTemplateOptions {
  /** Values for the template's `<%= context.name %>` placeholders. */
  context?: Record<string, string>;
  /** The request body, as a string. */
  body?: string;
}

/** The event an `events.on` callback gets; `helper` decides intercepted events. */
export interface FreshworksEvent {
  type: string;
  helper: {
    getData(): unknown;
    done(): void;
    fail(message: string): void;
  };
}

export interface FreshworksClient {
  data: { get(name: string): Promise<Record<string, unknown>> };
  iparams: { get(name?: string): Promise<Record<string, unknown>> };
  /** Sizes this app's iframe; Freshworks takes the height as a CSS length (`'400px'`). */
  instance: { resize(size: { height: string }): Promise<unknown> };
  interface: { trigger(action: string, options: Record<string, unknown>): Promise<unknown> };
  request: {
    invokeTemplate(name: string, options: InvokeTemplateOptions): Promise<FreshworksResponse>;
  };
  events: {
    on(
      name: string,
      callback: (event: FreshworksEvent) => void,
      options?: { intercept?: boolean },
    ): void;
  };
}

/** The global Freshworks' client script defines in the app's iframe. */
export interface FreshworksApp {
  initialized(): Promise<FreshworksClient>;
}

declare global {
  interface Window {
    app?: FreshworksApp;
  }
}
