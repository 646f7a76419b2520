import { describe, expect, it } from 'vitest';
import { DisjointSets, forEachCandidatePair } from '../../../src/core/analysis/blocking';

describe('forEachCandidatePair', () => {
  it('visits each pair that shares a key exactly once, and never a pair that shares none', () => {
    const keys = [['a', 'b'], ['a', 'b', 'a'], ['b'], ['c']];
    const pairs: string[] = [];
    forEachCandidatePair(keys.length, (i) => keys[i], 10, (i, j) => pairs.push(`${i}-${j}`));
    // 0-1 share "a" and "b" but are visited once; 3 shares nothing.
    expect(pairs).toEqual(['0-1', '0-2', '1-2']);
  });

  it('skips a key shared by more items than maxBlock', () => {
    const keys = [['common', 'x'], ['common', 'x'], ['common'], ['common']];
    const pairs: string[] = [];
    forEachCandidatePair(keys.length, (i) => keys[i], 3, (i, j) => pairs.push(`${i}-${j}`));
    expect(pairs).toEqual(['0-1']);
  });
});

describe('DisjointSets', () => {
  it('groups joined items, members ascending, groups in order of their first member', () => {
    const sets = new DisjointSets(6);
    sets.attach(sets.find(4), sets.find(1));
    sets.attach(sets.find(1), sets.find(5));
    sets.attach(sets.find(2), sets.find(0));
    expect(sets.groups()).toEqual([[0, 2], [1, 4, 5], [3]]);
    expect(sets.find(4)).toBe(sets.find(5));
    expect(sets.find(3)).toBe(3);
  });
});

describe('forEachCandidatePair with numeric keys', () => {
  it('treats numbers as keys like strings, and visits by first item, then its keys, then the partner', () => {
    const keys: (string | number)[][] = [[7, 'k'], [9, 7], ['k', 9], [7]];
    const pairs: string[] = [];
    forEachCandidatePair(keys.length, (i) => keys[i], 10, (i, j) => pairs.push(`${i}-${j}`));
    // 0: key 7 → 1, 3; key "k" → 2.  1: key 9 → 2; key 7 → 3.  2: nothing later but via 9/k, none.
    expect(pairs).toEqual(['0-1', '0-3', '0-2', '1-2', '1-3']);
  });

  it.each([
    ['keys shared in chains', [[5, 3], [3, 8], [8, 5, 5], [1e12, 3], [1e12]], 10],
    ['a key over the block cap', [[2 ** 50, 1], [2 ** 50], [2 ** 50, 1], [2 ** 50]], 3],
    ['no shared key', [[1], [2], [3]], 10],
    ['large packed keys that differ by one', [[2 ** 51 - 1], [2 ** 51 - 2], [2 ** 51 - 1, 2 ** 51 - 2]], 10],
  ])('visits the same pairs, in the same order, with %s as numbers as with the same keys as strings', (_name, keys, maxBlock) => {
    const asNumbers: string[] = [];
    const asStrings: string[] = [];
    forEachCandidatePair(keys.length, (i) => keys[i], maxBlock, (i, j) => asNumbers.push(`${i}-${j}`));
    forEachCandidatePair(keys.length, (i) => keys[i].map((k) => `key ${k}`), maxBlock, (i, j) => asStrings.push(`${i}-${j}`));
    expect(asNumbers).toEqual(asStrings);
  });

  it('pairs large packed keys exactly (all numbers: numbered by sorting)', () => {
    const pairs: string[] = [];
    forEachCandidatePair(4, (i) => [[2 ** 51 - 1, 7], [7], [2 ** 51 - 2], [2 ** 51 - 1]][i], 10, (i, j) => pairs.push(`${i}-${j}`));
    // 0 shares 2^51-1 with 3 and 7 with 1 (0's keys in the order given); 2 shares nothing.
    expect(pairs).toEqual(['0-3', '0-1']);
  });

  it('never visits an item with itself, even when a key repeats within it', () => {
    const pairs: string[] = [];
    forEachCandidatePair(2, () => [1, 1, 1], 10, (i, j) => pairs.push(`${i}-${j}`));
    expect(pairs).toEqual(['0-1']);
  });
});
