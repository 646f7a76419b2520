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
 */
import type { ArticleInput } from '../../../core/analysis/context';
import { analyseCorpus, type AnalysisProgress, type AnalysisState } from '../../../core/analysis/index';
import { analyseIncrement } from '../../../core/analysis/incremental';
import type { StoredTokens } from '../../../core/analysis/stored-tokens';
import { SCHEMA_VERSION } from '../../../core/index/types';
import { analysisStateRows, usableAnalysisState, type StateFingerprint } from '../../../store/analysis-state';
import type { KeptRow } from '../../../store/shared-rows';
import { CorpusStore, type InstallOptions } from '../../../store/corpus-store';
import { fetchedGazetteer } from '../../../store/gazetteer-asset';
import type { ImportTarget, WorkerReply, WorkerRequest } from './import-protocol';

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

async function analyseAndSave(store: CorpusStore, articles: ArticleInput[], target: ImportTarget): Promise<void> {
  const progress: AnalysisProgress = (step, done, total) => post({ type: 'progress', phase: 'analysing', step, done, total });
  let name = target.kind === 'new' ? target.name : '';
  let index;
  // Every article's tokens, kept beside its record for the next add.
  const tokens = new Map<string, StoredTokens>();
  // The claim groups relate places by the gazetteer as the matcher's compile does (null when it cannot be read: the text only).
  const gazetteer = await fetchedGazetteer()();
  let heldArticles: InstallOptions['heldArticles'];
  // The claim record rows read for the kept state's drafts: the install takes those that come out the same as they are, unhashed.
  const keptRows: KeptRow[] = [];
  // What this analysis leaves for the next add.
  let state: AnalysisState | undefined;
  const onState = (s: AnalysisState) => (state = s);
  if (target.kind === 'add') {
    const meta = await store.meta(target.id);
    if (!meta) throw new Error(`no corpus with id "${target.id}"`);
    name = meta.name;
    // People, quotes and claims are grouped across articles, so the cross-article steps run over the
    // whole corpus again; the articles it holds are not cleaned, nor segmented when their tokens
    // were kept (incremental.ts, stored-tokens.ts).
    // The state kept with the generation read, asked for before the articles so its rows are read while theirs are.
    const kept = usableAnalysisState(store.db, meta.data, FINGERPRINT, (why) => console.warn(`import: the analysis state kept with the corpus is not used: ${why}`), keptRows);
    const held = await store.readArticlesWithTokens(target.id);
    // Not used when the corpus was replaced between the two reads (the articles' generation is the last they are under, db.ts articleGenerations).
    const previous = held.from[held.from.length - 1] === meta.data ? await kept : void (await kept);
    index = analyseIncrement(held.articles, articles, progress, { heldTokens: held.tokens, keptTokens: tokens, gazetteer, previous, onState });
    // The held articles' rows are shared with the new generation, not written again; unless some
    // have no kept tokens (stored before tokens were kept): then every row is written, with tokens.
    if (held.tokens.size === held.articles.length) heldArticles = { from: held.from, ids: new Set(held.articles.map((a) => a.id)) };
  } else index = analyseCorpus(articles, progress, tokens, { gazetteer, onState });
  const stateRows = state && analysisStateRows(state, FINGERPRINT);
  state = undefined;
  post({ type: 'progress', phase: 'saving', step: 'saving', done: 0, total: index.articles.length });
  const onProgress = savingProgress(index.articles.length);
  const summary = await store.install(index, target.kind === 'add' ? { id: target.id, name, origin: 'imported', onProgress, removeReplacedAfter: true, tokens, heldArticles, state: stateRows, code: FINGERPRINT.code, keptRows } : { name, origin: 'imported', onProgress, tokens, state: stateRows, code: FINGERPRINT.code });
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

scope.onmessage = (event) => {
  const request = event.data;
  void (async () => {
    const store = await CorpusStore.open();
    try {
      if (request.type === 'analyse') await analyseAndSave(store, request.articles, request.target);
      else await installFile(store, request.file, request.fileName, request.name);
    } finally {
      await store.whenIdle();
      store.close();
    }
  })()
    .catch((error: unknown) => post({ type: 'error', message: error instanceof Error ? error.message : String(error) }))
    .finally(() => scope.close());
};
