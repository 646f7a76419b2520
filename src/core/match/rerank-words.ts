/**
 * Word classes the claim re-ranker compares between a page sentence and a corpus claim: negation,
 * modality (what may, will or is said to happen, against what did) and words that move an event in
 * time ("last" before it; "next", "another", "again" after it). The words are those of core/lang (negation.ts, certainty.ts,
 * event-time.ts, reporting-verbs.ts), nothing of any corpus. A mismatch is a feature whose weight the fit sets (scripts/fit-reranker.ts), not a rule.
 */
import { FUTURE_AUXILIARIES, SPEECH_VERBS } from '../lang/reporting-verbs';
import { MODAL_ONLY_BEFORE_TO, MODAL_WORDS } from '../lang/certainty';
import { NEGATED_AUXILIARIES, NEGATORS, NOMINAL_NEGATORS } from '../lang/negation';
import { EARLIER_EVENT_WORDS, LATER_EVENT_WORDS } from '../lang/event-time';

/** Flag: the sentence negates (not, never, "didn't"). */
export const NEGATION = 1;
/** Flag: the sentence is modal, future or hedged (may, will, plans to, alleged). */
export const MODAL = 2;
/** Flag: the sentence places its event before another one of its kind (last, previous, earlier). */
export const TIME_SHIFT = 4;
/**
 * Flag: the sentence places its event after another one of its kind, or repeats it (later, next,
 * again, another): a page sentence with it and a claim without it are most often about another event.
 */
export const TIME_LATER = 8;

/** Negating words, as the tokenizer normalises them ("didn't" gives the token "didn"). */
const NEGATION_WORDS: readonly string[] = [...NEGATORS, ...NOMINAL_NEGATORS, ...NEGATED_AUXILIARIES];

const CLASSES = new Map<string, number>();
for (const [words, flag] of [
  [NEGATION_WORDS, NEGATION],
  [MODAL_WORDS, MODAL],
  [EARLIER_EVENT_WORDS, TIME_SHIFT],
  [LATER_EVENT_WORDS, TIME_LATER],
] as const) {
  for (const w of words) CLASSES.set(w, (CLASSES.get(w) ?? 0) | flag);
}

/**
 * Future auxiliaries that, before a speech verb ("will say", "will tell"), date the telling, not the
 * fact told: a speech announced in advance states the same facts as its report ("said"), so they are
 * not modal there (certainty.ts reads the telling itself as expected).
 */
const FUTURE_OF_TELLING: ReadonlySet<string> = new Set(FUTURE_AUXILIARIES);

/** The flags of one normalised token (0 for most words); `next` is the token after it, when known. */
export function wordClass(norm: string, next?: string): number {
  const flags = CLASSES.get(norm) ?? (norm.includes('-') ? compoundClass(norm) : 0);
  if (next === undefined) return flags;
  if (MODAL_ONLY_BEFORE_TO.has(norm) && next !== 'to') return flags & ~MODAL;
  if (FUTURE_OF_TELLING.has(norm) && SPEECH_VERBS.has(next)) return flags & ~MODAL;
  return flags;
}

/** A hyphenated word's flags: those of its parts ("no-confidence" negates as "no confidence" does). */
function compoundClass(norm: string): number {
  let flags = 0;
  for (const part of norm.split('-')) flags |= CLASSES.get(part) ?? 0;
  return flags;
}

/** Whether a token's modal flag depends on the token after it (MODAL_ONLY_BEFORE_TO, FUTURE_OF_TELLING). */
export function modalBeforeTo(norm: string): boolean {
  return MODAL_ONLY_BEFORE_TO.has(norm) || FUTURE_OF_TELLING.has(norm);
}
