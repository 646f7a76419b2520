/**
 * Adding articles to an analysed corpus (analyseIncrement) gives the index a full analysis of all
 * the articles gives, byte for byte, for several splits of real and generated corpora, with the
 * held articles segmented again or read from their kept tokens.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseCorpus, type ArticleInput } from '../../../src/core/analysis/index';
import { analyseIncrement } from '../../../src/core/analysis/incremental';
import type { StoredTokens } from '../../../src/core/analysis/stored-tokens';
import { readCorpus, serialiseIndex } from '../../../scripts/lib/read-corpus';
import { generateCorpus } from '../../../scripts/bench/generate-corpus';
import { ROOT } from './helpers';

const folder = (dir: string): ArticleInput[] => readCorpus(resolve(ROOT, dir)).articles;
/** Generated articles: enough for stories to share people, quotes and claims across the split. */
const GENERATED = 40;
/** Generating and analysing 40 articles twice takes several seconds on a loaded 2-core machine. */
const GENERATION_TIMEOUT_MS = 120_000;

const cases: { name: string; articles: () => ArticleInput[]; added: number }[] = [
  { name: 'seeds, 1 added to 4', articles: () => folder('seeds'), added: 1 },
  { name: 'seeds, 3 added to 2', articles: () => folder('seeds'), added: 3 },
  { name: 'second corpus, 2 added', articles: () => folder('tests/fixtures/corpora/second'), added: 2 },
  { name: `generated, 10 added to ${GENERATED - 10}`, articles: () => generateCorpus({ articles: GENERATED, seed: 11 }), added: 10 },
];

describe('analyseIncrement', () => {
  it.each(cases)('$name: equals the full analysis', ({ articles, added }) => {
    const all = articles();
    // Added articles taken from the middle of the id order, so they interleave with the old ones.
    const sorted = [...all].sort((a, b) => (a.id < b.id ? -1 : 1));
    const from = Math.floor((sorted.length - added) / 2);
    const newOnes = sorted.slice(from, from + added);
    const oldOnes = sorted.filter((a) => !newOnes.includes(a));
    const kept = new Map<string, StoredTokens>();
    const previous = analyseCorpus(oldOnes, undefined, kept);
    const whole = serialiseIndex(analyseCorpus(all));
    expect(serialiseIndex(analyseIncrement(previous.articles, newOnes))).toBe(whole);
    // With the held articles' kept tokens (as the store gives them back), the same index; every
    // article's tokens are kept again for the next add, the held ones as they were given.
    expect(kept.size).toBe(oldOnes.length);
    const keptAgain = new Map<string, StoredTokens>();
    expect(serialiseIndex(analyseIncrement(previous.articles, newOnes, undefined, { heldTokens: kept, keptTokens: keptAgain }))).toBe(whole);
    expect([...keptAgain.keys()].sort()).toEqual(all.map((a) => a.id).sort());
    for (const [id, tokens] of kept) expect(keptAgain.get(id)).toBe(tokens);
  }, GENERATION_TIMEOUT_MS);

  it('segments again a held article whose kept tokens do not fit it (another article\'s), and gives the same index', () => {
    const seeds = folder('seeds');
    const kept = new Map<string, StoredTokens>();
    const previous = analyseCorpus(seeds.slice(0, 4), undefined, kept);
    const [a, b] = previous.articles;
    const swapped = new Map<string, unknown>([...kept, [a.id, kept.get(b.id)], [b.id, 'not tokens']]);
    const keptAgain = new Map<string, StoredTokens>();
    const next = analyseIncrement(previous.articles, seeds.slice(4), undefined, { heldTokens: swapped, keptTokens: keptAgain });
    expect(serialiseIndex(next)).toBe(serialiseIndex(analyseCorpus(seeds)));
    // Made again from the text: the article's own tokens, not what it was given.
    expect(keptAgain.get(a.id)).toEqual(kept.get(a.id));
    expect(keptAgain.get(b.id)).toEqual(kept.get(b.id));
  });

  it('keeps the furniture of the articles it held (re-cleaning their stored text would find none)', () => {
    const seeds = folder('seeds');
    const previous = analyseCorpus(seeds.slice(0, 4));
    // The check means something only if the held articles have furniture.
    expect(previous.articles.some((a) => a.furniture.length > 0)).toBe(true);
    const next = analyseIncrement(previous.articles, seeds.slice(4));
    for (const a of previous.articles) expect(next.articles.find((b) => b.id === a.id)?.furniture).toEqual(a.furniture);
  });

  it('refuses an added article whose id the corpus already has', () => {
    const seeds = folder('seeds');
    const previous = analyseCorpus(seeds.slice(0, 2));
    expect(() => analyseIncrement(previous.articles, [seeds[0]])).toThrow(`duplicate article id "${seeds[0].id}"`);
  });
});
