/**
 * Working types passed between the pipeline steps. They are internal: the published shape is
 * `CorpusIndex` in src/core/index/types.ts, assembled by 09-index.
 */
import type { ArticleRecord, EntityKind, Span } from '../index/types';
import type { TextToken } from '../lang/token-flags';

/** One input article as given to `analyseCorpus`. */
export interface ArticleInput {
  id: string;
  text: string;
  meta?: Partial<{ outlet: string; headline: string; date: string; url: string }>;
}

/**
 * A word or punctuation token (whitespace is dropped; adjacency is seen from offsets). Its `norm`
 * is `normalize(text)` with a trailing possessive ('s or ') removed.
 */
export interface Token extends TextToken {
  /** The token carried a possessive ending ("Okafor's", "Workers'"). */
  isPossessive: boolean;
  sentence: number;
}

/** A quoted region: one or more segments (several paragraphs, or a quote split by a stray mark). */
export interface QuotedRegion {
  segments: Span[];
}

/** One article while it goes through the pipeline: the record it becomes, plus working state. */
export interface ArticleDraft extends ArticleRecord {
  /** Offset where the body starts (after the headline paragraph). */
  bodyStart: number;
  tokens: Token[];
  /** Index of the first token of each sentence (tokens are in text order). */
  sentenceTokenStart: number[];
  quoted: QuotedRegion[];
  /** Sorted, non-overlapping quoted spans, for "is this offset inside a quote" checks. */
  quotedSpans: Span[];
}

/** An entity while the pipeline builds it. */
export interface EntityDraft {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
}

/** One resolved mention of an entity in an article. */
export interface MentionDraft {
  entity: string;
  start: number;
  end: number;
  sentence: number;
  surface: string;
  /** Index of the first and one past the last token of the mention. */
  tokenStart: number;
  tokenEnd: number;
  isPossessive: boolean;
}

/** Output of the entity step. */
export interface EntityResult {
  entities: EntityDraft[];
  ambiguous: { alias: string; entities: string[] }[];
  /** Per article id: mentions in text order. */
  mentions: Map<string, MentionDraft[]>;
  /** Lower-cased (normalised) place names known to the corpus, as token arrays joined by " ". */
  places: Set<string>;
}

/** True when `offset` lies inside one of the sorted spans (binary search). */
export function isInside(spans: Span[], offset: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid];
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Index of the sentence containing `offset` (binary search; -1 when between sentences). */
export function sentenceAt(sentences: Span[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid];
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

const kindsCache = new WeakMap<readonly EntityDraft[], Map<string, EntityKind>>();

/**
 * Entity id → kind for an entity list, built once per list: the per-article steps ask for it for
 * every article, and rebuilding it each time made them grow with articles × entities.
 */
export function entityKinds(entities: readonly EntityDraft[]): Map<string, EntityKind> {
  let kinds = kindsCache.get(entities);
  if (!kinds) kindsCache.set(entities, (kinds = new Map(entities.map((e) => [e.id, e.kind]))));
  return kinds;
}
