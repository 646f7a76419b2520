/**
 * Clause knowledge for finding check-worthy sentences (corpus analysis, step 7): which words make
 * an event of a sentence, which carry a previous sentence's subject, which mark an opinion, and
 * which lines are credits. General English: nothing here belongs to one topic or country.
 */
import { DETERMINERS, SINGULAR_DEMONSTRATIVES } from './closed-class';
import { lemma } from './lemmas';
import { lexiconTags } from './pos';

/**
 * Verb forms that never make an event on their own: the copula, auxiliaries and modals ("is",
 * "has", "will"), and verbs of seeming. "It is not." and "This is about the future" state no
 * event; "X has won" does, through "won". Contractions as the segmenter leaves them are included
 * ("it's", "didn't"); the contracted future is one word to the segmenter ("he'll") and never a
 * bare "'ll" (lang/contractions), so none is listed.
 */
export const NON_EVENT_VERBS: ReadonlySet<string> = new Set(
  (
    'be is am are was were been being have has had having do does did doing done will would shall should ' +
    "can could may might must ought seem seems seemed seeming appear appears appeared let lets 's 're 've 'd " +
    "it's that's there's he's she's they're we're i'm i've we've they've you're " +
    "don't doesn't didn't won't can't cannot couldn't wouldn't shouldn't isn't aren't wasn't weren't hasn't haven't hadn't"
  ).split(/\s+/),
);

/**
 * Words after which a verb-like word is read as a noun ("the vote", "his challenge", "of support"):
 * determiners, possessive pronouns and "of".
 */
export const NOUN_MARKERS: ReadonlySet<string> = new Set([
  ...DETERMINERS,
  ...'whose every each any some no of'.split(' '),
]);

/**
 * Words after which the next word is a verb ("will rally", "could finish", "did not"): modals and
 * "do". The perfect and progressive auxiliaries ("has", "is") are left out: after them a word may as
 * well be a noun or adjective ("is chair", "was small"); their participles are verb forms anyway.
 * "to" is left out too: "to victory" is a noun as often as "to rally" a verb. The contracted future
 * ("he'll") is no token of its own to the segmenter (lang/contractions), so it is not listed.
 */
export const VERB_MARKERS: ReadonlySet<string> = new Set(
  "will would shall should can could may might must did does do won't can't cannot couldn't wouldn't shouldn't didn't doesn't don't".split(/\s+/),
);

/**
 * Words that may stand between a subject or auxiliary and its verb without changing what the verb
 * is ("will not stand", "has also backed"); words ending in -ly are skipped as well.
 */
export const VERB_GAP_WORDS: ReadonlySet<string> = new Set(['not', "n't", 'never', 'also', 'still', 'already', 'just', 'now', 'then', 'soon', 'even', 'only', 'yet', 'again', 'really']);

/** Part-of-speech tags (compromise's lexicon) of a verb form; copulas, modals and auxiliaries are not among them. */
const VERB_TAGS: ReadonlySet<string> = new Set(['Verb', 'PastTense', 'PresentTense', 'Infinitive', 'Gerund', 'Participle', 'PerfectTense', 'FutureTense']);

/** Suffixes of verb forms for words the lexicon does not know ("orchestrated", "queuing"). */
const VERB_SUFFIX = /^[\p{L}-]{3,}(ed|ing)$/u;

const verbCache = new Map<string, boolean>();

/**
 * Whether a lower-case word can be a finite or participle verb form, out of context: the lexicon
 * says so, or, for a word the lexicon does not know, an -ed/-ing ending; participles the lexicon
 * files as adjectives ("packed", "pointed") count too, and so do irregular forms of verbs ("lost",
 * "rose": the lexicon has them as an adjective and a flower). Memoised: the vocabulary grows slower
 * than the corpus. Lexicon look-ups only (no tagger run), so it costs next to nothing per word.
 */
export function isVerbForm(word: string): boolean {
  let v = verbCache.get(word);
  if (v === undefined) {
    const tags = lexiconTags(word);
    const base = lemma(word);
    if (tags.some((t) => VERB_TAGS.has(t))) v = true;
    else if (base !== word && !tags.includes('Plural')) v = !tags.includes('Adjective') || lexiconTags(base).some((t) => VERB_TAGS.has(t));
    else if (tags.length === 0) v = VERB_SUFFIX.test(word);
    else v = tags.includes('Adjective') && /ed$/.test(word);
    verbCache.set(word, v);
  }
  return v;
}

/** Pronouns that stand for the previous sentence's subject of any kind ("It will …", "They also …"). */
export const CARRIED_SUBJECTS: ReadonlySet<string> = new Set(['it', 'they']);

/**
 * Connectives that may open a sentence before its subject, and the pronouns that stand for the
 * previous sentence's person as subject ("He also …"): function-words.ts, which the matcher reads too.
 */
export { OPENING_CONNECTIVES, PERSON_PRONOUNS } from './function-words';

/**
 * Determiners of a description that points back to one named before ("the company", "that company"):
 * "the" and the singular demonstratives, for the subject carried over is the one organisation named
 * last ("those companies" points to several).
 */
export const POINTING_DETERMINERS: ReadonlySet<string> = new Set(['the', ...SINGULAR_DEMONSTRATIVES]);

/**
 * Singular nouns for organisations that a definite description uses for one named before ("The
 * company said …", "The union will …"): such a sentence carries the last organisation named.
 */
export const ORGANISATION_SUBJECTS: ReadonlySet<string> = new Set(
  (
    'company firm group business organisation organization union party government council board bank club ' +
    'team association charity agency authority department ministry campaign movement retailer chain maker ' +
    'manufacturer operator supplier insurer lender airline broadcaster regulator committee commission ' +
    'federation institute trust foundation society alliance coalition network league body'
  ).split(/\s+/),
);

/**
 * Verbs of opinion and wish: after a first-person subject ("I think …", "we want …") they mark a
 * speaker's view, not a fact the speaker states.
 */
export const OPINION_VERBS: ReadonlySet<string> = new Set(
  'think thinks thought believe believes feel feels hope hopes want wants wish wishes guess suppose reckon fear doubt find'.split(/\s+/),
);

/** Words of obligation: after a first- or second-person subject ("we must", "you should") they prescribe, not state. */
export const PRESCRIPTIVE_WORDS: ReadonlySet<string> = new Set(['should', 'must', 'ought', 'need', 'needs']);

/** Pronouns of the speaker and the addressee, the subjects of an opinion or a prescription. */
export const FIRST_SECOND_PERSON: ReadonlySet<string> = new Set(['i', 'we', 'you']);

const CREDIT_WORK = /^(?:(?:additional |further )?reporting|writing|written|edited|editing|compiled|produced|interview|words|research|graphics|photos?|pictures?)(?: and \w+)? by\b/i;
/**
 * "By" and a name of two or more capitalised words, up to a comma, a dash or the end: "By Ana
 * Ruiz, Health Editor". One capitalised word is not enough: "By Tuesday, the plant had …".
 */
const BYLINE = /^By\s+\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|and|&))+\s*(?:[,|–—-]|$)/u;

/**
 * Whether a sentence is a credit or byline ("By A Writer, Political Editor", "Reporting by …;
 * editing by …", "Additional reporting by …"): who wrote or edited the article, never a statement.
 */
export function isCreditLine(sentence: string): boolean {
  return CREDIT_WORK.test(sentence) || BYLINE.test(sentence);
}
