/** The quote bigram index: every (bigram, quote) pair once, keys ascending, quotes ascending per key. */
import { describe, expect, it } from 'vitest';
import type { QuoteSignature } from '../../../src/core/match/data';
import { quoteBigrams } from '../../../src/core/match/quotes';

const quote = (words: number[]): QuoteSignature => [0, 0, 0, words, []];
const STRIDE = 10;

describe('quoteBigrams', () => {
  it.each([
    { name: 'no quotes', quotes: [], keys: [], starts: [0], postings: [] },
    { name: 'a one-word quote has no bigram', quotes: [[4]], keys: [], starts: [0], postings: [] },
    // Bigrams 1·2 = 12 and 2·3 = 23.
    { name: 'one quote', quotes: [[1, 2, 3]], keys: [12, 23], starts: [0, 1, 2], postings: [0, 0] },
    // 1·2 twice in quote 0 counts once; quote 1 shares 2·3 and adds 3·1 = 31; keys sort across quotes.
    { name: 'repeats and shared bigrams', quotes: [[1, 2, 3, 1, 2], [2, 3, 1]], keys: [12, 23, 31], starts: [0, 1, 3, 5], postings: [0, 0, 1, 0, 1] },
    // Quote 1 comes first in the key order (0·9 = 9) though made second.
    { name: 'keys ascending whatever the quote order', quotes: [[5, 5], [0, 9]], keys: [9, 55], starts: [0, 1, 2], postings: [1, 0] },
  ])('$name', ({ quotes, keys, starts, postings }) => {
    const index = quoteBigrams(quotes.map(quote), STRIDE);
    expect([...index.keys]).toEqual(keys);
    expect([...index.starts]).toEqual(starts);
    expect([...index.postings]).toEqual(postings);
  });
});
