/**
 * Field values from any source (meta tags, JSON-LD, export columns) made into the article's
 * metadata: dates to "YYYY-MM-DD" or "unknown", addresses to http(s) or nothing.
 */
import { MONTH_NAMES } from '../../core/lang/dates';

/** True for an absolute http: or https: URL (cards and the corpus browser may link to it). */
export function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

export { urlKey } from '../../core/index/url-key';

// ISO 8601 and its common relatives: "2024-03-05", "2024-03-05T10:00:00Z", "2024-03-05 10:00:00", "2024/03/05".
const ISO_PREFIX = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:$|[T\s])/;
// "5 March 2024", "Tue, 05 Mar 2024 10:00:00 GMT" (RFC 2822), "5th March 2024".
const DAY_MONTH_YEAR = /^(?:[a-z]+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?,?\s+(\d{4})\b/i;
// "March 5, 2024", "Mar 5 2024".
const MONTH_DAY_YEAR = /^(?:[a-z]+,?\s+)?([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/i;

/** "YYYY-MM-DD" when year, month and day make a real calendar date, else null. */
function calendarDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Month number (1–12) of an English month name or an abbreviation of it ("Mar", "Sept"), else 0. */
function monthNumber(name: string): number {
  const lower = name.toLowerCase();
  if (lower.length < 3) return 0;
  return MONTH_NAMES.findIndex((month) => month.startsWith(lower)) + 1;
}

/**
 * The calendar date a source gives, as "YYYY-MM-DD", or null when it cannot be read. The date is
 * taken as written (a time and zone after it are not applied): it is the day the outlet printed.
 */
export function parseDate(raw: string): string | null {
  const value = raw.trim();
  let m = ISO_PREFIX.exec(value);
  if (m) return calendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = DAY_MONTH_YEAR.exec(value);
  if (m) return calendarDate(Number(m[3]), monthNumber(m[2]), Number(m[1]));
  m = MONTH_DAY_YEAR.exec(value);
  if (m) return calendarDate(Number(m[3]), monthNumber(m[1]), Number(m[2]));
  return null;
}

// A list written out by Python into a CSV cell, as news-please's CSV export does: "['A Writer', 'B Writer']".
const PYTHON_LIST = /^\[\s*(?:(['"])(?:(?!\1)[^\\]|\\.)*\1\s*(?:,\s*(['"])(?:(?!\2)[^\\]|\\.)*\2\s*)*)?\]$/;

/** "['A', 'B']" → "A, B"; "[]" → ""; any other string unchanged. */
function listText(value: string): string {
  if (!PYTHON_LIST.test(value)) return value;
  return [...value.matchAll(/(['"])((?:(?!\1)[^\\]|\\.)*)\1/g)].map((m) => m[2]!.replace(/\\(.)/g, '$1')).join(', ');
}

/** A value from any source as one trimmed line of text: arrays joined by ", ", objects by their `name`. */
export function fieldText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return listText(value.trim());
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(fieldText).filter(Boolean).join(', ');
  if (typeof value === 'object' && 'name' in value) return fieldText((value as { name: unknown }).name);
  return '';
}
