import { describe, expect, it } from 'vitest';
import { finishTarget, prepareSource } from './orthography.js';

describe('prepareSource', () => {
  it('turns typographic apostrophes into the ASCII ones the analysers know', () => {
    expect(prepareSource('I’m sure you’re right', 'en')).toBe("I'm sure you're right");
  });

  it('drops characters that would forge unknown-word marks', () => {
    expect(prepareSource('El \uFDD0gato\uFDD1', 'es')).toBe('El gato');
  });

  it('writes out the French ligature œ, which the French analyser knows only as oe', () => {
    expect(prepareSource('Œuvres de ma sœur', 'fr')).toBe('Oeuvres de ma soeur');
  });

  it('drops the Romanian ending written after a hyphen on an acronym or a name', () => {
    expect(prepareSource('FBI-ul a spus că CEO-ul și Texas-ului', 'ro')).toBe(
      'FBI a spus că CEO și Texas',
    );
  });

  it('keeps the hyphenated ending of a lowercase Romanian word, which ro-es knows', () => {
    expect(prepareSource('Site-ul și site-ul', 'ro')).toBe('Site și site-ul');
  });

  it('writes a Romanian ordinal without its article and ending', () => {
    expect(prepareSource('secolul al XV-lea, ediția a II-a, al 3-lea loc', 'ro')).toBe(
      'secolul XV, ediția II, 3 loc',
    );
  });

  it('leaves a Romanian pronoun before a hyphen and a, which an ordinal ending resembles', () => {
    expect(prepareSource('I-a spus. L-a văzut și V-a scris.', 'ro')).toBe(
      'I-a spus. L-a văzut și V-a scris.',
    );
  });

  it('leaves hyphenated endings in other languages as written', () => {
    expect(prepareSource('FBI-ul', 'es')).toBe('FBI-ul');
  });

  it('leaves œ in other languages as written', () => {
    expect(prepareSource('sœur', 'en')).toBe('sœur');
  });
});

describe('finishTarget', () => {
  it('opens Spanish questions and exclamations', () => {
    expect(finishTarget('Hola. Podrías enviarnos tu pedido? Gracias!', 'x', 'es')).toBe(
      'Hola. ¿Podrías enviarnos tu pedido? ¡Gracias!',
    );
  });

  it('opens the mark after a placeholder that starts the sentence', () => {
    expect(finishTarget('<x id="1"/>Necesitas ayuda?', 'x', 'es')).toBe(
      '<x id="1"/>¿Necesitas ayuda?',
    );
  });

  it('opens only the sentence that ends in a mark after a long one that does not', () => {
    const long = `Su pedido ${'sigue en camino '.repeat(1_500)}hoy.`;
    expect(finishTarget(`${long} Lo recibió?`, 'x', 'es')).toBe(`${long} ¿Lo recibió?`);
  });

  it('opens a question after a line break and after a colon and spaces', () => {
    expect(finishTarget('Hola\nTodo bien? Nota:  Llega mañana!', 'x', 'es')).toBe(
      'Hola\n¿Todo bien? Nota:  ¡Llega mañana!',
    );
  });

  it('opens the mark after a greeting, a name or an interjection and its comma', () => {
    expect(finishTarget('Hola Ana, puedes confirmar tu dirección?', 'x', 'es')).toBe(
      'Hola Ana, ¿puedes confirmar tu dirección?',
    );
    expect(finishTarget('Gracias, hasta pronto!', 'x', 'es')).toBe('Gracias, ¡hasta pronto!');
  });

  it('keeps the mark at the start when the comma is inside the question or a name follows it', () => {
    expect(finishTarget('Puedes enviarme el recibo, la factura y la foto?', 'x', 'es')).toBe(
      '¿Puedes enviarme el recibo, la factura y la foto?',
    );
    expect(finishTarget('Cuándo, dónde y cómo?', 'x', 'es')).toBe('¿Cuándo, dónde y cómo?');
    expect(finishTarget('Qué, otra vez el pedido?', 'x', 'es')).toBe('¿Qué, otra vez el pedido?');
    expect(finishTarget('Hola, Betty!', 'x', 'es')).toBe('¡Hola, Betty!');
  });

  it('leaves sentences that already open their marks alone', () => {
    expect(finishTarget('¿Ya está?', 'x', 'es')).toBe('¿Ya está?');
  });

  it('adds no Spanish marks to other target languages', () => {
    expect(finishTarget('What do you think?', 'x', 'en')).toBe('What do you think?');
  });

  it('lowercases function words the transfer capitalised inside an English sentence', () => {
    expect(finishTarget('Thank you For choosing us. The rest', 'x', 'en')).toBe(
      'Thank you for choosing us. The rest',
    );
    expect(finishTarget('\uFDD0Golsling\uFDD1 And Stone', 'x', 'en')).toBe(
      '\uFDD0Golsling\uFDD1 and Stone',
    );
  });

  it('lowercases the word the transfer capitalised after an unknown name', () => {
    expect(
      finishTarget(
        '\uFDD0Siminoff\uFDD1 Has declared that the sales grew.',
        'Siminoff ha declarado que las ventas crecieron.',
        'en',
      ),
    ).toBe('\uFDD0Siminoff\uFDD1 has declared that the sales grew.');
  });

  it('keeps the capital of a word the source also capitalises after the unknown one', () => {
    expect(
      finishTarget(
        'On \uFDD0Sveriges\uFDD1 Radio, in Sweden',
        'En Sveriges Radio, en Suecia',
        'en',
      ),
    ).toBe('On \uFDD0Sveriges\uFDD1 Radio, in Sweden');
  });

  it('keeps the capital when the source follows the unknown word both ways', () => {
    expect(
      finishTarget(
        '\uFDD0Zorblax\uFDD1 Premium and \uFDD0Zorblax\uFDD1 costs less',
        'Zorblax Premium y Zorblax cuesta menos',
        'en',
      ),
    ).toBe('\uFDD0Zorblax\uFDD1 Premium and \uFDD0Zorblax\uFDD1 costs less');
  });

  it('leaves capitalised function words in other target languages alone', () => {
    expect(finishTarget('Gracias Por todo', 'x', 'es')).toBe('Gracias Por todo');
  });

  it('gives back typographic apostrophes where the source used them', () => {
    expect(finishTarget("We're here", 'Estamos aquí’', 'en')).toBe('We’re here');
  });

  it('writes an English opening phrase the transfer put in capitals as a capitalised phrase', () => {
    expect(finishTarget('DUE TO the rain, it closed.', 'Debido a la lluvia, cerró.', 'en')).toBe(
      'Due to the rain, it closed.',
    );
  });

  it('keeps an opening in capitals when the source opens in capitals', () => {
    expect(finishTarget('NHK NEWS reported it.', 'NHK NEWS lo informó.', 'en')).toBe(
      'NHK NEWS reported it.',
    );
  });

  it('writes guillemets in an English target as straight quotation marks, without the spaces inside', () => {
    expect(
      finishTarget('She said « we will stay » and left.', 'Dijo « nos quedamos » y se fue.', 'en'),
    ).toBe('She said "we will stay" and left.');
  });

  it('writes a low opening quotation mark and its closing one as straight quotation marks', () => {
    expect(finishTarget('„We are ready”, he said.', '„Estamos listos”, dijo.', 'en')).toBe(
      '"We are ready", he said.',
    );
  });
});
