import { describe, expect, it } from 'vitest';
import { sanitizeHtml } from './sanitize.js';

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
