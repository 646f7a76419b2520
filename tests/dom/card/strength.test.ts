/** The card's strength words: names and quotes by their match scores, claims by the re-ranker's fitted probabilities. */
import { describe, expect, it } from 'vitest';
import { CLAIM_PARTIAL_FROM, CLAIM_STRONG_FROM, PARTIAL_FROM, STRONG_FROM, strengthOf } from '../../../src/ui/card/strength';
import { LINK_PROBABILITY, STRONG_PROBABILITY } from '../../../src/core/match/rerank';

describe('strengthOf', () => {
  it('claims use the fitted link and strong probabilities', () => {
    expect(CLAIM_PARTIAL_FROM).toBe(LINK_PROBABILITY);
    expect(CLAIM_STRONG_FROM).toBe(STRONG_PROBABILITY);
    expect(CLAIM_PARTIAL_FROM).toBeLessThan(CLAIM_STRONG_FROM);
  });

  it.each([
    // kind, score (at or just under a boundary), expected
    ['claim', CLAIM_STRONG_FROM, 'strong'],
    ['claim', CLAIM_STRONG_FROM - 0.005, 'partial'],
    ['claim', CLAIM_PARTIAL_FROM, 'partial'],
    ['claim', CLAIM_PARTIAL_FROM - 0.005, 'weak'],
    ['quote', STRONG_FROM, 'strong'],
    ['quote', PARTIAL_FROM - 0.005, 'weak'],
    ['person', 1, 'strong'],
    [undefined, PARTIAL_FROM, 'partial'],
  ] as const)('%s at %f is %s', (kind, score, expected) => {
    expect(strengthOf(score, kind)).toBe(expected);
  });
});
