/** Provides `t` for the agent's locale to the component tree; `useT()` reads it. */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { createTranslate, UI_MESSAGES, type Messages, type Translate } from './i18n.js';

const I18nContext = createContext<{ t: Translate; locale: string } | null>(null);

export function I18nProvider({
  locale,
  catalog = UI_MESSAGES,
  children,
}: {
  locale: string;
  /** The strings by locale; the sidebar's by default. */
  catalog?: Record<string, Messages>;
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
