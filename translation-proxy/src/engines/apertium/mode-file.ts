/**
 * Reads an Apertium `.mode` file (a one-line shell pipeline) into the argument vectors of its
 * stages, rewritten for a long-lived null-flush chain: every stage gets `-z` so it flushes its
 * output at each NUL, and the `$1` generator placeholder becomes `-g` (generation with
 * unknown-word marks): `stream-format.ts` turns the `*` and `@` marks into the positions of words
 * the engine did not know, and drops `#`.
 */
import { readFile } from 'node:fs/promises';

/** One process of the chain: the program and its arguments. */
export type PipelineStage = readonly [program: string, ...args: string[]];

/** Splits one shell pipeline into stages of words, honouring single and double quotes. */
export function parseModePipeline(modeText: string): PipelineStage[] {
  const stages: string[][] = [[]];
  let word: string | null = null;
  let quote: "'" | '"' | null = null;
  const endWord = (): void => {
    if (word !== null) stages[stages.length - 1]!.push(word);
    word = null;
  };
  for (let i = 0; i < modeText.length; i += 1) {
    const ch = modeText[i]!;
    if (quote) {
      if (ch === quote) quote = null;
      else word = (word ?? '') + ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      word ??= '';
    } else if (ch === '\\' && i + 1 < modeText.length) {
      i += 1;
      word = (word ?? '') + modeText[i]!;
    } else if (ch === '|') {
      endWord();
      stages.push([]);
    } else if (/\s/.test(ch)) {
      endWord();
    } else {
      word = (word ?? '') + ch;
    }
  }
  if (quote) throw new Error('unterminated quote in Apertium mode pipeline');
  endWord();
  return stages.map((words) => {
    const [program, ...args] = words;
    if (!program) throw new Error('empty stage in Apertium mode pipeline');
    return [program, ...args] as const;
  });
}

/**
 * Rewrites parsed stages for null-flush use: `$1` → `-g`, `$2` (tagger option) dropped, `-z`
 * added to every stage that lacks it.
 */
export function toNullFlushStages(stages: readonly PipelineStage[]): PipelineStage[] {
  return stages.map(([program, ...args]) => {
    const rewritten = args
      .map((arg) => (arg === '$1' ? '-g' : arg))
      .filter((arg) => arg !== '$2' && arg !== '');
    if (rewritten.some((arg) => arg.startsWith('$'))) {
      throw new Error(`unsupported placeholder in Apertium stage ${program} ${args.join(' ')}`);
    }
    const flushed = rewritten.includes('-z') ? rewritten : ['-z', ...rewritten];
    return [program, ...flushed] as const;
  });
}

/** Loads a `.mode` file and returns its null-flush stages. */
export async function readModeStages(modeFile: string): Promise<PipelineStage[]> {
  const text = await readFile(modeFile, 'utf8');
  return toNullFlushStages(parseModePipeline(text.trim()));
}

/**
 * The chain with `stage` inserted right after the first stage running `program`; `undefined` for a
 * chain without it (it then runs unchanged).
 */
export function withStageAfter(
  stages: readonly PipelineStage[],
  program: string,
  stage: PipelineStage,
): PipelineStage[] | undefined {
  const index = stages.findIndex(([name]) => name === program);
  if (index < 0) return undefined;
  return [...stages.slice(0, index + 1), stage, ...stages.slice(index + 1)];
}

/**
 * A GNU sed stage that rewrites each NUL-terminated message of the stream (`-z`) with the given
 * extended regular expressions and writes it at once (`-u`).
 */
export function sedStage(expressions: readonly string[]): PipelineStage {
  return ['sed', '-z', '-u', '-E', ...expressions.flatMap((expression) => ['-e', expression])];
}
