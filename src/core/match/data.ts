/**
 * The compact, JSON-serialisable data the matching side loads (src/generated/matcher.json).
 * It holds keys, ids, figures and word ids — never corpus sentences: excerpts are resolved later
 * against the full index by buildDetection (core/index/evidence).
 */
import type { CompiledAutomaton } from './aho-corasick';

/**
 * Bumped whenever a matcher could misread older MatcherData, the corpus store's layout of it
 * changes, or the text readers (certainty, negation, figures …) read a claim otherwise: an add's
 * compile keeps the stored traits of unchanged claims, so only a bump brings a new reading to a
 * stored corpus (the store recompiles data of another version; 6: claim groups in parts of their own;
 * 7: claim parts store each distinct traits tuple once, and signatures without figures or places short;
 * 8: the claims' input keys beside the parts, and the certainty of promise verbs, denied abilities and
 * nouns of speech read anew; 9: nouns of speech before "by", "of", "from" and the quantifiers "a
 * majority of", "a minority of" read anew; 10: a claim's quotation keeps its two-token fragments; 11: "N in M" and "N out of M" read as shares,
 * with the group named after them).
 */
export const MATCHER_DATA_VERSION = 11;

/** Pattern types in `MatcherData.patterns`. */
export const PatternType = { entity: 0, blocker: 1, place: 2 } as const;

/** Pattern flag: a single-word person alias (a surname) — not a mention when a given name precedes it. */
export const SURNAME_FLAG = 1;
/**
 * Pattern flag: a one-word person alias that is the person's given name ("Jane" for "Jane Doe").
 * A bit far above the capitalisation mask, which only covers an alias's own tokens.
 */
export const GIVEN_FLAG = 1 << 30;

/** One figure of a claim: [value, qualifier index, class, unit keys (stems of the words after it), top of a range ("30 to 40"; absent otherwise)]. */
export type FigureSignature = [number, number, number, string[], number?];

/**
 * One claim signature, as a tuple to keep the JSON small:
 * [article index, sentence index, claim group index, key ids, figures, place indices].
 */
export type ClaimSignature = [number, number, number, number[], FigureSignature[], number[]];

/**
 * One date of a claim, resolved against its article's date (core/lang/date-spans):
 * [first day, last day (null when it cannot be placed), weekday (-1 none), month (0 none), day of month (0 none), as written].
 */
export type DateSignature = [number | null, number | null, number, number, number, string];

/**
 * What relating needs of one claim beyond its keys (core/match/relate), parallel to `claims`:
 * [certainty level (core/lang/certainty), certainty cue as written ("" for a plain statement),
 * dates, per figure the group a share is of ("of the members" → ["member"], else []),
 * per figure with a group its words as written ("45% of the members", else ""),
 * certainty level of the reported content after the speech verb (-1 when none), its cue,
 * its negation as written ("" when affirmative) and the key of the word it denies (core/lang/negation;
 * both absent in data compiled before them), how much of a group it speaks of (QuantitySignature;
 * absent in data compiled before it), its unplaced time and its decade as written ("in the past",
 * "1970s", "" when none; core/lang/vague-time; absent in data compiled before them), per own figure
 * the unit of time after it ("week", "" when none; core/lang/durations; absent before it), what it
 * quotes: [its words, lower case, space-separated; the quotation as written] ([] when nothing;
 * core/lang/quoted-words; absent before it), its repeat marker as written ("again", "a second
 * campaign", "" when none; core/lang/event-time; absent before it)]. Each group is of a share ("of
 * the members") or of a count ending at its plural noun ("1,200 volunteers").
 */
export type ClaimTraits = [number, string, DateSignature[], string[][], string[], number, string, string?, string?, QuantitySignature?, [string, string]?, string[]?, QuotationSignature?, string?];

/** What a claim quotes: [its words, lower case, space-separated; the quotation as written], or [] when nothing. */
export type QuotationSignature = [string, string] | [];

/**
 * A claim's quantifier over a group (core/lang/quantity-scope): [level (part 0, whole 1), the group's
 * word keys, the phrase as written ("one of the big lenders")], or [] when it has none.
 */
export type QuantitySignature = [number, string[], string] | [];

/**
 * One corpus quote: [article index, first sentence index, quote group index, word ids of its wording,
 * flat (word index, sentence index) pairs where the quote moves on to another sentence].
 */
export type QuoteSignature = [number, number, number, number[], number[]];

/** Compact matcher data compiled from a CorpusIndex. */
export interface MatcherData {
  schemaVersion: number;
  /** Article ids, referenced by index everywhere below. */
  articles: string[];
  /** Per article, its address as compared (core/index/url-key), or "" when unknown. */
  articleUrls: string[];
  /** Entity ids. */
  entities: string[];
  /** One letter per entity: "p" person, "o" organisation. */
  entityKinds: string;
  /** Per entity, flat (article index, sentence index) pairs: one per article that mentions it. */
  entityRefs: number[][];
  /** Word vocabulary of names, places and quotes (normalised tokens). */
  words: string[];
  /** Word-level Aho–Corasick automaton over `words` for names, blockers and places. */
  automaton: CompiledAutomaton;
  /** Per automaton pattern, flat (type, target, token length, flags | caps mask << 1). */
  patterns: number[];
  /** Place names as the corpus writes them. */
  places: string[];
  /** Claim keys: stems, "@<entity>", "^<place>", "#<class>:<value>". */
  keys: string[];
  /** Per key, its weight (IDF over the claims). */
  weights: number[];
  claims: ClaimSignature[];
  /** Per article, the year of its date (0 when unknown): a page sentence dated another year is about another event. Since version 4. */
  articleYears: number[];
  /** Per key, a word it was made from, for the word vectors ("" for entity, place and figure keys). Since version 4. */
  keyWords: string[];
  /** Per claim, its word-class flags (match/rerank-words: negation, modality, time shift). Since version 4. */
  claimFlags: number[];
  /** Words of the corpus's descriptors of entities (normalised tokens: "leader", "minister"). Since version 4. */
  descriptorWords: string[];
  /** Per entity, indices into `descriptorWords` of the words its descriptors use. Since version 4. */
  entityDescriptors: number[][];
  /**
   * Per entity, one letter: 'm' or 'f' when the corpus shows the person's gender (core/match/person-gender:
   * the titles and the pronouns its outlets use), '-' when it does not or for an organisation. Optional:
   * without it "he" and "she" fit any person.
   */
  entityGenders?: string;
  claimGroups: string[];
  quotes: QuoteSignature[];
  quoteGroups: string[];
  /** Per claim (parallel to `claims`), its certainty, dates and share groups. Optional: older data relates by figures and places only. */
  claimTraits?: ClaimTraits[];
  /** Flat (inner place, outer place) index pairs: the corpus text says the first lies in the second ("X, Greater Y", "X in Y", "Y's X"). */
  placeWithin?: number[];
  /**
   * Flat (inner place, outer place) index pairs a gazetteer puts one inside the other (core/lang/gazetteer:
   * a town in its region or country, a district in the area of a larger city). Optional: set by the
   * build for the bundled corpus and by the store's install for any other (store/gazetteer-asset.ts); a
   * corpus compiled without a gazetteer relates places by its text alone.
   */
  placeWithinGazetteer?: number[];
  /** Per quote (parallel to `quotes`), its certainty level from how it was introduced ("will say" is expected; core/lang/certainty). */
  quoteCertainty?: number[];
}
