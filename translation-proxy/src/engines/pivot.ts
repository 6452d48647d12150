/**
 * Which engines serve a pair, in which order, and how to go through a bridge language when none
 * does. Pairs are compared by written language (`languageKey`: `en-GB` and `en` are one target,
 * `zh-TW` and `zh-Hant` too), so every engine's provider spelling lines up.
 */
import type { LanguagePair } from './engine.js';
import { languageKey } from './language-tags.js';

/** An ordered engine list for a pair; `*` stands for any language. */
export interface PairRoute {
  source: string;
  target: string;
  engines: string[];
}

/** The pairs one engine serves, indexed by source key then target key. */
export type PairIndex = Map<string, Set<string>>;

export function indexPairs(pairs: readonly LanguagePair[]): PairIndex {
  const index: PairIndex = new Map();
  for (const { source, target } of pairs) {
    const sourceKey = languageKey(source);
    let targets = index.get(sourceKey);
    if (!targets) index.set(sourceKey, (targets = new Set()));
    targets.add(languageKey(target));
  }
  return index;
}

export function indexServes(index: PairIndex, source: string, target: string): boolean {
  return index.get(languageKey(source))?.has(languageKey(target)) ?? false;
}

const matches = (pattern: string, tag: string): boolean =>
  pattern === '*' || languageKey(pattern) === languageKey(tag);

/** The most specific route for a pair: exact pair, then one wildcard side, then `*`→`*`. */
export function routeFor(
  routes: readonly PairRoute[],
  source: string,
  target: string,
): PairRoute | undefined {
  const specificity = (route: PairRoute) =>
    (route.source === '*' ? 0 : 2) + (route.target === '*' ? 0 : 1);
  return routes
    .filter((route) => matches(route.source, source) && matches(route.target, target))
    .sort((a, b) => specificity(b) - specificity(a))[0];
}

/**
 * Engine ids that serve source→target, in preference order: the pair's route when one matches
 * (only the engines it names), otherwise the failover chain's engine order.
 */
export function candidateIds(
  order: readonly string[],
  indexes: ReadonlyMap<string, PairIndex>,
  routes: readonly PairRoute[],
  source: string,
  target: string,
): string[] {
  const route = routeFor(routes, source, target);
  const ids = route ? route.engines : order;
  return ids.filter((id) => {
    const index = indexes.get(id);
    return index !== undefined && indexServes(index, source, target);
  });
}

export interface PivotPlan {
  via: string;
  first: string[];
  second: string[];
}

/** Bridges that can carry source→target in two hops, in the order of `bridges`. */
export function pivotPlans(
  order: readonly string[],
  indexes: ReadonlyMap<string, PairIndex>,
  routes: readonly PairRoute[],
  bridges: readonly string[],
  source: string,
  target: string,
): PivotPlan[] {
  const plans: PivotPlan[] = [];
  for (const via of bridges) {
    const key = languageKey(via);
    if (key === languageKey(source) || key === languageKey(target)) continue;
    const first = candidateIds(order, indexes, routes, source, via);
    const second = candidateIds(order, indexes, routes, via, target);
    if (first.length > 0 && second.length > 0) plans.push({ via, first, second });
  }
  return plans;
}
