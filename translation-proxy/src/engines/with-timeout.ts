/** Bounds one engine call: past `ms` it is an `engine_timeout` (and `onTimeout` may abort it). */
import { EngineError } from './engine.js';

export function withTimeout<T>(
  promise: Promise<T>,
  ms: number,
  engineId: string,
  onTimeout?: () => void,
): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout?.();
      reject(
        new EngineError(
          'engine_timeout',
          `${engineId}: no answer within ${Math.round(ms)} ms`,
          engineId,
        ),
      );
    }, ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
