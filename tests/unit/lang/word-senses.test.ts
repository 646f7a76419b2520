import { describe, expect, it } from 'vitest';
import vectorData from '../../../src/core/lang/data/word-vectors.json';
import senseData from '../../../src/core/lang/data/word-senses.json';
import { encodeWordVectorsBinary, loadWordVectors, loadWordVectorsBinary, type WordVectorsData } from '../../../src/core/lang/vectors';
import { decodeSensesSection, encodeSensesSection, loadRowSenses, type WordSensesData } from '../../../src/core/lang/word-senses';

/** Three words of two dimensions (values irrelevant here) and senses written by hand: "up" and "right" share group 1, "down" has none. */
const tiny: WordVectorsData = {
  dimensions: 2,
  count: 3,
  words: 'up right down',
  scales: btoa(String.fromCharCode(0, 0, 0x80, 0x3f, 0, 0, 0x80, 0x3f, 0, 0, 0x80, 0x3f)),
  values: btoa(String.fromCharCode(1, 0, 0, 1, 1, 1)),
};
const tinySenses: WordSensesData = { groups: 3, count: 2, words: 'up:0,1 right:1,2' };

describe('word senses: loading', () => {
  it('relates the rows of words that share a group, from JSON and from the binary form', () => {
    const json = loadWordVectors(tiny);
    const fromJson = loadRowSenses(tinySenses, json.row, json.size);
    const binary = loadWordVectorsBinary(encodeWordVectorsBinary(tiny, tinySenses));
    for (const [t, senses] of [
      [json, fromJson],
      [binary, binary.senses!],
    ] as const) {
      expect(senses.shared(t.row('up'), t.row('right'))).toBe(true);
      expect(senses.shared(t.row('right'), t.row('up'))).toBe(true);
      expect(senses.shared(t.row('up'), t.row('down'))).toBe(false);
      expect(senses.shared(t.row('down'), t.row('down'))).toBe(false);
    }
  });

  it('loads a binary form without senses as before (no senses)', () => {
    expect(loadWordVectorsBinary(encodeWordVectorsBinary(tiny)).senses).toBeUndefined();
  });

  it.each([
    ['a group past "groups"', { ...tinySenses, words: 'up:0,3 right:1' }, /entry "up:0,3"/],
    ['groups not ascending', { ...tinySenses, words: 'up:1,0 right:1' }, /entry "up:1,0"/],
    ['count against words', { ...tinySenses, count: 3 }, /holds 2 words, "count" says 3/],
    ['no groups field', { ...tinySenses, groups: undefined }, /"groups"/],
  ])('rejects a bad table, naming the field (%s)', (_name, bad, message) => {
    expect(() => encodeSensesSection(bad as WordSensesData, ['up', 'right', 'down'])).toThrow(message);
  });

  it.each([
    ['bad magic', (b: Uint8Array) => b.fill(0, 0, 4), /bad magic/],
    ['cut short', (b: Uint8Array) => b.subarray(0, b.length - 4), /holds \d+ bytes, expected/],
  ])('rejects a damaged section (%s)', (_name, damage, message) => {
    expect(() => decodeSensesSection(damage(encodeSensesSection(tinySenses, ['up', 'right', 'down'])), 3)).toThrow(message);
  });

  it('rejects a section written for another number of rows', () => {
    expect(() => decodeSensesSection(encodeSensesSection(tinySenses, ['up', 'right']), 3)).toThrow(/2 rows, the vectors 3/);
  });
});

describe('word senses: the committed WordNet table', () => {
  const vectors = loadWordVectors(vectorData);
  const json = loadRowSenses(senseData, vectors.row, vectors.size);
  const binary = loadWordVectorsBinary(encodeWordVectorsBinary(vectorData, senseData));
  const shared = (a: string, b: string) => json.shared(vectors.row(a), vectors.row(b));

  // WordNet 3.1: "reject" sense 2 is {refuse, reject, pass_up, turn_down, decline}; "rejection" is
  // derived from it; {vote, ballot}; {attack, assault}; {quit, resign}; {say, tell} in one sense.
  it.each([
    ['rejected', 'declined'],
    ['rejected', 'refused'],
    ['reject', 'rejection'],
    ['vote', 'ballot'],
    ['attack', 'assault'],
    ['quit', 'resigned'],
    ['said', 'told'],
  ])('relates %s and %s (synonyms or derived forms)', (a, b) => {
    expect(shared(a, b)).toBe(true);
  });

  // Near in the word vectors (one topic, or opposites), no shared sense in WordNet.
  it.each([
    ['rejected', 'approved'],
    ['won', 'lost'],
    ['rise', 'fall'],
    ['staff', 'guitar'],
  ])('does not relate %s and %s', (a, b) => {
    expect(shared(a, b)).toBe(false);
  });

  it('gives the binary form the same relations as the JSON form', () => {
    for (const [a, b] of [
      ['rejected', 'declined'],
      ['reject', 'rejection'],
      ['rejected', 'approved'],
      ['won', 'lost'],
    ]) {
      expect(binary.senses!.shared(binary.row(a), binary.row(b))).toBe(shared(a, b));
    }
  });
});
