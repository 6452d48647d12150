// Language tags: canonical BCP 47 forms, base languages, ISO 639-3 → BCP 47 and display names.
// Isomorphic: relies only on Intl (CLDR data in Node and every current browser).

// Codes that are valid BCP 47 syntax but name no language.
const NOT_A_LANGUAGE = new Set(['und', 'mul', 'mis', 'zxx']);
const PRIVATE_USE = /^q[a-t][a-z]$/;

// ISO 639-3 codes franc emits for which CLDR has no alias to the shorter BCP 47 code.
const ISO6393_OVERRIDES: Readonly<Record<string, string>> = {
  zlm: 'ms', // Malay (individual language) → Malay macrolanguage
  tgl: 'tl', // Tagalog: CLDR keeps the 3-letter form, BCP 47 prefers ISO 639-1
};

const languageNamesInEnglish = new Intl.DisplayNames(['en'], {
  type: 'language',
  fallback: 'none',
});

function canonicalize(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag.trim().replace(/_/g, '-'))[0];
  } catch {
    return undefined;
  }
}

function primarySubtag(tag: string): string {
  return tag.split('-')[0] ?? tag;
}

function isRealLanguage(primary: string): boolean {
  if (NOT_A_LANGUAGE.has(primary) || PRIVATE_USE.test(primary)) return false;
  return languageNamesInEnglish.of(primary) !== undefined;
}

/**
 * Canonical BCP 47 form of a tag (`EN` → `en`, `pt_br` → `pt-BR`, `zh-hans` → `zh-Hans`,
 * `iw` → `he`), or undefined when its primary subtag is not a real language.
 */
export function normalizeLanguageTag(tag: string): string | undefined {
  // Every request normalises its tags, and Intl's canonicalisation is slow: remember answers.
  // Distinct tags are few, but input is untrusted, so the memory is bounded.
  if (normalized.has(tag)) return normalized.get(tag);
  const result = normalize(tag);
  if (normalized.size >= NORMALIZED_LIMIT) normalized.clear();
  normalized.set(tag, result);
  return result;
}

const NORMALIZED_LIMIT = 1_000;
const normalized = new Map<string, string | undefined>();

function normalize(tag: string): string | undefined {
  const canonical = canonicalize(tag);
  if (canonical === undefined) return undefined;
  const primary = primarySubtag(canonical);
  const overridden = ISO6393_OVERRIDES[primary];
  const result =
    overridden === undefined ? canonical : [overridden, ...canonical.split('-').slice(1)].join('-');
  return isRealLanguage(primarySubtag(result)) ? result : undefined;
}

/** The primary language of a tag, canonicalised where possible (`pt-BR` → `pt`, `iw-IL` → `he`). */
export function baseLanguage(tag: string): string {
  const normalized = normalizeLanguageTag(tag);
  return primarySubtag(normalized ?? tag.trim().replace(/_/g, '-')).toLowerCase();
}

/**
 * BCP 47 code for an ISO 639-3 code such as franc returns (`por` → `pt`, `cmn` → `zh`), or
 * undefined for `und` and codes CLDR does not know.
 */
export function iso6393ToBcp47(code: string): string | undefined {
  const lower = code.trim().toLowerCase();
  if (!/^[a-z]{3}$/.test(lower)) return undefined;
  const bcp47 = ISO6393_OVERRIDES[lower] ?? canonicalize(lower);
  return bcp47 !== undefined && isRealLanguage(bcp47) ? bcp47 : undefined;
}

/** The name of a language in `displayLocale` ("Spanish", "español"), falling back to English, then the tag. */
export function languageName(tag: string, displayLocale: string): string {
  const normalized = normalizeLanguageTag(tag) ?? tag;
  for (const locale of [displayLocale, 'en']) {
    try {
      const name = new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' }).of(
        normalized,
      );
      if (name !== undefined) return name;
    } catch {
      // An invalid display locale: try the next one.
    }
  }
  return normalized;
}
