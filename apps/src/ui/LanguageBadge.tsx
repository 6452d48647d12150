/**
 * The customer's language at a glance: the language as a tag, its detection confidence only when
 * the detector was unsure (or "chosen by you"), the requester's profile locale when it says
 * something else, and a picker to override the language for this ticket. The picker offers one
 * entry per language (regional variants are the same language to the sidebar), the ones the
 * tenant's engines translate both ways (and the agent's own) apart from those only review serves.
 */
import { Button } from '@zendeskgarden/react-buttons';
import { Field, Select } from '@zendeskgarden/react-forms';
import { Tag } from '@zendeskgarden/react-tags';
import { useEffect, useId, useMemo, useRef } from 'react';
import { useHost } from '../host/HostProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import type { CustomerLanguage } from '../model/conversation.js';
import type { LanguagePairs } from '../model/languagePairs.js';
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

/** Below this a detection is worth a second look, and the badge shows how sure it was. */
const CONFIDENT = 0.9;

interface LanguageBadgeProps {
  language: CustomerLanguage | undefined;
  requesterLocale: string | undefined;
  override: string | undefined;
  /** What the engines serve; undefined while unknown (the picker then lists languages unmarked). */
  pairs: LanguagePairs | undefined;
  onChoose: (language: string | undefined) => void;
  pickerOpen: boolean;
  onPickerOpenChange: (open: boolean) => void;
}

interface Option {
  code: string;
  name: string;
}

export function LanguageBadge(props: LanguageBadgeProps) {
  const { language, requesterLocale, override, pairs, onChoose, pickerOpen, onPickerOpenChange } =
    props;
  const { t, locale } = useI18n();
  const host = useHost();
  const selectRef = useRef<HTMLSelectElement>(null);
  const headingId = useId();
  const agentLanguage = languageOf(host.context.agentLocale);

  useEffect(() => {
    if (pickerOpen) selectRef.current?.focus();
  }, [pickerOpen]);

  const groups = useMemo(() => {
    // The agent's own language needs no engine: a customer who writes it is ready to answer.
    const translatable = new Set([
      agentLanguage,
      ...(pairs?.translatableWith(agentLanguage) ?? []),
    ]);
    const codes = new Set([...COMMON_LANGUAGES, ...translatable].map(languageOf));
    if (language && language.code !== 'und') codes.add(languageOf(language.code));
    if (override) codes.add(languageOf(override));
    const byName = (a: Option, b: Option) => a.name.localeCompare(b.name, locale);
    const options = [...codes].map((code) => ({ code, name: languageName(code, locale) }));
    return {
      translatable: options.filter((o) => translatable.has(o.code)).sort(byName),
      other: options.filter((o) => !translatable.has(o.code)).sort(byName),
    };
  }, [pairs, agentLanguage, language, override, locale]);

  const profileLanguage = requesterLocale ? languageOf(requesterLocale) : undefined;
  const known = language && language.code !== 'und';
  const detection = language?.detection;
  const unsure = detection && (!detection.reliable || detection.confidence < CONFIDENT);
  const optionList = (options: Option[]) =>
    options.map(({ code, name }) => (
      <option key={code} value={code}>
        {name}
      </option>
    ));

  return (
    <section className="parley-badge" aria-labelledby={headingId}>
      <span id={headingId} className="parley-label">
        {t('badge.label')}
      </span>
      <div className="parley-badge-row">
        <Tag size="large">
          <span data-testid="customer-language">
            {known ? languageName(language.code, locale) : t('badge.unknown')}
          </span>
        </Tag>
        {language?.chosenByAgent && <Tag>{t('badge.chosen')}</Tag>}
        {unsure && (
          <Tag hue="yellow">
            {t('badge.confidence', { percent: Math.round(detection.confidence * 100) })}
          </Tag>
        )}
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
          <Field.Hint>{t('badge.selectHint')}</Field.Hint>
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
            {pairs ? (
              <>
                <optgroup label={t('badge.translatable')}>
                  {optionList(groups.translatable)}
                </optgroup>
                <optgroup label={t('badge.reviewOnly')}>{optionList(groups.other)}</optgroup>
              </>
            ) : (
              optionList(groups.other)
            )}
          </Select>
        </Field>
      )}
    </section>
  );
}
