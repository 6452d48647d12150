/**
 * Long synchronous work split into turns: the event loop serves other requests (and `/healthz`)
 * between them, so one request of 500 segments cannot hold everyone else for its whole length.
 */
import { setImmediate } from 'node:timers/promises';

/** `items.map(work)`, handing the event loop back after every `perTurn` items. */
export async function mapInTurns<T, R>(
  items: readonly T[],
  perTurn: number,
  work: (item: T, index: number) => R,
): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += perTurn) {
    if (start > 0) await setImmediate();
    const end = Math.min(items.length, start + perTurn);
    for (let index = start; index < end; index++) results.push(work(items[index] as T, index));
  }
  return results;
}
