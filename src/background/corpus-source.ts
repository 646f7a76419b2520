/**
 * The contract between the matching side and wherever corpora live (the bundled build output today,
 * the IndexedDB corpus store next). The matching side asks only for the corpora the reader has
 * switched on; each one matches page text and builds card details from its own records.
 */
import type { CardDetails, SentenceExcerpt } from '../core/index/details';
import type { DetectionKind, Match } from '../core/index/types';
import type { ScanOptions } from '../core/match';

/** One corpus, ready to match page text against and to build card details from. */
export interface LoadedCorpus {
  /** Stable id of the corpus (the bundled one and each of the reader's). */
  id: string;
  /** The name the reader sees on cards and in the popup. */
  name: string;
  /** Every match in one block of page text; UTF-16 offsets into `text`. May load data lazily. */
  match(text: string, options?: ScanOptions): Promise<Match[]>;
  /**
   * While the corpus is still loading: the people and organisations in one block (of the kinds
   * asked for), from the part of it that loads first, exactly as `match` will find them; null once
   * `match` answers without waiting (or when this corpus cannot answer early). Optional: a corpus
   * that loads whole at once has none.
   */
  early?(text: string, options?: ScanOptions): Promise<Match[] | null>;
  /**
   * `match` over every text of a batch, with one wait for the corpus instead of one per text (a
   * page's batch is up to hundreds of blocks). Optional: the matching side calls `match` per text
   * without it.
   */
  matchAll?(texts: readonly string[], options?: ScanOptions): Promise<Match[][]>;
  /** `early` over every text of a batch (null for all of them or none), as `matchAll` is to `match`. */
  earlyAll?(texts: readonly string[], options?: ScanOptions): Promise<Match[][] | null>;
  /** Card details for one record of this corpus, or null when it has no such record. */
  details(kind: DetectionKind, id: string): Promise<CardDetails | null>;
  /** Short texts of sentences of this corpus's articles (core/index/details sentenceExcerpts); optional: without it a card shows none. */
  excerpts?(sentences: readonly { article: string; sentence: number }[]): Promise<SentenceExcerpt[]>;
}

/** Where the matching side finds its corpora. */
export interface CorpusSource {
  /** The corpora the reader has switched on, in the order they are listed; a broken one is left out. */
  active(): Promise<LoadedCorpus[]>;
}
