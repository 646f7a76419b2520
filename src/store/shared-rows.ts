/**
 * Rows a generation shares with the generation it replaced (database layout 6). An add changes few
 * of a corpus's records and card records (adding 10 generated articles to 5,000: the mentions,
 * quotes or claims of about 30 held articles, a few dozen entities, 17 of 122,508 claim groups),
 * yet writing every record row and card row again was most of an add's install. So record rows and
 * card rows are cut where their content says (contentBoundary: after a record whose key hashes to
 * 0 modulo the row's average size), not by position: an inserted or changed record changes its own
 * row, and the rows around it come out the same as before. Each row is known by a hash of its
 * JSON text (rowHash); a row whose hash the replaced generation lists is not written, the new generation's
 * manifest names it where it is (under the older data key). What is shared is never written again:
 * rows are only added under a new data key, and removing an older generation leaves the rows a
 * live one lists (corpus-store.ts removeRows), so an interrupted add leaves the corpus as it was.
 * A row of card records is also known by its cards (cardsKey): an add given the code the replaced
 * generation's rows were written by builds only the rows holding a card whose inputs it changed, and
 * takes the others as they are, unbuilt (corpus-store.ts GenerationRows.placeDeferred).
 */
import { digest, hashText } from '../core/match/symbols';

/** Where one row of a generation is: its content hash, the data key it is stored under and its number there. */
export interface RowRef {
  hash: string;
  from: string;
  n: number;
  /**
   * Of a row of card records: cardsKey of its cards (absent when its install was given no code).
   * A row with the same cards, all of whose inputs are unchanged, is the same row (corpus-store.ts).
   */
  cards?: string;
}

/**
 * What a row of card records is known by before it is built: a digest of the code that builds
 * cards (`code`: an install's InstallOptions.code) and the row's card keys, in order. Equal keys
 * under equal code, with every card's inputs unchanged, give an equal row; another build of the
 * code gives another key, so its rows are built again.
 */
export function cardsKey(code: string, keys: readonly string[]): string {
  return digest(`${code}\n${keys.join('\n')}`);
}

/** A row of records ends after a record whose key hashes to 0 modulo `average`, or at `max` records. */
export function contentBoundary(key: string, average: number): boolean {
  return hashText(key) % average === 0;
}

/**
 * Rows at most this many times their average: content boundaries give rows of varied length (about
 * geometric), and a long run without one is cut here (the rows after it come out the same again
 * from the next content boundary on).
 */
export const MAX_ROW_FACTOR = 4;

/**
 * A row's content key: the digest (core/match/symbols digest, 128 bits) of its records' JSON text.
 * JSON text because a record's fields come in the order they were made, so equal records give equal
 * texts. Hashed as a string, not as bytes: at 5,000 generated articles (135 M characters of record
 * rows, Node, CPU s, under load) the text took 0.7-0.9 to make, where encoding it as UTF-8 (0.96)
 * and SHA-256 through crypto.subtle (1.30) cost more than the structured clone of the rows they
 * spared (1.29).
 */
export async function rowHash(records: readonly unknown[]): Promise<string> {
  return digest(JSON.stringify(records));
}

/** The data keys other than `own` whose rows `refs` name. */
export function sharedKeys(refs: Iterable<RowRef>, own: string): string[] {
  const keys = new Set<string>();
  for (const r of refs) if (r.from !== own) keys.add(r.from);
  return [...keys];
}
