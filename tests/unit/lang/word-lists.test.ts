/** The word lists of core/lang: what each must and must not hold. */
import { describe, expect, it } from 'vitest';
import { ABBREVIATIONS } from '../../../src/core/lang/abbreviations';
import {
  CARRIED_SUBJECTS,
  FIRST_SECOND_PERSON,
  NON_EVENT_VERBS,
  POINTING_DETERMINERS,
  NOUN_MARKERS,
  OPENING_CONNECTIVES,
  OPINION_VERBS,
  ORGANISATION_SUBJECTS,
  PERSON_PRONOUNS,
  PRESCRIPTIVE_WORDS,
  VERB_GAP_WORDS,
  VERB_MARKERS,
} from '../../../src/core/lang/clauses';
import { GATHERING_WORDS } from '../../../src/core/lang/events';
import { NAME_LIKE_STOPWORDS, STOPWORDS } from '../../../src/core/lang/function-words';
import { FUTURE_AUXILIARIES, FUTURE_MARKERS, PLAIN_SPEECH_VERBS, PRESENT_SPEECH, SPEECH_VERBS } from '../../../src/core/lang/reporting-verbs';
import { RELATIVE_DATES, WEEKDAYS } from '../../../src/core/lang/dates';
import { MODAL_ONLY_BEFORE_TO, MODAL_WORDS } from '../../../src/core/lang/certainty';
import { OFFICE_NOUNS, RELATIONAL_MODIFIERS, ROLE_NOUNS } from '../../../src/core/lang/roles';
import { COURTESY_TITLES, PERSONAL_TITLES, ROLE_WORDS, SURNAME_TITLES, TITLES } from '../../../src/core/lang/titles';
import { ARTICLES, CLOSED_CLASS_WORDS, DETERMINERS, PLURAL_DEMONSTRATIVES, POSSESSIVE_DETERMINERS, RELATIVE_PRONOUNS, SINGULAR_DEMONSTRATIVES } from '../../../src/core/lang/closed-class';
import { CLAUSE_OPENERS } from '../../../src/core/lang/clause-breaks';
import { GROUP_DETERMINERS } from '../../../src/core/lang/quantity-scope';
import { DESCRIPTOR_BOUNDARY } from '../../../src/core/lang/roles';

const LISTS: [string, ReadonlySet<string>][] = [
  ['ABBREVIATIONS', ABBREVIATIONS],
  ['GATHERING_WORDS', GATHERING_WORDS],
  ['STOPWORDS', STOPWORDS],
  ['NAME_LIKE_STOPWORDS', NAME_LIKE_STOPWORDS],
  ['SPEECH_VERBS', SPEECH_VERBS],
  ['PRESENT_SPEECH', PRESENT_SPEECH],
  ['FUTURE_MARKERS', FUTURE_MARKERS],
  ['ROLE_NOUNS', ROLE_NOUNS],
  ['OFFICE_NOUNS', OFFICE_NOUNS],
  ['RELATIONAL_MODIFIERS', RELATIONAL_MODIFIERS],
  ['TITLES', TITLES],
  ['PERSONAL_TITLES', PERSONAL_TITLES],
  ['ROLE_WORDS', ROLE_WORDS],
  ['NON_EVENT_VERBS', NON_EVENT_VERBS],
  ['NOUN_MARKERS', NOUN_MARKERS],
  ['VERB_MARKERS', VERB_MARKERS],
  ['VERB_GAP_WORDS', VERB_GAP_WORDS],
  ['PERSON_PRONOUNS', PERSON_PRONOUNS],
  ['CARRIED_SUBJECTS', CARRIED_SUBJECTS],
  ['OPENING_CONNECTIVES', OPENING_CONNECTIVES],
  ['ORGANISATION_SUBJECTS', ORGANISATION_SUBJECTS],
  ['OPINION_VERBS', OPINION_VERBS],
  ['PRESCRIPTIVE_WORDS', PRESCRIPTIVE_WORDS],
  ['FIRST_SECOND_PERSON', FIRST_SECOND_PERSON],
];

describe('word lists', () => {
  it.each(LISTS)('%s holds lower-case words only', (_name, list) => {
    for (const w of list) expect(w).toBe(w.toLowerCase());
  });

  // Vocabulary of one country's parliament, unions or elections does not belong in general lists.
  it.each(['backbencher', 'whip', 'convenor', 'comrade', 'hustings', 'msp'])('no list holds "%s"', (word) => {
    expect(LISTS.filter(([, list]) => list.has(word)).map(([name]) => name)).toEqual([]);
  });

  it.each([
    ['the', STOPWORDS, true],
    ['said', STOPWORDS, true],
    ['monday', STOPWORDS, true],
    ['election', STOPWORDS, false],
    ['said', SPEECH_VERBS, true],
    ['says', PRESENT_SPEECH, true],
    ['said', PRESENT_SPEECH, false],
    ['will', FUTURE_MARKERS, true],
    ['is', NON_EVENT_VERBS, true],
    ['won', NON_EVENT_VERBS, false],
    ['the', NOUN_MARKERS, true],
    ['will', VERB_MARKERS, true],
    // After "is" a word may be a noun or adjective ("is chair"): not a verb marker.
    ['is', VERB_MARKERS, false],
    ['company', ORGANISATION_SUBJECTS, true],
    ['think', OPINION_VERBS, true],
    ['say', OPINION_VERBS, false],
    ['mr', PERSONAL_TITLES, true],
    ['councillor', PERSONAL_TITLES, true],
    ['general', PERSONAL_TITLES, false],
    ['general', TITLES, true],
    // "AM" (one country's assembly members) is no title: "am" is a verb.
    ['am', TITLES, false],
    ['mayor', ROLE_WORDS, true],
    ['wife', OFFICE_NOUNS, false],
    ['wife', ROLE_NOUNS, true],
    ['former', RELATIONAL_MODIFIERS, true],
    ['rally', GATHERING_WORDS, true],
  ])('%s in list: %s', (word, list, has) => {
    expect(list.has(word)).toBe(has);
  });

  it.each([
    ['mr', true],
    ['dr', true],
    ['corp', true],
    ['sept', true],
    // Whole title words end their sentence: "He will not miss." is a full sentence.
    ['miss', false],
    ['lord', false],
  ])('abbreviation %s: %s', (word, has) => {
    expect(ABBREVIATIONS.has(word)).toBe(has);
  });

  it('the matcher compiles every personal title that is not a role word, and only those', () => {
    expect(SURNAME_TITLES).toEqual([...PERSONAL_TITLES].filter((t) => !ROLE_WORDS.has(t)));
    expect(SURNAME_TITLES).toContain('dr');
    expect(SURNAME_TITLES).not.toContain('senator');
    expect(SURNAME_TITLES).not.toContain('councillor');
  });

  it('every weekday and relative date is a stopword but "tonight", which the fits read as a keyword', () => {
    for (const w of [...WEEKDAYS, ...RELATIVE_DATES]) expect(STOPWORDS.has(w)).toBe(w !== 'tonight');
  });

  it('the future auxiliaries mark a speech verb as future, and the modal words hold them', () => {
    for (const w of FUTURE_AUXILIARIES) {
      expect(FUTURE_MARKERS.has(w)).toBe(true);
      expect(MODAL_WORDS).toContain(w);
    }
  });

  it('the modal words of a word-by-word comparison hold the hedges and the noun-like plan words, not the distancing speech verbs', () => {
    for (const w of ['may', 'might', 'could', 'alleged', 'reportedly', 'promised', 'would', 'if']) expect(MODAL_WORDS).toContain(w);
    for (const w of MODAL_ONLY_BEFORE_TO) expect(MODAL_WORDS).toContain(w);
    // As modal words they cost the re-ranker links (tests/fixtures/devset/README.md).
    for (const w of ['suggested', 'suggests', 'claimed', 'claims']) expect(MODAL_WORDS).not.toContain(w);
  });

  it('the determiner lists are made of closed-class.ts\'s determiners, each differing only where it says', () => {
    for (const d of DETERMINERS) {
      expect(CLOSED_CLASS_WORDS.has(d)).toBe(true);
      expect(STOPWORDS.has(d)).toBe(true);
      expect(NOUN_MARKERS.has(d)).toBe(true);
      expect(GROUP_DETERMINERS.has(d)).toBe(true);
      expect(DESCRIPTOR_BOUNDARY.has(d)).toBe(true);
    }
    expect([...DETERMINERS].sort()).toEqual([...ARTICLES, ...SINGULAR_DEMONSTRATIVES, ...PLURAL_DEMONSTRATIVES, ...POSSESSIVE_DETERMINERS].sort());
    // A pointing description carries one organisation named before ("that company", not "those companies").
    expect([...POINTING_DETERMINERS].sort()).toEqual(['that', 'the', 'this']);
    // "local members" are the members: a group's determiner though no determiner.
    expect(GROUP_DETERMINERS.has('local')).toBe(true);
  });

  it('the relative pronouns open a clause, are closed-class words, and end a descriptor', () => {
    for (const w of RELATIVE_PRONOUNS) {
      expect(CLAUSE_OPENERS.has(w)).toBe(true);
      expect(CLOSED_CLASS_WORDS.has(w)).toBe(true);
      expect(DESCRIPTOR_BOUNDARY.has(w)).toBe(true);
    }
  });

  it('a descriptor\'s boundary lists no speech verb: the descriptor reader asks SPEECH_VERBS', () => {
    expect([...DESCRIPTOR_BOUNDARY].filter((w) => SPEECH_VERBS.has(w))).toEqual([]);
  });

  it('personal titles are stopwords but the role words and "professor", which stay keywords (fixtures/devset/README.md)', () => {
    for (const t of PERSONAL_TITLES) expect(STOPWORDS.has(t)).toBe(!ROLE_WORDS.has(t) && t !== 'professor');
    expect(STOPWORDS.has('councillor')).toBe(false);
    for (const t of COURTESY_TITLES) expect(PERSONAL_TITLES.has(t)).toBe(true);
    expect(COURTESY_TITLES.has('senator')).toBe(false);
  });

  it('the plain verbs of saying are speech verbs and stopwords but "adding", which stays a keyword (fixtures/devset/README.md)', () => {
    for (const v of PLAIN_SPEECH_VERBS) {
      expect(SPEECH_VERBS.has(v)).toBe(true);
      expect(STOPWORDS.has(v)).toBe(v !== 'adding');
    }
    expect(STOPWORDS.has('warned')).toBe(false);
  });

  // The contracted future is one word to the analysis's segmenter and three tokens to the page's (lang/contractions).
  it('no verb list holds a bare "\'ll", which no tokenizer makes', () => {
    expect(NON_EVENT_VERBS.has("'ll")).toBe(false);
    expect(VERB_MARKERS.has("'ll")).toBe(false);
  });

  it('every personal title is a title, and every present-tense speech verb a speech verb', () => {
    for (const t of PERSONAL_TITLES) expect(TITLES.has(t) || t === 'rev').toBe(true);
    for (const v of PRESENT_SPEECH) expect(SPEECH_VERBS.has(v)).toBe(true);
  });
});
