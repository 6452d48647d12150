import { describe, expect, it } from 'vitest';
import {
  checkPlaceholders,
  parseMaskedSegment,
  termsAsText,
  writeMaskedSegment,
} from './masked-segment.js';

const greeting = {
  placeholders: [
    { id: 1, display: '{{ticket.requester.first_name}}' },
    { id: 2, display: '<b>' },
    { id: 3, display: '</b>' },
  ],
};

describe('parseMaskedSegment', () => {
  it('splits text and placeholders and unescapes the text', () => {
    expect(
      parseMaskedSegment(
        'Hola <x id="1"/>, su pedido &lt;<x id="2"/>48213<x id="3"/>&gt; &amp; más',
      ),
    ).toEqual([
      { text: 'Hola ' },
      { placeholder: 1 },
      { text: ', su pedido <' },
      { placeholder: 2 },
      { text: '48213' },
      { placeholder: 3 },
      { text: '> & más' },
    ]);
  });

  it('reads a segment that is only a placeholder', () => {
    expect(parseMaskedSegment('<x id="4"/>')).toEqual([{ placeholder: 4 }]);
  });
});

describe('writeMaskedSegment', () => {
  it('writes back exactly what it parsed', () => {
    const masked = 'Merci <x id="1"/> &amp; à bientôt &lt;3 <x id="2"/>';
    expect(writeMaskedSegment(parseMaskedSegment(masked))).toBe(masked);
  });

  it('escapes what a translator typed', () => {
    expect(writeMaskedSegment([{ text: 'a < b & c > d' }, { placeholder: 1 }])).toBe(
      'a &lt; b &amp; c &gt; d<x id="1"/>',
    );
  });
});

describe('checkPlaceholders', () => {
  it('accepts every placeholder exactly once, in any order', () => {
    expect(checkPlaceholders([greeting], ['<x id="2"/>Gracias<x id="3"/>, <x id="1"/>'])).toEqual(
      [],
    );
  });

  it('reports a dropped placeholder as an error naming it', () => {
    expect(checkPlaceholders([greeting], ['Hola, <x id="2"/>gracias<x id="3"/>'])).toEqual([
      {
        code: 'placeholder_missing',
        severity: 'error',
        message: '{{ticket.requester.first_name}} is missing from segment 1.',
        segment: 0,
        detail: '{{ticket.requester.first_name}}',
      },
    ]);
  });

  it('reports a repeated and an unknown placeholder', () => {
    const issues = checkPlaceholders(
      [{ placeholders: [] }, greeting],
      ['Hola <x id="7"/>', '<x id="1"/> <x id="1"/> <x id="2"/>x<x id="3"/>'],
    );
    expect(issues.map((issue) => [issue.code, issue.segment, issue.detail])).toEqual([
      ['placeholder_unknown', 0, '<x id="7"/>'],
      ['placeholder_duplicated', 1, '{{ticket.requester.first_name}}'],
    ]);
  });
});

describe('glossary terms as the translator’s text', () => {
  const order = { placeholders: [{ id: 1, kind: 'term' as const, display: 'order' }] };

  it('writes a term placeholder as its target, capitalised at the start of the segment', () => {
    const targets = new Map([[1, 'pedido']]);
    expect(
      termsAsText(parseMaskedSegment('<x id="1"/> enviado.'), (id) => targets.get(id)),
    ).toEqual([{ text: 'Pedido enviado.' }]);
    expect(termsAsText(parseMaskedSegment('Su <x id="1"/>.'), (id) => targets.get(id))).toEqual([
      { text: 'Su pedido.' },
    ]);
  });

  it('keeps placeholders that are not terms', () => {
    expect(termsAsText(parseMaskedSegment('Hola <x id="2"/>'), () => undefined)).toEqual([
      { text: 'Hola ' },
      { placeholder: 2 },
    ]);
  });

  it('does not require a term placeholder the translator wrote as text', () => {
    expect(checkPlaceholders([order], ['Sus pedidos.'])).toEqual([]);
  });
});
