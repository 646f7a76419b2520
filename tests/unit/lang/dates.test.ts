import { describe, expect, it } from 'vitest';
import { MONTHS, WEEKDAYS, dateKind, findDates, isYearNumber } from '../../../src/core/lang/dates';
import { wordRun } from '../../../src/core/lang/segment';
import { CAP, WORD } from '../../../src/core/lang/token-flags';

describe('dates', () => {
  it.each([
    ['2016', 'year'],
    ['24 September', 'day'],
    ['July 20', 'day'],
    ['Saturday', 'weekday'],
    ['yesterday', 'other'],
    ['May', 'other'],
  ])('dateKind(%s) = %s', (date, kind) => {
    expect(dateKind(date)).toBe(kind);
  });

  it.each([
    ['1800', true],
    ['2016', true],
    ['2100', true],
    ['1799', false],
    ['2101', false],
    ['201', false],
    ['20161', false],
  ])('isYearNumber(%s) = %s', (digits, isYear) => {
    expect(isYearNumber(digits)).toBe(isYear);
  });

  it.each([
    ['january', 1],
    ['sept', 9],
    ['dec', 12],
  ])('MONTHS %s = %d', (word, month) => {
    expect(MONTHS.get(word)).toBe(month);
  });

  it('has seven weekdays', () => {
    expect(WEEKDAYS.size).toBe(7);
  });
});

/** The tokens of a one-sentence text as the date reader takes them. */
function dateTokens(text: string) {
  const run = wordRun(text);
  return run.norm.map((norm, i) => ({
    start: run.start[i],
    end: run.end[i],
    text: text.slice(run.start[i], run.end[i]),
    norm,
    isWord: (run.flags[i] & WORD) !== 0,
    isCap: (run.flags[i] & CAP) !== 0,
    isSentenceStart: i === 0,
  }));
}

describe('findDates', () => {
  it.each([
    ['The vote is on 12 March.', [], ['12 March']],
    ['The vote is on March 12 in the city.', [], ['March 12']],
    ['They met on Saturday and again yesterday.', [], ['Saturday', 'yesterday']],
    // "May" is read alone (it is also a verb), so the year stands apart.
    ['The result came in May 2019.', ['2019'], ['May', '2019']],
    ['The result came in June 2019.', ['2019'], ['June 2019']],
    ['May the best side win.', [], []],
    ['He said it may rain.', [], []],
    ['The march went ahead.', [], []],
    ['It closed in 1990 after a vote.', ['1990'], ['1990']],
  ])('%j → %j', (text, years, expected) => {
    expect(findDates(dateTokens(text), years, text)).toEqual(expected);
  });
});
