/**
 * Character-level Levenshtein distance between the machine translation and the approved text:
 * how much a translator changed, the per-pair, per-engine quality figure admins see.
 */
export function editDistance(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  if (left.length === 0) return right.length;
  if (right.length === 0) return left.length;
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  let current = new Array<number>(right.length + 1).fill(0);
  for (let i = 1; i <= left.length; i++) {
    current[0] = i;
    for (let j = 1; j <= right.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (left[i - 1] === right[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    [previous, current] = [current, previous];
  }
  return previous[right.length] ?? 0;
}

/** The visible text of a reply, for comparing edits without counting markup. */
export const visibleText = (content: string, format: 'html' | 'text'): string =>
  (format === 'html' ? content.replace(/<[^>]*>/g, ' ') : content).replace(/\s+/g, ' ').trim();
