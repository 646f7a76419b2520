import { describe, expect, it } from 'vitest';
import { sharedInOrder, wordDiff } from '../../../src/core/lang/word-diff';

describe('word diff', () => {
  it.each([
    ['We will win.', 'We will win.', [{ op: 'same', text: 'We will win.' }]],
    // Case and the style of apostrophes, quotation marks and dashes are not differences.
    ['We don’t – ever', "we don't - ever", [{ op: 'same', text: "we don't - ever" }]],
    [
      'We will win the next election',
      'We will win the election',
      [
        { op: 'same', text: 'We will win the ' },
        { op: 'removed', text: 'next ' },
        { op: 'same', text: 'election' },
      ],
    ],
    [
      'a social movement',
      'a mass movement',
      [
        { op: 'same', text: 'a ' },
        { op: 'removed', text: 'social' },
        { op: 'added', text: 'mass' },
        { op: 'same', text: ' movement' },
      ],
    ],
  ])('%j → %j', (reference, other, expected) => {
    expect(wordDiff(reference, other)).toEqual(expected);
  });

  it('keeps each wording readable from the parts (punctuation kept; spacing may move at a change)', () => {
    const reference = 'The plan, he said, would fail.';
    const other = 'The plan would fail, he said.';
    const parts = wordDiff(reference, other);
    const squeeze = (s: string) => s.replace(/\s+/g, '');
    expect(squeeze(parts.filter((p) => p.op !== 'added').map((p) => p.text).join(''))).toBe(squeeze(reference));
    expect(squeeze(parts.filter((p) => p.op !== 'removed').map((p) => p.text).join(''))).toBe(squeeze(other));
  });

  it.each([
    [['a', 'b', 'c', 'd'], ['a', 'c', 'd'], 3],
    [['a', 'b'], ['b', 'a'], 1],
    [[], ['a'], 0],
  ])('sharedInOrder(%j, %j) = %d', (a, b, n) => {
    expect(sharedInOrder(a, b)).toBe(n);
  });

  // With a floor: the exact count when the pair shares at least that many, a number below it otherwise.
  it.each([
    [['a', 'b', 'c', 'd'], ['a', 'c', 'd'], 3, 3],
    [['a', 'b', 'c', 'd'], ['a', 'c', 'd'], 2, 3],
    [['a', 'b', 'c', 'd'], ['a', 'c', 'd'], 4, -1],
    [['a', 'b', 'c', 'd', 'e', 'f'], ['f', 'e', 'd', 'c', 'b', 'a'], 2, -1],
    [['a', 'b', 'c', 'd', 'e', 'f'], ['x', 'a', 'b', 'y', 'c', 'd', 'e', 'z'], 5, 5],
    [['a', 'b'], ['a', 'b'], 2, 2],
    [['a', 'b'], ['b', 'a'], 1, 1],
    [[], ['a'], 1, -1],
  ])('sharedInOrder(%j, %j, at least %d) = %d (-1: below the floor)', (a, b, atLeast, n) => {
    const got = sharedInOrder(a, b, atLeast);
    if (n < 0) expect(got).toBeLessThan(atLeast);
    else expect(got).toBe(n);
  });
});
