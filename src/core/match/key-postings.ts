/**
 * The claim retrieval's inverted index: per key, the claims holding it, ascending. Built by counting
 * into one buffer (each key's list a view of it) rather than by pushing into a list per key: at
 * 5,000 generated articles (16,661 keys, 83,646 claims) the lists took ~125 ms of CPU of every start
 * of the matching side (scripts/measure-matching-side.ts).
 */
import type { ClaimSignature } from './data';

/** Per key id below `nKeys`, the indices of the claims whose keys hold it, in claim order (a key a claim lists twice appears twice). */
export function keyPostings(claims: readonly ClaimSignature[], nKeys: number): Int32Array[] {
  const starts = new Int32Array(nKeys + 1);
  for (const c of claims) for (const k of c[3]) starts[k + 1]++;
  for (let k = 0; k < nKeys; k++) starts[k + 1] += starts[k];
  const all = new Int32Array(starts[nKeys]);
  const fill = starts.slice(0, nKeys);
  for (let ci = 0; ci < claims.length; ci++) for (const k of claims[ci][3]) all[fill[k]++] = ci;
  const out = new Array<Int32Array>(nKeys);
  for (let k = 0; k < nKeys; k++) out[k] = all.subarray(starts[k], starts[k + 1]);
  return out;
}
