/** BM25 over key sets and the top-K selection the claim retrieval uses. */
import { describe, expect, it } from 'vitest';
import { BM25_B, BM25_K1, Bm25, topK } from '../../../src/core/match/bm25';

describe('Bm25', () => {
  // Four documents over keys 0..4: key 0 in all of them, key 4 in one.
  const docs = [[0, 1], [0, 1, 2], [0, 2, 3], [0, 1, 2, 3, 4]];
  const bm = new Bm25(docs, 5);

  it.each([
    // key, df → ln(1 + (N − df + 0.5) / (df + 0.5)) with N = 4
    [0, 4, Math.log(1 + 0.5 / 4.5)],
    [1, 3, Math.log(1 + 1.5 / 3.5)],
    [4, 1, Math.log(1 + 3.5 / 1.5)],
  ])('idf of key %i (df %i) is %f', (key, _df, expected) => {
    expect(bm.idf[key]).toBeCloseTo(expected, 12);
  });

  it('scores a document by the IDF of shared keys times its length factor', () => {
    const mean = (2 + 3 + 3 + 5) / 4;
    const factor = (BM25_K1 + 1) / (1 + BM25_K1 * (1 - BM25_B + (BM25_B * 2) / mean));
    expect(bm.lengthFactor[0]).toBeCloseTo(factor, 12);
    expect(bm.score([1, 0, 9], docs[0], 0)).toBeCloseTo((bm.idf[0] + bm.idf[1]) * factor, 12);
  });

  it('is not diluted by query keys the document lacks (unlike a cosine)', () => {
    // Document 1 holds keys 0, 1, 2: query keys 3 and 4 change nothing.
    expect(bm.score([1, 2, 3, 4], docs[1], 1)).toBe(bm.score([1, 2], docs[1], 1));
    expect(bm.score([3, 4], docs[1], 1)).toBe(0);
  });

  it('prefers a short document to a long one sharing the same keys', () => {
    expect(bm.score([1], docs[0], 0)).toBeGreaterThan(bm.score([1], docs[3], 3));
  });
});

describe('topK', () => {
  it.each([
    // scores by id, ids offered, k → best ids in order (ties: lower id first)
    [[0.1, 0.5, 0.3, 0.5, 0.9], [0, 1, 2, 3, 4], 3, [4, 1, 3]],
    [[0.1, 0.5, 0.3, 0.5, 0.9], [2, 0], 3, [2, 0]],
    [[1, 1, 1], [2, 1, 0], 2, [0, 1]],
    [[0.2, 0.1], [0, 1], 1, [0]],
  ])('scores %j, ids %j, k %i → %j', (scores, ids, k, expected) => {
    const out = new Int32Array(k);
    const n = topK(Int32Array.from(ids), ids.length, Float64Array.from(scores), k, out);
    expect([...out.subarray(0, n)]).toEqual(expected);
  });
});
