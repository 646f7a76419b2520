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

/**
 * Whether two values give the same JSON text, tested without making it: the same primitive (===),
 * or plain objects with the same keys in the same order, or arrays of the same length, whose values
 * are so in turn. Stricter than equal texts (NaN, an object of another prototype, or a key
 * whose value is undefined on one side only gives false), never looser: a row of records this
 * calls the same as a kept row (KeptRow) has that row's hash. Over the claim rows of 5,000
 * generated articles (443 rows, 59 M characters of JSON; Node CPU s, load 7, three rounds):
 * making and hashing the texts 0.50-0.53, freezing the rows read (freezeThrough) 0.064-0.067 and
 * comparing new records that share the kept lists, as the drafts' do, 0.08-0.09 (0.15 apart).
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || a === null) return a === b;
  // One object on both sides is the same only frozen (freezeThrough): else it may have changed since the row was read.
  if (a === b) return Object.isFrozen(a);
  if (typeof b !== 'object' || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b) || Object.getPrototypeOf(a) !== Object.prototype || Object.getPrototypeOf(b) !== Object.prototype) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    if (ka[i] !== kb[i] || !sameJson((a as Record<string, unknown>)[ka[i]], (b as Record<string, unknown>)[kb[i]])) return false;
  }
  return true;
}

/**
 * A record row of the replaced generation held in memory (read for the analysis state's drafts,
 * store/analysis-state.ts), frozen through as it was read: its records are what was stored, so
 * what its manifest's hash is of. An install given it (InstallOptions.keptRows) takes a row of
 * its own whose records are sameJson those as that row, unhashed.
 */
export interface KeptRow {
  from: string;
  coll: string;
  n: number;
  records: readonly unknown[];
}

/**
 * Freezes `value` and the plain objects and arrays in it, children first, so nothing can change a
 * kept row: changing it throws. One holding anything else (a typed array, a Map) is left unfrozen,
 * as that is, and sameJson never calls them the same. A frozen object is so frozen through (the
 * rows given are fresh from the database, none frozen before). Returns whether `value` is frozen through.
 */
export function freezeThrough(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return true;
  let all = true;
  // Primitives tested in place (most of a record's values are strings): a call each cost more than the freezing.
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (typeof v === 'object' && v !== null) all = freezeThrough(v) && all;
    }
  } else {
    if (Object.getPrototypeOf(value) !== Object.prototype) return false;
    for (const k in value) {
      const v = (value as Record<string, unknown>)[k];
      if (typeof v === 'object' && v !== null) all = freezeThrough(v) && all;
    }
  }
  if (all) Object.freeze(value);
  return all;
}

/** The data keys other than `own` whose rows `refs` name. */
export function sharedKeys(refs: Iterable<RowRef>, own: string): string[] {
  const keys = new Set<string>();
  for (const r of refs) if (r.from !== own) keys.add(r.from);
  return [...keys];
}
