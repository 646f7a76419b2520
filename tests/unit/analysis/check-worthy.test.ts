/** The sentence-level rules of step 7 (check-worthy.ts) and the word knowledge they read (lang/clauses.ts), on invented sentences. */
import { describe, expect, it } from 'vitest';
import { carriedSubject, findEventVerb, isOpinion, isQuestion, isTitleCase } from '../../../src/core/analysis/check-worthy';
import { prepareArticle } from '../../../src/core/analysis/prepare';
import type { Token } from '../../../src/core/analysis/context';
import { isCreditLine, isVerbForm } from '../../../src/core/lang/clauses';

/** The tokens of one sentence, segmented as the pipeline does (after a headline paragraph). */
function tokensOf(sentence: string): Token[] {
  const d = prepareArticle({ id: 't', text: `A headline\n\n${sentence}` });
  return d.tokens.filter((t) => t.sentence === 1);
}
const wordsOf = (sentence: string) => tokensOf(sentence).filter((t) => t.isWord);

describe('isQuestion', () => {
  it.each([
    ['Will the bridge reopen in May?', true],
    ['"Who pays for the repairs?"', true],
    ['She asked who would pay (and when?)', true],
    ['The council asked residents to wait.', false],
    ['"Why now?" was the headline, the editor said.', false],
  ])('%s → %s', (text, expected) => expect(isQuestion(text)).toBe(expected));
});

describe('isCreditLine', () => {
  it.each([
    ['Reporting by Jo Bell; editing by Sam Fry.', true],
    ['Additional reporting by Jo Bell in Lisbon', true],
    ['By Jo Bell, Transport Correspondent', true],
    ['By Jo Bell and Sam Fry', true],
    ['By Tuesday, the council had approved the plan.', false],
    ['By the time the plant opens, prices will have risen.', false],
    ['The report by Jo Bell found that fares rose.', false],
  ])('%s → %s', (text, expected) => expect(isCreditLine(text)).toBe(expected));
});

describe('isVerbForm', () => {
  it.each([
    ['backed', true], // a past tense the lexicon knows
    ['lost', true], // an irregular form the lexicon files as an adjective
    ['packed', true], // a participle filed as an adjective
    ['queuing', true], // unknown to the lexicon: -ing
    ['revenue', false],
    ['women', false], // an irregular plural, not a verb
    ['female', false],
  ])('%s → %s', (word, expected) => expect(isVerbForm(word)).toBe(expected));
});

describe('findEventVerb', () => {
  const verbOf = (sentence: string) => {
    const toks = tokensOf(sentence);
    const i = findEventVerb(toks);
    return i < 0 ? null : toks[i].norm;
  };
  it.each([
    ['Mira Kahn backed the motion on budgets.', 'backed'],
    ['Mira Kahn will rally supporters in the square.', 'rally'], // after a modal
    ['Mira Kahn has lost two appeals.', 'lost'],
    ['Mira Kahn is facing a new challenge.', 'facing'],
    ['Mira Kahn said the vote was close.', 'said'], // reporting verbs are events
    ['The vote of the members is final.', null], // "vote" after a determiner is a noun; "is" is the copula
    ['Mira Kahn is the chair of the board.', null],
    ['It has no place in our town.', null],
  ])('%s → %s', (sentence, expected) => expect(verbOf(sentence)).toBe(expected));

  it('reads capitalised words as verbs only in a title-case line', () => {
    const toks = tokensOf('Mira Kahn Opened The Harbour Terminal');
    expect(findEventVerb(toks)).toBe(-1);
    expect(toks[findEventVerb(toks, () => true, true)].norm).toBe('opened');
  });

  it('looks only at the tokens it is told to', () => {
    const toks = tokensOf('Mira Kahn backed the motion.');
    expect(findEventVerb(toks, (i) => toks[i].norm !== 'backed')).toBe(-1);
  });
});

describe('isTitleCase', () => {
  it.each([
    ['Mira Kahn Opened The Harbour Terminal', true],
    ['Harbour Chief Calls For Patience Over Delays', true],
    ['Mira Kahn opens the harbour terminal', false],
  ])('%s → %s', (line, expected) => expect(isTitleCase(wordsOf(line))).toBe(expected));
});

describe('carriedSubject', () => {
  it.each([
    ['He also thanked the volunteers.', 'person'],
    ['But she refused to comment.', 'person'],
    ['The minister told the committee she would resign.', 'person'],
    ['The troubled bakery company cut its dividend.', 'organisation'],
    ['Meanwhile, the union called a strike.', 'organisation'],
    ['That company has also promised to end the contracts.', 'organisation'],
    ['It will open a second plant.', 'previous'],
    ['They also plan to sell the site.', 'previous'],
    ['The members voted to strike.', null], // a plural role: not one person
    ['Mira Kahn thanked the volunteers.', null], // names its own subject
  ])('%s → %s', (sentence, expected) => expect(carriedSubject(wordsOf(sentence))).toBe(expected));
});

describe('isOpinion', () => {
  it.each([
    ['I think the plan is wrong.', true],
    ['We do not want a price war.', true],
    ['We must act before the winter.', true],
    ['We have to be disciplined.', true],
    ['You should read the report.', true],
    ['We have lost the last two votes.', false],
    ['We repaired every boat after the storm.', false],
    ['They think the plan is wrong.', false], // a view reported of others, not the speaker's own
    ['I know some members are angry.', false], // asserts what follows
  ])('%s → %s', (sentence, expected) => expect(isOpinion(wordsOf(sentence))).toBe(expected));
});
