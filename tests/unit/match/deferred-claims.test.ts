/**
 * A matcher built with its claims deferred (MatcherOptions.deferClaims, what the matching side
 * builds on a cold start) finds exactly what an eager one finds, and builds its claim scorer and
 * quote matcher only when a scan asks for claims or quotes, or when asked to prepare (at once, or
 * in steps: the same scorer either way).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../../src/core/match';
import type { DetectionKind } from '../../../src/core/index/types';
import type { MatcherData } from '../../../src/core/match/data';
import { wordVectors } from '../../../scripts/lib/word-vectors';
import { mini, miniData } from './helpers';
import { analyseCorpus } from '../../../src/core/analysis';
import { compileMatcher } from '../../../src/core/match';
import type { Matcher } from '../../../src/core/match';
import { generateCorpus } from '../../../scripts/bench/generate-corpus';
import { generatePage } from '../../../scripts/bench/generate-page';
import { VECTORS_FILE } from '../../../scripts/lib/word-vectors';
import { loadWordVectors, type WordVectorsData } from '../../../src/core/lang/vectors';

const vectors = wordVectors();
const texts = mini.articles.map((a) => a.text);
const kindsOf = (...kinds: DetectionKind[]) => Object.fromEntries(kinds.map((k) => [k, true]));

describe('a matcher with deferred claims', () => {
  it.each([
    ['people and organisations', kindsOf('person', 'organisation'), false],
    ['people alone', kindsOf('person'), false],
    ['claims', kindsOf('claim'), true],
    ['quotes', kindsOf('quote'), true],
    ['every kind', undefined, true],
  ])('%s: the same matches as an eager matcher; claims built: %s', (_what, kinds, builds) => {
    const eager = createMatcher(miniData, { vectors });
    const deferred = createMatcher(miniData, { vectors, deferClaims: true });
    expect(deferred.prepared).toBe(false);
    let found = 0;
    for (const text of texts) {
      const matches = deferred.scan(text, { kinds });
      found += matches.length;
      expect(matches).toEqual(eager.scan(text, { kinds }));
    }
    // The corpus's own articles hold matches of every kind asked for (else the comparison says little).
    expect(found).toBeGreaterThan(0);
    expect(deferred.prepared).toBe(builds);
  });

  it('builds its claims on prepare, and an eager matcher is prepared from the start', () => {
    const deferred = createMatcher(miniData, { vectors, deferClaims: true });
    deferred.prepare();
    expect(deferred.prepared).toBe(true);
    expect(createMatcher(miniData, { vectors }).prepared).toBe(true);
  });

  it('finds claims in the mini corpus articles (so the claims row above compares claims)', () => {
    const deferred = createMatcher(miniData, { vectors, deferClaims: true });
    expect(texts.some((t) => deferred.scan(t, { kinds: kindsOf('claim') }).length > 0)).toBe(true);
    expect(texts.some((t) => deferred.scan(t, { kinds: kindsOf('quote') }).length > 0)).toBe(true);
  });

  // The mini corpus's 10 claims (and fewer groups) are one piece of each pass: the quote matcher, then
  // claimScorerSteps's 12 steps (relating data; postings: count, sums, fill, views, result; BM25;
  // tables: count, lists, fill, result; the claims' parts), then the scorer: thirteen turns between them.
  it.each([
    ['every step taken', Infinity],
    ['no step taken, then a scan', 0],
    ['two steps taken, then a scan', 2],
    ['the postings half built, then a scan', 3],
    ['the tables half built, then a scan', 9],
    ['every piece but the scorer taken, then a scan', 12],
  ])('built in steps (%s): the same claims and quotes as an eager matcher', (_what, taken) => {
    const eager = createMatcher(miniData, { vectors });
    const stepped = createMatcher(miniData, { vectors, deferClaims: true });
    let turns = 0;
    for (const _ of stepped.prepareSteps()) {
      if (++turns > taken) break;
      // Built only once every step is taken.
      expect(stepped.prepared).toBe(false);
    }
    if (taken === Infinity) expect(turns).toBe(13);
    expect(stepped.prepared).toBe(taken === Infinity);
    let found = 0;
    for (const text of texts) {
      const matches = stepped.scan(text, { kinds: kindsOf('claim', 'quote') });
      found += matches.length;
      expect(matches).toEqual(eager.scan(text, { kinds: kindsOf('claim', 'quote') }));
    }
    expect(found).toBeGreaterThan(0);
    // Prepared: another caller's steps take none.
    expect([...stepped.prepareSteps()]).toHaveLength(0);
  });
});

describe('a matcher whose claims are built a few claims a step (pieceClaims), on a generated corpus', () => {
  // A table of its own per matcher: a table keeps each row's norm once computed, so two matchers
  // sharing one would not see the same values in the same order (retrieval.test.ts).
  const vectorsJson = JSON.parse(readFileSync(VECTORS_FILE, 'utf8')) as WordVectorsData;
  const ownVectors = () => loadWordVectors(vectorsJson);
  const ALL = kindsOf('person', 'organisation', 'claim', 'quote');
  /** Matches and every re-ranked candidate's features (the fitting probe) of `text`: the scorer's postings, BM25 and tables all enter them. */
  const outputs = (m: Matcher, text: string) => {
    const rows: string[] = [];
    const matches = m.scan(text, { kinds: ALL });
    m.scan(text, { kinds: ALL, claimProbe: (claim, features, sentence) => rows.push(`${claim}@${sentence}: ${Array.from(features).join(',')}`) });
    return { matches, rows };
  };
  let data: MatcherData | null = null;
  let blocks: string[] = [];
  let want: ReturnType<typeof outputs>[] = [];
  const setUp = () => {
    if (data) return data;
    data = compileMatcher(analyseCorpus(generateCorpus({ articles: 40, seed: 11 })));
    blocks = generatePage({ words: 2000, seed: 5 }).articleText.split(/\n\n/);
    const eager = createMatcher(data, { vectors: ownVectors() });
    want = blocks.map((t) => outputs(eager, t));
    return data;
  };

  it.each([
    // [claims a step, steps taken before the scan (Infinity: all)]
    [7, Infinity],
    [7, 0],
    [7, 40],
    [7, 120],
    [50, 9],
    [1000, Infinity],
  ])('%s claims a step, %s steps taken: the same matches and re-ranker rows as an eager matcher', (pieceClaims, taken) => {
    const d = setUp();
    const stepped = createMatcher(d, { vectors: ownVectors(), deferClaims: true, pieceClaims });
    let turns = 0;
    for (const _ of stepped.prepareSteps()) if (++turns > taken) break;
    expect(stepped.prepared).toBe(taken === Infinity);
    const got = blocks.map((t) => outputs(stepped, t));
    expect(got).toEqual(want);
    // Claims linked and candidates re-ranked, so the comparison covers the scorer.
    expect(got.some((o) => o.matches.some((m) => m.kind === 'claim'))).toBe(true);
    expect(got.reduce((n, o) => n + o.rows.length, 0)).toBeGreaterThan(0);
  }, 120_000);

  it('takes more steps in smaller pieces (so the rows above split the build)', () => {
    const d = setUp();
    const count = (pieceClaims: number) => [...createMatcher(d, { deferClaims: true, pieceClaims }).prepareSteps()].length;
    expect(d.claims.length).toBeGreaterThan(7 * 40);
    // Per piece of claims, two steps of the postings and two of the tables, and a step per piece of
    // claim groups (their lists); around them the postings' sums and views, five more pieces
    // (claimScorerSteps), and the turn before the scorer.
    const steps = (piece: number) => 4 * Math.ceil(d.claims.length / piece) + Math.ceil(d.claimGroups.length / piece) + 8;
    expect(count(7)).toBe(steps(7));
    expect(count(1000)).toBe(steps(1000));
  }, 120_000);
});
