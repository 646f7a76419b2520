/**
 * How a corpus's matcher shard is stored (database layout 3), and read back validated.
 *
 * The MatcherData goes in as the UTF-8 bytes of its JSON text, not as a tree of objects, and the
 * quote bigram index the matcher would otherwise build at every start goes in ready-made as typed
 * arrays. Why, measured in Node at 5,000 generated articles (a 19 MB shard: 83,646 claims, 35,491
 * quotes, ~1 million claim keys and ~1 million quote words; scripts/measure-matching-side.ts):
 * structured clone, which is what IndexedDB does to a row, deserialised the tree of millions of
 * small arrays in ~550–600 ms of CPU; bytes clone as one copy (a few ms), and decoding and
 * JSON.parse read them in ~300 ms. The bigram index (7.5 MB) took ~130 ms to build. Bytes rather
 * than a string: the JSON of a corpus with any character beyond Latin-1 is a two-byte string, which
 * the engine stores at twice the size.
 */
import { quoteBigrams, type QuoteBigrams } from '../core/match/quotes';
import type { MatcherData } from '../core/match/data';
import { MATCHER_RECORD, StoredRecordError, validateMatcherCore, validateQuoteBigrams } from './validate-stored';

/** The stored form of one matcher shard (the key fields of its row aside). */
export interface PackedMatcher {
  /** The MatcherData as the UTF-8 bytes of its JSON text. */
  json: Uint8Array;
  /** The quote bigram index of its quotes, with the words' count + 1 as stride; absent in a shard migrated from layout 2 (then built at load). */
  quoteBigrams?: QuoteBigrams;
}

/** A matcher shard read back and validated: its data and, when stored, its quote bigram index. */
export interface StoredMatcher {
  data: MatcherData;
  quoteBigrams?: QuoteBigrams;
}

/** The stored form of matcher data. */
export function packMatcher(data: MatcherData): PackedMatcher {
  return { json: new TextEncoder().encode(JSON.stringify(data)), quoteBigrams: quoteBigrams(data.quotes, data.words.length + 1) };
}

/**
 * The matcher shard of a stored row, validated. Bad data throws a StoredRecordError naming the
 * field (the store marks the corpus broken with it).
 */
export function unpackMatcher(row: { json?: unknown; quoteBigrams?: unknown }): StoredMatcher {
  if (!(row.json instanceof Uint8Array)) throw new StoredRecordError(MATCHER_RECORD, 'json', 'expected the bytes of JSON text (a Uint8Array)');
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(row.json));
  } catch (error) {
    throw new StoredRecordError(MATCHER_RECORD, 'json', `not UTF-8 JSON text (${error instanceof Error ? error.message : String(error)})`);
  }
  const data = validateMatcherCore(parsed);
  if (row.quoteBigrams === undefined) return { data };
  return { data, quoteBigrams: validateQuoteBigrams(row.quoteBigrams, data.quotes.length, data.words.length + 1) };
}
