/**
 * The page side of the clause reading experiment (claims.ts pageClauseSpans, behind CLAUSE_READING):
 * a long page sentence is cut into clauses as the corpus analysis cuts a corpus sentence (07-claims
 * clauseSpans); a sentence under LONG_SENTENCE_WORDS words is not cut. Invented text; each expected
 * cut read off the sentence by hand.
 */
import { describe, expect, it } from 'vitest';
import { pageClauseSpans } from '../../../src/core/match/claims';
import { scratchTokens, tokenize } from '../../../src/core/match/tokens';

const clauses = (text: string): string[] => {
  const t = tokenize(text, scratchTokens());
  const s = pageClauseSpans(t, 0, t.count);
  const out: string[] = [];
  for (let k = 0; k < s.length; k += 2) out.push(text.slice(t.start[s[k]], t.end[s[k + 1] - 1]));
  return out;
};

describe('pageClauseSpans', () => {
  it.each([
    // 33 words: cut at commas, before "who", "after", "while" and at the semicolon; "The mayor" (under five words) joins the next stretch.
    [
      'The mayor, who took office after the vote last spring in the northern town, will open the new bus depot on Monday while crews from the council wait outside the gates in the cold rain; critics say the plan costs too much money.',
      [
        'The mayor, who took office',
        'after the vote last spring in the northern town',
        'will open the new bus depot on Monday',
        'while crews from the council wait outside the gates in the cold rain',
        'critics say the plan costs too much money.',
      ],
    ],
    // 27 words, the last stretch ("she said") under five words: it joins the one before it.
    [
      'The harbour board approved a new budget for the coming year after a long debate about repairs to the old quay and the ferry terminal, she said.',
      ['The harbour board approved a new budget for the coming year', 'after a long debate about repairs to the old quay and the ferry terminal, she said.'],
    ],
    // Under 25 words: not read clause by clause.
    ['The mayor, who took office in May, will open the depot while crews wait.', []],
  ])('%s', (text, expected) => {
    expect(clauses(text)).toEqual(expected);
  });
});
