/** Card records kept DETAILS_PER_BUCKET-odd to a row (db.ts): every one reads back as built, bad buckets break only their corpus. */
import { afterEach, describe, expect, it } from 'vitest';
import { buildCardDetails } from '../../../src/core/index/card-details';
import type { CorpusIndex, DetectionKind } from '../../../src/core/index/types';
import type { CorpusStore } from '../../../src/store/corpus-store';
import { DETAILS_BUCKET_KIND, DETAILS_PER_BUCKET, detailsBucket, detailsBucketCount, type DetailsBucketRow } from '../../../src/store/db';
import { freshStore, secondIndex, seedsIndex } from './helpers';
import { MAX_CARD_ARTICLES, MAX_CARD_MEMBERS, type CardRecord } from '../../../src/core/index/card-details';
import { wideIndex } from '../../fixtures/index/wide-index';

const open: CorpusStore[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

async function store(): Promise<CorpusStore> {
  const s = await freshStore();
  open.push(s);
  return s;
}

/** Every card record key of an index. */
function cardKeys(index: CorpusIndex): [DetectionKind, string][] {
  return [
    ...index.entities.map((e): [DetectionKind, string] => [e.kind, e.id]),
    ...index.claimGroups.map((g): [DetectionKind, string] => ['claim', g.id]),
    ...index.quoteGroups.map((g): [DetectionKind, string] => ['quote', g.id]),
  ];
}

describe('card record buckets', () => {
  it.each([
    [0, 1],
    [1, 1],
    [DETAILS_PER_BUCKET, 1],
    [DETAILS_PER_BUCKET + 1, 2],
    [100 * DETAILS_PER_BUCKET, 100],
  ])('%i card records go to %i buckets', (records, buckets) => {
    expect(detailsBucketCount(records)).toBe(buckets);
  });

  it('puts a key in the same bucket every time, inside the count', () => {
    for (const buckets of [1, 7, 3288]) {
      const b = detailsBucket('person', 'person:ada-quill', buckets);
      expect(b).toBe(detailsBucket('person', 'person:ada-quill', buckets));
      expect(b).toBeGreaterThanOrEqual(0);
      expect(b).toBeLessThan(buckets);
    }
    // The kind is part of the key. FNV-1a (32-bit) worked out apart from this code (a few lines of
    // Python): "claim:x1" is 380 and "quote:x1" 364 modulo 1,000; "person:person:ada-quill" 4 modulo 7.
    expect(detailsBucket('claim', 'x1', 1000)).toBe(380);
    expect(detailsBucket('quote', 'x1', 1000)).toBe(364);
    expect(detailsBucket('person', 'person:ada-quill', 7)).toBe(4);
  });

  it.each([['seeds', seedsIndex], ['second', secondIndex]] as const)('reads back every card record of the %s corpus as buildCardDetails makes it', async (_name, make) => {
    const s = await store();
    const index = make();
    const { id } = await s.install(index, { name: 'Cards', origin: 'imported' });
    const meta = (await s.meta(id))!;
    expect(meta.detailsBuckets).toBe(detailsBucketCount(cardKeys(index).length));
    const rows = (await s.db.getAll('details')) as DetailsBucketRow[];
    expect(rows.every((r) => r.kind === DETAILS_BUCKET_KIND && r.records.length > 0)).toBe(true);
    expect(rows.reduce((n, r) => n + r.records.length, 0)).toBe(cardKeys(index).length);
    for (const [kind, key] of cardKeys(index)) expect(await s.readDetails(meta, kind, key)).toEqual(buildCardDetails(index, kind, key));
    expect(await s.readDetails(meta, 'person', 'person:nobody-here')).toBeNull();
  });

  it('keeps the card records of a person, claim and quote in all 1,500 articles cut: their buckets are as small as at 100 articles', async () => {
    const sizes: number[][] = [];
    for (const n of [100, 1_500]) {
      const s = await store();
      const { id } = await s.install(JSON.parse(JSON.stringify(wideIndex(n))) as CorpusIndex, { name: `Wide ${n}`, origin: 'imported' });
      const meta = (await s.meta(id))!;
      const person = (await s.readDetails(meta, 'person', 'person:ada-quill')) as CardRecord & { type: 'entity' };
      expect([person.articles.length, person.covered, person.articlesLeft]).toEqual([MAX_CARD_ARTICLES, n, n - MAX_CARD_ARTICLES]);
      const claim = (await s.readDetails(meta, 'claim', 'cg1')) as CardRecord & { type: 'claim' };
      expect([claim.members.length, claim.covered, claim.articlesLeft]).toEqual([MAX_CARD_MEMBERS, n, n - MAX_CARD_MEMBERS]);
      const bucketOf = async (kind: DetectionKind, key: string) => JSON.stringify(await s.db.get('details', [meta.data, DETAILS_BUCKET_KIND, String(detailsBucket(kind, key, meta.detailsBuckets!))])).length;
      sizes.push([await bucketOf('person', 'person:ada-quill'), await bucketOf('claim', 'cg1'), await bucketOf('quote', 'qg1')]);
    }
    // The same records but for the digits of counts and ids (a whole record at 1,500 articles is hundreds of KB).
    sizes[1]!.forEach((bytes, k) => expect(bytes - sizes[0]![k]!).toBeLessThan(300));
  });

  it('a bucket that is not an array breaks its corpus, naming the bucket', async () => {
    const s = await store();
    const index = secondIndex();
    const { id } = await s.install(index, { name: 'Second', origin: 'imported' });
    const meta = (await s.meta(id))!;
    const [kind, key] = cardKeys(index)[0]!;
    const bucket = String(detailsBucket(kind, key, meta.detailsBuckets!));
    await s.db.put('details', { data: meta.data, kind: DETAILS_BUCKET_KIND, id: bucket, records: 'oops' } as unknown as DetailsBucketRow);
    await expect(s.readDetails(meta, kind, key)).rejects.toThrow(`Corpus "Second" (${id}) is broken: record details bucket ${bucket}, field records: expected an array`);
    expect((await s.meta(id))!.status).toBe('broken');
  });
});

describe('card record buckets in the metadata', () => {
  it('a bucket count that is not a whole number above 0 breaks the corpus, naming the field', async () => {
    const s = await store();
    const { id } = await s.install(secondIndex(), { name: 'Second', origin: 'imported' });
    const meta = (await s.meta(id))!;
    await s.db.put('corpora', { ...meta, detailsBuckets: 0 });
    const read = (await s.meta(id))!;
    expect(read.status).toBe('broken');
    expect(read.reason).toContain('detailsBuckets');
  });
});
