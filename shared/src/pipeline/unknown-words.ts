/**
 * Words an engine did not know, carried as in-band marks while text still changes shape (spacing,
 * typography, placeholders restored to markup), so their final positions come out exact.
 *
 * A marked word sits between two Unicode noncharacters, U+FDD0 and U+FDD1, which Unicode reserves
 * for a program's internal use: they never occur in interchanged text, and `withoutMarks` removes
 * any that arrive from outside so a customer cannot forge a mark.
 */

/** A word the engine did not know: UTF-16 offsets, `end` exclusive. */
export interface TextSpan {
  start: number;
  end: number;
}

export const UNKNOWN_START = '\uFDD0';
export const UNKNOWN_END = '\uFDD1';
const MARKS = /[\uFDD0\uFDD1]/g;

/** The text with any mark characters removed. */
export function withoutMarks(text: string): string {
  return text.replace(MARKS, '');
}

/** Wraps each span of `text` in marks; spans are sorted and do not overlap. */
export function insertMarks(text: string, spans: readonly TextSpan[]): string {
  let marked = '';
  let last = 0;
  for (const { start, end } of spans) {
    if (start < last || end > text.length || end <= start) continue;
    marked += text.slice(last, start) + UNKNOWN_START + text.slice(start, end) + UNKNOWN_END;
    last = end;
  }
  return marked + text.slice(last);
}

/**
 * Removes the marks and returns where the marked words are in the unmarked text. A mark left
 * open (its end lost) closes at the end of the text; empty marked words are dropped.
 */
export function takeMarks(marked: string): { text: string; spans: TextSpan[] } {
  const spans: TextSpan[] = [];
  let text = '';
  let open: number | null = null;
  for (const ch of marked) {
    if (ch === UNKNOWN_START) {
      open ??= text.length;
    } else if (ch === UNKNOWN_END) {
      if (open !== null && text.length > open) spans.push({ start: open, end: text.length });
      open = null;
    } else {
      text += ch;
    }
  }
  if (open !== null && text.length > open) spans.push({ start: open, end: text.length });
  return { text, spans };
}
