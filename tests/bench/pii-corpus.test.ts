import { describe, expect, it } from 'vitest';
import { loadCorpus, scoreCorpus, textRuns } from './pii-corpus.js';

describe('the personal-data corpus', () => {
  const corpus = loadCorpus();

  it('holds at least 500 messages, at least 80 in each of en, es, fr, de, pt and it', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(500);
    for (const language of ['en', 'es', 'fr', 'de', 'pt', 'it'])
      expect(
        corpus.filter((message) => message.language === language).length,
      ).toBeGreaterThanOrEqual(80);
  });

  it('is found whole for e-mails and every checksum kind (a regression guard)', () => {
    const { byKind, misses } = scoreCorpus(corpus);
    for (const kind of ['email', 'card', 'iban', 'national_id'] as const) {
      expect(misses.filter((miss) => miss.kind === kind).map((miss) => miss.id)).toEqual([]);
      expect(byKind.get(kind)!.expected).toBeGreaterThan(0);
    }
  });

  it('finds at least 97 % of the phone numbers', () => {
    const phone = scoreCorpus(corpus).byKind.get('phone')!;
    expect(phone.exact / phone.expected).toBeGreaterThanOrEqual(0.97);
  });
});

describe('textRuns', () => {
  it('cuts HTML at blocks, keeps inline tags inside a run and maps decoded text back', () => {
    const html =
      '<p>Tel.&nbsp;<b>612</b>&nbsp;34 56 78</p><p><a href="mailto:ana@correo.es">Ana</a></p>';
    const runs = textRuns({ id: 'x', language: 'es', html, spans: [] });
    expect(runs.map((run) => run.text)).toEqual([
      'Tel.\u00A0612\u00A034 56 78',
      'mailto:ana@correo.es',
      'Ana',
    ]);
    const phone = runs[0]!;
    const start = phone.text.indexOf('612');
    expect(html.slice(phone.rawStart[start], phone.rawEnd[phone.text.length - 1])).toBe(
      '612</b>&nbsp;34 56 78',
    );
  });
});
