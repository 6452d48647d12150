import { describe, expect, it } from 'vitest';
import { findPersonalData, type PersonalDataSpan } from './index.js';

const found = (text: string, spans: PersonalDataSpan[]) =>
  spans.map(({ start, end, kind }) => [kind, text.slice(start, end)]);

describe('findPersonalData', () => {
  it('finds every kind in one message, sorted by start', () => {
    const text =
      'Soy Rosa, DNI 12345678Z, tel. 612 34 56 78, rosa.verde@correo.es, ' +
      'IBAN ES91 2100 0418 4502 0005 1332, tarjeta 4111 1111 1111 1111, IP 203.0.113.7.';
    const spans = findPersonalData(text, {
      language: 'es',
      known: [{ kind: 'name', value: 'Rosa Verde' }],
    });
    expect(found(text, spans)).toEqual([
      ['name', 'Rosa'],
      ['national_id', '12345678Z'],
      ['phone', '612 34 56 78'],
      ['email', 'rosa.verde@correo.es'],
      ['iban', 'ES91 2100 0418 4502 0005 1332'],
      ['card', '4111 1111 1111 1111'],
      ['ip', '203.0.113.7'],
    ]);
  });

  it('looks only for the kinds asked for', () => {
    const text = 'Write to ana@example.com or call +44 20 7946 0958.';
    const spans = findPersonalData(text, { kinds: new Set(['phone']) });
    expect(found(text, spans)).toEqual([['phone', '+44 20 7946 0958']]);
  });

  it('keeps the longest finding where two overlap: the e-mail, not the name inside it', () => {
    const text = 'Escribe a rosa.verde@correo.es';
    const spans = findPersonalData(text, { known: [{ kind: 'name', value: 'Rosa Verde' }] });
    expect(found(text, spans)).toEqual([['email', 'rosa.verde@correo.es']]);
  });

  it('prefers the checksum kind when a phone of the same length overlaps it', () => {
    // Nine digits that are both a valid Portuguese mobile number and a valid NIF.
    const text = 'O meu NIF: 912 345 675';
    const spans = findPersonalData(text, { language: 'pt' });
    expect(found(text, spans)).toEqual([['national_id', '912 345 675']]);
  });

  it('finds nothing in text without personal data', () => {
    const text = 'Your order ORD-77812-B of 12/05/2024 for €1.234,56 ships at 10:30 (v2.4.1).';
    expect(findPersonalData(text, { language: 'en' })).toEqual([]);
  });
});
