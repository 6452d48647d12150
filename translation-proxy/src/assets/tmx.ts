/**
 * TMX 1.4b, read and written as a stream. Parley's memory holds masked segments: XML-escaped
 * text with each protected span or inline tag as `<x id="N"/>`, N = 1..n in source order. TMX
 * inline codes map onto those placeholders and back:
 *
 * - reading, each `<bpt>`, `<ept>`, `<it>`, `<ph>` and `<ut>` becomes one placeholder, and a
 *   `<hi>` two (its start and end, around its text, as the pipeline does with `<b>…</b>`);
 *   the native code inside them is not kept, because the memory keeps placeholders, not what
 *   they stand for. A target's codes are paired with its source's by TMX's `x` attribute
 *   (`<ept>` through its `<bpt>`'s `i`), or else by their order per element name; a unit whose
 *   target codes do not pair one-to-one with its source's is skipped.
 * - writing, each placeholder becomes `<ph x="N"/>`, so the same N pairs source and target.
 *
 * Origin, engine and formality travel as `x-parley-*` properties, dates as `creationdate` and
 * `changedate` (YYYYMMDDThhmmssZ). Units without a Parley origin are taken as human work.
 */
import type { SaxesTagPlain } from 'saxes';
import { ASSET_LIMITS } from '@parley/shared/api/assets';
import { normalizeLanguageTag } from '@parley/shared/languages';
import {
  parseMaskedSegment,
  writeMaskedSegment,
  type MaskedPart,
} from '@parley/shared/pipeline/masked-segment';
import type { Formality } from '../engines/engine.js';
import type { MemoryOrigin, StoredMemoryUnit } from '../store/memory.js';
import type { SkippedItem } from '@parley/shared/api/assets';
import { AssetFormatError, quoted } from './import-report.js';
import { attribute, readXml, xmlAttribute, xmlText } from './xml-stream.js';

/** One source–target pair of a translation unit, ready for the memory. */
export type TmxPair = Omit<StoredMemoryUnit, 'sourceKey' | 'createdAt' | 'changedAt'> & {
  formality: Formality;
  createdAt: number | undefined;
  changedAt: number | undefined;
};

const CODE_ELEMENTS = new Set(['bpt', 'ept', 'it', 'ph', 'ut']);
const FORMALITIES: readonly string[] = ['default', 'more', 'less'];
const ORIGINS: readonly string[] = ['human', 'machine'];
const MAX_PROPERTY_CHARACTERS = 200;

export const TMX_PROPERTY = {
  origin: 'x-parley-origin',
  engine: 'x-parley-engine',
  formality: 'x-parley-formality',
} as const;

/** A `<seg>` being read: its parts, and for each placeholder the key that pairs it. */
interface SegmentReader {
  parts: MaskedPart[];
  keys: string[];
  characters: number;
  /** Depth inside a code element, whose content is native code and not kept. */
  codeDepth: number;
  /** Keys of the open `<hi>` elements. */
  highlights: string[];
  /** Per element name, how many came before: pairs codes without `x`. */
  seen: Map<string, number>;
  /** `<bpt i>` → its key, so its `<ept>` pairs the same way. */
  beginnings: Map<string, string>;
}

interface Variant {
  lang: string | undefined;
  rawLang: string;
  segment: SegmentReader | undefined;
  /** A variant's own dates win over its unit's: the translation may be younger. */
  creationdate: string | undefined;
  changedate: string | undefined;
}

interface UnitReader {
  line: number;
  srclang: string | undefined;
  creationdate: string | undefined;
  changedate: string | undefined;
  properties: Map<string, string>;
  variants: Variant[];
  problem: Omit<SkippedItem, 'line'> | undefined;
}

class SkippedUnit extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const TMX_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/** TMX's `creationdate` form, YYYYMMDDThhmmssZ (UTC), as ms since the epoch. */
export function parseTmxDate(value: string): number | undefined {
  const match = TMX_DATE.exec(value);
  if (!match) return undefined;
  const [year, month, day, hours, minutes, seconds] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const time = Date.UTC(year, month - 1, day, hours, minutes, seconds);
  // Date.UTC rolls 20261332 over into the next year; a real date keeps its month and day.
  const date = new Date(time);
  const real =
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    hours < 24 &&
    minutes < 60 &&
    seconds < 60;
  return real ? time : undefined;
}

export function formatTmxDate(time: number): string {
  return new Date(time).toISOString().replace(/[-:]|\.\d{3}/g, '');
}

function newSegment(): SegmentReader {
  return {
    parts: [],
    keys: [],
    characters: 0,
    codeDepth: 0,
    highlights: [],
    seen: new Map(),
    beginnings: new Map(),
  };
}

function occurrence(segment: SegmentReader, name: string): number {
  const count = (segment.seen.get(name) ?? 0) + 1;
  segment.seen.set(name, count);
  return count;
}

/** The key pairing a code element across the variants of a unit. */
function codeKey(segment: SegmentReader, tag: SaxesTagPlain): string {
  const x = attribute(tag, 'x');
  const i = attribute(tag, 'i');
  if (tag.name === 'ept') {
    const beginning = i === undefined ? undefined : segment.beginnings.get(i);
    return beginning === undefined ? `ept#${occurrence(segment, 'ept')}` : `${beginning}/end`;
  }
  const key = x === undefined ? `${tag.name}#${occurrence(segment, tag.name)}` : `x=${x}`;
  if (tag.name === 'bpt' && i !== undefined) segment.beginnings.set(i, key);
  return key;
}

function addPlaceholder(segment: SegmentReader, key: string): void {
  segment.keys.push(key);
  segment.parts.push({ placeholder: segment.keys.length });
}

/** The variant's placeholders renumbered by the source's: undefined when they do not pair. */
function pairedTarget(source: SegmentReader, target: SegmentReader): string | undefined {
  if (target.keys.length !== source.keys.length) return undefined;
  const sourceIds = new Map(source.keys.map((key, index) => [key, index + 1]));
  if (sourceIds.size !== source.keys.length) return undefined;
  const used = new Set<number>();
  const parts: MaskedPart[] = [];
  for (const part of target.parts) {
    if ('text' in part) {
      parts.push(part);
      continue;
    }
    const id = sourceIds.get(target.keys[part.placeholder - 1]!);
    if (id === undefined || used.has(id)) return undefined;
    used.add(id);
    parts.push({ placeholder: id });
  }
  return writeMaskedSegment(parts);
}

function unitDate(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const time = parseTmxDate(value);
  if (time === undefined)
    throw new SkippedUnit('invalid_date', `${name} ${quoted(value)} is not YYYYMMDDThhmmssZ`);
  return time;
}

function unitPairs(unit: UnitReader, defaultSource: string | undefined): TmxPair[] {
  if (unit.problem) throw new SkippedUnit(unit.problem.code, unit.problem.message);
  const rawSource = unit.srclang ?? defaultSource;
  if (rawSource === undefined)
    throw new SkippedUnit(
      'source_language_unknown',
      'neither the unit nor the header names a source language (srclang), and none was given',
    );
  const sourceLang = normalizeLanguageTag(rawSource);
  if (!sourceLang)
    throw new SkippedUnit('invalid_language', `${quoted(rawSource)} is not a BCP 47 language tag`);
  for (const variant of unit.variants)
    if (!variant.lang)
      throw new SkippedUnit(
        'invalid_language',
        `${quoted(variant.rawLang)} is not a BCP 47 language tag`,
      );
  const source = unit.variants.find((variant) => variant.lang === sourceLang)?.segment;
  if (!source)
    throw new SkippedUnit('source_missing', `no <tuv> in the source language ${sourceLang}`);
  const sourceText = writeMaskedSegment(source.parts);
  if (sourceText.trim() === '')
    throw new SkippedUnit('empty_segment', 'the source segment is empty');

  const origin = unit.properties.get(TMX_PROPERTY.origin) ?? 'human';
  if (!ORIGINS.includes(origin))
    throw new SkippedUnit(
      'invalid_origin',
      `origin ${quoted(origin)} is neither human nor machine`,
    );
  const formality = unit.properties.get(TMX_PROPERTY.formality) ?? 'default';
  if (!FORMALITIES.includes(formality))
    throw new SkippedUnit(
      'invalid_formality',
      `formality ${quoted(formality)} is not default, more or less`,
    );

  const pairs: TmxPair[] = [];
  for (const variant of unit.variants) {
    if (variant.lang === sourceLang || !variant.segment) continue;
    const target = pairedTarget(source, variant.segment);
    if (target === undefined)
      throw new SkippedUnit(
        'inline_codes_mismatch',
        `the inline codes of the ${variant.lang} segment do not pair one-to-one with the source's`,
      );
    if (target.trim() === '')
      throw new SkippedUnit('empty_segment', `the ${variant.lang} segment is empty`);
    const createdAt = unitDate(variant.creationdate ?? unit.creationdate, 'creationdate');
    // A unit created and never changed is as old as its creation.
    const changedAt = unitDate(variant.changedate ?? unit.changedate, 'changedate') ?? createdAt;
    pairs.push({
      sourceLang,
      targetLang: variant.lang!,
      formality: formality as Formality,
      source: sourceText,
      target,
      origin: origin as MemoryOrigin,
      engine: origin === 'machine' ? (unit.properties.get(TMX_PROPERTY.engine) ?? null) : null,
      createdAt,
      changedAt,
    });
  }
  if (pairs.length === 0)
    throw new SkippedUnit('target_missing', 'no <tuv> in a language other than the source');
  return pairs;
}

export interface TmxReadCallbacks {
  /** Pairs of the units a chunk completed; awaited before the next chunk is read. */
  pairs(pairs: TmxPair[]): Promise<void>;
  skip(item: SkippedItem): void;
}

/**
 * Reads a TMX document. `defaultSource` is the source language of units when neither they nor
 * the header name one. Throws `AssetFormatError` (`invalid_tmx`) when the file is not TMX.
 */
export async function readTmx(
  input: AsyncIterable<Uint8Array | string>,
  defaultSource: string | undefined,
  callbacks: TmxReadCallbacks,
): Promise<void> {
  const path: string[] = [];
  let headerSource: string | undefined;
  let unit: UnitReader | undefined;
  let variant: Variant | undefined;
  let segment: SegmentReader | undefined;
  let property: { type: string; text: string } | undefined;
  let pending: TmxPair[] = [];

  const problem = (code: string, message: string): void => {
    if (unit && !unit.problem) unit.problem = { code, message };
  };

  await readXml(
    input,
    'invalid_tmx',
    {
      open(tag, line) {
        const parent = path.at(-1);
        path.push(tag.name);
        if (parent === undefined) {
          if (tag.name !== 'tmx')
            throw new AssetFormatError(
              'invalid_tmx',
              line,
              `the root element is ${quoted(tag.name)}, not tmx`,
            );
          return;
        }
        if (segment) {
          if (segment.codeDepth > 0) segment.codeDepth += 1;
          else if (CODE_ELEMENTS.has(tag.name)) {
            addPlaceholder(segment, codeKey(segment, tag));
            segment.codeDepth = 1;
          } else if (tag.name === 'hi') {
            const x = attribute(tag, 'x');
            const key = x === undefined ? `hi#${occurrence(segment, 'hi')}` : `x=${x}`;
            segment.highlights.push(key);
            addPlaceholder(segment, `${key}/start`);
          } else
            problem(
              'unknown_inline_element',
              `${quoted(tag.name)} is not a TMX 1.4b inline element`,
            );
          return;
        }
        if (tag.name === 'header' && parent === 'tmx') {
          const srclang = attribute(tag, 'srclang');
          headerSource = srclang === '*all*' ? undefined : srclang;
        } else if (tag.name === 'tu' && parent === 'body') {
          const srclang = attribute(tag, 'srclang');
          unit = {
            line,
            srclang: srclang === '*all*' ? undefined : srclang,
            creationdate: attribute(tag, 'creationdate'),
            changedate: attribute(tag, 'changedate'),
            properties: new Map(),
            variants: [],
            problem: undefined,
          };
        } else if (unit && tag.name === 'prop' && parent === 'tu') {
          property = { type: attribute(tag, 'type') ?? '', text: '' };
        } else if (unit && tag.name === 'tuv' && parent === 'tu') {
          const rawLang = attribute(tag, 'xml:lang') ?? '';
          variant = {
            rawLang,
            lang: normalizeLanguageTag(rawLang),
            segment: undefined,
            creationdate: attribute(tag, 'creationdate'),
            changedate: attribute(tag, 'changedate'),
          };
          unit.variants.push(variant);
        } else if (variant && tag.name === 'seg' && parent === 'tuv') {
          segment = newSegment();
          variant.segment = segment;
        }
      },
      text(text) {
        if (segment) {
          if (segment.codeDepth > 0) return;
          segment.characters += text.length;
          if (segment.characters > ASSET_LIMITS.maxSegmentCharacters) {
            problem(
              'segment_too_long',
              `a segment is longer than ${ASSET_LIMITS.maxSegmentCharacters} characters`,
            );
            return;
          }
          const last = segment.parts.at(-1);
          if (last && 'text' in last) last.text += text;
          else segment.parts.push({ text });
        } else if (property && property.text.length < MAX_PROPERTY_CHARACTERS) {
          property.text += text.slice(0, MAX_PROPERTY_CHARACTERS - property.text.length);
        }
      },
      close(name) {
        path.pop();
        if (segment) {
          if (segment.codeDepth > 0) segment.codeDepth -= 1;
          else if (name === 'hi') addPlaceholder(segment, `${segment.highlights.pop()}/end`);
          else if (name === 'seg') segment = undefined;
          return;
        }
        if (name === 'prop' && property && unit) {
          unit.properties.set(property.type, property.text.trim());
          property = undefined;
        } else if (name === 'tuv') variant = undefined;
        else if (name === 'tu' && unit) {
          try {
            pending.push(...unitPairs(unit, headerSource ?? defaultSource));
          } catch (error) {
            if (!(error instanceof SkippedUnit)) throw error;
            callbacks.skip({ line: unit.line, code: error.code, message: error.message });
          }
          unit = undefined;
        }
      },
    },
    async () => {
      if (pending.length === 0) return;
      const ready = pending;
      pending = [];
      await callbacks.pairs(ready);
    },
  );
}

export interface TmxHeader {
  /** The one source language of the file, or undefined for several (`*all*`). */
  sourceLang: string | undefined;
  createdAt: number;
}

/** A stored memory unit as TMX writes it. */
export type TmxUnitOut = Omit<StoredMemoryUnit, 'sourceKey'> & { formality: Formality };

/** A masked segment as a TMX `<seg>`'s content. */
function tmxSegment(masked: string): string {
  return parseMaskedSegment(masked)
    .map((part) => ('text' in part ? xmlText(part.text) : `<ph x="${part.placeholder}"/>`))
    .join('');
}

function tmxUnit(unit: TmxUnitOut): string {
  const properties = [
    `<prop type="${TMX_PROPERTY.origin}">${unit.origin}</prop>`,
    ...(unit.engine === null
      ? []
      : [`<prop type="${TMX_PROPERTY.engine}">${xmlText(unit.engine)}</prop>`]),
    ...(unit.formality === 'default'
      ? []
      : [`<prop type="${TMX_PROPERTY.formality}">${unit.formality}</prop>`]),
  ];
  return [
    `    <tu srclang="${xmlAttribute(unit.sourceLang)}" creationdate="${formatTmxDate(unit.createdAt)}" changedate="${formatTmxDate(unit.changedAt)}">`,
    ...properties.map((property) => `      ${property}`),
    `      <tuv xml:lang="${xmlAttribute(unit.sourceLang)}"><seg>${tmxSegment(unit.source)}</seg></tuv>`,
    `      <tuv xml:lang="${xmlAttribute(unit.targetLang)}"><seg>${tmxSegment(unit.target)}</seg></tuv>`,
    '    </tu>',
    '',
  ].join('\n');
}

/** A TMX 1.4b document, a piece at a time: the header, one piece per unit, the end. */
export async function* writeTmx(
  header: TmxHeader,
  units: AsyncIterable<TmxUnitOut>,
): AsyncGenerator<string> {
  yield [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<tmx version="1.4">',
    `  <header creationtool="Parley" creationtoolversion="0.1.0" datatype="plaintext" segtype="sentence" adminlang="en" srclang="${xmlAttribute(header.sourceLang ?? '*all*')}" o-tmf="Parley" creationdate="${formatTmxDate(header.createdAt)}"/>`,
    '  <body>',
    '',
  ].join('\n');
  for await (const unit of units) yield tmxUnit(unit);
  yield '  </body>\n</tmx>\n';
}
