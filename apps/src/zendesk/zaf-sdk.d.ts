/**
 * Types for the parts of `zendesk_app_framework_sdk` (CommonJS, untyped) the Zendesk adapter uses,
 * written from the SDK's own source (lib/client.js) and the ZAF client API reference.
 */
declare module 'zendesk_app_framework_sdk' {
  /** `get` resolves with one key per requested path plus the paths that failed under `errors`. */
  export type ZafGetResult = Record<string, unknown> & { errors: Record<string, unknown> };

  export interface ZafMetadata {
    appId: number;
    installationId: number;
    name: string;
    version: string;
    settings: Record<string, unknown>;
  }

  export interface ZafRequestOptions {
    url: string;
    type?: string;
    contentType?: string;
    data?: string;
    dataType?: 'json' | 'text';
    headers?: Record<string, string>;
    secure?: boolean;
    cors?: boolean;
    timeout?: number;
    /**
     * Asks Zendesk's request proxy to sign a JWT with these claims (`exp` from `expiry`, in
     * seconds) and put it where the request says `{{jwt.token}}`; `secret_key` is usually a
     * secure setting's placeholder, so the browser never holds the key.
     */
    jwt?: {
      algorithm: 'HS256';
      secret_key: string;
      expiry?: number;
      claims?: Record<string, unknown>;
    };
  }

  /** What `request` rejects with: a jQuery-XHR-like description of the failed response. */
  export interface ZafRequestFailure {
    status: number;
    statusText?: string;
    responseText?: string;
    responseJSON?: unknown;
  }

  export interface ZafClient {
    get(path: string | string[]): Promise<ZafGetResult>;
    set(path: string, value: unknown): Promise<Record<string, unknown>>;
    invoke(name: string, ...args: unknown[]): Promise<Record<string, unknown>>;
    /**
     * Event handlers' answers are ignored, except for hooks such as `ticket.save`: there a
     * returned promise that rejects (its reason is shown to the agent), or a synchronous `false`,
     * string or thrown error, stops the save; anything else lets it go — the SDK's `Utils.when`
     * and its spec "when the message is for a hook event".
     */
    on(name: string, handler: (data: unknown) => unknown): void;
    off(name: string, handler: (data: unknown) => unknown): void;
    request<T = unknown>(options: ZafRequestOptions): Promise<T>;
    metadata(): Promise<ZafMetadata>;
  }

  const ZAFClient: {
    /** Returns false when the page was not opened by Zendesk (no `origin`/`app_guid` parameters). */
    init(callback?: (context: unknown) => void): ZafClient | false;
  };
  export default ZAFClient;
}
