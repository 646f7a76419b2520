/** Function words and other words that carry no topic. */
import { RELATIVE_DATES, WEEKDAYS } from './dates';
import { PLAIN_SPEECH_VERBS } from './reporting-verbs';
import { PERSONAL_TITLES, ROLE_WORDS } from './titles';

/**
 * Date words that stay keywords: the verb probe and the re-ranker were fitted with "tonight" one, and
 * making it a stopword moved both fits for the worse (tests/fixtures/devset/README.md).
 */
const DATE_WORDS_KEPT_AS_KEYWORDS: ReadonlySet<string> = new Set(['tonight']);

/**
 * Personal titles that stay keywords. Role words ("senator", "councillor", titles.ts ROLE_WORDS)
 * name an office a claim can be about ("the councillor's expenses"): as stopwords they took
 * "councillor" from a seed claim's keywords (tests/golden). "professor" moved the verb probe's fit,
 * whose vocabulary is the keywords (tests/fixtures/devset/README.md).
 */
const TITLES_KEPT_AS_KEYWORDS: ReadonlySet<string> = new Set(['professor', ...ROLE_WORDS]);

/** Plain speech verbs that stay keywords: "adding" as a stopword moved the verb probe's fit (tests/fixtures/devset/README.md). */
const SPEECH_KEPT_AS_KEYWORD: ReadonlySet<string> = new Set(['adding']);

/**
 * English function words, reporting verbs, calendar words and very common verbs: ignored as claim
 * keywords and as the key words of a sentence. The corpus side and the page side kept two lists;
 * this is their union, so a word that is noise on one side is noise on the other (a keyword the
 * page ignores but the corpus keeps could never match, and the other way round).
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    // Articles, conjunctions, prepositions.
    'a an the and or but nor so yet for of in on at to from by with without about above below over under ' +
    'into onto upon out up down off through during before after since until while as than then there here ' +
    'between further once thus like unlike among amid within across against around via per ' +
    // Pronouns and determiners.
    'this that these those it its itself he him his himself she her hers herself they them their theirs ' +
    'themselves we us our ours ourselves you your yours yourself i me my mine myself who whom whose which ' +
    'what when where why how all any both each every few more most other some such no not only own same ' +
    'too very another much many several lot lots one ones ' +
    // Auxiliaries and modals.
    'can cannot could will would shall should may might must do does did doing done be is am are was were ' +
    'been being have has had having get got gets ' +
    // Adverbs and connectives.
    'also just even still again ever never now already if because although though however meanwhile ' +
    'whether either neither well back ' +
    // Contractions, whole and as the word segmenter splits them.
    "it's there's that's don't doesn't didn't isn't aren't wasn't weren't won't can't couldn't wouldn't " +
    "shouldn't i'm i've we're we've they're they've you're you've he's she's it'll we'll they'll " +
    's t d ll m re ve don didn doesn isn wasn weren aren couldn wouldn shouldn hasn haven hadn ' +
    // "According" (to): who said it is the speaker, not the topic; so are the plain verbs of saying, below.
    'according ' +
    // Calendar words (and dates.ts's weekdays and relative dates, below): dates are compared as dates, not as keywords.
    'week weeks year years day days time last next first new ' +
    // Very common verbs.
    'make made way go going went come came take took put ' +
    // Percent words: figures are compared as figures.
    'cent percent'
  )
    .split(/\s+/)
    .concat([...WEEKDAYS, ...RELATIVE_DATES].filter((w) => !DATE_WORDS_KEPT_AS_KEYWORDS.has(w)))
    // Personal titles (titles.ts), which name no topic, but TITLES_KEPT_AS_KEYWORDS.
    .concat([...PERSONAL_TITLES].filter((t) => !TITLES_KEPT_AS_KEYWORDS.has(t)))
    // Reporting verbs (reporting-verbs.ts): who said it is the speaker, not the topic.
    .concat(PLAIN_SPEECH_VERBS.filter((v) => !SPEECH_KEPT_AS_KEYWORD.has(v))),
);

/** Personal pronouns that may stand for a person as a speaker or subject. */
export const PERSON_PRONOUNS: ReadonlySet<string> = new Set(['he', 'she']);

/**
 * Stopwords and common words that are also given names ("Will Dalton", "Grace Orme"): a capitalised
 * one at sentence start may still begin a name.
 */
export const NAME_LIKE_STOPWORDS: ReadonlySet<string> = new Set([
  'will', 'may', 'don', 'miss', 'mark', 'bill', 'rose', 'sue', 'pat', 'guy', 'ray', 'art', 'jack', 'dean', 'drew',
  'grace', 'hope', 'joy',
]);

/**
 * Connectives that may open a sentence before its subject ("But he …", "Meanwhile, the company …"):
 * skipped when looking for the subject a sentence carries over (corpus analysis) or opens with
 * (the claim scorer). Here rather than in clauses.ts, which reads the part-of-speech lexicon that
 * stays out of the extension's content script.
 */
export const OPENING_CONNECTIVES: ReadonlySet<string> = new Set(
  'and but so yet however meanwhile also then still now later separately instead moreover furthermore additionally earlier previously'.split(/\s+/),
);
