// The text a reader sees in helpdesk HTML: the one HTML-to-text of detection, edit distance,
// queue previews and the outbox's comparison of posted comments.
import { describe, expect, it } from 'vitest';
import { htmlToText, INVISIBLE_ELEMENTS } from './html-text.js';

describe('htmlToText', () => {
  it('decodes entities and keeps inline markup inside words', () => {
    expect(htmlToText('<p>Le colis n&#39;est pas arriv&eacute; &mdash; <b>N°</b>48213</p>')).toBe(
      '\nLe colis n’est pas arrivé — N°48213\n'.replace('’', "'"),
    );
  });

  it('turns block elements into line breaks', () => {
    const lines = (html: string) => htmlToText(html).split(/\n+/).filter(Boolean);
    expect(lines('<div>Hola,</div><div>¿dónde está mi pedido?<br>Gracias</div>')).toEqual([
      'Hola,',
      '¿dónde está mi pedido?',
      'Gracias',
    ]);
  });

  it('leaves out what never shows: scripts and styles', () => {
    expect(htmlToText('<style>p{color:red}</style><p>Olá</p><script>alert(1)</script>')).toBe(
      '\nOlá\n',
    );
  });

  it('leaves out the elements a caller names, such as quoted history', () => {
    const skipped = new Set([...INVISIBLE_ELEMENTS, 'blockquote']);
    const html = '<p>Grazie!</p><blockquote><p>On Monday we wrote:</p></blockquote>';
    expect(htmlToText(html, skipped).trim()).toBe('Grazie!');
  });

  it('keeps a stray < as text', () => {
    expect(htmlToText('<p>1 < 2 and 3 > 2</p>')).toBe('\n1 < 2 and 3 > 2\n');
  });

  it('reads a no-break space as a space', () => {
    expect(htmlToText('Bon&nbsp;dia')).toBe('Bon dia');
  });
});
