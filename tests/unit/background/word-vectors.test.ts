/** The matching side never waits for the word vectors: a matcher built without them is rebuilt once they arrive. */
import { describe, expect, it } from 'vitest';
import { VectorAwareMatcher } from '../../../src/background/word-vectors';
import type { WordVectors } from '../../../src/core/lang/vectors';

describe('VectorAwareMatcher', () => {
  it('builds without vectors, rebuilds once when they arrive, then keeps that matcher', () => {
    let vectors: WordVectors | null = null;
    const builds: (WordVectors | null)[] = [];
    const m = new VectorAwareMatcher<number>(() => vectors);
    const build = (v: WordVectors | null) => builds.push(v);
    expect(m.get(build)).toBe(1);
    expect(m.get(build)).toBe(1);
    vectors = { size: 1 } as unknown as WordVectors;
    expect(m.get(build)).toBe(2);
    expect(m.get(build)).toBe(2);
    expect(builds).toEqual([null, vectors]);
  });

  it('builds once with vectors that are there from the start', () => {
    const vectors = { size: 1 } as unknown as WordVectors;
    let n = 0;
    const m = new VectorAwareMatcher<number>(() => vectors);
    m.get(() => ++n);
    m.get(() => ++n);
    expect(n).toBe(1);
  });
});
