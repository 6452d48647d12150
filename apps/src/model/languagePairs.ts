/**
 * What the tenant's engines can translate, from `GET /v1/languages`, in the sidebar's terms:
 * regional variants count as their language (`en-US` serves English, `pt-BR` Portuguese), since
 * the sidebar translates between languages and the proxy picks the variant's engine.
 */
import type { LanguagesResponse } from '@parley/shared/api/schemas';
import { languageOf } from './languages.js';

export interface LanguagePairs {
  /** Whether some engine, directly or through a bridge language, translates `source` into `target`. */
  serves(source: string, target: string): boolean;
  /** The languages an agent writing `agentLanguage` can both read and answer by machine. */
  translatableWith(agentLanguage: string): Set<string>;
}

export function languagePairs({ pairs }: LanguagesResponse): LanguagePairs {
  const served = new Set(pairs.map((p) => `${languageOf(p.source)}>${languageOf(p.target)}`));
  const serves = (source: string, target: string) =>
    served.has(`${languageOf(source)}>${languageOf(target)}`);
  return {
    serves,
    translatableWith(agentLanguage) {
      const languages = new Set(pairs.map((p) => languageOf(p.source)));
      return new Set(
        [...languages].filter(
          (language) => serves(language, agentLanguage) && serves(agentLanguage, language),
        ),
      );
    },
  };
}
