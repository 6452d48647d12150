/**
 * Aho–Corasick multi-pattern matching: for every position of a text, the longest pattern that
 * starts there, in one pass whatever the number of patterns. The automaton is built on the
 * reversed patterns and the text is read from its end, so that what the automaton reports at a
 * position (the longest pattern ending there, in reverse) is the longest one starting there.
 * Time is linear in the text plus the patterns' total length.
 *
 * Written here rather than taken from npm: the maintained package tried (modern-ahocorasick 3.3)
 * scans non-ASCII text in quadratic time, and the others report every overlapping occurrence,
 * which long nested terms turn into a quadratic output.
 */
export class LongestMatches {
  /** `state * 0x10000 + code unit` → next state. State 0 is the root. */
  readonly #next = new Map<number, number>();
  /** Per state: its children's states, for the breadth-first walk that links them. */
  readonly #children: number[][] = [[]];
  readonly #units: number[] = [0];
  readonly #fail: number[] = [0];
  /** Per state: the longest pattern that is a suffix of the state's string, or -1. */
  readonly #longest: number[] = [-1];

  constructor(readonly patterns: readonly string[]) {
    patterns.forEach((pattern, index) => {
      let state = 0;
      for (let i = pattern.length - 1; i >= 0; i--) {
        const unit = pattern.charCodeAt(i);
        let target = this.#next.get(state * 0x10000 + unit);
        if (target === undefined) {
          target = this.#fail.length;
          this.#fail.push(0);
          this.#longest.push(-1);
          this.#children.push([]);
          this.#units.push(unit);
          this.#children[state]?.push(target);
          this.#next.set(state * 0x10000 + unit, target);
        }
        state = target;
      }
      const known = this.#longest[state] ?? -1;
      if (known === -1 || (patterns[known]?.length ?? 0) < pattern.length)
        this.#longest[state] = index;
    });
    this.#link();
  }

  /** Failure links, breadth first; a state without a pattern of its own inherits its fallback's. */
  #link(): void {
    const queue: number[] = [...(this.#children[0] ?? [])];
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head] ?? 0;
      for (const child of this.#children[state] ?? []) {
        const unit = this.#units[child] ?? 0;
        let fallback = this.#fail[state] ?? 0;
        while (fallback !== 0 && !this.#next.has(fallback * 0x10000 + unit))
          fallback = this.#fail[fallback] ?? 0;
        const target = this.#next.get(fallback * 0x10000 + unit);
        this.#fail[child] = target !== undefined && target !== child ? target : 0;
        if (this.#longest[child] === -1)
          this.#longest[child] = this.#longest[this.#fail[child] ?? 0] ?? -1;
        queue.push(child);
      }
    }
  }

  /** For each position of `text`, the index of the longest pattern starting there, or -1. */
  startingAt(text: string): Int32Array {
    const found = new Int32Array(text.length);
    let state = 0;
    for (let i = text.length - 1; i >= 0; i--) {
      const unit = text.charCodeAt(i);
      let target = this.#next.get(state * 0x10000 + unit);
      while (target === undefined && state !== 0) {
        state = this.#fail[state] ?? 0;
        target = this.#next.get(state * 0x10000 + unit);
      }
      state = target ?? 0;
      found[i] = this.#longest[state] ?? -1;
    }
    return found;
  }
}
