/**
 * BCP 47 language tags as the engines and the failover chain compare them. Providers spell
 * languages their own way (DeepL `EN-US`, `ZH-HANS`; Google `zh-CN`, `iw`; Azure `pt-pt`); each
 * engine turns its provider's codes into canonical tags, and everyone matches requests against them
 * here so that "which engine serves es→en" and "which DeepL code does `en` mean" get the same
 * answer.
 */
import { normalizeLanguageTag } from '@parley/shared/languages';

/** `EN-US` → `en-US`, `zh-hans` → `zh-Hans`, `pt_BR` → `pt-BR`, `iw` → `he`; junk kept lower-cased. */
export function canonicalTag(code: string): string {
  return normalizeLanguageTag(code) ?? code.trim().replace(/_/g, '-').toLowerCase();
}

function maximized(tag: string): Intl.Locale | undefined {
  try {
    return new Intl.Locale(canonicalTag(tag)).maximize();
  } catch {
    return undefined;
  }
}

/**
 * The language and script a tag stands for (`zh-TW` → `zh-Hant`, `pt-BR` → `pt-Latn`, `en` →
 * `en-Latn`). Two tags with one key are the same written language; regions only choose a variant.
 */
export function languageKey(tag: string): string {
  let key = keys.get(tag);
  if (key === undefined) {
    const locale = maximized(tag);
    if (!locale) key = canonicalTag(tag).toLowerCase();
    else key = locale.script ? `${locale.language}-${locale.script}` : locale.language;
    // Tags come from provider lists and requests: a bounded memo keeps routing cheap.
    if (keys.size >= 10_000) keys.clear();
    keys.set(tag, key);
  }
  return key;
}
const keys = new Map<string, string>();

/** The bare language subtag: `pt-BR` → `pt`. */
export function primaryLanguage(tag: string): string {
  return canonicalTag(tag).split('-')[0]!.toLowerCase();
}

/**
 * Picks, among a provider's languages, the one that serves a requested tag best: the exact tag,
 * then the same language, script and region (`zh-CN` → `zh-Hans`, `en` → `en-US`), then the
 * same language and script (`en-AU` → `en-GB` or `en-US`, whichever comes first). Returns the
 * provider's own code, or undefined when nothing fits.
 */
export function pickLanguage<T extends { tag: string }>(
  requested: string,
  available: readonly T[],
): T | undefined {
  const wanted = canonicalTag(requested).toLowerCase();
  const exact = available.find((language) => canonicalTag(language.tag).toLowerCase() === wanted);
  if (exact) return exact;
  const full = maximized(requested);
  const key = languageKey(requested);
  const sameKey = available.filter((language) => languageKey(language.tag) === key);
  if (full) {
    const sameRegion = sameKey.find((language) => maximized(language.tag)?.region === full.region);
    if (sameRegion) return sameRegion;
  }
  return sameKey[0];
}

/** One language as a provider names it, with its canonical BCP 47 tag. */
export interface ProviderLanguage {
  /** The provider's own code (`EN-US`, `zh-Hans`, `eng`). */
  code: string;
  /** Canonical BCP 47 tag (`en-US`, `zh-Hans`, `en`). */
  tag: string;
}

/** The languages a provider translates from and into, and which combinations it serves. */
export interface LanguageCatalog {
  sources: ProviderLanguage[];
  targets: ProviderLanguage[];
  /** Whether the provider serves source → target (by provider codes); all-to-all when absent. */
  serves?: (sourceCode: string, targetCode: string) => boolean;
}

function served(
  catalog: LanguageCatalog,
  source: ProviderLanguage,
  target: ProviderLanguage,
): boolean {
  if (languageKey(source.tag) === languageKey(target.tag)) return false;
  return catalog.serves ? catalog.serves(source.code, target.code) : true;
}

/** Every pair a catalog serves, as BCP 47 tags. */
export function catalogPairs(catalog: LanguageCatalog): { source: string; target: string }[] {
  const pairs: { source: string; target: string }[] = [];
  for (const source of catalog.sources)
    for (const target of catalog.targets)
      if (served(catalog, source, target)) pairs.push({ source: source.tag, target: target.tag });
  return pairs;
}

/** The provider codes to send for a requested BCP 47 pair, or undefined when it is not served. */
export function resolvePair(
  catalog: LanguageCatalog,
  source: string,
  target: string,
): { source: ProviderLanguage; target: ProviderLanguage } | undefined {
  const from = pickLanguage(source, catalog.sources);
  if (!from) return undefined;
  const to = pickLanguage(
    target,
    catalog.targets.filter((candidate) => served(catalog, from, candidate)),
  );
  return to ? { source: from, target: to } : undefined;
}
