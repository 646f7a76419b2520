/**
 * How a corpus's matcher shard is stored (database layout 3); validate-stored.ts reads it back.
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
