import { describe, expect, it } from 'vitest';
import { PERSONAL_DATA_KINDS } from './personal-data/index.js';
import { personalDataToken, withPersonalData } from './personal-spans.js';
import { prepareHtml } from './prepare-html.js';
import { prepareText } from './prepare-text.js';
import type { PipelineOptions } from './types.js';

const ALL_KINDS = new Set(PERSONAL_DATA_KINDS);
const masking = (extra: Partial<NonNullable<PipelineOptions['personalData']>> = {}) => ({
  sourceLanguage: 'en',
  personalData: { kinds: ALL_KINDS, ...extra },
});
const REFUND =
  '<p>We refunded card <b>4111 1111 1111 1111</b> to IBAN DE89 3704 0044 0532 0130 00; call +49 30 901820.</p>';

describe('withPersonalData', () => {
  it('keeps a span around a value inside it, in pieces, and the value as its own span', () => {
    const url = { start: 0, end: 40, category: 'url' };
    const email = { start: 22, end: 34, kind: 'email' as const };
    expect(withPersonalData([url], [email], () => true)).toEqual([
      { start: 0, end: 22, category: 'url' },
      email,
      { start: 34, end: 40, category: 'url' },
    ]);
  });

  it('drops a span that cannot be cut, such as a glossary term, where a value overlaps it', () => {
    const term = { start: 6, end: 16, category: 'term' };
    const after = { start: 30, end: 36, category: 'reference' };
    const name = { start: 0, end: 10, kind: 'name' as const };
    expect(withPersonalData([term, after], [name], (span) => span.category !== 'term')).toEqual([
      name,
      after,
    ]);
  });
});

describe('personalDataToken', () => {
  it('shows the last four characters of an account number and only the kind of anything else', () => {
    expect(personalDataToken('card', '4111 1111 1111 1111')).toBe('card ••••1111');
    expect(personalDataToken('iban', 'DE89 3704 0044 0532 0130 00')).toBe('IBAN ••••3000');
    expect(personalDataToken('phone', '+49 30 901820')).toBe('phone');
    expect(personalDataToken('email', 'rosa@correo.example')).toBe('e-mail');
    expect(personalDataToken('name', 'Rosa Verde')).toBe('name');
  });
});

describe('personal data in the pipeline', () => {
  it('masks a card, an IBAN and a phone number as typed placeholders, and restores them exactly', () => {
    const document = prepareHtml(REFUND, masking());
    const [segment] = document.segments;
    expect(segment?.masked).not.toMatch(/4111|DE89|901820/);
    expect(segment?.placeholders.filter((placeholder) => placeholder.personal)).toEqual([
      { id: 2, kind: 'span', display: 'card ••••1111', personal: 'card' },
      { id: 4, kind: 'span', display: 'IBAN ••••3000', personal: 'iban' },
      { id: 5, kind: 'span', display: 'phone', personal: 'phone' },
    ]);
    expect(document.restore([segment?.masked ?? '']).output).toBe(REFUND);
  });

  it('masks the helpdesk’s known values whole-word, whatever their case', () => {
    const document = prepareText('Dear ROSA VERDE, Rosa Verde’s order and rosa verdes.', {
      ...masking({ known: [{ kind: 'name', value: 'Rosa Verde' }] }),
    });
    expect(document.segments[0]?.masked).toBe(
      'Dear <x id="1"/>, <x id="2"/>’s order and rosa verdes.',
    );
  });

  it('gives a value priority over the span it falls in, keeping the rest of that span', () => {
    const document = prepareText(
      'Track it at https://shop.example.com/track?email=rosa.verde@correo.example now.',
      masking(),
    );
    const [segment] = document.segments;
    expect(segment?.placeholders.map((placeholder) => placeholder.display)).toEqual([
      'https://shop.example.com/track?email=',
      'e-mail',
    ]);
    expect(document.restore([segment?.masked ?? '']).output).toBe(
      'Track it at https://shop.example.com/track?email=rosa.verde@correo.example now.',
    );
  });

  it('leaves a text that is only personal data out of translation', () => {
    const document = prepareText(
      'Rosa Verde',
      masking({ known: [{ kind: 'name', value: 'Rosa Verde' }] }),
    );
    expect(document.segments[0]?.translatable).toBe(false);
  });

  it('shows the values themselves when asked, for translators allowed to see them', () => {
    const document = prepareHtml(REFUND, masking({ showValues: true }));
    expect(document.segments[0]?.placeholders[1]).toEqual({
      id: 2,
      kind: 'span',
      display: '4111 1111 1111 1111',
      personal: 'card',
    });
  });

  it('masks only the kinds asked for, and none without personalData', () => {
    const cardsOnly = prepareHtml(REFUND, masking({ kinds: new Set(['card'] as const) }));
    expect(cardsOnly.segments[0]?.masked).toContain('DE89');
    expect(cardsOnly.segments[0]?.masked).not.toContain('4111');
    expect(prepareHtml(REFUND, { sourceLanguage: 'en' }).segments[0]?.masked).toContain('4111');
  });

  it('shows the values in a code element as tokens too, and restores the element as written', () => {
    const html = '<p>Run <code>login rosa.verde@correo.example</code> again.</p>';
    const document = prepareHtml(html, masking());
    expect(document.segments[0]?.placeholders).toEqual([
      { id: 1, kind: 'span', display: 'login e-mail' },
    ]);
    expect(document.restore([document.segments[0]?.masked ?? '']).output).toBe(html);
  });

  it('reports a dropped value by its token, never by the value', () => {
    const document = prepareText('Refunded to card 4111 1111 1111 1111 today.', masking());
    const { qa, output } = document.restore(['Reembolsado hoy.']);
    expect(qa).toEqual([
      expect.objectContaining({ code: 'placeholder_missing', detail: 'card ••••1111' }),
    ]);
    expect(JSON.stringify(qa)).not.toContain('4111');
    expect(output).toContain('4111 1111 1111 1111');
  });
});
