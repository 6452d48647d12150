/** Language codes as the sidebar uses them: locales reduced to the tags the proxy translates between. */

/**
 * A helpdesk locale as a translation language: `en-US` → `en`, `pt-BR` → `pt`; Chinese keeps its
 * script (`zh-TW` → `zh-Hant`, `zh-CN` → `zh-Hans`) because the scripts are different targets.
 */
export function languageOf(locale: string): string {
  const [base = '', ...rest] = locale.trim().split(/[-_]/);
  const lower = base.toLowerCase();
  if (lower !== 'zh') return lower;
  const region = rest.map((part) => part.toLowerCase());
  return region.some((part) => ['hant', 'tw', 'hk', 'mo'].includes(part)) ? 'zh-Hant' : 'zh-Hans';
}

/** The language's name in the agent's UI language (`es` in `en` → "Spanish"), or the code itself. */
export function languageName(code: string, uiLocale: string): string {
  try {
    return new Intl.DisplayNames([uiLocale, 'en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
