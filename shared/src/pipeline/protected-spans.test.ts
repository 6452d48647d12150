import { describe, expect, it } from 'vitest';
import { findProtectedSpans } from './protected-spans.js';

const spansOf = (text: string) =>
  findProtectedSpans(text).map(({ start, end, category }) => [text.slice(start, end), category]);

describe('findProtectedSpans', () => {
  it('finds Zendesk and Freshdesk placeholders', () => {
    expect(
      spansOf('Hola {{ticket.requester.first_name}}, soy {{ticket.agent.name}} (#{{ticket.id}}).'),
    ).toEqual([
      ['{{ticket.requester.first_name}}', 'helpdesk'],
      ['{{ticket.agent.name}}', 'helpdesk'],
      ['{{ticket.id}}', 'helpdesk'],
    ]);
  });

  it('finds each Liquid tag but leaves the text between them translatable', () => {
    expect(
      spansOf('{% if ticket.status == "solved" %}Thanks!{% else %}We are on it.{% endif %}'),
    ).toEqual([
      ['{% if ticket.status == "solved" %}', 'liquid'],
      ['{% else %}', 'liquid'],
      ['{% endif %}', 'liquid'],
    ]);
  });

  it('keeps a URL with its case and query but not the sentence full stop after it', () => {
    expect(spansOf('Ver https://Shop.example.com/Orders/77812?ref=Mail.')).toEqual([
      ['https://Shop.example.com/Orders/77812?ref=Mail', 'url'],
    ]);
  });

  it('cuts a long run of trailing punctuation off a URL', () => {
    const url = 'https://shop.example/track?id=9';
    expect(spansOf(`Mira ${url}${'.'.repeat(1_990)}`)).toEqual([[url, 'url']]);
  });

  it('keeps a closing parenthesis that belongs to the URL', () => {
    expect(spansOf('(see https://en.wikipedia.org/wiki/Parcel_(package))')).toEqual([
      ['https://en.wikipedia.org/wiki/Parcel_(package)', 'url'],
    ]);
  });

  it('finds email addresses and @mentions without confusing the two', () => {
    expect(spansOf('Schreiben Sie an support@beispiel.de oder fragen Sie @lena.schmidt.')).toEqual([
      ['support@beispiel.de', 'email'],
      ['@lena.schmidt', 'mention'],
    ]);
  });

  it('finds order and tracking codes', () => {
    expect(spansOf('Pedido ORD-77812-B, envío 1Z999AA10123456784, ticket #12345.')).toEqual([
      ['ORD-77812-B', 'reference'],
      ['1Z999AA10123456784', 'reference'],
      ['#12345', 'reference'],
    ]);
  });

  it('finds amounts with the currency before or after the number', () => {
    expect(
      spansOf('Refund of $19.99, Rückerstattung 19,99 €, 返金は¥1,980です, total EUR 1.250,00'),
    ).toEqual([
      ['$19.99', 'amount'],
      ['19,99 €', 'amount'],
      ['¥1,980', 'amount'],
      ['EUR 1.250,00', 'amount'],
    ]);
  });

  it('finds inline code in backticks', () => {
    expect(spansOf('Run `npm run sync --force` again.')).toEqual([
      ['`npm run sync --force`', 'code'],
    ]);
  });

  it('leaves ordinary words, capitals and small numbers alone', () => {
    expect(spansOf('I ORDERED 3 items on May 5 and NOTHING arrived.')).toEqual([]);
  });
});

describe('findProtectedSpans on adversarial input', () => {
  // Unbounded repetitions made these take 3.6 s and 6.9 s; bounded, they take ~20 ms.
  it.each([
    ['dots between letters', 'a.'.repeat(20_000)],
    ['hyphenated capitals', 'A-'.repeat(20_000)],
    ['digit groups', '1,000'.repeat(8_000)],
  ])('scans 40 KB of %s in well under a second', (_name, text) => {
    const started = performance.now();
    findProtectedSpans(text);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
