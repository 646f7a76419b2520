/**
 * A page that is itself in the corpus is not its own coverage: evidence from the corpus article at
 * the page's address is left out, and a match whose only evidence it was is not reported.
 */
import { describe, expect, it } from 'vitest';
import { analyseCorpus } from '../../../src/core/analysis/index';
import { urlKey } from '../../../src/core/index/url-key';
import { compileMatcher, createMatcher } from '../../../src/core/match';

const SENTENCE = 'Ilse Brandvold opened the bakery plant in Eastholm on Tuesday, promising 400 new jobs by the spring.';
const index = analyseCorpus([
  { id: 'one', text: `Plant opens\n\n${SENTENCE}\n`, meta: { outlet: 'The Eastholm Post', url: 'https://post.example.org/news/plant-opens' } },
  { id: 'two', text: 'Jobs pledge\n\nIlse Brandvold, who runs the company, said the plant would make bread for the whole region.\n', meta: { outlet: 'Valley Daily', url: 'https://daily.example.net/jobs' } },
]);
const matcher = createMatcher(JSON.parse(JSON.stringify(compileMatcher(index))));

describe('the page itself', () => {
  const everything = matcher.scan(SENTENCE);
  const person = (list: typeof everything) => list.find((m) => m.kind === 'person');

  it('is found in full without the page address (so the checks below can fail)', () => {
    expect(person(everything)?.refs.map((r) => r.article).sort()).toEqual(['one', 'two']);
    expect(everything.some((m) => m.kind === 'claim' && m.refs.some((r) => r.article === 'one'))).toBe(true);
  });

  it.each([
    ['the same address', 'https://post.example.org/news/plant-opens'],
    ['with a fragment and a trailing slash', 'https://post.example.org/news/plant-opens/#comments'],
  ])('leaves out its own evidence at %s, keeping what other articles say', (_name, address) => {
    const found = matcher.scan(SENTENCE, { pageUrl: urlKey(address) });
    expect(person(found)?.refs.map((r) => r.article)).toEqual(['two']);
    expect(found.filter((m) => m.refs.some((r) => r.article === 'one'))).toEqual([]);
    // The claim was stated by the page alone: nothing is left to underline.
    expect(found.filter((m) => m.kind === 'claim')).toEqual([]);
  });

  it('changes nothing on another page', () => {
    expect(matcher.scan(SENTENCE, { pageUrl: urlKey('https://elsewhere.example.com/plant-opens') })).toEqual(everything);
  });
});
