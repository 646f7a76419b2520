/**
 * An add writes only the record rows and card rows whose content changed (shared-rows.ts): the rest
 * it reads where the generation it replaced has them. What it stores is the same corpus as a fresh
 * install of the same articles (the same rows, cut the same way, record for record and card for
 * card); an interrupted add leaves the generation it replaced whole; removing replaced generations
 * leaves exactly the rows a live one reads; a generation of the layout before (no manifests) is
 * read as before and shares nothing.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as cardDetails from '../../../src/core/index/card-details';
import { analyseCorpus, type ArticleInput } from '../../../src/core/analysis/index';
import { analyseIncrement } from '../../../src/core/analysis/incremental';
import type { StoredTokens } from '../../../src/core/analysis/stored-tokens';
import { serialiseCorpusFile } from '../../../src/store/corpus-file';
import { CorpusStore } from '../../../src/store/corpus-store';
import { DATA_STORES, DETAILS_ROW_KIND, MANIFEST, generationRange, openCorpusDb, type CorpusMeta, type DetailsManifestRow, type DetailsRecordRow, type RecordManifestRow, type RecordRow } from '../../../src/store/db';
import { STORED_TOTAL } from '../../../src/store/details-input';
import { generateCorpus } from '../../../scripts/bench/generate-corpus';
import type { CorpusIndex } from '../../../src/core/index/types';
import { cardKeys, countRows, failPuts, freshDbName, freshStore } from './helpers';

// Counts the card records built (an add given the code builds only the rows whose cards' inputs changed).
vi.mock('../../../src/core/index/card-details', async (actual) => {
  const real = await actual<typeof import('../../../src/core/index/card-details')>();
  return { ...real, cardDetailsFrom: vi.fn(real.cardDetailsFrom) };
});
const built = cardDetails.cardDetailsFrom as unknown as ReturnType<typeof vi.fn>;

const open: CorpusStore[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

/** Analysing and installing 40 generated articles a few times takes a while on a loaded 2-core machine. */
const TIMEOUT_MS = 180_000;


async function manifests(s: CorpusStore, data: string): Promise<{ records: RecordManifestRow; details: DetailsManifestRow }> {
  return {
    records: (await s.db.get('records', [data, MANIFEST, 0])) as RecordManifestRow,
    details: (await s.db.get('details', [data, MANIFEST, '0'])) as DetailsManifestRow,
  };
}

/** Every row a generation reads, in its manifests' order: record lists of its record rows, then of its card rows. */
async function rowContents(s: CorpusStore, data: string): Promise<unknown[][]> {
  const m = await manifests(s, data);
  const out: unknown[][] = [];
  for (const r of m.records.refs) out.push([r.coll, ...((await s.db.get('records', [r.from, r.coll, r.n])) as RecordRow).records]);
  for (const r of m.details.refs) out.push(((await s.db.get('details', [r.from, DETAILS_ROW_KIND, String(r.n)])) as DetailsRecordRow).records);
  return out;
}

/** 40 generated articles: 36 held, 4 added (interleaved with the held ones in id order). */
function split(): { all: ArticleInput[]; held: ArticleInput[]; added: ArticleInput[] } {
  const all = [...generateCorpus({ articles: 40, seed: 23 })].sort((a, b) => (a.id < b.id ? -1 : 1));
  const added = all.filter((_, k) => k % 10 === 5);
  return { all, held: all.filter((a) => !added.includes(a)), added };
}

/** Adds `added` to corpus `id` as the import worker does (held article rows shared, the replaced generation removed after). */
async function add(s: CorpusStore, id: string, added: ArticleInput[], code?: string): Promise<void> {
  const held = await s.readArticlesWithTokens(id);
  const kept = new Map<string, StoredTokens>();
  const grown = analyseIncrement(held.articles, added, undefined, { heldTokens: held.tokens, keptTokens: kept });
  await s.install(grown, { id, name: 'Grown', origin: 'imported', removeReplacedAfter: true, tokens: kept, heldArticles: { from: held.from, ids: new Set(held.articles.map((a) => a.id)) }, ...(code === undefined ? {} : { code }) });
  await s.whenIdle();
}

/** The same corpus as a fresh install of `whole`: the same rows cut the same way, records, cards and matcher, and no stray row. */
async function expectFreshInstall(s: CorpusStore, id: string, whole: CorpusIndex): Promise<void> {
  const meta = (await s.meta(id))!;
  const f = await freshStore();
  open.push(f);
  const { id: wholeId } = await f.install(whole, { name: 'Whole', origin: 'imported' });
  const wholeMeta = (await f.meta(wholeId))!;
  expect(await rowContents(s, meta.data)).toEqual(await rowContents(f, wholeMeta.data));
  expect(serialiseCorpusFile(await s.readIndex(id))).toBe(serialiseCorpusFile(whole));
  for (const [kind, key] of cardKeys(whole)) expect(await s.readDetails(meta, kind, key)).toEqual(await f.readDetails(wholeMeta, kind, key));
  expect((await s.readMatcher(meta))!.data).toEqual((await f.readMatcher(wholeMeta))!.data);
  expect(await countRows(s)).toEqual(await countRows(f));
  expect(await strayRows(s)).toBe(0);
}

/** Every row key in the data stores (but `articles`) that no live generation reads. */
async function strayRows(s: CorpusStore): Promise<number> {
  const metas = await s.metas();
  const live = new Set<string>();
  for (const meta of metas) {
    for (const store of ['matcher', 'state'] as const) for (const k of await s.db.getAllKeys(store, generationRange(meta.data))) live.add(JSON.stringify([store, ...k]));
    const m = await manifests(s, meta.data);
    live.add(JSON.stringify(['records', meta.data, MANIFEST, 0]));
    for (const r of m.records.refs) live.add(JSON.stringify(['records', r.from, r.coll, r.n]));
    for (const k of await s.db.getAllKeys('details', generationRange(meta.data))) if (k[1] !== DETAILS_ROW_KIND) live.add(JSON.stringify(['details', ...k]));
    for (const r of m.details.refs) live.add(JSON.stringify(['details', r.from, DETAILS_ROW_KIND, String(r.n)]));
  }
  let stray = 0;
  for (const store of ['records', 'details', 'matcher', 'state'] as const) for (const k of await s.db.getAllKeys(store)) if (!live.has(JSON.stringify([store, ...k]))) stray++;
  return stray;
}

describe('rows an add shares with the generation it replaces', () => {
  it('an add writes only the rows whose content changed, and stores the same corpus as a fresh install of the same articles', async () => {
    const { all, held, added } = split();
    const s = await freshStore();
    open.push(s);
    const tokens = new Map<string, StoredTokens>();
    const { id } = await s.install(analyseCorpus(held, undefined, tokens), { name: 'Grown', origin: 'imported', tokens });
    const data0 = (await s.meta(id))!.data;
    const before = await manifests(s, data0);
    await add(s, id, added);
    const meta = (await s.meta(id))!;
    expect(meta.rowsFrom).toEqual([data0]);
    const after = await manifests(s, meta.data);
    // A row is written again exactly when the replaced generation has none with its content.
    const hashes0 = new Set([...before.records.refs, ...before.details.refs].map((r) => r.hash));
    const refs = [...after.records.refs, ...after.details.refs];
    for (const r of refs) expect([r.hash, r.from === data0]).toEqual([r.hash, hashes0.has(r.hash)]);
    const written = refs.filter((r) => r.from === meta.data).length;
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThan(refs.length);
    // Under the new key: the rows written and the manifests and card directory, nothing else.
    const dirs = (await s.db.getAll('details', generationRange(meta.data))).filter((r) => r.kind !== DETAILS_ROW_KIND && r.kind !== MANIFEST).length;
    expect((await s.db.count('records', generationRange(meta.data))) + (await s.db.count('details', generationRange(meta.data)))).toBe(written + 2 + dirs);

    // The same corpus as installing the full analysis afresh: the same rows cut the same way, the
    // same records, cards and matcher; rows stored once (the shared article rows under the key they
    // came with), none stray.
    await expectFreshInstall(s, id, analyseCorpus(all));
  }, TIMEOUT_MS);

  it('an add given the code its card rows were written by builds only the rows whose cards changed, and stores the same corpus as a fresh install', async () => {
    const all = [...generateCorpus({ articles: 60, seed: 29 })].sort((a, b) => (a.id < b.id ? -1 : 1));
    const first = all.filter((_, k) => k % 12 === 5);
    const second = all.filter((_, k) => k % 12 === 7);
    const held = all.filter((a) => !first.includes(a) && !second.includes(a));
    const s = await freshStore();
    open.push(s);
    const tokens = new Map<string, StoredTokens>();
    const { id } = await s.install(analyseCorpus(held, undefined, tokens), { name: 'Grown', origin: 'imported', tokens, code: 'build-1' });
    const cardsOf = async () => ((await s.db.get('details', [(await s.meta(id))!.data, MANIFEST, '0'])) as DetailsManifestRow).refs;
    // Every row of card records is known by its cards under the code it was written by.
    for (const ref of await cardsOf()) expect(typeof ref.cards).toBe('string');

    built.mockClear();
    await add(s, id, first, 'build-1');
    const grown = cardKeys(analyseCorpus([...held, ...first])).length;
    // Some cards were built (the rows of the added articles' people and groups), not all of them
    // (in a corpus this small most rows hold a card the add changed: 1,034 of 1,292 cards built).
    expect(built.mock.calls.length).toBeGreaterThan(0);
    expect(built.mock.calls.length).toBeLessThan(grown);
    await expectFreshInstall(s, id, analyseCorpus([...held, ...first]));

    // A second add reuses rows over two generations; still the fresh install's corpus.
    built.mockClear();
    await add(s, id, second, 'build-1');
    expect(built.mock.calls.length).toBeLessThan(cardKeys(analyseCorpus(all)).length);
    await expectFreshInstall(s, id, analyseCorpus(all));
  }, TIMEOUT_MS);

  it('an add does not build again the card of an entity that names one whose record changed but not its kind or name', async () => {
    const all = [...generateCorpus({ articles: 60, seed: 29 })].sort((a, b) => (a.id < b.id ? -1 : 1));
    const added = all.filter((_, k) => k % 12 === 5);
    const held = all.filter((a) => !added.includes(a));
    const s = await freshStore();
    open.push(s);
    const tokens = new Map<string, StoredTokens>();
    const before = analyseCorpus(held, undefined, tokens);
    const { id } = await s.install(before, { name: 'Grown', origin: 'imported', tokens, code: 'build-1' });
    const after = analyseCorpus(all);
    const old = new Map(before.entities.map((e) => [e.id, e]));
    // Entities the add changed (their coverage grew, say) that keep their kind and name: a card naming one shows it as before.
    const changedNamed = new Set(after.entities.filter((e) => { const o = old.get(e.id); return o && JSON.stringify(o) !== JSON.stringify(e) && o.kind === e.kind && o.name === e.name; }).map((e) => e.id));
    // Unchanged entities whose cards name one of those (before this rule, each one's card was built again).
    const naming = after.entities.filter((e) => JSON.stringify(old.get(e.id)) === JSON.stringify(e) && e.related.some((r) => changedNamed.has(r.entity)));
    expect(naming.length).toBeGreaterThan(0);
    built.mockClear();
    await add(s, id, added, 'build-1');
    const builtIds = new Set(built.mock.calls.map((call) => `${String(call[2])} ${String(call[3])}`));
    // Some of them sit in rows holding no card the add changed: those rows are taken as they were, their cards not built.
    expect(naming.filter((e) => !builtIds.has(`${e.kind} ${e.id}`)).length).toBeGreaterThan(0);
    // And the corpus is the fresh install's, card for card.
    await expectFreshInstall(s, id, after);
  }, TIMEOUT_MS);

  it('an add under other code, or given none, builds every card record (and shares the rows that come out the same)', async () => {
    const { all, held, added } = split();
    for (const code of ['build-2', undefined]) {
      const s = await freshStore();
      open.push(s);
      const tokens = new Map<string, StoredTokens>();
      const { id } = await s.install(analyseCorpus(held, undefined, tokens), { name: 'Grown', origin: 'imported', tokens, code: 'build-1' });
      built.mockClear();
      await add(s, id, added, code);
      expect(built.mock.calls.length).toBe(cardKeys(analyseCorpus(all)).length);
      await expectFreshInstall(s, id, analyseCorpus(all));
      // The rows are known by the code that made them; given none, by none.
      const refs = ((await s.db.get('details', [(await s.meta(id))!.data, MANIFEST, '0'])) as DetailsManifestRow).refs;
      for (const ref of refs) expect(ref.cards === undefined).toBe(code === undefined);
    }
  }, TIMEOUT_MS);

  it('a card read gives the count of articles of the generation read; the stored card carries none, so an add does not change every card', async () => {
    const { held, added } = split();
    const s = await freshStore();
    open.push(s);
    const { id } = await s.install(analyseCorpus(held), { name: 'Grown', origin: 'imported' });
    const [kind, key] = cardKeys(analyseCorpus(held))[0]!;
    expect((await s.readDetails((await s.meta(id))!, kind, key))!.total).toBe(held.length);
    await add(s, id, added);
    const meta = (await s.meta(id))!;
    expect((await s.readDetails(meta, kind, key))!.total).toBe(held.length + added.length);
    for (const row of (await s.db.getAll('details')).filter((r): r is DetailsRecordRow => r.kind === DETAILS_ROW_KIND)) for (const card of row.records) expect(card.total).toBe(STORED_TOTAL);
  }, TIMEOUT_MS);

  // Given a code, the add takes card rows unbuilt from the generation it replaces (placeDeferred).
  it.each([undefined, 'build-1'])('an add cut short leaves the generation it replaced whole, and recover() leaves nothing of it (code %s)', async (code) => {
    const { held, added } = split();
    const name = freshDbName();
    const s = await freshStore(name);
    const index = analyseCorpus(held);
    const { id } = await s.install(index, { name: 'Grown', origin: 'imported', ...(code === undefined ? {} : { code }) });
    const clean = await countRows(s);
    const meta0 = (await s.meta(id))!;
    const rows0 = await rowContents(s, meta0.data);
    // The add dies while its card directory is written (after its record and card rows): no clean-up runs.
    (s as unknown as { discard: () => Promise<void> }).discard = async () => undefined;
    const restore = failPuts('details', () => new Error('the worker stopped'), (row) => (row as { kind?: string }).kind === MANIFEST);
    try {
      await expect(add(s, id, added, code)).rejects.toThrow('the worker stopped');
    } finally {
      restore();
    }
    // The corpus reads as it did, from the rows it had.
    const meta = (await s.meta(id))!;
    expect(meta.data).toBe(meta0.data);
    expect(await rowContents(s, meta.data)).toEqual(rows0);
    expect(serialiseCorpusFile(await s.readIndex(id))).toBe(serialiseCorpusFile(index));
    for (const [kind, key] of cardKeys(index)) expect(await s.readDetails(meta, kind, key)).not.toBeNull();
    s.close();
    const restarted = await freshStore(name);
    open.push(restarted);
    expect(await restarted.recover()).toEqual([id]);
    expect(await countRows(restarted)).toEqual(clean);
    expect(await strayRows(restarted)).toBe(0);
  }, TIMEOUT_MS);

  it.each([undefined, 'build-1'])('adds in a row share rows across generations; removals, recover() and delete leave exactly what is read (code %s)', async (code) => {
    const { all, held, added } = split();
    const s = await freshStore();
    open.push(s);
    const { id } = await s.install(analyseCorpus(held), { name: 'Grown', origin: 'imported', ...(code === undefined ? {} : { code }) });
    const data0 = (await s.meta(id))!.data;
    await add(s, id, added.slice(0, 2), code);
    const data1 = (await s.meta(id))!.data;
    await add(s, id, added.slice(2), code);
    const meta = (await s.meta(id))!;
    // Rows of the first generation the second shared and the third still reads stay under the first's key.
    expect(meta.rowsFrom).toContain(data0);
    expect([data0, data1]).toEqual(expect.arrayContaining(meta.rowsFrom!));
    expect(meta.retired).toBeUndefined();
    expect(await strayRows(s)).toBe(0);
    const whole = analyseCorpus(all);
    expect(serialiseCorpusFile(await s.readIndex(id))).toBe(serialiseCorpusFile(whole));
    for (const [kind, key] of cardKeys(whole)) expect(await s.readDetails(meta, kind, key)).not.toBeNull();
    if (code !== undefined) await expectFreshInstall(s, id, whole);

    // A removal cut short (the keys still retired) is finished by recover(), which leaves the rows read.
    await s.db.put('corpora', { ...meta, retired: [data0, data1] });
    await s.recover();
    expect((await s.meta(id))!.retired).toBeUndefined();
    expect(await strayRows(s)).toBe(0);
    expect(serialiseCorpusFile(await s.readIndex(id))).toBe(serialiseCorpusFile(whole));

    // A full install over it shares what it can too; delete leaves nothing.
    await s.install(whole, { id, name: 'Grown', origin: 'imported' });
    expect(await strayRows(s)).toBe(0);
    await s.delete(id);
    expect(await countRows(s)).toEqual({ corpora: 0, articles: 0, records: 0, details: 0, matcher: 0 });
  }, TIMEOUT_MS);

  it('opens a version-5 database: a generation without manifests reads as before, and an add over it writes every row', async () => {
    const { all, held, added } = split();
    const source = await freshStore();
    open.push(source);
    const index = analyseCorpus(held);
    const { id } = await source.install(index, { name: 'Grown', origin: 'imported' });
    const installed = (await source.meta(id))!;
    // The corpus as version 5 stored it: its rows without the manifests, every card row its own, the cards carrying the article count.
    const name = freshDbName();
    const v5 = await openCorpusDb(name, 5);
    expect([...v5.objectStoreNames].sort()).toEqual(['articles', 'corpora', 'details', 'matcher', 'records', 'state']);
    for (const store of ['corpora', ...DATA_STORES] as const) {
      for (const row of await source.db.getAll(store)) {
        const r = row as { coll?: string; kind?: string; records?: { total?: number }[] };
        if (r.coll === MANIFEST || r.kind === MANIFEST) continue;
        await v5.put(store, (r.kind === DETAILS_ROW_KIND ? { ...r, records: r.records!.map((c) => ({ ...c, total: held.length })) } : r) as never);
      }
    }
    v5.close();
    const s = await CorpusStore.open(name);
    open.push(s);
    expect(s.db.version).toBe(6);
    const meta = (await s.meta(id))! as CorpusMeta;
    expect(meta.data).toBe(installed.data);
    expect(serialiseCorpusFile(await s.readIndex(id))).toBe(serialiseCorpusFile(index));
    for (const [kind, key] of cardKeys(index)) expect(await s.readDetails(meta, kind, key)).toEqual(await source.readDetails(installed, kind, key));
    await add(s, id, added);
    const grown = (await s.meta(id))!;
    expect(grown.rowsFrom).toBeUndefined();
    expect(serialiseCorpusFile(await s.readIndex(id))).toBe(serialiseCorpusFile(analyseCorpus(all)));
    expect(await strayRows(s)).toBe(0);
  }, TIMEOUT_MS);
});
