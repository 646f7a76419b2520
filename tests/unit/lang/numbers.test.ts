import { describe, expect, it } from 'vitest';
import { NUMBER_WORDS, SCALES, isScaleWord, readNumberWords } from '../../../src/core/lang/numbers';

function read(text: string) {
  const words = text.split(' ');
  return readNumberWords(words, 0, words.length, (j) => words[j] !== '-');
}

describe('number words', () => {
  it.each([
    ['forty - four', { value: 44, next: 3, isScaled: false }],
    ['forty four', { value: 44, next: 2, isScaled: false }],
    ['two million', { value: 2_000_000, next: 2, isScaled: true }],
    ['one hundred and twenty', { value: 120, next: 4, isScaled: true }],
    ['a dozen', { value: 12, next: 2, isScaled: false }],
    ['two dozen', { value: 24, next: 2, isScaled: false }],
    ['a thousand', { value: 1000, next: 2, isScaled: true }],
    ['nineteen people', { value: 19, next: 1, isScaled: false }],
    // A lone "one" is a pronoun, and a scale word alone is no number.
    ['one of them', null],
    ['million', null],
    ['a man', null],
  ])('%j → %j', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it.each([
    ['zero', 0],
    ['twelve', 12],
    ['ninety', 90],
    ['dozen', 12],
  ])('NUMBER_WORDS %s = %d', (word, value) => {
    expect(NUMBER_WORDS.get(word)).toBe(value);
  });

  it.each([
    ['million', true, 1e6],
    ['bn', false, 1e9],
    ['k', false, 1e3],
    ['hundred', true, 100],
  ])('scale %s: whole word %s, value %d', (word, isWord, value) => {
    expect(isScaleWord(word)).toBe(isWord);
    expect(SCALES.get(word)).toBe(value);
  });
});
