/**
 * Times a sentence gives without a date: "in the past", "recently", "soon", "in the coming weeks",
 * "at the next election". Against a statement of the same fact with a date or a year ("in the
 * 1970s", "in 2020", "on Tuesday") they are a difference of precision, not a contradiction
 * (relate.ts): no calendar resolves them, so date-spans.ts leaves them out.
 */
import { WORD, type TokenRun } from './token-flags';
import { withoutPossessive } from './contractions';

/** Phrases of an unplaced time, as normalised words; "*" stands for any one word. */
const PHRASES: readonly (readonly string[])[] = [
  ['in', 'the', 'past'],
  ['in', 'the', 'future'],
  ['in', 'recent', 'years'],
  ['in', 'recent', 'months'],
  ['in', 'recent', 'weeks'],
  ['in', 'the', 'coming', '*'],
  ['in', 'the', 'next', 'few', '*'],
  ['at', 'some', 'point'],
  ['in', 'due', 'course'],
  ['recently'],
  ['soon'],
  ['eventually'],
  ['the', 'next', 'election'],
  ['the', 'next', '*', 'election'],
  ['the', 'last', 'election'],
  ['the', 'last', '*', 'election'],
  ['the', 'previous', 'election'],
  ['the', 'previous', '*', 'election'],
].sort((a, b) => b.length - a.length);

/** An unplaced time in a text: its offsets. */
export interface VagueTime {
  start: number;
  end: number;
}

/** A decade as written ("1970s"): a placed time that date-spans.ts and the figures leave out. */
const DECADE = /^(1[6-9]|20)\d0s$/;

/** The first decade in tokens [from, to) of `t` ("in the 1970s"), or null. */
export function readDecade(t: TokenRun, from: number, to: number): VagueTime | null {
  for (let i = from; i < to; i++) if (t.flags[i] & WORD && DECADE.test(t.norm[i])) return { start: t.start[i], end: t.end[i] };
  return null;
}

/**
 * PHRASES by their first word (never "*"), each list in PHRASES' order (longest first): a token is
 * tried only against the phrases it can open. Every claim of a corpus is read at compile time, so
 * trying all of PHRASES at every word was seconds of a 5,000-article compile.
 */
const BY_FIRST_WORD: ReadonlyMap<string, readonly (readonly string[])[]> = (() => {
  const out = new Map<string, (readonly string[])[]>();
  for (const p of PHRASES) {
    const list = out.get(p[0]);
    if (list) list.push(p);
    else out.set(p[0], [p]);
  }
  return out;
})();

/** The first unplaced time in tokens [from, to) of `t`, or null. */
export function readVagueTime(t: TokenRun, from: number, to: number): VagueTime | null {
  for (let i = from; i < to; i++) {
    if (!(t.flags[i] & WORD)) continue;
    const phrases = BY_FIRST_WORD.get(t.norm[i].toLowerCase());
    if (!phrases) continue;
    for (const p of phrases) {
      if (i + p.length > to) continue;
      let ok = true;
      // A phrase's last word may carry a possessive ("the next election's first round"), which the
      // analysis's segmenter keeps in the word and the page tokenizer cuts off (lang/contractions).
      for (let k = 1; k < p.length && ok; k++) ok = (t.flags[i + k] & WORD) !== 0 && (p[k] === '*' || (k === p.length - 1 ? withoutPossessive(t.norm[i + k].toLowerCase()) : t.norm[i + k].toLowerCase()) === p[k]);
      if (ok) return { start: t.start[i], end: t.end[i + p.length - 1] };
    }
  }
  return null;
}
