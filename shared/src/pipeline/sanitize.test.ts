import { describe, expect, it } from 'vitest';
import { DISPLAY_POLICY, POSTING_POLICY, sanitizeHtml } from './sanitize.js';

describe('sanitizeHtml', () => {
  it('keeps the markup of a Zendesk comment unchanged', () => {
    const comment =
      '<div class="zd-comment" dir="auto"><p>Hola <strong>Ana</strong>,</p><p>Ver <a href="https://Shop.example.com/Orders/77812?ref=Mail&amp;utm=1" target="_blank" rel="noopener noreferrer">su pedido</a>.</p></div>';
    expect(sanitizeHtml(comment)).toBe(comment);
  });

  it('removes script and style elements with their content', () => {
    expect(
      sanitizeHtml(
        '<p>Hallo<script>alert(document.cookie)</script><style>p{display:none}</style></p>',
      ),
    ).toBe('<p>Hallo</p>');
  });

  it('removes iframes, forms controls and embedded objects', () => {
    expect(
      sanitizeHtml(
        '<p>Hi</p><iframe src="https://evil.example"></iframe><object data="x.swf"></object><textarea>x</textarea>',
      ),
    ).toBe('<p>Hi</p>');
  });

  it('drops event handler attributes', () => {
    expect(
      sanitizeHtml(
        '<p onclick="steal()" onmouseover="steal()">Hola</p><img src="https://x.test/a.png" onerror="steal()">',
      ),
    ).toBe('<p>Hola</p><img src="https://x.test/a.png">');
  });

  it('drops javascript:, vbscript: and data: URLs, even disguised with entities and whitespace', () => {
    expect(
      sanitizeHtml(
        '<a href="javascript:alert(1)">a</a><a href=" JaVa&#x0A;Script:alert(1)">b</a><a href="vbscript:x">c</a><a href="data:text/html,<script>x</script>">d</a>',
      ),
    ).toBe('<a>a</a><a>b</a><a>c</a><a>d</a>');
  });

  it('keeps data:image sources on images', () => {
    expect(sanitizeHtml('<img src="data:image/png;base64,iVBORw0KGgo=" alt="Logo">')).toBe(
      '<img src="data:image/png;base64,iVBORw0KGgo=" alt="Logo">',
    );
  });

  it('keeps harmless style declarations and drops the rest', () => {
    expect(
      sanitizeHtml(
        '<span style="color:#c00; position:fixed; background-image:url(https://t.test/p.gif); font-weight:bold">¡Urgente!</span>',
      ),
    ).toBe('<span style="color: #c00; font-weight: bold">¡Urgente!</span>');
  });

  it('adds noopener to links that open a new window', () => {
    expect(sanitizeHtml('<a href="https://example.com" target="_blank">Hilfe</a>')).toBe(
      '<a href="https://example.com" target="_blank" rel="noopener noreferrer">Hilfe</a>',
    );
  });

  it('unwraps unknown elements but keeps their text', () => {
    expect(sanitizeHtml('<p>Saludos<o:p></o:p> <custom-tag>cordiales</custom-tag></p>')).toBe(
      '<p>Saludos cordiales</p>',
    );
  });

  it('closes elements the source left open', () => {
    expect(sanitizeHtml('<div><p>Danke <b>sehr')).toBe('<div><p>Danke <b>sehr</b></p></div>');
  });

  it('escapes text that looks like markup and writes no-break spaces as entities', () => {
    expect(sanitizeHtml('<p>1 &lt; 2 &amp;&nbsp;3 &gt; 2</p>')).toBe(
      '<p>1 &lt; 2 &amp;&nbsp;3 &gt; 2</p>',
    );
  });
});

describe('the display policy (customer HTML in the sidebar’s own DOM)', () => {
  const display = (html: string) => sanitizeHtml(html, DISPLAY_POLICY);

  it('keeps formatting and safe links, opening them in a new window', () => {
    expect(
      display('<p>Hola <strong>María</strong>, <a href="https://ejemplo.es/pedido">pedido</a></p>'),
    ).toBe(
      '<p>Hola <strong>María</strong>, <a href="https://ejemplo.es/pedido" target="_blank" rel="noopener noreferrer">pedido</a></p>',
    );
  });

  it('drops scripts, event handlers and javascript: links', () => {
    expect(
      display(
        '<p onclick="steal()">Hallo<script>steal()</script> <a href="javascript:steal()">hier</a><img src=x onerror="steal()"></p>',
      ),
    ).toBe('<p>Hallo <a target="_blank" rel="noopener noreferrer">hier</a></p>');
  });

  it('unwraps unknown elements but keeps their text', () => {
    expect(display('<p><font color="red">ログインできません</font></p>')).toBe(
      '<p>ログインできません</p>',
    );
  });

  it('shows only elements that may also be posted', () => {
    for (const tag of Object.keys(DISPLAY_POLICY.attributesByTag))
      expect(Object.keys(POSTING_POLICY.attributesByTag)).toContain(tag);
  });
});

describe('what posting keeps and display does not', () => {
  it.each([
    [
      'a remote image',
      '<p>Logo: <img src="https://track.example/pixel.png" alt="logo"></p>',
      '<p>Logo: <img src="https://track.example/pixel.png" alt="logo"></p>',
      '<p>Logo: </p>',
    ],
    [
      'an inline style and a class',
      '<p class="note" style="color: red">Urgent</p>',
      '<p class="note" style="color: red">Urgent</p>',
      '<p>Urgent</p>',
    ],
    ['a font element', '<font color="red">Hi</font>', '<font color="red">Hi</font>', 'Hi'],
    [
      'a tel: link',
      '<a href="tel:+34911234567">call</a>',
      '<a href="tel:+34911234567">call</a>',
      '<a target="_blank" rel="noopener noreferrer">call</a>',
    ],
    [
      'a relative link',
      '<a href="/hc/articles/1">help</a>',
      '<a href="/hc/articles/1">help</a>',
      '<a target="_blank" rel="noopener noreferrer">help</a>',
    ],
    [
      'the link target the author chose',
      '<a href="https://shop.example" target="_self">shop</a>',
      '<a href="https://shop.example" target="_self">shop</a>',
      '<a href="https://shop.example" target="_blank" rel="noopener noreferrer">shop</a>',
    ],
  ])('%s', (_, html, posted, displayed) => {
    expect(sanitizeHtml(html, POSTING_POLICY)).toBe(posted);
    expect(sanitizeHtml(html, DISPLAY_POLICY)).toBe(displayed);
  });
});
