/**
 * Contractions as each tokenizer leaves them, read one way. The analysis's segmenter
 * (Intl.Segmenter, lang/segment) keeps "he'll" and "didn't" one word; the page tokenizer
 * (core/match/tokens) gives "he", "'", "ll" and "didn", "'", "t", the apostrophe touching both
 * words; so with the possessive "'s" ("year's": "year", "'", "s"). Every reader of a contraction asks
 * here, so a corpus claim and a page sentence read "she'll say" (a future, Certainty.expected),
 * "didn't back" (a denial) or "last year's vote" alike.
 */
import { WORD, type TokenRun } from './token-flags';

/** The contracted future auxiliary, as a cue is written ("'ll": "he'll", "they'll"). */
export const CONTRACTED_FUTURE = "'ll";

/** A contraction read at a token: its cue ("'ll", "didn't") and the token after it. */
export interface Contraction {
  cue: string;
  next: number;
}

/** Whether tokens i, i + 1, i + 2 are a word, an apostrophe and `tail`, touching (the page tokenizer's split). */
function splitAt(t: TokenRun, i: number, to: number, tail: string): boolean {
  return i + 2 < to && t.flags[i + 2] & WORD && t.norm[i + 1] === "'" && t.norm[i + 2].toLowerCase() === tail && t.start[i + 1] === t.end[i] && t.start[i + 2] === t.end[i + 1] ? true : false;
}

/**
 * The contracted future at word token i of tokens [i, to): "he'll" as one word, or "he", "'", "ll";
 * null when there is none. The cue is the contracted word either way ("he'll"), as a card shows it.
 */
export function contractedFutureAt(t: TokenRun, i: number, to: number): Contraction | null {
  if (!(t.flags[i] & WORD)) return null;
  const w = t.norm[i].toLowerCase();
  if (isContractedFuture(w)) return { cue: w, next: i + 1 };
  return splitAt(t, i, to, 'll') ? { cue: w + CONTRACTED_FUTURE, next: i + 3 } : null;
}

/** Whether one word (a segmenter's word, as the analysis keeps it) holds the contracted future: "we'll". */
export function isContractedFuture(word: string): boolean {
  return word.length > 3 && word.toLowerCase().endsWith(CONTRACTED_FUTURE);
}

/**
 * A negated auxiliary at word token i: "didn't" as one word, or "didn", "'", "t" (cue "didn't");
 * null when there is none.
 */
export function negatedAuxiliaryAt(t: TokenRun, i: number, to: number): Contraction | null {
  if (!(t.flags[i] & WORD)) return null;
  const w = t.norm[i].toLowerCase();
  if (w.endsWith("n't")) return { cue: w, next: i + 1 };
  return w.endsWith('n') && splitAt(t, i, to, 't') ? { cue: `${w}'t`, next: i + 3 } : null;
}

/**
 * A word without its possessive "'s" as the analysis's segmenter keeps it ("year's" gives "year");
 * the page tokenizer has already cut it off ("year", "'", "s"), so the word after a reader's
 * keyword is the same either way.
 */
export function withoutPossessive(word: string): string {
  return word.length > 2 && word.endsWith("'s") ? word.slice(0, -2) : word;
}

/**
 * Where a possessive ends that follows word token i: "union's" as one word (i + 1), or "union", "'",
 * "s" touching (i + 3); -1 when the word carries none. A group named as "the union's members" goes
 * on past it.
 */
export function possessiveEnd(t: TokenRun, i: number, to: number): number {
  if (!(t.flags[i] & WORD)) return -1;
  if (withoutPossessive(t.norm[i]) !== t.norm[i]) return i + 1;
  return splitAt(t, i, to, 's') ? i + 3 : -1;
}
