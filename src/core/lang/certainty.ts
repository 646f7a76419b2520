/**
 * Certainty and modality of a statement: whether a sentence states something as possible ("may
 * have", "could", "alleged"), as planned or expected ("will say", "is expected to", "is due to"),
 * as a plain fact ("said", "did") or as confirmed ("confirmed", "proved"). Two reports of one fact
 * at different levels are a difference of certainty, not a contradiction.
 *
 * "would" is not a hedge: in news it is mostly reported speech moved into the past ("she said it
 * would close", "he pledged jobs would go" report "it will close", "jobs will go"), so it reads as
 * "will" (expected), except in "would have", "would not", "would like", "would rather".
 *
 * Read from the words of the reporting clause: up to and including the first speech verb when the
 * sentence has one ("he will say that …" is expected, "she says the plan will …" is plain), else
 * the whole sentence; words inside quote marks are the speaker's, not the writer's, and are skipped.
 */
import { PLURAL_DEMONSTRATIVES, POSSESSIVE_DETERMINERS } from './closed-class';
import { FUTURE_AUXILIARIES, SPEECH_VERBS } from './reporting-verbs';
import { CAP, WORD, type TokenRun } from './token-flags';
import { contractedFutureAt } from './contractions';

/** Levels of certainty, ordered: a higher level states the fact more firmly. */
export const Certainty = { possible: 0, expected: 1, stated: 2, confirmed: 3 } as const;

/** Words that hedge what a sentence states wherever they stand (Certainty.possible). */
const HEDGE_WORDS: readonly string[] = [
  'may', 'might', 'could', 'possibly', 'perhaps', 'probably', 'reportedly', 'allegedly', 'alleged', 'suspected', 'unconfirmed',
];

/**
 * A promise states what is to come (Certainty.expected): "pledged jobs to the town" is "jobs will go
 * to the town". Not the participles: ", promising to hire locally" adds a clause to what was done.
 */
const PROMISE_VERBS: readonly string[] = ['pledged', 'pledges', 'promised', 'promises', 'vowed', 'vows'];

/** Reporting verbs that keep the writer's distance ("she suggested", "he claimed"): a hedge of the clause. */
const DISTANCING_SPEECH: readonly string[] = ['suggested', 'suggests', 'claimed', 'claims'];

/** Whether a reading's cue is a distancing reporting verb (DISTANCING_SPEECH): the writer's distance from what a speaker says. */
export function isDistancingSpeech(cue: string): boolean {
  return DISTANCING_SPEECH.includes(cue);
}

/**
 * Cues the word-by-word comparison (MODAL_WORDS) has not read: never part of the re-ranker's fitted
 * word class, so adding them is a refit to measure, not a list to align.
 */
const NOT_COMPARED_AS_MODAL: ReadonlySet<string> = new Set(['perhaps', 'suspected', 'unconfirmed', 'pledged', 'pledges', 'vowed', 'vows']);

/** Cue phrases and the level they set, longest first so "may have" beats "may". */
const CUES: readonly { words: string[]; level: number }[] = (
  [
    ['is expected to', Certainty.expected],
    ['are expected to', Certainty.expected],
    ['was expected to', Certainty.expected],
    ['were expected to', Certainty.expected],
    ['is set to', Certainty.expected],
    ['are set to', Certainty.expected],
    ['is due to', Certainty.expected],
    ['are due to', Certainty.expected],
    ['was due to', Certainty.expected],
    ['were due to', Certainty.expected],
    ['is to', Certainty.expected],
    ['are to', Certainty.expected],
    ['plans to', Certainty.expected],
    ['is planning to', Certainty.expected],
    ['is likely to', Certainty.possible],
    ['may have', Certainty.possible],
    ['might have', Certainty.possible],
    ['could have', Certainty.possible],
    ['is thought to', Certainty.possible],
    ['is believed to', Certainty.possible],
    ['are believed to', Certainty.possible],
    ['is said to', Certainty.possible],
    ['appears to', Certainty.possible],
    ['seems to', Certainty.possible],
    // A statement about a future time is an expectation, whatever its verb ("closes from next month").
    ['next week', Certainty.expected],
    ['next month', Certainty.expected],
    ['next year', Certainty.expected],
    ['tomorrow', Certainty.expected],
    ...PROMISE_VERBS.map((w): [string, number] => [w, Certainty.expected]),
    ...FUTURE_AUXILIARIES.map((w): [string, number] => [w, Certainty.expected]),
    ...HEDGE_WORDS.map((w): [string, number] => [w, Certainty.possible]),
    ...DISTANCING_SPEECH.map((w): [string, number] => [w, Certainty.possible]),
    ['confirmed', Certainty.confirmed],
    ['confirms', Certainty.confirmed],
    ['verified', Certainty.confirmed],
    ['proved', Certainty.confirmed],
    ['proven', Certainty.confirmed],
    ['officially', Certainty.confirmed],
    ['definitely', Certainty.confirmed],
    ['certainly', Certainty.confirmed],
    ['undoubtedly', Certainty.confirmed],
  ] as [string, number][]
)
  .map(([p, level]) => ({ words: p.split(' '), level }))
  .sort((a, b) => b.words.length - a.words.length);

/** CUES by first word, longest first (most words are no cue's first word: one map look-up each). */
const CUES_BY_FIRST: ReadonlyMap<string, readonly { words: string[]; level: number }[]> = (() => {
  const map = new Map<string, { words: string[]; level: number }[]>();
  for (const cue of CUES) {
    const list = map.get(cue.words[0]) ?? [];
    list.push(cue);
    map.set(cue.words[0], list);
  }
  return map;
})();

/** A sentence's certainty and the words that set it ("" for a plain statement). */
export interface CertaintyReading {
  level: number;
  cue: string;
}

/**
 * The certainty of tokens [from, to) of `t`; `isQuoted(i)` says whether token i is inside quote
 * marks (skipped). The least certain cue wins ("will … may" is possible); a hedge outranks a
 * confirmation in the same clause ("has not confirmed" is not firmer than a plain statement, so
 * "confirmed" counts only when no other cue is present).
 */
export function readCertainty(t: TokenRun, from: number, to: number, isQuoted: (i: number) => boolean = () => false): CertaintyReading {
  return readCertainties(t, from, to, isQuoted).clause;
}

/** The certainty of the reporting clause, and of what is reported after its speech verb (null when the sentence has none). */
export interface CertaintyReadings {
  clause: CertaintyReading;
  content: CertaintyReading | null;
}

/**
 * readCertainty, and beside it the certainty of the reported content ("she said the yard could
 * close": the clause is plain, the content possible), read the same way after the speech verb.
 */
export function readCertainties(t: TokenRun, from: number, to: number, isQuoted: (i: number) => boolean = () => false): CertaintyReadings {
  let end = to;
  for (let i = from; i < to; i++) {
    if (t.flags[i] & WORD && !isQuoted(i) && SPEECH_VERBS.has(t.norm[i])) {
      end = i + 1;
      break;
    }
  }
  // Headline grammar: "Mayor to open depot", "Harbour Board to cut fares" state what is planned.
  const headline = headlineFuture(t, from, to);
  if (headline) return { clause: headline, content: null };
  let words = 0;
  for (let i = end; i < to && words < MIN_CONTENT_WORDS; i++) if (t.flags[i] & WORD && !isQuoted(i)) words++;
  // "…, the mayor said.": the speech verb ends the sentence and what it reports came before it.
  const clause = readCues(t, from, end, isQuoted, to);
  let content = words >= MIN_CONTENT_WORDS ? readCues(t, end, to, isQuoted) : null;
  // What is promised is to come: "she promised women key roles", "he vowed the yard stays open" say
  // "will", as "pledged jobs to the town" does (CUES); a content with a cue of its own keeps it.
  if (content && !content.cue && PROMISES.has(clause.cue)) content = clause;
  return { clause, content };
}

/** Most capitalised words a headline's subject takes before its "to" ("Harbour Board Chair to …"). */
const HEADLINE_SUBJECT_WORDS = 4;

/** Words that open a phrase with "to" rather than a subject: "According to police", "Up to 300 jobs", "Thanks to …". */
const TO_PHRASE_OPENERS: ReadonlySet<string> = new Set(['according', 'thanks', 'due', 'owing', 'prior', 'close', 'up', 'next', 'back', 'contrary', 'relative', 'compared', 'in', 'on', 'from', 'with', 'as', 'listen', 'welcome']);

/**
 * The headline future: the sentence opens with a capitalised subject of up to HEADLINE_SUBJECT_WORDS
 * words and "to" and a word follow it ("Mayor to open depot"); news prose never opens a statement so.
 * A sentence opening with a phrase of "to" ("According to police …") is not one.
 */
function headlineFuture(t: TokenRun, from: number, to: number): CertaintyReading | null {
  let i = from;
  while (i < to && !(t.flags[i] & WORD)) i++;
  const first = i;
  if (first < to && TO_PHRASE_OPENERS.has(t.norm[first])) return null;
  while (i < to && i - first < HEADLINE_SUBJECT_WORDS && t.flags[i] & WORD && t.flags[i] & CAP && t.norm[i] !== 'to') i++;
  if (i === first || i + 1 >= to || t.norm[i] !== 'to' || !(t.flags[i + 1] & WORD)) return null;
  return { level: Certainty.expected, cue: 'to' };
}

/** Promise verbs among the cues (all at the expected level): what they report is to come. */
const PROMISES: ReadonlySet<string> = new Set(PROMISE_VERBS);

/** Fewer words than this after a speech verb are not reported content ("…, she said on Monday."). */
const MIN_CONTENT_WORDS = 3;

/** The reported future: "would" of reported speech ("said it would close": "it will close"). */
const REPORTED_FUTURE: CertaintyReading = { level: Certainty.expected, cue: 'would' };
/** Words after "would" that make it a conditional or a wish, not a reported "will" ("would have", "would like"). */
const NOT_REPORTED_FUTURE: ReadonlySet<string> = new Set(['have', "'ve", 'not', 'like', 'rather']);

/** Cues that are also plural nouns ("the claims", "his pledges"): after a determiner they name speech, they do not hedge it. */
const NOUN_CUES: ReadonlySet<string> = new Set(['claims', 'pledges', 'promises', 'vows']);
/**
 * Determiners of a plural noun, before which a NOUN_CUES word (all plural) is a noun ("addressed the
 * claims directly"): "the", the plural demonstratives, the possessives and plural quantifiers. Not
 * "a"/"an", and not "this"/"that", which before a verb are its subject ("this claims lives").
 */
const NOUN_DETERMINERS: ReadonlySet<string> = new Set(['the', ...PLURAL_DEMONSTRATIVES, ...POSSESSIVE_DETERMINERS, ...'such any some many all both'.split(' ')]);

/** Words after which a NOUN_CUES word is a noun naming whose speech it was ("follows claims by the mayor", "pledges of help"): no verb of speech takes them next. */
const NOUN_AFTER: ReadonlySet<string> = new Set(['by', 'of', 'from']);

/**
 * Words after "could" that make it a denied ability, not a hedge: "could not carry on" states that
 * it cannot (as "couldn't", no cue, does), "could never win" that it will not.
 */
const NOT_A_HEDGE_AFTER_COULD: ReadonlySet<string> = new Set(['not', 'never']);

/** The least certain cue in tokens [from, end) (see readCertainty); `to`: the sentence's end, for the word after a cue. */
function readCues(t: TokenRun, from: number, end: number, isQuoted: (i: number) => boolean, to = end): CertaintyReading {
  let best: CertaintyReading | null = null;
  let confirmed: CertaintyReading | null = null;
  for (let i = from; i < end; i++) {
    if (!(t.flags[i] & WORD) || isQuoted(i)) continue;
    // "May" capitalised inside a sentence is the month (or a name), not the modal.
    if (t.norm[i] === 'may' && t.flags[i] & CAP && i > from) continue;
    if (t.norm[i] === 'would' && !(i + 1 < end && NOT_REPORTED_FUTURE.has(t.norm[i + 1]))) {
      if (!best || REPORTED_FUTURE.level < best.level) best = REPORTED_FUTURE;
      continue;
    }
    // "he'll say" as either tokenizer leaves it (lang/contractions): a future auxiliary ("will",
    // FUTURE_AUXILIARIES), its cue the contracted word.
    const future = contractedFutureAt(t, i, end);
    if (future && !isQuoted(future.next - 1)) {
      if (!best || Certainty.expected < best.level) best = { level: Certainty.expected, cue: future.cue };
      i = future.next - 1;
      continue;
    }
    const cues = CUES_BY_FIRST.get(t.norm[i]);
    if (!cues) continue;
    if (t.norm[i] === 'could' && i + 1 < end && NOT_A_HEDGE_AFTER_COULD.has(t.norm[i + 1])) continue;
    if (NOUN_CUES.has(t.norm[i]) && i > from && t.flags[i - 1] & WORD && NOUN_DETERMINERS.has(t.norm[i - 1].toLowerCase())) continue;
    if (NOUN_CUES.has(t.norm[i]) && i + 1 < to && t.flags[i + 1] & WORD && NOUN_AFTER.has(t.norm[i + 1])) continue;
    for (const cue of cues) {
      const k = cue.words.length;
      if (i + k > end) continue;
      let ok = true;
      for (let p = 0; p < k && ok; p++) ok = t.norm[i + p] === cue.words[p] && !isQuoted(i + p);
      if (!ok) continue;
      const reading = { level: cue.level, cue: cue.words.join(' ') };
      if (cue.level === Certainty.confirmed) confirmed ??= reading;
      else if (!best || cue.level < best.level) best = reading;
      i += k - 1;
      break;
    }
  }
  return best ?? confirmed ?? { level: Certainty.stated, cue: '' };
}

/** How a second report's certainty compares with a first's: 'more-certain', 'less-certain' or null when alike. */
export function compareCertainty(first: number, second: number): 'more-certain' | 'less-certain' | null {
  if (second > first) return 'more-certain';
  if (second < first) return 'less-certain';
  return null;
}

/**
 * Modal words the word-by-word comparison of two statements reads (the claim re-ranker, core/match/
 * rerank-words.ts: a sentence and a claim where one is modal and the other not), each word without the
 * phrase around it: CUES' hedges, future auxiliaries and promises, and the modal words CUES reads only
 * in a phrase ("plans to", "is expected to", "is likely to") or reads otherwise ("would" as reported
 * "will"; "should", "must", "if" and the verbs of intent set no level). Not the distancing speech
 * verbs: as modal words the re-ranker's refit lost links (tests/fixtures/devset/README.md).
 */
export const MODAL_WORDS: readonly string[] = [
  ...HEDGE_WORDS,
  ...FUTURE_AUXILIARIES,
  ...PROMISE_VERBS,
  'would', 'should', 'must', 'if', 'plan', 'plans', 'planned', 'planning', 'expected', 'expects', 'likely', 'unlikely', 'possible',
  'proposed', 'proposes', 'intends', 'intend', 'hopes', 'hoping', 'aims', 'aiming', 'considering', 'threatened', 'threatens',
].filter((w) => !NOT_COMPARED_AS_MODAL.has(w));

/**
 * Modal words that are as often nouns ("the pay plan", "his aims", "their hopes"): modal only when
 * "to" follows ("plans to close", "hopes to win"), as CUES reads "plans to".
 */
export const MODAL_ONLY_BEFORE_TO: ReadonlySet<string> = new Set(['plan', 'plans', 'planning', 'aims', 'aiming', 'hopes']);
