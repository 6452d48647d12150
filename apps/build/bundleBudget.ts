/**
 * What a page's visitor downloads before it paints, and what loads later: from a vite build's
 * output, the entry chunk with every chunk it imports statically and their CSS ("initial"), each
 * lazily imported chunk with what it adds to that, and the whole of each path a visit can take
 * (every lazy chunk loaded, but only one of a set of alternatives such as the UI languages). Sizes
 * are gzip at level 9, as a server compresses them, in KiB.
 */
import { gzipSync } from 'node:zlib';

/** The parts of a vite (rolldown) output file this needs. */
export type BuiltFile =
  | {
      type: 'chunk';
      fileName: string;
      code: string;
      isEntry: boolean;
      /** The module the chunk stands for (a lazily imported file), when it stands for one. */
      facadeModuleId?: string | null;
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

/** A visit that loads every lazy chunk: the first load, all it can load later, once each. */
export interface PathWeight {
  /** The alternative this path loads (a language's strings), or undefined for none of them. */
  alternative?: string;
  gzipKiB: number;
}

export interface PageWeight {
  initial: LoadSize;
  lazy: LoadSize[];
  /** One path per alternative and one with none, heaviest first. */
  paths: PathWeight[];
}

export interface PageOptions {
  /**
   * The lazy chunks of which a visit loads at most one, by the module they stand for: the
   * translator's UI language is loaded, the other languages never are.
   */
  isAlternative?: (facadeModuleId: string) => boolean;
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

export function pageWeight(output: readonly BuiltFile[], options: PageOptions = {}): PageWeight {
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
  // A path's files are counted once however many of its chunks import them.
  const isAlternative = (chunk: string) => {
    const file = files.get(chunk);
    const facade = file?.type === 'chunk' ? file.facadeModuleId : undefined;
    return facade ? (options.isAlternative?.(facade) ?? false) : false;
  };
  const alwaysLoaded = new Set(initial);
  for (const chunk of importerOf.keys())
    if (!isAlternative(chunk))
      staticClosure(chunk, files).forEach((name) => alwaysLoaded.add(name));
  const pathThrough = (alternative?: string): PathWeight => {
    const loaded = new Set(alwaysLoaded);
    if (alternative) staticClosure(alternative, files).forEach((name) => loaded.add(name));
    return { ...(alternative ? { alternative } : {}), gzipKiB: size(loaded) };
  };
  const paths = [undefined, ...[...importerOf.keys()].filter(isAlternative)].map(pathThrough);
  return {
    initial: { chunk: entry.fileName, files: [...initial], gzipKiB: size(initial) },
    paths: paths.sort((a, b) => b.gzipKiB - a.gzipKiB),
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
