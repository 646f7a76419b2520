/**
 * A page that restates the corpus (a seed article opened at another address, as a syndicated copy
 * would be) must not light up every sentence: through the lookup path (matcher, then the marking
 * policy), only sentences that other articles cover keep a claim underline.
 */
import { describe, expect, it } from 'vitest';
import { seedsIndex, readSeeds } from '../../fixtures/seeds-index/seeds-index';
import { lookup, recognise } from '../../../scripts/lib/lookup';
import { splitSentences } from '../../../src/core/match/sentences';
import { RESTATED_TWICE } from '../../../src/core/match/select';
import { Tokens, tokenize } from '../../../src/core/match/tokens';

/**
 * At most this share of a restating page's sentences is underlined as a claim. The seeds report one
 * event; the hand alignment (tests/fixtures/alignment/seeds.json) finds a fact of one article in
 * another for about a fifth to a half of its sentences, so a quarter leaves room for real
 * coverage and none for the copy lighting up sentence after sentence.
 */
const MAX_UNDERLINED_SHARE = 0.25;

function sentenceCount(text: string): number {
  const t = tokenize(text, new Tokens());
  return splitSentences(t, [new Int32Array(256)]);
}

describe('a page that restates a corpus article', () => {
  const { index } = seedsIndex();
  const seeds = readSeeds();

  it.each(seeds.map((a) => [a.id, a.text] as const))('%s at another address: a bounded share of its sentences is underlined', (id, text) => {
    const underlined = lookup(text, index).detections.filter((d) => d.kind === 'claim');
    expect(underlined.length / sentenceCount(text)).toBeLessThanOrEqual(MAX_UNDERLINED_SHARE);
    // What stays underlined is what another article covers; only sentences before the copy is
    // recognised (here: up to its second restating sentence) may cite the copy's own article alone.
    expect(underlined.filter((d) => d.coverage.every((c) => c.article === id)).length).toBeLessThanOrEqual(RESTATED_TWICE);
  });

  it('without the policy, the matcher links most claim sentences of a copy to its own article (so the checks above can fail)', () => {
    const shares = seeds.map((a) => recognise(a.text, index).filter((d) => d.kind === 'claim').length / sentenceCount(a.text));
    expect(Math.max(...shares)).toBeGreaterThan(MAX_UNDERLINED_SHARE);
  });
});
