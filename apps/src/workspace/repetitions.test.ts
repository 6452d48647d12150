import { describe, expect, it } from 'vitest';
import { repetitionsOf } from './repetitions.js';
import type { QueueSegment } from './queueApi.js';

const segment = (index: number, source: string, translatable = true): QueueSegment => ({
  index,
  source,
  target: source,
  origin: 'machine',
  translatable,
  placeholders: [],
  terms: [],
});

const SEGMENTS = [
  segment(0, 'Thanks for your patience.'),
  segment(1, 'Your order has shipped.'),
  segment(2, 'Thanks for your patience.'),
  segment(3, 'Thanks for your patience.'),
  segment(4, 'Thanks for your patience.', false),
];

describe('repetitionsOf', () => {
  it('names the other segments with the same source, not the ones edited by hand', () => {
    expect(repetitionsOf(SEGMENTS, 0, new Set([3]))).toEqual([2]);
  });

  it('names none for a sentence that occurs once', () => {
    expect(repetitionsOf(SEGMENTS, 1, new Set())).toEqual([]);
  });
});
