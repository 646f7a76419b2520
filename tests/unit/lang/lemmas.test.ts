import { describe, expect, it } from 'vitest';
import { wordKey } from '../../../src/core/lang/keywords';
import { stem } from '../../../src/core/lang/lemmas';

describe('stem: inflections of one word share one key', () => {
  it.each([
    // Regular suffixes.
    [['organise', 'organised', 'organising', 'organises'], 'organis'],
    [['rally', 'rallies', 'rallied'], 'rally'],
    [['stop', 'stopped', 'stopping'], 'stop'],
    [['fall', 'falling'], 'fall'],
    [['member', 'members'], 'member'],
    [['march', 'marches'], 'march'],
    // Irregular forms from the table.
    [['write', 'wrote', 'written', 'writes'], 'writ'],
    [['become', 'became'], 'becom'],
    [['rise', 'rose', 'risen', 'rising'], 'ris'],
    // "people" folds to "person" like every plural to its singular (the two old tables disagreed).
    [['person', 'people'], 'person'],
    [['woman', 'women'], 'woman'],
    // Adjective and noun of one meaning.
    [['female', 'woman'], 'woman'],
    // An adverb of a participle keys as its verb.
    [['overwhelm', 'overwhelming', 'overwhelmingly'], 'overwhelm'],
    [['report', 'reported', 'reportedly'], 'report'],
  ])('%j → %s', (words, key) => {
    for (const w of words) expect(stem(w)).toBe(key);
  });

  it.each([
    // Short words and -ss/-us/-is endings are left alone.
    ['bus', 'bus'],
    ['class', 'class'],
    ['crisis', 'crisis'],
    ['serious', 'serious'],
    // Fixture-only synonym mappings are gone: "signatories" is not "sign".
    ['signatories', 'signatory'],
  ])('%s → %s', (word, key) => {
    expect(stem(word)).toBe(key);
  });

  it('is idempotent on its output for common words', () => {
    for (const w of ['organised', 'rallies', 'stopped', 'members', 'wrote', 'people', 'marches']) expect(stem(stem(w))).toBe(stem(w));
  });
});

describe('wordKey: one keyword rule for corpus and page', () => {
  it.each([
    ['organised', 'organis'],
    ['rallies', 'rally'],
    ['women', 'woman'],
    ['election', 'election'],
    // Stopwords in any form, numbers, scales, fragments and letterless tokens are no keys.
    ['the', null],
    ['said', null],
    ['taken', null],
    ['came', null],
    ['years', null],
    ['forty', null],
    ['million', null],
    ['mp', null],
    ['2,000', null],
    // A hyphenated compound keys as its head, the last part, as the words written apart do.
    ['no-confidence', 'confidenc'],
    ['anti-austerity', 'austerity'],
    ['re-elected', 'elect'],
    // A head that is no keyword leaves the compound whole.
    ['co-op', 'co-op'],
    ['sign-up', 'sign-up'],
  ])('%s → %s', (word, key) => {
    expect(wordKey(word)).toBe(key);
  });
});
