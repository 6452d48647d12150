// @vitest-environment jsdom
import { parseMaskedSegment, writeMaskedSegment } from '@parley/shared/pipeline/masked-segment';
import { describe, expect, it } from 'vitest';
import type { QueueSegment } from './queueApi.js';
import { fillEditor, insertToken, readEditor } from './segmentDom.js';

const segment: QueueSegment = {
  index: 1,
  source: 'Your <x id="1"/>order<x id="2"/> ships with <x id="3"/>.',
  target: 'Tu <x id="1"/>pedido<x id="2"/> sale con <x id="3"/>.',
  origin: 'machine',
  translatable: true,
  placeholders: [
    { id: 1, kind: 'open', display: '<b>' },
    { id: 2, kind: 'close', display: '</b>' },
    { id: 3, kind: 'term', display: 'Parley Express' },
  ],
  terms: [{ source: 'Parley Express', target: 'Parley Exprés' }],
};

function editorWith(masked: string): HTMLDivElement {
  const element = document.createElement('div');
  element.contentEditable = 'true';
  document.body.replaceChildren(element);
  fillEditor(
    element,
    parseMaskedSegment(masked),
    segment,
    (placeholder) => `means ${placeholder.display}`,
  );
  return element;
}

describe('the segment editor content', () => {
  it('shows placeholders as non-editable tokens that say what they stand for', () => {
    const element = editorWith(segment.target);
    const tokens = [...element.querySelectorAll('[data-placeholder]')];
    expect(tokens.map((token) => token.textContent)).toEqual(['<b>', '</b>']);
    expect(tokens.every((token) => token.getAttribute('contenteditable') === 'false')).toBe(true);
    expect(tokens.map((token) => token.getAttribute('title'))).toEqual(['means <b>', 'means </b>']);
  });

  it('writes a glossary term as its target text, for the translator to inflect', () => {
    const element = editorWith(segment.target);
    expect(element.textContent).toBe('Tu <b>pedido</b> sale con Parley Exprés.');
    expect(writeMaskedSegment(readEditor(element))).toBe(
      'Tu <x id="1"/>pedido<x id="2"/> sale con Parley Exprés.',
    );
  });

  it('reads back the masked segment it was filled with', () => {
    const masked = 'Tu <x id="1"/>pedido &amp; más<x id="2"/> sale &lt;hoy&gt;.';
    expect(writeMaskedSegment(readEditor(editorWith(masked)))).toBe(masked);
  });

  it('reads typed no-break spaces, line breaks and wrapper elements as plain text', () => {
    const element = editorWith('');
    element.innerHTML =
      'Hola\u00A0\u00A0<span data-placeholder="1">&lt;b&gt;</span><div>mundo<br>otra</div>';
    expect(readEditor(element)).toEqual([
      { text: 'Hola  ' },
      { placeholder: 1 },
      { text: 'mundo otra' },
    ]);
  });

  it('puts a token back at the caret', () => {
    const element = editorWith('Tu pedido sale con .');
    const text = element.firstChild as Text;
    const range = document.createRange();
    range.setStart(text, 'Tu pedido sale con '.length);
    range.collapse(true);
    document.getSelection()?.removeAllRanges();
    document.getSelection()?.addRange(range);
    insertToken(element, segment.placeholders[0]!, segment, () => '');
    expect(writeMaskedSegment(readEditor(element))).toBe('Tu pedido sale con <x id="1"/>.');
  });

  it('puts a token at the end when the caret is elsewhere', () => {
    const element = editorWith('Tu pedido');
    document.getSelection()?.removeAllRanges();
    insertToken(element, segment.placeholders[0]!, segment, () => '');
    expect(writeMaskedSegment(readEditor(element))).toBe('Tu pedido<x id="1"/>');
  });
});
