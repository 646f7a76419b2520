/** One utterance worded differently, cut, or another utterance (core/lang/quoted-words), on invented quotations. */
import { describe, expect, it } from 'vitest';
import { citesFragment, quoteWording, quotedSpansAsWritten, rewordedQuote } from '../../../src/core/lang/quoted-words';
import { wordKey } from '../../../src/core/lang/keywords';

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

describe('quotedSpansAsWritten', () => {
  it.each([
    ['one quotation', 'we will rebuild the harbour', [['we', 'will', 'rebuild', 'the', 'harbour']]],
    ['two quotations and the words between', 'harbour tax" to "pay for the ferry', [['harbour', 'tax'], ['pay', 'for', 'the', 'ferry']]],
    ['curly marks', 'blue wave\u201d in \u201cthe autumn', [['blue', 'wave'], ['the', 'autumn']]],
    ['single marks around, an apostrophe inside a word', "harbour tax' and 'we don't", [['harbour', 'tax'], ['we', 'don', 't']]],
  ])('%s', (_name, asWritten, expected) => {
    expect(quotedSpansAsWritten(asWritten)).toEqual(expected);
  });
});

describe('citesFragment', () => {
  const isContent = (w: string) => wordKey(w) !== null;
  const spans = (...s: string[]) => s.map(words);
  it.each([
    ['a fragment the other quotation holds', spans('harbour tax'), spans('we will end the harbour tax this year'), true],
    ['the same fragment on both sides', spans('blue wave'), spans('blue wave'), true],
    ['a fragment of one content word', spans('the harbour'), spans('we will rebuild the harbour'), false],
    ['a one-word scare quote', spans('disgraceful'), spans('this is disgraceful'), false],
    ['a fragment the other does not hold unbroken', spans('harbour tax'), spans('the tax on the harbour'), false],
    ['two long quotations sharing a common run', spans('we will pass the city budget'), spans('after the city budget we will govern'), false],
  ])('%s', (_name, a, b, expected) => {
    expect(citesFragment(a, a.flat(), b, b.flat(), isContent)).toBe(expected);
    expect(citesFragment(b, b.flat(), a, a.flat(), isContent)).toBe(expected);
  });
});
