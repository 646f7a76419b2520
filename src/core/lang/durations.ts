/**
 * Units of time after a count ("fourteen weeks", "three months"): two statements of one duration in
 * other units are compared in days (relate.ts), so "fourteen weeks" is not taken to contradict
 * "more than three months". A month or a year has no fixed length: compared values are approximate.
 */

/** Days in each unit, by the unit's singular. */
const DAYS: ReadonlyMap<string, number> = new Map([
  ['minute', 1 / 1440],
  ['hour', 1 / 24],
  ['day', 1],
  ['week', 7],
  ['fortnight', 14],
  ['month', 30.44],
  ['year', 365.25],
  ['decade', 3652.5],
]);

/** The unit of time a word names ("weeks" → "week"), or "" when it names none. */
export function durationUnit(word: string | undefined): string {
  if (!word) return '';
  const w = word.toLowerCase();
  if (DAYS.has(w)) return w;
  const singular = w.endsWith('s') ? w.slice(0, -1) : w;
  return DAYS.has(singular) ? singular : '';
}

/** Days in a unit that durationUnit returned (0 for ""). */
export function daysIn(unit: string): number {
  return DAYS.get(unit) ?? 0;
}
