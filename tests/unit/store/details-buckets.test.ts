/**
 * Card records kept DETAILS_PER_BUCKET to a row in the order an install builds them, found through a
 * directory (db.ts): every one reads back as built, bad rows break only their corpus; a generation
 * written before the directory (hash buckets) still reads.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_CARD_ARTICLES, MAX_CARD_MEMBERS, buildCardDetails, type CardRecord } from '../../../src/core/index/card-details';
import type { CorpusIndex } from '../../../src/core/index/types';
import type { CorpusStore } from '../../../src/store/corpus-store';
import {
  DETAILS_BUCKET_KIND,
  DETAILS_DIRECTORY_KIND,
  DETAILS_PER_BUCKET,
  DETAILS_ROW_KIND,
  DIRECTORY_KEYS_PER_ROW,
  detailsBucket,
  detailsBucketCount,
  detailsBucketRows,
  detailsKey,
  directoryRow,
  directoryRowCount,
  generationRange,
  MANIFEST,
  type DetailsDirectoryRow,
  type DetailsManifestRow,
  type DetailsRecordRow,
} from '../../../src/store/db';
import { MAX_ROW_FACTOR } from '../../../src/store/shared-rows';
import { wideIndex } from '../../fixtures/index/wide-index';
import { cardKeys, freshStore, secondIndex, seedsIndex } from './helpers';

const open: CorpusStore[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

async function store(): Promise<CorpusStore> {
  const s = await freshStore();
  open.push(s);
  return s;
}


describe('card record rows and their directory', () => {
  it.each([
    [0, 1],
    [1, 1],
    [DIRECTORY_KEYS_PER_ROW, 1],
    [DIRECTORY_KEYS_PER_ROW + 1, 2],
    [100 * DIRECTORY_KEYS_PER_ROW, 100],
  ])('%i card records are listed in %i directory rows', (records, rows) => {
    expect(directoryRowCount(records)).toBe(rows);
  });

  it('puts a key in the same directory row every time, inside the count; the key is "kind:id"', () => {
    expect(detailsKey('person', 'person:ada-quill')).toBe('person:person:ada-quill');
    for (const rows of [1, 7, 3288]) {
      const r = directoryRow('person:person:ada-quill', rows);
      expect(r).toBe(directoryRow('person:person:ada-quill', rows));
      expect(r).toBeGreaterThanOrEqual(0);
      expect(r).toBeLessThan(rows);
    }
    // FNV-1a (32-bit) worked out apart from this code (a few lines of Python): "claim:x1" is 380 and
    // "quote:x1" 364 modulo 1,000; "person:person:ada-quill" 4 modulo 7. The buckets before the
    // directory hashed the same keys.
    expect(directoryRow('claim:x1', 1000)).toBe(380);
    expect(directoryRow('quote:x1', 1000)).toBe(364);
    expect(directoryRow('person:person:ada-quill', 7)).toBe(4);
    expect(detailsBucket('person', 'person:ada-quill', 7)).toBe(4);
  });

  it.each([['seeds', seedsIndex], ['second', secondIndex]] as const)('reads back every card record of the %s corpus as buildCardDetails makes it', async (_name, make) => {
    const s = await store();
    const index = make();
    const { id } = await s.install(index, { name: 'Cards', origin: 'imported' });
    const meta = (await s.meta(id))!;
    const cards = cardKeys(index).length;
    expect(meta.detailsDirectory).toBe(directoryRowCount(cards));
    const rows = await s.db.getAll('details', generationRange(meta.data));
    const records = rows.filter((r): r is DetailsRecordRow => r.kind === DETAILS_ROW_KIND);
    const dirs = rows.filter((r): r is DetailsDirectoryRow => r.kind === DETAILS_DIRECTORY_KIND);
    // And the manifest (shared-rows.ts), naming every row of records, all of them this generation's.
    const manifest = rows.filter((r): r is DetailsManifestRow => r.kind === MANIFEST);
    expect(records.length + dirs.length + manifest.length).toBe(rows.length);
    expect(manifest[0]!.refs.map((r) => [r.from, r.n]).sort()).toEqual(records.map((r) => [meta.data, Number(r.id)]).sort());
    // Rows cut by content, none over the cap; every card in one row and listed once.
    expect(records.every((r) => r.records.length >= 1 && r.records.length <= DETAILS_PER_BUCKET * MAX_ROW_FACTOR)).toBe(true);
    expect(records.reduce((n, r) => n + r.records.length, 0)).toBe(cards);
    expect(dirs.flatMap((d) => d.keys).sort()).toEqual(cardKeys(index).map(([k, i]) => detailsKey(k, i)).sort());
    for (const [kind, key] of cardKeys(index)) expect(await s.readDetails(meta, kind, key)).toEqual(buildCardDetails(index, kind, key));
    expect(await s.readDetails(meta, 'person', 'person:nobody-here')).toBeNull();
  });

  it('keeps the card records of a person, claim and quote in all 1,500 articles cut: their rows are as small as at 100 articles', async () => {
    const sizes: number[][] = [];
    for (const n of [100, 1_500]) {
      const s = await store();
      const { id } = await s.install(JSON.parse(JSON.stringify(wideIndex(n))) as CorpusIndex, { name: `Wide ${n}`, origin: 'imported' });
      const meta = (await s.meta(id))!;
      const person = (await s.readDetails(meta, 'person', 'person:ada-quill')) as CardRecord & { type: 'entity' };
      expect([person.articles.length, person.covered, person.articlesLeft]).toEqual([MAX_CARD_ARTICLES, n, n - MAX_CARD_ARTICLES]);
      const claim = (await s.readDetails(meta, 'claim', 'cg1')) as CardRecord & { type: 'claim' };
      expect([claim.members.length, claim.covered, claim.articlesLeft]).toEqual([MAX_CARD_MEMBERS, n, n - MAX_CARD_MEMBERS]);
      const rows = await s.db.getAll('details', generationRange(meta.data));
      sizes.push(rows.map((r) => JSON.stringify(r).length));
    }
    // The same rows but for the digits of counts and ids (a whole record at 1,500 articles is hundreds of KB).
    expect(sizes[1]).toHaveLength(sizes[0]!.length);
    sizes[1]!.forEach((bytes, k) => expect(bytes - sizes[0]![k]!).toBeLessThan(300));
  });

  it.each([
    ['a row of records that is not an array', 'details row 0, field records: expected an array', (row: DetailsRecordRow | DetailsDirectoryRow) => (row.kind === DETAILS_ROW_KIND ? { ...row, records: 'oops' } : row)],
    ['a directory whose keys are not an array', 'field keys: expected an array', (row: DetailsRecordRow | DetailsDirectoryRow) => (row.kind === DETAILS_DIRECTORY_KIND ? { ...row, keys: 'oops' } : row)],
    ['a directory row number that is not one', 'expected a row number', (row: DetailsRecordRow | DetailsDirectoryRow) => (row.kind === DETAILS_DIRECTORY_KIND ? { ...row, rows: row.rows.map(() => -1) } : row)],
  ])('%s breaks its corpus, naming the row and field', async (_name, reason, spoil) => {
    const s = await store();
    const index = secondIndex();
    const { id } = await s.install(index, { name: 'Second', origin: 'imported' });
    const meta = (await s.meta(id))!;
    for (const row of (await s.db.getAll('details', generationRange(meta.data))) as (DetailsRecordRow | DetailsDirectoryRow)[]) await s.db.put('details', spoil(row) as DetailsRecordRow);
    const [kind, key] = cardKeys(index)[0]!;
    await expect(s.readDetails(meta, kind, key)).rejects.toThrow(`Corpus "Second" (${id}) is broken: record details`);
    await expect(s.readDetails(meta, kind, key)).rejects.toThrow(reason);
    expect((await s.meta(id))!.status).toBe('broken');
  });
});

describe('card records of a generation written before the directory (hash buckets)', () => {
  /** The second corpus installed, its card rows then put back as the bucket layout wrote them. */
  async function bucketed(s: CorpusStore) {
    const index = secondIndex();
    const { id } = await s.install(index, { name: 'Second', origin: 'imported' });
    const meta = (await s.meta(id))!;
    await s.db.delete('details', generationRange(meta.data));
    const { rows, buckets } = detailsBucketRows(index, meta.data);
    for (const row of rows) await s.db.put('details', row);
    const { detailsDirectory: _directory, ...rest } = meta;
    await s.db.put('corpora', { ...rest, detailsBuckets: buckets });
    return { index, id, meta: (await s.meta(id))! };
  }

  it('reads back every card record', async () => {
    const s = await store();
    const { index, meta } = await bucketed(s);
    expect(meta.detailsBuckets).toBe(detailsBucketCount(cardKeys(index).length));
    for (const [kind, key] of cardKeys(index)) expect(await s.readDetails(meta, kind, key)).toEqual(buildCardDetails(index, kind, key));
    expect(await s.readDetails(meta, 'person', 'person:nobody-here')).toBeNull();
  });

  it('a bucket that is not an array breaks its corpus, naming the bucket', async () => {
    const s = await store();
    const { index, id, meta } = await bucketed(s);
    const [kind, key] = cardKeys(index)[0]!;
    const bucket = String(detailsBucket(kind, key, meta.detailsBuckets!));
    await s.db.put('details', { data: meta.data, kind: DETAILS_BUCKET_KIND, id: bucket, records: 'oops' } as unknown as DetailsRecordRow);
    await expect(s.readDetails(meta, kind, key)).rejects.toThrow(`Corpus "Second" (${id}) is broken: record details bucket ${bucket}, field records: expected an array`);
    expect((await s.meta(id))!.status).toBe('broken');
  });
});

describe('card record layout in the metadata', () => {
  it.each(['detailsBuckets', 'detailsDirectory'])('a %s count that is not a whole number above 0 breaks the corpus, naming the field', async (field) => {
    const s = await store();
    const { id } = await s.install(secondIndex(), { name: 'Second', origin: 'imported' });
    const meta = (await s.meta(id))!;
    await s.db.put('corpora', { ...meta, [field]: 0 });
    const read = (await s.meta(id))!;
    expect(read.status).toBe('broken');
    expect(read.reason).toContain(field);
  });
});
