/**
 * The import worker: analyses articles and writes the corpus into the store, off the corpus
 * browser's main thread. Cancelling terminates it; the store's install protocol (a generation written
 * under "importing", flipped in last, leftovers removed by recover()) keeps the corpus as it was.
 */
import type { ArticleInput } from '../../../core/analysis/context';
import { analyseCorpus } from '../../../core/analysis/index';
import type { CorpusIndex } from '../../../core/index/types';
import { parseCorpusFile } from '../../../store/corpus-file';
import { CorpusStore } from '../../../store/corpus-store';
import type { ImportTarget, WorkerReply, WorkerRequest } from './import-protocol';

const scope = globalThis as unknown as { postMessage(reply: WorkerReply): void; onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null };

function post(reply: WorkerReply): void {
  scope.postMessage(reply);
}

/** The articles of an existing corpus, as analysis input (its cleaned text keeps the headline first). */
function asInputs(index: CorpusIndex): ArticleInput[] {
  return index.articles.map((a) => ({ id: a.id, text: a.text, meta: { outlet: a.outlet, headline: a.headline, date: a.date, url: a.url } }));
}

async function analyseAndSave(store: CorpusStore, articles: ArticleInput[], target: ImportTarget): Promise<void> {
  let inputs = articles;
  let name = target.kind === 'new' ? target.name : '';
  if (target.kind === 'add') {
    const meta = await store.meta(target.id);
    if (!meta) throw new Error(`no corpus with id "${target.id}"`);
    name = meta.name;
    // The whole corpus is analysed again: people, quotes and claims are grouped across articles.
    inputs = [...asInputs(await store.readIndex(target.id)), ...articles];
  }
  const index = analyseCorpus(inputs, (step, done, total) => post({ type: 'progress', phase: 'analysing', step, done, total }));
  post({ type: 'progress', phase: 'saving', step: 'saving', done: 0, total: inputs.length });
  const summary = await store.install(index, target.kind === 'add' ? { id: target.id, name, origin: 'imported' } : { name, origin: 'imported' });
  post({ type: 'done', summary, articles: articles.length });
}

async function installFile(store: CorpusStore, text: string, fileName: string, name: string): Promise<void> {
  const index = parseCorpusFile(text, fileName);
  post({ type: 'progress', phase: 'saving', step: 'saving', done: 0, total: index.articles.length });
  const summary = await store.install(index, { name, origin: 'imported' });
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
      store.close();
    }
  })().catch((error: unknown) => post({ type: 'error', message: error instanceof Error ? error.message : String(error) }));
};
