// @vitest-environment jsdom
// The two named policies, through both parsers: htmlparser2 (the proxy) and DOMParser (the apps).
import { describe, expect, it } from 'vitest';
import { DISPLAY_POLICY, POSTING_POLICY, type HtmlPolicy } from './html-policy.js';
import { sanitizeHtml } from './sanitize.js';
import { sanitizeHtmlInBrowser } from './sanitize-dom.js';

describe.each([
  ['htmlparser2', sanitizeHtml],
  ['DOMParser', sanitizeHtmlInBrowser],
] as const)('sanitizing with %s', (_, sanitize: (html: string, policy: HtmlPolicy) => string) => {
  describe('the display policy (customer HTML in the sidebar’s own DOM)', () => {
    const display = (html: string) => sanitize(html, DISPLAY_POLICY);

    it('keeps formatting and safe links, opening them in a new window', () => {
      expect(
        display(
          '<p>Hola <strong>María</strong>, <a href="https://ejemplo.es/pedido">pedido</a></p>',
        ),
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
      expect(sanitize(html, POSTING_POLICY)).toBe(posted);
      expect(sanitize(html, DISPLAY_POLICY)).toBe(displayed);
    });
  });
});
