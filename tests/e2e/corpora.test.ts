/**
 * The corpus store in the built extension, in both browsers: the bundled corpus is in the store
 * after install; a corpus file (the invented corpus of tests/fixtures/corpora/second, built here the
 * way `npm run corpus` builds it) installed through the background's installCorpus request is
 * listed, is still listed after the extension page reloads, exports as the same file, and can be
 * deleted, while the bundled corpus cannot. A record corrupted in the browser's IndexedDB makes its
 * corpus broken, with the reason, and the bundled corpus keeps working. (Quota exceeded is tested in
 * tests/unit/store: Chromium's CDP quota override does not apply to extension origins.)
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCorpus } from '../../scripts/lib/read-corpus';
import { analyseCorpus } from '../../src/core/analysis/index';
import type { CorpusSummary, Result } from '../../src/shared/protocol';
import { serialiseCorpusFile } from '../../src/store/corpus-file';
import { BROWSERS, CORPUS_BROWSER_PATH, launchExtensionBrowser, type ExtensionBrowser, type PageLike } from './harness/browsers';

const ROOT = resolve(import.meta.dirname, '..', '..');
const FILE = serialiseCorpusFile(analyseCorpus(readCorpus(resolve(ROOT, 'tests/fixtures/corpora/second')).articles));

/** Runs in an extension page: one protocol request to the background. */
async function sendMessage(message: unknown): Promise<unknown> {
  type Runtime = { runtime: { sendMessage(m: unknown): Promise<unknown> } };
  const g = globalThis as unknown as { browser?: Runtime; chrome?: Runtime };
  return (g.browser ?? g.chrome)!.runtime.sendMessage(message);
}

/** Runs in an extension page: replaces one article row's sentence list of a corpus with a string. */
async function corruptArticle(arg: { id: string; article: string }): Promise<boolean> {
  const db = await new Promise<IDBDatabase>((done, failed) => {
    const open = indexedDB.open('coverage-lens-corpora');
    open.onsuccess = () => done(open.result);
    open.onerror = () => failed(open.error);
  });
  const ask = <T>(req: IDBRequest<T>) =>
    new Promise<T>((done, failed) => {
      req.onsuccess = () => done(req.result);
      req.onerror = () => failed(req.error);
    });
  const tx = db.transaction(['corpora', 'articles'], 'readwrite');
  const meta = (await ask(tx.objectStore('corpora').get(arg.id))) as { data: string };
  const row = (await ask(tx.objectStore('articles').index('id').get([meta.data, arg.article]))) as { record: { sentences: unknown } } | undefined;
  if (!row) return false;
  row.record.sentences = 'gone';
  await ask(tx.objectStore('articles').put(row));
  db.close();
  return true;
}

async function request<T>(page: PageLike, type: string, payload: unknown): Promise<Result<T>> {
  return (await page.evaluate(sendMessage, { type, payload })) as Result<T>;
}

async function value<T>(page: PageLike, type: string, payload: unknown): Promise<T> {
  const reply = await request<T>(page, type, payload);
  if (!reply.ok) throw new Error(`${type}: ${reply.error}`);
  return reply.value;
}

describe.each(BROWSERS)('corpus store in %s', (name) => {
  let ext: ExtensionBrowser;
  let page: PageLike;
  let installed: CorpusSummary;

  beforeAll(async () => {
    ext = await launchExtensionBrowser(name);
    page = await ext.openExtensionPage(CORPUS_BROWSER_PATH);
  });

  afterAll(async () => {
    await ext?.close();
  });

  it('holds the bundled corpus after install', async () => {
    const list = await value<CorpusSummary[]>(page, 'listCorpora', {});
    expect(list.map((c) => [c.id, c.origin, c.status, c.active])).toEqual([['bundled', 'bundled', 'ready', true]]);
    expect(list[0].counts.articles).toBe(5);
  });

  it('installs a corpus file sent through the background and lists it', async () => {
    installed = await value<CorpusSummary>(page, 'installCorpus', { file: FILE, name: 'Harbour dispute (e2e)' });
    expect(installed).toMatchObject({ name: 'Harbour dispute (e2e)', origin: 'imported', status: 'ready', active: true });
    expect(installed.counts).toMatchObject({ articles: 4, outlets: 3, people: 4 });
    const list = await value<CorpusSummary[]>(page, 'listCorpora', {});
    expect(list.map((c) => c.id)).toEqual(['bundled', installed.id]);
  });

  it('still lists it after the extension page reloads, and exports it as the same file', async () => {
    await page.evaluate(() => {
      (globalThis as unknown as { beforeReload?: boolean }).beforeReload = true;
      setTimeout(() => location.reload(), 0);
    });
    await page.waitForFunction(
      () => !(globalThis as unknown as { beforeReload?: boolean }).beforeReload && document.readyState === 'complete',
      undefined,
      { timeout: 15_000 },
    );
    const list = await value<CorpusSummary[]>(page, 'listCorpora', {});
    expect(list.find((c) => c.id === installed.id)).toEqual(installed);
    expect(await value(page, 'exportCorpus', { id: installed.id })).toEqual({ name: 'Harbour dispute (e2e)', file: FILE });
  });

  it('deletes it; the bundled corpus can be switched off but not deleted', async () => {
    expect(await value(page, 'deleteCorpus', { id: installed.id })).toEqual({ deleted: true });
    expect((await value<CorpusSummary[]>(page, 'listCorpora', {})).map((c) => c.id)).toEqual(['bundled']);
    expect(await request(page, 'deleteCorpus', { id: 'bundled' })).toMatchObject({ ok: false, error: expect.stringMatching(/can be switched off, not deleted/) });
    expect((await value<CorpusSummary>(page, 'setCorpusActive', { id: 'bundled', active: false })).active).toBe(false);
    expect((await value<CorpusSummary>(page, 'setCorpusActive', { id: 'bundled', active: true })).active).toBe(true);
  });
});

describe.each(BROWSERS)('a corrupt record in the store, in %s', (name) => {
  let ext: ExtensionBrowser;
  let page: PageLike;

  beforeAll(async () => {
    ext = await launchExtensionBrowser(name);
    page = await ext.openExtensionPage(CORPUS_BROWSER_PATH);
  });

  afterAll(async () => {
    await ext?.close();
  });

  it('breaks only its corpus, with the reason naming the corpus, record and field', async () => {
    const { id } = await value<CorpusSummary>(page, 'installCorpus', { file: FILE, name: 'To be corrupted' });
    expect(await page.evaluate(corruptArticle, { id, article: 'a2' })).toBe(true);
    const reason = `Corpus "To be corrupted" (${id}) is broken: record articles "a2", field sentences: expected an array`;
    expect(await request(page, 'exportCorpus', { id })).toEqual({ ok: false, error: reason });
    const list = await value<CorpusSummary[]>(page, 'listCorpora', {});
    expect(list.map((c) => [c.id, c.status, c.reason])).toEqual([
      ['bundled', 'ready', undefined],
      [id, 'broken', reason],
    ]);
    expect((await request(page, 'exportCorpus', { id: 'bundled' })).ok).toBe(true);
    expect(await value(page, 'deleteCorpus', { id })).toEqual({ deleted: true });
  });
});
