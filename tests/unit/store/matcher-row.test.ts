/**
 * The stored form of a matcher shard (layout 3): JSON text as UTF-8 bytes and a prebuilt quote bigram index. It
 * reads back as the data it was made from; a corrupt field is an error naming it, and through the
 * store, the corpus too.
 */
import { describe, expect, it } from 'vitest';
import { createStoreCorpusSource } from '../../../src/background/store-corpus-source';
import { compileMatcher } from '../../../src/core/match/compile';
import { quoteBigrams, type QuoteBigrams } from '../../../src/core/match/quotes';
import { createMatcher } from '../../../src/core/match/scan';
import { packMatcher } from '../../../src/store/matcher-row';
import { unpackMatcher } from '../../../src/store/validate-stored';
import { SECOND_TEXT, freshStore, secondIndex } from './helpers';

const data = compileMatcher(secondIndex());
const packed = packMatcher(data);

/** A copy of the packed bigram index with `change` applied to a copy of one of its arrays. */
function withBigrams(change: (b: QuoteBigrams) => Partial<Record<keyof QuoteBigrams, unknown>>): { json: Uint8Array; quoteBigrams: unknown } {
  const b = packed.quoteBigrams!;
  const copy = { keys: b.keys.slice(), starts: b.starts.slice(), postings: b.postings.slice() };
  return { json: packed.json, quoteBigrams: { ...copy, ...change(copy) } };
}

describe('packMatcher / unpackMatcher', () => {
  it('reads back the data it was made from, with the bigram index the matcher would build', () => {
    expect(data.quotes.length).toBeGreaterThan(0);
    const back = unpackMatcher(structuredClone(packed));
    expect(back.data).toEqual(data);
    expect(back.quoteBigrams).toEqual(quoteBigrams(data.quotes, data.words.length + 1));
  });

  it('a matcher built from the stored form matches as one built from the data', () => {
    const back = unpackMatcher(structuredClone(packed));
    const text = `${SECOND_TEXT} “${secondIndex().quotes[0].text},” she said.`;
    const found = createMatcher(back.data, { quoteBigrams: back.quoteBigrams }).scan(text);
    expect(found.map((m) => m.kind)).toContain('quote');
    expect(found).toEqual(createMatcher(data).scan(text));
  });

  it('stores the JSON text as UTF-8 bytes, characters beyond Latin-1 included', () => {
    const text = { ...data, places: [...data.places, 'Île-sur-Mer’s 😀'] };
    const back = unpackMatcher({ json: packMatcher(text).json });
    expect(back.data.places.at(-1)).toBe('Île-sur-Mer’s 😀');
  });

  it('a shard migrated without a bigram index reads back without one (the matcher builds it)', () => {
    expect(unpackMatcher({ json: packed.json }).quoteBigrams).toBeUndefined();
  });

  it.each([
    ['json missing', { quoteBigrams: packed.quoteBigrams }, 'record matcher "core", field json: expected the bytes of JSON text (a Uint8Array)'],
    ['json as a string', { json: new TextDecoder().decode(packed.json) }, 'record matcher "core", field json: expected the bytes of JSON text (a Uint8Array)'],
    ['json cut short', { json: packed.json.slice(0, 100) }, /^record matcher "core", field json: not UTF-8 JSON text \(/],
    ['json bytes that are not UTF-8', { json: Uint8Array.from([0x7b, 0xff, 0x7d]) }, /^record matcher "core", field json: not UTF-8 JSON text \(/],
    ['a field of the data', { json: new TextEncoder().encode(JSON.stringify({ ...data, entityKinds: 42 })) }, 'record matcher "core", field entityKinds: expected a string'],
    ['the index not an object', { json: packed.json, quoteBigrams: 'index' }, 'record matcher "core", field quoteBigrams: expected an object'],
    ['keys as plain numbers', withBigrams((b) => ({ keys: [...b.keys] })), 'record matcher "core", field quoteBigrams.keys: expected a Float64Array'],
    ['starts of the wrong kind', withBigrams((b) => ({ starts: Int32Array.from(b.starts) })), 'record matcher "core", field quoteBigrams.starts: expected a Uint32Array'],
    ['postings missing', withBigrams(() => ({ postings: undefined })), 'record matcher "core", field quoteBigrams.postings: expected a Uint32Array'],
    ['keys out of order', withBigrams((b) => ({ keys: Float64Array.from([b.keys[1], b.keys[0], ...b.keys.subarray(2)]) })), /^record matcher "core", field quoteBigrams\.keys\[1\]: expected an integer above the previous key/],
    ['a key past stride²', withBigrams((b) => ({ keys: Float64Array.from(b.keys, (k, i) => (i === b.keys.length - 1 ? (data.words.length + 1) ** 2 : k)) })), /^record matcher "core", field quoteBigrams\.keys\[\d+\]: expected an integer above the previous key and below/],
    ['a start missing', withBigrams((b) => ({ starts: b.starts.subarray(1) })), /^record matcher "core", field quoteBigrams\.starts: expected one start per key and one more/],
    ['a first start not 0', withBigrams((b) => ({ starts: Uint32Array.from(b.starts, (s, i) => (i === 0 ? 1 : s)) })), 'record matcher "core", field quoteBigrams.starts[0]: expected 0'],
    ['a posting past the quotes', withBigrams((b) => ({ postings: Uint32Array.from(b.postings, (p, i) => (i === 2 ? data.quotes.length : p)) })), `record matcher "core", field quoteBigrams.postings[2]: quote ${data.quotes.length} does not exist (${data.quotes.length} known)`],
  ])('rejects %s, naming the field', (_what, row, message) => {
    expect(() => unpackMatcher(row as never)).toThrow(message);
  });

  it('through the store, a corrupt bigram index breaks its corpus with a reason naming the corpus and the field', async () => {
    const s = await freshStore();
    try {
      const { id } = await s.install(secondIndex(), { name: 'Harbour', origin: 'imported' });
      const meta = (await s.meta(id))!;
      const row = (await s.db.get('matcher', [meta.data, 'core']))!;
      const postings = row.quoteBigrams!.postings.slice();
      postings[0] = 1_000_000;
      await s.db.put('matcher', { ...row, quoteBigrams: { ...row.quoteBigrams!, postings } });
      const [corpus] = await createStoreCorpusSource(async () => s).active();
      expect(await corpus.match(SECOND_TEXT)).toEqual([]);
      expect((await s.meta(id))!.reason).toBe(`Corpus "Harbour" (${id}) is broken: record matcher "core", field quoteBigrams.postings[0]: quote 1000000 does not exist (${data.quotes.length} known)`);
    } finally {
      s.close();
    }
  });
});
