/**
 * The embedded Apertium engine: serves every installed Apertium pair through one warm
 * null-flush pipeline per direction (see `pipeline.ts`), started on first use.
 *
 * Where Parley's build of a mode exists (the support-domain lexicon, and the bridges' first legs
 * with general words, written to `data/apertium/modes` by `npm run apertium:lexicon`), it replaces
 * the stock mode for that pair.
 * A bridge's Spanish leg from French, Italian or Romanian runs in a chain of its own that reads
 * compound pasts as preterites (`narrative-past.ts`); English→Spanish rewrites verb groups its
 * transfer writes wrong (`verb-groups.ts`), and every Spanish→English chain drops the article before
 * place names (`place-articles.ts`).
 */
import { access } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { baseLanguage } from '@parley/shared/languages';
import { takeMarks, type TextSpan } from '@parley/shared/pipeline/unknown-words';
import {
  EngineError,
  type EngineRequest,
  type EngineResult,
  type LanguagePair,
  type TranslationEngine,
} from '../engine.js';
import { discoverApertiumPairs, type ApertiumMode } from './modes.js';
import { mapInTurns } from '../../translation/turns.js';
import { readModeStages, type PipelineStage } from './mode-file.js';
import { needsVerbGroups, withVerbGroups } from './verb-groups.js';
import { needsNarrativePast, withNarrativePast } from './narrative-past.js';
import { dropsPlaceArticles, withoutPlaceArticles } from './place-articles.js';
import { ApertiumPipeline } from './pipeline.js';
import { finishTarget, prepareSource } from './orthography.js';
import { fromApertiumStream, normaliseSpacing, toApertiumStream } from './stream-format.js';
import type { Logger } from '../../logging.js';

export const APERTIUM_ENGINE_ID = 'apertium';

/** Where `npm run apertium:lexicon` writes Parley's own modes: `<repo>/data/apertium/modes`. */
export const PARLEY_MODES_DIR = fileURLToPath(
  new URL('../../../../data/apertium/modes', import.meta.url),
);

export interface ApertiumEngineOptions {
  /** Debian's installed modes. */
  modesDir?: string;
  /** Parley's modes, preferred over stock ones for the same pair; `null` uses stock only. */
  parleyModesDir?: string | null;
  /** How long a pipeline may go without answering pending requests before it is restarted. */
  timeoutMs?: number;
  logger?: Logger;
}

export interface ApertiumEngine extends TranslationEngine {
  /** The mode serving each pair (stock or Parley's), for diagnostics and benchmarks. */
  modes(): ApertiumMode[];
}

const SEGMENTS_PER_TURN = 200;

function abortReason(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new Error('request aborted');
}

/**
 * `work`, or its rejection with the signal's reason as soon as `signal` aborts (the chain's
 * replies for an abandoned request still arrive, and are dropped).
 */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) return Promise.reject(abortReason(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(abortReason(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** A segment with no letters (only placeholders, digits, punctuation) needs no translation. */
function hasWords(segment: string): boolean {
  return /\p{L}/u.test(segment.replace(/<x id="\d+"\s*\/>|&(?:lt|gt|amp|quot|apos);/g, ''));
}

function sameLanguage(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * The stages the engine runs for a mode: English→Spanish's with its verb groups rewritten (see
 * `verb-groups.ts`), Spanish→English's without the article before place names (see
 * `place-articles.ts`), and on a bridge's Spanish leg from a language that tells the past in the
 * compound tense, with the narrative-past stage (see `narrative-past.ts`). Benchmarks run the same
 * chain as the raw pipeline.
 */
export async function chainStages(
  mode: ApertiumMode,
  { narrativePast = false }: { narrativePast?: boolean } = {},
): Promise<PipelineStage[]> {
  const modeStages = await readModeStages(mode.modeFile);
  const stages =
    (needsVerbGroups(mode.source, mode.target)
      ? withVerbGroups(modeStages)
      : dropsPlaceArticles(mode.source, mode.target)
        ? withoutPlaceArticles(modeStages)
        : undefined) ?? modeStages;
  return (narrativePast ? withNarrativePast(stages) : undefined) ?? stages;
}

export async function createApertiumEngine(
  options: ApertiumEngineOptions = {},
): Promise<ApertiumEngine> {
  const stock = await discoverApertiumPairs(options.modesDir);
  const parleyDir =
    options.parleyModesDir === undefined ? PARLEY_MODES_DIR : options.parleyModesDir;
  const parley = parleyDir ? await discoverApertiumPairs(parleyDir) : [];
  const key = (mode: ApertiumMode): string => `${mode.source}>${mode.target}`;
  const byPair = new Map(stock.map((mode) => [key(mode), mode]));
  for (const mode of parley) byPair.set(key(mode), mode);
  const modes = [...byPair.values()];
  const pipelines = new Map<string, Promise<ApertiumPipeline>>();
  let closed = false;

  function findMode(source: string, target: string): ApertiumMode | undefined {
    return (
      modes.find((m) => sameLanguage(m.source, source) && sameLanguage(m.target, target)) ??
      // `en-GB` → `es` is served by the en→es mode; a regional target keeps its own mode first.
      modes.find(
        (m) =>
          m.source === baseLanguage(source) &&
          m.target === baseLanguage(target) &&
          !m.target.includes('-'),
      )
    );
  }

  /** The mode's chain as the engine runs it (see `chainStages`). */
  async function startPipeline(
    mode: ApertiumMode,
    narrativePast: boolean,
  ): Promise<ApertiumPipeline> {
    return new ApertiumPipeline({
      name: narrativePast ? `${mode.mode}+narrative-past` : mode.mode,
      stages: await chainStages(mode, { narrativePast }),
      engineId: APERTIUM_ENGINE_ID,
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
      ...(options.logger ? { logger: options.logger } : {}),
    });
  }

  function pipelineFor(mode: ApertiumMode, narrativePast: boolean): Promise<ApertiumPipeline> {
    const key = narrativePast ? `${mode.modeFile}+narrative-past` : mode.modeFile;
    let pipeline = pipelines.get(key);
    if (!pipeline) {
      pipeline = startPipeline(mode, narrativePast);
      // A mode file that cannot be read is retried on the next request, not cached as failed.
      pipeline.catch(() => pipelines.delete(key));
      pipelines.set(key, pipeline);
    }
    return pipeline;
  }

  /** One segment's translation and the words in it the engine did not know. */
  async function translateSegment(
    pipeline: ApertiumPipeline,
    segment: string,
    { source, target }: ApertiumMode,
  ): Promise<{ text: string; spans: TextSpan[] }> {
    if (!hasWords(segment)) return { text: segment, spans: [] };
    const reply = await pipeline.process(toApertiumStream(prepareSource(segment, source)));
    return takeMarks(
      finishTarget(normaliseSpacing(fromApertiumStream(reply), segment), segment, target),
    );
  }

  return {
    id: APERTIUM_ENGINE_ID,

    modes: () => [...modes],

    pairs: async (): Promise<LanguagePair[]> =>
      modes.map(({ source, target }) => ({ source, target })),

    async translate(request: EngineRequest): Promise<EngineResult> {
      if (closed)
        throw new EngineError(
          'engine_unavailable',
          'Apertium engine is closed',
          APERTIUM_ENGINE_ID,
        );
      const mode = findMode(request.source, request.target);
      if (!mode) {
        throw new EngineError(
          'unsupported_language_pair',
          `Apertium has no mode for ${request.source}→${request.target}`,
          APERTIUM_ENGINE_ID,
        );
      }
      let pipeline: ApertiumPipeline;
      try {
        pipeline = await pipelineFor(mode, needsNarrativePast(mode.source, request.bridgedFrom));
      } catch (error) {
        throw new EngineError(
          'engine_unavailable',
          `Apertium mode ${mode.mode} cannot be read`,
          APERTIUM_ENGINE_ID,
          undefined,
          { cause: error },
        );
      }
      // One NUL-separated message per segment, all written at once: the chain works on them
      // back to back (measured faster than joining segments into one message). One abort
      // listener for the request: an AbortSignal checks every listener it holds when one is
      // added, so a listener per segment made thousands of segments quadratic.
      // Preparing thousands of messages is one long task: other requests run between turns.
      const translations = await mapInTurns(request.segments, SEGMENTS_PER_TURN, (segment) => {
        const translation = translateSegment(pipeline, segment, mode);
        // Awaited below; a failure before then must not count as unhandled.
        translation.catch(() => {});
        return translation;
      });
      const translated = await untilAborted(Promise.all(translations), request.signal);
      const billedCharacters = request.segments.reduce((sum, segment) => sum + segment.length, 0);
      return {
        segments: translated.map(({ text }) => text),
        billedCharacters,
        unknown: translated.map(({ spans }) => spans),
      };
    },

    async healthy(): Promise<boolean> {
      if (closed || modes.length === 0) return false;
      try {
        await Promise.all(modes.map((mode) => access(mode.modeFile)));
        return true;
      } catch {
        return false;
      }
    },

    async close(): Promise<void> {
      closed = true;
      const running = await Promise.allSettled(pipelines.values());
      pipelines.clear();
      await Promise.all(
        running.flatMap((result) => (result.status === 'fulfilled' ? [result.value.close()] : [])),
      );
    },
  };
}
