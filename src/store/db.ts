/**
 * The corpus database: its object stores, row shapes and the upgrade path between layouts.
 *
 * Every data row is keyed first by a corpus's `data` key (not its id): an install writes a new
 * generation under a fresh data key and the final transaction points the corpus at it, so readers
 * never see a half-written corpus and replacing one (the bundled corpus on update) is atomic.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { buildCardDetails, type CardRecord } from '../core/index/card-details';
import { buildDetails, type CardDetails } from '../core/index/details';
import type { StoredTokens } from '../core/analysis/stored-tokens';
import type { ArticleRecord, CorpusIndex, DetectionKind } from '../core/index/types';
import type { MatcherData } from '../core/match/data';
import { quoteBigrams } from '../core/match/quotes';
import { hashText } from '../core/match/symbols';
import { CORE_PART, packMatcher, type PackedMatcher } from './matcher-row';
import type { RowRef } from './shared-rows';
import type { CorpusSummary } from '../shared/protocol';

/** Default database name (tests pass their own). */
export const DB_NAME = 'coverage-lens-corpora';

/**
 * Layout version. 1: corpora, articles, full records, matcher data (card details were built from the
 * full records at look-up time). 2: adds `details`, one precomputed card record per entity, claim
 * group and quote group, so a card reads one row instead of the corpus's records. 3: a matcher
 * row holds its MatcherData as the UTF-8 bytes of its JSON text and its quote bigram index prebuilt (matcher-row.ts: a
 * cold matching side reads and builds it several times faster). 4: the MatcherData is split into
 * parts, rows of their own: `core` (what matching names needs, listing the others), `meta`, then
 * bounded parts of claims and of quotes (matcher-row.ts: a cold matching side answers names from
 * `core` while the rest loads). 5: adds `state`, the analysis state an add reuses, kept beside the
 * generation it was made with (analysis-state.ts). 6: record rows and card rows are cut where their
 * content says and may be shared with the generation replaced (shared-rows.ts): a generation's
 * `#rows` manifest row in `records` and in `details` says where each of its rows is, a directory
 * row names the data keys of the card rows it points into, and CorpusMeta.rowsFrom lists the keys
 * shared. A generation of an older layout has no manifest: its rows are all its own, read as before.
 */
export const DB_VERSION = 6;

/** The collections of a CorpusIndex kept in the `records` store (articles have their own store). */
export const RECORD_COLLECTIONS = ['entities', 'ambiguous', 'quotes', 'quoteGroups', 'claims', 'claimGroups'] as const;

/** One of RECORD_COLLECTIONS. */
export type RecordCollection = (typeof RECORD_COLLECTIONS)[number];

/** A stored corpus's metadata row. */
export interface CorpusMeta extends CorpusSummary {
  /** Data key of the generation readers use. */
  data: string;
  /** Data key of a generation being written over this corpus (an update), until it is flipped in. */
  pending?: string;
  /**
   * Data keys of generations this corpus replaced whose rows are still to be removed: an install
   * flips the new generation in first and removes the old one's rows after (recover() does, if that
   * was interrupted). No reader reads them.
   */
  retired?: string[];
  /**
   * Data keys of earlier generations whose article rows are articles of `data` too: an add writes
   * the rows of the articles it adds only, since an article's row never changes once written (its
   * record and kept tokens are its own text's), and shares the rest with the generation it
   * replaces. Those rows stay while a generation that reads them is live (removing a retired
   * generation leaves them); absent when every article row is under `data`.
   */
  articlesFrom?: string[];
  /**
   * Data keys of earlier generations whose record rows or card rows `data` reads too (its manifests
   * name which: RecordManifestRow, DetailsManifestRow). Removing one of those generations leaves
   * the rows listed; absent when every row is under `data`.
   */
  rowsFrom?: string[];
  /** For the bundled corpus: the extension version that installed it. */
  sourceVersion?: string;
  /**
   * How many DetailsBucketRows the `data` generation's card records are spread over; absent for a
   * generation written with one DetailsRow per card record (before buckets), or with a directory.
   */
  detailsBuckets?: number;
  /**
   * How many DetailsDirectoryRows list the `data` generation's card records (kept in
   * DetailsRecordRows); absent for a generation written before the directory.
   */
  detailsDirectory?: number;
}

/** One article of one generation; `n` keeps the index's order. */
export interface ArticleRow {
  data: string;
  n: number;
  id: string;
  record: ArticleRecord;
  /**
   * The article's tokens as the analysis kept them (stored-tokens.ts), when it did: an add reads
   * them instead of segmenting the article again. Derived from the record alone, so a row without
   * them (stored before, or from a corpus file) or with a damaged copy loses nothing: the add
   * segments that article again.
   */
  tokens?: StoredTokens;
}

/**
 * Full records (entities, quotes, claims, groups, ambiguous aliases) of one collection of one
 * generation, RECORDS_PER_ROW at a time, in index order: they are read whole (export, migrations),
 * never one by one (cards read `details`), and writing them one row each cost most of an install.
 */
export interface RecordRow {
  data: string;
  coll: RecordCollection;
  /** Chunk number within the collection. */
  n: number;
  records: unknown[];
}

/**
 * Records per RecordRow. Measured in Chromium on a 500-article generated corpus (~19,000 records),
 * one row per record took 3.5 s of a 14 s install; a few hundred per row keeps each row well under a
 * megabyte while the per-row cost of IndexedDB all but disappears.
 */
export const RECORDS_PER_ROW = 256;

/**
 * Records per RecordRow on average, by collection, where rows are cut by content (shared-rows.ts):
 * RECORDS_PER_ROW, but for entities, whose records list every article covering them (about 5 KB on
 * average at 5,000 generated articles, so 256 to a row were 1.3 MB and an add that covers a hundred
 * of them changed every entity row).
 */
export const RECORDS_PER_ROW_OF: Readonly<Record<RecordCollection, number>> = { entities: 16, ambiguous: RECORDS_PER_ROW, quotes: RECORDS_PER_ROW, quoteGroups: RECORDS_PER_ROW, claims: RECORDS_PER_ROW, claimGroups: RECORDS_PER_ROW };

/** The `coll` (in `records`) and `kind` (in `details`) of a generation's manifest row: not a collection nor a card kind. */
export const MANIFEST = '#rows';

/** Where a generation's record rows are, in index order (each collection's in order, collections in RECORD_COLLECTIONS order). */
export interface RecordManifestRow {
  data: string;
  coll: typeof MANIFEST;
  n: 0;
  refs: (RowRef & { coll: RecordCollection })[];
}

/** Where a generation's card record rows are, by their number in its directory (DetailsDirectoryRow.rows, before `source`). */
export interface DetailsManifestRow {
  data: string;
  kind: typeof MANIFEST;
  id: '0';
  refs: RowRef[];
}

/** The card record of one entity, claim group or quote group. */
export interface DetailsRow {
  data: string;
  kind: DetectionKind;
  id: string;
  details: CardDetails;
}

/**
 * The `kind` of a DetailsBucketRow: not a DetectionKind, so a bucket row and a one-record row never
 * share a key.
 */
export const DETAILS_BUCKET_KIND = '#bucket';

/**
 * Card records per DetailsBucketRow, on average. Written one row each, the card records of a
 * 5,000-article generated corpus (105,186 rows, 181 MB as JSON) took 14.0 s of browser CPU to put in
 * Chromium; 32 to a row (3,288 rows), 2.6 s: the cost is per row, not per byte. A card then reads its
 * bucket (about 32 records, ~55 KB) instead of one record.
 */
export const DETAILS_PER_BUCKET = 32;

/**
 * The card records of one generation whose key falls in bucket `id` (detailsBucket), in index order:
 * a card reads the one bucket its record is in. The layout of generations written before the
 * directory (DetailsRecordRow); their records are whole (an entity that every article covers: 1.78 MB
 * at 5,000 generated articles), and a card cuts them when it reads them (src/background/card-reply.ts).
 * detailsBucketRows writes this layout with cut records (tests of reading it).
 */
export interface DetailsBucketRow {
  data: string;
  kind: typeof DETAILS_BUCKET_KIND;
  /** The bucket number, as a string (the store's key path is shared with DetailsRow). */
  id: string;
  records: CardRecord[];
}

/** How many buckets a generation with `records` card records gets (at least one). */
export function detailsBucketCount(records: number): number {
  return Math.max(1, Math.ceil(records / DETAILS_PER_BUCKET));
}

/** The bucket of one card record: FNV-1a (32-bit) of "kind:id", modulo the generation's bucket count. */
export function detailsBucket(kind: DetectionKind, id: string, buckets: number): number {
  return hashText(detailsKey(kind, id)) % buckets;
}

/**
 * The `kind` of a DetailsRecordRow: card records in the order an install built them,
 * DETAILS_PER_BUCKET to a row. Built and written as a corpus file's records pass (entities' once the
 * quotes are read, each group's as it is read), so an install never holds every card record's input
 * at once; a card finds its row through the directory.
 */
export const DETAILS_ROW_KIND = '#row';

/** The `kind` of a DetailsDirectoryRow. */
export const DETAILS_DIRECTORY_KIND = '#dir';

/**
 * Directory entries per DetailsDirectoryRow, on average: a row of 1,024 keys (~30 KB) is read with a
 * card's record row, and a 20,000-article generated corpus (~420,000 card records) takes ~410 rows.
 */
export const DIRECTORY_KEYS_PER_ROW = 1024;

/** Card records (cut to what a card shows) of one generation, in build order; `id` is the row number. */
export interface DetailsRecordRow {
  data: string;
  kind: typeof DETAILS_ROW_KIND;
  id: string;
  records: CardRecord[];
}

/**
 * Where the card records whose key ("kind:id", detailsKey) hashes to directory row `id` are: `keys[i]`
 * is in DetailsRecordRow `rows[i]`, under the data key `sources[source[i]]` (layout 6: a row shared
 * with an earlier generation), or the directory's own when `source` is absent.
 */
export interface DetailsDirectoryRow {
  data: string;
  kind: typeof DETAILS_DIRECTORY_KIND;
  id: string;
  keys: string[];
  rows: number[];
  sources?: string[];
  source?: number[];
}

/** The key a card record is listed under in the directory. */
export function detailsKey(kind: DetectionKind, id: string): string {
  return `${kind}:${id}`;
}

/** How many directory rows a generation with `records` card records gets (at least one). */
export function directoryRowCount(records: number): number {
  return Math.max(1, Math.ceil(records / DIRECTORY_KEYS_PER_ROW));
}

/** How many record rows and directory rows `records` card records take. */
export function detailsRowCount(records: number): number {
  return Math.ceil(records / DETAILS_PER_BUCKET) + directoryRowCount(records);
}

/** The directory row of a card record's key: FNV-1a (32-bit) of the key, modulo the row count. */
export function directoryRow(key: string, rows: number): number {
  return hashText(key) % rows;
}

/** A part of matcher data in its stored form (matcher-row.ts); "core" is the part every scan needs. */
export interface MatcherRow extends PackedMatcher {
  data: string;
  shard: string;
}

/**
 * One row of a generation's analysis state (analysis-state.ts): `part` names the field it holds
 * (or "#head", the row saying which state this is), `n` the row's number within it.
 */
export interface StateRow {
  data: string;
  part: string;
  n: number;
  kind: 'head' | 'object' | 'map' | 'set' | 'array' | 'value';
  /** A map's entries, a set's values or an array's items (a bounded run of them). */
  items?: unknown[];
  /** An object's fields, each in rows of its own. */
  keys?: string[];
  /** A value kept whole (the head's description, or a field that is not cut). */
  value?: unknown;
}

/** The database schema, for idb's typing. */
export interface CorpusDb extends DBSchema {
  corpora: { key: string; value: CorpusMeta };
  articles: { key: [string, number]; value: ArticleRow; indexes: { id: [string, string] } };
  records: { key: [string, string, number]; value: RecordRow | RecordManifestRow };
  details: { key: [string, string, string]; value: DetailsRow | DetailsBucketRow | DetailsRecordRow | DetailsDirectoryRow | DetailsManifestRow };
  matcher: { key: [string, string]; value: MatcherRow };
  state: { key: [string, string, number]; value: StateRow };
}

/** Stores whose rows belong to one generation (keyed by data key first). */
export const DATA_STORES = ['articles', 'records', 'details', 'matcher', 'state'] as const satisfies readonly StoreNames<CorpusDb>[];

/** The part every scan needs (it lists the others). */
export const CORE_SHARD = CORE_PART;

/** Every key of one generation in any data store: [data] sorts before [data, x], and [data, []] after it. */
export function generationRange(data: string): IDBKeyRange {
  return IDBKeyRange.bound([data], [data, []]);
}

type UpgradeTx = IDBPTransaction<CorpusDb, StoreNames<CorpusDb>[], 'versionchange'>;

/** One step of the upgrade path per version: steps[v - 1] takes a database from v - 1 to v. */
const steps: ((db: IDBPDatabase<CorpusDb>, tx: UpgradeTx) => Promise<void>)[] = [
  async (db) => {
    db.createObjectStore('corpora', { keyPath: 'id' });
    db.createObjectStore('articles', { keyPath: ['data', 'n'] }).createIndex('id', ['data', 'id'], { unique: true });
    db.createObjectStore('records', { keyPath: ['data', 'coll', 'n'] });
    db.createObjectStore('matcher', { keyPath: ['data', 'shard'] });
  },
  async (db, tx) => {
    db.createObjectStore('details', { keyPath: ['data', 'kind', 'id'] });
    // Card details for the corpora version 1 stored, built from their full records in this same
    // transaction so a failed upgrade leaves version 1 as it was.
    for (const meta of await tx.objectStore('corpora').getAll()) {
      for (const data of [meta.data, meta.pending]) {
        if (typeof data !== 'string') continue;
        const index = await readGeneration(tx, data, meta.schemaVersion);
        let rows: DetailsRow[];
        try {
          rows = detailsRows(index, data);
        } catch (error) {
          // One corpus's bad records must not stop the database from opening for the others.
          const why = error instanceof Error ? error.message : String(error);
          if (data === meta.data) await tx.objectStore('corpora').put({ ...meta, status: 'broken', reason: `Corpus "${meta.name}" (${meta.id}) is broken: its card records could not be built from its records: ${why}` });
          continue;
        }
        for (const row of rows) await tx.objectStore('details').put(row);
      }
    }
  },
  async (_db, tx) => {
    // Matcher rows to the packed form, one at a time (a row of a large corpus is tens of MB). A row
    // whose data cannot be packed is left as it was: reading it then breaks that corpus, naming
    // the field, and no other.
    const rows = tx.objectStore('matcher');
    for (let cursor = await rows.openCursor(); cursor; cursor = await cursor.continue()) {
      const old = cursor.value as unknown as { data: string; shard: string; matcher?: unknown };
      let packed: PackedMatcher;
      try {
        packed = packLayout3(old.matcher as MatcherData);
      } catch {
        continue;
      }
      await cursor.update({ data: old.data, shard: old.shard, ...packed });
    }
  },
  async (_db, tx) => {
    // Each generation's one matcher row to its parts (matcher-row.ts). The rows are collected
    // first (a cursor cannot be moved while its store is written), then split one at a time. A row
    // that cannot be split is left as it was: reading it then rebuilds the matcher from the
    // corpus's full records (corpus-store.ts), or breaks that corpus naming why, and no other.
    const rows = tx.objectStore('matcher');
    const keys = (await rows.getAllKeys()).filter((k) => k[1] === CORE_PART);
    for (const key of keys) {
      const old = (await rows.get(key)) as unknown as { data: string; json?: unknown };
      let parts: ReturnType<typeof packMatcher>;
      try {
        parts = packMatcher(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(old.json as Uint8Array)) as MatcherData);
      } catch {
        continue;
      }
      for (const part of parts) await rows.put({ data: old.data, ...part });
    }
  },
  async (db) => {
    // No generation has a state yet: its first add analyses in full and keeps one.
    db.createObjectStore('state', { keyPath: ['data', 'part', 'n'] });
  },
  async () => {
    // Nothing to move: a generation without manifests has every row its own, and is read so.
  },
];

/** Layout 3's matcher row: the whole MatcherData as the UTF-8 bytes of its JSON text, with its quote bigram index. */
function packLayout3(data: MatcherData): PackedMatcher {
  return { json: new TextEncoder().encode(JSON.stringify(data)), quoteBigrams: quoteBigrams(data.quotes, data.words.length + 1) };
}

/** Opens (creating or upgrading) the corpus database. */
export function openCorpusDb(name: string = DB_NAME, version: number = DB_VERSION): Promise<IDBPDatabase<CorpusDb>> {
  if (version < 1 || version > steps.length) throw new Error(`corpus database version ${version} is not one this code knows (1–${steps.length})`);
  return openDB<CorpusDb>(name, version, {
    async upgrade(db, oldVersion, newVersion, tx) {
      for (let v = oldVersion + 1; v <= (newVersion ?? version); v++) await steps[v - 1](db, tx);
    },
    blocking(_current, _blocked, event) {
      // Another context wants a newer layout: let it have the database.
      (event.target as IDBDatabase).close();
    },
  });
}

type ReadTx = Pick<UpgradeTx, 'objectStore'> | IDBPTransaction<CorpusDb, ('articles' | 'records')[], 'readonly' | 'readwrite'>;

/** The data keys whose article rows hold a generation's articles: those it shares (CorpusMeta.articlesFrom), then its own. */
export function articleGenerations(meta: Pick<CorpusMeta, 'data' | 'articlesFrom'>): string[] {
  return [...(meta.articlesFrom ?? []), meta.data];
}

/**
 * The article rows under `keys` (articleGenerations), in the index's order: each key's rows come
 * in their order, and rows of several keys are merged by article id, the order the analysis gives
 * (code-unit order, as its sort).
 */
export async function readArticleRows(tx: ReadTx | IDBPTransaction<CorpusDb, ['articles'], 'readonly'>, keys: readonly string[]): Promise<ArticleRow[]> {
  const rows: ArticleRow[] = [];
  for (const key of keys) rows.push(...(await (tx as UpgradeTx).objectStore('articles').getAll(generationRange(key))));
  if (keys.length > 1) rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return rows;
}

/** Reassembles one generation's full index from its rows (unvalidated: callers validate); `articlesFrom` as CorpusMeta's. */
export async function readGeneration(tx: ReadTx, data: string, schemaVersion: number, articlesFrom: readonly string[] = []): Promise<CorpusIndex> {
  const articles = (await readArticleRows(tx, [...articlesFrom, data])).map((r) => r.record);
  const index: Record<string, unknown> = { schemaVersion, articles };
  for (const coll of RECORD_COLLECTIONS) index[coll] = [];
  for (const row of await readRecordRows(tx, data)) for (const r of row.records) (index[row.coll] as unknown[]).push(r);
  return index as unknown as CorpusIndex;
}

/**
 * The record rows of generation `data` (of collection `coll` only, when given), in index order:
 * where its manifest says (layout 6), or its own rows when it has none (keys sort by collection,
 * then row number).
 */
export async function readRecordRows(tx: ReadTx | IDBPTransaction<CorpusDb, ('state' | 'records')[], 'readonly'>, data: string, coll?: RecordCollection): Promise<RecordRow[]> {
  const store = (tx as UpgradeTx).objectStore('records');
  const manifest = (await store.get([data, MANIFEST, 0])) as Partial<RecordManifestRow> | undefined;
  if (!manifest) {
    const range = coll === undefined ? generationRange(data) : IDBKeyRange.bound([data, coll], [data, coll, []]);
    return (await store.getAll(range)) as RecordRow[];
  }
  if (!Array.isArray(manifest.refs)) throw new Error(`records manifest of ${data}: expected a list of rows`);
  const refs = manifest.refs.filter((r) => coll === undefined || r?.coll === coll);
  const rows = await Promise.all(refs.map((r) => store.get([r.from, r.coll, r.n])));
  return rows.map((row, k) => {
    if (!row || !Array.isArray((row as RecordRow).records)) throw new Error(`records row ${refs[k]!.coll} ${refs[k]!.n} of ${refs[k]!.from}: missing or not a list`);
    return row as RecordRow;
  });
}

/** The card record of every entity, claim group and quote group of an index, as rows. */
export function detailsRows(index: CorpusIndex, data: string): DetailsRow[] {
  const rows: DetailsRow[] = [];
  const add = (kind: DetectionKind, id: string) => {
    const details = buildDetails(index, kind, id);
    if (details) rows.push({ data, kind, id, details });
  };
  for (const e of index.entities) add(e.kind, e.id);
  for (const g of index.claimGroups) add('claim', g.id);
  for (const g of index.quoteGroups) add('quote', g.id);
  return rows;
}

/**
 * The card record (cut to what a card shows) of every entity, claim group and quote group of an
 * index, as bucket rows (empty buckets are not written), and the bucket count the generation's
 * metadata must name.
 */
export function detailsBucketRows(index: CorpusIndex, data: string): { rows: DetailsBucketRow[]; buckets: number } {
  const rows = [...detailsBucketRowsInTurn(index, data, Infinity)].flat();
  return { rows, buckets: detailsBucketCount(index.entities.length + index.claimGroups.length + index.quoteGroups.length) };
}

/**
 * detailsBucketRows' rows (the same rows, in the same order), made `bucketsPerRound` buckets at a
 * time: only one round's card records exist at once (those of a 20,000-article corpus would be
 * several hundred megabytes together).
 */
export function* detailsBucketRowsInTurn(index: CorpusIndex, data: string, bucketsPerRound: number): Generator<DetailsBucketRow[]> {
  const buckets = detailsBucketCount(index.entities.length + index.claimGroups.length + index.quoteGroups.length);
  for (let from = 0; from < buckets; from += bucketsPerRound) {
    const to = Math.min(buckets, from + bucketsPerRound);
    const records: CardRecord[][] = Array.from({ length: to - from }, () => []);
    const add = (kind: DetectionKind, id: string) => {
      const b = detailsBucket(kind, id, buckets);
      if (b < from || b >= to) return;
      const details = buildCardDetails(index, kind, id);
      if (details) records[b - from]!.push(details);
    };
    for (const e of index.entities) add(e.kind, e.id);
    for (const g of index.claimGroups) add('claim', g.id);
    for (const g of index.quoteGroups) add('quote', g.id);
    const rows: DetailsBucketRow[] = [];
    records.forEach((list, b) => {
      if (list.length) rows.push({ data, kind: DETAILS_BUCKET_KIND, id: String(from + b), records: list });
    });
    yield rows;
  }
}

/** How many record rows recordRows makes for an index (without making them). */
export function recordRowCount(index: CorpusIndex): number {
  return RECORD_COLLECTIONS.reduce((sum, coll) => sum + Math.ceil((index[coll] as unknown[]).length / RECORDS_PER_ROW), 0);
}

/** The record rows of one generation of an index. */
export function recordRows(index: CorpusIndex, data: string): RecordRow[] {
  const rows: RecordRow[] = [];
  for (const coll of RECORD_COLLECTIONS) {
    const records = index[coll] as unknown[];
    for (let i = 0; i < records.length; i += RECORDS_PER_ROW) rows.push({ data, coll, n: i / RECORDS_PER_ROW, records: records.slice(i, i + RECORDS_PER_ROW) });
  }
  return rows;
}
