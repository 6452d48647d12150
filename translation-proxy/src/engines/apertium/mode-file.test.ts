import { describe, expect, it } from 'vitest';
import { parseModePipeline, readModeStages, toNullFlushStages } from './mode-file.js';

describe('parseModePipeline', () => {
  it('splits a quoted shell pipeline into stages of words', () => {
    expect(parseModePipeline(`lt-proc '/a b/x.bin' | apertium-tagger -g $2 "/p.prob"`)).toEqual([
      ['lt-proc', '/a b/x.bin'],
      ['apertium-tagger', '-g', '$2', '/p.prob'],
    ]);
  });
});

describe('toNullFlushStages', () => {
  it('adds -z to every stage and generates with unknown-word marks', () => {
    const stages = toNullFlushStages([
      ['lt-proc', '/m.bin'],
      ['apertium-tagger', '-g', '$2', '/p.prob'],
      ['lt-proc', '$1', '/g.bin'],
    ]);
    expect(stages).toEqual([
      ['lt-proc', '-z', '/m.bin'],
      ['apertium-tagger', '-z', '-g', '/p.prob'],
      ['lt-proc', '-z', '-g', '/g.bin'],
    ]);
  });
});

describe('readModeStages', () => {
  it('reads the installed eng-spa mode into null-flush stages', async () => {
    const stages = await readModeStages('/usr/share/apertium/modes/eng-spa.mode');
    expect(stages[0]?.[0]).toBe('lt-proc');
    expect(stages.every((stage) => stage.includes('-z'))).toBe(true);
    expect(stages.flat().some((word) => word.startsWith('$'))).toBe(false);
  });
});
