/**
 * The claims' input keys a generation keeps beside its matcher (matcher-row.ts CLAIM_INPUTS_PART):
 * read back with the claim parts they give the compile's PreviousClaims of that generation, claim
 * for claim; a replacement's compile takes them; and a row missing, of another matcher version or
 * not of its shape gives none (the add then reads every claim, losing nothing but time).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MatcherCompiler, compileMatcher, compileMatcherReusing, previousClaimsOf, type PackedLists, type PreviousClaims } from '../../../src/core/match/compile';
import { CLAIM_INPUTS_PART, PART_SIZES, claimInputsPart, packMatcher, readPreviousClaims, type MatcherPart } from '../../../src/store/matcher-row';
import type { CorpusStore } from '../../../src/store/corpus-store';
import { MATCHER_DATA_VERSION } from '../../../src/core/match/data';
import { freshStore, secondIndex, seedsIndex } from './helpers';

const open: CorpusStore[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
  vi.restoreAllMocks();
});

/** The kept scan of every claim of `previous`: its hits, its words and its keys, as plain values. */
function scanOf(previous: PreviousClaims): unknown[] {
  const scan = previous.scan!;
  const list = (l: PackedLists, i: number) => Array.from(l.values.subarray(l.starts[i], l.starts[i + 1]));
  return Array.from(previous.inputs, (_, i) => [list(scan.hits, i), list(scan.words, i).map((w) => scan.wordTable[w]), Array.from(scan.claimKeys(i), (k) => scan.keys[k])]);
}

/** Every claim of `previous`, as plain values. */
function claimsOf(previous: PreviousClaims): unknown[] {
  return Array.from(previous.inputs, (input, i) => [input, previous.claim(i)]);
}

describe('the claims input keys of a stored generation', () => {
  it('read back with the claim parts, equal the compile\'s own PreviousClaims', async () => {
    const s = await freshStore();
    open.push(s);
    const index = seedsIndex();
    const { id } = await s.install(index, { name: 'Seeds', origin: 'imported' });
    const meta = (await s.meta(id))!;
    const read = await readPreviousClaims((shard) => s.db.get('matcher', [meta.data, shard]));
    const compiled = compileMatcherReusing(index);
    expect(read).toBeDefined();
    expect(read!.inputs.length).toBe(compiled.data.claims.length);
    expect(read!.inputs.length).toBeGreaterThan(0);
    // The seeds have fewer claims than a part holds: the parts' joins are the matcher-row tests'.
    expect(read!.inputs.length).toBeLessThan(PART_SIZES.claims);
    expect(claimsOf(read!)).toEqual(claimsOf(previousClaimsOf(compiled.data, compiled.claimInputs)));
    // And the scan of each claim (its hits, words and keys), as the compile made it.
    expect(scanOf(read!)).toEqual(scanOf(previousClaimsOf(compiled.data, compiled.claimInputs, compiled.claimScan)));
    expect(read!.scan!.hits.starts[read!.inputs.length]).toBeGreaterThan(0);
    // A compile taking them gives the data of a full one.
    expect(JSON.stringify(compileMatcherReusing(secondIndex(), read, 0).data)).toBe(JSON.stringify(compileMatcher(secondIndex())));
    expect(JSON.stringify(compileMatcherReusing(index, read, 0).data)).toBe(JSON.stringify(compiled.data));
  });

  it('gives the claims without their scan when the row keeps none (written before it was kept), or one not of its shape', async () => {
    const compiled = compileMatcherReusing(seedsIndex());
    const parts = packMatcher(compiled.data);
    const withRow = (row: MatcherPart) => (shard: string) => Promise.resolve(shard === CLAIM_INPUTS_PART ? row : parts.find((p) => p.shard === shard));
    const full = claimInputsPart(compiled.claimInputs, compiled.claimScan);
    const rows = [claimInputsPart(compiled.claimInputs), { ...full, claimWordStarts: full.claimWordStarts!.subarray(1) }, { ...full, claimHitValues: Array.from(full.claimHitValues!) as unknown as Int32Array }];
    for (const row of rows) {
      const read = await readPreviousClaims(withRow(row));
      expect(read).toBeDefined();
      expect(read!.scan).toBeUndefined();
    }
    expect((await readPreviousClaims(withRow(full)))!.scan).toBeDefined();
  });

  it('read from claim parts of a few claims each, equal the compile\'s own PreviousClaims', async () => {
    const compiled = compileMatcherReusing(seedsIndex());
    const rows = new Map([...packMatcher(compiled.data, { claims: 3, quotes: 4, claimGroups: 5 }), claimInputsPart(compiled.claimInputs)].map((part) => [part.shard, part]));
    expect([...rows.keys()].filter((shard) => shard.startsWith('claims/')).length).toBeGreaterThan(2);
    const read = await readPreviousClaims((shard) => Promise.resolve(rows.get(shard)));
    expect(claimsOf(read!)).toEqual(claimsOf(previousClaimsOf(compiled.data, compiled.claimInputs)));
  });

  it('a replacement\'s compile takes the claims of the generation it replaces', async () => {
    const s = await freshStore();
    open.push(s);
    const { id } = await s.install(seedsIndex(), { name: 'Seeds', origin: 'imported' });
    const given = vi.spyOn(MatcherCompiler.prototype, 'reuseClaims');
    await s.install(seedsIndex(), { id, name: 'Seeds', origin: 'imported' });
    expect(given).toHaveBeenCalledTimes(1);
    expect(given.mock.calls[0][0].inputs.length).toBe(seedsIndex().claims.length);
    // A new corpus has nothing to take.
    await s.install(secondIndex(), { name: 'Second', origin: 'imported' });
    expect(given).toHaveBeenCalledTimes(1);
  });

  it.each([
    { name: 'missing', change: () => undefined },
    { name: 'of another matcher version', change: (row: Record<string, unknown>) => ({ ...row, json: new TextEncoder().encode(JSON.stringify({ schemaVersion: MATCHER_DATA_VERSION - 1, claims: (row.claimInputs as Float64Array).length })) }) },
    { name: 'counting other claims', change: (row: Record<string, unknown>) => ({ ...row, claimInputs: new Float64Array((row.claimInputs as Float64Array).length + 1) }) },
    { name: 'without its keys', change: (row: Record<string, unknown>) => ({ ...row, claimInputs: [1, 2, 3] }) },
  ])('gives none when the row is $name', async ({ change }) => {
    const s = await freshStore();
    open.push(s);
    const { id } = await s.install(seedsIndex(), { name: 'Seeds', origin: 'imported' });
    const meta = (await s.meta(id))!;
    const read = (shard: string) => s.db.get('matcher', [meta.data, shard]) as Promise<Record<string, unknown> | undefined>;
    const row = (await read(CLAIM_INPUTS_PART))!;
    expect(await readPreviousClaims(read)).toBeDefined();
    expect(await readPreviousClaims((shard) => (shard === CLAIM_INPUTS_PART ? Promise.resolve(change(row)) : read(shard)))).toBeUndefined();
  });

  it('gives none when a claim part is not of its shape', async () => {
    const s = await freshStore();
    open.push(s);
    const { id } = await s.install(seedsIndex(), { name: 'Seeds', origin: 'imported' });
    const meta = (await s.meta(id))!;
    const read = (shard: string) => s.db.get('matcher', [meta.data, shard]);
    const broken = new TextEncoder().encode(JSON.stringify({ from: 0, claims: 'none' }));
    expect(await readPreviousClaims(async (shard) => (shard.startsWith('claims/') ? { ...(await read(shard))!, json: broken } : read(shard)))).toBeUndefined();
  });
});
