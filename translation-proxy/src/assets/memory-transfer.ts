/**
 * A tenant's translation memory in and out as TMX. Imports write through the memory
 * repository's `save`, the one write path of the memory (human work still outranks machine
 * output there), a batch at a time as the file streams in; exports walk the memory a page at a
 * time, so neither holds a whole memory.
 */
import type { ImportReport } from '@parley/shared/api/assets';
import {
  memoryKey,
  type MemoryEntry,
  type MemoryRepository,
  type StoredMemoryUnit,
} from '../store/memory.js';
import { AssetFormatError, importTally } from './import-report.js';
import type { Formality } from '../engines/engine.js';
import { readTmx, writeTmx, type TmxPair, type TmxUnitOut } from './tmx.js';

/** Units written per batch: large enough for few round trips, small enough to bound memory. */
const IMPORT_BATCH = 2_000;
const EXPORT_PAGE = 1_000;
const FORMALITIES: readonly Formality[] = ['default', 'more', 'less'];

type MemoryWriter = Pick<MemoryRepository, 'save'>;
type MemoryReader = Pick<MemoryRepository, 'page'>;

async function savePairs(memory: MemoryWriter, tenantId: string, pairs: readonly TmxPair[]) {
  const groups = new Map<string, { pair: TmxPair; entries: MemoryEntry[] }>();
  for (const pair of pairs) {
    const group = `${pair.sourceLang}\u0000${pair.targetLang}\u0000${pair.formality}`;
    const entry: MemoryEntry = {
      source: pair.source,
      target: pair.target,
      origin: pair.origin,
      engine: pair.engine,
      ...(pair.createdAt === undefined ? {} : { createdAt: pair.createdAt }),
      ...(pair.changedAt === undefined ? {} : { changedAt: pair.changedAt }),
    };
    const existing = groups.get(group);
    if (existing) existing.entries.push(entry);
    else groups.set(group, { pair, entries: [entry] });
  }
  for (const { pair, entries } of groups.values())
    await memory.save(tenantId, pair.sourceLang, pair.targetLang, entries, pair.formality);
}

/**
 * Imports a TMX document into the tenant's memory. Unusable units are skipped and reported; a
 * file that is not well-formed TMX stops the import at its bad line with `AssetFormatError`,
 * once the units before that line are written (a second import of the fixed file is
 * idempotent).
 */
export async function importMemory(
  memory: MemoryWriter,
  tenantId: string,
  input: AsyncIterable<Uint8Array | string>,
  options: { sourceLang?: string | undefined } = {},
): Promise<ImportReport> {
  const tally = importTally();
  let batch: TmxPair[] = [];
  const flush = async () => {
    const ready = batch;
    batch = [];
    await savePairs(memory, tenantId, ready);
    tally.imported(ready.length);
  };
  try {
    await readTmx(input, options.sourceLang, {
      async pairs(pairs) {
        batch.push(...pairs);
        if (batch.length >= IMPORT_BATCH) await flush();
      },
      skip: (item) => tally.skip(item),
    });
  } catch (error) {
    if (!(error instanceof AssetFormatError)) throw error;
    await flush();
    throw tally.stopped(error);
  }
  await flush();
  return tally.report();
}

/** The formality a stored unit was saved under: its key says which. */
function formalityOf(unit: StoredMemoryUnit): Formality {
  return (
    FORMALITIES.find((formality) => memoryKey(unit.source, formality) === unit.sourceKey) ??
    'default'
  );
}

async function* storedUnits(
  memory: MemoryReader,
  tenantId: string,
  filter: { sourceLang?: string | undefined; targetLang?: string | undefined },
): AsyncGenerator<TmxUnitOut> {
  let after: StoredMemoryUnit | undefined;
  for (;;) {
    const page = await memory.page(tenantId, filter, after, EXPORT_PAGE);
    for (const unit of page) yield { ...unit, formality: formalityOf(unit) };
    if (page.length < EXPORT_PAGE) return;
    after = page.at(-1);
  }
}

/** The tenant's memory, or one language pair of it, as a TMX document in pieces. */
export function exportMemory(
  memory: MemoryReader,
  tenantId: string,
  filter: { sourceLang?: string | undefined; targetLang?: string | undefined },
  now = Date.now(),
): AsyncGenerator<string> {
  return writeTmx(
    { sourceLang: filter.sourceLang, createdAt: now },
    storedUnits(memory, tenantId, filter),
  );
}
