/** Provides `t` for the user's locale to the component tree; `useI18n()` reads it. */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { createTranslate, type Messages, type Translate } from './i18n.js';

const I18nContext = createContext<{ t: Translate; locale: string } | null>(null);

export function I18nProvider({
  locale,
  catalog,
  children,
}: {
  locale: string;
  /** The strings by locale: the page's own catalog. */
  catalog: Record<string, Messages>;
  children: ReactNode;
}) {
  const value = useMemo(() => ({ t: createTranslate(locale, catalog), locale }), [locale, catalog]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): { t: Translate; locale: string } {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n() must be used inside <I18nProvider>');
  return value;
}
