/**
 * A reader's corpus gets place containment by the gazetteer when the store compiles it (install,
 * add, corpus file), and installs with text-only containment when the gazetteer cannot be loaded.
 * On an invented gazetteer and invented places.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync, strToU8 } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CorpusIndex } from '../../../src/core/index/types';
import { gazetteerContainment, packGazetteer, type Gazetteer } from '../../../src/core/lang/gazetteer';
import type { MatcherData } from '../../../src/core/match/data';
import { serialiseCorpusFile } from '../../../src/store/corpus-file';
import type { CorpusStore } from '../../../src/store/corpus-store';
import { fetchedGazetteer, gazetteerFromBytes, gazetteerPairs, type GazetteerSource } from '../../../src/store/gazetteer-asset';
import { freshStore, secondIndex } from './helpers';

/** An invented town in an invented region of an invented country. */
const GAZETTEER: Gazetteer = {
  places: [{ name: 'Quellbrook', region: 'Vardenmoor', country: 'Ostlandia', population: 40_000, lat: 51.2, lon: 3.1 }],
  regions: [{ name: 'Vardenmoor', country: 'Ostlandia' }],
  countries: ['Ostlandia'],
};

/** The invented gazetteer as the packaged asset carries it (gzipped pack JSON). */
const PACKED = gzipSync(strToU8(JSON.stringify(packGazetteer(GAZETTEER, 1))));

/** The second fixture with two claims placed in the invented town and its region (no article text relates them). */
function placedIndex(): CorpusIndex {
  const index = secondIndex();
  index.claims[0].places = ['Quellbrook'];
  index.claims[1].places = ['Vardenmoor'];
  return index;
}

/** The inner/outer place names of a matcher's gazetteer pairs. */
function pairNames(data: MatcherData): string[] {
  const flat = data.placeWithinGazetteer ?? [];
  const out: string[] = [];
  for (let k = 0; k + 1 < flat.length; k += 2) out.push(`${data.places[flat[k]]} in ${data.places[flat[k + 1]]}`);
  return out;
}

async function matcherOf(store: CorpusStore, id: string): Promise<MatcherData> {
  const meta = await store.meta(id);
  return (await store.readMatcher(meta!))!.data;
}

const fromPack: GazetteerSource = async () => gazetteerFromBytes(PACKED, 'test pack');

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the store compiles a reader corpus with the gazetteer', () => {
  it.each([
    ['an import', (s: CorpusStore) => s.install(placedIndex(), { name: 'Imported', origin: 'imported' })],
    ['a corpus file', (s: CorpusStore) => s.installFileText(serialiseCorpusFile(placedIndex()), 'placed.json', { name: 'From file', origin: 'imported' })],
    [
      'an add (a replacing install)',
      async (s: CorpusStore) => {
        const first = await s.install(secondIndex(), { name: 'Grown', origin: 'imported' });
        return s.install(placedIndex(), { id: first.id, name: 'Grown', origin: 'imported' });
      },
    ],
  ])('%s gets the town-in-region pair', async (_name, install) => {
    const load = vi.fn(fromPack);
    const s = await freshStore(undefined, { gazetteer: load });
    const summary = await install(s);
    const data = await matcherOf(s, summary.id);
    expect(data.places).toEqual(expect.arrayContaining(['Quellbrook', 'Vardenmoor']));
    expect(pairNames(data)).toEqual(['Quellbrook in Vardenmoor']);
    s.close();
  });

  it('loads the gazetteer once per compile, and not at all for a corpus without places', async () => {
    const load = vi.fn(fromPack);
    const s = await freshStore(undefined, { gazetteer: load });
    await s.install(placedIndex(), { name: 'Placed', origin: 'imported' });
    expect(load).toHaveBeenCalledTimes(1);
    expect(await gazetteerPairs([], load)).toBeUndefined();
    expect(load).toHaveBeenCalledTimes(1);
    s.close();
  });

  it.each([
    ['an unreachable asset', fetchedGazetteer('http://127.0.0.1:9/gazetteer.bin'), /gazetteer \(http:\/\/127\.0\.0\.1:9\/gazetteer\.bin\) was not loaded/],
    ['a source that throws', (async () => gazetteerFromBytes(strToU8('not gzip'), 'bad.bin')) as GazetteerSource, /bad\.bin: not gzip data/],
  ])('%s: the corpus installs with text-only containment, the failure logged', async (_name, source, logged) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const s = await freshStore(undefined, { gazetteer: source });
    const summary = await s.install(placedIndex(), { name: 'No gazetteer', origin: 'imported' });
    expect(summary.status).toBe('ready');
    const data = await matcherOf(s, summary.id);
    expect(data.placeWithinGazetteer).toBeUndefined();
    expect(data.places).toEqual(expect.arrayContaining(['Quellbrook', 'Vardenmoor']));
    expect(Array.isArray(data.placeWithin)).toBe(true);
    expect(warn.mock.calls.map((c) => String(c[0])).join('\n')).toMatch(logged);
    // Nothing lost: the same matcher as with a gazetteer, bar its pairs.
    const w = await freshStore(undefined, { gazetteer: fromPack });
    const withPairs = await matcherOf(w, (await w.install(placedIndex(), { name: 'With', origin: 'imported' })).id);
    const { placeWithinGazetteer: _pairs, ...rest } = withPairs;
    expect(data).toEqual(rest);
    s.close();
    w.close();
  });
});

describe('the packaged gazetteer asset (src/generated/gazetteer.bin, npm run build:index)', () => {
  const asset = () => gazetteerFromBytes(readFileSync(resolve(import.meta.dirname, '../../../src/generated/gazetteer.bin')), 'gazetteer.bin');

  it('unpacks, and places a city in its country and region', () => {
    const g = asset();
    expect(g.places.length).toBeGreaterThan(10_000);
    expect(g.places.every((p) => p.population >= 5_000)).toBe(true);
    // GeoNames: Lyon is in Auvergne-Rhône-Alpes, France.
    const names = ['Lyon', 'France', 'Auvergne-Rhône-Alpes'];
    const flat = gazetteerPairsSync(names, g);
    expect(flat).toEqual(expect.arrayContaining(['Lyon in France', 'Lyon in Auvergne-Rhône-Alpes', 'Auvergne-Rhône-Alpes in France']));
  });

  it('refuses a damaged asset, naming it and the field', () => {
    const bad = gzipSync(strToU8(JSON.stringify({ ...packGazetteer(GAZETTEER, 1), lat: [] })));
    expect(() => gazetteerFromBytes(bad, 'damaged.bin')).toThrow('damaged.bin: lat has 0 entries, expected 1');
    expect(() => gazetteerFromBytes(gzipSync(strToU8('{')), 'cut.bin')).toThrow(/cut\.bin: not JSON/);
  });
});

/** Pairs of `names` by gazetteer `g`, as "inner in outer". */
function gazetteerPairsSync(names: string[], g: Gazetteer): string[] {
  const flat = gazetteerContainment(names, g);
  const out: string[] = [];
  for (let k = 0; k + 1 < flat.length; k += 2) out.push(`${names[flat[k]]} in ${names[flat[k + 1]]}`);
  return out;
}
