/**
 * The corpus index: the contract between the corpus analysis (producer, build time) and every
 * consumer (matcher compiler, background, popover cards, popup, corpus browser).
 *
 * Rules that hold for every field:
 * - Offsets are UTF-16 code-unit offsets into `ArticleRecord.text` (so they map straight to
 *   JavaScript strings and DOM ranges); `end` is exclusive.
 * - Ids are stable for the same input (the build is deterministic: same seeds, byte-identical JSON).
 * - Arrays are in a stated, deterministic order (articles by id; members by article id).
 * - "unknown" is the literal value for metadata the source does not establish.
 */

/** Bumped whenever a consumer could misread an older index. */
export const SCHEMA_VERSION = 1 as const;

/** What a marker or detection is about. */
export type DetectionKind = 'person' | 'organisation' | 'claim' | 'quote';

/** The two kinds of named entity the corpus analysis extracts. */
export type EntityKind = 'person' | 'organisation';

/** How one corpus article relates to the thing that was looked up. */
export type Relation = 'mentions' | 'agrees' | 'differs' | 'adds' | 'same-quote' | 'variant-quote';

/** A half-open range of UTF-16 offsets. */
export interface Span {
  start: number;
  end: number;
}

/** A piece of page furniture removed from an article before analysis, kept for audit. */
export interface FurnitureRecord {
  /** The removed text, verbatim. */
  text: string;
  /** Why it was removed, e.g. "navigation", "advertisement", "donation box", "related links". */
  reason: string;
  /** Line number (1-based) in the source file where the removed block started. */
  line: number;
}

/** One corpus article after cleaning and segmentation. */
export interface ArticleRecord {
  /** The source file's name without `.txt`. */
  id: string;
  outlet: string;
  headline: string;
  /** ISO date `YYYY-MM-DD`, or "unknown". */
  date: string;
  url: string;
  /** Cleaned text: headline as the first paragraph, then the body; paragraphs joined by "\n\n". */
  text: string;
  paragraphs: Span[];
  /** Sentence spans; a sentence is referred to by its index in this array. */
  sentences: Span[];
  furniture: FurnitureRecord[];
  wordCount: number;
}

/** Where one article mentions an entity. */
export interface Mention extends Span {
  sentence: number;
  /** The surface form as written in the article (e.g. "Ms Doe's"). */
  surface: string;
}

/** A descriptive phrase an outlet attached to an entity ("party rival", "Acme trade union boss"). */
export interface Descriptor {
  text: string;
  sentence: number;
}

/** Everything one article says about one entity. */
export interface EntityCoverage {
  article: string;
  mentions: Mention[];
  descriptors: Descriptor[];
  /** Ids of QuoteRecords this article attributes to the entity. */
  quotes: string[];
}

/** A person or organisation with one canonical name. */
export interface EntityRecord {
  /** Stable id derived from the canonical name, e.g. "person:jane-doe". */
  id: string;
  kind: EntityKind;
  /** Canonical name (the fullest form the corpus uses). */
  name: string;
  /**
   * Every surface form the corpus uses for this entity and that the matcher may use: full name,
   * surname, title + surname, nicknames the text establishes. Possessives are handled by the
   * matcher and need not be listed. Aliases listed in `CorpusIndex.ambiguous` are excluded.
   */
  aliases: string[];
  /** One entry per article that mentions the entity, ordered by article id. */
  coverage: EntityCoverage[];
  /** Entities that appear in the same articles, most shared articles first. */
  related: { entity: string; articles: string[] }[];
}

/** A surface form that names more than one entity: never resolved by guessing. */
export interface AmbiguousAlias {
  alias: string;
  entities: string[];
}

/** How a quote was introduced. */
export type QuoteTense = 'past' | 'present' | 'future';

/** One article's report of one utterance. */
export interface QuoteRecord {
  id: string;
  article: string;
  /** Entity id of the speaker, or null when the speaker is not an indexed entity. */
  speaker: string | null;
  /** How the article named the speaker in the attribution ("he", "the statement", "Mr Doe"). */
  speakerText: string | null;
  /** The quoted words without the quote marks; paragraphs of a multi-paragraph quote joined by "\n". */
  text: string;
  /** Where the quoted words stand in the article text (one span per paragraph). */
  spans: Span[];
  sentences: number[];
  /** "he will say" is future; "he said" past; "says" present. */
  tense: QuoteTense;
  /** Id of the QuoteGroup this report belongs to. */
  group: string;
}

/** One piece of a word-level diff between two wordings. */
export interface DiffPart {
  op: 'same' | 'added' | 'removed';
  text: string;
}

/** The same utterance as reported by one or more articles. */
export interface QuoteGroup {
  id: string;
  speaker: string | null;
  /** Id of the member the others are compared with (the longest wording). */
  reference: string;
  members: {
    quote: string;
    article: string;
    relation: 'same-quote' | 'variant-quote';
    /** Word-level diff from the reference wording to this member's wording (empty for the reference). */
    diff: DiffPart[];
  }[];
}

/** How a figure was qualified. */
export type Qualifier = 'exact' | 'more-than' | 'less-than' | 'at-least' | 'at-most' | 'up-to' | 'about';

/** A number stated in a claim, with its qualifier and unit. */
export interface Figure {
  /** As written, e.g. "more than 30", "£12,345", "62.5%", "thirty-six". */
  text: string;
  value: number;
  qualifier: Qualifier;
  /** What is counted or measured ("percent", "GBP", "people", "MPs", …), or null when unclear. */
  unit: string | null;
  /** Offsets into the article text. */
  span: Span;
}

/**
 * The kind of check-worthy statement, i.e. why the sentence is a claim: it states a figure, an
 * event (a place or a date), an attribution (reported speech), a statement (an actor and an
 * event), or a fact inside direct speech ("quoted", attributed to the speaker).
 */
export type ClaimType = 'figure' | 'event' | 'attribution' | 'statement' | 'quoted';

/** One check-worthy sentence of one article. */
export interface ClaimRecord {
  id: string;
  article: string;
  sentence: number;
  /** The sentence text, or for a clause claim (id "<article>#c<sentence>.<n>") the clause's (an excerpt of ArticleRecord.text). */
  text: string;
  type: ClaimType;
  /** Entity ids the claim is about. */
  entities: string[];
  figures: Figure[];
  /** Places named in the claim as written ("Glenhaven"). */
  places: string[];
  /** Dates named in the claim as written ("12 March", "Saturday"). */
  dates: string[];
  /** Normalised content-word keys (lemmas/stems) that characterise the claim, for matching. */
  keywords: string[];
  /** Id of the ClaimGroup this claim belongs to. */
  group: string;
}

/** What differs between members of a claim group. */
export interface Difference {
  attribute: 'figure' | 'place' | 'date' | 'wording';
  /**
   * How the members differ (see DifferenceKind): 'contradiction' when one cannot be true with the
   * reference; a kind of precision when all can ('place-within': one place lies inside the other).
   * Absent in an index written before kinds existed: read as a contradiction.
   */
  kind?: DifferenceKind;
  /** For a place inside another, where that containment comes from (as ValueDifference.basis). */
  basis?: 'text' | 'gazetteer';
  values: { article: string; claim: string; value: string }[];
}

/** Statements in several articles about the same thing. */
export interface ClaimGroup {
  id: string;
  /** A short human label for the group (derived, e.g. the reference sentence shortened). */
  topic: string;
  /** Id of the member the others are compared with. */
  reference: string;
  members: {
    claim: string;
    article: string;
    relation: 'agrees' | 'differs' | 'adds';
    /** The values of the differing attributes as this member states them (empty if none). */
    values: string[];
  }[];
  differences: Difference[];
}

/** The full corpus index (index.json). */
export interface CorpusIndex {
  schemaVersion: typeof SCHEMA_VERSION;
  articles: ArticleRecord[];
  entities: EntityRecord[];
  ambiguous: AmbiguousAlias[];
  quotes: QuoteRecord[];
  quoteGroups: QuoteGroup[];
  claims: ClaimRecord[];
  claimGroups: ClaimGroup[];
}

/**
 * How a corpus article's statement differs from the page's, read as "the corpus article states it
 * …" (every kind keeps the relation "differs" for claims; quotes keep same-quote / variant-quote):
 * - 'contradiction': the two cannot both be true (25 against more than 30; another place; another day).
 * - 'more-precise' / 'less-precise': both can be true, one says more ("about 40" against "43",
 *   "63%" against "62.5%", "last week" against "on Wednesday").
 * - 'place-within' / 'place-around': the corpus's place lies inside the page's / contains it, as
 *   the corpus text itself says ("X, Greater Y", "X in Y", "Y's X"): precision, not a contradiction.
 * - 'more-certain' / 'less-certain': the same fact stated more or less firmly ("did" against "may
 *   have", "said" against "will say", "confirmed" against "alleged").
 * - 'negation': one of the two says it did not happen ("did not back" against "backed").
 * - 'scope': the same figure said of another group ("40% of nurses" against "40% of doctors").
 * - 'quote-other': both quote the speaker, in other words altogether: another utterance.
 * - 'quote-cut': the same utterance, one wording a cut of the other; 'quote-varied': the same
 *   utterance worded differently.
 */
export type DifferenceKind =
  | 'contradiction'
  | 'more-precise'
  | 'less-precise'
  | 'place-within'
  | 'place-around'
  | 'more-certain'
  | 'less-certain'
  | 'negation'
  | 'scope'
  | 'quote-cut'
  | 'quote-varied'
  | 'quote-other';

/** A value the page and a corpus article state differently, side by side (claims marked "differs"). */
export interface ValueDifference {
  /**
   * What differs: a figure, a place, a date, the certainty (cue words, "stated" for a plain
   * statement), the negation (the negating words, "stated" for an affirmative statement), the group
   * a figure is of, or a quote's wording.
   */
  attribute: 'figure' | 'place' | 'date' | 'certainty' | 'negation' | 'scope' | 'wording';
  /** How it differs (absent only in data written before kinds existed). */
  kind?: DifferenceKind;
  /** As the scanned text writes it. */
  page: string;
  /** As the corpus article writes it. */
  corpus: string;
  /**
   * For a place inside another (place-within, place-around), where that containment comes from:
   * "text", a corpus article says so ("X, Greater Y", "X in Y", "Y's X"); "gazetteer", no article
   * says so but a gazetteer does (core/lang/gazetteer: GeoNames' places, regions and countries).
   */
  basis?: 'text' | 'gazetteer';
}

/** One corpus article's evidence behind a detection. */
export interface Coverage {
  /** Article id (corpus file name without .txt). */
  article: string;
  outlet: string;
  relation: Relation;
  /** The corpus sentence that is the evidence. */
  excerpt: string;
  /** 0..1, how strong the match is. */
  score: number;
  /** For "differs": the conflicting values side by side (optional, added by the matcher); the first of `differences`. */
  values?: ValueDifference;
  /** How this article differs (the kind of `values`), for claims and quotes alike. */
  kind?: DifferenceKind;
  /** Every difference found, main one first, when there is more than one (`values` is the first). */
  differences?: ValueDifference[];
  /** For quotes: word-level diff from the corpus wording to the scanned wording (optional). */
  diff?: DiffPart[];
}

/** One thing the matcher found in a text (the lookup CLI prints these). */
export interface Detection {
  kind: DetectionKind;
  /** The matched text, exactly `input.slice(start, end)`. */
  text: string;
  /** UTF-16 offsets into the scanned text. */
  start: number;
  end: number;
  /**
   * The record the detection refers to: an EntityRecord id (person, organisation), a ClaimGroup id
   * (claim) or a QuoteGroup id (quote).
   */
  id: string;
  /** Canonical name, for person and organisation. */
  entity?: string;
  coverage: Coverage[];
  /** 0..1, overall match strength. */
  score: number;
}

/** A corpus sentence the matcher points at, before excerpts are resolved against the full index. */
export interface CoverageRef {
  article: string;
  sentence: number;
  relation: Relation;
  score: number;
  /** For "differs": the conflicting values side by side (optional); the first of `differences`. */
  values?: ValueDifference;
  /** How this article differs (the kind of `values`; see DifferenceKind). */
  kind?: DifferenceKind;
  /** Every difference found, main one first, when there is more than one. */
  differences?: ValueDifference[];
}

/**
 * What the matcher returns from the compact data alone (the content script has no full index).
 * `buildDetection` in src/core/index/evidence turns it into a Detection using the full index.
 */
export interface Match {
  kind: DetectionKind;
  text: string;
  start: number;
  end: number;
  id: string;
  score: number;
  refs: CoverageRef[];
  /**
   * Claims only: the corpus article whose claim this sentence restates key for key (a copy, not
   * coverage); the marking policy (core/match/select) takes a page that restates one article
   * several times for that article itself.
   */
  restates?: string;
}
