/**
 * Negation of a statement: "did not back", "has never won", "won't stand" against "backed", "won",
 * "will stand". Two reports of one event, one saying it did not happen, differ in polarity: the
 * card names it rather than calling the two agreeing. General English, nothing of any corpus.
 *
 * Only verbal negation is read ("not", "never", "cannot" and the n't contractions): "no" before a
 * noun ("no comment", "a no-fly zone", "no room for delay") is part of what is stated, not a denial
 * of it. Words inside quote marks count (unlike certainty, which is the writer's): a speaker's denial
 * quoted and the same denial reported deny the same thing.
 */
import { WORD, type TokenRun } from './token-flags';
import { wordKey } from './keywords';
import { negatedAuxiliaryAt } from './contractions';

/** A statement's negation: the negating words as written and the key of what they negate. */
export interface Negation {
  /** "not", "never", "didn't"; "" when the statement is affirmative. */
  cue: string;
  /** Keyword key (core/lang/keywords) of the first content word after the cue: what is denied ("" when none). */
  target: string;
}

/**
 * Words that may stand between a negator and the verb it denies ("did not even close", "has never
 * been elected", "will not be closing"): skipped; the next word is what is denied, and when it is no
 * keyword ("isn't how …", "was not there") the denial has no target and is never compared.
 */
const GAP_WORDS: ReadonlySet<string> = new Set(
  'even also yet ever once always just really actually necessarily be been being have has had do does did get got'.split(' '),
);

/** Words that negate the verb they stand with. */
export const NEGATORS: ReadonlySet<string> = new Set(['not', 'never', 'cannot']);

/**
 * Auxiliaries with "n't" as the page tokenizer leaves them ("didn't" gives "didn", "'", "t"), each
 * read alone, without the "'t" after it (the claim re-ranker's word class, core/match/rerank-words).
 */
export const NEGATED_AUXILIARIES: readonly string[] = [
  'didn', 'doesn', 'don', 'isn', 'wasn', 'aren', 'weren', 'hasn', 'haven', 'hadn', 'won', 'wouldn', 'couldn', 'shouldn', 'mustn',
];

/**
 * Words that negate a noun or a clause rather than a verb ("no comment", "none of them", "without a
 * vote", "neither … nor"): readNegationOf leaves them out, what they deny being part of what is
 * stated, but a word-by-word comparison of two statements (the claim re-ranker) counts them.
 */
export const NOMINAL_NEGATORS: readonly string[] = ['no', 'nor', 'neither', 'none', 'nobody', 'nothing', 'without'];
/** Words after "not" that make it no denial: "not only", "not just", "not least". */
const NOT_DENIAL_AFTER: ReadonlySet<string> = new Set(['only', 'just', 'least', 'merely', 'simply']);
/** Words before "not" that make it no denial: "whether or not", "if not". */
const NOT_DENIAL_BEFORE: ReadonlySet<string> = new Set(['or', 'if']);

/**
 * The first negation of tokens [from, to) and what it denies. Quoted words count here: "I don't do
 * deals" in a quote and "she does not do deals" in reported speech deny the same thing.
 */
export function readNegationOf(t: TokenRun, from: number, to: number): Negation {
  const at = negationAt(t, from, to);
  if (at.index < 0) return { cue: '', target: '' };
  for (let i = at.next; i < to; i++) {
    if (!(t.flags[i] & WORD)) break;
    const w = t.norm[i].toLowerCase();
    if (GAP_WORDS.has(w)) continue;
    return { cue: at.cue, target: wordKey(w) ?? '' };
  }
  return { cue: at.cue, target: '' };
}

/** Where the first negation is: its first token, the token after it, and its words (index -1: none). */
function negationAt(t: TokenRun, from: number, to: number): { index: number; next: number; cue: string } {
  for (let i = from; i < to; i++) {
    if (!(t.flags[i] & WORD)) continue;
    const w = t.norm[i].toLowerCase();
    // "didn't" as either tokenizer leaves it (lang/contractions).
    const negated = negatedAuxiliaryAt(t, i, to);
    if (negated) return { index: i, next: negated.next, cue: negated.cue };
    if (!NEGATORS.has(w)) continue;
    if (w === 'not') {
      const next = nextWord(t, i + 1, to);
      const prev = prevWord(t, i - 1, from);
      if ((next && NOT_DENIAL_AFTER.has(next)) || (prev && NOT_DENIAL_BEFORE.has(prev))) continue;
    }
    return { index: i, next: i + 1, cue: w };
  }
  return { index: -1, next: -1, cue: '' };
}

function nextWord(t: TokenRun, i: number, to: number): string | null {
  for (; i < to; i++) if (t.flags[i] & WORD) return t.norm[i].toLowerCase();
  return null;
}

function prevWord(t: TokenRun, i: number, from: number): string | null {
  for (; i >= from; i--) if (t.flags[i] & WORD) return t.norm[i].toLowerCase();
  return null;
}
