/** Function words: words that carry no topic, and the closed-class words that are never a name. */

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
    // Titles, which name no topic.
    'mr mrs ms miss dr sir lord lady prof dame rev ' +
    // Reporting verbs: who said it is the speaker, not the topic.
    'say said says saying tell told tells telling add added adds according ' +
    // Calendar words: dates are compared as dates, not as keywords.
    'yesterday today tomorrow week weeks year years day days time monday tuesday wednesday thursday ' +
    'friday saturday sunday last next first new ' +
    // Very common verbs.
    'make made way go going went come came take took put ' +
    // Percent words: figures are compared as figures.
    'cent percent'
  ).split(/\s+/),
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
 * English function words that are never a name nor the first word of one, even when a sentence,
 * a quotation or a headline capitalises them ("That party …", "This Group …", "Our Union").
 * Closed-class words only: determiners, pronouns, prepositions, conjunctions, auxiliaries; not
 * "will" and "may", which are also given names ("Will Doe", "May Quint").
 */
export const CLOSED_CLASS_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the this that these those such some any each every either neither no none all both few many much ' +
    'more most other another its it his her hers their theirs our ours your yours my mine whose which what ' +
    'who whom he she they we you i me him us them one ones here there then than when where while why how ' +
    'and or but nor so yet if because although though unless since until as at by for from in into of off ' +
    'on onto out over per to under up upon via with within without after before during against among ' +
    'is are was were be been being am do does did have has had would shall should can could ' +
    'might must not also only just even still'
  ).split(/\s+/),
);
