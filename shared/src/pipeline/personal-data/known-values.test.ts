import { describe, expect, it } from 'vitest';
import { findKnownValues } from './known-values.js';
import type { KnownPersonalValue } from './span.js';

/** What is found, less the parts of a name found inside the whole name (findPersonalData drops those). */
function found(text: string, known: readonly KnownPersonalValue[]) {
  const spans = findKnownValues(text, known);
  return spans
    .filter(
      (span) =>
        !spans.some(
          (other) => other !== span && other.start <= span.start && other.end >= span.end,
        ),
    )
    .sort((a, b) => a.start - b.start)
    .map(({ start, end, kind }) => [kind, text.slice(start, end)]);
}

const rosa: KnownPersonalValue = { kind: 'name', value: 'Rosa Verde' };

describe('findKnownValues', () => {
  it('finds a name whole in any case', () => {
    expect(found('Soy Rosa Verde. ROSA VERDE firmó, rosa verde también.', [rosa])).toEqual([
      ['name', 'Rosa Verde'],
      ['name', 'ROSA VERDE'],
      ['name', 'rosa verde'],
    ]);
  });

  it('finds each word of a name as capitalised or in capitals, not the common word', () => {
    expect(found('Hola Rosa, la camiseta rosa es de VERDE.', [rosa])).toEqual([
      ['name', 'Rosa'],
      ['name', 'VERDE'],
    ]);
  });

  it('matches whole words only', () => {
    expect(found('Rosalía y Verdejo', [rosa])).toEqual([]);
  });

  it('is accent-sensitive, with letters beyond ASCII at the word edges', () => {
    const known: KnownPersonalValue[] = [
      { kind: 'name', value: 'Lucía Fernández' },
      { kind: 'name', value: 'Jürgen Müller' },
    ];
    expect(found('Lucía escribe; Lucia no. Herr Müller, nicht Muller.', known)).toEqual([
      ['name', 'Lucía'],
      ['name', 'Müller'],
    ]);
  });

  it('reads ß written as SS in capitals', () => {
    expect(found('KATHARINA GROSS', [{ kind: 'name', value: 'Katharina Groß' }])).toEqual([
      ['name', 'KATHARINA GROSS'],
    ]);
  });

  it('never finds a lower-case particle of a name alone', () => {
    expect(
      found('Gianluca de Luca, de nuovo', [{ kind: 'name', value: 'Gianluca de Luca' }]),
    ).toEqual([['name', 'Gianluca de Luca']]);
  });

  it('never finds an initial alone', () => {
    expect(found('J. ha llamado; Smith también', [{ kind: 'name', value: 'J. Smith' }])).toEqual([
      ['name', 'Smith'],
    ]);
  });

  it('finds a known e-mail address in any case', () => {
    expect(found('Escribe a ANA@correo.es', [{ kind: 'email', value: 'ana@Correo.ES' }])).toEqual([
      ['email', 'ANA@correo.es'],
    ]);
  });

  it('finds a known phone by its digits, with or without country code and separators', () => {
    const text = 'Llama al 612345678, al 0034 612 34 56 78 o al +34 612-34-56-78.';
    expect(found(text, [{ kind: 'phone', value: '+34 612 34 56 78' }])).toEqual([
      ['phone', '612345678'],
      ['phone', '0034 612 34 56 78'],
      ['phone', '+34 612-34-56-78'],
    ]);
  });

  it('ignores empty values', () => {
    expect(found('nada', [{ kind: 'name', value: '  ' }])).toEqual([]);
  });
});
