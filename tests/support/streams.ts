/**
 * Files as an upload delivers them: bytes in chunks of a given size, so readers meet characters,
 * tags and entities cut across chunk boundaries.
 */
export async function* inChunks(
  content: string | Uint8Array,
  size = 7,
): AsyncGenerator<Uint8Array> {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  for (let start = 0; start < bytes.length; start += size)
    yield bytes.subarray(start, start + size);
}

/** Everything an async or sync iterable of strings yields, joined. */
export async function collect(pieces: AsyncIterable<string> | Iterable<string>): Promise<string> {
  let text = '';
  for await (const piece of pieces) text += piece;
  return text;
}
