/**
 * A corpus file installed record by record (CorpusStore.installFile): the same rows in every store as
 * installing its parsed index, however the file is cut into pieces; a bad record fails naming the
 * file, record and field, and leaves nothing of the corpus behind.
 */
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../../scripts/bench/generate-corpus';
import { analyseCorpus } from '../../../src/core/analysis';
import type { CorpusIndex } from '../../../src/core/index/types';
import { serialiseCorpusFile } from '../../../src/store/corpus-file';
import type { CorpusStore } from '../../../src/store/corpus-store';
import { DATA_STORES, generationRange } from '../../../src/store/db';
import { countRows, freshStore, secondIndex, seedsIndex } from './helpers';

/** Every data row of the corpus `id` stands on, without its generation key (it differs between installs; a manifest names it too). */
async function rowsOf(store: CorpusStore, id: string): Promise<Record<string, unknown[]>> {
  const meta = (await store.meta(id))!;
  const out: Record<string, unknown[]> = {};
  const own = (row: object) => ('refs' in row && Array.isArray(row.refs) ? { ...row, refs: row.refs.map((r: { from: string }) => ({ ...r, from: r.from === meta.data ? '' : r.from })) } : row);
  for (const s of DATA_STORES) out[s] = (await store.db.getAll(s, generationRange(meta.data))).map(({ data: _data, ...row }) => own(row));
  return out;
}

/** `text` as UTF-8 bytes in pieces of `size` (characters cut inside). */
function* bytePieces(text: string, size: number): Generator<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  for (let k = 0; k < bytes.length; k += size) yield bytes.subarray(k, k + size);
}

const CORPORA: [string, () => CorpusIndex][] = [
  ['the seeds', seedsIndex],
  ['the second corpus', secondIndex],
  ['12 generated articles', () => JSON.parse(serialiseCorpusFile(analyseCorpus(generateCorpus({ articles: 12, seed: 11 })))) as CorpusIndex],
];

describe('CorpusStore.installFile', () => {
  it.each(CORPORA)('writes %s as the same rows, counts and summary as installing its index', async (_name, make) => {
    const index = make();
    const file = serialiseCorpusFile(index);
    // Three rows a transaction: batches end inside every section, and several are in flight.
    const store = await freshStore(undefined, { rowsPerTransaction: 3 });
    const whole = await store.install(index, { name: 'Whole', origin: 'imported' });
    const progress: [number, number][] = [];
    const streamed = await store.installFile(bytePieces(file, 1000), 'c.json', { name: 'Streamed', origin: 'imported', onProgress: (done, total) => progress.push([done, total]) });
    expect({ ...streamed, id: '', name: '', created: 0, updated: 0 }).toEqual({ ...whole, id: '', name: '', created: 0, updated: 0 });
    expect(await rowsOf(store, streamed.id)).toEqual(await rowsOf(store, whole.id));
    expect((await store.meta(streamed.id))?.detailsDirectory).toBe((await store.meta(whole.id))?.detailsDirectory);
    // Progress never goes back, and ends at every row written.
    for (let k = 1; k < progress.length; k++) expect(progress[k][0]).toBeGreaterThanOrEqual(progress[k - 1][0]);
    const rows = Object.values(await rowsOf(store, streamed.id)).reduce((n, r) => n + r.length, 0);
    expect(progress.at(-1)).toEqual([rows, rows]);
    store.close();
  }, 60_000);

  it('installs a file given as one text (the background message installCorpus carries)', async () => {
    const store = await freshStore();
    const summary = await store.installFileText(serialiseCorpusFile(secondIndex()), 'c.json', { name: 'Second', origin: 'imported' });
    expect(summary.status).toBe('ready');
    expect(summary.counts.articles).toBe(secondIndex().articles.length);
    expect((await store.readIndex(summary.id)).claims).toEqual(secondIndex().claims);
    store.close();
  });

  it.each([
    ['a record with a bad field', (x: CorpusIndex) => ((x.claims[3] as { text: unknown }).text = 7), 'c.json: index.claims[3].text: expected a string'],
    ['a reference to a record that never comes', (x: CorpusIndex) => (x.claims[0].group = 'cg-missing'), 'c.json: index.claims[0].group: unknown claim group id "cg-missing"'],
    ['a file cut short', null, /^c\.json: .*(cut short|not JSON)/],
  ])('rejects %s, naming the file, record and field, and keeps nothing of it', async (_name, change, message) => {
    const store = await freshStore(undefined, { rowsPerTransaction: 2 });
    await store.install(secondIndex(), { name: 'Second', origin: 'imported' });
    const before = await countRows(store);
    const index = seedsIndex();
    let file = serialiseCorpusFile(index);
    if (change) {
      change(index);
      file = JSON.stringify(index);
    } else file = file.slice(0, file.length >> 1);
    await expect(store.installFile(bytePieces(file, 4096), 'c.json', { name: 'Bad', origin: 'imported' })).rejects.toThrow(message as string | RegExp);
    expect(await countRows(store)).toEqual(before);
    expect((await store.list()).map((c) => c.name)).toEqual(['Second']);
    store.close();
  });
});
