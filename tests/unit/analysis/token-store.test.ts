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

/** Half a million tokens take about 5 s on a loaded 2-core machine: vitest's 5 s default is too tight. */
const LARGE_STORE_TIMEOUT_MS = 60_000;

describe('TokenStore', () => {
  it.each(ARTICLES)('gives back the same tokens as tokenize for article $id', (input) => {
    const plain = prepareArticle(input);
    const packed = prepareArticle(input, new TokenStore());
    expect(packed.tokens).toEqual(plain.tokens);
    for (const key of Object.keys(plain) as (keyof typeof plain)[]) expect(packed[key], key).toEqual(plain[key]);
  });

  it('hands out the same array while an article stays among the recently read, an equal one after', () => {
    // Nothing kept until release: the recently read alone.
    const store = new TokenStore(0);
    const drafts = ARTICLES.map((a) => prepareArticle(a, store));
    const first = drafts[0].tokens;
    expect(drafts[0].tokens).toBe(first);
    for (const d of drafts.slice(1, 1 + DECODED_KEPT)) void d.tokens;
    const again = drafts[0].tokens;
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });

  it('keeps the first articles read decoded until release, up to its token budget, in the order first read', () => {
    const sizes = ARTICLES.map((a) => prepareArticle(a).tokens.length);
    // Room for the first article's tokens alone: the three others pass through the recently read.
    expect(ARTICLES.length - 1).toBeGreaterThan(DECODED_KEPT);
    const store = new TokenStore(sizes[0]);
    const drafts = ARTICLES.map((a) => prepareArticle(a, store));
    const first = drafts.map((d) => d.tokens);
    // Passes over every article, as the steps make: the first stays the same array, the second is made again.
    for (let round = 0; round < 3; round++) for (const d of drafts) void d.tokens;
    expect(drafts[0].tokens).toBe(first[0]);
    expect(drafts[1].tokens).not.toBe(first[1]);
    expect(drafts[1].tokens).toEqual(first[1]);
    store.release();
    expect(() => drafts[0].tokens).toThrow('no tokens for article handle 0');
  });

  // Offsets that do not fit the packed fields (a gap of 7+ characters, a token of 63+) go to the
  // side table; the ones around them still decode from the gaps.
  it.each([
    ['a long gap before a token', 300, 5],
    ['a gap just under the packed limit', 6, 5],
    ['a gap at the packed limit', 7, 5],
    ['a token just under the packed length limit', 2, 62],
    ['a token at the packed length limit', 2, 63],
    ['a very long token', 2, 70_000],
  ])('gives back tokens after %s', (_name, gap, length) => {
    const text = `ab${' '.repeat(gap)}${'x'.repeat(length)} cd`;
    const second = 2 + gap;
    const tok = (start: number, end: number, isSentenceStart = false) => ({
      start, end, text: text.slice(start, end), norm: text.slice(start, end), isWord: true, isCap: false, isPossessive: false, sentence: 0, isSentenceStart,
    });
    const tokens = [tok(0, 2, true), tok(second, second + length), tok(second + length + 1, second + length + 3)];
    const store = new TokenStore();
    const handle = store.add(tokens);
    expect(store.tokens(handle, text, [0])).toEqual(tokens);
  });

  it('gives back the norms of a store with more distinct norms than the packed field holds (2^19)', { timeout: LARGE_STORE_TIMEOUT_MS }, () => {
    const count = 2 ** 19 + 3;
    const tokens = Array.from({ length: count }, (_, i) => ({
      start: i * 9, end: i * 9 + 8, text: '', norm: `w${i.toString(36).padStart(7, '0')}`, isWord: true, isCap: false, isPossessive: false, sentence: 0, isSentenceStart: i === 0,
    }));
    const text = tokens.map((t) => t.norm).join(' ');
    for (const t of tokens) t.text = t.norm;
    const store = new TokenStore();
    const handle = store.add(tokens);
    const back = store.tokens(handle, text, [0]);
    // The last norms' numbers (2^19 - 1 and past) are in the side table, the ones before packed.
    for (const i of [0, 2 ** 19 - 2, 2 ** 19 - 1, 2 ** 19, count - 1]) expect(back[i]).toEqual(tokens[i]);
  });

  it('says which article handle it no longer has after release', () => {
    const store = new TokenStore();
    const d = prepareArticle(ARTICLES[1], store);
    store.release();
    expect(() => d.tokens).toThrow(/article handle 0 \(released or never added\)/);
  });
});
