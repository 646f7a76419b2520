/** Calendar words and the kinds of date expression a claim may state. */
import type { TextToken } from './token-flags';

/** Full month names in calendar order (January is month 1). */
export const MONTH_NAMES: readonly string[] = [
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
];

/** Month names, full and short, with their number. */
export const MONTHS: ReadonlyMap<string, number> = new Map<string, number>([
  ...MONTH_NAMES.map((name, i) => [name, i + 1] as const),
  ['jan', 1], ['feb', 2], ['mar', 3], ['apr', 4], ['jun', 6], ['jul', 7], ['aug', 8], ['sep', 9],
  ['sept', 9], ['oct', 10], ['nov', 11], ['dec', 12],
]);

/** Days of the week. */
export const WEEKDAYS: ReadonlySet<string> = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

/** Relative date words that a claim may state. */
export const RELATIVE_DATES: ReadonlySet<string> = new Set(['yesterday', 'today', 'tomorrow', 'tonight']);

/** The kind of a date as written; two dates are compared only within one kind. */
export type DateKind = 'year' | 'day' | 'weekday' | 'other';

/**
 * The kind of a date expression: "2016" a year, "12 March" a day, "Saturday" a weekday.
 * "yesterday" and "today" are relative ('other'), not weekdays: the corpus side used to test for a
 * final "day", so "yesterday" in one report and "Saturday" in another counted as a conflict,
 * though without the reports' own dates they may well be the same day.
 */
export function dateKind(date: string): DateKind {
  if (/^\d{4}$/.test(date)) return 'year';
  if (/\d/.test(date)) return 'day';
  if (WEEKDAYS.has(date.toLowerCase())) return 'weekday';
  return 'other';
}

/** True for a four-digit number read as a calendar year (1800–2100) rather than a count. */
export function isYearNumber(digits: string): boolean {
  if (!/^\d{4}$/.test(digits)) return false;
  const year = Number(digits);
  return year >= FIRST_YEAR && year <= LAST_YEAR;
}

// News text about the modern era: a bare four-digit number in this range is nearly always a year.
const FIRST_YEAR = 1800;
const LAST_YEAR = 2100;

/**
 * Dates as written in a sentence's tokens: "12 March", "March 12", "Saturday", "yesterday", and
 * the sentence's `years` not already inside one of them. Month names count only capitalised and
 * longer than three letters ("Mar" is also a word); "May" only away from the sentence start.
 */
export function findDates(toks: readonly TextToken[], years: readonly string[], text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (!t.isWord) continue;
    if (WEEKDAYS.has(t.norm) && t.isCap) out.push(t.text);
    else if (RELATIVE_DATES.has(t.norm)) out.push(t.text);
    else if (MONTHS.has(t.norm) && t.isCap && t.norm !== 'may' && t.norm.length > 3) {
      const prev = toks[i - 1];
      const next = toks[i + 1];
      let start = t.start;
      let end = t.end;
      if (prev && /^\d{1,2}$/.test(prev.text)) start = prev.start;
      if (next && /^\d{1,4}$/.test(next.text)) end = next.end;
      out.push(text.slice(start, end));
    } else if (t.norm === 'may' && t.isCap && !t.isSentenceStart) {
      out.push(t.text);
    }
  }
  for (const y of years) if (!out.some((d) => d.includes(y))) out.push(y);
  return out;
}
