import { describe, expect, it } from 'vitest';
import { countTermForms } from './term-forms.js';

const counts = (text: string, terms: string[]) => Object.fromEntries(countTermForms(text, terms));

describe('countTermForms', () => {
  it('finds a Spanish plural and a capitalised form of a glossary target', () => {
    expect(counts('Pedidos enviados; su pedido llega el lunes.', ['pedido'])).toEqual({
      pedido: 2,
    });
  });

  it('finds a German plural ending', () => {
    expect(counts('Alle Bestellungen sind unterwegs.', ['Bestellung'])).toEqual({ Bestellung: 1 });
  });

  it('finds a multi-word term with its first word inflected', () => {
    expect(counts('Dos tarjetas de regalo', ['tarjeta de regalo'])).toEqual({
      'tarjeta de regalo': 1,
    });
  });

  it('does not take a word that only shares a short start for the term', () => {
    expect(counts('El pedal está roto.', ['pedido'])).toEqual({ pedido: 0 });
  });

  it('does not take a much longer word for the term', () => {
    expect(counts('Reembolsabilidad', ['reembolso'])).toEqual({ reembolso: 0 });
  });

  it('requires a short term word whole', () => {
    expect(counts('Es una app nueva; apps y aplicaciones.', ['app'])).toEqual({ app: 2 });
    expect(counts('Las aplicaciones', ['app'])).toEqual({ app: 0 });
  });

  it('counts an occurrence once for a term given twice', () => {
    expect(counts('cuenta', ['cuenta', 'cuenta'])).toEqual({ cuenta: 1 });
  });
});
