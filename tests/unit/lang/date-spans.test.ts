/** Dates resolved to days against the text's own date (core/lang/date-spans), on invented sentences. */
import { describe, expect, it } from 'vitest';
import { compareDates, dayFromParts, dayOf, findDateSpans, weekdayOf, type DateSpan } from '../../../src/core/lang/date-spans';
import { wordRun } from '../../../src/core/lang/segment';

// Wednesday 10 March 2021.
const ANCHOR = dayOf('2021-03-10')!;
const day = (y: number, m: number, d: number) => dayFromParts(y, m, d);
const spans = (text: string, anchor: number | null = ANCHOR) => {
  const run = wordRun(text);
  return findDateSpans(run, 0, run.norm.length, anchor).map((s) => ({ text: text.slice(s.start, s.end), lo: s.lo, hi: s.hi, weekday: s.weekday }));
};

describe('findDateSpans', () => {
  it('knows the anchor is a Wednesday', () => {
    expect(weekdayOf(ANCHOR)).toBe(3);
    expect(dayOf('unknown')).toBeNull();
  });

  it.each([
    ['The yard shut on Monday.', 'Monday', day(2021, 3, 8), day(2021, 3, 8), 1],
    ['The yard shut last Wednesday.', 'last Wednesday', day(2021, 3, 3), day(2021, 3, 3), 3],
    ['The yard reopens next Friday.', 'next Friday', day(2021, 3, 12), day(2021, 3, 12), 5],
    ['The yard shut yesterday.', 'yesterday', day(2021, 3, 9), day(2021, 3, 9), -1],
    ['The yard shut last week.', 'last week', day(2021, 3, 1), day(2021, 3, 7), -1],
    ['The yard shut on 12 March.', '12 March', day(2021, 3, 12), day(2021, 3, 12), -1],
    ['The yard shut on the 3rd of February.', '3rd of February', day(2021, 2, 3), day(2021, 2, 3), -1],
    ['The yard shut on March 2, 2019.', 'March 2, 2019', day(2019, 3, 2), day(2019, 3, 2), -1],
    ['The yard shut last September.', 'last September', day(2020, 9, 1), day(2020, 9, 30), -1],
    ['The yard shut in February 2020.', 'February 2020', day(2020, 2, 1), day(2020, 2, 29), -1],
    // Relative to the text's day beyond "yesterday" and "last week".
    ['The yard shut last night.', 'last night', day(2021, 3, 9), day(2021, 3, 9), -1],
    ['The yard shut this morning.', 'this morning', day(2021, 3, 10), day(2021, 3, 10), -1],
    ['The yard shut the day before yesterday.', 'the day before yesterday', day(2021, 3, 8), day(2021, 3, 8), -1],
    ['The yard reopens the day after tomorrow.', 'the day after tomorrow', day(2021, 3, 12), day(2021, 3, 12), -1],
    ['The yard shut two days ago.', 'two days ago', day(2021, 3, 8), day(2021, 3, 8), -1],
    ['The yard shut 3 days ago.', '3 days ago', day(2021, 3, 7), day(2021, 3, 7), -1],
    ['The yard shut a week ago.', 'a week ago', day(2021, 3, 0), day(2021, 3, 6), -1],
    ['The yard shut three months ago.', 'three months ago', day(2020, 12, 1), day(2020, 12, 31), -1],
    ['The yard shut a year ago.', 'a year ago', day(2020, 1, 1), day(2020, 12, 31), -1],
    ['The yard shut last weekend.', 'last weekend', day(2021, 3, 6), day(2021, 3, 7), -1],
    ['The yard reopens this weekend.', 'this weekend', day(2021, 3, 13), day(2021, 3, 14), -1],
    // A quarter or half of a year, with its year.
    ['Fees rose in the first quarter of 2020.', 'first quarter of 2020', day(2020, 1, 1), day(2020, 3, 31), -1],
    ['Fees rose in Q3 2019.', 'Q3 2019', day(2019, 7, 1), day(2019, 9, 30), -1],
    ['Fees rose in the second half of last year.', 'second half of last year', day(2020, 7, 1), day(2020, 12, 31), -1],
  ])('%s → %s', (text, written, lo, hi, weekday) => {
    expect(spans(text)).toEqual([{ text: written, lo, hi, weekday }]);
  });

  it('leaves a weekday unplaced without the text date, keeping its weekday', () => {
    expect(spans('The yard shut on Monday.', null)).toEqual([{ text: 'Monday', lo: null, hi: null, weekday: 1 }]);
    expect(spans('The yard shut yesterday.', null)).toEqual([]);
  });

  it('reads "the day before yesterday" whole, never as "yesterday", dated or not', () => {
    expect(spans('The yard shut the day before yesterday.', null)).toEqual([]);
    expect(spans('The yard shut the day before yesterday.').map((s) => s.lo)).toEqual([day(2021, 3, 8)]);
  });

  it('reads a quarter only with its year: "the third quarter" alone may be a match\'s', () => {
    expect(spans('The hosts scored twice in the third quarter.')).toEqual([]);
    expect(spans('Fees rose in the second half of last year.', null)).toEqual([]);
    expect(spans('Fees rose in the third half of 2020.')).toEqual([]);
  });

  it('reads "last" after "the" as an ordinal: "the last night of the fair" is no date', () => {
    expect(spans('Crowds came on the last night of the fair.')).toEqual([]);
    expect(spans('Crowds came on the last weekend of the fair.')).toEqual([]);
  });
});

describe('compareDates (how the second date relates to the first)', () => {
  const resolved = (lo: number, hi = lo): DateSpan => ({ start: 0, end: 0, lo, hi, weekday: -1, month: 0, day: 0 });
  const weekday = (w: number): DateSpan => ({ start: 0, end: 0, lo: null, hi: null, weekday: w, month: 0, day: 0 });
  const monthDay = (month: number, d: number): DateSpan => ({ start: 0, end: 0, lo: null, hi: null, weekday: -1, month, day: d });
  it.each([
    ['the same day', resolved(ANCHOR), resolved(ANCHOR), 'same'],
    ['another day', resolved(ANCHOR), resolved(ANCHOR + 2), 'contradiction'],
    ['a day inside a week', resolved(ANCHOR - 3, ANCHOR + 3), resolved(ANCHOR), 'more-precise'],
    ['a week around a day', resolved(ANCHOR), resolved(ANCHOR - 3, ANCHOR + 3), 'less-precise'],
    ['the weekday of the day', resolved(ANCHOR), weekday(3), 'same'],
    ['another weekday', resolved(ANCHOR), weekday(5), 'contradiction'],
    ['a weekday inside a week', resolved(ANCHOR - 2, ANCHOR + 4), weekday(3), 'more-precise'],
    ['a day and a weekday, reversed', weekday(3), resolved(ANCHOR), 'same'],
    ['two weekdays', weekday(1), weekday(2), 'contradiction'],
    ['month and day against the day', resolved(ANCHOR), monthDay(3, 10), 'same'],
    ['month and day against another day', resolved(ANCHOR), monthDay(3, 11), 'contradiction'],
    ['an unplaced weekday against an unplaced month', weekday(1), monthDay(3, 0), null],
  ])('%s', (_name, first, second, expected) => {
    expect(compareDates(first, second)).toBe(expected);
  });
});
