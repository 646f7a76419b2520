/**
 * How much of a group a sentence speaks of: all of it ("all of the big lenders", "every town") or a
 * part ("one of the big lenders", "some of the drivers", "towns including …"). Two statements of one
 * fact that say "all" and "one of" about the same group differ in scope, not in wording (relate.ts);
 * so do two that say as much of two other groups ("a majority of the members" against "a majority of
 * the councillors").
 */
import { DETERMINERS } from './closed-class';
import { otherGroup } from './figure-compare';
import { wordKey } from './keywords';
import { WORD, type TokenRun } from './token-flags';
import { possessiveEnd, withoutPossessive } from './contractions';

/** Whether a sentence speaks of a whole group or of a part of it. */
export const QuantityLevel = { part: 0, whole: 1 } as const;

/** The quantifier a sentence applies to a group, the group's word keys, and the phrase's offsets in the text. */
export interface QuantityScope {
  level: number;
  keys: string[];
  start: number;
  end: number;
  /**
   * Whether the quantifier picks members out ("one of the big lenders", "two of its directors"): it
   * names who by a class they belong to ("one of his key allies", "one of the biggest unions"), so
   * two of them over other classes can be one actor; absent (false) for how much of a group acts.
   */
  picks?: boolean;
}

/**
 * Quantifiers before the group they apply to, as normalised word sequences. "most" and "some" alone
 * are left out: "the most senior" is a superlative and "some 1,800" an approximation.
 */
const BEFORE: readonly { words: readonly string[]; level: number; singular?: true; picks?: true }[] = [
  { words: ['all'], level: QuantityLevel.whole },
  { words: ['every'], level: QuantityLevel.whole, singular: true },
  { words: ['each'], level: QuantityLevel.whole, singular: true },
  { words: ['the', 'whole'], level: QuantityLevel.whole },
  { words: ['the', 'entire'], level: QuantityLevel.whole },
  { words: ['one', 'of'], level: QuantityLevel.part, picks: true },
  { words: ['two', 'of'], level: QuantityLevel.part, picks: true },
  { words: ['three', 'of'], level: QuantityLevel.part, picks: true },
  { words: ['some', 'of'], level: QuantityLevel.part },
  { words: ['many', 'of'], level: QuantityLevel.part },
  { words: ['most', 'of'], level: QuantityLevel.part },
  { words: ['few', 'of'], level: QuantityLevel.part },
  { words: ['several'], level: QuantityLevel.part },
  { words: ['a', 'few'], level: QuantityLevel.part },
  { words: ['a', 'number', 'of'], level: QuantityLevel.part },
  { words: ['a', 'handful', 'of'], level: QuantityLevel.part },
  { words: ['half', 'of'], level: QuantityLevel.part },
  { words: ['a', 'majority', 'of'], level: QuantityLevel.part },
  { words: ['the', 'majority', 'of'], level: QuantityLevel.part },
  { words: ['a', 'minority', 'of'], level: QuantityLevel.part },
  { words: ['part', 'of'], level: QuantityLevel.part, picks: true },
];
/** Words after the group that say only part of it is meant ("towns across the region, including …"). */
const AFTER: readonly (readonly string[])[] = [['including'], ['such', 'as'], ['among', 'them']];
/**
 * Words between a quantifier, or a share's "of", and its group that say which, not what ("all of
 * the", "one of its", "45% of all local members"): determiners, "all", and "local", which names no
 * other group ("local members" are the members). Read here and by relate.ts (a figure's group).
 */
export const GROUP_DETERMINERS: ReadonlySet<string> = new Set([
  ...DETERMINERS,
  'all',
  'local',
]);
/** GROUP_DETERMINERS and the "of" a quantifier takes before them ("all of the", "one of its"). */
const SKIP: ReadonlySet<string> = new Set(['of', ...GROUP_DETERMINERS]);
/** At most this many content words name the group. */
const MAX_GROUP_WORDS = 3;
/** At most this many name a group after "every" or "each" ("every member state"). */
const MAX_SINGULAR_WORDS = 2;

/**
 * Whether a word looks plural: the group after "all of", "one of", "several" is plural, and its
 * first plural word ends it ("all of the big lenders | cut"), so the verb after it is not taken
 * for the group.
 */
const looksPlural = (norm: string) => norm.length > 3 && norm.endsWith('s') && !norm.endsWith('ss');
/** A group named before "including" is looked for at most this many tokens back. */
const LOOK_BACK = 6;

const lower = (t: TokenRun, i: number) => t.norm[i].toLowerCase();
const startsAt = (t: TokenRun, i: number, to: number, words: readonly string[]) => i + words.length <= to && words.every((w, k) => t.flags[i + k] & WORD && lower(t, i + k) === w);

/**
 * A list's entries by their first word, each list in the list's order: a token is tried only
 * against the entries it can open (every claim of a corpus is read at compile time; trying every
 * entry at every word was seconds of a 5,000-article compile).
 */
function byFirstWord<T>(entries: readonly T[], wordsOf: (entry: T) => readonly string[]): ReadonlyMap<string, readonly T[]> {
  const out = new Map<string, T[]>();
  for (const entry of entries) {
    const first = wordsOf(entry)[0];
    const list = out.get(first);
    if (list) list.push(entry);
    else out.set(first, [entry]);
  }
  return out;
}
const BEFORE_BY_FIRST = byFirstWord(BEFORE, (q) => q.words);
const AFTER_BY_FIRST = byFirstWord(AFTER, (words) => words);
const NONE: readonly never[] = [];

/** The first quantifier of tokens [from, to) that names its group, or null. */
export function readQuantityScope(t: TokenRun, from: number, to: number): QuantityScope | null {
  for (let i = from; i < to; i++) {
    if (!(t.flags[i] & WORD)) continue;
    const opener = lower(t, i);
    for (const q of BEFORE_BY_FIRST.get(opener) ?? NONE) {
      if (!startsAt(t, i, to, q.words)) continue;
      let j = i + q.words.length;
      while (j < to && t.flags[j] & WORD && SKIP.has(lower(t, j))) j++;
      const keys: string[] = [];
      let end = j;
      const most = q.singular ? MAX_SINGULAR_WORDS : MAX_GROUP_WORDS;
      for (; j < to && keys.length < most && t.flags[j] & WORD; j++) {
        const word = withoutPossessive(lower(t, j));
        const key = wordKey(word);
        if (key === null || key === 'other') break;
        keys.push(key);
        // A possessive names whose the group is and goes on to it ("all of the union's members"),
        // one word or three tokens as each tokenizer leaves it (lang/contractions).
        const owner = possessiveEnd(t, j, to);
        if (owner > 0) {
          end = owner;
          j = owner - 1;
          continue;
        }
        end = j + 1;
        if (!q.singular && looksPlural(word)) break;
      }
      if (keys.length) return q.picks ? { level: q.level, keys, start: t.start[i], end: t.end[end - 1], picks: true } : { level: q.level, keys, start: t.start[i], end: t.end[end - 1] };
    }
    for (const words of AFTER_BY_FIRST.get(opener) ?? NONE) {
      if (!startsAt(t, i, to, words)) continue;
      const keys: string[] = [];
      let first = i;
      for (let j = i - 1; j >= Math.max(from, i - LOOK_BACK) && keys.length < MAX_GROUP_WORDS; j--) {
        if (!(t.flags[j] & WORD)) continue;
        const key = wordKey(lower(t, j));
        if (key === null) continue;
        keys.push(key);
        first = j;
      }
      if (keys.length) return { level: QuantityLevel.part, keys, start: t.start[first], end: t.end[i + words.length - 1] };
    }
  }
  return null;
}

/**
 * Whether two readings differ in scope: the same group, all of it against a part; or as much of two
 * other groups ("most of the members" against "most of the councillors"; groups as figure shares
 * compare them, lang/figure-compare otherGroup), unless a quantifier picks members out (picks).
 */
export function scopesDiffer(a: QuantityScope | null, b: QuantityScope | null): boolean {
  if (a === null || b === null) return false;
  if (a.level !== b.level) return a.keys.some((k) => b.keys.includes(k));
  return !a.picks && !b.picks && otherGroup(a.keys, b.keys);
}
