/**
 * How a corpus's matcher shard is stored (database layout 3), and read back validated.
 *
 * The MatcherData goes in as JSON text, not as a tree of objects, and the quote bigram index the
 * matcher would otherwise build at every start goes in ready-made as typed arrays. Why, measured in
 * Node at 5,000 generated articles (a 19 MB shard: 83,646 claims, 35,491 quotes, ~1 million claim
 * keys and quote words; scripts/measure-matching-side.ts): structured clone, which is what IndexedDB
 * does to a row, deserialised the tree of millions of small arrays in ~550–600 ms of CPU, while a
 * string deserialises as one copy (~55 ms) and JSON.parse reads it in ~300 ms; typed arrays clone as
 * one copy each, and the bigram index they hold took ~130 ms to build. The text keeps only ASCII
 * (other characters as \u escapes) so the engine stores it one byte a character.
 */
import { quoteBigrams, type QuoteBigrams } from '../core/match/quotes';
import type { MatcherData } from '../core/match/data';
import { MATCHER_RECORD, StoredRecordError, validateMatcherCore, validateQuoteBigrams } from './validate-stored';

/** The stored form of one matcher shard (the key fields of its row aside). */
export interface PackedMatcher {
  /** The MatcherData as JSON, non-ASCII characters escaped. */
  json: string;
  /** The quote bigram index of its quotes, with the words' count + 1 as stride; absent in a shard migrated from layout 2 (then built at load). */
  quoteBigrams?: QuoteBigrams;
}

/** A matcher shard read back and validated: its data and, when stored, its quote bigram index. */
export interface StoredMatcher {
  data: MatcherData;
  quoteBigrams?: QuoteBigrams;
}

const NON_ASCII = /[\u0080-\uffff]/g;

/** JSON text of `value` with every non-ASCII UTF-16 unit written as a \u escape (JSON.parse gives back the same strings). */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(NON_ASCII, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The stored form of freshly compiled matcher data. */
export function packMatcher(data: MatcherData): PackedMatcher {
  return { json: asciiJson(data), quoteBigrams: quoteBigrams(data.quotes, data.words.length + 1) };
}

/**
 * The matcher shard of a stored row, validated. Bad data throws a StoredRecordError naming the
 * field (the store marks the corpus broken with it).
 */
export function unpackMatcher(row: { json?: unknown; quoteBigrams?: unknown }): StoredMatcher {
  if (typeof row.json !== 'string') throw new StoredRecordError(MATCHER_RECORD, 'json', 'expected a string');
  let parsed: unknown;
  try {
    parsed = JSON.parse(row.json);
  } catch (error) {
    throw new StoredRecordError(MATCHER_RECORD, 'json', `not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const data = validateMatcherCore(parsed);
  if (row.quoteBigrams === undefined) return { data };
  return { data, quoteBigrams: validateQuoteBigrams(row.quoteBigrams, data.quotes.length, data.words.length + 1) };
}
