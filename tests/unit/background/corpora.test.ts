/**
 * The corpus-store requests through the background's dispatcher, and the bundled corpus reaching
 * the store (first start, same version, update), against fake-indexeddb and a fake browser API.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { serialiseCorpusFile } from '../../../src/store/corpus-file';
import type { CorpusSummary, Result } from '../../../src/shared/protocol';
import { secondIndex } from '../store/helpers';

const fake = vi.hoisted(() => ({ version: '1.0.0', fetched: [] as string[] }));
vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: { getManifest: () => ({ version: fake.version }), getURL: (p: string) => `chrome-extension://fakeid${p}` },
    i18n: { getMessage: (key: string) => (key === 'store_bundledCorpusName' ? 'Bundled corpus' : '') },
  },
}));
vi.mock('../../../src/background/card-ui-path', () => ({ CARD_UI_PATH: 'src/page/card-ui.js' }));

const BUNDLED_FILE = readFileSync(resolve(import.meta.dirname, '../../../src/generated/index.json'), 'utf8');
const GAZETTEER_FILE = readFileSync(resolve(import.meta.dirname, '../../../src/generated/gazetteer.bin'));
// The package as fetch sees it: the gazetteer a compile reads (store/gazetteer-asset.ts), and
// otherwise the bundled corpus file, whose fetches are counted.
vi.stubGlobal('fetch', async (url: string) => {
  if (url.endsWith('/gazetteer.bin')) return new Response(GAZETTEER_FILE, { status: 200 });
  fake.fetched.push(url);
  return new Response(BUNDLED_FILE, { status: 200 });
});

const { dispatch } = await import('../../../src/background/handlers');
const { corpusStore, refreshBundledCorpus } = await import('../../../src/background/corpora');

async function call<T>(type: string, payload: unknown): Promise<Result<T>> {
  return (await dispatch({ type, payload }, {})) as Result<T>;
}
async function value<T>(type: string, payload: unknown): Promise<T> {
  const r = await call<T>(type, payload);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe('corpus requests through the background', () => {
  let secondId = '';

  it('installs the bundled corpus from the package on first start', async () => {
    const list = await value<CorpusSummary[]>('listCorpora', {});
    expect(list.map((c) => [c.id, c.name, c.origin, c.status, c.active])).toEqual([['bundled', 'Bundled corpus', 'bundled', 'ready', true]]);
    expect(list[0].counts.articles).toBe(5);
    expect(fake.fetched).toHaveLength(1);
    expect(fake.fetched[0]).toMatch(/^chrome-extension:\/\/fakeid\/.*index.*\.json$/);
  });

  it('installs a corpus file, lists it, switches, renames and exports it', async () => {
    const file = serialiseCorpusFile(secondIndex());
    const installed = await value<CorpusSummary>('installCorpus', { file, name: 'Harbour' });
    secondId = installed.id;
    expect(installed).toMatchObject({ name: 'Harbour', origin: 'imported', status: 'ready', active: true });
    expect((await value<CorpusSummary[]>('listCorpora', {})).map((c) => c.name)).toEqual(['Bundled corpus', 'Harbour']);
    expect((await value<CorpusSummary>('setCorpusActive', { id: secondId, active: false })).active).toBe(false);
    expect((await value<CorpusSummary>('renameCorpus', { id: secondId, name: 'Harbour 2031' })).name).toBe('Harbour 2031');
    expect(await value('exportCorpus', { id: secondId })).toEqual({ name: 'Harbour 2031', file });
  });

  it('answers bad requests with an error naming the file, field or corpus', async () => {
    expect(await call('installCorpus', { file: '{"schemaVersion":1}', name: 'Bad' })).toEqual({
      ok: false,
      error: 'corpus file "Bad": index.articles: expected an array',
    });
    expect(await call('installCorpus', { file: 42, name: 'Bad' })).toEqual({ ok: false, error: 'file: expected a string' });
    expect(await call('deleteCorpus', { id: 'bundled' })).toEqual({
      ok: false,
      error: 'corpus "Bundled corpus" comes with the extension: it can be switched off, not deleted',
    });
    expect(await call('setCorpusActive', { id: 'nope', active: true })).toEqual({ ok: false, error: 'there is no corpus with id "nope"' });
  });

  it('deletes an imported corpus', async () => {
    expect(await value('deleteCorpus', { id: secondId })).toEqual({ deleted: true });
    expect((await value<CorpusSummary[]>('listCorpora', {})).map((c) => c.id)).toEqual(['bundled']);
  });

  it('reinstalls the bundled corpus on update, keeping the reader\'s name and switch; not on a restart of the same version', async () => {
    const store = await corpusStore();
    await value('setCorpusActive', { id: 'bundled', active: false });
    await value('renameCorpus', { id: 'bundled', name: 'Demo corpus' });
    const before = (await store.meta('bundled'))!;
    await refreshBundledCorpus(store);
    expect(fake.fetched).toHaveLength(1);
    fake.version = '1.1.0';
    await refreshBundledCorpus(store);
    expect(fake.fetched).toHaveLength(2);
    const after = (await store.meta('bundled'))!;
    expect(after).toMatchObject({ name: 'Demo corpus', active: false, status: 'ready', sourceVersion: '1.1.0', created: before.created });
    expect(after.data).not.toBe(before.data);
  });
});
