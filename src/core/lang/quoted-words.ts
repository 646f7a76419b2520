/**
 * The words a sentence quotes, and whether two quotations are one utterance worded differently:
 * a claim such as 'X said "we will win because we are a movement"' against 'X said "we will win
 * only as a movement"' states the same thing with the speaker's words varied (relate.ts), which a
 * reader should see beside the claim. Quote detections have their own comparison (match/quotes.ts).
 */
import { WORD, type TokenRun } from './token-flags';

/** Fewer quoted words than this are a fragment ("social movement"): too few to tell a rewording. */
export const MIN_QUOTED_WORDS = 4;
/**
 * Share of one quotation's word pairs that the other holds for both to be one utterance: the quote
 * matcher's threshold (match/quotes.ts QUOTE_THRESHOLD, tuned on the dev set), restated here because
 * lang/ imports no matcher code.
 */
const SAME_UTTERANCE = 0.5;

/** Lower-case words of tokens [from, to) that `isQuoted` says are inside quote marks. */
export function quotedWords(t: TokenRun, from: number, to: number, isQuoted: (i: number) => boolean): string[] {
  const out: string[] = [];
  for (let i = from; i < to; i++) if (t.flags[i] & WORD && isQuoted(i)) out.push(t.norm[i].toLowerCase());
  return out;
}

/** Whether `needle` stands unbroken inside `hay`. */
function containsRun(hay: readonly string[], needle: readonly string[]): boolean {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let k = 0; k < needle.length; k++) if (hay[i + k] !== needle[k]) continue outer;
    return true;
  }
  return false;
}

/**
 * Whether two quotations are one utterance in other words: both long enough, most of the shorter
 * one's word pairs in the other, and neither a cut of the other (the same words, fewer of them).
 */
export function rewordedQuote(a: readonly string[], b: readonly string[]): boolean {
  return quoteWording(a, b) === 'varied';
}

/**
 * Share of the shorter quotation's word pairs the other holds below which the two are different
 * utterances, not one reworded: under a quarter of SAME_UTTERANCE, so a quotation reworded
 * beyond the threshold (word order changed, a clause cut) is no "other utterance" either.
 */
const OTHER_UTTERANCE = SAME_UTTERANCE / 4;

/**
 * How two quotations of one claim relate: one utterance cut ("cut": the same words, fewer of them)
 * or worded differently ("varied", rewordedQuote), other words altogether ("other": under
 * OTHER_UTTERANCE of the word pairs shared), or null (too short to tell, or between the two).
 */
export function quoteWording(a: readonly string[], b: readonly string[]): 'cut' | 'varied' | 'other' | null {
  if (a.length < MIN_QUOTED_WORDS || b.length < MIN_QUOTED_WORDS) return null;
  if (containsRun(a, b) || containsRun(b, a)) return 'cut';
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < long.length; i++) pairs.add(`${long[i]} ${long[i + 1]}`);
  let shared = 0;
  for (let i = 0; i + 1 < short.length; i++) if (pairs.has(`${short[i]} ${short[i + 1]}`)) shared++;
  const share = shared / (short.length - 1);
  return share >= SAME_UTTERANCE ? 'varied' : share < OTHER_UTTERANCE ? 'other' : null;
}

/**
 * Fewest content words of a quoted fragment (a quotation of fewer than MIN_QUOTED_WORDS words) for
 * another quotation holding it to cite the same source's words: two ("a blue wave"), since one
 * quoted word is most often a scare quote ("farcical", "historic") on a common word.
 */
export const MIN_FRAGMENT_CONTENT_WORDS = 2;

/** The quoted spans of a quotation as written (the text from its first to its last quoted word): the stretches between quote marks, in lower-case words. */
export function quotedSpansAsWritten(asWritten: string): string[][] {
  // Stretches alternate quoted, outside, quoted …: the text starts and ends inside a quotation.
  // An apostrophe inside a word ("don't") is no quote mark.
  return asWritten
    .split(/["\u201C\u201D\u2018]|(?<![\p{L}\p{N}])['\u2019]|['\u2019](?![\p{L}\p{N}])/u)
    .filter((_, i) => i % 2 === 0)
    .map((stretch) => (stretch.match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => w.toLowerCase()))
    .filter((words) => words.length > 0);
}

/**
 * Whether one side quotes a fragment (fewer than MIN_QUOTED_WORDS words, at least
 * MIN_FRAGMENT_CONTENT_WORDS of them content words) that the other side's quoted words hold
 * unbroken: "a 'blue wave'" against "we will see a blue wave in the autumn", quoted. Two long
 * quotations sharing a common run ("the city budget") do not count: neither is a fragment.
 */
export function citesFragment(aSpans: readonly (readonly string[])[], aWords: readonly string[], bSpans: readonly (readonly string[])[], bWords: readonly string[], isContent: (word: string) => boolean): boolean {
  const fragmentIn = (spans: readonly (readonly string[])[], words: readonly string[]) =>
    spans.some((span) => span.length < MIN_QUOTED_WORDS && span.filter(isContent).length >= MIN_FRAGMENT_CONTENT_WORDS && containsRun(words, span));
  return fragmentIn(aSpans, bWords) || fragmentIn(bSpans, aWords);
}
