/**
 * How two figures of one measure relate: the same, one more or less precise, or a contradiction.
 * The one judge of figures for the matcher (match/relate.ts: a page's figure against a corpus
 * claim's) and the corpus analysis's claim groups (08-claim-groups: two outlets' figures).
 */
import type { DifferenceKind } from '../index/types';
import { FigureClass, QUALIFIERS, figureInterval, figuresAgree } from './figures';

/**
 * Figures at or above this are compared in their scale's units for rounding ("2.5 million"
 * against "2,460,000"); below it a plain whole number means that value (the one figure rule).
 */
export const SCALED_FROM = 1e6;

/** Decimal places of a number as it is written in its scale's units ("2.5 million" has one). */
function decimals(value: number): number {
  const scaled = Math.abs(value) >= SCALED_FROM ? value / 10 ** (3 * Math.floor(Math.log10(Math.abs(value)) / 3)) : value;
  const s = String(+scaled.toFixed(6));
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

/** Qualifiers that state an upper limit, and a lower one ("up to", "more than"). */
const UPPER_BOUNDS: ReadonlySet<string> = new Set(['less-than', 'at-most', 'up-to']);
const LOWER_BOUNDS: ReadonlySet<string> = new Set(['more-than', 'at-least']);

/** Significant digits of a number as written: 2,000 has one, 1,800 two, 59.5 three. */
export function significantDigits(value: number): number {
  const digits = String(+Math.abs(value).toPrecision(12)).replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  return Math.max(1, digits.length);
}

/** `value` rounded to `digits` significant digits. */
export function roundSignificant(value: number, digits: number): number {
  return +value.toPrecision(digits);
}

/** `value` rounded to `places` decimals in the units of `like`'s scale. */
function roundLike(value: number, like: number, places: number): number {
  const unit = Math.abs(like) >= SCALED_FROM ? 10 ** (3 * Math.floor(Math.log10(Math.abs(like)) / 3)) : 1;
  return +(Math.round((value / unit) * 10 ** places) / 10 ** places).toFixed(6) * unit;
}

/**
 * How a corpus figure relates to a page figure of the same class: null when they state the same
 * thing, a precision kind when both can be true but one says more, 'contradiction' otherwise.
 * Rounding is precision, not contradiction, for shares, decimals and scaled figures ("63%" and
 * "62.5%", "2.5 million" and "2,460,000"); a plain whole count means that value (figures.ts).
 */
export function compareFigures(pageValue: number, pageQualifier: number, corpusValue: number, corpusQualifier: number, cls: number, pageHigh?: number, corpusHigh?: number): DifferenceKind | null {
  if (figuresAgree(pageValue, pageQualifier, corpusValue, corpusQualifier, pageHigh, corpusHigh)) {
    const [pl, ph] = figureInterval(pageValue, pageQualifier, pageHigh);
    const [cl, ch] = figureInterval(corpusValue, corpusQualifier, corpusHigh);
    if (pl === cl && ph === ch) return null;
    if (cl >= pl && ch <= ph) return 'more-precise';
    if (pl >= cl && ph <= ch) return 'less-precise';
    // Two limits in one direction ("up to £3m" against "as much as £5m"): the tighter one says more.
    const direction = (q: number) => (UPPER_BOUNDS.has(QUALIFIERS[q]) ? -1 : LOWER_BOUNDS.has(QUALIFIERS[q]) ? 1 : 0);
    if (pageHigh === undefined && corpusHigh === undefined && pageValue !== corpusValue && direction(pageQualifier) !== 0 && direction(pageQualifier) === direction(corpusQualifier)) {
      return (corpusValue - pageValue) * direction(pageQualifier) > 0 ? 'more-precise' : 'less-precise';
    }
    // Two approximations that overlap, one the other rounded ("around 2,000" against "around
    // 1,800"): the one written with more significant digits is the more precise.
    if (pageHigh === undefined && corpusHigh === undefined && pageValue !== corpusValue) {
      const sp = significantDigits(pageValue);
      const sc = significantDigits(corpusValue);
      if (sc > sp && roundSignificant(corpusValue, sp) === pageValue) return 'more-precise';
      if (sp > sc && roundSignificant(pageValue, sc) === corpusValue) return 'less-precise';
    }
    return null;
  }
  const isRoundable = (v: number) => cls === FigureClass.percent || Math.abs(v) >= SCALED_FROM || !Number.isInteger(v);
  if (pageQualifier === 0 && corpusQualifier === 0 && pageHigh === undefined && corpusHigh === undefined) {
    const dp = decimals(pageValue);
    const dc = decimals(corpusValue);
    if (dp < dc && isRoundable(pageValue) && roundLike(corpusValue, pageValue, dp) === pageValue) return 'more-precise';
    if (dc < dp && isRoundable(corpusValue) && roundLike(pageValue, corpusValue, dc) === corpusValue) return 'less-precise';
  }
  return 'contradiction';
}


/** What a figure measures, as both sides read it: its class, the keys of its unit words, and of the group it is a share or count of ([] when none is named). */
export interface FigureMeasure {
  cls: number;
  units: readonly string[];
  group: readonly string[];
}

/** Whether two unit word lists can be of one measure: a shared unit word when both have one. */
function comparableUnits(a: readonly string[], b: readonly string[]): boolean {
  return a.length === 0 || b.length === 0 || a.some((u) => b.includes(u));
}

/**
 * Two known groups that are not the same: their head nouns (the last word: "of registered party
 * members", "1,200 volunteers") differ, so it is a share or count of the members against one of the
 * voters. One group narrowed by a word of its own ("31 senior harbour wardens" against "31 harbour
 * wardens", "more than 50 wardens" against "more than 50 senior wardens") is the same group less fully
 * described: the dev set labels such pairs "agrees" (claim-01, role-07), so it is no scope.
 */
export function otherGroup(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  const headA = a[a.length - 1];
  const headB = b[b.length - 1];
  return headA !== headB && !a.includes(headB) && !b.includes(headA);
}

/**
 * Whether two figures measure one thing ("same"), the same measure of another group ("scope": "62%
 * of nurses" against "62% of doctors"), or not one thing at all ("other": another class, or counts of
 * unit words with none in common). Counts' unit words run on into the verb ("1,200 people crammed"):
 * only a group that a plural noun ends says which group; without one on both sides, a count is
 * compared when a unit word is shared. The one judge for the matcher (relate.ts) and the claim groups.
 */
export function measureRelation(a: FigureMeasure, b: FigureMeasure): 'same' | 'scope' | 'other' {
  if (a.cls !== b.cls) return 'other';
  const groupsKnown = a.group.length > 0 && b.group.length > 0;
  if (a.cls === FigureClass.count && !groupsKnown && !comparableUnits(a.units, b.units)) return 'other';
  return otherGroup(a.group, b.group) ? 'scope' : 'same';
}

/** How figure b's value relates to figure a's, both of one measure: a year agrees or contradicts; other figures by compareFigures. */
export function valueRelation(aValue: number, aQualifier: number, bValue: number, bQualifier: number, cls: number, aHigh?: number, bHigh?: number): DifferenceKind | null {
  if (cls === FigureClass.year) return figuresAgree(aValue, aQualifier, bValue, bQualifier) ? null : 'contradiction';
  return compareFigures(aValue, aQualifier, bValue, bQualifier, cls, aHigh, bHigh);
}
