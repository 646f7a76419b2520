/** One utterance worded differently, cut, or another utterance (core/lang/quoted-words), on invented quotations. */
import { describe, expect, it } from 'vitest';
import { quoteWording, rewordedQuote } from '../../../src/core/lang/quoted-words';

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

describe('quoteWording', () => {
  it.each([
    ['the same utterance in other words', 'we will rebuild the harbour for everyone who works on it', 'we will rebuild the harbour for all who work on it', 'varied'],
    ['one a cut of the other', 'we will rebuild the harbour for everyone', 'we will rebuild the harbour for everyone who works on it', 'cut'],
    ['another utterance: no word pair shared', 'the ferry fares are too high for families', 'we will rebuild the harbour for everyone', 'other'],
    // One pair of seven shared ("the harbour"): under half, over an eighth: neither one utterance nor clearly another.
    ['between the two', 'we must keep the harbour open all year', 'nobody will close the harbour while i am here', null],
    ['a fragment is too short to tell', 'rebuild the harbour', 'the ferry fares are too high', null],
  ])('%s', (_name, a, b, expected) => {
    expect(quoteWording(words(a), words(b))).toBe(expected);
  });
});
