/**
 * The corpus store against a real IndexedDB implementation (fake-indexeddb): install, list, switch,
 * rename, delete, export round trip, a corrupt record, an interrupted install, quota exceeded.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildCardDetails } from '../../../src/core/index/card-details';
import { createStoreCorpusSource } from '../../../src/background/store-corpus-source';
import { parseCorpusFile, serialiseCorpusFile } from '../../../src/store/corpus-file';
import { BUNDLED_CORPUS_ID, DETAILS_ROWS_PER_TRANSACTION, StorageFullError, type CorpusStore } from '../../../src/store/corpus-store';
import { DETAILS_PER_BUCKET, DETAILS_ROW_KIND, RECORDS_PER_ROW, RECORD_COLLECTIONS, directoryRowCount, generationRange, readGeneration, recordRows, type DetailsRecordRow } from '../../../src/store/db';
import { MAX_ROW_FACTOR } from '../../../src/store/shared-rows';
import type { CorpusIndex } from '../../../src/core/index/types';
import { countRows, failPuts, freshDbName, freshStore, SECOND_TEXT, secondIndex, SEEDS_TEXT, seedsIndex } from './helpers';

const open: CorpusStore[] = [];
async function store(name?: string): Promise<CorpusStore> {
  const s = await freshStore(name);
  open.push(s);
  return s;
}
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

/** Ids of the records a corpus source finds in a text, per corpus name. */
async function matchesByCorpus(s: CorpusStore, text: string): Promise<Record<string, string[]>> {
  const source = createStoreCorpusSource(async () => s);
  const out: Record<string, string[]> = {};
  for (const corpus of await source.active()) out[corpus.name] = (await corpus.match(text)).map((m) => m.id);
  return out;
}

describe('corpus store: install and list', () => {
  it('installs a corpus as ready and active, with its counts and date range', async () => {
    const s = await store();
    const index = secondIndex();
    const summary = await s.install(index, { name: '  Harbour   dispute ', origin: 'imported' });
    expect(summary).toMatchObject({ name: 'Harbour dispute', origin: 'imported', status: 'ready', active: true, schemaVersion: 1 });
    // sources.json of the fixture: four articles, three outlets, two dated 2031-03-04 and 2031-03-05.
    expect(summary.counts).toMatchObject({ articles: 4, outlets: 3, people: 4 });
    expect(summary.counts.claims).toBe(index.claimGroups.length);
    expect(summary.counts.quotes).toBe(index.quoteGroups.length);
    expect(summary.counts.organisations).toBe(index.entities.filter((e) => e.kind === 'organisation').length);
    expect(summary.dateRange).toEqual({ from: '2031-03-04', to: '2031-03-05' });
    expect(await s.list()).toEqual([summary]);
    expect(await s.readArticle(summary.id, 'a2')).toEqual(index.articles[1]);
    expect(await s.readArticle(summary.id, 'no-such-article')).toBeNull();
  });

  it('lists the bundled corpus first and matches each active corpus on its own records', async () => {
    const s = await store();
    const second = await s.install(secondIndex(), { name: 'Second', origin: 'imported' });
    await s.install(seedsIndex(), { id: BUNDLED_CORPUS_ID, name: 'Bundled', origin: 'bundled' });
    expect((await s.list()).map((c) => c.id)).toEqual([BUNDLED_CORPUS_ID, second.id]);
    expect(await matchesByCorpus(s, `${SEEDS_TEXT} ${SECOND_TEXT}`)).toEqual({
      Bundled: ['person:jeremy-corbyn'],
      Second: ['person:ilse-brandvold'],
    });
  });

  it('serves a card record equal to the one built from the full index, cut to what a card shows', async () => {
    const s = await store();
    const index = secondIndex();
    await s.install(index, { name: 'Second', origin: 'imported' });
    const [corpus] = await createStoreCorpusSource(async () => s).active();
    expect(await corpus.details('person', 'person:ilse-brandvold')).toEqual(buildCardDetails(index, 'person', 'person:ilse-brandvold'));
    const group = index.claimGroups[0].id;
    expect(await corpus.details('claim', group)).toEqual(buildCardDetails(index, 'claim', group));
    expect(await corpus.details('person', 'person:nobody-here')).toBeNull();
  });

  it('refuses a corpus without a name and a corpus file that is not an index, naming the field', async () => {
    const s = await store();
    await expect(s.install(secondIndex(), { name: '   ', origin: 'imported' })).rejects.toThrow(/needs a name/);
    expect(() => parseCorpusFile('{"schemaVersion":1,"articles":{}}', 'x.json')).toThrow('x.json: index.articles: expected an array');
    expect(() => parseCorpusFile('not json', 'x.json')).toThrow(/x\.json: not a corpus file/);
    expect(await s.list()).toEqual([]);
  });
});

describe('corpus store: switch, rename, delete, export', () => {
  it('a corpus switched off is not matched, and matched again when switched on', async () => {
    const s = await store();
    const { id } = await s.install(secondIndex(), { name: 'Second', origin: 'imported' });
    expect((await s.setActive(id, false)).active).toBe(false);
    expect(await matchesByCorpus(s, SECOND_TEXT)).toEqual({});
    await s.setActive(id, true);
    expect(await matchesByCorpus(s, SECOND_TEXT)).toEqual({ Second: ['person:ilse-brandvold'] });
  });

  it('renames a corpus; the matching side reports the new name', async () => {
    const s = await store();
    const { id } = await s.install(secondIndex(), { name: 'Second', origin: 'imported' });
    const source = createStoreCorpusSource(async () => s);
    expect((await source.active())[0].name).toBe('Second');
    expect((await s.rename(id, 'Port dispute 2031')).name).toBe('Port dispute 2031');
    expect((await source.active())[0].name).toBe('Port dispute 2031');
    await expect(s.rename('no-such-corpus', 'x')).rejects.toThrow('there is no corpus with id "no-such-corpus"');
  });

  it('deletes a corpus and every row of it; the bundled corpus can only be switched off', async () => {
    const s = await store();
    await s.install(seedsIndex(), { id: BUNDLED_CORPUS_ID, name: 'Bundled', origin: 'bundled' });
    const before = await countRows(s);
    const { id } = await s.install(secondIndex(), { name: 'Second', origin: 'imported' });
    await s.delete(id);
    expect(await countRows(s)).toEqual(before);
    await expect(s.delete(BUNDLED_CORPUS_ID)).rejects.toThrow(/comes with the extension: it can be switched off, not deleted/);
    expect((await s.setActive(BUNDLED_CORPUS_ID, false)).active).toBe(false);
    expect((await s.list()).map((c) => c.id)).toEqual([BUNDLED_CORPUS_ID]);
  });

  it('exports a corpus as the same corpus file, which installs again as an equal corpus', async () => {
    const s = await store();
    const index = secondIndex();
    const first = await s.install(index, { name: 'Second', origin: 'imported' });
    const file = serialiseCorpusFile(await s.readIndex(first.id));
    expect(file).toBe(serialiseCorpusFile(index));
    const again = await s.install(parseCorpusFile(file, 'export.json'), { name: 'Second again', origin: 'imported' });
    expect(again.counts).toEqual(first.counts);
    expect(await matchesByCorpus(s, SECOND_TEXT)).toEqual({ Second: ['person:ilse-brandvold'], 'Second again': ['person:ilse-brandvold'] });
  });

  it('replacing a corpus keeps its id, name, switch and creation time and drops the old generation', async () => {
    const s = await store();
    const first = await s.install(seedsIndex(), { id: BUNDLED_CORPUS_ID, name: 'Bundled', origin: 'bundled' });
    await s.setActive(BUNDLED_CORPUS_ID, false);
    const rows = await countRows(s);
    const second = await s.install(seedsIndex(), { id: BUNDLED_CORPUS_ID, name: 'ignored on replace', origin: 'bundled' });
    expect(second).toMatchObject({ id: BUNDLED_CORPUS_ID, name: 'Bundled', active: false, created: first.created, status: 'ready' });
    expect(await countRows(s)).toEqual(rows);
  });

  it('a replacement fails and changes nothing when another context replaced the corpus after it was read', async () => {
    const name = freshDbName();
    const s = await store(name);
    const other = await store(name);
    const { id } = await s.install(seedsIndex(), { name: 'Shared', origin: 'imported' });
    // Right after this context reads the corpus's metadata for its replacement, another context replaces it.
    const read = s.meta.bind(s);
    let raced = false;
    s.meta = async (key: string) => {
      const meta = await read(key);
      if (!raced && meta?.status === 'ready') {
        raced = true;
        await other.install(secondIndex(), { id, name: 'Shared', origin: 'imported' });
      }
      return meta;
    };
    await expect(s.install(seedsIndex(), { id, name: 'Shared', origin: 'imported' })).rejects.toThrow(/"Shared" changed while it was being replaced: nothing was changed/);
    expect(raced).toBe(true);
    await s.whenIdle();
    await other.whenIdle();
    const meta = (await read(id))!;
    expect(meta.pending).toBeUndefined();
    expect(meta.status).toBe('ready');
    expect(serialiseCorpusFile(await s.readIndex(id))).toBe(serialiseCorpusFile(secondIndex()));
    expect(await countRows(s)).toEqual(await countRows(other));
  });
});

describe('corpus store: the generation a replacement retires', () => {
  it('removed after the install resolves when asked: the new generation is in first, the old rows go by whenIdle()', async () => {
    const s = await store();
    const first = await s.install(secondIndex(), { name: 'Second', origin: 'imported' });
    const clean = await countRows(s);
    const old = (await s.meta(first.id))!.data;
    const replaced = await s.install(secondIndex(), { id: first.id, name: 'Second', origin: 'imported', removeReplacedAfter: true });
    expect(replaced).toMatchObject({ id: first.id, status: 'ready' });
    const meta = (await s.meta(first.id))!;
    expect(meta.data).not.toBe(old);
    expect(await matchesByCorpus(s, SECOND_TEXT)).toEqual({ Second: ['person:ilse-brandvold'] });
    await s.whenIdle();
    expect(await countRows(s)).toEqual(clean);
    expect((await s.meta(first.id))!.retired).toBeUndefined();
    expect(await s.db.count('articles', generationRange(old))).toBe(0);
  });

  it('a removal that was interrupted (the context closed after the flip) leaves rows no reader reads, removed by recover() or with the corpus', async () => {
    for (const then of ['recover', 'delete'] as const) {
      const name = freshDbName();
      const s = await store(name);
      const first = await s.install(secondIndex(), { name: 'Second', origin: 'imported' });
      const clean = await countRows(s);
      const old = (await s.meta(first.id))!.data;
      // The removal never runs, as when the worker is terminated right after "done".
      (s as unknown as { removeRetired: () => Promise<void> }).removeRetired = async () => undefined;
      await s.install(secondIndex(), { id: first.id, name: 'Second', origin: 'imported' });
      expect((await s.meta(first.id))!.retired).toEqual([old]);
      expect(await s.db.count('articles', generationRange(old))).toBe(4);
      expect(await matchesByCorpus(s, SECOND_TEXT)).toEqual({ Second: ['person:ilse-brandvold'] });
      expect((await s.list()).map((c) => Object.keys(c).includes('retired'))).toEqual([false]);
      s.close();
      const restarted = await store(name);
      if (then === 'recover') {
        expect(await restarted.recover()).toEqual([first.id]);
        expect(await countRows(restarted)).toEqual(clean);
        expect((await restarted.meta(first.id))!.retired).toBeUndefined();
      } else {
        await restarted.delete(first.id);
        expect(await countRows(restarted)).toEqual({ corpora: 0, articles: 0, records: 0, details: 0, matcher: 0 });
      }
    }
  });
});

describe('corpus store: bad data read back', () => {
  it('a corrupt matcher record makes that corpus broken, with the reason, and the other keeps matching', async () => {
    const s = await store();
    const seeds = await s.install(seedsIndex(), { name: 'Seeds', origin: 'imported' });
    await s.install(secondIndex(), { name: 'Second', origin: 'imported' });
    const meta = (await s.meta(seeds.id))!;
    const row = (await s.db.get('matcher', [meta.data, 'claims/0']))!;
    const data = JSON.parse(new TextDecoder().decode(row.json)) as { claims: unknown[] };
    data.claims[3] = 'not a signature';
    await s.db.put('matcher', { ...row, json: new TextEncoder().encode(JSON.stringify(data)) });

    expect(await matchesByCorpus(s, `${SEEDS_TEXT} ${SECOND_TEXT}`)).toEqual({ Seeds: [], Second: ['person:ilse-brandvold'] });
    const broken = (await s.list()).find((c) => c.id === seeds.id)!;
    expect(broken.status).toBe('broken');
    expect(broken.reason).toBe(`Corpus "Seeds" (${seeds.id}) is broken: record matcher "claims/0", field claims[3]: expected an array`);
    // Left out from now on, and cannot be switched on until it is installed again.
    expect(await matchesByCorpus(s, SEEDS_TEXT)).toEqual({ Second: [] });
    await expect(s.setActive(seeds.id, true)).rejects.toThrow(/cannot be switched on: it is broken/);
  });

  it('a corrupt card record fails that card with the reason and breaks only its corpus', async () => {
    const s = await store();
    const second = await s.install(secondIndex(), { name: 'Second', origin: 'imported' });
    await s.install(seedsIndex(), { name: 'Seeds', origin: 'imported' });
    const meta = (await s.meta(second.id))!;
    const rows = (await s.db.getAll('details', generationRange(meta.data))).filter((r): r is DetailsRecordRow => r.kind === DETAILS_ROW_KIND);
    const row = rows.find((r) => r.records.some((d) => d.id === 'person:ilse-brandvold'))!;
    const record = row.records.find((r) => r.id === 'person:ilse-brandvold')!;
    (record as unknown as Record<string, unknown>).articles = [{ article: { id: 'a1' } }];
    await s.db.put('details', row);

    const secondCorpus = (await createStoreCorpusSource(async () => s).active()).find((c) => c.id === second.id)!;
    await expect(secondCorpus.details('person', 'person:ilse-brandvold')).rejects.toThrow(
      `Corpus "Second" (${second.id}) is broken: record person "person:ilse-brandvold" (card details), field articles[0].article.outlet: expected a string`,
    );
    expect(await matchesByCorpus(s, `${SEEDS_TEXT} ${SECOND_TEXT}`)).toEqual({ Seeds: ['person:jeremy-corbyn'] });
  });

  it('a corrupt metadata row is listed as broken with the field named, can be deleted, and the other corpus works', async () => {
    const s = await store();
    const { id } = await s.install(seedsIndex(), { name: 'Seeds', origin: 'imported' });
    await s.install(secondIndex(), { name: 'Second', origin: 'imported' });
    const raw = (await s.db.get('corpora', id))!;
    await s.db.put('corpora', { ...raw, counts: 'many' as never });
    const listed = (await s.list()).find((c) => c.id === id)!;
    expect(listed).toMatchObject({ status: 'broken', active: false });
    expect(listed.reason).toBe(`Corpus "Seeds" (${id}) is broken: record corpus metadata, field counts: expected an object`);
    expect(await matchesByCorpus(s, `${SEEDS_TEXT} ${SECOND_TEXT}`)).toEqual({ Second: ['person:ilse-brandvold'] });
    await s.delete(id);
    expect((await s.list()).map((c) => c.name)).toEqual(['Second']);
  });

  it('the ids, addresses and texts of a corpus, for an add\'s duplicate check, are its articles\' own; a text of the wrong type breaks the corpus', async () => {
    const s = await store();
    const index = secondIndex();
    const { id } = await s.install(index, { name: 'Second', origin: 'imported' });
    expect(await s.articleKeys(id)).toEqual({ ids: index.articles.map((a) => a.id), urls: index.articles.map((a) => a.url), texts: index.articles.map((a) => a.text) });
    const meta = (await s.meta(id))!;
    const row = (await s.db.getFromIndex('articles', 'id', [meta.data, 'a2']))!;
    (row.record as unknown as Record<string, unknown>).text = 5;
    await s.db.put('articles', row);
    await expect(s.articleKeys(id)).rejects.toThrow(`Corpus "Second" (${id}) is broken: record articles "a2", field text: expected a string`);
    expect((await s.meta(id))!.status).toBe('broken');
  });

  it('the article records of a corpus read alone (for an add) equal its index\'s; a corrupt one is reported by id and field and breaks the corpus', async () => {
    const s = await store();
    const index = secondIndex();
    const { id } = await s.install(index, { name: 'Second', origin: 'imported' });
    expect(await s.readArticles(id)).toEqual(index.articles);
    const meta = (await s.meta(id))!;
    const row = (await s.db.getFromIndex('articles', 'id', [meta.data, 'a2']))!;
    (row.record as unknown as Record<string, unknown>).sentences = 'gone';
    await s.db.put('articles', row);
    await expect(s.readArticles(id)).rejects.toThrow(`Corpus "Second" (${id}) is broken: record articles "a2", field sentences: expected an array`);
    expect((await s.meta(id))!.status).toBe('broken');
  });

  it('a corrupt article is reported by its id and field when the corpus is read whole', async () => {
    const s = await store();
    const { id } = await s.install(secondIndex(), { name: 'Second', origin: 'imported' });
    const meta = (await s.meta(id))!;
    const row = (await s.db.getFromIndex('articles', 'id', [meta.data, 'a2']))!;
    (row.record as unknown as Record<string, unknown>).sentences = 'gone';
    await s.db.put('articles', row);
    await expect(s.readIndex(id)).rejects.toThrow(`Corpus "Second" (${id}) is broken: record articles "a2", field sentences: expected an array`);
    expect((await s.meta(id))!.status).toBe('broken');
  });
});

describe('corpus store: interrupted and failed installs', () => {
  it('an install interrupted before its final transaction is never active and is removed on startup', async () => {
    const name = freshDbName();
    const s = await store(name);
    await s.install(secondIndex(), { name: 'Second', origin: 'imported' });
    const clean = await countRows(s);
    // The background dies while the card records are being written: no clean-up runs.
    (s as unknown as { discard: () => Promise<void> }).discard = async () => undefined;
    const restore = failPuts('details', () => new Error('the background stopped'));
    try {
      await expect(s.install(seedsIndex(), { name: 'Seeds', origin: 'imported' })).rejects.toThrow('the background stopped');
    } finally {
      restore();
    }
    const listed = await s.list();
    expect(listed.map((c) => [c.name, c.status, c.active])).toEqual([
      ['Second', 'ready', true],
      ['Seeds', 'importing', false],
    ]);
    expect(await matchesByCorpus(s, `${SEEDS_TEXT} ${SECOND_TEXT}`)).toEqual({ Second: ['person:ilse-brandvold'] });
    s.close();

    const restarted = await store(name);
    expect(await restarted.recover()).toEqual([listed[1].id]);
    expect((await restarted.list()).map((c) => c.name)).toEqual(['Second']);
    expect(await countRows(restarted)).toEqual(clean);
  });

  it('an install still running in another context (it holds its Web Lock) is left alone by recover()', async () => {
    const held = new Set<string>();
    vi.stubGlobal('navigator', {
      locks: {
        request: async (name: string, work: () => Promise<unknown>) => {
          held.add(name);
          try {
            return await work();
          } finally {
            held.delete(name);
          }
        },
        query: async () => ({ held: [...held].map((name) => ({ name })) }),
      },
    });
    try {
      const name = freshDbName();
      const installer = await store(name);
      let release = () => undefined as void;
      const gate = new Promise<void>((done) => (release = done));
      let reachedHalf = () => undefined as void;
      const atHalf = new Promise<void>((done) => (reachedHalf = done));
      // The corpus file's second half comes only once the gate opens: the install is under way meanwhile.
      const file = serialiseCorpusFile(secondIndex());
      async function* pieces(): AsyncGenerator<string> {
        yield file.slice(0, file.length >> 1);
        reachedHalf();
        await gate;
        yield file.slice(file.length >> 1);
      }
      const installing = installer.installFile(pieces(), 'second.json', { name: 'Second', origin: 'imported' });
      await atHalf;
      expect(held.size).toBe(1);

      const other = await store(name);
      expect(await other.recover()).toEqual([]);
      expect((await other.list()).map((c) => [c.name, c.status])).toEqual([['Second', 'importing']]);
      release();
      expect((await installing).status).toBe('ready');
      expect(held.size).toBe(0);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('a listing whose clean-up fails (storage still full) lists the corpora as they are, and the next listing cleans up', async () => {
    vi.stubGlobal('navigator', { locks: { request: async (_name: string, work: () => Promise<unknown>) => work(), query: async () => ({ held: [] }) } });
    try {
      const s = await store(freshDbName());
      await s.install(secondIndex(), { name: 'Second', origin: 'imported' });
      const clean = await countRows(s);
      (s as unknown as { discard: () => Promise<void> }).discard = async () => undefined;
      const restore = failPuts('details', () => new Error('the tab was closed'));
      try {
        await expect(s.install(seedsIndex(), { name: 'Seeds', origin: 'imported' })).rejects.toThrow('the tab was closed');
      } finally {
        restore();
      }
      const target = s as unknown as { recover: () => Promise<string[]> };
      const recover = target.recover.bind(s);
      target.recover = async () => {
        throw new DOMException('The current transaction exceeded its quota limitations.', 'QuotaExceededError');
      };
      expect((await s.list()).map((c) => [c.name, c.status])).toEqual([['Second', 'ready'], ['Seeds', 'importing']]);
      target.recover = recover;
      expect((await s.list()).map((c) => [c.name, c.status])).toEqual([['Second', 'ready']]);
      expect(await countRows(s)).toEqual(clean);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('an install whose context was closed (its Web Lock gone) is removed when the corpora are next listed, not only on startup', async () => {
    vi.stubGlobal('navigator', { locks: { request: async (_name: string, work: () => Promise<unknown>) => work(), query: async () => ({ held: [] }) } });
    try {
      const name = freshDbName();
      const s = await store(name);
      const second = await s.install(secondIndex(), { name: 'Second', origin: 'imported' });
      const clean = await countRows(s);
      const before = await s.list();
      (s as unknown as { discard: () => Promise<void> }).discard = async () => undefined;
      for (const [failing, target] of [['details', { name: 'Seeds', origin: 'imported' }], ['matcher', { id: second.id, name: 'Second', origin: 'imported' }]] as const) {
        const restore = failPuts(failing, () => new Error('the tab was closed'));
        try {
          await expect(s.install(seedsIndex(), target)).rejects.toThrow('the tab was closed');
        } finally {
          restore();
        }
        // The half-written generation is there until a list.
        expect(await countRows(s)).not.toEqual(clean);
        expect(await s.list()).toEqual(before);
        expect(await countRows(s)).toEqual(clean);
      }
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('reports saving progress after each transaction, up to every row of the corpus', async () => {
    const s = await freshStore(freshDbName(), { rowsPerTransaction: 7 });
    open.push(s);
    const seen: [number, number][] = [];
    await s.install(seedsIndex(), { name: 'Seeds', origin: 'imported', onProgress: (written, total) => seen.push([written, total]) });
    const { corpora: _corpora, ...data } = await countRows(s);
    const rows = Object.values(data).reduce((a, b) => a + b, 0);
    expect(seen.length).toBeGreaterThan(2);
    // The total is counted ahead (rows cut by content may come out a few more or fewer): it never shrinks, and ends at every row written.
    expect(seen.map(([, t]) => t)).toEqual([...seen.map(([, t]) => t)].sort((a, b) => a - b));
    expect(seen.every(([w, t]) => w <= t)).toBe(true);
    expect(seen.map(([w]) => w)).toEqual([...seen.map(([w]) => w)].sort((a, b) => a - b));
    expect(seen.at(-1)![0]).toBe(rows);
  });

  it('an interrupted update leaves the previous generation active and its leftovers are removed on startup', async () => {
    const name = freshDbName();
    const s = await store(name);
    await s.install(seedsIndex(), { id: BUNDLED_CORPUS_ID, name: 'Bundled', origin: 'bundled' });
    const clean = await countRows(s);
    (s as unknown as { discard: () => Promise<void> }).discard = async () => undefined;
    const restore = failPuts('matcher', () => new Error('the background stopped'));
    try {
      await expect(s.install(seedsIndex(), { id: BUNDLED_CORPUS_ID, name: 'Bundled', origin: 'bundled' })).rejects.toThrow('the background stopped');
    } finally {
      restore();
    }
    expect(await matchesByCorpus(s, SEEDS_TEXT)).toEqual({ Bundled: ['person:jeremy-corbyn'] });
    s.close();
    const restarted = await store(name);
    await restarted.recover();
    expect(await countRows(restarted)).toEqual(clean);
    expect((await restarted.meta(BUNDLED_CORPUS_ID))!.pending).toBeUndefined();
  });

  it.each(['corpora', 'records', 'matcher'])('storage quota exceeded writing %s: a clear error, nothing of the new corpus kept, the others untouched', async (full) => {
    const s = await store();
    await s.install(secondIndex(), { name: 'Second', origin: 'imported' });
    const clean = await countRows(s);
    const restore = failPuts(full, () => new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    let error: unknown;
    try {
      await s.install(seedsIndex(), { name: 'Seeds', origin: 'imported' });
    } catch (e) {
      error = e;
    } finally {
      restore();
    }
    expect(error).toBeInstanceOf(StorageFullError);
    expect((error as Error).message).toBe(
      'Storage is full: the corpus "Seeds" (5 articles) was not installed and nothing of it was kept. Delete a corpus or free disk space, then try again.',
    );
    expect((await s.list()).map((c) => c.name)).toEqual(['Second']);
    expect(await countRows(s)).toEqual(clean);
    expect(await matchesByCorpus(s, SECOND_TEXT)).toEqual({ Second: ['person:ilse-brandvold'] });
  });

  /** Makes the store's removal of a failed install fail `times` times with a quota error, as in Firefox right after the quota was met. */
  function failDiscards(s: CorpusStore, times: number): { tries: () => number } {
    const target = s as unknown as { discard: (...args: unknown[]) => Promise<void> };
    const original = target.discard.bind(s);
    let tries = 0;
    target.discard = async (...args) => {
      tries++;
      if (tries <= times) throw new DOMException('The current transaction exceeded its quota limitations.', 'QuotaExceededError');
      return original(...args);
    };
    return { tries: () => tries };
  }

  it('storage quota exceeded, and removing what was written meets the quota at first: removed on a later try, nothing kept', async () => {
    const s = await freshStore(freshDbName(), { discardRetryPausesMs: [0, 0, 0] });
    open.push(s);
    await s.install(secondIndex(), { name: 'Second', origin: 'imported' });
    const clean = await countRows(s);
    const discards = failDiscards(s, 2);
    const restore = failPuts('records', () => new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    let error: unknown;
    try {
      await s.install(seedsIndex(), { name: 'Seeds', origin: 'imported' });
    } catch (e) {
      error = e;
    } finally {
      restore();
    }
    expect(discards.tries()).toBe(3);
    expect(error).toBeInstanceOf(StorageFullError);
    expect((error as Error).message).toBe(
      'Storage is full: the corpus "Seeds" (5 articles) was not installed and nothing of it was kept. Delete a corpus or free disk space, then try again.',
    );
    expect(await countRows(s)).toEqual(clean);
  });

  it('storage quota exceeded, and removing what was written fails every try: the message says so, and the next start removes it', async () => {
    const name = freshDbName();
    const s = await freshStore(name, { discardRetryPausesMs: [0, 0] });
    await s.install(secondIndex(), { name: 'Second', origin: 'imported' });
    const clean = await countRows(s);
    const discards = failDiscards(s, Infinity);
    const restore = failPuts('records', () => new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    let error: unknown;
    try {
      await s.install(seedsIndex(), { name: 'Seeds', origin: 'imported' });
    } catch (e) {
      error = e;
    } finally {
      restore();
    }
    expect(discards.tries()).toBe(3);
    expect(error).toBeInstanceOf(StorageFullError);
    expect((error as Error).message).toBe(
      'Storage is full: the corpus "Seeds" (5 articles) was not installed and what was written of it could not be removed yet and will be removed the next time the corpora are listed. Delete a corpus or free disk space, then try again.',
    );
    expect((await countRows(s)).articles).toBeGreaterThan(clean.articles);
    s.close();
    const restarted = await store(name);
    expect(await restarted.recover()).toHaveLength(1);
    expect(await countRows(restarted)).toEqual(clean);
  });
});

describe('corpus store: installs written in many transactions', () => {
  it('writes each store in batches, reads the corpus back unchanged and deletes it to nothing', async () => {
    const s = await freshStore(freshDbName(), { rowsPerTransaction: 7 });
    open.push(s);
    const index = seedsIndex();
    const writes: string[] = [];
    const transaction = s.db.transaction.bind(s.db);
    (s.db as { transaction: unknown }).transaction = (stores: string | string[], mode?: IDBTransactionMode) => {
      if (mode === 'readwrite' && typeof stores === 'string') writes.push(stores);
      return transaction(stores as never, mode);
    };
    const { id } = await s.install(index, { name: 'Seeds', origin: 'imported' });
    // Card records go about DETAILS_PER_BUCKET to a row (cut by content, at most MAX_ROW_FACTOR times that), with their directory and manifest.
    const cards = index.entities.length + index.claimGroups.length + index.quoteGroups.length;
    const details = (await s.db.getAll('details')).length;
    expect(details).toBeLessThanOrEqual(cards + directoryRowCount(cards) + 1);
    expect(details).toBeGreaterThanOrEqual(Math.ceil(cards / (DETAILS_PER_BUCKET * MAX_ROW_FACTOR)) + 2);
    // Records go about RECORDS_PER_ROW_OF[collection] to a row, likewise, with the manifest.
    const records = (await s.db.getAll('records')).length;
    expect(records).toBeGreaterThanOrEqual(RECORD_COLLECTIONS.filter((c) => index[c].length > 0).length + 1);
    const batches = (n: number) => Math.ceil(n / 7);
    expect(writes.filter((w) => w === 'articles')).toHaveLength(batches(5));
    expect(writes.filter((w) => w === 'records')).toHaveLength(batches(records));
    // Card rows are written DETAILS_ROWS_PER_TRANSACTION a transaction, whatever rowsPerTransaction.
    expect(writes.filter((w) => w === 'details')).toHaveLength(Math.ceil(details / DETAILS_ROWS_PER_TRANSACTION));
    // The matcher in parts: core, meta, one each of claim groups, claims and quotes (the seeds have few of each), and the claims' input keys.
    expect(await countRows(s)).toEqual({ corpora: 1, articles: 5, records, details, matcher: 6 });
    expect(serialiseCorpusFile(await s.readIndex(id))).toBe(serialiseCorpusFile(index));
    expect(await matchesByCorpus(s, SEEDS_TEXT)).toEqual({ Seeds: ['person:jeremy-corbyn'] });
    await s.delete(id);
    expect(await countRows(s)).toEqual({ corpora: 0, articles: 0, records: 0, details: 0, matcher: 0 });
  });
});

describe('corpus store: records kept several to a row', () => {
  it('a collection longer than one row comes back whole and in order', async () => {
    const s = await store();
    const claims = Array.from({ length: RECORDS_PER_ROW * 2 + 5 }, (_, i) => ({ id: `claim-${i}` }));
    const index = { schemaVersion: 1, articles: [], entities: [], ambiguous: [], quotes: [{ id: 'q' }], quoteGroups: [], claims, claimGroups: [] } as unknown as CorpusIndex;
    const rows = recordRows(index, 'g1');
    expect(rows.map((r) => [r.coll, r.n, r.records.length])).toEqual([
      ['quotes', 0, 1],
      ['claims', 0, RECORDS_PER_ROW],
      ['claims', 1, RECORDS_PER_ROW],
      ['claims', 2, 5],
    ]);
    // Written out of order, as batches may land: the keys put them back in order.
    for (const row of [...rows].reverse()) await s.db.put('records', row);
    const back = await readGeneration(s.db.transaction(['articles', 'records'], 'readonly'), 'g1', 1);
    expect(back.claims).toEqual(claims);
    expect(back.quotes).toEqual([{ id: 'q' }]);
    expect(await s.db.count('records', generationRange('g1'))).toBe(4);
  });
});
