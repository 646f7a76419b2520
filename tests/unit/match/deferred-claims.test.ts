/**
 * A matcher built with its claims deferred (MatcherOptions.deferClaims, what the matching side
 * builds on a cold start) finds exactly what an eager one finds, and builds its claim scorer and
 * quote matcher only when a scan asks for claims or quotes, or when asked to prepare (at once, or
 * in steps: the same scorer either way).
 */
import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../../src/core/match';
import type { DetectionKind } from '../../../src/core/index/types';
import { wordVectors } from '../../../scripts/lib/word-vectors';
import { mini, miniData } from './helpers';

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

  it.each([
    ['every step taken', Infinity],
    ['no step taken, then a scan', 0],
    ['two steps taken, then a scan', 2],
    ['every piece but the scorer taken, then a scan', 5],
  ])('built in steps (%s): the same claims and quotes as an eager matcher', (_what, taken) => {
    const eager = createMatcher(miniData, { vectors });
    const stepped = createMatcher(miniData, { vectors, deferClaims: true });
    let turns = 0;
    for (const _ of stepped.prepareSteps()) {
      if (++turns > taken) break;
      // Built only once every step is taken.
      expect(stepped.prepared).toBe(false);
    }
    // The quote matcher, five pieces of the claim scorer (claimScorerSteps), then the scorer: six turns between them.
    if (taken === Infinity) expect(turns).toBe(6);
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
