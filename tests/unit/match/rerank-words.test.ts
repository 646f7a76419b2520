/**
 * Word classes of the re-ranker (rerank-words.ts): modal words that are as often nouns count only before "to";
 * "will" before a speech verb dates the telling, not the fact; time words before or after another event.
 */
import { describe, expect, it } from 'vitest';
import { MODAL, NEGATION, TIME_LATER, TIME_SHIFT, wordClass } from '../../../src/core/match/rerank-words';

describe('wordClass', () => {
  it.each([
    ['plans', 'to', MODAL], // "plans to close"
    ['plans', 'for', 0], // "plans for the site"
    ['plan', '.', 0], // "the pay plan."
    ['hopes', 'to', MODAL],
    ['hopes', 'of', 0],
    ['will', 'close', MODAL], // not noun-like: modal whatever follows
    ['will', 'say', 0], // "will say": the telling is future, not the fact told
    ['will', 'tell', 0],
    ['shall', 'announce', 0],
    ['would', 'say', MODAL], // conditional, not an announced speech
    ['will', '.', MODAL],
    ['aiming', 'to', MODAL], // "are aiming to mobilise"
    ['aiming', 'at', 0],
    ['plans', undefined, MODAL], // no context: as listed
  ] as const)('%s before %s', (word, next, expected) => {
    expect(wordClass(word, next) & MODAL).toBe(expected);
  });
});

describe('time words', () => {
  it.each([
    ['last', TIME_SHIFT],
    ['previous', TIME_SHIFT],
    ['ago', TIME_SHIFT],
    ['again', TIME_LATER],
    ['later', TIME_LATER],
    ['another', TIME_LATER],
    ['next', TIME_LATER],
    ['returned', TIME_LATER],
    ['future', TIME_SHIFT], // "the future of the party": a time, not another event
    ['former', 0], // a role ("the former minister"), not a time
    ['week', 0],
  ] as const)('%s', (word, expected) => {
    expect(wordClass(word) & (TIME_SHIFT | TIME_LATER)).toBe(expected);
  });
});

describe('negating words', () => {
  // The re-ranker counts the words that negate a noun ("no comment", "without a vote") beside the
  // verbal negators; readNegationOf (core/lang/negation.ts) reads only the verbal ones.
  it.each(['not', 'never', 'cannot', 'no', 'none', 'nothing', 'without', 'didn', 'couldn'])('%s negates', (word) => {
    expect(wordClass(word) & NEGATION).toBe(NEGATION);
  });
  it.each(['now', 'know', 'note'])('%s does not', (word) => {
    expect(wordClass(word) & NEGATION).toBe(0);
  });
});

describe('hyphenated words', () => {
  it('take the flags of their parts', () => {
    expect(wordClass('no-confidence') & NEGATION).toBe(NEGATION);
    expect(wordClass('long-term')).toBe(0);
  });
});
