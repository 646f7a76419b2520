/**
 * BM25 retrieval over claim keys (stems, entities, places, figures). A claim and a page sentence are
 * sets of keys, so every term frequency is 1 and a claim's score is its length factor times the sum
 * of the IDFs of the keys it shares with the sentence. Unlike a cosine, the sentence's other words do
 * not lower the score (a long page sentence that states a short claim is not diluted), and no fixed
 * number of shared keys is required: the re-ranker (rerank.ts) decides over the best candidates.
 */

/** BM25 term-saturation constant: the usual default (Robertson and Zaragoza); with set-valued documents it only enters the length factor. */
export const BM25_K1 = 1.2;
/** BM25 length normalisation: the usual default, so a claim with many keys is not favoured for having them. */
export const BM25_B = 0.75;

/** IDF and length factors of a collection of key sets. */
export class Bm25 {
  /** Per key: ln(1 + (N − df + 0.5) / (df + 0.5)), always positive. */
  readonly idf: Float64Array;
  /** Per document: (k1 + 1) / (1 + k1 · (1 − b + b · length / mean length)). */
  readonly lengthFactor: Float64Array;

  /**
   * `docs[d]` holds the key ids of document d (each at most once); keys are 0 ≤ id < nKeys.
   * `counts`: per key, how many documents list it (as the docs would count it), when already known
   * (the claim postings' lengths): the docs' keys are then not read again.
   */
  constructor(docs: readonly (readonly number[])[], nKeys: number, counts?: ArrayLike<number>) {
    let df: ArrayLike<number>;
    let total = 0;
    if (counts) {
      df = counts;
      for (let k = 0; k < nKeys; k++) total += counts[k];
    } else {
      const own = new Float64Array(nKeys);
      for (const d of docs) {
        total += d.length;
        for (const k of d) own[k]++;
      }
      df = own;
    }
    const n = docs.length;
    this.idf = new Float64Array(nKeys);
    for (let k = 0; k < nKeys; k++) this.idf[k] = Math.log(1 + (n - df[k] + 0.5) / (df[k] + 0.5));
    const mean = n ? total / n : 1;
    // A loop, not Float64Array.from(docs, f): that took ~50 ms of CPU for 530,000 claims (20,000 generated articles), this ~10.
    this.lengthFactor = new Float64Array(n);
    for (let d = 0; d < n; d++) this.lengthFactor[d] = (BM25_K1 + 1) / (1 + BM25_K1 * (1 - BM25_B + (BM25_B * docs[d].length) / (mean || 1)));
  }

  /** The BM25 score of document `doc` for a query of key ids (reference form; the scorer accumulates the same sum through postings). */
  score(query: readonly number[], docKeys: readonly number[], doc: number): number {
    let sum = 0;
    for (const k of new Set(query)) if (docKeys.includes(k)) sum += this.idf[k];
    return sum * this.lengthFactor[doc];
  }
}

/**
 * The `k` best of `ids[0..n)` by `score` (descending; ties by lower id), written to `out`; returns
 * how many were written. Insertion into a short sorted list: k is small, so no sort of all candidates.
 */
export function topK(ids: Int32Array, n: number, score: Float64Array, k: number, out: Int32Array): number {
  let m = 0;
  for (let i = 0; i < n; i++) {
    const c = ids[i];
    const s = score[c];
    if (m === k && !better(s, c, score[out[m - 1]], out[m - 1])) continue;
    let j = m < k ? m++ : m - 1;
    while (j > 0 && better(s, c, score[out[j - 1]], out[j - 1])) {
      out[j] = out[j - 1];
      j--;
    }
    out[j] = c;
  }
  return m;
}

function better(s: number, c: number, t: number, d: number): boolean {
  return s > t || (s === t && c < d);
}
