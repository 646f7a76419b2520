/**
 * Sentence-level rules of step 7 (07-claims.ts): whether a sentence states an event, asks, voices
 * an opinion, or carries the subject of the sentence before it. The words these rules read are in
 * lang/clauses.ts; here is only how a sentence's tokens are read with them.
 */
import type { Token } from './context';
import {
  CARRIED_SUBJECTS,
  POINTING_DETERMINERS,
  FIRST_SECOND_PERSON,
  NON_EVENT_VERBS,
  NOUN_MARKERS,
  OPENING_CONNECTIVES,
  OPINION_VERBS,
  ORGANISATION_SUBJECTS,
  PERSON_PRONOUNS,
  PRESCRIPTIVE_WORDS,
  VERB_GAP_WORDS,
  VERB_MARKERS,
  isVerbForm,
} from '../lang/clauses';
import { STOPWORDS } from '../lang/function-words';
import { SPEECH_VERBS } from '../lang/reporting-verbs';
import { ROLE_NOUNS } from '../lang/roles';

/** How far after "the" a description's head noun may stand ("the troubled bakery company"). */
const DESCRIPTION_REACH = 4;
/** How far after "I"/"we" an opinion or obligation word may stand ("I do not really think"). */
const OPINION_REACH = 3;

/** A sentence asks rather than states: its last mark, closing quotes and brackets aside, is "?". */
export function isQuestion(text: string): boolean {
  return /\?[\s"'\u201C\u201D\u2018\u2019)\]]*$/u.test(text);
}

const isGap = (w: Token) => VERB_GAP_WORDS.has(w.norm) || (w.norm.length > 4 && w.norm.endsWith('ly'));

/** The word before toks[i], skipping words that stand inside a verb group ("will not", "has also"). */
function previousWord(toks: readonly Token[], i: number): Token | null {
  for (let j = i - 1; j >= 0; j--) {
    const t = toks[j];
    if (!t.isWord) return null;
    if (!isGap(t)) return t;
  }
  return null;
}

/** Share of capitalised words from which a line is written in title case ("Chief Calls For Patience"). */
export const TITLE_CASE_SHARE = 0.6;

/** Whether a headline capitalises most of its words, so a capital says nothing about a name. */
export function isTitleCase(words: readonly Token[]): boolean {
  let caps = 0;
  for (const w of words) if (w.isCap) caps++;
  return words.length > 0 && caps / words.length >= TITLE_CASE_SHARE;
}

/**
 * Index of the first word of `toks` that makes an event (a finite or participle verb that is not
 * the copula, an auxiliary or a modal), among those `use` admits; -1 when there is none. A
 * reporting verb is an event; a verb-like word after a determiner or "of" is a noun ("the vote"); a
 * word after a modal is a verb ("will rally"); a capitalised word inside the sentence is a name,
 * unless the line is in title case (`titleCase`), where names are known only from the mentions.
 */
export function findEventVerb(toks: readonly Token[], use: (i: number) => boolean = () => true, titleCase = false): number {
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (!t.isWord || !use(i)) continue;
    const w = t.norm;
    if (NON_EVENT_VERBS.has(w) || VERB_GAP_WORDS.has(w)) continue;
    if (SPEECH_VERBS.has(w)) return i;
    const prev = previousWord(toks, i);
    if (prev && NOUN_MARKERS.has(prev.norm)) continue;
    if (prev && VERB_MARKERS.has(prev.norm) && !STOPWORDS.has(w) && /^\p{L}/u.test(w)) return i;
    if (t.isCap && !t.isSentenceStart && !titleCase) continue;
    if (isVerbForm(w)) return i;
  }
  return -1;
}

/** What kind of subject a sentence takes over from before it, read from its opening words. */
export type CarriedSubject = 'person' | 'organisation' | 'previous' | null;

/**
 * The subject a sentence carries from the sentences before it, by its first words after any
 * connective: "he"/"she" or "the" + a role noun ("The leader told …") → a person; "the" (or
 * "this", "that") + an organisation noun ("The company said …") → an organisation; "it"/"they" → the previous
 * sentence's subject. Null when the sentence names its own subject or opens otherwise.
 */
export function carriedSubject(words: readonly Token[]): CarriedSubject {
  let k = 0;
  while (k < words.length && OPENING_CONNECTIVES.has(words[k].norm)) k++;
  const first = words[k];
  if (!first) return null;
  if (PERSON_PRONOUNS.has(first.norm)) return 'person';
  if (CARRIED_SUBJECTS.has(first.norm)) return 'previous';
  if (!POINTING_DETERMINERS.has(first.norm)) return null;
  for (let j = k + 1; j < words.length && j <= k + DESCRIPTION_REACH; j++) {
    const n = words[j].norm;
    if (ORGANISATION_SUBJECTS.has(n)) return 'organisation';
    // Singular role nouns only: "the leader" is one person, "the members" are not.
    if (ROLE_NOUNS.has(n) && !n.endsWith('s')) return 'person';
  }
  return null;
}

/**
 * Whether a sentence voices its speaker's opinion or an obligation rather than a fact: a first- or
 * second-person subject followed closely by a verb of opinion or wish ("I think", "we want") or by
 * a word of obligation ("we must", "you should", "we have to").
 */
export function isOpinion(words: readonly Token[]): boolean {
  for (let i = 0; i < words.length; i++) {
    if (!FIRST_SECOND_PERSON.has(words[i].norm)) continue;
    for (let j = i + 1; j < words.length && j <= i + OPINION_REACH; j++) {
      const n = words[j].norm;
      if (OPINION_VERBS.has(n) || PRESCRIPTIVE_WORDS.has(n)) return true;
      if ((n === 'have' || n === 'has') && words[j + 1]?.norm === 'to') return true;
      // Auxiliaries may stand between ("I do not think", "we don't want", "we would like").
      if (!isGap(words[j]) && !NON_EVENT_VERBS.has(n)) break;
    }
  }
  return false;
}
