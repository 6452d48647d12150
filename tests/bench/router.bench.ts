/**
 * `npm run bench:router`: what the failover chain costs.
 *   1. Overhead over a direct engine call, with a local stand-in engine that answers at once
 *      (p50/p99 side by side).
 *   2. Failover latency when the first engine hangs, with the configured per-call timeout:
 *      before the breaker opens (each call waits out the timeout) and after (it skips the engine).
 *   3. What a pivot costs against a direct pair, on a real Apertium APy server when one can be
 *      started here (fr→en through es against es→en).
 * Bounded in count and time; talks only to 127.0.0.1.
 */
import type { EngineRequest, TranslationEngine } from '@parley/translation-proxy/engines/engine';
import { createApyEngine } from '@parley/translation-proxy/engines/apy';
import {
  createFailoverChain,
  type FailoverChainOptions,
} from '@parley/translation-proxy/engines/failover-chain';
import { startApy } from '../support/apy-server.js';
import { silentLogger } from '@parley/translation-proxy/logging';

function standIn(
  id: string,
  answer: (request: EngineRequest) => Promise<string[]> | string[],
): TranslationEngine {
  return {
    id,
    pairs: async () => [
      { source: 'en', target: 'es' },
      { source: 'es', target: 'en' },
    ],
    healthy: async () => true,
    close: async () => {},
    async translate(request) {
      const segments = await answer(request);
      return { segments, billedCharacters: request.segments.join('').length };
    },
  };
}

const instant = standIn('instant', (request) =>
  request.segments.map((segment) => segment.toUpperCase()),
);
const hanging = standIn(
  'hanging',
  (request) =>
    new Promise<string[]>((_, reject) =>
      request.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
    ),
);

function options(
  engines: TranslationEngine[],
  overrides: Partial<FailoverChainOptions> = {},
): FailoverChainOptions {
  return {
    engines,
    timeoutMs: 200,
    retry: { attempts: 1, baseMs: 50, maxMs: 1_000 },
    breaker: { failureThreshold: 5, openMs: 60_000 },
    recordUsage: () => {},
    logger: silentLogger,
    ...overrides,
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function time(
  runs: number,
  call: () => Promise<unknown>,
): Promise<{ p50: number; p99: number }> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await call();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p99: percentile(samples, 99) };
}

const ms = (value: number) => `${value.toFixed(value < 1 ? 4 : 1)} ms`;
const row = (...cells: string[]) =>
  console.log(cells.map((cell, i) => (i === 0 ? cell.padEnd(44) : cell.padStart(14))).join(''));

const request: EngineRequest = {
  source: 'en',
  target: 'es',
  segments: ['Where is my order?', 'Thanks for waiting.'],
};

async function overhead(): Promise<void> {
  const chain = createFailoverChain(options([instant]));
  const runs = 20_000;
  // Warm both paths (JIT, pair index) before measuring.
  await time(2_000, () => instant.translate(request));
  await time(2_000, () => chain.translate(request));
  const direct = await time(runs, () => instant.translate(request));
  const routed = await time(runs, () => chain.translate(request));
  console.log(
    `\n1. FailoverChain overhead over a direct call (stand-in engine, ${runs} calls each)`,
  );
  row('', 'p50', 'p99');
  row('direct engine.translate', ms(direct.p50), ms(direct.p99));
  row('chain.translate', ms(routed.p50), ms(routed.p99));
  row('added by the failover chain', ms(routed.p50 - direct.p50), ms(routed.p99 - direct.p99));
}

async function failover(): Promise<void> {
  const timeoutMs = 200;
  const threshold = 5;
  const chain = createFailoverChain(
    options([hanging, instant], {
      timeoutMs,
      breaker: { failureThreshold: threshold, openMs: 60_000 },
    }),
  );
  const beforeOpen = await time(threshold, () => chain.translate(request));
  const afterOpen = await time(200, () => chain.translate(request));
  const breaker = (await chain.health()).find((engine) => engine.id === 'hanging')!.breaker;
  console.log(
    `\n2. Failover when the first engine hangs (timeout ${timeoutMs} ms, breaker opens after ${threshold})`,
  );
  row('', 'p50', 'p99');
  row(
    `first ${threshold} calls (each waits out the timeout)`,
    ms(beforeOpen.p50),
    ms(beforeOpen.p99),
  );
  row(`next 200 calls (breaker ${breaker}, engine skipped)`, ms(afterOpen.p50), ms(afterOpen.p99));
}

async function pivot(): Promise<void> {
  console.log('\n3. Pivot against a direct pair (real Apertium APy on 127.0.0.1:18211)');
  let server;
  try {
    server = await startApy(18211);
  } catch (error) {
    console.log(`   skipped: ${(error as Error).message.split('\n')[0]}`);
    return;
  }
  try {
    const apy = createApyEngine({ kind: 'apy', url: server.url }, { logger: silentLogger });
    const chain = createFailoverChain(options([apy], { timeoutMs: 10_000 }));
    const sentence = ['Merci pour votre patience, votre commande est partie ce matin.'];
    const spanish = await apy.translate({ source: 'fr', target: 'es', segments: sentence });
    await time(20, () =>
      chain.translate({ source: 'es', target: 'en', segments: spanish.segments }),
    );
    await time(20, () => chain.translate({ source: 'fr', target: 'en', segments: sentence }));
    const direct = await time(200, () =>
      chain.translate({ source: 'es', target: 'en', segments: spanish.segments }),
    );
    const pivoted = await time(200, () =>
      chain.translate({ source: 'fr', target: 'en', segments: sentence }),
    );
    row('', 'p50', 'p99');
    row('direct es→en', ms(direct.p50), ms(direct.p99));
    row('pivot fr→es→en (via es)', ms(pivoted.p50), ms(pivoted.p99));
    row(
      'pivot / direct',
      `${(pivoted.p50 / direct.p50).toFixed(2)}×`,
      `${(pivoted.p99 / direct.p99).toFixed(2)}×`,
    );
  } finally {
    await server.stop();
  }
}

await overhead();
await failover();
await pivot();
