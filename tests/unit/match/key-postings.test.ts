/**
 * The claim postings built in pieces (keyPostingsSteps, what a matching side builds a range of
 * claims at a time) are the lists a build in one go makes, whatever the piece size and however many
 * steps were taken before the result was asked for: on the mini corpus, the seeds and a generated
 * corpus.
 */
import { describe, expect, it } from 'vitest';
import { keyPostings, keyPostingsSteps } from '../../../src/core/match/key-postings';
import type { ClaimSignature, MatcherData } from '../../../src/core/match/data';
import { analyseCorpus } from '../../../src/core/analysis';
import { compileMatcher } from '../../../src/core/match';
import { generateCorpus } from '../../../scripts/bench/generate-corpus';
import { seedsIndex } from '../../fixtures/seeds-index/seeds-index';
import { miniData } from './helpers';

/** The postings as a list per key, each claim pushed onto its keys' lists in claim order (the reference). */
function pushed(claims: readonly ClaimSignature[], nKeys: number): number[][] {
  const out: number[][] = Array.from({ length: nKeys }, () => []);
  claims.forEach((c, ci) => c[3].forEach((k) => out[k].push(ci)));
  return out;
}

const plain = (lists: readonly Int32Array[]) => lists.map((l) => Array.from(l));

let generated: MatcherData | null = null;
const corpora: [string, () => MatcherData][] = [
  ['the mini corpus', () => miniData],
  ['the seeds', () => seedsIndex().data],
  ['a generated corpus of 40 articles', () => (generated ??= compileMatcher(analyseCorpus(generateCorpus({ articles: 40, seed: 11 }))))],
];

describe.each(corpora)('claim postings of %s', (_name, dataOf) => {
  it('in one go: each key lists the claims holding it, in claim order', () => {
    const data = dataOf();
    const want = pushed(data.claims, data.keys.length);
    // More claims than a piece of 7 (so the pieces below split them), and keys shared by claims.
    expect(data.claims.length).toBeGreaterThan(7);
    expect(want.filter((l) => l.length > 1).length).toBeGreaterThan(0);
    expect(plain(keyPostings(data.claims, data.keys.length))).toEqual(want);
  }, 60_000);

  it.each([
    // [piece size, steps taken before the result is asked for (Infinity: all)]
    [1, Infinity],
    [7, Infinity],
    [7, 0],
    [7, 3],
    [50, 5],
    [100_000, Infinity],
    [100_000, 1],
  ])('in pieces of %s claims, %s steps taken: the same lists', (piece, taken) => {
    const data = dataOf();
    const build = keyPostingsSteps(data.claims, data.keys.length, piece);
    // Two passes over the claims in pieces, the sums between them, the views at the end.
    expect(build.steps).toHaveLength(2 * Math.ceil(data.claims.length / piece) + 2);
    build.steps.slice(0, taken).forEach((step) => step());
    const got = build.result();
    expect(plain(got)).toEqual(pushed(data.claims, data.keys.length));
    // Steps left after the result change nothing.
    build.steps.forEach((step) => step());
    expect(build.result()).toBe(got);
    expect(plain(got)).toEqual(pushed(data.claims, data.keys.length));
  }, 60_000);
});

describe('claim postings of no claims', () => {
  it('are an empty list per key', () => {
    const build = keyPostingsSteps([], 3, 7);
    build.steps.forEach((step) => step());
    expect(plain(build.result())).toEqual([[], [], []]);
  });
});
