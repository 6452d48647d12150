/**
 * The customer's language at a glance: detected language and confidence (or "chosen by you"), the
 * requester's profile locale when it says something else, and a picker to override the language
 * for this ticket. The picker offers the languages the proxy can translate, plus common ones.
 */
import { Button } from '@zendeskgarden/react-buttons';
import { Field, Select } from '@zendeskgarden/react-forms';
import { Tag } from '@zendeskgarden/react-tags';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { createProxyApi } from '../api/proxyApi.js';
import { useHost } from '../host/HostProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import type { CustomerLanguage } from '../model/conversation.js';
import { languageName, languageOf } from '../model/languages.js';

/** Offered even when the proxy cannot list its pairs: the languages support teams meet most. */
const COMMON_LANGUAGES = [
  'ar',
  'ca',
  'de',
  'en',
  'es',
  'fr',
  'it',
  'ja',
  'ko',
  'nl',
  'pl',
  'pt',
  'ru',
  'sv',
  'tr',
  'zh-Hans',
];

interface LanguageBadgeProps {
  language: CustomerLanguage | undefined;
  requesterLocale: string | undefined;
  override: string | undefined;
  onChoose: (language: string | undefined) => void;
  pickerOpen: boolean;
  onPickerOpenChange: (open: boolean) => void;
}

export function LanguageBadge(props: LanguageBadgeProps) {
  const { language, requesterLocale, override, onChoose, pickerOpen, onPickerOpenChange } = props;
  const { t, locale } = useI18n();
  const host = useHost();
  const [proxyLanguages, setProxyLanguages] = useState<string[]>([]);
  const selectRef = useRef<HTMLSelectElement>(null);
  const headingId = useId();

  useEffect(() => {
    if (!pickerOpen) return;
    selectRef.current?.focus();
    let live = true;
    createProxyApi(host)
      .languages()
      .then(
        ({ pairs }) =>
          live && setProxyLanguages(pairs.flatMap((pair) => [pair.source, pair.target])),
      )
      .catch(() => undefined); // the common list is enough to choose from
    return () => {
      live = false;
    };
  }, [pickerOpen, host]);

  const options = useMemo(() => {
    const codes = new Set([...COMMON_LANGUAGES, ...proxyLanguages]);
    if (language && language.code !== 'und') codes.add(language.code);
    return [...codes]
      .map((code) => ({ code, name: languageName(code, locale) }))
      .sort((a, b) => a.name.localeCompare(b.name, locale));
  }, [proxyLanguages, language, locale]);

  const profileLanguage = requesterLocale ? languageOf(requesterLocale) : undefined;
  const known = language && language.code !== 'und';
  const detail = language?.chosenByAgent
    ? t('badge.chosen')
    : language?.detection
      ? t('badge.confidence', { percent: Math.round(language.detection.confidence * 100) })
      : undefined;

  return (
    <section className="parley-badge" aria-labelledby={headingId}>
      <span id={headingId} className="parley-label">
        {t('badge.label')}
      </span>
      <div className="parley-badge-row">
        <Tag hue={known ? 'blue' : 'grey'} size="large">
          <span data-testid="customer-language">
            {known ? languageName(language.code, locale) : t('badge.unknown')}
          </span>
        </Tag>
        {detail && <span className="parley-muted">{detail}</span>}
        <Button
          size="small"
          isBasic
          aria-expanded={pickerOpen}
          onClick={() => onPickerOpenChange(!pickerOpen)}
        >
          {t('badge.change')}
        </Button>
      </div>
      {profileLanguage && known && profileLanguage !== languageOf(language.code) && (
        <span className="parley-muted">
          {t('badge.profile', { language: languageName(profileLanguage, locale) })}
        </span>
      )}
      {pickerOpen && (
        <Field>
          <Field.Label>{t('badge.select')}</Field.Label>
          <Select
            ref={selectRef}
            isCompact
            value={override ?? ''}
            onChange={(event) => {
              onChoose(event.target.value || undefined);
              onPickerOpenChange(false);
            }}
          >
            <option value="">{t('badge.auto')}</option>
            {options.map(({ code, name }) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </Select>
        </Field>
      )}
    </section>
  );
}
