/**
 * Upgrades: a database written in layout version 1 (no card records), 2 (matcher shards as
 * object trees) or 3 (one matcher row as JSON bytes) opened by this code, and a matcher shard of an older matcher-data version, rebuilt
 * from the corpus's full records.
 */
import { describe, expect, it } from 'vitest';
import { buildCardDetails } from '../../../src/core/index/card-details';
import { buildDetails } from '../../../src/core/index/details';
import type { DetectionKind } from '../../../src/core/index/types';
import { compileMatcher, MATCHER_DATA_VERSION } from '../../../src/core/match/index';
import { quoteBigrams } from '../../../src/core/match/quotes';
import { createStoreCorpusSource } from '../../../src/background/store-corpus-source';
import { DB_VERSION, MANIFEST, DETAILS_DIRECTORY_KIND, DETAILS_ROW_KIND, detailsBucketRows, detailsRows, generationRange, openCorpusDb, recordRows, type CorpusMeta } from '../../../src/store/db';
import { unpackMatcher } from '../../../src/store/validate-stored';
import { CorpusStore } from '../../../src/store/corpus-store';
import { summarise } from '../../../src/store/summary';
import { SECOND_TEXT, freshDbName, secondIndex } from './helpers';

describe('corpus store: migrations', () => {
  it('opens a version-1 database: card records are built for the corpora it holds, which keep working', async () => {
    expect(DB_VERSION).toBe(6);
    const name = freshDbName();
    const index = secondIndex();
    const v1 = await openCorpusDb(name, 1);
    expect([...v1.objectStoreNames].sort()).toEqual(['articles', 'corpora', 'matcher', 'records']);
    const data = 'c1-gen1';
    const meta: CorpusMeta = {
      ...summarise(index), id: 'c1', name: 'Written by version 1', origin: 'imported', created: 1, updated: 1,
      status: 'ready', active: true, data,
    };
    await v1.put('corpora', meta);
    for (const [n, record] of index.articles.entries()) await v1.put('articles', { data, n, id: record.id, record });
    for (const row of recordRows(index, data)) await v1.put('records', row);
    await v1.put('matcher', { data, shard: 'core', matcher: compileMatcher(index) } as never);
    v1.close();

    const store = await CorpusStore.open(name);
    try {
      expect(store.db.version).toBe(DB_VERSION);
      expect(await store.db.count('details')).toBe(index.entities.length + index.claimGroups.length + index.quoteGroups.length);
      const [corpus] = await createStoreCorpusSource(async () => store).active();
      expect(corpus.name).toBe('Written by version 1');
      // Whole records until the corpus's first read migrates them (with its matcher) to the directory layout, cut.
      expect(await store.readDetails((await store.meta('c1'))!, 'person', 'person:ilse-brandvold')).toEqual(buildDetails(index, 'person', 'person:ilse-brandvold'));
      expect((await corpus.match(SECOND_TEXT)).map((m) => m.id)).toEqual(['person:ilse-brandvold']);
      expect(await corpus.details('person', 'person:ilse-brandvold')).toEqual(buildCardDetails(index, 'person', 'person:ilse-brandvold'));
    } finally {
      store.close();
    }
  });

  it('a version-1 corpus whose records cannot make card records is broken by the upgrade; the others open', async () => {
    const name = freshDbName();
    const v1 = await openCorpusDb(name, 1);
    for (const [created, id, bad] of [[1, 'good', false], [2, 'bad', true]] as const) {
      const index = secondIndex();
      if (bad) (index.entities[0] as unknown as { coverage: unknown }).coverage = null;
      const data = `${id}-gen1`;
      await v1.put('corpora', { ...summarise(index), id, name: id, origin: 'imported', created, updated: created, status: 'ready', active: true, data });
      for (const [n, record] of index.articles.entries()) await v1.put('articles', { data, n, id: record.id, record });
      for (const row of recordRows(index, data)) await v1.put('records', row);
      await v1.put('matcher', { data, shard: 'core', matcher: compileMatcher(secondIndex()) } as never);
    }
    v1.close();

    const store = await CorpusStore.open(name);
    try {
      const listed = await store.list();
      expect(listed.map((c) => [c.id, c.status])).toEqual([['good', 'ready'], ['bad', 'broken']]);
      expect(listed[1].reason).toMatch(/^Corpus "bad" \(bad\) is broken: its card records could not be built from its records: /);
      const corpora = await createStoreCorpusSource(async () => store).active();
      expect(corpora.map((c) => c.id)).toEqual(['good']);
      expect((await corpora[0].match(SECOND_TEXT)).map((m) => m.id)).toEqual(['person:ilse-brandvold']);
    } finally {
      store.close();
    }
  });

  it('opens a version-2 database: matcher rows are packed (JSON as UTF-8 bytes and a prebuilt quote index), the corpus matches as before, a row that cannot be packed breaks only its corpus', async () => {
    const name = freshDbName();
    const v2 = await openCorpusDb(name, 2);
    for (const [created, id, bad] of [[1, 'good', false], [2, 'bad', true]] as const) {
      const index = secondIndex();
      const data = `${id}-gen1`;
      await v2.put('corpora', { ...summarise(index), id, name: id, origin: 'imported', created, updated: created, status: 'ready', active: true, data });
      for (const [n, record] of index.articles.entries()) await v2.put('articles', { data, n, id: record.id, record });
      for (const row of recordRows(index, data)) await v2.put('records', row);
      for (const row of detailsRows(index, data)) await v2.put('details', row);
      await v2.put('matcher', { data, shard: 'core', matcher: bad ? 'not matcher data' : compileMatcher(index) } as never);
    }
    v2.close();

    const store = await CorpusStore.open(name);
    try {
      expect(store.db.version).toBe(DB_VERSION);
      // Packed (layout 3), then split into parts (layout 4).
      const rows = await store.db.getAll('matcher', generationRange('good-gen1'));
      expect(rows.map((r) => r.shard).sort()).toEqual(['claimGroups/0', 'claims/0', 'core', 'meta', 'quotes/0']);
      expect(unpackMatcher(rows).data).toEqual(compileMatcher(secondIndex()));
      expect(rows.find((r) => r.shard === 'quotes/0')!.quoteBigrams!.postings).toBeInstanceOf(Uint32Array);
      expect(rows.some((r) => 'matcher' in r)).toBe(false);
      const corpora = await createStoreCorpusSource(async () => store).active();
      const good = corpora.find((c) => c.id === 'good')!;
      expect((await good.match(SECOND_TEXT)).map((m) => m.id)).toEqual(['person:ilse-brandvold']);
      await corpora.find((c) => c.id === 'bad')!.match(SECOND_TEXT);
      const bad = (await store.list()).find((c) => c.id === 'bad')!;
      expect(bad.status).toBe('broken');
      expect(bad.reason).toBe('Corpus "bad" (bad) is broken: record matcher "core", field json: expected the bytes of JSON text (a Uint8Array)');
    } finally {
      store.close();
    }
  });

  it('opens a version-3 database: each matcher row is split into its parts, the corpus matches as before, a row that cannot be split breaks only its corpus', async () => {
    const name = freshDbName();
    const v3 = await openCorpusDb(name, 3);
    for (const [created, id, bad] of [[1, 'good', false], [2, 'bad', true]] as const) {
      const index = secondIndex();
      const data = `${id}-gen1`;
      await v3.put('corpora', { ...summarise(index), id, name: id, origin: 'imported', created, updated: created, status: 'ready', active: true, data });
      for (const [n, record] of index.articles.entries()) await v3.put('articles', { data, n, id: record.id, record });
      for (const row of recordRows(index, data)) await v3.put('records', row);
      for (const row of detailsRows(index, data)) await v3.put('details', row);
      // Layout 3: the whole MatcherData as the bytes of its JSON text, with the quote bigram index.
      const matcher = compileMatcher(index);
      const json = new TextEncoder().encode(bad ? '{"cut short' : JSON.stringify(matcher));
      await v3.put('matcher', { data, shard: 'core', json, quoteBigrams: quoteBigrams(matcher.quotes, matcher.words.length + 1) });
    }
    v3.close();

    const store = await CorpusStore.open(name);
    try {
      expect(store.db.version).toBe(DB_VERSION);
      const rows = await store.db.getAll('matcher', generationRange('good-gen1'));
      expect(rows.map((r) => r.shard).sort()).toEqual(['claimGroups/0', 'claims/0', 'core', 'meta', 'quotes/0']);
      const back = unpackMatcher(rows);
      expect(back.data).toEqual(compileMatcher(secondIndex()));
      expect(back.quoteBigrams).toBeDefined();
      const corpora = await createStoreCorpusSource(async () => store).active();
      const good = corpora.find((c) => c.id === 'good')!;
      expect((await good.match(SECOND_TEXT)).map((m) => m.id)).toEqual(['person:ilse-brandvold']);
      expect((await store.db.getAll('matcher', generationRange('bad-gen1'))).map((r) => r.shard)).toEqual(['core']);
      await corpora.find((c) => c.id === 'bad')!.match(SECOND_TEXT);
      const bad = (await store.list()).find((c) => c.id === 'bad')!;
      expect(bad.status).toBe('broken');
      expect(bad.reason).toMatch(/^Corpus "bad" \(bad\) is broken: record matcher "core", field json: not UTF-8 JSON text \(/);
      expect((await store.list()).find((c) => c.id === 'good')!.status).toBe('ready');
    } finally {
      store.close();
    }
  });

  it.each([
    ['whole records one a row', 'rows'],
    ['records in hash buckets', 'buckets'],
  ] as const)('migrates card records of an older layout (%s) to the directory layout, cut, on the corpus\'s first read', async (_what, layout) => {
    const store = await CorpusStore.open(freshDbName());
    try {
      const index = secondIndex();
      const { id } = await store.install(index, { name: 'Second', origin: 'imported' });
      const installed = (await store.meta(id))!;
      // The generation's card records put back as the older layout wrote them, its matcher of the version before.
      await store.db.delete('details', generationRange(installed.data));
      const { detailsDirectory: _directory, ...rest } = installed;
      if (layout === 'rows') {
        for (const row of detailsRows(index, installed.data)) await store.db.put('details', row);
        await store.db.put('corpora', rest);
      } else {
        const { rows, buckets } = detailsBucketRows(index, installed.data);
        for (const row of rows) await store.db.put('details', row);
        await store.db.put('corpora', { ...rest, detailsBuckets: buckets });
      }
      const row = (await store.db.get('matcher', [installed.data, 'core']))!;
      const older = { ...(JSON.parse(new TextDecoder().decode(row.json)) as object), schemaVersion: MATCHER_DATA_VERSION - 1 };
      await store.db.put('matcher', { ...row, json: new TextEncoder().encode(JSON.stringify(older)) });
      const stale = (await store.meta(id))!;
      expect(stale.detailsDirectory).toBeUndefined();

      const [corpus] = await createStoreCorpusSource(async () => store).active();
      expect((await corpus.match(SECOND_TEXT)).map((m) => m.id)).toEqual(['person:ilse-brandvold']);
      const meta = (await store.meta(id))!;
      expect([meta.status, meta.detailsDirectory, meta.detailsBuckets]).toEqual(['ready', installed.detailsDirectory, undefined]);
      // Only the directory layout's rows are left, the same rows an install writes.
      const rows = await store.db.getAll('details', generationRange(meta.data));
      expect(new Set(rows.map((r) => r.kind))).toEqual(new Set([DETAILS_ROW_KIND, DETAILS_DIRECTORY_KIND]));
      const fresh = await CorpusStore.open(freshDbName());
      try {
        const again = (await fresh.meta((await fresh.install(secondIndex(), { name: 'Second', origin: 'imported' })).id))!;
        const strip = (r: { data: string }) => ({ ...r, data: '' });
        // But the manifest an install writes for the next add to share rows by (the migration's generation has none: it shares nothing).
        expect(rows.map(strip)).toEqual((await fresh.db.getAll('details', generationRange(again.data))).filter((r) => r.kind !== MANIFEST).map(strip));
      } finally {
        fresh.close();
      }
      const keys: [DetectionKind, string][] = [...index.entities.map((e): [DetectionKind, string] => [e.kind, e.id]), ...index.claimGroups.map((g): [DetectionKind, string] => ['claim', g.id]), ...index.quoteGroups.map((g): [DetectionKind, string] => ['quote', g.id])];
      for (const [kind, key] of keys) {
        expect(await corpus.details(kind, key)).toEqual(buildCardDetails(index, kind, key));
        // A copy of the metadata from before the migration still finds the record.
        expect(await store.readDetails(stale, kind, key)).toEqual(buildCardDetails(index, kind, key));
      }
    } finally {
      store.close();
    }
  });

  it('rebuilds a matcher shard of an older matcher-data version from the full records', async () => {
    const store = await CorpusStore.open(freshDbName());
    try {
      const { id } = await store.install(secondIndex(), { name: 'Second', origin: 'imported' });
      const meta = (await store.meta(id))!;
      const row = (await store.db.get('matcher', [meta.data, 'core']))!;
      const older = { ...(JSON.parse(new TextDecoder().decode(row.json)) as object), schemaVersion: MATCHER_DATA_VERSION - 1 };
      await store.db.put('matcher', { ...row, json: new TextEncoder().encode(JSON.stringify(older)) });

      const [corpus] = await createStoreCorpusSource(async () => store).active();
      expect((await corpus.match(SECOND_TEXT)).map((m) => m.id)).toEqual(['person:ilse-brandvold']);
      const rebuilt = JSON.parse(new TextDecoder().decode((await store.db.get('matcher', [meta.data, 'core']))!.json)) as { schemaVersion: number };
      expect(rebuilt.schemaVersion).toBe(MATCHER_DATA_VERSION);
      expect((await store.meta(id))!.status).toBe('ready');
    } finally {
      store.close();
    }
  });

  it('opens a version-4 database: the state store is added, its corpora keep working and have no state (their first add analyses in full)', async () => {
    // A corpus as version 4 stored it: the rows of an install, copied into a database of version 4.
    const source = await CorpusStore.open(freshDbName());
    const { id } = await source.install(secondIndex(), { name: 'Second', origin: 'imported' });
    const name = freshDbName();
    const v4 = await openCorpusDb(name, 4);
    expect([...v4.objectStoreNames].sort()).toEqual(['articles', 'corpora', 'details', 'matcher', 'records']);
    for (const s of ['corpora', 'articles', 'records', 'details', 'matcher'] as const) for (const row of await source.db.getAll(s)) await v4.put(s, row as never);
    source.close();
    v4.close();
    const store = await CorpusStore.open(name);
    try {
      expect(store.db.version).toBe(DB_VERSION);
      expect([...store.db.objectStoreNames]).toContain('state');
      expect(await store.db.count('state')).toBe(0);
      const [corpus] = await createStoreCorpusSource(async () => store).active();
      expect(corpus.id).toBe(id);
      expect((await corpus.match(SECOND_TEXT)).map((m) => m.id)).toEqual(['person:ilse-brandvold']);
    } finally {
      store.close();
    }
  });
});
