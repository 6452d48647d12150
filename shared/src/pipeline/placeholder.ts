/**
 * What a `<x id="N"/>` in a masked segment stands for, and how restore writes it back.
 */
import type { PersonalDataKind } from './personal-data/index.js';
import type { SpanCategory } from './protected-spans.js';

export type Placeholder =
  /** An inline element's start or end tag; `element` pairs the two within a document. */
  | { kind: 'open' | 'close'; element: number; name: string; output: string }
  /** An inline element with no text of its own (`<img>`, `<wbr>`). */
  | { kind: 'void'; name: string; output: string }
  /** A protected span or do-not-translate term, restored verbatim. */
  | { kind: 'span'; category: SpanCategory; source: string; output: string }
  /** A personal value, restored verbatim; `display` is what translators see (a typed token). */
  | {
      kind: 'span';
      category: 'personal';
      personal: PersonalDataKind;
      source: string;
      output: string;
      display: string;
    }
  /** A glossary term with a target: restored as the target term. */
  | { kind: 'term'; source: string; target: string };

/** How a placeholder reads in QA messages. */
export function describePlaceholder(placeholder: Placeholder): string {
  switch (placeholder.kind) {
    case 'open':
      return `<${placeholder.name}>`;
    case 'close':
      return `</${placeholder.name}>`;
    case 'void':
      return `<${placeholder.name}>`;
    case 'span':
      return placeholder.category === 'personal' ? placeholder.display : placeholder.source;
    case 'term':
      return placeholder.source;
  }
}

/** A masked segment's placeholder element; ids are 1-based within the segment. */
export const placeholderElement = (id: number): string => `<x id="${id}"/>`;

/**
 * Matches placeholders in engine output, tolerating what engines do to empty elements: spaces,
 * single quotes, an explicit end tag. A lone `</x>` (group 1 absent) is matched so it can be dropped.
 */
export const PLACEHOLDER_IN_OUTPUT =
  /<x\s+id\s*=\s*["']?(\d+)["']?\s*\/?>(?:\s*<\/x\s*>)?|<\/x\s*>/g;
