/**
 * Personal data as protected spans: the values a tenant masks (found by personal-data/) take
 * priority over every other span and glossary term they overlap. A span that merely contains a
 * value (a URL with an e-mail address in its query) is kept around it, in pieces, so the engine
 * still never sees either; a glossary term cut by a value is no longer a term.
 */
import {
  findPersonalData,
  type PersonalDataKind,
  type PersonalDataOptions,
  type PersonalDataSpan,
} from './personal-data/index.js';

export interface Interval {
  start: number;
  end: number;
}

/**
 * `spans` (sorted, non-overlapping) with `personal` (sorted, non-overlapping) cut out of them, and
 * `personal` merged in, in order. Linear: each personal span is visited once per span it overlaps.
 */
export function withPersonalData<T extends Interval>(
  spans: readonly T[],
  personal: readonly PersonalDataSpan[],
  divisible: (span: T) => boolean,
): (T | PersonalDataSpan)[] {
  const pieces: T[] = [];
  let first = 0;
  for (const span of spans) {
    while (first < personal.length && personal[first]!.end <= span.start) first++;
    let from = span.start;
    let cut = false;
    for (let index = first; index < personal.length; index++) {
      const value = personal[index]!;
      if (value.start >= span.end) break;
      cut = true;
      if (value.start > from && divisible(span))
        pieces.push({ ...span, start: from, end: value.start });
      from = Math.max(from, value.end);
    }
    if (!cut) pieces.push(span);
    else if (from < span.end && divisible(span))
      pieces.push({ ...span, start: from, end: span.end });
  }
  const merged: (T | PersonalDataSpan)[] = [];
  let next = 0;
  for (const piece of pieces) {
    while (next < personal.length && personal[next]!.start < piece.start)
      merged.push(personal[next++]!);
    merged.push(piece);
  }
  while (next < personal.length) merged.push(personal[next++]!);
  return merged;
}

const LABELS: Readonly<Record<PersonalDataKind, string>> = {
  email: 'e-mail',
  phone: 'phone',
  card: 'card',
  iban: 'IBAN',
  ip: 'IP address',
  national_id: 'national ID',
  name: 'name',
};

const LAST_FOUR = /[\p{L}\p{N}]{4}$/u;
const NOT_ALPHANUMERIC = /[^\p{L}\p{N}]/gu;

/**
 * How a masked value reads to a translator: its kind, and for an account number the last four
 * characters, as statements print them ("card ••••1111"), enough to tell two apart.
 */
export function personalDataToken(kind: PersonalDataKind, value: string): string {
  if (kind !== 'card' && kind !== 'iban') return LABELS[kind];
  const lastFour = LAST_FOUR.exec(value.replace(NOT_ALPHANUMERIC, ''))?.[0];
  return lastFour ? `${LABELS[kind]} ••••${lastFour}` : LABELS[kind];
}

/** `text` with every personal value found replaced (for detection, previews: no engine involved). */
export function replacePersonalData(
  text: string,
  options: PersonalDataOptions,
  replacement: (kind: PersonalDataKind, value: string) => string,
): string {
  let output = '';
  let from = 0;
  for (const span of findPersonalData(text, options)) {
    output +=
      text.slice(from, span.start) + replacement(span.kind, text.slice(span.start, span.end));
    from = span.end;
  }
  return output + text.slice(from);
}
