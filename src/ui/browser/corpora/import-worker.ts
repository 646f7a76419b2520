/**
 * The import worker: analyses articles and writes the corpus into the store, off the corpus
 * browser's main thread. Cancelling terminates it; the store's install protocol (a generation written
 * under "importing", flipped in last, leftovers removed by recover()) keeps the corpus as it was.
 * After an add it says "done" as soon as the new generation is in, removes the replaced one's rows
 * (not the article rows the new one shares), then closes itself (terminated before that, it leaves
 * them to recover()).
 *
 * Every analysis leaves its state (core claim-reuse.ts) and the install keeps it with the new
 * generation (store/analysis-state.ts); an add reads the state of the generation it adds to and
 * re-extracts only the claims whose inputs changed. A corpus installed from a corpus file has no
 * state: its first add analyses in full and keeps one, which the adds after it reuse.
 *
 * The page starts it before the articles are ready (`prepare`): an add's reads of the corpus run
 * while the page still reads and checks the files. The matcher is compiled in a second worker this
 * one starts and owns (RemoteMatcher), beside the writing of the other rows: the machine has two
 * cores, and the add's wall was one thread's chain.
 *
 * For a `prepare`d add it sends the page the corpus's article keys as soon as it has read the
 * articles (`held`), for the page's duplicate check, which read every article row again beside
 * this read (import-client.ts existingOf). Adding 10 generated articles to 5,010, the second add
 * (add-profile.ts --threads, alternated runs at load 2-4, this run about 2 of it): wall 11.6-12.1 s
 * (4 runs) against 11.7-13.8 (6), browser CPU 19.5-20.7 against 19.7-23.2, the page's main thread
 * 0.61-0.65 CPU s against 0.79-1.07. That check was not on the add's critical path: this worker's
 * chain is, from the page's prepare (one run at load 1.4) reads 2.5 s (the state's rows after the
 * articles), analysis 3.4, records to the matcher 0.7, state rows 0.3, then the install's record
 * rows 2.0, card rows 2.4, state rows 0.8 and matcher 0.3 (its worker done 1.6 s before). Tried
 * and not kept (builds, 2 alternated pairs each, within the noise): waiting for the card rows'
 * hashes a transaction's worth at a time instead of after each row; 16 state rows a transaction
 * instead of 4; building the next batch while one transaction is written (TRANSACTIONS_IN_FLIGHT 2
 * over corpus-store.ts's one-after-another chain).
 */
import type { ArticleInput } from '../../../core/analysis/context';
import { analyseCorpus, type AnalysisProgress, type AnalysisState } from '../../../core/analysis/index';
import { analyseIncrement } from '../../../core/analysis/incremental';
import type { StoredTokens } from '../../../core/analysis/stored-tokens';
import { SCHEMA_VERSION } from '../../../core/index/types';
import { analysisStateRows, usableAnalysisState, type StateFingerprint } from '../../../store/analysis-state';
import type { KeptRow } from '../../../store/shared-rows';
import { CorpusStore, type InstallOptions, type MatcherBuilder } from '../../../store/corpus-store';
import { CORPUS_SECTIONS, type CorpusRecord, type CorpusSection } from '../../../store/corpus-file-reader';
import type { CorpusIndex } from '../../../core/index/types';
import type { CorpusMeta } from '../../../store/db';
import { fetchedGazetteer } from '../../../store/gazetteer-asset';
import { compileInput } from '../../../store/matcher-input';
import type { MatcherPart } from '../../../store/matcher-row';
import type { HeldKeys, ImportTarget, MatcherReply, MatcherRequest, WorkerReply, WorkerRequest } from './import-protocol';


const scope = globalThis as unknown as { postMessage(reply: WorkerReply): void; close(): void; onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null };

function post(reply: WorkerReply): void {
  scope.postMessage(reply);
}

/**
 * Saving progress in articles (what the page shows): rows written so far, as a share of every row
 * of the corpus (articles, records, card details, matcher), scaled to the article count.
 */
function savingProgress(articles: number): (written: number, total: number) => void {
  return (written, total) => post({ type: 'progress', phase: 'saving', step: 'saving', done: Math.floor((written / total) * articles), total: articles });
}

/**
 * What a kept state must have been made with to be used: this worker's bundle (its file name
 * carries a hash of its content, the analysis code included, so another build's state is not
 * read) and the index schema.
 */
const FINGERPRINT: StateFingerprint = { code: (globalThis as { location?: { pathname?: string } }).location?.pathname ?? '', schemaVersion: SCHEMA_VERSION };

/** Records sent to the matcher worker a message at a time: a few megabytes of structured clone. */
const RECORDS_PER_MESSAGE = 2_000;

/**
 * An install's matcher compiled in a worker of its own (matcher-worker.ts) while this one writes the
 * generation's other rows. Started before the analysis, so that it loads and reads the claims it
 * reuses meanwhile; given every record of the index as soon as the analysis made it (addAll: the
 * install passing them again is ignored), each cut to what the compile reads (matcher-input.ts);
 * the parts come back in the order the install writes them. Adding 10 generated articles to 5,010
 * (add-profile.ts --threads, three alternated pairs, without → with): at load 1.2-2.0, 15.5 → 12.2 s
 * wall, the import worker's thread (the add's one chain) 12.2 → 8.2 CPU s, the browser's CPU 20.9
 * → 21.2; at load 1.5-2.5, 16.1 → 12.7, 12.5 → 8.6, 21.8 → 21.6; at load 3-3.4, 16.1 → 15.4, 12.9
 * → 8.2, 21.6 → 21.7 (the matcher worker about 5 CPU s beside it). What is left is mostly CPU the
 * two cores share (V8's helper threads, the storage process): 21 s of it is 10.5 s on two cores. The browser's CPU over the sending of the records (both workers' clone): 3.0 s whole,
 * 1.4 cut to what the compile reads (0.6 of it the import worker's).
 */
class RemoteMatcher implements MatcherBuilder {
  private readonly worker = new Worker(new URL('./matcher-worker.ts', import.meta.url), { type: 'module' });
  /** The generation whose claims it reuses (InstallOptions.matcher), once told. */
  previous: string | undefined;
  private section: CorpusSection | null = null;
  private records: unknown[] = [];
  private readonly received: MatcherPart[] = [];
  private ended = false;
  private failure: Error | null = null;
  private wake: (() => void) | null = null;
  /** Whether every record was sent (addAll). */
  private fed = false;
  private finished = false;

  constructor() {
    this.worker.onmessage = (event: MessageEvent<MatcherReply>) => {
      const reply = event.data;
      if (reply.type === 'part') this.received.push(reply.part);
      else if (reply.type === 'done') this.ended = true;
      else this.failure ??= new Error(`the matcher could not be compiled: ${reply.message}`);
      this.wake?.();
    };
    // A part that cannot be read is lost: the matcher would not be whole.
    this.worker.onmessageerror = () => {
      this.failure ??= new Error('the matcher could not be compiled: a part of it could not be read from its worker');
      this.wake?.();
    };
    this.worker.onerror = (event) => {
      event.preventDefault();
      this.failure ??= new Error(`the matcher could not be compiled: ${event.message || 'its worker stopped'}`);
      this.wake?.();
    };
  }

  /** Tells it the generation whose claims to reuse (undefined: none), before any record. */
  prepare(previous: string | undefined): void {
    this.previous = previous;
    this.send({ type: 'prepare', previous });
  }

  /**
   * Sends every record of `index` at once, before the install passes them (it then passes them
   * again: ignored), so the compile can start while the install writes the other rows.
   */
  addAll(index: CorpusIndex): void {
    for (const section of CORPUS_SECTIONS) for (const record of index[section] as CorpusRecord<typeof section>[]) this.add(section, record);
    this.finish();
    this.fed = true;
  }

  add<S extends CorpusSection>(section: S, record: CorpusRecord<S>): void {
    if (this.fed) return;
    if (section !== this.section) this.flush();
    this.section = section;
    this.records.push(compileInput(section, record));
    if (this.records.length >= RECORDS_PER_MESSAGE) this.flush();
  }

  async *parts(): AsyncGenerator<MatcherPart> {
    this.finish();
    for (;;) {
      if (this.failure) throw this.failure;
      const part = this.received.shift();
      if (part) yield part;
      else if (this.ended) return;
      else await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  close(): void {
    this.worker.terminate();
  }

  /** Sends what is left and says that was all (once). */
  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.flush();
    this.send({ type: 'finish' });
  }

  private flush(): void {
    if (this.section && this.records.length) this.send({ type: 'records', section: this.section, records: this.records });
    this.records = [];
  }

  private send(request: MatcherRequest): void {
    this.worker.postMessage(request);
  }
}

/** What an add reads of the corpus it adds to before it analyses. */
interface HeldCorpus {
  name: string;
  held: Awaited<ReturnType<CorpusStore['readArticlesWithTokens']>>;
  /** The analysis state kept with the generation read, when it can be used. */
  previous: AnalysisState | undefined;
  /** The claim record rows read for the state's drafts: the install takes those that come out the same as they are, unhashed. */
  keptRows: KeptRow[];
}

/** The article keys of `held` the page's duplicate check takes (import-client.ts existingOf reads the same from the store). */
function heldKeys(held: HeldCorpus['held']): HeldKeys {
  const keys: HeldKeys = { ids: [], urls: [], texts: [] };
  for (const article of held.articles) {
    keys.ids.push(article.id);
    if (article.url && article.url !== 'unknown') keys.urls.push(article.url);
    keys.texts.push(article.text);
  }
  return keys;
}

/** Reads corpus `id` for an add; `onMeta` is told its metadata as soon as it is read, `onArticles` its articles. */
async function readHeld(store: CorpusStore, id: string, onMeta: (meta: CorpusMeta) => void, onArticles: (held: HeldCorpus['held']) => void): Promise<HeldCorpus> {
  const meta = await store.meta(id);
  if (!meta) throw new Error(`no corpus with id "${id}"`);
  onMeta(meta);
  const keptRows: KeptRow[] = [];
  // The state kept with the generation read, asked for before the articles so its rows are read while theirs are.
  const kept = usableAnalysisState(store.db, meta.data, FINGERPRINT, (why) => console.warn(`import: the analysis state kept with the corpus is not used: ${why}`), keptRows);
  const held = await store.readArticlesWithTokens(id);
  onArticles(held);
  // Not used when the corpus was replaced between the two reads (the articles' generation is the last they are under, db.ts articleGenerations).
  const previous = held.from[held.from.length - 1] === meta.data ? await kept : void (await kept);
  return { name: meta.name, held, previous, keptRows };
}

/**
 * What an import starts before it has its articles (the page's `prepare`, or the analysis when none
 * came): the gazetteer, the matcher worker, and for an add the corpus's articles and analysis state.
 */
class Preparation {
  /** The claim groups relate places by the gazetteer as the matcher's compile does (null when it cannot be read: the text only). */
  readonly gazetteer = fetchedGazetteer()();
  readonly matcher = new RemoteMatcher();
  readonly corpus: Promise<HeldCorpus> | null;

  constructor(
    store: Promise<CorpusStore>,
    readonly target: ImportTarget,
    /** Whether the page waits for the corpus's article keys (a `prepare`: it checks the files meanwhile). */
    tellKeys: boolean,
  ) {
    if (target.kind === 'add') {
      let told = false;
      const tell = (keys: HeldKeys | null) => {
        if (tellKeys && !told) post({ type: 'held', keys });
        told = true;
      };
      this.corpus = store.then((s) => readHeld(s, target.id, (meta) => this.matcher.prepare(meta.status === 'ready' ? meta.data : undefined), (held) => tell(heldKeys(held))));
      // Awaited by the analysis; not an unhandled rejection if the page never sends it. Failed, the page reads the keys itself (and names what is wrong).
      this.corpus.catch(() => tell(null));
    } else {
      this.corpus = null;
      this.matcher.prepare(undefined);
    }
  }

  /** Whether it was made for `target` (a new corpus's name is the analysis's to give). */
  serves(target: ImportTarget): boolean {
    return target.kind === this.target.kind && (target.kind === 'new' || (this.target.kind === 'add' && target.id === this.target.id));
  }
}

async function analyseAndSave(store: CorpusStore, articles: ArticleInput[], target: ImportTarget, prep: Preparation): Promise<void> {
  const progress: AnalysisProgress = (step, done, total) => post({ type: 'progress', phase: 'analysing', step, done, total });
  let name = target.kind === 'new' ? target.name : '';
  let index;
  // Every article's tokens, kept beside its record for the next add.
  const tokens = new Map<string, StoredTokens>();
  const gazetteer = await prep.gazetteer;
  let heldArticles: InstallOptions['heldArticles'];
  let keptRows: KeptRow[] | undefined;
  // What this analysis leaves for the next add.
  let state: AnalysisState | undefined;
  const onState = (s: AnalysisState) => (state = s);
  if (prep.corpus) {
    const corpus = await prep.corpus;
    const { held } = corpus;
    name = corpus.name;
    keptRows = corpus.keptRows;
    // People, quotes and claims are grouped across articles, so the cross-article steps run over the
    // whole corpus again; the articles it holds are not cleaned, nor segmented when their tokens
    // were kept (incremental.ts, stored-tokens.ts).
    index = analyseIncrement(held.articles, articles, progress, { heldTokens: held.tokens, keptTokens: tokens, gazetteer, previous: corpus.previous, onState });
    // The held articles' rows are shared with the new generation, not written again; unless some
    // have no kept tokens (stored before tokens were kept): then every row is written, with tokens.
    if (held.tokens.size === held.articles.length) heldArticles = { from: held.from, ids: new Set(held.articles.map((a) => a.id)) };
  } else index = analyseCorpus(articles, progress, tokens, { gazetteer, onState });
  // The matcher worker compiles while the state's rows are made and the install writes the rest.
  prep.matcher.addAll(index);
  const stateRows = state && analysisStateRows(state, FINGERPRINT);
  state = undefined;
  post({ type: 'progress', phase: 'saving', step: 'saving', done: 0, total: index.articles.length });
  const onProgress = savingProgress(index.articles.length);
  const matcher = { previous: prep.matcher.previous, builder: prep.matcher };
  const summary = await store.install(index, target.kind === 'add' ? { id: target.id, name, origin: 'imported', onProgress, removeReplacedAfter: true, tokens, heldArticles, state: stateRows, code: FINGERPRINT.code, keptRows, matcher } : { name, origin: 'imported', onProgress, tokens, state: stateRows, code: FINGERPRINT.code, matcher });
  post({ type: 'done', summary, articles: articles.length });
}

/** Bytes of a corpus file read between two progress reports while it installs. */
const FILE_PROGRESS_BYTES = 1 << 20;

/** A file's bytes in the pieces its stream gives, `onRead` told the bytes read so far after each. */
async function* fileBytes(file: Blob, onRead: (bytes: number) => void): AsyncGenerator<Uint8Array> {
  const reader = file.stream().getReader();
  let read = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      read += value.byteLength;
      onRead(read);
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/**
 * Installs a corpus file streamed from disk (CorpusStore.installFile: each record checked and
 * written as it is read), so the file is never one string nor one parsed index in this worker: a
 * 20,000-article file is ~600 MB of text, several times that parsed.
 */
async function installFile(store: CorpusStore, file: Blob, fileName: string, name: string): Promise<void> {
  const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
  let reported = -FILE_PROGRESS_BYTES;
  let fileRead = false;
  const pieces = fileBytes(file, (read) => {
    fileRead = read >= file.size;
    if (read - reported < FILE_PROGRESS_BYTES && !fileRead) return;
    reported = read;
    post({ type: 'progress', phase: 'installing', step: 'file', done: mb(read), total: Math.max(1, mb(file.size)) });
  });
  post({ type: 'progress', phase: 'installing', step: 'file', done: 0, total: Math.max(1, mb(file.size)) });
  const summary = await store.installFile(pieces, fileName, {
    name,
    origin: 'imported',
    // Its card rows are known by this build's code, so the first add to it takes the ones it leaves as they were.
    code: FINGERPRINT.code,
    // Once the file is read, what is left is the card records and the matcher's parts.
    onProgress: (written, total) => {
      if (fileRead) post({ type: 'progress', phase: 'saving', step: 'rows', done: written, total });
    },
  });
  post({ type: 'done', summary, articles: summary.counts.articles });
}

/** This worker's store, opened by its first request. */
let opened: Promise<CorpusStore> | null = null;
/** What the page's `prepare` started. */
let prepared: Preparation | null = null;

scope.onmessage = (event) => {
  const request = event.data;
  opened ??= CorpusStore.open();
  const storeOpened = opened;
  if (request.type === 'prepare') {
    prepared = new Preparation(storeOpened, request.target, true);
    return;
  }
  const prep = request.type === 'analyse' ? (prepared?.serves(request.target) ? prepared : new Preparation(storeOpened, request.target, false)) : null;
  if (prepared !== prep) prepared?.matcher.close();
  void (async () => {
    const store = await storeOpened;
    try {
      if (request.type === 'analyse') await analyseAndSave(store, request.articles, request.target, prep!);
      else await installFile(store, request.file, request.fileName, request.name);
    } finally {
      prep?.matcher.close();
      await store.whenIdle();
      store.close();
    }
  })()
    .catch((error: unknown) => post({ type: 'error', message: error instanceof Error ? error.message : String(error) }))
    .finally(() => scope.close());
};
