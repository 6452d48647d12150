/**
 * Where a text's trailing run of some kind of character starts, read from the end. A regex such
 * as `/[.,;]+$/` or `/\s+$/` restarts its run at every position of the text and fails at every
 * run that does not end the text: quadratic on a long run followed by anything else.
 */

/** The index where the run of characters matching `character` (one code point) that ends `text` starts. */
export function trailingRunStart(text: string, character: RegExp): number {
  let start = text.length;
  while (start > 0) {
    const low = text.charCodeAt(start - 1);
    const pair = low >= 0xdc00 && low <= 0xdfff && start >= 2 ? text.charCodeAt(start - 2) : 0;
    const width = pair >= 0xd800 && pair <= 0xdbff ? 2 : 1;
    if (!character.test(text.slice(start - width, start))) break;
    start -= width;
  }
  return start;
}

/** The whitespace that ends `text` (what `/\s*$/` matches, found in linear time). */
export const trailingWhitespace = (text: string): string => text.slice(text.trimEnd().length);
