/**
 * What a page's visitor downloads before it paints, and what loads later: from a vite build's
 * output, the entry chunk with every chunk it imports statically and their CSS ("initial"), and
 * each lazily imported chunk with what it adds to that. Sizes are gzip at level 9, as a server
 * compresses them, in KiB.
 */
import { gzipSync } from 'node:zlib';

/** The parts of a vite (rolldown) output file this needs. */
export type BuiltFile =
  | {
      type: 'chunk';
      fileName: string;
      code: string;
      isEntry: boolean;
      imports: string[];
      dynamicImports: string[];
      viteMetadata?: { importedCss: Set<string> };
    }
  | { type: 'asset'; fileName: string; source: string | Uint8Array };

export interface LoadSize {
  /** The chunk that starts the load: the entry, or the lazily imported chunk. */
  chunk: string;
  /** JS and CSS files it brings that were not loaded before. */
  files: string[];
  gzipKiB: number;
}

export interface PageWeight {
  initial: LoadSize;
  lazy: LoadSize[];
}

const gzipKiB = (content: string | Uint8Array) => gzipSync(content, { level: 9 }).length / 1024;

/** The files one chunk brings: itself, its static imports (transitively) and their CSS. */
function staticClosure(start: string, files: Map<string, BuiltFile>): Set<string> {
  const seen = new Set<string>();
  const visit = (name: string) => {
    const file = files.get(name);
    if (seen.has(name) || file?.type !== 'chunk') return;
    seen.add(name);
    for (const css of file.viteMetadata?.importedCss ?? []) seen.add(css);
    file.imports.forEach(visit);
  };
  visit(start);
  return seen;
}

export function pageWeight(output: readonly BuiltFile[]): PageWeight {
  const files = new Map(output.map((file) => [file.fileName, file]));
  const size = (names: Iterable<string>) => {
    let kib = 0;
    for (const name of names) {
      const file = files.get(name);
      if (file) kib += gzipKiB(file.type === 'chunk' ? file.code : file.source);
    }
    return kib;
  };
  const entries = output.filter((file) => file.type === 'chunk' && file.isEntry);
  const [entry] = entries;
  if (entries.length !== 1 || !entry)
    throw new Error(`Expected one entry chunk, found ${entries.length}`);
  const initial = staticClosure(entry.fileName, files);
  // A lazy chunk is fetched after the chunk that imports it, so what both load counts once.
  const importerOf = new Map<string, string>();
  for (const file of output)
    if (file.type === 'chunk')
      for (const lazy of file.dynamicImports)
        if (!importerOf.has(lazy)) importerOf.set(lazy, file.fileName);
  return {
    initial: { chunk: entry.fileName, files: [...initial], gzipKiB: size(initial) },
    lazy: [...importerOf].map(([chunk, importer]) => {
      const loaded = staticClosure(importer, files);
      const added = [...staticClosure(chunk, files)].filter(
        (name) => !initial.has(name) && !loaded.has(name),
      );
      return { chunk, files: added, gzipKiB: size(added) };
    }),
  };
}

/** `index-D1tYn57c.js` → `index`: a chunk's name without its content hash, for a log line. */
export const chunkName = (fileName: string) =>
  fileName.replace(/^.*\//, '').replace(/-[\w-]{8}\.(js|css)$/, '');
