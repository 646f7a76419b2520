/**
 * The claim retrieval's inverted index: per key, the claims holding it, ascending. Built by counting
 * into one buffer (each key's list a view of it) rather than by pushing into a list per key: at
 * 5,000 generated articles (16,661 keys, 83,646 claims) the lists took ~125 ms of CPU of every start
 * of the matching side (scripts/measure-matching-side.ts). Buildable in pieces (keyPostingsSteps):
 * in one piece it was a task of ~175 ms of CPU at 20,000 generated articles (530,000 claims;
 * scripts/bench/cold-side.ts --steps, load ~13), which a names request arriving meanwhile waited
 * behind.
 */
import type { ClaimSignature } from './data';

/**
 * Claims one piece of the postings' build reads (counting their keys, or filling their postings):
 * 2–8 ms of CPU a piece at 20,000 generated articles (load ~10–15; the first of each pass more, as
 * it allocates), so a request waits about that long for the piece it meets. Longer pieces would
 * not make the build cheaper: each piece is one loop over its range.
 */
export const POSTINGS_PIECE_CLAIMS = 40_000;

/** Per key id below `nKeys`, the indices of the claims whose keys hold it, in claim order (a key a claim lists twice appears twice). */
export function keyPostings(claims: readonly ClaimSignature[], nKeys: number): Int32Array[] {
  return keyPostingsSteps(claims, nKeys).result();
}

/**
 * keyPostings in pieces: each step reads at most `piece` claims (counting their keys, then, once
 * all are counted, filling their postings), and one makes the per-key views; `result` finishes what
 * the steps left (all of it when none ran) and gives the same lists as keyPostings. Steps taken
 * after `result` do nothing.
 */
export function keyPostingsSteps(claims: readonly ClaimSignature[], nKeys: number, piece = POSTINGS_PIECE_CLAIMS): { steps: (() => void)[]; result: () => Int32Array[] } {
  const n = claims.length;
  const starts = new Int32Array(nKeys + 1);
  let all: Int32Array | null = null;
  let fill: Int32Array | null = null;
  let out: Int32Array[] | null = null;
  let counted = 0;
  let filled = 0;
  /** Does up to `budget` claims' work of the phase the build is in (or the phase's fixed step). */
  const advance = (budget: number) => {
    if (counted < n) {
      const to = Math.min(n, counted + budget);
      for (let ci = counted; ci < to; ci++) for (const k of claims[ci][3]) starts[k + 1]++;
      counted = to;
    } else if (!all) {
      for (let k = 0; k < nKeys; k++) starts[k + 1] += starts[k];
      all = new Int32Array(starts[nKeys]);
      fill = starts.slice(0, nKeys);
    } else if (filled < n) {
      const to = Math.min(n, filled + budget);
      const at = fill!;
      for (let ci = filled; ci < to; ci++) for (const k of claims[ci][3]) all[at[k]++] = ci;
      filled = to;
    } else if (!out) {
      out = new Array<Int32Array>(nKeys);
      for (let k = 0; k < nKeys; k++) out[k] = all.subarray(starts[k], starts[k + 1]);
    }
  };
  const pieces = Math.ceil(n / piece);
  return {
    steps: Array.from({ length: 2 * pieces + 2 }, () => () => advance(piece)),
    result: () => {
      while (!out) advance(Number.POSITIVE_INFINITY);
      return out;
    },
  };
}
