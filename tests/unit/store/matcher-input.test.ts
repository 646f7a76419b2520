/**
 * An install's matcher made elsewhere (InstallOptions.matcher, the import worker's matcher worker):
 * records cut to what the compile reads (matcher-input.ts) compile to the same stored parts as the
 * records; the install takes the given builder only when it reuses the claims of the generation it
 * replaces; and a compile that fails fails the install, naming it, with the corpus left as it was.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { CorpusIndex } from '../../../src/core/index/types';
import { MatcherCompiler, type PreviousClaims } from '../../../src/core/match/compile';
import { compiledMatcher, type CorpusStore, type MatcherBuilder } from '../../../src/store/corpus-store';
import { CORPUS_SECTIONS, type CorpusRecord } from '../../../src/store/corpus-file-reader';
import { compileInput } from '../../../src/store/matcher-input';
import { readPreviousClaims, type MatcherPart } from '../../../src/store/matcher-row';
import type { GazetteerSource } from '../../../src/store/gazetteer-asset';
import { countRows, freshStore, secondIndex, seedsIndex } from './helpers';

const open: CorpusStore[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

const noGazetteer: GazetteerSource = async () => null;

/** The parts a compile of `index` stores, its records first cut by `cut`, reusing `previous` when given. */
async function partsOf(index: CorpusIndex, cut: boolean, previous?: PreviousClaims): Promise<MatcherPart[]> {
  const compiler = new MatcherCompiler();
  if (previous) compiler.reuseClaims(previous);
  const builder = compiledMatcher(compiler, noGazetteer);
  for (const section of CORPUS_SECTIONS) {
    for (const record of index[section] as CorpusRecord<typeof section>[]) builder.add(section, cut ? structuredClone(compileInput(section, record)) : record);
  }
  const out: MatcherPart[] = [];
  for await (const part of builder.parts()) out.push(part);
  return out;
}

/** A builder handing over `parts`, counting the records it is given and the times it is asked for its parts. */
function countingBuilder(parts: () => AsyncIterable<MatcherPart>): MatcherBuilder & { added: number; asked: number } {
  const builder = {
    added: 0,
    asked: 0,
    add: () => void builder.added++,
    parts: () => {
      builder.asked++;
      return parts();
    },
  };
  return builder;
}

async function* yielded(parts: MatcherPart[]): AsyncGenerator<MatcherPart> {
  yield* parts;
}

describe('records cut to what the compile reads', () => {
  it.each([
    ['the seeds', seedsIndex],
    ['the second fixture', secondIndex],
  ])('compile to the parts the records compile to (%s)', async (_name, make) => {
    const index = make();
    const cut = await partsOf(index, true);
    expect(cut.length).toBeGreaterThan(2);
    expect(cut).toEqual(await partsOf(index, false));
  });

  it('leave out fields of the claims and groups: fewer bytes to send', () => {
    const index = seedsIndex();
    const claim = compileInput('claims', index.claims[0]);
    expect(Object.keys(claim).sort()).toEqual(['article', 'entities', 'group', 'places', 'sentence', 'text']);
    expect(compileInput('claimGroups', index.claimGroups[0])).toEqual({ id: index.claimGroups[0].id });
    expect(compileInput('quoteGroups', index.quoteGroups[0])).toEqual({ id: index.quoteGroups[0].id });
    expect(compileInput('articles', index.articles[0])).toBe(index.articles[0]);
  });

  it('compile to the same parts when reusing the claims of an earlier generation', async () => {
    const s = await freshStore(undefined, { gazetteer: noGazetteer });
    open.push(s);
    const { id } = await s.install(seedsIndex(), { name: 'Seeds', origin: 'imported' });
    const meta = (await s.meta(id))!;
    const previous = await readPreviousClaims((shard) => s.db.get('matcher', [meta.data, shard]));
    expect(previous).toBeDefined();
    expect(await partsOf(seedsIndex(), true, previous)).toEqual(await partsOf(seedsIndex(), false, previous));
  });
});

describe('an install given a matcher made elsewhere', () => {
  it('takes it for a new corpus (it reuses nothing): its parts are the matcher stored', async () => {
    const index = secondIndex();
    const s = await freshStore(undefined, { gazetteer: noGazetteer });
    open.push(s);
    const own = await s.install(index, { name: 'Own', origin: 'imported' });
    const parts = await partsOf(index, true);
    const builder = countingBuilder(() => yielded(parts));
    const given = await s.install(index, { name: 'Given', origin: 'imported', matcher: { previous: undefined, builder } });
    expect(builder.asked).toBe(1);
    expect(builder.added).toBe(Object.values(index).reduce((n, v) => n + (Array.isArray(v) ? v.length : 0), 0));
    expect((await s.readMatcher((await s.meta(given.id))!))!.data).toEqual((await s.readMatcher((await s.meta(own.id))!))!.data);
  });

  it('takes it for an add when it reuses the claims of the generation replaced, and compiles here when it reuses another\'s', async () => {
    const s = await freshStore(undefined, { gazetteer: noGazetteer });
    open.push(s);
    const { id } = await s.install(seedsIndex(), { name: 'Seeds', origin: 'imported' });
    const data = (await s.meta(id))!.data;
    const parts = await partsOf(seedsIndex(), true);
    const stale = countingBuilder(() => yielded(parts));
    await s.install(seedsIndex(), { id, name: 'Seeds', origin: 'imported', matcher: { previous: 'another-generation', builder: stale } });
    expect(stale.asked).toBe(0);
    const replaced = (await s.meta(id))!.data;
    expect(replaced).not.toBe(data);
    const fresh = countingBuilder(() => yielded(parts));
    await s.install(seedsIndex(), { id, name: 'Seeds', origin: 'imported', matcher: { previous: replaced, builder: fresh } });
    expect(fresh.asked).toBe(1);
    const meta = (await s.meta(id))!;
    expect(meta.status).toBe('ready');
    expect((await s.readMatcher(meta))!.data.claims.length).toBe(seedsIndex().claims.length);
  });

  it('fails, naming the compile, and leaves the corpus as it was when the compile fails', async () => {
    const s = await freshStore(undefined, { gazetteer: noGazetteer });
    open.push(s);
    const { id } = await s.install(seedsIndex(), { name: 'Seeds', origin: 'imported' });
    const before = await s.meta(id);
    const rows = await countRows(s);
    const failing = countingBuilder(async function* () {
      yield* [] as MatcherPart[];
      throw new Error('the matcher could not be compiled: out of memory');
    });
    await expect(s.install(seedsIndex(), { id, name: 'Seeds', origin: 'imported', matcher: { previous: before!.data, builder: failing } })).rejects.toThrow(/matcher could not be compiled: out of memory/);
    expect(await s.meta(id)).toEqual(before);
    expect(await countRows(s)).toEqual(rows);
  });
});
