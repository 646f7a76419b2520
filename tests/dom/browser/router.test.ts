import { describe, expect, it } from 'vitest';
import { corpusLink, linkTo, parseRoute, splitCorpusHash } from '../../../src/ui/shared/links';

describe('corpus-browser router', () => {
  it.each([
    ['', { view: 'overview' }],
    ['#', { view: 'overview' }],
    ['#/', { view: 'overview' }],
    ['#/person/person:jeremy-corbyn', { view: 'person', id: 'person:jeremy-corbyn' }],
    ['#/person/person%3Ajeremy-corbyn', { view: 'person', id: 'person:jeremy-corbyn' }],
    ['#/organisation/organisation%3Aunite', { view: 'organisation', id: 'organisation:unite' }],
    ['#/claim/cg1', { view: 'claim', id: 'cg1' }],
    ['#/quote/qg%2F1', { view: 'quote', id: 'qg/1' }],
    ['#/article/000_5b9c0c38efeb50af', { view: 'article', id: '000_5b9c0c38efeb50af' }],
  ])('parses %j', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it.each(['#/nope/x', '#/person/', '#/person', '#person/x', '#/person/%E0%A4%A'])('does not guess at %j', (hash) => {
    expect(parseRoute(hash)).toEqual({ view: 'not-found', hash });
  });

  it('round-trips every kind of link, whatever the id holds', () => {
    for (const kind of ['person', 'organisation', 'claim', 'quote', 'article'] as const) {
      for (const id of ['person:jane-doe', 'a b/c?d#e%f', 'ünï:çødé']) {
        const link = linkTo(kind, id);
        expect(link.slice(1)).not.toMatch(/[\s#?]/);
        expect(parseRoute(link)).toEqual({ view: kind, id });
      }
    }
  });

  it('keeps the scheme the cards use: #/person/<id> with ":" readable', () => {
    expect(linkTo('person', 'person:jane-doe')).toBe('#/person/person:jane-doe');
    expect(linkTo('article', 'a1')).toBe('#/article/a1');
  });

  it.each([
    ['#/corpus/corpus-k1-ab12/person/person:jane-doe', 'corpus-k1-ab12', '#/person/person:jane-doe', { view: 'person', id: 'person:jane-doe' }],
    ['#/corpus/bundled/', 'bundled', '#/', { view: 'overview' }],
    ['#/corpus/bundled', 'bundled', '#/', { view: 'overview' }],
    ['#/person/person:jane-doe', null, '#/person/person:jane-doe', { view: 'person', id: 'person:jane-doe' }],
  ])('reads the corpus a deep link names in %j', (hash, corpus, rest, route) => {
    expect(splitCorpusHash(hash)).toEqual({ corpus, hash: rest });
    expect(parseRoute(hash)).toEqual(route);
  });

  it('builds corpus deep links the background lets through and the router reads back', () => {
    const link = corpusLink('corpus-k1-ab12', linkTo('quote', 'qg/1'));
    expect(link).toBe('#/corpus/corpus-k1-ab12/quote/qg%2F1');
    // The background opens only hashes of these characters (src/background/handlers.ts).
    expect(link).toMatch(/^#\/[\w:./%-]*$/);
    expect(parseRoute(link)).toEqual({ view: 'quote', id: 'qg/1' });
    expect(corpusLink('bundled', '#/')).toBe('#/corpus/bundled/');
  });
});
