/**
 * The stored form of matcher data (layout 4): parts of JSON text as UTF-8 bytes (`core` with the
 * names, `meta`, bounded claim group, claim and quote parts) and a prebuilt quote bigram index. It reads back as
 * the data it was made from; `core` alone matches names as the whole does; a corrupt field is an
 * error naming the part and the field, and through the store, the corpus too.
 */
import { describe, expect, it } from 'vitest';
import { createStoreCorpusSource } from '../../../src/background/store-corpus-source';
import { MatcherCompiler, compileMatcher, type CompileSection } from '../../../src/core/match/compile';
import { quoteBigrams, type QuoteBigrams } from '../../../src/core/match/quotes';
import { createMatcher } from '../../../src/core/match/scan';
import { CLAIMS_PER_PART, CLAIM_GROUPS_PER_PART, NAME_FIELDS, QUOTES_PER_PART, matcherPartCount, namesOnly, packMatcher, packMatcherInTurn, type MatcherNames, type MatcherPart } from '../../../src/store/matcher-row';
import type { CorpusIndex } from '../../../src/core/index/types';
import { unpackMatcher } from '../../../src/store/validate-stored';
import { SECOND_TEXT, SEEDS_TEXT, freshStore, secondIndex, seedsIndex } from './helpers';

const data = compileMatcher(secondIndex());
const seeds = compileMatcher(seedsIndex());
/** Small parts, so the second corpus (a handful of claims, quotes and claim groups) spans several of each. */
const SMALL = { claims: 2, quotes: 1, claimGroups: 2 };
const packed = packMatcher(data, SMALL);
/** The last part, which carries the quote bigram index. */
const LAST = packed[packed.length - 1].shard;

const part = (parts: MatcherPart[], shard: string) => parts.find((p) => p.shard === shard)!;
const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const parsed = (p: MatcherPart) => JSON.parse(new TextDecoder().decode(p.json)) as Record<string, unknown>;
/** The parts with one replaced by `change` of it. */
const withPart = (shard: string, change: (p: MatcherPart) => Partial<Record<keyof MatcherPart, unknown>>) => packed.map((p) => (p.shard === shard ? { ...p, ...change(p) } : p));

/** A copy of the packed bigram index with `change` applied to a copy of one of its arrays. */
function withBigrams(change: (b: QuoteBigrams) => Partial<Record<keyof QuoteBigrams, unknown>>) {
  const b = part(packed, LAST).quoteBigrams!;
  const copy = { keys: b.keys.slice(), starts: b.starts.slice(), postings: b.postings.slice() };
  return withPart(LAST, () => ({ quoteBigrams: { ...copy, ...change(copy) } }));
}

describe('packMatcher / unpackMatcher', () => {
  it('splits the data into core (listing the others), meta, then parts of at most the given claim groups, claims and quotes', () => {
    expect(data.claims.length).toBeGreaterThan(SMALL.claims);
    expect(data.quotes.length).toBeGreaterThan(SMALL.quotes);
    expect(data.claimGroups.length).toBeGreaterThan(SMALL.claimGroups);
    const groupParts = Math.ceil(data.claimGroups.length / SMALL.claimGroups);
    const claimParts = Math.ceil(data.claims.length / SMALL.claims);
    const quoteParts = Math.ceil(data.quotes.length / SMALL.quotes);
    const rest = ['meta', ...Array.from({ length: groupParts }, (_, k) => `claimGroups/${k}`), ...Array.from({ length: claimParts }, (_, k) => `claims/${k}`), ...Array.from({ length: quoteParts }, (_, k) => `quotes/${k}`)];
    expect(packed.map((p) => p.shard)).toEqual(['core', ...rest]);
    expect(packed[0].parts).toEqual(rest);
    // The quote bigram index rides on the last part (read last: the quotes need it, nothing before them does).
    expect(packed.map((p) => p.quoteBigrams !== undefined)).toEqual(packed.map((p) => p.shard === LAST));
    expect(LAST).toBe(`quotes/${quoteParts - 1}`);
    expect(Object.keys(parsed(packed[0])).sort()).toEqual([...NAME_FIELDS].sort());
    // A claim part: signatures without figures or places cut to four fields, each distinct traits tuple once.
    const traits2 = data.claimTraits!.slice(2, 4);
    const table = traits2.filter((t, i) => traits2.findIndex((u) => JSON.stringify(u) === JSON.stringify(t)) === i);
    expect(parsed(part(packed, 'claims/1'))).toEqual({
      from: 2,
      claims: data.claims.slice(2, 4).map((c) => (c[4].length === 0 && c[5].length === 0 ? c.slice(0, 4) : c)),
      claimFlags: data.claimFlags.slice(2, 4),
      traits: table,
      traitOf: traits2.map((t) => table.findIndex((u) => JSON.stringify(u) === JSON.stringify(t))),
    });
    expect(parsed(part(packed, 'claimGroups/1'))).toEqual({ from: 2, claimGroups: data.claimGroups.slice(2, 4) });
    // Only the claim scorer reads the claim groups: meta does not hold them.
    expect(parsed(part(packed, 'meta'))).not.toHaveProperty('claimGroups');
    // The default sizes hold a small corpus in one part each.
    expect(packMatcher(data).map((p) => p.shard)).toEqual(['core', 'meta', 'claimGroups/0', 'claims/0', 'quotes/0']);
    expect([CLAIMS_PER_PART, QUOTES_PER_PART, CLAIM_GROUPS_PER_PART].every((n) => n > data.claims.length)).toBe(true);
    expect(matcherPartCount(data.claims.length, data.quotes.length, data.claimGroups.length, SMALL)).toBe(packed.length);
  });

  it('a streamed compile\'s parts, signatures written from their JSON text, are the bytes of the whole data\'s parts', () => {
    const sections: CompileSection[] = ['articles', 'entities', 'ambiguous', 'quotes', 'quoteGroups', 'claims', 'claimGroups'];
    for (const index of [seedsIndex(), secondIndex()]) {
      const whole = compileMatcher(index);
      // The premise: claims with figures, with places, and with neither (stored short), over several parts.
      expect(whole.claims.some((c) => c[4].length > 0)).toBe(true);
      expect(whole.claims.some((c) => c[5].length > 0)).toBe(true);
      expect(whole.claims.some((c) => c[4].length === 0 && c[5].length === 0)).toBe(true);
      const streamed = (texts: boolean) => {
        const compiler = new MatcherCompiler();
        for (const section of sections) for (const record of index[section] as CorpusIndex[typeof section]) compiler.add(section, record);
        const compiled = compiler.finishParts();
        return [...packMatcherInTurn(compiled.data, texts ? compiled : { ...compiled, claimTexts: undefined }, SMALL)];
      };
      const expected = packMatcher(whole, SMALL).map((p) => [p.shard, new TextDecoder().decode(p.json)]);
      expect(streamed(true).map((p) => [p.shard, new TextDecoder().decode(p.json)])).toEqual(expected);
      expect(streamed(false).map((p) => [p.shard, new TextDecoder().decode(p.json)])).toEqual(expected);
    }
  });

  it('reads back the data it was made from, with the bigram index the matcher would build', () => {
    const back = unpackMatcher(structuredClone(packed));
    expect(back.data).toEqual(data);
    expect(back.quoteBigrams).toEqual(quoteBigrams(data.quotes, data.words.length + 1));
    expect(unpackMatcher(structuredClone(packMatcher(seeds))).data).toEqual(seeds);
  });

  it('stores each distinct traits tuple of a part once and reads it back shared and frozen, short signatures with one frozen empty list', () => {
    const seedParts = packMatcher(seeds);
    const stored = parsed(part(seedParts, 'claims/0'));
    const distinct = new Set(seeds.claimTraits!.map((t) => JSON.stringify(t)));
    expect(distinct.size).toBeLessThan(seeds.claims.length);
    expect((stored.traits as unknown[]).length).toBe(distinct.size);
    const back = unpackMatcher(structuredClone(seedParts)).data;
    const traits = back.claimTraits!;
    const [i, j] = seeds.claimTraits!.flatMap((t, a) => seeds.claimTraits!.slice(a + 1).map((u, b) => [a, a + 1 + b, JSON.stringify(t) === JSON.stringify(u)] as const)).find(([, , same]) => same)!;
    expect(traits[i]).toBe(traits[j]);
    expect(Object.isFrozen(traits[i]) && Object.isFrozen(traits[i][2])).toBe(true);
    const bare = back.claims.filter((c) => c[4].length === 0 && c[5].length === 0);
    expect(bare.length).toBeGreaterThan(1);
    expect(bare.every((c) => c[4] === bare[0][4] && (c[5] as unknown) === bare[0][4] && Object.isFrozen(c[4]))).toBe(true);
  });

  it.each([
    ['the second corpus', data, () => [SECOND_TEXT, ...secondIndex().claims.map((c) => c.text)]],
    ['the seeds', seeds, () => [SEEDS_TEXT, ...seedsIndex().claims.map((c) => c.text)]],
  ])('the stored form (traits shared, frozen) matches every claim of %s as the compiled data does, relations included', (_what, whole, texts) => {
    const back = unpackMatcher(structuredClone(packMatcher(whole, SMALL)));
    const stored = createMatcher(back.data, { quoteBigrams: back.quoteBigrams });
    const compiled = createMatcher(whole);
    const found = texts().map((t) => stored.scan(t));
    expect(found.flat().filter((m) => m.kind === 'claim').length).toBeGreaterThan(texts().length / 2);
    expect(found).toEqual(texts().map((t) => compiled.scan(t)));
  });

  it('a matcher built from the stored form matches as one built from the data', () => {
    const back = unpackMatcher(structuredClone(packed));
    const text = `${SECOND_TEXT} “${secondIndex().quotes[0].text},” she said.`;
    const found = createMatcher(back.data, { quoteBigrams: back.quoteBigrams }).scan(text);
    expect(found.map((m) => m.kind)).toContain('quote');
    expect(found).toEqual(createMatcher(data).scan(text));
  });

  it.each([
    ['the second corpus', data, () => `${SECOND_TEXT} ${secondIndex().claims.map((c) => c.text).join(' ')}`],
    ['the seeds', seeds, () => `${SEEDS_TEXT} ${seedsIndex().claims.map((c) => c.text).join(' ')}`],
  ])('core alone (names only) finds exactly the people and organisations the whole data finds: %s', (_what, whole, text) => {
    const core = parsed(packMatcher(whole)[0]) as unknown as MatcherNames;
    const names = createMatcher(namesOnly(core)).scan(text(), { kinds: { person: true, organisation: true } });
    const all = createMatcher(whole).scan(text()).filter((m) => m.kind === 'person' || m.kind === 'organisation');
    expect(names.length).toBeGreaterThan(0);
    expect(names).toEqual(all);
  });

  it('keeps a field it has no part for on meta (a later MatcherData may add one)', () => {
    const later = { ...data, laterField: [1, 2, 3] } as typeof data;
    expect(unpackMatcher(packMatcher(later, SMALL)).data).toEqual(later);
    expect(parsed(part(packMatcher(later, SMALL), 'meta')).laterField).toEqual([1, 2, 3]);
  });

  it('stores the JSON text as UTF-8 bytes, characters beyond Latin-1 included', () => {
    const text = { ...data, places: [...data.places, 'Île-sur-Mer’s 😀'] };
    const back = unpackMatcher(packMatcher(text));
    expect(back.data.places.at(-1)).toBe('Île-sur-Mer’s 😀');
  });

  it('data migrated without a bigram index reads back without one (the matcher builds it)', () => {
    expect(unpackMatcher(withPart(LAST, () => ({ quoteBigrams: undefined })) as never).quoteBigrams).toBeUndefined();
  });

  const claims1 = parsed(part(packed, 'claims/1'));
  const groups1 = parsed(part(packed, 'claimGroups/1'));
  const claims0 = parsed(part(packed, 'claims/0'));
  const groupCount = data.claimGroups.length;
  const groupShards = packed.filter((p) => p.shard.startsWith('claimGroups/')).map((p) => p.shard);
  const quotes0 = parsed(part(packed, 'quotes/0'));
  it.each([
    ['json missing', withPart('core', () => ({ json: undefined })), 'record matcher "core", field json: expected the bytes of JSON text (a Uint8Array)'],
    ['json as a string', withPart('core', (p) => ({ json: new TextDecoder().decode(p.json) })), 'record matcher "core", field json: expected the bytes of JSON text (a Uint8Array)'],
    ['json cut short', withPart('core', (p) => ({ json: p.json.slice(0, 100) })), /^record matcher "core", field json: not UTF-8 JSON text \(/],
    ['json bytes that are not UTF-8', withPart('meta', () => ({ json: Uint8Array.from([0x7b, 0xff, 0x7d]) })), /^record matcher "meta", field json: not UTF-8 JSON text \(/],
    ['a field of the names', withPart('core', (p) => ({ json: json({ ...parsed(p), entityKinds: 42 }) })), 'record matcher "core", field entityKinds: expected a string'],
    ['the parts not listed', withPart('core', () => ({ parts: undefined })), 'record matcher "core", field parts: expected an array'],
    ['the parts not starting with meta', withPart('core', (p) => ({ parts: p.parts!.slice(1) })), 'record matcher "core", field parts: expected "meta" first'],
    ['a part missing', packed.filter((p) => p.shard !== 'claims/1'), 'record matcher "claims/1", field (root): missing'],
    ['a field of meta', withPart('meta', (p) => ({ json: json({ ...parsed(p), weights: [1] }) })), `record matcher "meta", field weights: expected one weight per key (${data.keys.length})`],
    ['a claim of a later part, by its index in all the claims', withPart('claims/1', () => ({ json: json({ ...claims1, claims: (claims1.claims as unknown[]).map((c, i) => (i === 1 ? 'not a signature' : c)) }) })), 'record matcher "claims/1", field claims[3]: expected an array'],
    ['claim flags not one per claim of the part', withPart('claims/1', () => ({ json: json({ ...claims1, claimFlags: [0] }) })), 'record matcher "claims/1", field claimFlags: expected one flag set per claim (2)'],
    ['traits numbers not one per claim of the part', withPart('claims/1', () => ({ json: json({ ...claims1, traitOf: [0] }) })), 'record matcher "claims/1", field traitOf: expected one traits number per claim (2)'],
    ['a traits number past the part\'s tuples', withPart('claims/1', () => ({ json: json({ ...claims1, traitOf: [0, (claims1.traits as unknown[]).length] }) })), `record matcher "claims/1", field traitOf[1]: traits tuple ${(claims1.traits as unknown[]).length} does not exist (${(claims1.traits as unknown[]).length} known)`],
    ['traits numbers without the tuples', withPart('claims/1', () => ({ json: json({ ...claims1, traits: undefined }) })), 'record matcher "claims/1", field traits: expected an array'],
    ['a claim group that is not a string', withPart('claimGroups/1', () => ({ json: json({ ...groups1, claimGroups: [7] }) })), 'record matcher "claimGroups/1", field claimGroups[0]: expected a string'],
    ['a claim group part out of order', withPart('claimGroups/1', () => ({ json: json({ ...groups1, from: 0 }) })), 'record matcher "claimGroups/1", field from: expected 2 (the claim groups of the parts before it)'],
    [
      'a claim naming a group of no part (the group parts left out)',
      withPart('core', (p) => ({ parts: p.parts!.filter((s) => !groupShards.includes(s)) })),
      /^record matcher "claims\/0", field claims\[0\]\[2\]: claim group \d+ does not exist \(0 known\)/,
    ],
    ['claim groups listed after the claims', withPart('core', (p) => ({ parts: ['meta', ...p.parts!.filter((s) => s !== 'meta' && !groupShards.includes(s)), ...groupShards] })), 'record matcher "claims/0", field claims[0][2]'],
    ['a claim naming a group that does not exist', withPart('claims/0', () => ({ json: json({ ...claims0, claims: (claims0.claims as unknown[][]).map((c, i) => (i === 0 ? [c[0], c[1], groupCount, ...c.slice(3)] : c)) }) })), `record matcher "claims/0", field claims[0][2]: claim group ${groupCount} does not exist (${groupCount} known)`],
    ['a part out of order', withPart('claims/1', () => ({ json: json({ ...claims1, from: 0 }) })), 'record matcher "claims/1", field from: expected 2 (the claims of the parts before it)'],
    ['a quote naming a group that does not exist', withPart('quotes/0', () => ({ json: json({ ...quotes0, quotes: [[0, 0, 999, [], []]] }) })), `record matcher "quotes/0", field quotes[0][2]: quote group 999 does not exist (${data.quoteGroups.length} known)`],
    ['the index not an object', withPart(LAST, () => ({ quoteBigrams: 'index' })), `record matcher "${LAST}", field quoteBigrams: expected an object`],
    ['keys as plain numbers', withBigrams((b) => ({ keys: [...b.keys] })), `record matcher "${LAST}", field quoteBigrams.keys: expected a Float64Array`],
    ['starts of the wrong kind', withBigrams((b) => ({ starts: Int32Array.from(b.starts) })), `record matcher "${LAST}", field quoteBigrams.starts: expected a Uint32Array`],
    ['postings missing', withBigrams(() => ({ postings: undefined })), `record matcher "${LAST}", field quoteBigrams.postings: expected a Uint32Array`],
    ['keys out of order', withBigrams((b) => ({ keys: Float64Array.from([b.keys[1], b.keys[0], ...b.keys.subarray(2)]) })), /^record matcher "quotes\/\d+", field quoteBigrams\.keys\[1\]: expected an integer above the previous key/],
    ['a key past stride²', withBigrams((b) => ({ keys: Float64Array.from(b.keys, (k, i) => (i === b.keys.length - 1 ? (data.words.length + 1) ** 2 : k)) })), /^record matcher "quotes\/\d+", field quoteBigrams\.keys\[\d+\]: expected an integer above the previous key and below/],
    ['a start missing', withBigrams((b) => ({ starts: b.starts.subarray(1) })), /^record matcher "quotes\/\d+", field quoteBigrams\.starts: expected one start per key and one more/],
    ['a first start not 0', withBigrams((b) => ({ starts: Uint32Array.from(b.starts, (s, i) => (i === 0 ? 1 : s)) })), `record matcher "${LAST}", field quoteBigrams.starts[0]: expected 0`],
    ['a posting past the quotes', withBigrams((b) => ({ postings: Uint32Array.from(b.postings, (p, i) => (i === 2 ? data.quotes.length : p)) })), `record matcher "${LAST}", field quoteBigrams.postings[2]: quote ${data.quotes.length} does not exist (${data.quotes.length} known)`],
  ])('rejects %s, naming the part and the field', (_what, rows, message) => {
    expect(() => unpackMatcher(rows as never)).toThrow(message);
  });

  it('through the store, a corrupt bigram index breaks its corpus with a reason naming the corpus and the field', async () => {
    const s = await freshStore();
    try {
      const { id } = await s.install(secondIndex(), { name: 'Harbour', origin: 'imported' });
      const meta = (await s.meta(id))!;
      // The default part sizes hold this corpus's quotes in one part, the last, which carries the index.
      const row = (await s.db.get('matcher', [meta.data, 'quotes/0']))!;
      const postings = row.quoteBigrams!.postings.slice();
      postings[0] = 1_000_000;
      await s.db.put('matcher', { ...row, quoteBigrams: { ...row.quoteBigrams!, postings } });
      const [corpus] = await createStoreCorpusSource(async () => s).active();
      expect(await corpus.match(SECOND_TEXT)).toEqual([]);
      expect((await s.meta(id))!.reason).toBe(`Corpus "Harbour" (${id}) is broken: record matcher "quotes/0", field quoteBigrams.postings[0]: quote 1000000 does not exist (${data.quotes.length} known)`);
    } finally {
      s.close();
    }
  });

  it.each([
    ['nothing is asked for the idle wait: its claims are built and early is null', 30, true],
    ['requests keep coming: names still come early (the claims wait)', 60_000, false],
  ])('through the store, once the whole matcher is read, %s', async (_what, idleMs, built) => {
    const s = await freshStore();
    try {
      await s.install(secondIndex(), { name: 'Harbour', origin: 'imported' });
      const [corpus] = await createStoreCorpusSource(async () => s, async () => undefined, idleMs).active();
      expect((await corpus.early!(SECOND_TEXT))!.map((m) => m.id)).toEqual(['person:ilse-brandvold']);
      // Asked every 100 ms for up to 2 s: long enough to read this small corpus and to pass the short
      // idle wait between two asks (each ask starts the wait again), on a loaded machine too.
      for (let k = 0; k < 20 && (await corpus.early!(SECOND_TEXT)) !== null; k++) await new Promise((r) => setTimeout(r, 100));
      expect((await corpus.early!(SECOND_TEXT)) === null).toBe(built);
    } finally {
      s.close();
    }
  });

  it('through the store, a corpus still loading answers names early; once loaded, early is null and match answers', async () => {
    const s = await freshStore();
    try {
      await s.install(secondIndex(), { name: 'Harbour', origin: 'imported' });
      let release: () => void = () => undefined;
      const vectors = new Promise<void>((r) => (release = r));
      const [corpus] = await createStoreCorpusSource(async () => s, () => vectors).active();
      const early = await corpus.early!(SECOND_TEXT);
      expect(early!.map((m) => m.id)).toEqual(['person:ilse-brandvold']);
      release();
      expect(await corpus.match(SECOND_TEXT)).toEqual(early);
      expect(await corpus.early!(SECOND_TEXT)).toBeNull();
    } finally {
      s.close();
    }
  });
});
