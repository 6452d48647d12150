import { describe, expect, it } from 'vitest';
import { prepareHtml } from './prepare-html.js';
import { prepareText } from './prepare-text.js';
import type { QaIssue } from './types.js';

// Test doubles of an engine's output, written as string transformations of masked segments.
const PLACEHOLDER_OR_ENTITY = /(<x id="\d+"\/>|&[a-z]+;)/;
const upperCaseText = (masked: string) =>
  masked
    .split(PLACEHOLDER_OR_ENTITY)
    .map((piece, index) => (index % 2 === 1 ? piece : piece.toUpperCase()))
    .join('');
const codes = (qa: readonly QaIssue[]) =>
  qa.map(({ code, severity, detail }) => ({ code, severity, detail }));

describe('restore', () => {
  it('puts tags, URLs and codes back around translated text', () => {
    const document = prepareHtml(
      '<p>Mi pedido <b>ORD-77812-B</b> no ha llegado. Ver https://Shop.example.com/Orders/77812?ref=Mail</p>',
      { sourceLanguage: 'es' },
    );
    expect(
      document.restore(document.segments.map((segment) => upperCaseText(segment.masked))),
    ).toEqual({
      output:
        '<p>MI PEDIDO <b>ORD-77812-B</b> NO HA LLEGADO. VER https://Shop.example.com/Orders/77812?ref=Mail</p>',
      qa: [],
    });
  });

  it('follows the placeholder order the engine chose', () => {
    const document = prepareText(
      'Hola {{ticket.requester.first_name}}, soy {{ticket.agent.name}}.',
      { sourceLanguage: 'es' },
    );
    expect(document.segments[0]?.masked).toBe('Hola <x id="1"/>, soy <x id="2"/>.');
    expect(document.restore(['<x id="2"/> here, hello <x id="1"/>.']).output).toBe(
      '{{ticket.agent.name}} here, hello {{ticket.requester.first_name}}.',
    );
  });

  it('accepts placeholders that an engine rewrote with spaces, quotes or an end tag', () => {
    const document = prepareText('Ver {{ticket.id}} y {{ticket.url}}.', { sourceLanguage: 'es' });
    expect(document.restore(['See <x id=\'1\' /> and <x id="2"></x>.']).output).toBe(
      'See {{ticket.id}} and {{ticket.url}}.',
    );
  });

  it('drops a stray </x> an engine wrote after a placeholder it opened', () => {
    const document = prepareText('Ver {{ticket.id}} hoy.', { sourceLanguage: 'es' });
    expect(document.restore(['See <x id="1">today</x>.']).output).toBe('See {{ticket.id}}today.');
  });

  it('does not let text that looks like a placeholder become one', () => {
    const text = 'Escriba <x id="1"/> tal cual, {{ticket.id}}.';
    const document = prepareText(text, { sourceLanguage: 'es' });
    expect(document.segments[0]?.masked).toBe('Escriba &lt;x id="1"/&gt; tal cual, <x id="1"/>.');
    expect(document.restore(document.segments.map((s) => s.masked)).output).toBe(text);
  });

  it('re-inserts a dropped protected span at the end of its segment and reports an error', () => {
    const document = prepareText('Su número es {{ticket.id}}. Gracias.', { sourceLanguage: 'es' });
    const { output, qa } = document.restore(['Your number is.', 'Thanks.']);
    expect(output).toBe('Your number is. {{ticket.id}} Thanks.');
    expect(codes(qa)).toEqual([
      { code: 'placeholder_missing', severity: 'error', detail: '{{ticket.id}}' },
    ]);
  });

  it('puts a dropped end tag back silently into the markup and reports a warning', () => {
    const document = prepareHtml('<p>Pulse <b>Enviar</b> ahora.</p>', { sourceLanguage: 'es' });
    const { output, qa } = document.restore(['Press <x id="1"/>Send now.']);
    expect(output).toBe('<p>Press <b>Send now.</b></p>');
    expect(codes(qa)).toEqual([
      { code: 'placeholder_missing', severity: 'warning', detail: '</b>' },
    ]);
  });

  it('keeps only the first copy of a duplicated placeholder and reports it', () => {
    const document = prepareText('Escriba a soporte@tienda.es hoy.', { sourceLanguage: 'es' });
    const { output, qa } = document.restore(['Write to <x id="1"/> today <x id="1"/>.']);
    expect(output).toBe('Write to soporte@tienda.es today .');
    expect(codes(qa)).toEqual([
      { code: 'placeholder_duplicated', severity: 'warning', detail: 'soporte@tienda.es' },
    ]);
  });

  it('removes a placeholder id the source never had and reports it', () => {
    const document = prepareText('Ver {{ticket.id}}.', { sourceLanguage: 'es' });
    const { output, qa } = document.restore(['See <x id="1"/><x id="7"/>.']);
    expect(output).toBe('See {{ticket.id}}.');
    expect(codes(qa)).toEqual([
      { code: 'placeholder_unknown', severity: 'warning', detail: '<x id="7"/>' },
    ]);
  });

  it('repairs tags the engine made overlap and reports it', () => {
    const document = prepareHtml('<p>Das ist <b>sehr <i>wichtig</i></b> heute.</p>', {
      sourceLanguage: 'de',
    });
    expect(document.segments[0]?.masked).toBe(
      'Das ist <x id="1"/>sehr <x id="2"/>wichtig<x id="3"/><x id="4"/> heute.',
    );
    const { output, qa } = document.restore([
      'This is <x id="1"/>very <x id="2"/>important<x id="4"/><x id="3"/> today.',
    ]);
    expect(output).toBe('<p>This is <b>very <i>important</i></b> today.</p>');
    expect(codes(qa)).toEqual([
      { code: 'tags_unbalanced', severity: 'warning', detail: undefined },
    ]);
  });

  it('reports numbers that changed in translation', () => {
    const document = prepareText('Llega en 3 a 5 días.', { sourceLanguage: 'es' });
    const { qa } = document.restore(['Arrives in 3 to 6 days.']);
    expect(codes(qa)).toEqual([
      { code: 'number_mismatch', severity: 'warning', detail: 'missing 5; unexpected 6' },
    ]);
  });

  it('accepts numbers written with the target language separators', () => {
    const document = prepareText('Shipping takes 1,500.5 km.', { sourceLanguage: 'en' });
    expect(document.restore(['El envío recorre 1.500,5 km.']).qa).toEqual([]);
  });

  it('reports an empty translation of a translatable segment', () => {
    const document = prepareText('Gracias por su paciencia.', { sourceLanguage: 'es' });
    expect(codes(document.restore(['  ']).qa)).toEqual([
      { code: 'translation_empty', severity: 'error', detail: undefined },
    ]);
  });

  it('keeps the source edge whitespace and drops whitespace the engine added', () => {
    const document = prepareHtml('<p> Hola. </p>', { sourceLanguage: 'es' });
    expect(document.restore([' Hello.\n']).output).toBe('<p> Hello. </p>');
  });

  it('writes a glossary term as its target', () => {
    const document = prepareText('Your refund is on its way.', {
      sourceLanguage: 'en',
      terms: [{ source: 'refund', target: 'reembolso' }],
    });
    expect(document.segments[0]?.masked).toBe('Your <x id="1"/> is on its way.');
    expect(document.restore(['Su <x id="1"/> está en camino.']).output).toBe(
      'Su reembolso está en camino.',
    );
  });

  it('capitalises a glossary target that starts the translated sentence', () => {
    const document = prepareText('Refund issued.', {
      sourceLanguage: 'en',
      terms: [{ source: 'refund', target: 'reembolso' }],
    });
    expect(document.restore(['¡<x id="1"/> emitido!']).output).toBe('¡Reembolso emitido!');
  });

  it('HTML-escapes translated text and spans in HTML output', () => {
    const document = prepareHtml('<p>Use a &lt; b at https://x.example/?a=1&amp;b=2</p>', {
      sourceLanguage: 'en',
    });
    expect(document.restore(['Usa a &lt; b en <x id="1"/>']).output).toBe(
      '<p>Usa a &lt; b en https://x.example/?a=1&amp;b=2</p>',
    );
  });

  it('refuses a translation with the wrong number of segments', () => {
    const document = prepareText('Uno. Dos.', { sourceLanguage: 'es' });
    expect(() => document.restore(['One.'])).toThrow(RangeError);
  });
});
