import { describe, expect, it } from 'vitest';
import { sentenceStarts } from './sentences.js';

const split = (text: string, language: string) => {
  const starts = [0, ...(sentenceStarts([text], language)[0] ?? []), text.length];
  return starts.slice(1).map((end, index) => text.slice(starts[index], end));
};

describe('sentenceStarts', () => {
  it('splits Spanish sentences, keeping inverted marks with their sentence', () => {
    expect(split('Gracias por escribir. ¿Cuándo hizo el pedido? ¡Lo revisamos!', 'es')).toEqual([
      'Gracias por escribir. ',
      '¿Cuándo hizo el pedido? ',
      '¡Lo revisamos!',
    ]);
  });

  it('splits after a long run of dots followed by more text, and not inside closing punctuation', () => {
    const dots = '.'.repeat(20_000);
    expect(split(`Hola${dots} Adiós.`, 'es')).toEqual([`Hola${dots} `, 'Adiós.']);
    expect(split(`¿Hola?!${dots}  `, 'es')).toEqual([`¿Hola?!${dots}  `]);
  });

  it('does not split after a title abbreviation followed by a name', () => {
    expect(split('Hola Sr. García. Su pedido salió.', 'es')).toEqual([
      'Hola Sr. García. ',
      'Su pedido salió.',
    ]);
  });

  it('does not split after German z.B. or Hr. before a capitalised word', () => {
    expect(split('Bitte Hr. Müller fragen, z.B. Montag. Danke.', 'de')).toEqual([
      'Bitte Hr. Müller fragen, z.B. Montag. ',
      'Danke.',
    ]);
  });

  it('splits Japanese at the ideographic full stop without spaces', () => {
    expect(split('ご注文ありがとうございます。商品は明日発送されます！', 'ja')).toEqual([
      'ご注文ありがとうございます。',
      '商品は明日発送されます！',
    ]);
  });

  it('finds the sentences of several runs in one call, each counted from its own start', () => {
    expect(
      sentenceStarts(['Hola.', 'Uno. Dos. Tres.', 'Sin punto final', '¿Sí? Vale.'], 'es'),
    ).toEqual([[], [5, 10], [], [5]]);
  });

  it('does not treat a line break inside a run as a sentence end', () => {
    expect(sentenceStarts(['Vielen Dank für\nIhre Nachricht. Wir melden uns.'], 'de')).toEqual([
      [32],
    ]);
  });

  it('falls back to generic rules for a language tag ICU rejects', () => {
    expect(split('First one. Second one.', 'x-unknown-tag')).toEqual([
      'First one. ',
      'Second one.',
    ]);
  });
});
