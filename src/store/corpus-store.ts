/**
 * The corpus store: install, list, switch, rename, delete and export corpora, and the validated
 * reads the matching side makes (matcher shard, one card record). One writer at a time; every
 * install is written as a new generation under status "importing" and flipped in by one final
 * transaction, so a reader sees the old corpus or the new one, never half of one.
 */
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import { tokenize } from '../core/analysis/02-segment';
import { storeTokens, type StoredTokens } from '../core/analysis/stored-tokens';
import type { CardRecord } from '../core/index/card-details';
import { lookups, type Lookups } from '../core/index/details';
import { SCHEMA_VERSION, type ArticleRecord, type CorpusIndex, type DetectionKind } from '../core/index/types';
import { validateIndex } from '../core/index/validate';
import { MatcherCompiler, compileMatcherReusing, type ClaimScan, type TextPacker } from '../core/match/compile';
import type { MatcherData } from '../core/match/data';
import type { CorpusOrigin, CorpusSummary } from '../shared/protocol';
import {
  CORE_SHARD,
  DATA_STORES,
  DETAILS_BUCKET_KIND,
  DETAILS_DIRECTORY_KIND,
  DETAILS_ROW_KIND,
  MANIFEST,
  RECORDS_PER_ROW,
  RECORDS_PER_ROW_OF,
  RECORD_COLLECTIONS,
  detailsBucket,
  detailsKey,
  detailsRowCount,
  directoryRow,
  articleGenerations,
  generationRange,
  openCorpusDb,
  readArticleRows,
  readGeneration,
  recordRowCount,
  type CorpusDb,
  type CorpusMeta,
  type DetailsDirectoryRow,
  type DetailsManifestRow,
  type RecordCollection,
  type RecordManifestRow,
} from './db';
import { MAX_ROW_FACTOR, cardsKey, contentBoundary, rowHash, sameJson, sharedKeys, type KeptRow, type RowRef } from './shared-rows';
import { CorporaNotices } from './corpora-notice';
import { CORPUS_SECTIONS, CorpusFileReader, UTF8_TEXTS, type CorpusRecord, type CorpusSection } from './corpus-file-reader';
import { DetailsInput, type DeferredRow } from './details-input';
import { MatcherPartsReader, StoredRecordError, checkMeta, recordError, validateDetails } from './validate-stored';
import { claimInputsPart, matcherPartCount, namesOnly, packMatcher, packMatcherInTurn, readPreviousClaims, type MatcherPart, type StoredMatcher } from './matcher-row';
import { summarise } from './summary';
import { fetchedGazetteer, gazetteerPairs, type GazetteerSource } from './gazetteer-asset';
import type { StateRowOut } from './analysis-state';

/**
 * Rows written per transaction during an install. Bounded so one transaction's pending writes stay
 * a bounded slice of the corpus (500 generated articles are about 10 MB), and large enough that a
 * 20,000-article corpus takes a few hundred transactions, not tens of thousands.
 */
export const ROWS_PER_TRANSACTION = 500;

/**
 * Install transactions open at once (see GenerationRows): one. With two, the rows of one store were
 * written while another store's transaction was still open (records come section by section, then the
 * matcher parts and the card records), and Chromium killed mid-import then found its IndexedDB
 * "corrupted" at the next start and deleted every corpus: the interruptions e2e test lost a finished
 * corpus in 4 of 12 runs with two in flight (1 matcher part a transaction), 0 of 12 with one.
 */
export const TRANSACTIONS_IN_FLIGHT = 1;

/**
 * Matcher parts written per transaction during an install: one. A part is up to ~1 MB of bytes (the
 * last one carries the quote bigram index, 7.5 MB at 5,000 articles); with 4 a transaction and one in
 * flight, the kill test above still lost the database in 1 of 10 runs (with all of them in one
 * transaction and two in flight, 8 of 10).
 */
export const MATCHER_PARTS_PER_TRANSACTION = 1;

/**
 * Rows of card records (DETAILS_PER_BUCKET records each) written per transaction during an install:
 * ~2,000 card records, a few MB at most (cut entity records are up to ~15 KB), held until written.
 */
export const DETAILS_ROWS_PER_TRANSACTION = 64;

/** Rows of the analysis state (analysis-state.ts STATE_ROW_BYTES each, about) written per transaction: about a megabyte. */
export const STATE_ROWS_PER_TRANSACTION = 4;

/** Texts kept as they are (an index installed whole holds them anyway). */
const TEXTS_AS_GIVEN: TextPacker = { pack: (text) => text, unpack: () => '' };

/** Characters of a corpus file's text handed to the reader at a time (installCorpus gets the file as one string). */
const FILE_TEXT_PIECE = 1 << 20;

/** Longest corpus name kept (longer names are cut): a name is a label, not a description. */
export const MAX_NAME_LENGTH = 120;

/**
 * Pauses (ms) between tries to remove what a failed install wrote, when a try fails. Right after a
 * write met the storage quota, removing the rows can meet it too in Firefox (a deletion is a write,
 * and the space of the failed write is not yet given back): in tests/e2e/quota.test.ts the first
 * removal failed every time and the second, after the 100 ms pause, succeeded (3 of 3 runs, 0.21-0.27 s
 * after the first). The longer pauses leave room for a slower machine: about 8 s in all before
 * leaving the rest to recover().
 */
export const DISCARD_RETRY_PAUSES_MS = [100, 250, 500, 1000, 2000, 4000];

/** The id of the corpus built into the extension. */
export const BUNDLED_CORPUS_ID = 'bundled';

/** Storage ran out while writing a corpus; nothing of it was kept. */
export class StorageFullError extends Error {
  override name = 'StorageFullError';
}

/** Tuning of a store. */
export interface StoreOptions {
  /** Rows written per transaction during an install (ROWS_PER_TRANSACTION when omitted). */
  rowsPerTransaction?: number;
  /** Pauses between tries to remove a failed install's rows (DISCARD_RETRY_PAUSES_MS when omitted). */
  discardRetryPausesMs?: readonly number[];
  /** The gazetteer an install's places are related by (the packaged one, fetchedGazetteer(), when omitted). */
  gazetteer?: GazetteerSource;
}

/** How to install a corpus. */
export interface InstallOptions {
  /** Replace this corpus (keeping its name, active switch and creation time) instead of adding one. */
  id?: string;
  name: string;
  origin: CorpusOrigin;
  /** Whether pages are marked from it once ready; true when omitted. Ignored when replacing. */
  active?: boolean;
  /** For the bundled corpus: the extension version it comes with. */
  sourceVersion?: string;
  /** Told after each transaction of the write: rows written so far of `total`. */
  onProgress?: (written: number, total: number) => void;
  /**
   * When replacing a corpus: resolve once the new generation is in, and remove the replaced one's
   * rows after, in this store's write queue (whenIdle() resolves when they are gone), instead of
   * before resolving. Removing a 5,000-article generation took seconds that need not be waited for.
   */
  removeReplacedAfter?: boolean;
  /**
   * Articles' tokens as the analysis kept them (by article id), written beside their records for a
   * later add (ArticleRow.tokens); an article without is segmented from its record (keptTokensOf).
   */
  tokens?: ReadonlyMap<string, StoredTokens>;
  /**
   * When replacing a corpus with more articles (an add): the article rows of the generation replaced,
   * shared rather than written again (CorpusMeta.articlesFrom): the keys they are under
   * (articleGenerations of the corpus as it was read) and the ids of the articles they hold. The
   * install fails, leaving the corpus as it was, when the corpus no longer reads those keys.
   */
  heldArticles?: { from: readonly string[]; ids: ReadonlySet<string> };
  /** The analysis state the index was made with (analysis-state.ts analysisStateRows), kept with this generation for the next add. */
  state?: readonly StateRowOut[];
  /**
   * What build of the code writes the card records (the import worker's bundle, whose file name
   * carries a hash of its content). Kept with each row of card records (shared-rows.ts cardsKey):
   * an add given the same code takes the rows whose cards' inputs it did not change from the
   * generation it replaces without building them (GenerationRows.placeDeferred). Without it every
   * card record is built, and compared by content.
   */
  code?: string;
  /**
   * When replacing a corpus: rows of its records already read and frozen (the claim rows an add
   * reads for its analysis state, analysis-state.ts readAnalysisState). A row of this install whose
   * records are sameJson those of the kept row that starts with the same record, and that the
   * replaced generation's manifest lists, is that row without making and hashing its text
   * (shared-rows.ts KeptRow); the others are hashed as ever. Adding 10 generated articles to
   * 5,010 (add-profile.ts, three alternated pairs, load 1.6-2.5, browser CPU s): the install
   * 10.9-11.0 without, 9.5-10.3 with; the whole add 20.2-21.8 without, 19.6-21.3 with.
   */
  keptRows?: readonly KeptRow[];
  /**
   * The matcher made elsewhere from this install's records (the import worker's matcher worker,
   * which compiles it while this thread writes the other rows), reusing the claims of generation
   * `previous` (undefined: none). Taken when `previous` is the ready generation the install
   * replaces (undefined for a new corpus); else the matcher is compiled here, as without. Its add is
   * given every record as the install passes them (a builder given them beforehand may ignore them).
   */
  matcher?: { previous: string | undefined; builder: MatcherBuilder };
}

/** What makes an install's matcher: every record goes in as it passes (index order), then its stored parts come out. */
export interface MatcherBuilder {
  add<S extends CorpusSection>(section: S, record: CorpusRecord<S>): void;
  /** The parts to store, in the order they are written (packMatcherInTurn's, then the claims' input keys); throws when the compile fails. */
  parts(): AsyncIterable<MatcherPart>;
}

/**
 * The matcher compiled by `compiler` in this thread: its places related by the gazetteer, its
 * parts packed one at a time as they are asked for (packMatcherInTurn).
 */
export function compiledMatcher(compiler: MatcherCompiler, gazetteer: GazetteerSource): MatcherBuilder {
  return {
    add: (section, record) => compiler.add(section, record),
    async *parts() {
      const compiled = compiler.finishParts();
      const pairs = await gazetteerPairs(compiled.data.places, gazetteer);
      if (pairs) compiled.data.placeWithinGazetteer = pairs;
      yield* packMatcherInTurn(compiled.data, compiled);
      // For the next add's compile (matcher-row.ts CLAIM_INPUTS_PART); the matching side never reads it.
      yield claimInputsPart(compiled.claimInputs, compiled.claimScan);
    },
  };
}

/**
 * An article's tokens in their kept form, segmented from its record, for an install not given them
 * (a corpus file, an index made elsewhere): every stored corpus then has them as an imported one
 * does, so its first add need not segment its articles either (about 4 of 5 CPU s of preparing
 * 5,000 held generated articles, Node). Null when they do not fit the kept form (stored-tokens.ts).
 */
function keptTokensOf(article: ArticleRecord): StoredTokens | null {
  const { tokens, sentenceTokenStart } = tokenize(article.text, article.sentences);
  return storeTokens(tokens, sentenceTokenStart);
}

/** Whether two lists of data keys are the same keys in the same order. */
function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((k, i) => k === b[i]);
}


/** Name of the Web Lock an install holds while it writes one generation. */
function installLock(data: string): string {
  return `coverage-lens-install:${data}`;
}

/** The Web Locks API where the context has one (extension pages, workers; not Node). */
function locks(): LockManager | undefined {
  return (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
}

/** Runs `work` holding the install lock of a generation, so recover() elsewhere leaves it alone. */
function holdingInstallLock<T>(data: string, work: () => Promise<T>): Promise<T> {
  const manager = locks();
  return manager ? manager.request(installLock(data), work) : work();
}

/** Generations whose install is still running in some context of the extension. */
async function installsInProgress(): Promise<Set<string>> {
  const held = (await locks()?.query())?.held ?? [];
  return new Set(held.map((lock) => lock.name ?? ''));
}

function isQuotaError(error: unknown): boolean {
  for (let e = error as { name?: unknown; cause?: unknown } | null | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (e.name === 'QuotaExceededError') return true;
  }
  return false;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function cleanName(name: unknown): string {
  if (typeof name !== 'string' || name.trim() === '') throw new Error('a corpus needs a name');
  return name.trim().replace(/\s+/gu, ' ').slice(0, MAX_NAME_LENGTH);
}

function newKey(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${crypto.randomUUID().slice(0, 8)}`;
}

function optionalMeta(raw: CorpusMeta | undefined): CorpusMeta | undefined {
  return raw && checkMeta(raw);
}

/** What the store reports about a corpus (its metadata without storage keys). */
function summaryOf(meta: CorpusMeta): CorpusSummary {
  const { data: _data, pending: _pending, retired: _retired, sourceVersion: _source, detailsBuckets: _buckets, detailsDirectory: _directory, rowsFrom: _rowsFrom, ...summary } = meta;
  return summary;
}

/** A data store of one generation and its row type. */
type DataStore = (typeof DATA_STORES)[number];

/**
 * The rows of one generation being installed, written as records come (articles a row each, the
 * other records RECORDS_PER_ROW to a row), a batch per transaction, TRANSACTIONS_IN_FLIGHT at a
 * time: the rows of a batch are cloned in this thread when they are put, and committed by the
 * browser's storage process, so with two in flight the next batch is cloned while the last is
 * committed. The batches are written with relaxed durability: they count only once the final
 * transaction (default durability, after them in the same log) points the corpus at them, so an
 * interruption loses nothing that was ready. Every record also goes to the matcher compile; `finish`
 * writes the matcher parts and the card records.
 */
class GenerationRows {
  /** Articles seen so far. */
  articles = 0;
  /** Whether every article has been seen (a record of a later section came): `articles` is then the count. */
  articlesComplete = false;
  private readonly inFlight: Promise<void>[] = [];
  private failure: { error: unknown } | null = null;
  private readonly batches = new Map<DataStore, CorpusDb[DataStore]['value'][]>();
  private readonly chunks = new Map<RecordCollection, { n: number; records: unknown[] }>();
  private written = 0;
  private queued = 0;

  /** The card records, built and written as the records pass (or, over a whole index an add reuses rows of, cut then and built at the end). */
  private readonly cards: DetailsInput;
  /** Rows of card records cut but not built (`reuse`), built or taken from the replaced generation by placeDeferred. */
  private readonly deferredRows: DeferredRow[] = [];
  /** With `reuse`: the records of each record row, by its place in recordRefs. */
  private readonly recordRows: { coll: RecordCollection; records: readonly { id?: string }[] }[] = [];
  /** Where each record row is (in index order) once its hash is known: a row of the replaced generation, or one written under `data`. */
  private readonly recordRefs: Promise<RowRef & { coll: RecordCollection }>[] = [];
  /** Where each row of card records is, by its number in the directory DetailsInput makes. */
  private readonly cardRefs: Promise<RowRef>[] = [];
  /** The card directory's rows, written once every card row's place is known. */
  private readonly directory: Omit<DetailsDirectoryRow, 'data'>[] = [];
  /** Rows being hashed (drain waits for them, so they stay a bounded slice too). */
  private hashing: Promise<unknown>[] = [];
  /** A write that started its transaction last: the next starts once it is done (TRANSACTIONS_IN_FLIGHT). */
  private last: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: IDBPDatabase<CorpusDb>,
    private readonly data: string,
    private readonly rowsPerTransaction: number,
    private matcher: MatcherBuilder | null,
    private readonly onProgress: InstallOptions['onProgress'],
    private readonly total: number,
    texts: TextPacker,
    private readonly tokens?: InstallOptions['tokens'],
    private readonly shared?: ReadonlySet<string>,
    private readonly state?: readonly StateRowOut[],
    private readonly previous?: PreviousRows,
    private readonly code?: string,
    private readonly reuse?: Lookups,
    private readonly kept?: ReadonlyMap<string, KeptRow & { ref: RowRef }>,
  ) {
    this.cards = new DetailsInput(
      texts,
      (row, keys) => {
        if (row.kind === DETAILS_DIRECTORY_KIND) this.directory.push(row);
        else this.cardRefs[Number(row.id)] = this.placed(row.records, this.previous?.details.get.bind(this.previous.details), Number(row.id), () => this.put('details', { data: this.data, ...row }, DETAILS_ROWS_PER_TRANSACTION), this.cardsKey(keys));
      },
      reuse && { look: reuse, row: (row) => this.deferredRows.push(row) },
    );
  }

  /** cardsKey of a row of cards with these keys, under this install's code (none without one). */
  private cardsKey(keys: readonly string[]): string | undefined {
    return this.code === undefined ? undefined : cardsKey(this.code, keys);
  }

  /**
   * Where a row goes: hashed first; a row the replaced generation has with the same hash (`known`)
   * is not written, this generation reads that one; else `write` puts it under `data` as row `n`.
   */
  private placed(records: readonly unknown[], known: ((hash: string) => RowRef | undefined) | undefined, n: number, write: () => void, cards?: string): Promise<RowRef> {
    // A row of cards is known by its cards under this install's code (RowRef.cards), not the code that wrote the row found.
    const by = cards === undefined ? {} : { cards };
    const ref = rowHash(records).then((hash): RowRef => {
      const found = known?.(hash);
      if (found) {
        this.saved();
        return { hash: found.hash, from: found.from, n: found.n, ...by };
      }
      write();
      return { hash, from: this.data, n, ...by };
    });
    this.hashing.push(ref.catch(() => undefined));
    return ref;
  }

  /** Counts a row the replaced generation has as saved: the progress total counts it (install's estimate), and it is in the corpus. */
  private saved(): void {
    this.queued++;
    this.written++;
  }

  /** Takes record `n` of `section` (records in index order). */
  add<S extends CorpusSection>(section: S, record: CorpusRecord<S>, n: number): void {
    if (!this.matcher) throw new Error('install: a record after the matcher was written');
    this.matcher.add(section, record);
    this.cards.add(section, record);
    if (section === 'articles') {
      const a = record as CorpusRecord<'articles'>;
      this.articles++;
      // A held article's row is the generation replaced's, read by this one too.
      if (this.shared?.has(a.id)) return;
      const tokens = this.tokens?.get(a.id) ?? keptTokensOf(a);
      this.put('articles', tokens ? { data: this.data, n, id: a.id, record: a, tokens } : { data: this.data, n, id: a.id, record: a });
      return;
    }
    this.articlesComplete = true;
    const coll = section as RecordCollection;
    const chunk = this.chunks.get(coll) ?? { n: 0, records: [] };
    this.chunks.set(coll, chunk);
    chunk.records.push(record);
    // Cut where the content says (shared-rows.ts): by the record's id (an ambiguous alias's alias).
    const r = record as { id?: string; alias?: string };
    if (chunk.records.length >= RECORDS_PER_ROW_OF[coll] * MAX_ROW_FACTOR || contentBoundary(r.id ?? r.alias ?? '', RECORDS_PER_ROW_OF[coll])) this.endChunk(coll);
  }

  /** Waits while TRANSACTIONS_IN_FLIGHT batches are being written; throws the first failed write's error. */
  async drain(): Promise<void> {
    if (this.hashing.length) await Promise.all(this.hashing.splice(0));
    while (this.inFlight.length >= TRANSACTIONS_IN_FLIGHT) await this.inFlight.shift();
    if (this.failure) throw this.failure.error;
  }

  /** Waits for every batch started, failed or not (before a failed install's rows are removed). */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.hashing, ...this.recordRefs, ...this.cardRefs]);
    await Promise.allSettled(this.inFlight);
  }

  /**
   * Writes the rest: the last record rows, the last card records and their directory, then the
   * matcher parts (compiled from every record); returns the directory's row count and the summary.
   */
  async finish(schemaVersion: CorpusIndex['schemaVersion']): Promise<ReturnType<DetailsInput['finish']> & { rowsFrom: string[] }> {
    for (const coll of RECORD_COLLECTIONS) this.endChunk(coll);
    this.flush('articles');
    const recordRefs = await Promise.all(this.recordRefs);
    this.put('records', { data: this.data, coll: MANIFEST, n: 0, refs: recordRefs });
    this.flush('records');
    await this.drain();
    const cards = this.cards.finish(schemaVersion);
    await this.placeDeferred(recordRefs);
    const cardRefs = await Promise.all(this.cardRefs);
    for (const row of this.directory) this.put('details', { data: this.data, ...placedDirectory(row, cardRefs, this.data) }, DETAILS_ROWS_PER_TRANSACTION);
    this.put('details', { data: this.data, kind: MANIFEST, id: '0', refs: cardRefs }, DETAILS_ROWS_PER_TRANSACTION);
    this.flush('details');
    await this.drain();
    for (const row of this.state ?? []) {
      this.put('state', { data: this.data, ...row }, STATE_ROWS_PER_TRANSACTION);
      await this.drain();
    }
    this.flush('state');
    await this.drain();
    await this.writeMatcher();
    await this.drain();
    await Promise.all(this.inFlight.splice(0));
    if (this.failure) throw this.failure.error;
    this.onProgress?.(Math.max(this.total, this.queued), Math.max(this.total, this.queued));
    return { ...cards, rowsFrom: sharedKeys([...recordRefs, ...cardRefs], this.data) };
  }

  /** Writes the matcher's parts as they come (compiled once every record is in). */
  private async writeMatcher(): Promise<void> {
    const matcher = this.matcher;
    if (!matcher) throw new Error('install: the matcher was written twice');
    this.matcher = null;
    for await (const part of matcher.parts()) {
      this.put('matcher', { data: this.data, ...part }, MATCHER_PARTS_PER_TRANSACTION);
      await this.drain();
    }
    this.flush('matcher');
  }

  /**
   * The rows of card records cut over a whole index (`reuse`): a row every one of whose cards has
   * the inputs it had in the replaced generation (changedRecords), and that the replaced generation
   * has with the same cards under the same code (RowRef.cards), is that row; the others are built
   * and placed by content as the rows of an install are. Building only the rows an add touched was
   * most of its card records' time: every card was built, then compared. Tried and not kept
   * (2192269, reverted): a row written again taking its unchanged cards from the row of the same
   * cards it replaces (read back), building only the changed ones (~500 of the ~10,000 cards of the
   * 323 rows an add of 10 generated articles to 5,010 rewrites): the add's card rows took 2.6 and
   * 2.5 s of browser CPU against 2.8 and 2.4 before (add-profile.ts, alternated, load 10-16): the
   * rows' reading, hashing and writing cost what the building spared.
   */
  private async placeDeferred(recordRefs: readonly (RowRef & { coll: RecordCollection })[]): Promise<void> {
    const rows = this.deferredRows.splice(0);
    if (!rows.length) return;
    const look = this.reuse!;
    const { changed, renamed } = await this.changedRecords(recordRefs);
    const gone = (coll: RecordCollection, id: string) => changed.has(`${coll} ${id}`);
    const has = { entities: look.entities, quotes: look.quotes, claims: look.claims } as const;
    // Changed, or not in this index (a card leaves out what it cannot find: it was there before, maybe).
    const other = (coll: keyof typeof has, id: string) => gone(coll, id) || !has[coll].has(id);
    // A card names another entity by its id, kind and name only (card-details.ts related, details.ts quoteSpeaker): one whose other fields changed leaves it as it was.
    const named = (id: string) => renamed.has(id) || !look.entities.has(id);
    const unchanged = ([kind, id]: [DetectionKind, string]): boolean => {
      if (kind === 'claim') return !gone('claimGroups', id) && !look.claimGroups.get(id)!.members.some((m) => other('claims', m.claim));
      if (kind === 'quote') {
        const g = look.quoteGroups.get(id)!;
        return !gone('quoteGroups', id) && !g.members.some((m) => other('quotes', m.quote)) && !(g.speaker && named(g.speaker));
      }
      const e = look.entities.get(id)!;
      return !gone('entities', id) && !e.related.some((r) => named(r.entity)) && !e.coverage.some((c) => c.quotes.some((q) => other('quotes', q)));
    };
    const known = this.previous?.cards;
    for (const row of rows) {
      const n = Number(row.id);
      const key = this.cardsKey(row.keys)!;
      const same = known?.get(key);
      if (same && row.cards.every(unchanged)) {
        this.saved();
        this.cardRefs[n] = Promise.resolve({ hash: same.hash, from: same.from, n: same.n, cards: key });
        continue;
      }
      const records = this.cards.build(row.cards);
      this.cardRefs[n] = this.placed(records, this.previous?.details.get.bind(this.previous.details), n, () => this.put('details', { data: this.data, kind: DETAILS_ROW_KIND, id: row.id, records }, DETAILS_ROWS_PER_TRANSACTION), key);
      await this.drain();
    }
  }

  /**
   * The records ("coll id") of this generation whose content is not what the replaced one has
   * under that id (new ones too): the records of the rows written afresh, each compared with its
   * earlier self in the replaced generation's rows this one does not share (a record of a shared
   * row is unchanged, and one of a fresh row was in no shared row before). Rows of ambiguous
   * aliases are left out: no card reads them. `renamed`: the changed entities that are new or whose
   * kind or name changed, all another entity's or a quote's card reads of them (nameOf). Adding 10
   * generated articles to 5,010 (add-profile.ts, browser build): 861 records changed, 8 entities
   * renamed; rows of cards built 434 without this distinction, 323 with it (the 111 left unbuilt
   * were each built as a check in that run: every one hashed as the row taken).
   */
  private async changedRecords(recordRefs: readonly (RowRef & { coll: RecordCollection })[]): Promise<{ changed: Set<string>; renamed: Set<string> }> {
    const at = (r: RowRef & { coll: RecordCollection }) => `${r.from} ${r.coll} ${r.n}`;
    const used = new Set(recordRefs.map(at));
    const stale = (this.previous?.recordList ?? []).filter((r) => r.coll !== 'ambiguous' && !used.has(at(r)));
    // A stale row the add read already (a kept claim row, InstallOptions.keptRows) is not read again.
    const kept = new Map([...(this.kept?.values() ?? [])].map((row) => [`${row.ref.from} ${row.coll} ${row.ref.n}`, row]));
    const tx = this.db.transaction('records', 'readonly');
    const read = await Promise.all(stale.map((r) => kept.get(at(r)) ?? tx.store.get([r.from, r.coll, r.n])));
    const before = new Map<string, string>();
    // An entity's id, kind and name as the replaced generation had it (nameOf).
    const namedBefore = new Map<unknown, string>();
    read.forEach((row, i) => {
      const records = row && 'records' in row && Array.isArray(row.records) ? (row.records as { id?: unknown }[]) : [];
      for (const record of records) {
        before.set(`${stale[i]!.coll} ${String(record?.id)}`, JSON.stringify(record));
        if (stale[i]!.coll === 'entities') namedBefore.set(record?.id, nameOf(record));
      }
    });
    const changed = new Set<string>();
    const renamed = new Set<string>();
    recordRefs.forEach((ref, i) => {
      const { coll, records } = this.recordRows[i]!;
      if (ref.from !== this.data || coll === 'ambiguous') return;
      for (const record of records) {
        const key = `${coll} ${String(record.id)}`;
        if (before.get(key) === JSON.stringify(record)) continue;
        changed.add(key);
        // A changed entity is renamed when it is new or its kind or name changed.
        if (coll === 'entities' && namedBefore.get(record.id) !== nameOf(record)) renamed.add(String(record.id));
      }
    });
    return { changed, renamed };
  }

  /** The replaced generation's row that `records` of `coll` are, when it is a kept row (InstallOptions.keptRows) they are sameJson with. */
  private keptAs(coll: RecordCollection, records: readonly unknown[]): RowRef | undefined {
    const row = this.kept?.get(keptKey(coll, records));
    return row && row.records.length === records.length && records.every((r, i) => sameJson(r, row.records[i])) ? row.ref : undefined;
  }

  private endChunk(coll: RecordCollection): void {
    const chunk = this.chunks.get(coll);
    if (!chunk?.records.length) return;
    const { n, records } = chunk;
    const known = this.previous?.records;
    if (this.reuse) this.recordRows.push({ coll, records: records as { id?: string }[] });
    const kept = this.keptAs(coll, records);
    if (kept) {
      this.saved();
      this.recordRefs.push(Promise.resolve({ ...kept, coll }));
      this.chunks.set(coll, { n: n + 1, records: [] });
      return;
    }
    this.recordRefs.push(
      this.placed(records, known && ((hash) => known.get(`${coll} ${hash}`)), n, () => this.put('records', { data: this.data, coll, n, records })).then((ref) => ({ ...ref, coll })),
    );
    this.chunks.set(coll, { n: n + 1, records: [] });
  }

  /** Queues a row; a full batch (`size` rows) is written at once. */
  private put<S extends DataStore>(store: S, row: CorpusDb[S]['value'], size = this.rowsPerTransaction): void {
    const batch = this.batches.get(store) ?? [];
    this.batches.set(store, batch);
    batch.push(row);
    this.queued++;
    if (batch.length >= size) this.flush(store);
  }

  /**
   * Writes the queued rows of `store` in one transaction (its rows cloned then), started once the
   * write before it is done: never two transactions at once, whatever the order of puts.
   */
  private flush(store: DataStore): void {
    const batch = this.batches.get(store);
    if (!batch?.length) return;
    this.batches.set(store, []);
    const write = (): Promise<unknown> => {
      const tx = this.db.transaction(store, 'readwrite', { durability: 'relaxed' });
      // Promise.all observes every put, so a failing one (quota) rejects here, not as an unhandled rejection.
      return Promise.all([...batch.map((row) => tx.store.put(row as never)), tx.done]);
    };
    const started = this.last.then(write, write);
    this.last = started.catch(() => undefined);
    const written = started.then(
      () => {
        this.written += batch.length;
        // Of a file, the total grows as it is read: it is what has been read so far.
        this.onProgress?.(Math.min(this.written, Math.max(this.total, this.queued)), Math.max(this.total, this.queued));
      },
      (error: unknown) => {
        this.failure ??= { error };
      },
    );
    this.inFlight.push(written);
  }
}

/**
 * The card record of that kind and id in a row of card records; undefined when it has none, a
 * StoredRecordError (naming `name`) when its records are not an array.
 */
function findRecord(row: object, name: string, kind: DetectionKind, id: string): unknown {
  const records: unknown = 'records' in row ? row.records : undefined;
  if (!Array.isArray(records)) return new StoredRecordError(name, 'records', 'expected an array');
  // A record that is not an object, or not of this kind and id, is no match (validateDetails checks the one found).
  return records.find((r: unknown) => {
    const d = (typeof r === 'object' && r !== null ? r : {}) as { id?: unknown; type?: unknown; kind?: unknown };
    return d.id === id && (d.type === 'entity' ? d.kind : d.type) === kind;
  });
}

/** What a card reads of an entity it names (card-details.ts related, details.ts quoteSpeaker): its id, kind and name. */
function nameOf(record: unknown): string {
  const { id, kind, name } = (typeof record === 'object' && record !== null ? record : {}) as { id?: unknown; kind?: unknown; name?: unknown };
  return JSON.stringify([id, kind, name]);
}

/** The card row kinds of the layouts before the directory: one whole record a row (by its kind), and hash buckets. */
const OLD_DETAILS_KINDS: readonly string[] = ['person', 'organisation', 'claim', 'quote', DETAILS_BUCKET_KIND];

/**
 * A whole index's card records in the directory layout (db.ts DetailsRecordRow, DetailsDirectoryRow),
 * built as an install builds them (DetailsInput, records in file order), and the directory's row count.
 */
function directoryCards(index: CorpusIndex, data: string): { rows: CorpusDb['details']['value'][]; directoryRows: number } {
  const rows: CorpusDb['details']['value'][] = [];
  const cards = new DetailsInput(UTF8_TEXTS, (row) => rows.push({ data, ...row } as CorpusDb['details']['value']));
  for (const section of CORPUS_SECTIONS) for (const record of index[section]) cards.add(section, record as CorpusRecord<typeof section>);
  return { rows, directoryRows: cards.finish(index.schemaVersion).directoryRows };
}

/** A write transaction over the stores a removal reads and writes. */
type WriteTx = IDBPTransaction<CorpusDb, StoreNames<CorpusDb>[], 'readwrite'>;

/** The rows of the generation an install replaces, by content hash (records' as "coll hash"), for it to share. */
interface PreviousRows {
  records: Map<string, RowRef>;
  details: Map<string, RowRef>;
  /** Its record rows in manifest order. */
  recordList: (RowRef & { coll: RecordCollection })[];
  /** Its rows of card records by RowRef.cards (those that have one). */
  cards: Map<string, RowRef>;
}

/** A card directory row with each row number DetailsInput gave turned into where that row is (`refs`). */
function placedDirectory(row: Omit<DetailsDirectoryRow, 'data'>, refs: readonly RowRef[], own: string): Omit<DetailsDirectoryRow, 'data'> {
  const sources: string[] = [];
  const at = new Map<string, number>();
  let shared = false;
  const source = row.rows.map((local) => {
    const from = refs[local]!.from;
    shared ||= from !== own;
    let k = at.get(from);
    if (k === undefined) at.set(from, (k = sources.push(from) - 1));
    return k;
  });
  const rows = row.rows.map((local) => refs[local]!.n);
  return shared ? { ...row, rows, sources, source } : { ...row, rows };
}

/** How a kept row is looked up: by its collection and first record's id (rows are cut by content, so an unchanged row starts where it did). */
function keptKey(coll: string, records: readonly unknown[]): string {
  const id = (records[0] as { id?: unknown } | undefined)?.id;
  return `${coll} ${typeof id === 'string' ? id : ''}`;
}

/** The kept rows (InstallOptions.keptRows) the replaced generation's manifest lists, each with its place there, by keptKey. */
function keptRowsOf(rows: readonly KeptRow[], previous: PreviousRows): Map<string, KeptRow & { ref: RowRef }> {
  const listed = new Map(previous.recordList.map((r) => [`${r.from} ${r.coll} ${r.n}`, r]));
  const out = new Map<string, KeptRow & { ref: RowRef }>();
  for (const row of rows) {
    const ref = listed.get(`${row.from} ${row.coll} ${row.n}`);
    if (ref && row.records.length) out.set(keptKey(row.coll, row.records), { ...row, ref: { hash: ref.hash, from: ref.from, n: ref.n } });
  }
  return out;
}

/**
 * The rows of generation `data` an install replacing it can share (layout 6 manifests); empty
 * maps for a generation of an older layout, or whose manifests are not of their shape (its rows are
 * then all written again).
 */
async function previousRows(db: IDBPDatabase<CorpusDb>, data: string): Promise<PreviousRows> {
  const records = new Map<string, RowRef>();
  const details = new Map<string, RowRef>();
  const recordList: PreviousRows['recordList'] = [];
  const cards = new Map<string, RowRef>();
  const [r, d] = await Promise.all([db.get('records', [data, MANIFEST, 0]), db.get('details', [data, MANIFEST, '0'])]);
  const ok = (ref: unknown): ref is RowRef => typeof ref === 'object' && ref !== null && typeof (ref as RowRef).hash === 'string' && typeof (ref as RowRef).from === 'string' && Number.isInteger((ref as RowRef).n);
  const recordRefs = (r as Partial<RecordManifestRow> | undefined)?.refs;
  if (Array.isArray(recordRefs)) {
    for (const ref of recordRefs) {
      if (!ok(ref) || typeof ref.coll !== 'string') continue;
      records.set(`${ref.coll} ${ref.hash}`, { hash: ref.hash, from: ref.from, n: ref.n });
      recordList.push({ hash: ref.hash, from: ref.from, n: ref.n, coll: ref.coll });
    }
  }
  const cardRefs = (d as Partial<DetailsManifestRow> | undefined)?.refs;
  if (Array.isArray(cardRefs)) {
    for (const ref of cardRefs) {
      if (!ok(ref)) continue;
      details.set(ref.hash, { hash: ref.hash, from: ref.from, n: ref.n });
      if (typeof ref.cards === 'string') cards.set(ref.cards, { hash: ref.hash, from: ref.from, n: ref.n });
    }
  }
  return { records, details, recordList, cards };
}

/**
 * What of generation `key`'s rows in `store` the live generation `live` reads: everything (its own
 * or its shared article rows), the keys its manifests list (rows it shares, CorpusMeta.rowsFrom),
 * or nothing.
 */
async function liveRows(tx: WriteTx, store: DataStore, key: string, live: CorpusMeta | undefined): Promise<'all' | Set<string> | null> {
  if (!live) return null;
  if (store === 'articles') return articleGenerations(live).includes(key) ? 'all' : null;
  if (key === live.data) return 'all';
  if ((store !== 'records' && store !== 'details') || !live.rowsFrom?.includes(key)) return null;
  const kept = new Set<string>();
  if (store === 'records') {
    const manifest = (await tx.objectStore('records').get([live.data, MANIFEST, 0])) as Partial<RecordManifestRow> | undefined;
    for (const ref of manifest?.refs ?? []) if (ref?.from === key) kept.add(JSON.stringify([key, ref.coll, ref.n]));
  } else {
    const manifest = (await tx.objectStore('details').get([live.data, MANIFEST, '0'])) as Partial<DetailsManifestRow> | undefined;
    for (const ref of manifest?.refs ?? []) if (ref?.from === key) kept.add(JSON.stringify([key, DETAILS_ROW_KIND, String(ref.n)]));
  }
  return kept;
}

/** Removes generation `key`'s rows from `store`, but those the live generation `live` reads (liveRows). */
async function removeRows(tx: WriteTx, store: DataStore, key: string, live: CorpusMeta | undefined): Promise<void> {
  const kept = await liveRows(tx, store, key, live);
  if (kept === 'all') return;
  const rows = tx.objectStore(store);
  if (!kept?.size) {
    await rows.delete(generationRange(key));
    return;
  }
  for (const k of await rows.getAllKeys(generationRange(key))) if (!kept.has(JSON.stringify(k))) await rows.delete(k as never);
}

/** The store over one open database. */
export class CorpusStore {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly rowsPerTransaction: number;
  private readonly discardRetryPausesMs: readonly number[];
  /** Notices of committed changes to the corpus list, this context's and every other's (corpora-notice.ts). */
  private readonly notices: CorporaNotices;
  private readonly gazetteer: GazetteerSource;

  constructor(
    readonly db: IDBPDatabase<CorpusDb>,
    options: StoreOptions = {},
  ) {
    this.rowsPerTransaction = options.rowsPerTransaction ?? ROWS_PER_TRANSACTION;
    this.discardRetryPausesMs = options.discardRetryPausesMs ?? DISCARD_RETRY_PAUSES_MS;
    this.notices = new CorporaNotices(db.name);
    this.gazetteer = options.gazetteer ?? fetchedGazetteer();
  }

  /** Opens the store (creating or upgrading its database). */
  static async open(name?: string, options?: StoreOptions): Promise<CorpusStore> {
    return new CorpusStore(await openCorpusDb(name), options);
  }

  /** Closes the database. */
  close(): void {
    this.notices.close();
    this.db.close();
  }

  /**
   * Calls `listener` after every committed change to the corpus list (metadata rows), made through
   * this store or a CorpusStore of the same database in another context; returns the unsubscribe.
   */
  onCorporaChange(listener: () => void): () => void {
    return this.notices.listen(listener);
  }

  /** Runs writes one at a time, in the order they were asked for. */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Resolves once every write asked for so far (a replaced generation's removal too) has finished. */
  async whenIdle(): Promise<void> {
    for (let seen: Promise<unknown> | null = null; seen !== this.queue; ) {
      seen = this.queue;
      await seen;
    }
  }

  /**
   * Removes what an interrupted install left (call once on startup); returns the corpus ids it
   * cleaned. An install still running in another context (it holds its Web Lock) is left alone.
   */
  recover(): Promise<string[]> {
    return this.exclusive(async () => {
      const cleaned: string[] = [];
      const running = await installsInProgress();
      const tx = this.db.transaction(['corpora', ...DATA_STORES], 'readwrite');
      // `live`: the generation the corpus reads; rows of `data` it shares (CorpusMeta.articlesFrom, rowsFrom) stay.
      const drop = async (data: unknown, live?: CorpusMeta) => {
        // A corrupt row's key may not be a string: then there is no generation to find by it.
        if (typeof data === 'string') for (const s of DATA_STORES) await removeRows(tx as unknown as WriteTx, s, data, live);
      };
      for (const meta of await tx.objectStore('corpora').getAll()) {
        if (running.has(installLock(meta.pending ?? meta.data))) continue;
        if (meta.status === 'importing') {
          await drop(meta.data);
          await tx.objectStore('corpora').delete(meta.id);
          cleaned.push(meta.id);
          continue;
        }
        const { pending, retired, ...rest } = meta;
        if (pending === undefined && retired === undefined) continue;
        // What it reads, as far as its row says (a broken row's lists may not be lists).
        const strings = (keys: unknown) => (Array.isArray(keys) ? keys.filter((k): k is string => typeof k === 'string') : []);
        const live = { ...meta, articlesFrom: strings(meta.articlesFrom), rowsFrom: strings(meta.rowsFrom) };
        for (const data of [pending, ...(Array.isArray(retired) ? retired : [])]) await drop(data, live);
        await tx.objectStore('corpora').put(rest);
        cleaned.push(meta.id);
      }
      await tx.done;
      if (cleaned.length) this.notices.announce();
      return cleaned;
    });
  }

  /**
   * Every corpus: the bundled one first, then by creation. What an interrupted install left (its
   * context closed or reloaded: its Web Lock is gone) is removed first, so the list is what it was
   * before that install, not until the next start. Without Web Locks (Node) a running install
   * cannot be told from an interrupted one: recover() on startup is then the only clean-up.
   */
  async list(): Promise<CorpusSummary[]> {
    const metas = await this.metas();
    if (locks() && metas.some((m) => m.status === 'importing' || m.pending !== undefined)) {
      // A clean-up that fails (storage still full) must not hide the corpora: list them as they
      // are, and the next listing tries again.
      const cleaned = await this.recover().then(() => true, () => false);
      if (cleaned) return (await this.metas()).map(summaryOf);
    }
    return metas.map(summaryOf);
  }

  /** Metadata rows in list order. */
  async metas(): Promise<CorpusMeta[]> {
    const all = (await this.db.getAll('corpora')).map(checkMeta);
    return all.sort((a, b) => Number(b.origin === 'bundled') - Number(a.origin === 'bundled') || a.created - b.created || a.id.localeCompare(b.id));
  }

  /** One corpus's metadata row, if it exists. */
  async meta(id: string): Promise<CorpusMeta | undefined> {
    const meta = await this.db.get('corpora', id);
    return meta && checkMeta(meta);
  }

  /** Writes a validated index as a corpus; resolves when it is ready (and active, unless asked not). */
  async install(index: CorpusIndex, options: InstallOptions): Promise<CorpusSummary> {
    // Rows to write: the card records' rows and directory (at most: a directory row may be empty), the matcher's parts and its claims' input keys, the analysis state's rows.
    const total = index.articles.length - (options.heldArticles?.ids.size ?? 0) + (options.state?.length ?? 0) + recordRowCount(index) + detailsRowCount(index.entities.length + index.claimGroups.length + index.quoteGroups.length) + matcherPartCount(index.claims.length, index.quotes.length, index.claimGroups.length) + 1;
    return this.installRecords(options, summarise(index), total, index.articles.length, async (rows) => {
      for (const section of CORPUS_SECTIONS) {
        const records = index[section] as CorpusRecord<typeof section>[];
        for (let n = 0; n < records.length; n++) {
          rows.add(section, records[n], n);
          if (n % this.rowsPerTransaction === 0) await rows.drain();
        }
      }
      return index.schemaVersion;
    }, new MatcherCompiler(), TEXTS_AS_GIVEN, index);
  }

  /**
   * Installs a corpus file (what `npm run corpus` writes) read in pieces, its UTF-8 bytes or text in
   * order (e.g. a fetch's body): each record is checked as it is read (CorpusFileReader: errors name
   * the file, record and field), its rows written in batches and the record let go; the matcher is
   * compiled as the records pass (MatcherCompiler) and written a part at a time, the card records
   * built and written as their records pass (DetailsInput). The whole index is never in memory, so a
   * file of hundreds of megabytes installs. Atomic as install is: a bad record, a failed write or an interruption leaves
   * nothing of it active.
   */
  async installFile(pieces: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>, fileName: string, options: InstallOptions): Promise<CorpusSummary> {
    const empty = { counts: { articles: 0, outlets: 0, people: 0, organisations: 0, claims: 0, quotes: 0 }, dateRange: null, schemaVersion: SCHEMA_VERSION };
    return this.installRecords(options, empty, 0, undefined, async (rows) => {
      const reader = new CorpusFileReader(fileName, (section, record, n) => rows.add(section, record, n));
      for await (const piece of pieces) {
        reader.write(piece);
        await rows.drain();
      }
      return reader.end().schemaVersion;
    }, new MatcherCompiler(UTF8_TEXTS), UTF8_TEXTS);
  }

  /** installFile over a corpus file's whole text (installCorpus's message carries it as one string). */
  installFileText(text: string, fileName: string, options: InstallOptions): Promise<CorpusSummary> {
    if (typeof text !== 'string' || text.trim() === '') return Promise.reject(new Error(`${fileName}: the corpus file is empty`));
    return this.installFile(
      (function* () {
        for (let k = 0; k < text.length; k += FILE_TEXT_PIECE) yield text.slice(k, k + FILE_TEXT_PIECE);
      })(),
      fileName,
      options,
    );
  }

  /**
   * One install: the metadata row under "importing" (with `initial` counts until the records are
   * known), progress told against `total` rows, the error of a full storage naming `articles` (or those read) (or the rows read so far, when more or not known), the generation's rows from `feed` (which hands every record to the writer in index order
   * and returns the index the card records and the summary are made from), then the flip.
   */
  private async installRecords(options: InstallOptions, initial: ReturnType<typeof summarise>, total: number, articles: number | undefined, feed: (rows: GenerationRows) => Promise<CorpusIndex['schemaVersion']>, compiler: MatcherCompiler, texts: TextPacker, whole?: CorpusIndex): Promise<CorpusSummary> {
    const name = cleanName(options.name);
    return this.exclusive(async () => {
      const id = options.id ?? newKey('corpus');
      const data = newKey(id);
      const now = Date.now();
      const existing = await this.meta(id);
      if (existing?.status === 'importing') throw new Error(`corpus "${existing.name}" is still being installed`);
      const sharing = options.heldArticles;
      if (sharing && !(existing && sameKeys(articleGenerations(existing), sharing.from))) throw new Error(`corpus "${existing?.name ?? id}" changed while articles were being added to it: nothing was added; try again`);
      const replaced = existing?.status === 'ready' ? existing.data : undefined;
      // A matcher made elsewhere is taken when it reuses the claims of the generation replaced (or none, for a new corpus).
      const given = options.matcher && options.matcher.previous === replaced ? options.matcher.builder : undefined;
      // A replacement's compile takes the text readers' output of the claims whose inputs did not change from the generation it replaces.
      let previous: PreviousRows | undefined;
      if (replaced !== undefined) {
        if (!given) {
          const claims = await readPreviousClaims((shard) => this.db.get('matcher', [replaced, shard]));
          if (claims) compiler.reuseClaims(claims);
        }
        // And its record and card rows whose content comes out the same (shared-rows.ts).
        previous = await previousRows(this.db, replaced);
      }
      return holdingInstallLock(data, async () => {
        // Rows of cards are cut first and built only where needed when an add of an index held whole can take unchanged ones from the generation it replaces.
        const reuse = whole && sharing && options.code !== undefined && previous?.cards.size ? lookups(whole) : undefined;
        const kept = previous && options.keptRows?.length ? keptRowsOf(options.keptRows, previous) : undefined;
        const rows = new GenerationRows(this.db, data, this.rowsPerTransaction, given ?? compiledMatcher(compiler, this.gazetteer), options.onProgress, total, texts, options.tokens, sharing?.ids, options.state, previous, options.code, reuse, kept);
        try {
          if (existing) {
            // Checked in the write: another context's install over this corpus since it was read must not be undone.
            const tx = this.db.transaction('corpora', 'readwrite');
            const current = optionalMeta(await tx.store.get(id));
            if (current?.data !== existing.data) throw new Error(`corpus "${existing.name}" changed while it was being replaced: nothing was changed; try again`);
            await tx.store.put({ ...current, pending: data });
            await tx.done;
          } else {
            // Not announced: a corpus still importing is neither listed as ready nor matched.
            await this.db.put('corpora', {
              ...initial,
              id,
              name,
              origin: options.origin,
              created: now,
              updated: now,
              status: 'importing',
              active: false,
              data,
              ...(options.sourceVersion === undefined ? {} : { sourceVersion: options.sourceVersion }),
            });
          }
          const { directoryRows, summary, rowsFrom } = await rows.finish(await feed(rows));
          // Strict: the corpus is reported ready only once the flip is on disk (Chromium's default
          // durability is relaxed since version 121; the rows before it are relaxed and count only by it).
          const tx = this.db.transaction(['corpora', ...DATA_STORES], 'readwrite', { durability: 'strict' });
          const current = optionalMeta(await tx.objectStore('corpora').get(id));
          if (!current) throw new Error(`corpus ${id} was deleted while it was being installed`);
          // The rows shared must still be the ones the corpus reads (another context may have replaced it meanwhile).
          if (sharing && !sameKeys(articleGenerations(current), sharing.from)) throw new Error(`corpus "${current.name}" changed while articles were being added to it: nothing was added; try again`);
          // So must the generation whose record and card rows this one shares.
          if (rowsFrom.length && current.data !== existing?.data) throw new Error(`corpus "${current.name}" changed while it was being replaced: nothing was changed; try again`);
          // The replaced generation's card layout goes with it.
          const { pending: _pending, reason: _reason, retired, detailsBuckets: _buckets, articlesFrom: _from, rowsFrom: _rowsFrom, ...kept } = current;
          // The replaced generation is retired in this transaction and its rows removed after it
          // (its article rows too unless this one shares them: removeRetired keeps live ones).
          // The generations whose rows the replaced one shared are retired too: what this one does not share of them goes.
          const retiring = existing ? [...new Set([...(retired ?? []), ...(sharing ? [current.data] : articleGenerations(current)), ...(current.rowsFrom ?? [])])] : (retired ?? []);
          const ready: CorpusMeta = {
            ...kept,
            ...summary,
            updated: Date.now(),
            status: 'ready',
            active: existing ? current.active : options.active !== false,
            data,
            detailsDirectory: directoryRows,
            ...(sharing ? { articlesFrom: [...sharing.from] } : {}),
            ...(rowsFrom.length ? { rowsFrom } : {}),
            ...(retiring.length ? { retired: retiring } : {}),
            ...(options.sourceVersion === undefined ? {} : { sourceVersion: options.sourceVersion }),
          };
          await tx.objectStore('corpora').put(ready);
          await tx.done;
          this.notices.announce();
          if (!retiring.length) return summaryOf(ready);
          // Queued behind this install (it holds the queue until it returns), or awaited here.
          if (options.removeReplacedAfter) void this.exclusive(() => this.removeRetired(id)).catch(() => undefined);
          // Failing, it leaves the keys to recover(): the corpus is installed either way.
          else await this.removeRetired(id).catch(() => undefined);
          return summaryOf(ready);
        } catch (error) {
          // Writes still in flight settle before their rows are removed.
          await rows.settle();
          // What cannot be removed even after the retries is removed by recover() (next listing or start).
          const discarded = await this.discardWithRetries(id, data, !existing);
          if (isQuotaError(error)) {
            const kept = discarded
              ? 'nothing of it was kept'
              : 'what was written of it could not be removed yet and will be removed the next time the corpora are listed';
            // A file's article count is known once its articles are read; storage that ran out before says how many were.
            const count = articles ?? (rows.articlesComplete ? rows.articles : `at least ${rows.articles}`);
            throw new StorageFullError(`Storage is full: the corpus "${name}" (${count} articles) was not installed and ${kept}. Delete a corpus or free disk space, then try again.`);
          }
          throw error;
        }
      });
    });
  }

  /**
   * Removes the rows of the generations corpus `id` retired, then their keys from its metadata. One
   * transaction per store, none on the metadata while rows go: readers of the other stores and of
   * the corpus list are not held up by the removal of a large generation. Interrupted, it leaves
   * keys that recover() removes.
   */
  private async removeRetired(id: string): Promise<void> {
    const meta = await this.meta(id);
    const retired = meta?.retired ?? [];
    if (!meta || !retired.length) return;
    // Rows the live generation shares stay (CorpusMeta.articlesFrom, rowsFrom).
    for (const s of DATA_STORES) {
      const tx = this.db.transaction(s, 'readwrite');
      for (const data of retired) await removeRows(tx as unknown as WriteTx, s, data, meta);
      await tx.done;
    }
    const tx = this.db.transaction('corpora', 'readwrite');
    const current = optionalMeta(await tx.store.get(id));
    if (current?.retired) {
      const left = current.retired.filter((data) => !retired.includes(data));
      const { retired: _retired, ...rest } = current;
      await tx.store.put(left.length ? { ...rest, retired: left } : rest);
    }
    await tx.done;
    this.notices.announce();
  }

  /** discard(), tried again after each of the retry pauses while it fails; whether it succeeded. */
  private async discardWithRetries(id: string, data: string, isNew: boolean): Promise<boolean> {
    for (const pause of [...this.discardRetryPausesMs, null]) {
      try {
        await this.discard(id, data, isNew);
        return true;
      } catch {
        if (pause === null) return false;
        await new Promise((done) => setTimeout(done, pause));
      }
    }
    return false;
  }

  /** Removes a failed generation; the corpus too when the install was creating it. */
  private async discard(id: string, data: string, isNew: boolean): Promise<void> {
    const tx = this.db.transaction(['corpora', ...DATA_STORES], 'readwrite');
    for (const s of DATA_STORES) await tx.objectStore(s).delete(generationRange(data));
    const current = await tx.objectStore('corpora').get(id);
    if (current && isNew && current.data === data) await tx.objectStore('corpora').delete(id);
    else if (current?.pending === data) {
      const { pending: _pending, ...rest } = current;
      await tx.objectStore('corpora').put(rest);
    }
    await tx.done;
    this.notices.announce();
  }

  private update(id: string, change: (meta: CorpusMeta) => CorpusMeta): Promise<CorpusSummary> {
    return this.exclusive(async () => {
      const tx = this.db.transaction('corpora', 'readwrite');
      const meta = optionalMeta(await tx.store.get(id));
      if (!meta) throw new Error(`there is no corpus with id "${id}"`);
      const next = change(meta);
      await tx.store.put(next);
      await tx.done;
      this.notices.announce();
      return summaryOf(next);
    });
  }

  /** Switches a corpus on or off for marking pages; only a ready corpus can be switched on. */
  setActive(id: string, active: boolean): Promise<CorpusSummary> {
    return this.update(id, (meta) => {
      if (active && meta.status !== 'ready') throw new Error(`corpus "${meta.name}" cannot be switched on: it is ${meta.status}${meta.reason ? ` (${meta.reason})` : ''}`);
      return { ...meta, active, updated: Date.now() };
    });
  }

  /** Renames a corpus. */
  async rename(id: string, name: string): Promise<CorpusSummary> {
    const clean = cleanName(name);
    return this.update(id, (meta) => ({ ...meta, name: clean, updated: Date.now() }));
  }

  /** Deletes a corpus and every row of it; the bundled corpus can only be switched off. */
  delete(id: string): Promise<void> {
    return this.exclusive(async () => {
      const tx = this.db.transaction(['corpora', ...DATA_STORES], 'readwrite');
      const meta = optionalMeta(await tx.objectStore('corpora').get(id));
      if (!meta) throw new Error(`there is no corpus with id "${id}"`);
      if (meta.origin === 'bundled') throw new Error(`corpus "${meta.name}" comes with the extension: it can be switched off, not deleted`);
      for (const data of [...articleGenerations(meta), ...(meta.rowsFrom ?? []), meta.pending, ...(meta.retired ?? [])]) {
        if (data !== undefined) for (const s of DATA_STORES) await tx.objectStore(s).delete(generationRange(data));
      }
      await tx.objectStore('corpora').delete(id);
      await tx.done;
      this.notices.announce();
    });
  }

  /** Records why a corpus cannot be used; it stays listed, with the reason, and is never matched. */
  async markBroken(id: string, data: string, error: unknown): Promise<string> {
    // One transaction, not the write queue: a reader must not wait for a long install to finish,
    // and the check on `data` below keeps a newer generation from being condemned.
    const tx = this.db.transaction('corpora', 'readwrite');
    const current = await tx.store.get(id);
    const reason = `Corpus "${current?.name ?? id}" (${id}) is broken: ${message(error)}`;
    const marked = current && current.data === data && current.status !== 'broken';
    if (marked) await tx.store.put({ ...current, status: 'broken', reason });
    await tx.done;
    if (marked) this.notices.announce();
    return reason;
  }

  /** The full index of a ready corpus, validated; a corrupt record marks the corpus broken. */
  async readIndex(id: string): Promise<CorpusIndex> {
    const meta = await this.meta(id);
    if (!meta) throw new Error(`there is no corpus with id "${id}"`);
    if (meta.status !== 'ready') throw new Error(meta.reason ?? `corpus "${meta.name}" is ${meta.status}`);
    const index = await readGeneration(this.db.transaction(['articles', 'records'], 'readonly'), meta.data, meta.schemaVersion, meta.articlesFrom);
    try {
      return validateIndex(index);
    } catch (error) {
      throw new Error(await this.markBroken(id, meta.data, recordError(message(error), index)));
    }
  }

  /**
   * The ids, addresses and texts of a ready corpus's articles, for the duplicate check of an add:
   * only the articles are read (not the records, nor the whole index validated), since it runs on
   * the Corpora page's main thread before the worker starts. A field of the wrong type marks the
   * corpus broken, as a full read would.
   */
  async articleKeys(id: string): Promise<{ ids: string[]; urls: string[]; texts: string[] }> {
    const meta = await this.meta(id);
    if (!meta) throw new Error(`there is no corpus with id "${id}"`);
    if (meta.status !== 'ready') throw new Error(meta.reason ?? `corpus "${meta.name}" is ${meta.status}`);
    const out = { ids: [] as string[], urls: [] as string[], texts: [] as string[] };
    for (const row of await readArticleRows(this.db.transaction('articles', 'readonly'), articleGenerations(meta))) {
      const record = row.record as Partial<Record<'id' | 'url' | 'text', unknown>> | undefined;
      for (const field of ['id', 'url', 'text'] as const) {
        if (typeof record?.[field] !== 'string') throw new Error(await this.markBroken(id, meta.data, new StoredRecordError(`articles "${String(record?.id ?? row.n)}"`, field, 'expected a string')));
      }
      out.ids.push(record!.id as string);
      out.urls.push(record!.url as string);
      out.texts.push(record!.text as string);
    }
    return out;
  }

  /**
   * The article records of a ready corpus, validated, without its other records: what adding
   * articles to it needs (analyseIncrement). A corrupt article marks the corpus broken.
   */
  async readArticles(id: string): Promise<ArticleRecord[]> {
    return (await this.readArticlesWithTokens(id)).articles;
  }

  /**
   * readArticles, with the tokens kept beside each article (by article id; unchecked: the analysis
   * checks them against the article and segments it again when they do not fit, stored-tokens.ts).
   */
  async readArticlesWithTokens(id: string): Promise<{ articles: ArticleRecord[]; tokens: Map<string, unknown>; from: string[] }> {
    const meta = await this.meta(id);
    if (!meta) throw new Error(`there is no corpus with id "${id}"`);
    if (meta.status !== 'ready') throw new Error(meta.reason ?? `corpus "${meta.name}" is ${meta.status}`);
    const from = articleGenerations(meta);
    const rows = await readArticleRows(this.db.transaction('articles', 'readonly'), from);
    const tokens = new Map<string, unknown>();
    // A row without a record fails the validation below; its tokens are not read.
    for (const row of rows) if (row.tokens !== undefined && row.record) tokens.set(row.record.id, row.tokens);
    const articles = rows.map((row) => row.record);
    // The index validator over the articles alone (no other collection refers to them then).
    const alone = { schemaVersion: meta.schemaVersion, articles, entities: [], ambiguous: [], quotes: [], quoteGroups: [], claims: [], claimGroups: [] };
    try {
      return { articles: validateIndex(alone).articles, tokens, from };
    } catch (error) {
      throw new Error(await this.markBroken(id, meta.data, recordError(message(error), alone as unknown as CorpusIndex)));
    }
  }

  /** One article of a corpus, or null when it has none by that id. */
  async readArticle(id: string, articleId: string): Promise<ArticleRecord | null> {
    const meta = await this.meta(id);
    if (!meta || meta.status !== 'ready') return null;
    for (const data of articleGenerations(meta)) {
      const row = await this.db.getFromIndex('articles', 'id', [data, articleId]);
      if (row) return row.record;
    }
    return null;
  }

  /**
   * The matcher data of a corpus generation, validated, or null when the corpus is broken (it is
   * then marked so). Its parts are read one row at a time (matcher-row.ts): `onNames` gets the
   * `core` part as soon as it is read and checked, names-only MatcherData (matcher-row namesOnly)
   * that a matcher of people and organisations can be built from while the rest loads. Data of an
   * older matcher version, or missing its parts, or of a generation whose card records are of an
   * older layout, is recompiled from the full records (recompileMatcher).
   */
  async readMatcher(meta: CorpusMeta, onNames?: (names: MatcherData) => void): Promise<StoredMatcher | null> {
    try {
      const core = await this.db.get('matcher', [meta.data, CORE_SHARD]);
      if (!core) throw new StoredRecordError(`matcher "${CORE_SHARD}"`, '(root)', 'missing');
      const reader = new MatcherPartsReader(core);
      const names = reader.namesPart();
      // A generation whose card records are of an older layout is migrated as a whole, matcher too (once).
      if (!names || meta.detailsDirectory === undefined) return await this.recompileMatcher(meta, onNames);
      onNames?.(namesOnly(names));
      // One part a read: a request the matching side gets meanwhile waits for one part's parse at most.
      for (const shard of reader.parts) reader.add(await this.db.get('matcher', [meta.data, shard]));
      return reader.finish();
    } catch (error) {
      // Bad data breaks the corpus; a failing database (it may be transient) is the caller's to retry.
      if (!(error instanceof StoredRecordError)) throw error;
      await this.markBroken(meta.id, meta.data, error);
      return null;
    }
  }

  /**
   * Migration: matcher data of another version, rebuilt from the corpus's full records. A generation
   * whose card records are of an older layout (whole records, one a row or in hash buckets: a hover
   * read a whole row, up to ~1.8 MB for an entity every article covers at 5,000 generated articles)
   * gets them rebuilt from the same records in the directory layout, cut to what a card shows, and
   * written in the same transaction (every corpus stored before the directory has matcher data of an
   * older version, so each passes here once).
   */
  private async recompileMatcher(meta: CorpusMeta, onNames?: (names: MatcherData) => void): Promise<StoredMatcher> {
    const index = await readGeneration(this.db.transaction(['articles', 'records'], 'readonly'), meta.data, meta.schemaVersion, meta.articlesFrom);
    try {
      validateIndex(index);
    } catch (error) {
      throw recordError(message(error), index);
    }
    let matcher: MatcherData;
    let claimInputs: Float64Array;
    let claimScan: ClaimScan;
    try {
      ({ data: matcher, claimInputs, claimScan } = compileMatcherReusing(index));
    } catch (error) {
      throw new StoredRecordError(`matcher "${CORE_SHARD}"`, '(root)', `could not be rebuilt from the records: ${message(error)}`);
    }
    const pairs = await gazetteerPairs(matcher.places, this.gazetteer);
    if (pairs) matcher.placeWithinGazetteer = pairs;
    onNames?.(matcher);
    // Records the card builder cannot read leave the old card layout as it was (a card still reads it).
    let cards: { rows: CorpusDb['details']['value'][]; directoryRows: number } | null = null;
    if (meta.detailsDirectory === undefined) {
      try {
        cards = directoryCards(index, meta.data);
      } catch {
        cards = null;
      }
    }
    // Kept only if the corpus still reads this generation (not deleted or replaced meanwhile); the
    // old rows go first (an older layout may have parts this one does not write).
    const tx = this.db.transaction(['corpora', 'matcher', 'details'], 'readwrite');
    const parts = [...packMatcher(matcher), claimInputsPart(claimInputs, claimScan)];
    const current = await tx.objectStore('corpora').get(meta.id);
    let moved = false;
    if (current?.data === meta.data) {
      await tx.objectStore('matcher').delete(generationRange(meta.data));
      for (const part of parts) await tx.objectStore('matcher').put({ data: meta.data, ...part });
      if (cards && current.detailsDirectory === undefined) {
        const details = tx.objectStore('details');
        for (const kind of OLD_DETAILS_KINDS) await details.delete(IDBKeyRange.bound([meta.data, kind], [meta.data, kind, []]));
        for (const row of cards.rows) await details.put(row);
        const { detailsBuckets: _buckets, ...kept } = current;
        await tx.objectStore('corpora').put({ ...kept, detailsDirectory: cards.directoryRows });
        moved = true;
      }
    }
    await tx.done;
    // The matching side's copy of the corpus list names the old card layout: it reads the list again.
    if (moved) this.notices.announce();
    return { data: matcher, quoteBigrams: parts.find((p) => p.quoteBigrams)?.quoteBigrams };
  }

  /**
   * The card record of one entity, claim group or quote group (cut to what a card shows, but for a
   * generation written before records were cut); null when the corpus has none.
   */
  async readDetails(given: CorpusMeta, kind: DetectionKind, id: string): Promise<CardRecord | null> {
    // A copy of the metadata naming an older card layout may predate that layout's migration
    // (recompileMatcher): the stored metadata says where the records are now.
    let meta = given;
    if (given.detailsDirectory === undefined) {
      const now = await this.meta(given.id);
      if (now?.data === given.data && now.detailsDirectory !== undefined) meta = now;
    }
    // A failing database (it may be transient) is the caller's to retry; bad data breaks the corpus.
    const found =
      meta.detailsDirectory !== undefined
        ? await this.directoryDetails(meta, meta.detailsDirectory, kind, id)
        : meta.detailsBuckets === undefined
          ? await this.legacyDetails(meta, kind, id)
          : await this.bucketDetails(meta, meta.detailsBuckets, kind, id);
    try {
      if (found instanceof StoredRecordError) throw found;
      // The article count is the generation's (stored cards carry none: details-input.ts STORED_TOTAL).
      return found === undefined ? null : { ...validateDetails(found, kind, id), total: meta.counts.articles };
    } catch (error) {
      throw new Error(await this.markBroken(meta.id, meta.data, error));
    }
  }

  /**
   * A card record through the directory (db.ts DetailsDirectoryRow): its directory row, then its row
   * of records; undefined when it has none, a StoredRecordError when a row is not of its shape.
   */
  private async directoryDetails(meta: CorpusMeta, directoryRows: number, kind: DetectionKind, id: string): Promise<unknown> {
    const key = detailsKey(kind, id);
    const dir = String(directoryRow(key, directoryRows));
    const listed = await this.db.get('details', [meta.data, DETAILS_DIRECTORY_KIND, dir]);
    if (!listed) return undefined;
    const { keys, rows } = listed as Partial<DetailsDirectoryRow>;
    if (!Array.isArray(keys)) return new StoredRecordError(`details directory ${dir}`, 'keys', 'expected an array');
    if (!Array.isArray(rows) || rows.length !== keys.length) return new StoredRecordError(`details directory ${dir}`, 'rows', 'expected an array as long as keys');
    const at = keys.indexOf(key);
    if (at < 0) return undefined;
    const n = rows[at];
    if (!Number.isInteger(n) || n < 0) return new StoredRecordError(`details directory ${dir}`, `rows[${at}]`, 'expected a row number');
    // A row shared with an earlier generation is under its data key (db.ts DetailsDirectoryRow.sources).
    const { sources, source } = listed as Partial<DetailsDirectoryRow>;
    const from = source === undefined ? meta.data : Array.isArray(sources) && Array.isArray(source) ? sources[source[at]!] : undefined;
    if (typeof from !== 'string') return new StoredRecordError(`details directory ${dir}`, `source[${at}]`, 'expected the number of one of its sources');
    const row = await this.db.get('details', [from, DETAILS_ROW_KIND, String(n)]);
    if (!row) return new StoredRecordError(`details row ${n}`, '(root)', 'missing');
    return findRecord(row, `details row ${n}`, kind, id);
  }

  /** A card record of a generation written one record to a row (before buckets); undefined when it has none. */
  private async legacyDetails(meta: CorpusMeta, kind: DetectionKind, id: string): Promise<unknown> {
    const row = await this.db.get('details', [meta.data, kind, id]);
    return row && 'details' in row ? row.details : undefined;
  }

  /**
   * A card record from its bucket (the record of that kind and id in it); undefined when it has
   * none, a StoredRecordError when the bucket is not an array.
   */
  private async bucketDetails(meta: CorpusMeta, buckets: number, kind: DetectionKind, id: string): Promise<unknown> {
    const bucket = String(detailsBucket(kind, id, buckets));
    const row = await this.db.get('details', [meta.data, DETAILS_BUCKET_KIND, bucket]);
    if (!row) return undefined;
    return findRecord(row, `details bucket ${bucket}`, kind, id);
  }
}
