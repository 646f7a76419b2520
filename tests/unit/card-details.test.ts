/**
 * Card records (core/index/card-details.ts): the full record cut to what a card shows, built with only
 * the rows it keeps, so a card's size and the work of building it do not grow with the corpus.
 */
import { describe, expect, it } from 'vitest';
import { cardReply } from '../../src/background/card-reply';
import { MAX_CARD_ARTICLES, MAX_CARD_MEMBERS, MAX_CARD_RELATED, buildCardDetails, type CardRecord } from '../../src/core/index/card-details';
import { buildDetails, type ClaimDetails, type EntityDetails, type QuoteDetails } from '../../src/core/index/details';
import type { DetectionKind } from '../../src/core/index/types';
import { makeMiniIndex } from '../fixtures/index/mini-index';
import { OUTLETS, wideIndex } from '../fixtures/index/wide-index';
import { cardKeys, secondIndex, seedsIndex } from './store/helpers';


describe('buildCardDetails: the full record cut as a card gets it', () => {
  it.each([
    ['the invented mini corpus', makeMiniIndex],
    ['the seeds', seedsIndex],
    ['the invented second corpus', secondIndex],
    ['a wide corpus of 10 articles', () => wideIndex(10)],
    ['a wide corpus of 200 articles', () => wideIndex(200)],
  ])('%s: every card record equals cardReply(buildDetails)', (_name, make) => {
    const index = make();
    for (const [kind, id] of cardKeys(index)) expect(buildCardDetails(index, kind, id)).toEqual(cardReply(buildDetails(index, kind, id)!));
  });

  it.each<[DetectionKind, string]>([
    ['person', 'person:nobody-at-all'],
    ['organisation', 'person:ada-quill'],
    ['quote', 'cg1'],
    ['claim', 'cg-missing'],
  ])('%s %s: null, as buildDetails', (kind, id) => {
    expect(buildCardDetails(makeMiniIndex(), kind, id)).toBeNull();
  });
});

describe('buildCardDetails: bounded by what the card shows', () => {
  /** The card records of the wide corpus of `n` articles, their JSON sizes, and the article texts read to build each. */
  function cards(n: number) {
    const reads = { texts: 0 };
    const index = wideIndex(n, reads);
    const out = {} as Record<'person' | 'claim' | 'quote', { record: CardRecord; bytes: number; textReads: number }>;
    for (const [kind, id] of [['person', 'person:ada-quill'], ['claim', 'cg1'], ['quote', 'qg1']] as const) {
      reads.texts = 0;
      const record = buildCardDetails(index, kind, id)!;
      out[kind] = { record, bytes: JSON.stringify(record).length, textReads: reads.texts };
    }
    return out;
  }

  it.each([100, 2_000])('an entity in all %i articles: MAX_CARD_ARTICLES articles built, the rest counted', (n) => {
    const { record, textReads } = cards(n).person;
    const e = record as EntityDetails & { articlesLeft?: number };
    expect(e.articles).toHaveLength(MAX_CARD_ARTICLES);
    expect(e.articles.map((a) => a.article.id)).toEqual(Array.from({ length: MAX_CARD_ARTICLES }, (_, i) => `a${String(i).padStart(5, '0')}`));
    expect([e.covered, e.articlesLeft, e.mentionCount, e.total]).toEqual([n, n - MAX_CARD_ARTICLES, n, n]);
    expect(e.related).toHaveLength(MAX_CARD_RELATED);
    expect(e.related[0]).toEqual({ id: 'person:ben-marsh', kind: 'person', name: 'Ben Marsh', articles: [], sharedArticles: n });
    // One descriptor sentence read per built article, none for the articles counted.
    expect(textReads).toBe(MAX_CARD_ARTICLES);
  });

  it.each([100, 2_000])('a claim and a quote in all %i articles: the reference, the two differing members and the first others kept, in index order', (n) => {
    const { claim, quote } = cards(n);
    const c = claim.record as ClaimDetails & { articlesLeft?: number };
    const kept = (p: string) => [`${p}0`, ...Array.from({ length: MAX_CARD_MEMBERS - 3 }, (_, i) => `${p}${i + 1}`), `${p}${n - 2}`, `${p}${n - 1}`];
    expect(c.members.map((m) => m.claim)).toEqual(kept('c'));
    expect([c.covered, c.articlesLeft]).toEqual([n, n - MAX_CARD_MEMBERS]);
    expect(c.byOutlet.map((g) => g.outlet)).toEqual(OUTLETS);
    expect(c.byOutlet.reduce((k, g) => k + g.members.length, 0)).toBe(MAX_CARD_MEMBERS);
    expect(c.differences).toHaveLength(1);
    expect(c.differences[0]!.values).toHaveLength(MAX_CARD_MEMBERS);
    const q = quote.record as QuoteDetails & { articlesLeft?: number };
    expect(q.members.map((m) => m.quote)).toEqual(kept('q'));
    expect([q.covered, q.articlesLeft]).toEqual([n, n - MAX_CARD_MEMBERS]);
    // Claim excerpts are the claims' own texts: no article text is read for a group's card.
    expect([claim.textReads, quote.textReads]).toEqual([0, 0]);
  });

  it('a card record is the same size for 100 and 2,000 covering articles (but for the digits of its counts)', () => {
    const small = cards(100);
    const large = cards(2_000);
    for (const kind of ['person', 'claim', 'quote'] as const) {
      // Counts and ids of the members past the first hundred grow by a digit or two: a few dozen bytes.
      expect(large[kind].bytes - small[kind].bytes).toBeLessThan(200);
      expect(large[kind].bytes).toBeLessThan(40_000);
    }
  });
});
