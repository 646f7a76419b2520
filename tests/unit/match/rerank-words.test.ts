/** Word classes of the re-ranker (rerank-words.ts): modal words that are as often nouns count only before "to". */
import { describe, expect, it } from 'vitest';
import { MODAL, wordClass } from '../../../src/core/match/rerank-words';

describe('wordClass', () => {
  it.each([
    ['plans', 'to', MODAL], // "plans to close"
    ['plans', 'for', 0], // "plans for the site"
    ['plan', '.', 0], // "the pay plan."
    ['hopes', 'to', MODAL],
    ['hopes', 'of', 0],
    ['will', 'close', MODAL], // not noun-like: modal whatever follows
    ['plans', undefined, MODAL], // no context: as listed
  ] as const)('%s before %s', (word, next, expected) => {
    expect(wordClass(word, next) & MODAL).toBe(expected);
  });
});
