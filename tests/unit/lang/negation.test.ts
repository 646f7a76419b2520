/** Verbal negation of news-style sentences (invented), read as core/lang/negation does. */
import { describe, expect, it } from 'vitest';
import { readNegationOf } from '../../../src/core/lang/negation';
import { wordKey } from '../../../src/core/lang/keywords';
import { Tokens, tokenize } from '../../../src/core/match/tokens';
import { classifyingTable } from '../../../src/core/match/classify';
import { wordRun } from '../../../src/core/lang/segment';

function negation(text: string): string {
  const t = new Tokens(classifyingTable([], []));
  tokenize(text, t);
  return readNegationOf(t, 0, t.count).cue;
}

describe('readNegationOf: the negation', () => {
  it.each<[string, string]>([
    ['The council did not approve the budget on Tuesday.', 'not'],
    ['The mayor has never lost an election in the borough.', 'never'],
    ["The union didn't back the strike.", "didn't"],
    ['The union didn’t back the strike.', "didn't"],
    ["She won't stand again, her office said.", "won't"],
    ['The board cannot meet before March.', 'cannot'],
    ['The council approved the budget on Tuesday.', ''],
    ['She won the seat by 400 votes.', ''],
    ['MPs backed a motion of no confidence in the chair.', ''],
    ['He said there was no place in the party for abuse.', ''],
    ['The plan is not only costly but late.', ''],
    ['Whether or not the plan goes ahead, the depot will close.', ''],
  ])('%s → "%s"', (text, expected) => {
    expect(negation(text)).toBe(expected);
  });

  it('reads words inside quotes too (a quoted denial and a reported one deny the same thing)', () => {
    expect(negation('She said: "We will not give in."')).toBe('not');
  });
});

describe('readNegationOf on the analysis segmenter’s words', () => {
  it.each<[string, string]>([
    ["The union didn't back the strike.", "didn't"],
    ['The union backed the strike.', ''],
  ])('%s → "%s"', (text, expected) => {
    const run = wordRun(text);
    expect(readNegationOf(run, 0, run.norm.length).cue).toBe(expected);
  });
});

describe('readNegationOf: what is denied', () => {
  it.each<[string, string, string]>([
    ['The council did not approve the budget.', 'not', 'approv'],
    ["The union didn't even support the strike.", "didn't", 'support'],
    ['The mayor has never been elected.', 'never', 'elected'],
    ["Some say that isn't how politics works.", "isn't", ''],
    ['He said: "I don\'t do personal abuse."', "don't", 'personal'],
    ['The council approved the budget.', '', ''],
  ])('%s', (text, cue, target) => {
    const run = wordRun(text);
    const n = readNegationOf(run, 0, run.norm.length);
    expect(n.cue).toBe(cue);
    expect(n.target).toBe(target === '' ? '' : wordKey(target));
  });
});
