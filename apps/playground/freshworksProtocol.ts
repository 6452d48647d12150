/**
 * The messages between the stand-in Freshworks client (in the app's iframe) and the stand-in host
 * (the playground page). Freshworks' own client script talks to Freshdesk in a private protocol;
 * the playground and the browser tests replace both ends with this small one.
 */

export const CHANNEL = 'parley-freshworks-stand-in';

/** The app calls a client method: `data.get`, `iparams.get`, `interface.trigger`, `request.invokeTemplate`, `events.on`. */
export interface CallMessage {
  channel: typeof CHANNEL;
  id: number;
  method: string;
  args: unknown[];
}

/** The host answers a call. */
export interface ReplyMessage {
  channel: typeof CHANNEL;
  id: number;
  ok: boolean;
  value: unknown;
}

/** The host fires an event the app subscribed to; `eventId` is set when the app may intercept it. */
export interface EventMessage {
  channel: typeof CHANNEL;
  event: string;
  eventId: number;
  data: unknown;
}

/** The app decides an intercepted event. */
export interface OutcomeMessage {
  channel: typeof CHANNEL;
  eventId: number;
  outcome: 'done' | 'fail';
  message?: string;
}

export type StandInMessage = CallMessage | ReplyMessage | EventMessage | OutcomeMessage;

export function isStandInMessage(data: unknown): data is StandInMessage {
  return (
    typeof data === 'object' && data !== null && (data as { channel?: unknown }).channel === CHANNEL
  );
}
