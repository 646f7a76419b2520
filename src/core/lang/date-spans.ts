/**
 * Dates as days: "12 March 2021", "March 12", "the 3rd of May", "on Wednesday", "yesterday",
 * "last night", "the day before yesterday", "last week", "last weekend", "two days ago", "in
 * September", "the first quarter of 2020", resolved to a range of days against the date of the text that
 * states them (an article's date) when it is known. A weekday or a day of a month without a known
 * date stays partly resolved (its weekday, its month and day) and still compares with a resolved
 * date: "Saturday" and "9 July 2016" agree because that day was a Saturday.
 */
import { MONTHS, WEEKDAYS } from './dates';
import { NUMBER_WORDS } from './numbers';
import { CAP, NUM, WORD, type TokenRun } from './token-flags';
import { withoutPossessive } from './contractions';

/** A date found in text, as far as it resolves. Days are counted from 1970-01-01 (UTC). */
export interface DateSpan {
  /** Offsets of the expression in the text. */
  start: number;
  end: number;
  /** First and last day it may mean, or null when it cannot be placed in time. */
  lo: number | null;
  hi: number | null;
  /** Day of the week (0 Sunday … 6 Saturday) when the text names one, else -1. */
  weekday: number;
  /** Month (1–12) and day of month when stated without a year that resolves them, else 0. */
  month: number;
  day: number;
}

const MS_PER_DAY = 86_400_000;
/** A weekday named without "next" in a report means the most recent one: news reports the past week. */
const WEEK = 7;
/** Day of the week of each weekday name, as Date.getUTCDay counts (0 Sunday): WEEKDAYS runs from Monday. */
const WEEKDAY_INDEX: ReadonlyMap<string, number> = new Map([...WEEKDAYS].map((d, i) => [d, (i + 1) % WEEK]));
const ORDINAL = /^(\d{1,2})(?:st|nd|rd|th)?$/;
/** Parts of a day after "this" that place it on the text's own day ("this morning"). */
const PARTS_OF_DAY: ReadonlySet<string> = new Set(['morning', 'afternoon', 'evening']);
/** Units of "N … ago", singular and plural. */
const AGO_UNITS: ReadonlyMap<string, 'day' | 'week' | 'month' | 'year'> = new Map(
  (['day', 'week', 'month', 'year'] as const).flatMap((u) => [[u, u], [`${u}s`, u]] as const),
);
/** Ordinals that name a quarter or a half of a year ("the first quarter", "the second half"). */
const YEAR_PART_ORDINALS: ReadonlyMap<string, number> = new Map([['first', 1], ['second', 2], ['third', 3], ['fourth', 4]]);
/** "this year", "last year", "next year" after a quarter or half: years from the text's own. */
const RELATIVE_YEAR: ReadonlyMap<string, number> = new Map([['this', 0], ['last', -1], ['next', 1]]);
/** Words that can open a phrase of the relative-date block of findDateSpans (a figure can too). */
const RELATIVE_OPENERS: ReadonlySet<string> = new Set(['a', 'an', 'day', 'last', 'this', 'next', 'q1', 'q2', 'q3', 'q4', ...YEAR_PART_ORDINALS.keys(), ...NUMBER_WORDS.keys()]);
/** "Two weeks ago" is the seven days around the day fourteen days back: three either side. */
const HALF_WEEK = 3;
const YEAR = /^(1[89]\d\d|20\d\d)$/;

/** The day number of an ISO date `YYYY-MM-DD`, or null when it is not one ("unknown"). */
export function dayOf(iso: string | null | undefined): number | null {
  if (!iso || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  const ms = Date.parse(`${iso}T00:00:00Z`);
  return Number.isNaN(ms) ? null : Math.round(ms / MS_PER_DAY);
}

/** The day number of year/month/day (month 1–12). */
export function dayFromParts(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** Day of the week of a day number (0 Sunday). */
export function weekdayOf(day: number): number {
  return (((day + 4) % WEEK) + WEEK) % WEEK;
}

function monthSpan(year: number, month: number): [number, number] {
  return [dayFromParts(year, month, 1), dayFromParts(year, month + 1, 1) - 1];
}

/** The year a day number falls in. */
export function yearOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/**
 * Finds and resolves the dates in tokens [from, to) of `t`; `anchor` is the day the text was
 * written (null when unknown). Bare years are left to the figure parser (they compare as figures).
 */
export function findDateSpans(t: TokenRun, from: number, to: number, anchor: number | null): DateSpan[] {
  const out: DateSpan[] = [];
  const word = (i: number) => i >= from && i < to && (t.flags[i] & WORD) !== 0;
  // A word without its possessive ("Monday's vote", "last year's"): the analysis's segmenter keeps
  // "Monday's" one word, the page tokenizer has cut it (lang/contractions).
  const at = (i: number) => (i >= from && i < to ? withoutPossessive(t.norm[i]) : '');
  const isMonth = (i: number) => word(i) && MONTHS.has(at(i)) && (t.flags[i] & CAP) !== 0 && at(i) !== 'may' && at(i).length > 3;
  const dayNumber = (i: number): number => {
    if (!word(i) || !(t.flags[i] & NUM)) return 0;
    const m = ORDINAL.exec(at(i));
    const d = m ? Number(m[1]) : 0;
    return d >= 1 && d <= 31 ? d : 0;
  };
  const yearAt = (i: number): number => (word(i) && YEAR.test(at(i)) ? Number(at(i)) : 0);
  const push = (a: number, b: number, lo: number | null, hi: number | null, weekday = -1, month = 0, day = 0) =>
    out.push({ start: t.start[a], end: t.end[b], lo, hi, weekday, month, day });
  const dayOrMonthDay = (a: number, b: number, month: number, day: number, year: number) => {
    if (year) {
      const d = dayFromParts(year, month, day);
      push(a, b, d, d);
    } else if (anchor !== null) {
      // Without a year, the occurrence nearest the text's own date.
      let y = yearOf(anchor);
      let d = dayFromParts(y, month, day);
      if (d - anchor > 183) d = dayFromParts(--y, month, day);
      else if (anchor - d > 183) d = dayFromParts(++y, month, day);
      push(a, b, d, d);
    } else push(a, b, null, null, -1, month, day);
  };

  for (let i = from; i < to; i++) {
    if (!word(i)) continue;
    const w = at(i);
    // The phrases below open only with RELATIVE_OPENERS or a figure: every word of every claim
    // passes here at compile time, so one look-up stands for all of their tests.
    if (RELATIVE_OPENERS.has(w) || (t.flags[i] & NUM) !== 0) {
      // A quarter or half of a year: "Q3 2021", "the first quarter of 2020", "the second half of last
      // year". Only with its year, stated or "this"/"last"/"next year" against the text's date: "the
      // third quarter" alone is as often a match's as a year's.
      const quarter = w.length === 2 && w[0] === 'q' ? /^q([1-4])$/.exec(w) : null;
      const ordinal = YEAR_PART_ORDINALS.get(w);
      const part = quarter ? { unit: 'quarter', n: Number(quarter[1]), k: at(i + 1) === 'of' ? i + 2 : i + 1 } : ordinal && (at(i + 1) === 'quarter' || (at(i + 1) === 'half' && ordinal <= 2)) && at(i + 2) === 'of' ? { unit: at(i + 1), n: ordinal, k: i + 3 } : null;
      if (part) {
        const stated = yearAt(part.k);
        const shift = at(part.k + 1) === 'year' ? RELATIVE_YEAR.get(at(part.k)) : undefined;
        const year = stated || (shift !== undefined && anchor !== null ? yearOf(anchor) + shift : 0);
        if (year) {
          const months = part.unit === 'quarter' ? 3 : 6;
          const first = (part.n - 1) * months + 1;
          const end = stated ? part.k : part.k + 1;
          push(i, end, dayFromParts(year, first, 1), dayFromParts(year, first + months, 1) - 1);
          i = end;
          continue;
        }
      }
      // "the day before yesterday", "the day after tomorrow": two days off, not "yesterday" itself.
      if (w === 'day' && (at(i + 1) === 'before' || at(i + 1) === 'after') && at(i + 2) === (at(i + 1) === 'before' ? 'yesterday' : 'tomorrow')) {
        const first = at(i - 1) === 'the' ? i - 1 : i;
        if (anchor !== null) {
          const d = anchor + (at(i + 1) === 'before' ? -2 : 2);
          push(first, i + 2, d, d);
        }
        i += 2;
        continue;
      }
      // "last night" is the evening before the text's day; "this morning", "this evening" its own day.
      // Not "the last night of the festival": after "the", "last" is an ordinal (so for "weekend").
      const partOfDay = w === 'last' && at(i + 1) === 'night' && at(i - 1) !== 'the' ? -1 : w === 'this' && PARTS_OF_DAY.has(at(i + 1)) ? 0 : null;
      if (partOfDay !== null) {
        if (anchor !== null) push(i, i + 1, anchor + partOfDay, anchor + partOfDay);
        i++;
        continue;
      }
      // "two days ago", "a week ago", "three months ago": counted back from the text's day; weeks as
      // the seven days around the day that many weeks back, months and years as the calendar month or
      // year they fall in (how a reader places "three months ago").
      const count = at(i + 2) !== 'ago' ? 0 : w === 'a' || w === 'an' ? 1 : /^\d{1,3}$/.test(w) ? Number(w) : (NUMBER_WORDS.get(w) ?? 0);
      const agoUnit = count > 0 ? AGO_UNITS.get(at(i + 1)) : undefined;
      if (agoUnit) {
        if (anchor !== null) {
          if (agoUnit === 'day') push(i, i + 2, anchor - count, anchor - count);
          else if (agoUnit === 'week') push(i, i + 2, anchor - WEEK * count - HALF_WEEK, anchor - WEEK * count + HALF_WEEK);
          else if (agoUnit === 'month') {
            const a = new Date(anchor * MS_PER_DAY);
            const m = a.getUTCMonth() - count;
            const [lo, hi] = monthSpan(a.getUTCFullYear() + Math.floor(m / 12), ((m % 12) + 12) % 12 + 1);
            push(i, i + 2, lo, hi);
          } else {
            const y = yearOf(anchor) - count;
            push(i, i + 2, dayFromParts(y, 1, 1), dayFromParts(y, 12, 31));
          }
        }
        i += 2;
        continue;
      }
      // "last weekend", "this weekend", "next weekend": the Saturday and Sunday of that week (weeks run Monday to Sunday, as below).
      if ((w === 'last' || w === 'this' || w === 'next') && at(i + 1) === 'weekend' && at(i - 1) !== 'the') {
        if (anchor !== null) {
          const shift = w === 'last' ? -1 : w === 'next' ? 1 : 0;
          const saturday = anchor - ((weekdayOf(anchor) + 6) % WEEK) + 5 + shift * WEEK;
          push(i, i + 1, saturday, saturday + 1);
        }
        i++;
        continue;
      }
    }
    // "12 March [2021]", "12th of March", "the 3rd of May"
    const d0 = dayNumber(i);
    if (d0) {
      let j = i + 1;
      if (at(j) === 'of') j++;
      const month = word(j) && MONTHS.has(at(j)) && (t.flags[j] & CAP) !== 0 ? MONTHS.get(at(j))! : 0;
      if (month) {
        const year = yearAt(j + 1);
        dayOrMonthDay(i, year ? j + 1 : j, month, d0, year);
        i = year ? j + 1 : j;
        continue;
      }
    }
    if (isMonth(i)) {
      const month = MONTHS.get(w)!;
      // "March 12[, 2021]"
      const d1 = dayNumber(i + 1);
      if (d1) {
        const k = at(i + 2) === ',' ? i + 3 : i + 2;
        const year = yearAt(k);
        dayOrMonthDay(i, year ? k : i + 1, month, d1, year);
        i = year ? k : i + 1;
        continue;
      }
      // "March 2021", "in March", "last March"
      const year = yearAt(i + 1);
      const first = at(i - 1) === 'last' || at(i - 1) === 'next' ? i - 1 : i;
      if (year) {
        const [lo, hi] = monthSpan(year, month);
        push(i, i + 1, lo, hi);
        i++;
      } else if (anchor !== null) {
        let y = yearOf(anchor);
        const inAnchorMonth = month === new Date(anchor * MS_PER_DAY).getUTCMonth() + 1;
        if (at(i - 1) === 'last' && (monthSpan(y, month)[0] > anchor || inAnchorMonth)) y--;
        else if (at(i - 1) === 'next' && (monthSpan(y, month)[1] < anchor || inAnchorMonth)) y++;
        const [lo, hi] = monthSpan(y, month);
        push(first, i, lo, hi);
      } else push(first, i, null, null, -1, month, 0);
      continue;
    }
    const wd = WEEKDAYS.has(w) && t.flags[i] & CAP ? WEEKDAY_INDEX.get(w)! : -1;
    if (wd >= 0) {
      const next = at(i - 1) === 'next';
      const first = at(i - 1) === 'last' || next ? i - 1 : i;
      if (anchor === null) push(first, i, null, null, wd);
      else {
        const back = (weekdayOf(anchor) - wd + WEEK) % WEEK;
        const d = next ? anchor + ((wd - weekdayOf(anchor) + WEEK) % WEEK || WEEK) : anchor - (at(i - 1) === 'last' && back === 0 ? WEEK : back);
        push(first, i, d, d, wd);
      }
      continue;
    }
    const relative = w === 'yesterday' ? -1 : w === 'today' || w === 'tonight' ? 0 : w === 'tomorrow' ? 1 : null;
    if (relative !== null) {
      if (anchor !== null) push(i, i, anchor + relative, anchor + relative);
      continue;
    }
    // "last week", "this month", "next year"
    if ((w === 'last' || w === 'this' || w === 'next') && (at(i + 1) === 'week' || at(i + 1) === 'month' || at(i + 1) === 'year')) {
      if (anchor !== null) {
        const shift = w === 'last' ? -1 : w === 'next' ? 1 : 0;
        const unit = at(i + 1);
        let lo: number;
        let hi: number;
        if (unit === 'week') {
          // Weeks run Monday to Sunday.
          const monday = anchor - ((weekdayOf(anchor) + 6) % WEEK) + shift * WEEK;
          [lo, hi] = [monday, monday + 6];
        } else if (unit === 'month') {
          const a = new Date(anchor * MS_PER_DAY);
          const m = a.getUTCMonth() + 1 + shift;
          [lo, hi] = monthSpan(a.getUTCFullYear() + Math.floor((m - 1) / 12), ((m - 1 + 12) % 12) + 1);
        } else {
          const y = yearOf(anchor) + shift;
          [lo, hi] = [dayFromParts(y, 1, 1), dayFromParts(y, 12, 31)];
        }
        push(i, i + 1, lo, hi);
      }
      i++;
    }
  }
  return out;
}

/** How a second date relates to a first: the same, one more or less precise, a contradiction, or null when they cannot be compared. */
export type DateRelation = 'same' | 'more-precise' | 'less-precise' | 'contradiction';

/** Compares two dates as far as both resolve ("Saturday" against a resolved day compares by weekday). */
export function compareDates(first: DateSpan, second: DateSpan): DateRelation | null {
  if (first.lo !== null && first.hi !== null && second.lo !== null && second.hi !== null) {
    if (first.lo === second.lo && first.hi === second.hi) return 'same';
    if (second.hi < first.lo || first.hi < second.lo) return 'contradiction';
    if (second.lo >= first.lo && second.hi <= first.hi) return 'more-precise';
    if (first.lo >= second.lo && first.hi <= second.hi) return 'less-precise';
    return 'contradiction';
  }
  // One side unresolved: compare what it does say against the other side's days.
  const partial = (p: DateSpan, r: DateSpan): DateRelation | null => {
    if (r.lo === null || r.hi === null) {
      if (p.weekday >= 0 && r.weekday >= 0) return p.weekday === r.weekday ? 'same' : 'contradiction';
      if (p.month && r.month) return p.month === r.month && p.day === r.day ? 'same' : p.month !== r.month ? 'contradiction' : p.day && r.day ? 'contradiction' : p.day ? 'more-precise' : 'less-precise';
      return null;
    }
    if (p.weekday >= 0) {
      if (r.lo === r.hi) return weekdayOf(r.lo) === p.weekday ? 'same' : 'contradiction';
      return r.hi - r.lo < WEEK ? 'more-precise' : null;
    }
    if (p.month) {
      const a = new Date(r.lo * MS_PER_DAY);
      const b = new Date(r.hi * MS_PER_DAY);
      if (r.lo === r.hi) return a.getUTCMonth() + 1 === p.month && (!p.day || a.getUTCDate() === p.day) ? (p.day ? 'same' : 'less-precise') : 'contradiction';
      if (a.getUTCMonth() === b.getUTCMonth() && a.getUTCFullYear() === b.getUTCFullYear()) {
        if (a.getUTCMonth() + 1 !== p.month) return 'contradiction';
        return p.day ? 'more-precise' : 'same';
      }
    }
    return null;
  };
  if (second.lo === null) {
    // second is the partial one: flip the answer's direction.
    const r = partial(second, first);
    return r === 'more-precise' ? 'more-precise' : r === 'less-precise' ? 'less-precise' : r;
  }
  const r = partial(first, second);
  return r === 'more-precise' ? 'less-precise' : r === 'less-precise' ? 'more-precise' : r;
}
