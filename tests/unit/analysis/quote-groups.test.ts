import { describe, expect, it } from 'vitest';
import type { QuoteDraft } from '../../../src/core/analysis/05-quotes';
import { groupQuotes } from '../../../src/core/analysis/06-quote-groups';
import { wordDiff } from '../../../src/core/lang/word-diff';

const quote = (article: string, speaker: string | null, text: string): QuoteDraft => ({
  article,
  speaker,
  speakerText: null,
  text,
  spans: [{ start: 0, end: text.length }],
  sentences: [0],
  tense: 'past',
});

describe('groupQuotes', () => {
  // Invented speakers and wordings. The unattributed quote matches both speakers' wordings
  // (9/9 and 7/9 of its words in order), the two speakers' wordings do not match each other (7/14).
  const quotes = [
    quote('a', 'person:ada-x', 'We will build the new harbour wall before the winter storms arrive in the bay'),
    quote('b', 'person:bo-y', 'We will build the new harbour wall and the bridge that the town has long wanted'),
    quote('c', null, 'We will build the new harbour wall before winter'),
  ];

  it.each([
    ['joins an unattributed quote to the wording it matches best, never two speakers into one group', quotes, [[0, 2], [1]]],
    ['still joins it when only one speaker is in play', [quotes[0], quotes[2]], [[0, 1]]],
    ['joins nothing below the shared-words share', [quotes[0], quotes[1]], [[0], [1]]],
  ])('%s', (_, input, expected) => {
    const groups = groupQuotes(input);
    expect(groups.map((g) => g.members)).toEqual(expected);
    for (const g of groups) expect(new Set(g.members.map((m) => input[m].speaker).filter((s) => s !== null)).size).toBeLessThanOrEqual(1);
  });
});

describe('wordDiff', () => {
  it.each([
    ['case and curly marks are not differences', 'We said “Yes” – now', 'we said "yes" - now', [{ op: 'same', text: 'we said "yes" - now' }]], // the other wording's text, as the diff package gives it
    ['a word added', 'the new wall', 'the new harbour wall', [{ op: 'same', text: 'the new ' }, { op: 'added', text: 'harbour ' }, { op: 'same', text: 'wall' }]],
  ])('%s', (_, reference, other, expected) => {
    // Twice: the second call reuses the reference's kept tokens and must give the same parts.
    expect(wordDiff(reference, other)).toEqual(expected);
    expect(wordDiff(reference, other)).toEqual(expected);
  });
});
