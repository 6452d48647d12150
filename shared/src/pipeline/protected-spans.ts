/**
 * Finds the spans of text that must reach the reader exactly as written: helpdesk placeholders,
 * Liquid tags, inline code, URLs, email addresses, @mentions, amounts with a currency and
 * order/tracking codes. Engines mangle them otherwise (Apertium turns `{{order.number}}` into
 * `{{de orden.El número}}` and lower-cases URL paths).
 */
import { trailingRunStart } from './trailing.js';

export type SpanCategory =
  'helpdesk' | 'liquid' | 'code' | 'url' | 'email' | 'mention' | 'amount' | 'reference' | 'term';

export interface ProtectedSpan {
  start: number;
  end: number;
  category: SpanCategory;
}

const NUMBER = String.raw`(?:\d{1,3}(?:[.,\u00A0\u202F']\d{3}){1,5}(?:[.,]\d{1,2})?|\d{1,15}(?:[.,]\d{1,2})?)`;
const CURRENCY_SYMBOL = String.raw`(?:US\$|CA\$|AU\$|NZ\$|HK\$|R\$|C\$|A\$|[$€£¥₹₩₽₺₪฿])`;
const CURRENCY_CODE = String.raw`(?:EUR|USD|GBP|CHF|JPY|CNY|MXN|BRL|CAD|AUD|SEK|NOK|DKK|PLN|INR)`;

// One alternation, scanned once. Every repetition is bounded: the scan tries each position, and
// an unbounded run (40 KB of "a." against the email local part) would make it quadratic.
// At each position the first alternative that matches wins, so
// the order below is the priority (a `{{…}}` containing a URL stays one helpdesk placeholder).
const SPAN_PATTERN = new RegExp(
  [
    String.raw`(?<helpdesk>\{\{\{?[^{}\n]{1,200}\}\}\}?)`,
    String.raw`(?<liquid>\{%-?[^\n]{0,300}?-?%\})`,
    String.raw`(?<code>\x60[^\x60\n]{1,300}\x60)`,
    String.raw`(?<url>\b(?:https?:\/\/|ftp:\/\/|mailto:|www\.)[^\s<>"{}\x60]{1,2000})`,
    String.raw`(?<email>\b[\w.%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}\b)`,
    String.raw`(?<mention>(?<![\w@])@\w(?:[\w.-]{0,60}\w)?)`,
    String.raw`(?<amount>${CURRENCY_SYMBOL}\s?-?${NUMBER}|${NUMBER}\s?(?:[€$£¥₹₩₽₺₪฿円元]|${CURRENCY_CODE}\b)|${CURRENCY_CODE}\s?${NUMBER})`,
    // `#12345`, `ORD-77812-B`, `1Z999AA10123456784`, long digit-only tracking numbers.
    String.raw`(?<reference>(?<![\w&#])#\d{3,20}\b|\b(?=[A-Z0-9-]{0,40}\d)(?=[A-Z0-9-]{0,40}[A-Z])[A-Z0-9]{1,20}(?:-[A-Z0-9]{1,20}){1,5}\b|\b(?=[A-Z]{0,40}\d)(?=\d{0,40}[A-Z])[A-Z0-9]{8,40}\b|\b\d{9,30}\b)`,
  ].join('|'),
  'gu',
);

const CATEGORIES: readonly SpanCategory[] = [
  'helpdesk',
  'liquid',
  'code',
  'url',
  'email',
  'mention',
  'amount',
  'reference',
];

const URL_TRAILING_PUNCTUATION = /[.,;:!?'"…»)\]]/u;

/** Drops sentence punctuation a URL regex swallows, keeping a `)` that closes a `(` inside the URL. */
function urlEnd(url: string, start: number): number {
  const trailingStart = trailingRunStart(url, URL_TRAILING_PUNCTUATION);
  let kept = url.slice(0, trailingStart);
  for (const character of url.slice(trailingStart)) {
    const opener = character === ')' ? '(' : character === ']' ? '[' : undefined;
    if (opener === undefined || count(kept, opener) <= count(kept, character)) break;
    kept += character;
  }
  return start + kept.length;
}

function count(text: string, character: string): number {
  let total = 0;
  for (
    let index = text.indexOf(character);
    index !== -1;
    index = text.indexOf(character, index + 1)
  )
    total++;
  return total;
}

/** Every protected span of `text`, in order, non-overlapping. */
export function findProtectedSpans(text: string): ProtectedSpan[] {
  const spans: ProtectedSpan[] = [];
  SPAN_PATTERN.lastIndex = 0;
  for (let match = SPAN_PATTERN.exec(text); match !== null; match = SPAN_PATTERN.exec(text)) {
    const groups = match.groups ?? {};
    const category = CATEGORIES.find((name) => groups[name] !== undefined) ?? 'reference';
    const end = category === 'url' ? urlEnd(match[0], match.index) : match.index + match[0].length;
    if (end > match.index) spans.push({ start: match.index, end, category });
    SPAN_PATTERN.lastIndex = Math.max(end, match.index + 1);
  }
  return spans;
}
