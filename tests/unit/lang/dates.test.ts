import { describe, expect, it } from 'vitest';
import { MONTHS, WEEKDAYS, dateKind, isYearNumber } from '../../../src/core/lang/dates';

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
