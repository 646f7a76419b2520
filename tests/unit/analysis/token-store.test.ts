import { describe, expect, it } from 'vitest';
import { prepareArticle } from '../../../src/core/analysis/prepare';
import { DECODED_KEPT, TokenStore } from '../../../src/core/analysis/token-store';

// Invented articles: possessives, hyphens, quotes, several sentences and paragraphs.
const ARTICLES = [
  { id: 'a', text: 'Harbour reopens\n\nMs Anna Berg’s team said the Brackwater quay reopened on Friday. “It is done,” she said.\n\nWorkers’ pay rose 5%.' },
  { id: 'b', text: 'Short\n\nJean-Luc Okafor met the Harbour Trust. Nobody else came.' },
  { id: 'c', text: 'Empty body\n\n' },
  { id: 'd', text: 'Numbers\n\nThe 2016 count was 1,200, up from 900. The G7’s view was mixed.' },
];

describe('TokenStore', () => {
  it.each(ARTICLES)('gives back the same tokens as tokenize for article $id', (input) => {
    const plain = prepareArticle(input);
    const packed = prepareArticle(input, new TokenStore());
    expect(packed.tokens).toEqual(plain.tokens);
    for (const key of Object.keys(plain) as (keyof typeof plain)[]) expect(packed[key], key).toEqual(plain[key]);
  });

  it('hands out the same array while an article stays among the recently read, an equal one after', () => {
    const store = new TokenStore();
    const drafts = ARTICLES.map((a) => prepareArticle(a, store));
    const first = drafts[0].tokens;
    expect(drafts[0].tokens).toBe(first);
    for (const d of drafts.slice(1, 1 + DECODED_KEPT)) void d.tokens;
    const again = drafts[0].tokens;
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });

  it('says which article handle it no longer has after release', () => {
    const store = new TokenStore();
    const d = prepareArticle(ARTICLES[1], store);
    store.release();
    expect(() => d.tokens).toThrow(/article handle 0 \(released or never added\)/);
  });
});
