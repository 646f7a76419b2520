import { describe, expect, it } from 'vitest';
import {
  articleLabel,
  buildDetails,
  deepLink,
  groupByOutlet,
  isKnown,
  sentenceText,
  type ClaimDetails,
  type EntityDetails,
  type QuoteDetails,
} from '../../src/core/index/details';
import type { DetectionKind } from '../../src/core/index/types';
import { makeMiniIndex, S } from '../fixtures/index/mini-index';

describe('buildDetails: lookup', () => {
  it.each<[string, DetectionKind, string, string | null]>([
    ['person', 'person', 'person:ada-quill', 'entity'],
    ['organisation', 'organisation', 'organisation:harbour-board', 'entity'],
    ['claim group', 'claim', 'cg1', 'claim'],
    ['quote group', 'quote', 'qg1', 'quote'],
    ['unknown person', 'person', 'person:nobody-at-all', null],
    ['person asked as organisation', 'organisation', 'person:ada-quill', null],
    ['claim id asked as quote', 'quote', 'cg1', null],
    ['unknown claim group', 'claim', 'cg-missing', null],
  ])('%s', (_name, kind, id, type) => {
    const details = buildDetails(makeMiniIndex(), kind, id);
    expect(details?.type ?? null).toBe(type);
  });
});

describe('buildDetails: entity', () => {
  const ada = buildDetails(makeMiniIndex(), 'person', 'person:ada-quill') as EntityDetails;

  it('counts coverage against the whole corpus', () => {
    expect([ada.covered, ada.total]).toEqual([2, 3]);
    expect(ada.articles.map((a) => [a.article.id, a.article.outlet, a.article.date])).toEqual([
      ['a1', 'The Daily Lantern', '2016-07-09'],
      ['a2', 'Northgate Courier', '2016-07-10'],
    ]);
    expect(ada.articles.map((a) => a.mentions)).toEqual([1, 1]);
    expect(ada.mentionCount).toBe(2);
    expect(ada.link).toBe('#/person/person:ada-quill');
  });

  it('keeps each outlet\'s descriptors with the sentence they came from', () => {
    expect(ada.articles.map((a) => a.descriptors)).toEqual([
      [{ text: 'harbour board chair', excerpt: S.a1Descriptor }],
      [{ text: 'veteran councillor', excerpt: S.a2Descriptor }],
    ]);
  });

  it('lists quotes by article with tense and group', () => {
    expect(ada.articles.map((a) => a.quotes.map((q) => [q.id, q.group, q.tense, q.text]))).toEqual([
      [['q1', 'qg1', 'past', S.a1Quote]],
      [['q2', 'qg1', 'future', S.a2Quote]],
    ]);
  });

  it('names related entities, drops ids the index cannot resolve, most shared first', () => {
    expect(ada.related.map((r) => [r.id, r.name, r.sharedArticles])).toEqual([
      ['person:ben-marsh', 'Ben Marsh', 2],
      ['organisation:harbour-board', 'Eastport Harbour Board', 1],
    ]);
  });

  it('an unresolvable descriptor sentence gives a null excerpt, not a guess', () => {
    const index = makeMiniIndex();
    index.entities[0].coverage[0].descriptors[0].sentence = 999;
    const details = buildDetails(index, 'person', 'person:ada-quill') as EntityDetails;
    expect(details.articles[0].descriptors[0]).toEqual({ text: 'harbour board chair', excerpt: null });
  });

  it('coverage of an article missing from the index is not counted', () => {
    const index = makeMiniIndex();
    index.entities[0].coverage.push({ article: 'ghost', mentions: [], descriptors: [], quotes: [] });
    expect((buildDetails(index, 'person', 'person:ada-quill') as EntityDetails).covered).toBe(2);
  });

  it('an entity with no coverage is 0 of M', () => {
    const nobody = buildDetails(makeMiniIndex(), 'person', 'person:cara-nobody') as EntityDetails;
    expect([nobody.covered, nobody.total, nobody.articles.length, nobody.mentionCount]).toEqual([0, 3, 0, 0]);
  });
});

describe('buildDetails: claim', () => {
  const claim = buildDetails(makeMiniIndex(), 'claim', 'cg1') as ClaimDetails;

  it('members carry their sentence, relation, values and figures', () => {
    expect(claim.members.map((m) => [m.claim, m.article.id, m.relation, m.isReference, m.excerpt, m.values])).toEqual([
      ['c1', 'a1', 'agrees', true, S.a1Claim, ['28']],
      ['c2', 'a2', 'differs', false, S.a2Claim, ['more than 40']],
      ['c3', 'a3', 'adds', false, S.a3Marsh, []],
    ]);
    expect(claim.members[1].figures).toEqual([{ text: 'More than 40', value: 40, qualifier: 'more-than', unit: 'councillors' }]);
    expect([claim.covered, claim.total, claim.topic, claim.link]).toEqual([3, 3, 'Councillors signed a letter to the harbour board', '#/claim/cg1']);
  });

  it('differences list each article\'s value side by side', () => {
    expect(claim.differences.map((d) => [d.attribute, d.values.map((v) => [v.article.outlet, v.value])])).toEqual([
      ['figure', [['The Daily Lantern', '28'], ['Northgate Courier', 'more than 40']]],
    ]);
  });

  it('groups by outlet and keeps unknown outlets as "unknown"', () => {
    expect(claim.byOutlet.map((g) => [g.outlet, g.members.map((m) => m.claim)])).toEqual([
      ['The Daily Lantern', ['c1']],
      ['Northgate Courier', ['c2']],
      ['unknown', ['c3']],
    ]);
  });

  it('a difference left with one resolvable side is dropped (nothing to compare)', () => {
    const index = makeMiniIndex();
    index.claimGroups[0].differences[0].values[1].article = 'ghost';
    expect((buildDetails(index, 'claim', 'cg1') as ClaimDetails).differences).toEqual([]);
  });

  it('the reference comes first even when it is not the first member', () => {
    const index = makeMiniIndex();
    index.claimGroups[0].reference = 'c2';
    expect((buildDetails(index, 'claim', 'cg1') as ClaimDetails).members.map((m) => m.claim)).toEqual(['c2', 'c1', 'c3']);
  });
});

describe('buildDetails: quote', () => {
  it('maps relations to same/variant and keeps the precomputed diff', () => {
    const quote = buildDetails(makeMiniIndex(), 'quote', 'qg1') as QuoteDetails;
    expect(quote.speaker).toEqual({ id: 'person:ada-quill', kind: 'person', name: 'Ada Quill', text: null });
    expect(quote.members.map((m) => [m.quote, m.article.id, m.relation, m.isReference, m.tense])).toEqual([
      ['q1', 'a1', 'same', true, 'past'],
      ['q2', 'a2', 'variant', false, 'future'],
    ]);
    expect(quote.members[1].diff).toEqual([
      { op: 'same', text: 'We will rebuild the harbour for everyone' },
      { op: 'removed', text: 'who works on it' },
      { op: 'same', text: '.' },
    ]);
    expect([quote.covered, quote.total, quote.link]).toEqual([2, 3, '#/quote/qg1']);
  });

  it('an unindexed speaker keeps the attribution text and no invented name', () => {
    const quote = buildDetails(makeMiniIndex(), 'quote', 'qg2') as QuoteDetails;
    expect(quote.speaker).toEqual({ id: null, kind: null, name: null, text: 'a spokesperson' });
  });
});

describe('helpers', () => {
  it.each<[string, { outlet: string; date: string }, string]>([
    ['known', { outlet: 'The Daily Lantern', date: '2016-07-09' }, 'The Daily Lantern, 2016-07-09'],
    ['unknown outlet', { outlet: 'unknown', date: '2016-07-09' }, 'outlet unknown, 2016-07-09'],
    ['unknown date', { outlet: 'X', date: 'unknown' }, 'X, date unknown'],
    ['empty outlet', { outlet: ' ', date: 'unknown' }, 'outlet unknown, date unknown'],
  ])('articleLabel: %s', (_name, article, label) => {
    expect(articleLabel(article)).toBe(label);
  });

  it('articleLabel takes the caller\'s words for unknowns', () => {
    expect(articleLabel({ outlet: 'unknown', date: 'unknown' }, { outlet: 'o?', date: 'd?' })).toBe('o?, d?');
  });

  it.each<[DetectionKind, string, string]>([
    ['person', 'person:jane-doe', '#/person/person:jane-doe'],
    ['organisation', 'organisation:a.b', '#/organisation/organisation:a.b'],
    ['claim', 'claim group/1 #x', '#/claim/claim%20group%2F1%20%23x'],
  ])('deepLink(%s, %s)', (kind, id, link) => {
    expect(deepLink(kind, id)).toBe(link);
  });

  it('isKnown, sentenceText and groupByOutlet', () => {
    expect([isKnown('unknown'), isKnown(''), isKnown(null), isKnown('X')]).toEqual([false, false, false, true]);
    const a1 = makeMiniIndex().articles[0];
    expect(sentenceText(a1, 1)).toBe(S.a1Descriptor);
    expect(sentenceText(a1, 99)).toBeNull();
    expect(sentenceText(undefined, 0)).toBeNull();
    const ref = (outlet: string) => ({ id: outlet, outlet, headline: '', date: 'unknown', url: '' });
    const items = [{ article: ref('B'), n: 1 }, { article: ref('A'), n: 2 }, { article: ref('B'), n: 3 }];
    expect(groupByOutlet(items).map((g) => [g.outlet, g.members.map((m) => m.n)])).toEqual([
      ['B', [1, 3]],
      ['A', [2]],
    ]);
  });
});
