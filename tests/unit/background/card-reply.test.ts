/** What getDetails sends a card: an entity's articles cut at the cap with the rest counted, related without ids. */
import { describe, expect, it } from 'vitest';
import { cardReply, MAX_CARD_ARTICLES, MAX_CARD_RELATED } from '../../../src/background/card-reply';
import type { CardDetails, EntityDetails } from '../../../src/core/index/details';

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

  it('sends claim and quote records unchanged', () => {
    const claim = { type: 'claim', id: 'claim-group:1' } as unknown as CardDetails;
    expect(cardReply(claim)).toBe(claim);
  });
});
