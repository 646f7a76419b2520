import { describe, expect, it } from 'vitest';
import { topShared } from '../../../src/core/analysis/09-index';

/** A small seeded generator (the same lists every run). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

describe('topShared', () => {
  it('keeps the same entities, in the same order, as sorting them all by count then number', () => {
    const next = lcg(7);
    for (let round = 0; round < 200; round++) {
      const size = Math.floor(next() * 60);
      const count = new Int32Array(size);
      // Few distinct counts, so ties (ranked by number) are common.
      for (let y = 0; y < size; y++) count[y] = Math.floor(next() * 5);
      const items = [...count.keys()].filter(() => next() < 0.8);
      for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [items[i], items[j]] = [items[j], items[i]];
      }
      const max = Math.floor(next() * 25);
      const sorted = [...items].sort((p, q) => count[q] - count[p] || p - q).slice(0, max);
      expect(topShared(items, count, max)).toEqual(sorted);
    }
  });

  it('ranks by count first and number second', () => {
    const count = Int32Array.from([1, 3, 3, 0, 2]);
    expect(topShared([4, 2, 0, 1, 3], count, 3)).toEqual([1, 2, 4]);
    expect(topShared([4, 2, 0, 1, 3], count, 0)).toEqual([]);
  });
});
