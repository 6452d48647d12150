/**
 * Runs findPersonalData over the personal-data corpus the way the pipeline will: plain text as
 * one run; HTML cut into text runs at block elements and `<br>` (inline tags such as `<a>` and
 * `<b>` stay inside a run, as prepareHtml keeps them), entities decoded, plus the targets of
 * `mailto:` and `tel:` links. Spans found in a run are mapped back to the raw HTML, so they are
 * compared with the corpus spans honestly, `&nbsp;` and all.
 */
import { readFileSync } from 'node:fs';
import { Parser } from 'htmlparser2';
import {
  findPersonalData,
  PERSONAL_DATA_KINDS,
  type PersonalDataKind,
  type PersonalDataSpan,
} from '@parley/shared/pipeline/personal-data';
import type { CorpusMessage } from '../fixtures/personal-data/generate-corpus.js';

export const CORPUS_FILE = new URL('../fixtures/personal-data/corpus.jsonl', import.meta.url);

export function loadCorpus(): CorpusMessage[] {
  return readFileSync(CORPUS_FILE, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as CorpusMessage);
}

/** Decoded text and, for each of its characters, where it starts and ends in the raw source. */
export interface TextRun {
  text: string;
  rawStart: number[];
  rawEnd: number[];
}

const INLINE = new Set(['a', 'b', 'strong', 'em', 'i', 'u', 'span', 'font', 'small', 'mark']);
const ENTITIES: Readonly<Record<string, string>> = {
  nbsp: '\u00A0',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};
const ENTITY = /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z]{2,8}));/giy;

/** Appends the raw source slice starting at `offset` to `run`, decoding entities. */
function appendDecoded(run: TextRun, raw: string, offset: number): void {
  for (let index = 0; index < raw.length;) {
    ENTITY.lastIndex = index;
    const entity = raw[index] === '&' ? ENTITY.exec(raw) : null;
    const decoded =
      entity === null
        ? undefined
        : entity[1] !== undefined
          ? String.fromCodePoint(Number(entity[1]))
          : entity[2] !== undefined
            ? String.fromCodePoint(parseInt(entity[2], 16))
            : ENTITIES[entity[3]!.toLowerCase()];
    const length = decoded === undefined ? 1 : entity![0].length;
    run.text += decoded ?? raw[index];
    run.rawStart.push(offset + index);
    run.rawEnd.push(offset + index + length);
    index += length;
  }
}

export function textRuns(message: CorpusMessage): TextRun[] {
  if (message.text !== undefined) {
    const { length } = message.text;
    if (length === 0) return [];
    return [
      {
        text: message.text,
        rawStart: Array.from({ length }, (_, index) => index),
        rawEnd: Array.from({ length }, (_, index) => index + 1),
      },
    ];
  }
  const html = message.html ?? '';
  const runs: TextRun[] = [];
  let current: TextRun = { text: '', rawStart: [], rawEnd: [] };
  const cut = () => {
    if (current.text !== '') runs.push(current);
    current = { text: '', rawStart: [], rawEnd: [] };
  };
  const parser: Parser = new Parser(
    {
      onopentag(name, attributes) {
        if (!INLINE.has(name)) cut();
        const href = attributes['href'];
        if (href !== undefined && /^(?:mailto|tel):/i.test(href)) {
          const tag = html.slice(parser.startIndex, parser.endIndex + 1);
          const valueAt = parser.startIndex + tag.indexOf(href);
          const link: TextRun = { text: '', rawStart: [], rawEnd: [] };
          appendDecoded(link, href, valueAt);
          runs.push(link);
        }
      },
      onclosetag(name) {
        if (!INLINE.has(name)) cut();
      },
      ontext() {
        appendDecoded(
          current,
          html.slice(parser.startIndex, parser.endIndex + 1),
          parser.startIndex,
        );
      },
    },
    { decodeEntities: false },
  );
  parser.end(html);
  cut();
  return runs;
}

/** What findPersonalData reports for the whole message, in raw offsets. */
export function detect(message: CorpusMessage): PersonalDataSpan[] {
  return textRuns(message).flatMap((run) =>
    findPersonalData(run.text, { language: message.language, known: message.known ?? [] }).map(
      ({ start, end, kind }) => ({ start: run.rawStart[start]!, end: run.rawEnd[end - 1]!, kind }),
    ),
  );
}

export interface Score {
  expected: number;
  found: number;
  /** Found with the same kind and exactly the same boundaries. */
  exact: number;
  /** Expected spans that found spans of any kind cover entirely (what masking needs). */
  covered: number;
}

const emptyScore = (): Score => ({ expected: 0, found: 0, exact: 0, covered: 0 });

export interface CorpusScores {
  byKind: Map<PersonalDataKind, Score>;
  byLanguage: Map<string, Score>;
  total: Score;
  /** Expected spans not found exactly, for reading the failures. */
  misses: { id: string; kind: PersonalDataKind; value: string }[];
  /** Found spans that match no expected span. */
  falsePositives: { id: string; kind: PersonalDataKind; value: string }[];
}

export function scoreCorpus(messages: readonly CorpusMessage[]): CorpusScores {
  const byKind = new Map(PERSONAL_DATA_KINDS.map((kind) => [kind, emptyScore()]));
  const byLanguage = new Map<string, Score>();
  const total = emptyScore();
  const misses: CorpusScores['misses'] = [];
  const falsePositives: CorpusScores['falsePositives'] = [];
  for (const message of messages) {
    const source = message.text ?? message.html ?? '';
    const found = detect(message);
    const language = byLanguage.get(message.language) ?? emptyScore();
    byLanguage.set(message.language, language);
    const key = (span: PersonalDataSpan) => `${span.start}:${span.end}:${span.kind}`;
    const expectedKeys = new Set(message.spans.map(key));
    const foundKeys = new Set(found.map(key));
    for (const span of message.spans) {
      const exact = foundKeys.has(key(span));
      const covered = isCovered(span, found);
      for (const score of [byKind.get(span.kind)!, language, total]) {
        score.expected++;
        if (exact) score.exact++;
        if (covered) score.covered++;
      }
      if (!exact)
        misses.push({ id: message.id, kind: span.kind, value: source.slice(span.start, span.end) });
    }
    for (const span of found) {
      for (const score of [byKind.get(span.kind)!, language, total]) score.found++;
      if (!expectedKeys.has(key(span)))
        falsePositives.push({
          id: message.id,
          kind: span.kind,
          value: source.slice(span.start, span.end),
        });
    }
  }
  return { byKind, byLanguage, total, misses, falsePositives };
}

/** Whether found spans, together, cover every character of `span`. */
function isCovered(span: PersonalDataSpan, found: readonly PersonalDataSpan[]): boolean {
  let reached = span.start;
  for (const { start, end } of [...found].sort((a, b) => a.start - b.start))
    if (start <= reached && end > reached) reached = end;
  return reached >= span.end;
}
