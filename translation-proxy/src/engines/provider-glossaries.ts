/**
 * Glossaries a tenant created in a provider's own account (DeepL glossary ids, Google Cloud
 * glossary ids), configured per language pair. Both providers keep one glossary per pair, so the
 * engines pick the one configured for a request's pair the same way.
 */
import { languageKey } from './language-tags.js';

export interface ProviderGlossary {
  source: string;
  target: string;
  /** The provider's glossary id. */
  id: string;
}

/** The glossary configured for `source`→`target` (regional variants match their language). */
export function glossaryFor<T extends ProviderGlossary>(
  glossaries: readonly T[] | undefined,
  source: string,
  target: string,
): T | undefined {
  return glossaries?.find(
    (glossary) =>
      languageKey(glossary.source) === languageKey(source) &&
      languageKey(glossary.target) === languageKey(target),
  );
}
