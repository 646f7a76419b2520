import { describe, expect, it } from 'vitest';
import { CommonSubsequence } from '../../../src/core/analysis/common-subsequence';
import { sharedInOrder } from '../../../src/core/lang/word-diff';

const words = (s: string): Int32Array => Int32Array.from(s.split(' ').filter(Boolean), (w) => w.charCodeAt(0) - 97);

describe('CommonSubsequence', () => {
  it.each([
    ['a b c d', 'a b c d', 4],
    ['a b c d', 'd c b a', 1],
    ['a b c a b', 'b a b c a', 4], // a b c a: the first's first four, the second's last four
    ['a a a', 'a', 1],
    ['', 'a b', 0],
    ['a b', 'c d', 0],
    ['x y z', 'a x b y c z', 3],
  ])('%j against %j shares %i in order', (a, b, n) => {
    const lcs = new CommonSubsequence(26);
    expect(lcs.length(0, words(a), words(b))).toBe(n);
    expect(lcs.length(1, words(b), words(a))).toBe(n);
  });

  it('counts what the diff package keeps, on random lists longer than one 32-bit chunk', () => {
    let seed = 11;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const lcs = new CommonSubsequence(40);
    const wrong: string[] = [];
    for (let t = 0; t < 3000; t++) {
      const vocabulary = 1 + Math.floor(random() * 30);
      const a = Int32Array.from({ length: Math.floor(random() * 100) }, () => Math.floor(random() * vocabulary));
      const b = Int32Array.from({ length: Math.floor(random() * 100) }, () => Math.floor(random() * vocabulary));
      // Pattern `t` kept for two partners: the second reuses its bits.
      const got = [lcs.length(t, a, b), lcs.length(t, a, a)];
      const want = [sharedInOrder(Array.from(a), Array.from(b)), a.length];
      if (got.join() !== want.join()) wrong.push(`${t}: ${got} ≠ ${want}`);
    }
    expect(wrong).toEqual([]);
  });
});
