/**
 * `tsx scripts/pack-gazetteer.ts` (part of `npm run build:index`): writes the gazetteer the store
 * compiles a reader's corpus with (src/generated/gazetteer.bin: a GazetteerPack as gzipped JSON;
 * loaded by src/store/gazetteer-asset.ts while a corpus is installed, never by a page or at match
 * time). Derived from GeoNames (CC BY 4.0; credited in public/NOTICES.txt, which ships).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync, gunzipSync, strFromU8, strToU8 } from 'fflate';
import { packGazetteer, unpackGazetteer } from '../src/core/lang/gazetteer';
import { loadGazetteer } from './lib/gazetteer';

const OUT = resolve(import.meta.dirname, '../src/generated/gazetteer.bin');

/**
 * Places of fewer people are not shipped. 5,000 is the smallest population the EU's degree of
 * urbanisation (Eurostat DEGURBA) counts as an urban cluster, a town: news names a smaller place
 * seldom, and the whole GeoNames list (1,000 and up, 112,000 places) packs to 1.34 MB gzipped
 * against 0.63 MB for the 49,000 places kept (measured 2026-12-06). Regions and countries are all kept.
 */
export const SHIPPED_MIN_POPULATION = 5_000;

const t0 = performance.now();
const json = JSON.stringify(packGazetteer(loadGazetteer(), SHIPPED_MIN_POPULATION));
const raw = strToU8(json);
// mtime 0: the same data gives the same bytes (and the same hashed file name in the package).
const bytes = gzipSync(raw, { level: 9, mtime: 0 });
// Read back before writing: a pack the loader rejects must fail the build, not the extension.
const back = unpackGazetteer(JSON.parse(strFromU8(gunzipSync(bytes))), OUT);
mkdirSync(resolve(OUT, '..'), { recursive: true });
writeFileSync(OUT, bytes);
process.stdout.write(
  `pack-gazetteer: ${back.places.length} places (≥ ${SHIPPED_MIN_POPULATION} people), ${back.regions.length} regions, ${back.countries.length} countries → ${raw.length} bytes of JSON, ${bytes.length} gzipped (${Math.round(performance.now() - t0)} ms)\n`,
);
