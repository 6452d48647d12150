/**
 * Loads a lazy chunk (the editor, a language's strings…). A tab opened before the proxy got a new
 * build asks for chunks that build no longer has: one reload brings the new build, and the job in
 * the address with it. Until the reload, the load never settles, so the page keeps showing that it
 * is loading rather than an error. Once per tab until a chunk loads again, so a chunk that stays
 * missing fails as it is instead of reloading for ever.
 */
const RELOADED = 'parley-workspace-reloaded-for-chunk';

export function loadChunk<T>(load: () => Promise<T>): Promise<T> {
  return load().then(
    (chunk) => {
      sessionStorage.removeItem(RELOADED);
      return chunk;
    },
    (failure: unknown) => {
      if (sessionStorage.getItem(RELOADED)) throw failure;
      sessionStorage.setItem(RELOADED, '1');
      window.location.reload();
      return new Promise<T>(() => undefined);
    },
  );
}
