/** One utterance worded differently (core/lang/quoted-words), on invented quotations. */
import { describe, expect, it } from 'vitest';
import { rewordedQuote } from '../../../src/core/lang/quoted-words';

const words = (s: string) => s.toLowerCase().split(' ');

describe('rewordedQuote', () => {
  it.each([
    ['the same utterance in other words', 'we will rebuild the harbour for everyone who works on it', 'we will rebuild the harbour for all who work on it', true],
    ['one a cut of the other: the same words', 'we will rebuild the harbour for everyone', 'we will rebuild the harbour for everyone who works on it', false],
    ['the same words', 'we will rebuild the harbour', 'we will rebuild the harbour', false],
    ['another utterance', 'the ferry fares are too high for families', 'we will rebuild the harbour for everyone', false],
    ['a fragment is too short to tell', 'rebuild the harbour', 'rebuild a harbour', false],
  ])('%s', (_name, a, b, expected) => {
    expect(rewordedQuote(words(a), words(b))).toBe(expected);
  });
});
