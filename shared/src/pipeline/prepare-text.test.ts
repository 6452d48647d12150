import { describe, expect, it } from 'vitest';
import { prepareText } from './prepare-text.js';

const maskedOf = (text: string, sourceLanguage: string) =>
  prepareText(text, { sourceLanguage }).segments.map((segment) => segment.masked);

describe('prepareText', () => {
  it('masks helpdesk placeholders and splits sentences line by line', () => {
    expect(
      maskedOf(
        'Hi {{ticket.requester.first_name}},\n\nYour refund was issued. It takes 5 days.',
        'en',
      ),
    ).toEqual(['Hi <x id="1"/>,', 'Your refund was issued.', 'It takes 5 days.']);
  });

  it('escapes < > & in masked text and gives them back unescaped', () => {
    const document = prepareText('Wenn Menge < 3 & Preis > 10', { sourceLanguage: 'de' });
    expect(document.segments[0]?.masked).toBe('Wenn Menge &lt; 3 &amp; Preis &gt; 10');
    expect(document.restore(['If quantity &lt; 3 &amp; price &gt; 10']).output).toBe(
      'If quantity < 3 & price > 10',
    );
  });

  it('leaves HTML entities in plain text as typed', () => {
    const text = 'Escriba &nbsp; tal cual.';
    const document = prepareText(text, { sourceLanguage: 'es' });
    expect(document.restore(document.segments.map((s) => s.masked)).output).toBe(text);
  });

  it('restores untranslated segments to the exact input, line breaks and edge spaces included', () => {
    const text =
      '  Hallo Frau Schmidt,\r\n\r\nIhre Bestellung ORD-77812-B ist unterwegs.  Siehe https://Track.example/DE?id=9. \n';
    const document = prepareText(text, { sourceLanguage: 'de' });
    expect(document.restore(document.segments.map((s) => s.masked))).toEqual({
      output: text,
      qa: [],
    });
  });

  it('masks a do-not-translate glossary term as a whole word, ignoring case', () => {
    expect(
      prepareText('Open Parley Inbox, then parley inbox settings. Parleys are different.', {
        sourceLanguage: 'en',
        terms: [{ source: 'Parley Inbox' }],
      }).segments.map((s) => s.masked),
    ).toEqual(['Open <x id="1"/>, then <x id="2"/> settings.', 'Parleys are different.']);
  });

  it('matches a case-sensitive glossary term only in its exact case', () => {
    expect(
      prepareText('Apple sells apples.', {
        sourceLanguage: 'en',
        terms: [{ source: 'Apple', caseSensitive: true }],
      }).segments.map((s) => s.masked),
    ).toEqual(['<x id="1"/> sells apples.']);
  });

  it('masks a Japanese glossary term inside unspaced text', () => {
    expect(
      prepareText('ご注文の返金は完了しました。', {
        sourceLanguage: 'ja',
        terms: [{ source: '返金', target: 'refund' }],
      }).segments.map((s) => s.masked),
    ).toEqual(['ご注文の<x id="1"/>は完了しました。']);
  });

  it('keeps Liquid tags as placeholders and the text between them translatable', () => {
    expect(maskedOf('{% if ticket.status == "solved" %}Gracias.{% endif %}', 'es')).toEqual([
      '<x id="1"/>Gracias.<x id="2"/>',
    ]);
  });
});
