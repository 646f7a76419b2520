/**
 * Words by which a sentence places its event as a repeat of an earlier one or after it: "again",
 * "another rally", "a second campaign", "a year later", "the following spring", "this time". Two
 * sentences with the same people, place and doings, one of which says this and the other not, are
 * about two events (the later campaign, the vote a year on), not two reports of one (relate.ts).
 */
import { NUM, WORD, type TokenRun } from './token-flags';
import { NUMBER_WORDS } from './numbers';
import { SPEECH_VERBS } from './reporting-verbs';

/** A repeat marker's offsets in the text. */
export interface RepeatMarker {
  start: number;
  end: number;
}

/**
 * Words that alone say the event happened before ("held rallies again"). In a sentence that reports
 * speech they more often repeat a stance than an event ("she said again that …", "he told members
 * once more …"): there they say nothing.
 */
const ALONE: readonly (readonly string[])[] = [['again'], ['once', 'more'], ['anew']];
/** Speech verbs that make a thing of their own, an event when repeated ("wrote to her again": another letter). */
const WRITING: ReadonlySet<string> = new Set(['write', 'writes', 'wrote', 'written', 'writing']);
/** Words that say another occasion whatever the verb ("she spoke in the town, this time on housing"). */
const OCCASION: readonly (readonly string[])[] = [['this', 'time']];
const ALONE_OR_OCCASION = [...ALONE, ...OCCASION];
/** Ordinals that, after "a", say an event of the kind happened before ("a second campaign"). */
const ORDINALS: ReadonlySet<string> = new Set(['second', 'third', 'fourth', 'fifth', 'sixth']);
/** Units of time that, counted before "later", place the event after another ("a year later"). */
const TIME_UNITS: ReadonlySet<string> = new Set(['day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years', 'decade', 'decades']);
/** Times that, after "the following", say the event came after another ("the following spring"). */
const FOLLOWING: ReadonlySet<string> = new Set(['day', 'week', 'month', 'year', 'spring', 'summer', 'autumn', 'fall', 'winter', 'season', 'election', 'morning', 'evening', 'weekend']);
/**
 * Words after "another" that say how much, not which event ("another 5,000 stewards", "another of
 * his allies", "one another"): no repeat.
 */
const ANOTHER_NOT_EVENT: ReadonlySet<string> = new Set(['of', 'one', 'way', 'thing', 'matter', 'question', 'issue', 'reason', 'word']);

/** The first repeat marker of tokens [from, to), or null. */
export function readRepeatMarker(t: TokenRun, from: number, to: number): RepeatMarker | null {
  const word = (i: number) => i >= from && i < to && (t.flags[i] & WORD) !== 0;
  const at = (i: number) => (word(i) ? t.norm[i].toLowerCase() : '');
  const span = (a: number, b: number): RepeatMarker => ({ start: t.start[a], end: t.end[b] });
  let speech = false;
  for (let i = from; i < to && !speech; i++) speech = SPEECH_VERBS.has(at(i)) && !WRITING.has(at(i));
  for (let i = from; i < to; i++) {
    if (!word(i)) continue;
    const w = at(i);
    for (const words of speech ? OCCASION : ALONE_OR_OCCASION) if (words.every((x, k) => at(i + k) === x)) return span(i, i + words.length - 1);
    // "another rally", not "another 5,000" nor "one another" nor "another of them".
    if (w === 'another' && word(i + 1) && !(t.flags[i + 1] & NUM) && !NUMBER_WORDS.has(at(i + 1)) && !ANOTHER_NOT_EVENT.has(at(i + 1)) && at(i - 1) !== 'one') return span(i, i + 1);
    // "a second campaign", "for a second time".
    if (w === 'a' && ORDINALS.has(at(i + 1)) && word(i + 2)) return span(i, i + 2);
    // "a year later", "two months later", "18 months later".
    if (w === 'later' && TIME_UNITS.has(at(i - 1)) && (at(i - 2) === 'a' || NUMBER_WORDS.has(at(i - 2)) || (word(i - 2) && (t.flags[i - 2] & NUM) !== 0))) return span(i - 2, i);
    // "the following spring", "the following year".
    if (w === 'following' && at(i - 1) === 'the' && FOLLOWING.has(at(i + 1))) return span(i - 1, i + 1);
  }
  return null;
}

/**
 * Words that, each read alone, place an event before another of its kind ("the last rally", "the
 * previous vote"), or in time without saying it is another ("the future of the party", "following
 * the vote": as often about the same event as not). For a word-by-word comparison of two statements
 * (the claim re-ranker, core/match/rerank-words); readRepeatMarker reads "following" only in "the
 * following spring", and vague-time.ts "in the past", "the last election" as unplaced times.
 */
export const EARLIER_EVENT_WORDS: readonly string[] = ['last', 'previous', 'earlier', 'past', 'ago', 'future', 'following'];

/**
 * Words that, each read alone, place an event after another of its kind or say it happens again
 * ("the next rally", "returned to the town"), for the same comparison: the looser reading of what
 * readRepeatMarker reads in context ("again", "another rally", "a year later").
 */
export const LATER_EVENT_WORDS: readonly string[] = [
  'next', 'upcoming', 'later', 'another', 'again', 'forthcoming', 'annual', 'anniversary', 'subsequent', 'subsequently', 'returned',
];
