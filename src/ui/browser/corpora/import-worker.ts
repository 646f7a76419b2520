/**
 * The import worker: analyses articles and writes the corpus into the store, off the corpus
 * browser's main thread. Cancelling terminates it; the store's install protocol (a generation written
 * under "importing", flipped in last, leftovers removed by recover()) keeps the corpus as it was.
 * After an add it says "done" as soon as the new generation is in, removes the replaced one's rows,
 * then closes itself (terminated before that, it leaves them to recover()).
 */
import type { ArticleInput } from '../../../core/analysis/context';
import { analyseCorpus, type AnalysisProgress } from '../../../core/analysis/index';
import { analyseIncrement } from '../../../core/analysis/incremental';
import type { StoredTokens } from '../../../core/analysis/stored-tokens';
import { parseCorpusFile } from '../../../store/corpus-file';
import { CorpusStore } from '../../../store/corpus-store';
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

async function analyseAndSave(store: CorpusStore, articles: ArticleInput[], target: ImportTarget): Promise<void> {
  const progress: AnalysisProgress = (step, done, total) => post({ type: 'progress', phase: 'analysing', step, done, total });
  let name = target.kind === 'new' ? target.name : '';
  let index;
  // Every article's tokens, kept beside its record for the next add.
  const tokens = new Map<string, StoredTokens>();
  if (target.kind === 'add') {
    const meta = await store.meta(target.id);
    if (!meta) throw new Error(`no corpus with id "${target.id}"`);
    name = meta.name;
    // People, quotes and claims are grouped across articles, so the cross-article steps run over the
    // whole corpus again; the articles it holds are not cleaned, nor segmented when their tokens
    // were kept (incremental.ts, stored-tokens.ts).
    const held = await store.readArticlesWithTokens(target.id);
    index = analyseIncrement(held.articles, articles, progress, { heldTokens: held.tokens, keptTokens: tokens });
  } else index = analyseCorpus(articles, progress, tokens);
  post({ type: 'progress', phase: 'saving', step: 'saving', done: 0, total: index.articles.length });
  const onProgress = savingProgress(index.articles.length);
  const summary = await store.install(index, target.kind === 'add' ? { id: target.id, name, origin: 'imported', onProgress, removeReplacedAfter: true, tokens } : { name, origin: 'imported', onProgress, tokens });
  post({ type: 'done', summary, articles: articles.length });
}

async function installFile(store: CorpusStore, text: string, fileName: string, name: string): Promise<void> {
  const index = parseCorpusFile(text, fileName);
  post({ type: 'progress', phase: 'saving', step: 'saving', done: 0, total: index.articles.length });
  const summary = await store.install(index, { name, origin: 'imported', onProgress: savingProgress(index.articles.length) });
  post({ type: 'done', summary, articles: index.articles.length });
}

scope.onmessage = (event) => {
  const request = event.data;
  void (async () => {
    const store = await CorpusStore.open();
    try {
      if (request.type === 'analyse') await analyseAndSave(store, request.articles, request.target);
      else await installFile(store, request.text, request.fileName, request.name);
    } finally {
      await store.whenIdle();
      store.close();
    }
  })()
    .catch((error: unknown) => post({ type: 'error', message: error instanceof Error ? error.message : String(error) }))
    .finally(() => scope.close());
};
