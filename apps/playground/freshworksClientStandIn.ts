/**
 * Stands in for Freshworks' client script (`{{{appclient}}}`) inside the app's iframe: defines
 * `window.app.initialized()` resolving to a client whose `data`, `iparams`, `instance`, `interface`,
 * `request` and `events` calls are answered by the stand-in host in the parent page.
 */
import type {
  FreshworksClient,
  FreshworksEvent,
  FreshworksResponse,
} from '../src/freshdesk/freshworksClient.js';
import { CHANNEL, isStandInMessage, type CallMessage } from './freshworksProtocol.js';

const pending = new Map<number, { resolve(value: unknown): void; reject(reason: unknown): void }>();
const listeners = new Map<
  string,
  { callback: (event: FreshworksEvent) => void; intercept: boolean }[]
>();
let nextId = 1;

function call<T>(method: string, ...args: unknown[]): Promise<T> {
  const id = nextId++;
  const message: CallMessage = { channel: CHANNEL, id, method, args };
  return new Promise<T>((resolve, reject) => {
    pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
    window.parent.postMessage(message, '*');
  });
}

function decide(eventId: number, outcome: 'done' | 'fail', message?: string): void {
  window.parent.postMessage(
    { channel: CHANNEL, eventId, outcome, ...(message === undefined ? {} : { message }) },
    '*',
  );
}

window.addEventListener('message', (event) => {
  if (event.source !== window.parent || !isStandInMessage(event.data)) return;
  const message = event.data;
  if ('ok' in message) {
    const waiting = pending.get(message.id);
    pending.delete(message.id);
    if (message.ok) waiting?.resolve(message.value);
    else waiting?.reject(message.value);
  } else if ('event' in message) {
    const subscribed = listeners.get(message.event) ?? [];
    const intercepting = subscribed.filter((listener) => listener.intercept);
    // With no interceptor, the host must not wait for a decision.
    if (intercepting.length === 0) decide(message.eventId, 'done');
    for (const { callback, intercept } of subscribed) {
      callback({
        type: message.event,
        helper: {
          getData: () => message.data,
          done: () => intercept && decide(message.eventId, 'done'),
          fail: (reason: string) => intercept && decide(message.eventId, 'fail', reason),
        },
      });
    }
  }
});

const client: FreshworksClient = {
  data: { get: (name) => call('data.get', name) },
  iparams: { get: (name) => call('iparams.get', name) },
  instance: { resize: (size) => call('instance.resize', size) },
  interface: { trigger: (action, options) => call('interface.trigger', action, options) },
  request: {
    invokeTemplate: (name, options) =>
      call<FreshworksResponse>('request.invokeTemplate', name, options),
  },
  events: {
    on(name, callback, options) {
      const intercept = options?.intercept === true;
      listeners.set(name, [...(listeners.get(name) ?? []), { callback, intercept }]);
      void call('events.on', name, intercept);
    },
  },
};

window.app = { initialized: () => Promise.resolve(client) };
