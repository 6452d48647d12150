/**
 * A failover chain: picks an engine for each request and fails over. The proxy builds one chain
 * per tenant from that tenant's engines (in preference order) and optional per-pair routes
 * (`routes` in the engine settings, `PairRoute`). For a pair it tries
 * the engines that serve it in order; on a timeout, a 5xx or a 429 it retries the same engine
 * with backoff and jitter (waiting out a short `Retry-After`, failing over at once on a long
 * one), then moves on; on an auth failure, an exhausted quota, an unsupported pair or a text too
 * long for that engine it moves on without retrying. A circuit breaker per engine stops calls to
 * an engine that keeps failing. When no engine serves the pair, it goes through a bridge
 * language (`es`, then `en`) in two hops and says so (`via`). Every successful engine call's
 * billed characters are reported to `recordUsage`.
 */
import {
  EngineError,
  type EngineRequest,
  type EngineResult,
  type LanguagePair,
  type TranslationEngine,
} from './engine.js';
import { backoffDelay } from '../retry-policy.js';
import { CircuitBreaker, type BreakerOptions, type BreakerState } from './breaker.js';
import { languageKey } from './language-tags.js';
import { enginePairs, type EnginePairs } from './pair-catalog.js';
import { candidateIds, pivotPlans, type PairIndex, type PairRoute } from './pivot.js';
import { withTimeout } from './with-timeout.js';
import type { Logger } from '../logging.js';

export type { PairRoute } from './pivot.js';

export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => performance.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve) => {
      if (signal?.aborted) return resolve();
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      }
      signal?.addEventListener('abort', done, { once: true });
    }),
};

export interface RetryOptions {
  /** Calls to one engine per hop, the first included. */
  attempts: number;
  /** First backoff; doubles per retry, capped at `maxMs`, with jitter. */
  baseMs: number;
  /** Longest wait before a retry; a longer `Retry-After` means fail over instead. */
  maxMs: number;
}

export interface FailoverChainOptions {
  /** The tenant's engines, most preferred first. */
  engines: TranslationEngine[];
  /** Per-pair engine order (only the named engines, in that order); `*` matches any language. */
  routes?: PairRoute[];
  /** Longest one engine call may take before it counts as a timeout. */
  timeoutMs: number;
  /** Longest a whole `translate` may take, failovers and pivots included (default 3 × timeoutMs). */
  deadlineMs?: number;
  retry: RetryOptions;
  breaker: BreakerOptions;
  /** Bridge languages for pivoting, in order of preference. */
  bridges?: string[];
  recordUsage: (engineId: string, billedCharacters: number) => void;
  logger: Logger;
  clock?: Clock;
  /** Source of jitter in [0, 1). */
  random?: () => number;
  /** How long the pair list of an engine without its own interval is reused (pair-catalog.ts). */
  pairsRefreshMs?: number;
}

export interface RoutedResult extends EngineResult {
  /** The engine that translated; `first+second` when a pivot used two different engines. */
  engine: string;
  /** The bridge language when the text went through one. */
  via?: string;
}

export interface RoutedPair extends LanguagePair {
  /** Engines serving the pair, in preference order (for a pivot: the first hop's, then the second's). */
  engines: string[];
  via?: string;
}

export interface EngineHealth {
  id: string;
  /** Number of pairs the engine serves directly. */
  pairs: number;
  healthy: boolean;
  breaker: BreakerState;
}

export interface FailoverChain {
  translate(request: EngineRequest): Promise<RoutedResult>;
  pairs(): Promise<RoutedPair[]>;
  health(): Promise<EngineHealth[]>;
  close(): Promise<void>;
}

interface Slot {
  engine: TranslationEngine;
  breaker: CircuitBreaker;
  /** The engine's pairs as the catalogue last gave them. */
  pairs: EnginePairs;
}

const NO_PAIRS: EnginePairs = { pairs: [], index: new Map(), version: 0 };

const NO_RETRY = new Set([
  'unsupported_language_pair',
  'text_too_long',
  'engine_auth_failed',
  'engine_quota_exceeded',
  'engine_error',
]);
/** Errors that say nothing about the engine's health: the breaker ignores them. */
/**
 * No engine answers in less; and Node's timers may fire a millisecond before `performance.now()`
 * reaches the deadline, which must not start one more engine with no time left.
 */
const MIN_USEFUL_CALL_MS = 20;

const NEUTRAL = new Set(['unsupported_language_pair', 'text_too_long']);

const cancelled = () =>
  new EngineError('engine_timeout', 'translation cancelled by the caller', 'router');

function asEngineError(error: unknown, engineId: string): EngineError {
  if (error instanceof EngineError) return error;
  const name = error instanceof Error ? error.name : typeof error;
  return new EngineError('engine_error', `${engineId}: unexpected failure (${name})`, engineId);
}

/** The error to report when every candidate failed: the last one that is not "unsupported". */
function mostRelevant(errors: readonly EngineError[], source: string, target: string): EngineError {
  const telling = errors.filter((error) => error.code !== 'unsupported_language_pair');
  return (
    telling.at(-1) ??
    errors.at(-1) ??
    new EngineError('unsupported_language_pair', `no engine serves ${source}→${target}`, 'router')
  );
}

export function createFailoverChain(options: FailoverChainOptions): FailoverChain {
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const routes = options.routes ?? [];
  const bridges = options.bridges ?? ['es', 'en'];
  const deadlineMs = options.deadlineMs ?? options.timeoutMs * 3;
  const catalogue = {
    now: () => clock.now(),
    timeoutMs: options.timeoutMs,
    logger: options.logger,
    ...(options.pairsRefreshMs === undefined ? {} : { refreshMs: options.pairsRefreshMs }),
  };
  const { logger } = options;

  const slots = new Map<string, Slot>();
  for (const engine of options.engines)
    slots.set(engine.id, {
      engine,
      breaker: new CircuitBreaker(options.breaker, () => clock.now()),
      pairs: NO_PAIRS,
    });
  const order = [...slots.keys()];
  /** The last `pairs()` answer and the pair-list versions it was made from. */
  let pairList: { versions: string; pairs: RoutedPair[] } | undefined;

  async function indexes(): Promise<Map<string, PairIndex>> {
    await Promise.all(
      [...slots.values()].map(async (slot) => {
        slot.pairs = await enginePairs(slot.engine, catalogue);
      }),
    );
    return new Map([...slots].map(([id, slot]) => [id, slot.pairs.index]));
  }

  /** One call to one engine, bounded by the per-call timeout and the overall deadline. */
  async function call(slot: Slot, request: EngineRequest, deadline: number): Promise<EngineResult> {
    const controller = new AbortController();
    const abort = () => controller.abort();
    if (request.signal?.aborted) abort();
    request.signal?.addEventListener('abort', abort, { once: true });
    const budget = Math.min(options.timeoutMs, deadline - clock.now());
    try {
      const result = await withTimeout(
        slot.engine.translate({ ...request, signal: controller.signal }),
        Math.max(0, budget),
        slot.engine.id,
        abort,
      );
      if (result.segments.length !== request.segments.length)
        throw new EngineError(
          'engine_error',
          `${slot.engine.id}: sent ${request.segments.length} segments, got ${result.segments.length} back`,
          slot.engine.id,
        );
      return result;
    } finally {
      request.signal?.removeEventListener('abort', abort);
    }
  }

  /** Tries the candidates in order with retries; returns the first success. */
  async function hop(
    ids: readonly string[],
    request: EngineRequest,
    deadline: number,
    errors: EngineError[],
  ): Promise<{ result: EngineResult; engine: string } | undefined> {
    for (const id of ids) {
      if (request.signal?.aborted) throw cancelled();
      const slot = slots.get(id)!;
      if (!slot.breaker.tryAcquire()) {
        errors.push(
          new EngineError('engine_unavailable', `${id}: circuit open after repeated failures`, id),
        );
        continue;
      }
      for (let attempt = 1; attempt <= options.retry.attempts; attempt++) {
        const startedAt = clock.now();
        try {
          const result = await call(slot, request, deadline);
          slot.breaker.success();
          options.recordUsage(id, result.billedCharacters);
          logger.debug('engine call succeeded', {
            engine: id,
            attempt,
            ms: Math.round(clock.now() - startedAt),
          });
          return { result, engine: id };
        } catch (error) {
          const failure = asEngineError(error, id);
          if (request.signal?.aborted) {
            // The caller gave up: that says nothing about the engine (and frees a half-open probe).
            slot.breaker.release();
            throw cancelled();
          }
          if (NEUTRAL.has(failure.code)) slot.breaker.release();
          else slot.breaker.failure();
          errors.push(failure);
          logger.warn('engine call failed', {
            engine: id,
            attempt,
            code: failure.code,
            retryAfterSeconds: failure.retryAfterSeconds,
          });
          // A half-open probe that failed, or a failure that opened the breaker, ends this engine's turn.
          if (
            NO_RETRY.has(failure.code) ||
            attempt === options.retry.attempts ||
            slot.breaker.state() !== 'closed'
          )
            break;
          const wait =
            failure.retryAfterSeconds !== undefined
              ? failure.retryAfterSeconds * 1000
              : backoffDelay(attempt, options.retry, random);
          if (wait > options.retry.maxMs || clock.now() + wait >= deadline) break;
          await clock.sleep(wait, request.signal);
          if (request.signal?.aborted) throw cancelled();
        }
      }
      if (deadline - clock.now() < MIN_USEFUL_CALL_MS) break;
    }
    return undefined;
  }

  async function translate(request: EngineRequest): Promise<RoutedResult> {
    const deadline = clock.now() + deadlineMs;
    if (languageKey(request.source) === languageKey(request.target))
      throw new EngineError(
        'unsupported_language_pair',
        `${request.source}→${request.target} is not a translation`,
        'router',
      );
    const index = await indexes();
    const errors: EngineError[] = [];

    const direct = candidateIds(order, index, routes, request.source, request.target);
    if (direct.length > 0) {
      const done = await hop(direct, request, deadline, errors);
      if (done) return { ...done.result, engine: done.engine };
      throw mostRelevant(errors, request.source, request.target);
    }

    for (const plan of pivotPlans(order, index, routes, bridges, request.source, request.target)) {
      const first = await hop(
        plan.first,
        { ...request, target: plan.via, formality: undefined },
        deadline,
        errors,
      );
      if (!first) continue;
      const second = await hop(
        plan.second,
        {
          ...request,
          source: plan.via,
          segments: first.result.segments,
          bridgedFrom: request.source,
        },
        deadline,
        errors,
      );
      if (!second) continue;
      return {
        segments: second.result.segments,
        // The second leg reads the first leg's unknown words again: it knows which are left.
        ...(second.result.unknown ? { unknown: second.result.unknown } : {}),
        billedCharacters: first.result.billedCharacters + second.result.billedCharacters,
        engine: first.engine === second.engine ? first.engine : `${first.engine}+${second.engine}`,
        via: plan.via,
      };
    }
    throw mostRelevant(errors, request.source, request.target);
  }

  async function pairs(): Promise<RoutedPair[]> {
    const index = await indexes();
    const versions = [...slots.values()].map((slot) => slot.pairs.version).join(',');
    if (pairList?.versions !== versions) pairList = { versions, pairs: listPairs(index) };
    return pairList.pairs;
  }

  function listPairs(index: Map<string, PairIndex>): RoutedPair[] {
    const direct = new Map<string, RoutedPair>();
    const sources = new Set<string>();
    const targets = new Set<string>();
    for (const id of order)
      for (const pair of slots.get(id)!.pairs.pairs) {
        sources.add(pair.source);
        targets.add(pair.target);
        const key = `${pair.source}>${pair.target}`;
        const known = direct.get(key);
        if (!known)
          direct.set(key, {
            ...pair,
            engines: candidateIds(order, index, routes, pair.source, pair.target),
          });
      }
    const result = [...direct.values()].filter((pair) => pair.engines.length > 0);
    for (const source of sources)
      for (const target of targets) {
        if (languageKey(source) === languageKey(target)) continue;
        if (candidateIds(order, index, routes, source, target).length > 0) continue;
        const plan = pivotPlans(order, index, routes, bridges, source, target)[0];
        if (plan)
          result.push({
            source,
            target,
            engines: [...new Set([...plan.first, ...plan.second])],
            via: plan.via,
          });
      }
    const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    return result.sort((a, b) => byCode(a.source, b.source) || byCode(a.target, b.target));
  }

  async function health(): Promise<EngineHealth[]> {
    await indexes();
    return Promise.all(
      [...slots.values()].map(async (slot) => {
        const breaker = slot.breaker.state();
        let healthy = false;
        try {
          healthy =
            breaker !== 'open' &&
            (await withTimeout(slot.engine.healthy(), options.timeoutMs, slot.engine.id));
        } catch {
          healthy = false;
        }
        return { id: slot.engine.id, pairs: slot.pairs.pairs.length, healthy, breaker };
      }),
    );
  }

  async function close(): Promise<void> {
    await Promise.all([...slots.values()].map((slot) => slot.engine.close()));
  }

  return { translate, pairs, health, close };
}
