/** What getDetails sends a card: an entity's articles cut at the cap with the rest counted, related without ids. */
import { describe, expect, it } from 'vitest';
import { cardReply, MAX_CARD_ARTICLES, MAX_CARD_MEMBERS, MAX_CARD_RELATED } from '../../../src/background/card-reply';
import type { ArticleRef, ClaimDetails, ClaimMemberDetails, EntityDetails, QuoteDetails, QuoteMemberDetails } from '../../../src/core/index/details';

function entity(articles: number, related: number): EntityDetails {
  return {
    type: 'entity',
    kind: 'person',
    id: 'person:x',
    name: 'Ada Quill',
    aliases: [],
    covered: articles,
    total: 9000,
    articles: Array.from({ length: articles }, (_, i) => ({ article: { id: `a${i}`, outlet: 'o', headline: 'h', date: '2020-01-01', url: '' }, mentions: 1, surfaces: [], descriptors: [], quotes: [] })),
    related: Array.from({ length: related }, (_, i) => ({ id: `person:r${i}`, kind: 'person' as const, name: `R ${i}`, articles: ['a0', 'a1'], sharedArticles: 2 })),
    mentionCount: articles,
    link: '#/person/x',
  } as EntityDetails;
}

describe('cardReply', () => {
  it('keeps a small entity whole, related entities without their shared ids', () => {
    const reply = cardReply(entity(3, 2)) as EntityDetails & { articlesLeft?: number };
    expect(reply.articles.map((a) => a.article.id)).toEqual(['a0', 'a1', 'a2']);
    expect(reply.related.map((r) => [r.name, r.articles, r.sharedArticles])).toEqual([['R 0', [], 2], ['R 1', [], 2]]);
    expect(reply.articlesLeft).toBeUndefined();
  });

  it('cuts a widely covered entity to the first MAX_CARD_ARTICLES articles and counts the rest; counts unchanged', () => {
    const reply = cardReply(entity(MAX_CARD_ARTICLES + 40, MAX_CARD_RELATED + 3)) as EntityDetails & { articlesLeft?: number };
    expect(reply.articles).toHaveLength(MAX_CARD_ARTICLES);
    expect(reply.articles[0].article.id).toBe('a0');
    expect(reply.articlesLeft).toBe(40);
    expect(reply.related).toHaveLength(MAX_CARD_RELATED);
    expect([reply.covered, reply.total]).toEqual([MAX_CARD_ARTICLES + 40, 9000]);
  });

  it('sends small claim and quote records unchanged', () => {
    const small = claim(3, []);
    expect(cardReply(small)).toBe(small);
    const q = quote(MAX_CARD_MEMBERS, []);
    expect(cardReply(q)).toBe(q);
  });

  it('cuts a claim repeated by many articles: the reference, then every differing member, then the rest; outlets and differences follow', () => {
    // 60 members in 60 articles; members 50 and 55 differ (far past the cap), member 0 is the reference.
    const details = claim(60, [50, 55]);
    const reply = cardReply(details) as ClaimDetails & { articlesLeft?: number };
    expect(reply.members).toHaveLength(MAX_CARD_MEMBERS);
    expect(reply.members[0].isReference).toBe(true);
    const kept = reply.members.map((m) => m.claim);
    expect(kept).toContain('c50');
    expect(kept).toContain('c55');
    // The rest in order: c1 … c37 fill the remaining 37 places.
    expect(kept.filter((c) => c !== 'c50' && c !== 'c55')).toEqual(Array.from({ length: MAX_CARD_MEMBERS - 2 }, (_, i) => `c${i}`));
    expect(reply.articlesLeft).toBe(60 - MAX_CARD_MEMBERS);
    expect(reply.byOutlet.flatMap((g) => g.members.map((m) => m.claim)).sort()).toEqual([...kept].sort());
    expect(reply.byOutlet.every((g) => g.members.length > 0)).toBe(true);
    // The difference keeps the reference's value and both differing values, none of the cut members'.
    expect(reply.differences[0].values.map((v) => v.claim)).toEqual(['c0', 'c50', 'c55']);
    expect([reply.covered, reply.total]).toEqual([60, 9000]);
  });

  it('drops a difference whose compared values were all cut but one', () => {
    const details = claim(60, []);
    details.differences = [{ attribute: 'figure', values: [{ article: details.members[0].article, claim: 'c0', value: '3' }, { article: details.members[59].article, claim: 'c59', value: '4' }] }];
    const reply = cardReply(details) as ClaimDetails;
    expect(reply.differences).toEqual([]);
  });

  it('counts articles left out, not statements, when one article has several members', () => {
    // 45 members in 15 articles (three each): the 40 kept cover 14 articles, one article is left out.
    const details = claim(45, [], 3);
    const reply = cardReply(details) as ClaimDetails & { articlesLeft?: number };
    expect(reply.members).toHaveLength(MAX_CARD_MEMBERS);
    expect(reply.articlesLeft).toBe(1);
  });

  it('cuts a quote with many wordings, variants kept first', () => {
    const reply = cardReply(quote(70, [65])) as QuoteDetails & { articlesLeft?: number };
    expect(reply.members).toHaveLength(MAX_CARD_MEMBERS);
    expect(reply.members.map((m) => m.quote)).toContain('q65');
    expect(reply.members[0].isReference).toBe(true);
    expect(reply.articlesLeft).toBe(70 - MAX_CARD_MEMBERS);
  });
});

function ref(i: number): ArticleRef {
  return { id: `a${i}`, outlet: `outlet ${i % 7}`, headline: 'h', date: '2020-01-01', url: '' } as ArticleRef;
}

/** A claim group of `n` members (member i in article floor(i / perArticle)); `differing` members differ. */
function claim(n: number, differing: number[], perArticle = 1): ClaimDetails {
  const members: ClaimMemberDetails[] = Array.from({ length: n }, (_, i) => ({
    claim: `c${i}`,
    article: ref(Math.floor(i / perArticle)),
    relation: differing.includes(i) ? 'differs' : 'agrees',
    isReference: i === 0,
    excerpt: `Statement ${i}.`,
    sentence: 0,
    claimType: 'statement',
    values: [],
    figures: [],
    places: [],
    dates: [],
  }) as ClaimMemberDetails);
  const byOutlet = [...new Set(members.map((m) => m.article.outlet))].map((outlet) => ({ outlet, members: members.filter((m) => m.article.outlet === outlet) }));
  const differences = differing.length
    ? [{ attribute: 'figure' as const, values: [0, ...differing].map((i) => ({ article: members[i].article, claim: `c${i}`, value: String(i) })) }]
    : [];
  return { type: 'claim', id: 'claim-group:1', topic: 't', reference: 'c0', covered: n, total: 9000, members, byOutlet, differences, link: '#/claim/1' } as ClaimDetails;
}

function quote(n: number, variants: number[]): QuoteDetails {
  const members = Array.from({ length: n }, (_, i) => ({
    quote: `q${i}`,
    article: ref(i),
    relation: variants.includes(i) ? 'variant' : 'same',
    isReference: i === 0,
    text: 'words',
    tense: 'past',
    speakerText: null,
    diff: [],
  })) as QuoteMemberDetails[];
  return { type: 'quote', id: 'quote-group:1', speaker: { id: null, kind: null, name: null, text: 'a speaker' }, reference: 'q0', covered: n, total: 9000, members, link: '#/quote/1' } as QuoteDetails;
}
