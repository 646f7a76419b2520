/**
 * Step 3.5: evidence for each candidate key, gathered over every occurrence in the corpus: does
 * the context say person, organisation or place? Each cue adds a weight; step 3.6 compares the
 * sums. The weights were set by hand and checked on the seeds, tests/fixtures/corpora/second and
 * tests/fixtures/corpora/multi-topic: a strong cue (2–3) decides on its own, a weak cue (1) needs
 * another. A person or an organisation needs 2 (step 3.6).
 */
import { ORG_SUFFIXES } from '../../lang/org-suffixes';
import type { ArticleDraft, Token } from '../context';
import { ORG_NOUNS } from '../../lang/organisations';
import { COMPASS, VENUE_HEADS } from '../../lang/places';
import { isGivenName, isKnownOrganisation, isKnownPlace, isKnownSurname } from '../../lang/pos';
import { SPEECH_VERBS } from '../../lang/reporting-verbs';
import { ROLE_NOUNS } from '../../lang/roles';
import { PERSONAL_TITLES } from '../../lang/titles';
import { isHeadFirstOrg } from './04-candidates';
import { ACRONYM_MIN_SENTENCES } from './06-classify';
import { NAME_SHAPE, hasOrgHeadWords, nextWord, prevWord, type Candidate, type Evidence } from './shared';

/** Strong: a personal title ("Mr", "Dr") or any title before a name-shaped run ("General Ada Okoro"). */
export const W_PERSON_TITLE = 2;
/** Strong: the first word is a given name known to the NLP lexicon. */
export const W_PERSON_GIVEN_NAME = 2;
/** Weak: the last word is a surname known to the NLP lexicon (many surnames are also place or trade words). */
export const W_PERSON_KNOWN_SURNAME = 1;
/** Weak: a speech verb follows ("… said"); organisations say things too. */
export const W_PERSON_SPEECH = 1;
/** Weak: a role noun precedes ("striker Jonas Eriksen"); organisations have roles too ("rival X"). */
export const W_PERSON_ROLE = 1;
/** Weak, on top of the role: the name is in apposition to it ("His deputy, Mirela Kostic, will …"). */
export const W_PERSON_APPOSITION = 1;

/** Strong: an organisation head after the first word ("… Union", "… Society"), or head-first ("University of …"). */
export const W_ORG_HEAD = 3;
/** Strong: a company or club ending ("… Motors", "… Rovers"). */
export const W_ORG_SUFFIX = 3;
/** Strong: the NLP lexicon knows the name as an organisation. */
export const W_ORG_KNOWN = 2;
/** Strong: "X union", "X party", "X trade union" written after the name. */
export const W_ORG_NOUN_AFTER = 2;
/** Strong: "a spokesman for X". */
export const W_ORG_SPOKESPERSON = 2;
/** Strong: a list after a plural organisation noun ("unions, X, Y and Z"). */
export const W_ORG_LISTED = 2;
/** Weak: "such as X", "known as X", "leader of X": people fit these too. */
export const W_ORG_WEAK_CONTEXT = 1;

/** Strong: a venue head ("… Theatre", "… Arena") on a name of two or more words. */
export const W_PLACE_VENUE = 3;
/** Strong: the NLP lexicon knows the name (or a compass word + a known place) as a place. */
export const W_PLACE_KNOWN = 2;
/** Weak: a place preposition or a compass word before the name ("in X", "north X"). */
export const W_PLACE_CONTEXT = 1;

/** A person's name has 2–4 words ("Ada Okoro", "Jean-Luc de la Fontaine" is 4). */
const MAX_PERSON_WORDS = 4;

const PLACE_PREPOSITIONS = new Set(['in', 'at', 'near', 'outside', 'across', 'from', 'to', 'around', 'throughout']);
const SPOKESPERSON = /^spokes(man|woman|person)$/;
const MEMBERSHIP = /^(member|members|leader|head|chair|founder)$/;

/** Oldest age taken as an age in apposition ("Doe, 41, said"); larger numbers are years or counts. */
const MAX_AGE = 110;

/** "Doe, 41, …": an age in commas straight after the name, which only people have. */
function hasAgeAfter(toks: Token[], last: number): boolean {
  const [c1, n, c2] = [toks[last + 1], toks[last + 2], toks[last + 3]];
  return c1?.text === ',' && c2?.text === ',' && /^\d{1,3}$/.test(n?.text ?? '') && Number(n.text) <= MAX_AGE && c1.sentence === n.sentence;
}

/** True when the candidate looks like a personal name: 2–4 words, each name-shaped. */
export function isNameLike(c: Candidate): boolean {
  return c.words.length >= 2 && c.words.length <= MAX_PERSON_WORDS && c.display.split(/\s+/).every((w) => NAME_SHAPE.test(w));
}

/** Adds what one occurrence's context says to the key's evidence. */
export function weigh(c: Candidate, d: ArticleDraft, e: Evidence): void {
  const toks = d.tokens;
  const last = toks[c.lastToken];
  const sentence = toks[c.firstToken].sentence;
  const b1 = prevWord(toks, c.firstToken, sentence);
  const b2 = b1 && prevWord(toks, b1.index, sentence);
  const a1 = nextWord(toks, c.lastToken, sentence);
  const a2 = a1 && nextWord(toks, a1.index, sentence);
  const before = b1?.token;
  const before2 = b2?.token;
  const after = a1?.token;
  const after2 = a2?.token;
  // Only "in this many sentences or more" is ever asked (step 3.6): a name used in thousands of
  // sentences must not keep thousands of keys.
  if (e.sentences.size < ACRONYM_MIN_SENTENCES) e.sentences.add(`${c.article}:${sentence}`);
  e.articles.add(c.article);
  e.displays.set(c.display, (e.displays.get(c.display) ?? 0) + 1);
  const nameLike = isNameLike(c);
  const speechAfter = !!after && SPEECH_VERBS.has(after.norm) && !after.isCap;

  if (c.title) {
    e.titles.add(c.title);
    if (PERSONAL_TITLES.has(c.title) || nameLike) e.person += W_PERSON_TITLE;
  }
  if (nameLike && isGivenName(c.words[0])) e.person += W_PERSON_GIVEN_NAME;
  if (nameLike && isKnownSurname(c.words[c.words.length - 1])) e.person += W_PERSON_KNOWN_SURNAME;
  if (speechAfter && (nameLike || c.title)) e.person += W_PERSON_SPEECH;
  if ((speechAfter || hasAgeAfter(toks, c.lastToken)) && c.words.length === 1 && !c.title && NAME_SHAPE.test(c.display)) e.bareCues++;
  if (before && !before.isCap && ROLE_NOUNS.has(before.norm) && nameLike) {
    e.person += W_PERSON_ROLE;
    if (toks[c.firstToken - 1]?.text === ',' && toks[c.lastToken + 1]?.text === ',') e.person += W_PERSON_APPOSITION;
  }

  if (hasOrgHeadWords(c.words) || isHeadFirstOrg(c.words)) e.org += W_ORG_HEAD;
  if (c.words.length >= 2 && ORG_SUFFIXES.has(c.words[c.words.length - 1])) e.org += W_ORG_SUFFIX;
  if (isKnownOrganisation(c.key)) e.org += W_ORG_KNOWN;
  if (after && !after.isCap && (after.norm === 'union' || after.norm === 'party' || (after.norm === 'trade' && after2?.norm === 'union'))) e.org += W_ORG_NOUN_AFTER;
  if (before && !before.isCap && before2) {
    if (before.norm === 'for' && SPOKESPERSON.test(before2.norm)) e.org += W_ORG_SPOKESPERSON;
    if (before.norm === 'as' && (before2.norm === 'such' || before2.norm === 'known')) e.org += W_ORG_WEAK_CONTEXT;
    if (before.norm === 'of' && MEMBERSHIP.test(before2.norm)) e.org += W_ORG_WEAK_CONTEXT;
  }
  const comma = toks[c.firstToken - 1];
  if (comma && comma.text === ',' && before && ORG_NOUNS.has(before.norm) && before.norm.endsWith('s')) e.org += W_ORG_LISTED;

  if (VENUE_HEADS.has(last.norm) && c.words.length >= 2) e.place += W_PLACE_VENUE;
  if (isKnownPlace(c.key)) e.place += W_PLACE_KNOWN;
  if (c.words.length === 2 && COMPASS.has(c.words[0]) && isKnownPlace(c.words[1])) e.place += W_PLACE_KNOWN;
  if (before && !before.isCap && PLACE_PREPOSITIONS.has(before.norm) && !c.title) e.place += W_PLACE_CONTEXT;
  if (before && COMPASS.has(before.norm)) e.place += W_PLACE_CONTEXT;
}
