import { describe, expect, it } from 'vitest';
import { prepareHtml } from './prepare-html.js';
import { sanitizeHtml } from './sanitize.js';

const zendeskComment =
  '<div class="zd-comment" dir="auto"><p>Hola <strong>Ana</strong>,</p><p>Mi pedido ORD-77812-B no ha llegado. Ver https://Shop.example.com/Orders/77812?ref=Mail</p></div>';

const maskedOf = (html: string, sourceLanguage = 'es') =>
  prepareHtml(html, { sourceLanguage }).segments.map((segment) => segment.masked);

const roundTrip = (html: string, sourceLanguage = 'en') => {
  const document = prepareHtml(html, { sourceLanguage });
  return document.restore(document.segments.map((segment) => segment.masked));
};

describe('prepareHtml', () => {
  it('masks inline tags, order codes and URLs in the sentences of a Zendesk comment', () => {
    expect(maskedOf(zendeskComment)).toEqual([
      'Hola <x id="1"/>Ana<x id="2"/>,',
      'Mi pedido <x id="1"/> no ha llegado.',
      'Ver <x id="1"/>',
    ]);
  });

  it('gives identical sentences with different URLs and codes identical masked text', () => {
    const [first, second] = maskedOf(
      '<p>Su pedido ORD-1001-A está en https://t.example/A1.</p><p>Su pedido ORD-2002-B está en https://t.example/B2.</p>',
    );
    expect(first).toBe(second);
  });

  it('restores untranslated segments to the sanitized input', () => {
    expect(roundTrip(zendeskComment, 'es')).toEqual({
      output: sanitizeHtml(zendeskComment),
      qa: [],
    });
  });

  it('restores a Freshdesk comment with styles, line breaks and entities to its sanitized form', () => {
    const freshdesk =
      '<div style="font-family:-apple-system, Helvetica, Arial; font-size:14px"><div dir="ltr">Hallo {{ticket.requester.first_name}},<br><br>Ihre Rückerstattung über 19,99&nbsp;€ ist unterwegs.&nbsp;Fragen? Schreiben Sie an <a href="mailto:hilfe@shop.de">hilfe@shop.de</a>.<br></div></div>';
    expect(roundTrip(freshdesk, 'de')).toEqual({ output: sanitizeHtml(freshdesk), qa: [] });
  });

  it('decodes HTML entities into characters and escapes only &, < and > in masked text', () => {
    expect(maskedOf('<p>Caf&eacute; &amp; th&eacute;&nbsp;: 1 &lt; 2</p>', 'fr')).toEqual([
      'Café &amp; thé\u00A0: 1 &lt; 2',
    ]);
  });

  it('keeps a tag that wraps a whole sentence outside the segment', () => {
    expect(maskedOf('<p><em>Vielen Dank für Ihre Geduld.</em></p>', 'de')).toEqual([
      'Vielen Dank für Ihre Geduld.',
    ]);
  });

  it('splits an inline element spanning two sentences without losing its tags', () => {
    const html = '<p><b>Primero esto. Luego aquello.</b></p>';
    expect(maskedOf(html)).toEqual(['Primero esto.', 'Luego aquello.']);
    expect(roundTrip(html, 'es').output).toBe(html);
  });

  it('keeps link attributes in the placeholder so they survive translation', () => {
    const document = prepareHtml(
      '<p>Lee <a href="https://help.example/Returns" title="Returns">la guía</a> antes.</p>',
      {
        sourceLanguage: 'es',
      },
    );
    expect(document.segments.map((s) => s.masked)).toEqual([
      'Lee <x id="1"/>la guía<x id="2"/> antes.',
    ]);
    expect(document.restore(['Read <x id="1"/>the guide<x id="2"/> first.']).output).toBe(
      '<p>Read <a href="https://help.example/Returns" title="Returns">the guide</a> first.</p>',
    );
  });

  it('treats each line between <br> tags as its own run', () => {
    expect(maskedOf('<p>Hi Ana<br>Thanks for waiting<br>Tom</p>', 'en')).toEqual([
      'Hi Ana',
      'Thanks for waiting',
      'Tom',
    ]);
  });

  it('never sends <pre> content to the engines', () => {
    expect(maskedOf('<p>Log:</p><pre>Error: order not found\nat sync()</pre>', 'en')).toEqual([
      'Log:',
    ]);
  });

  it('masks a <code> element as a single placeholder with its content', () => {
    const document = prepareHtml('<p>Ejecute <code>sync --all</code> otra vez.</p>', {
      sourceLanguage: 'es',
    });
    expect(document.segments.map((s) => s.masked)).toEqual(['Ejecute <x id="1"/> otra vez.']);
    expect(document.restore(['Run <x id="1"/> again.']).output).toBe(
      '<p>Run <code>sync --all</code> again.</p>',
    );
  });

  it('drops script content and event handlers before masking', () => {
    const document = prepareHtml('<p onclick="x()">Hola<script>alert(1)</script> mundo</p>', {
      sourceLanguage: 'es',
    });
    expect(document.segments.map((s) => s.masked)).toEqual(['Hola mundo']);
    expect(document.restore(['Hello world']).output).toBe('<p>Hello world</p>');
  });

  it('marks segments without words as not translatable', () => {
    const document = prepareHtml(
      '<p>https://status.example.com</p><p>#12345 – 3/4</p><p>Danke!</p>',
      { sourceLanguage: 'de' },
    );
    expect(document.segments.map((s) => s.translatable)).toEqual([false, false, true]);
  });

  it('keeps a trailing URL in the same segment as the sentence before it', () => {
    expect(maskedOf('<p>Más información. https://ayuda.example.es/envios</p>')).toEqual([
      'Más información. <x id="1"/>',
    ]);
  });

  it('describes each placeholder of a segment for the translators, in id order', () => {
    const [segment] = prepareHtml(
      '<p>Hola <b>{{ticket.requester.first_name}}</b>, tu pedido ORD-77812-B salió.</p>',
      { sourceLanguage: 'es', terms: [{ source: 'pedido', target: 'order' }] },
    ).segments;
    expect(segment?.placeholders).toEqual([
      { id: 1, kind: 'open', display: '<b>' },
      { id: 2, kind: 'span', display: '{{ticket.requester.first_name}}' },
      { id: 3, kind: 'close', display: '</b>' },
      { id: 4, kind: 'term', display: 'pedido' },
      { id: 5, kind: 'span', display: 'ORD-77812-B' },
    ]);
  });
});
