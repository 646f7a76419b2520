/**
 * Which of a corpus's places lie inside which, by a gazetteer (populated places with their region,
 * country, population and position, as GeoNames gives them through an npm package: read by the
 * build, scripts/lib/gazetteer.ts, and packed for the store's compile of a reader's corpus,
 * scripts/pack-gazetteer.ts and store/gazetteer-asset.ts; never by a page). Beside what the corpus text says ("X, Greater
 * Y", "Y's X": compile.ts placeContainment), so a town and the region or city around it that no
 * article relates are a difference of precision, not a contradiction (relate.ts, basis "gazetteer").
 */
import { normalize } from './normalize';

/** One populated place: its name, its first-level region's and its country's names, population, position (degrees). */
export interface GazetteerPlace {
  name: string;
  region: string;
  country: string;
  population: number;
  lat: number;
  lon: number;
}

/** A gazetteer: populated places, and the first-level regions (with their country) and countries by name. */
export interface Gazetteer {
  places: readonly GazetteerPlace[];
  regions: readonly { name: string; country: string }[];
  countries: readonly string[];
}

/**
 * A place whose centre lies within this many kilometres of a larger city's is taken to lie in that
 * city's area ("a district of the city", "a suburb"). A city of 250,000 (METRO_MIN_POPULATION) at a
 * common urban density of 4,000 a square kilometre covers about 60 km², a radius of 4.5 km; 10 km
 * takes in the towns that its built-up area has grown around.
 */
export const METRO_KM = 10;
/** Only a city of at least this many people has an area that other places are said to lie in (see METRO_KM). */
export const METRO_MIN_POPULATION = 250_000;
/** The city must be at least this many times as populous as the place: two neighbouring towns of a size are not one inside the other. */
export const METRO_RATIO = 2;

/**
 * Of the places a gazetteer gives one name, those with less than this share of the largest one's
 * population are not read: news that names a world city does not mean the small town named after it
 * (a place of that name in another country, a tenth of its size or less).
 */
export const HOMONYM_SHARE = 0.1;

/** Mean radius of the earth in kilometres (for the great-circle distance). */
const EARTH_KM = 6371;

/** Great-circle distance in kilometres (haversine). */
function distanceKm(a: GazetteerPlace, b: GazetteerPlace): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A place name as compared: normalised, lower case, without the possessive. */
const key = (name: string) => normalize(name).trim().toLowerCase().replace(/['’]s?$/u, '');

/** What a gazetteer knows of one name. */
interface Known {
  places: GazetteerPlace[];
  /** Countries of the regions of that name. */
  regionIn: string[];
  isCountry: boolean;
}

/**
 * Flat (inner, outer) index pairs of `places` (the corpus's place names) that the gazetteer puts one
 * inside the other: a place in a region or country of that name, a region in a country, a place in
 * the area of a larger city near it (METRO_KM). A name the gazetteer gives several places has each
 * of them tried: a pair needs one reading of each name that fits.
 */
export function gazetteerContainment(places: readonly string[], gazetteer: Gazetteer): number[] {
  const wanted = new Map<string, number[]>();
  places.forEach((p, i) => {
    const k = key(p);
    if (k) wanted.set(k, [...(wanted.get(k) ?? []), i]);
  });
  const known = new Map<string, Known>();
  const entry = (k: string) => {
    let e = known.get(k);
    if (!e) known.set(k, (e = { places: [], regionIn: [], isCountry: false }));
    return e;
  };
  for (const p of gazetteer.places) if (wanted.has(key(p.name))) entry(key(p.name)).places.push(p);
  for (const r of gazetteer.regions) if (wanted.has(key(r.name))) entry(key(r.name)).regionIn.push(r.country);
  for (const c of gazetteer.countries) if (wanted.has(key(c))) entry(key(c)).isCountry = true;

  for (const e of known.values()) {
    // A name that is a region's or a country's means that, not a village named after it; a city as
    // large as METRO_MIN_POPULATION keeps its reading too (a city and a state of one name).
    if (e.regionIn.length > 0 || e.isCountry) e.places = e.places.filter((p) => p.population >= METRO_MIN_POPULATION);
    const largest = Math.max(0, ...e.places.map((p) => p.population));
    e.places = e.places.filter((p) => p.population >= largest * HOMONYM_SHARE);
  }
  const pairs = new Set<string>();
  for (const [inner, a] of known) {
    for (const [outer, b] of known) {
      if (inner === outer) continue;
      const inside =
        a.places.some((p) => (b.regionIn.length > 0 && key(p.region) === outer) || (b.isCountry && key(p.country) === outer)) ||
        (b.isCountry && a.regionIn.some((c) => key(c) === outer)) ||
        a.places.some((p) => b.places.some((q) => q.population >= METRO_MIN_POPULATION && q.population >= p.population * METRO_RATIO && distanceKm(p, q) <= METRO_KM));
      if (!inside) continue;
      for (const i of wanted.get(inner)!) for (const o of wanted.get(outer)!) pairs.add(`${i},${o}`);
    }
  }
  return [...pairs].flatMap((s) => s.split(',').map(Number));
}

/** Version of the packed gazetteer's layout (GazetteerPack); a pack of another version is refused. */
export const GAZETTEER_PACK_VERSION = 1;

/**
 * Positions are packed in hundredths of a degree (about 1.1 km of latitude): well inside METRO_KM,
 * so a pair the packed gazetteer finds is one the full one finds, bar places within a kilometre of it.
 */
export const PACK_DEGREE_STEPS = 100;

/**
 * A gazetteer packed for shipping (src/generated/gazetteer.bin, gzipped JSON): only what
 * gazetteerContainment reads, in columns. Regions and places name their country and region by index.
 */
export interface GazetteerPack {
  version: number;
  /** The smallest population kept (the build's threshold, recorded so a reader of the pack knows it). */
  minPopulation: number;
  countries: string[];
  /** Region names, and per region its country's index. */
  regionNames: string[];
  regionCountry: number[];
  /** Per place (parallel lists): name, region index (-1: none known), country index (-1: none known), population, latitude and longitude in 1/PACK_DEGREE_STEPS degrees. */
  placeNames: string[];
  placeRegion: number[];
  placeCountry: number[];
  population: number[];
  lat: number[];
  lon: number[];
}

/** Packs a gazetteer's places of at least `minPopulation` people, with every region and country. */
export function packGazetteer(gazetteer: Gazetteer, minPopulation: number): GazetteerPack {
  const countries = [...new Set([...gazetteer.countries, ...gazetteer.regions.map((r) => r.country)].filter(Boolean))];
  const countryIdx = new Map(countries.map((c, i) => [c, i]));
  const regionIdx = new Map(gazetteer.regions.map((r, i) => [`${r.name}\u0000${r.country}`, i]));
  const places = gazetteer.places.filter((p) => p.population >= minPopulation);
  return {
    version: GAZETTEER_PACK_VERSION,
    minPopulation,
    countries,
    regionNames: gazetteer.regions.map((r) => r.name),
    regionCountry: gazetteer.regions.map((r) => countryIdx.get(r.country) ?? -1),
    placeNames: places.map((p) => p.name),
    placeRegion: places.map((p) => regionIdx.get(`${p.region}\u0000${p.country}`) ?? -1),
    placeCountry: places.map((p) => countryIdx.get(p.country) ?? -1),
    population: places.map((p) => p.population),
    lat: places.map((p) => Math.round(p.lat * PACK_DEGREE_STEPS)),
    lon: places.map((p) => Math.round(p.lon * PACK_DEGREE_STEPS)),
  };
}

/**
 * The gazetteer of a pack, checked: a field of the wrong kind or length throws an error naming
 * `source` and the field (a damaged asset must not relate places at random).
 */
export function unpackGazetteer(value: unknown, source: string): Gazetteer {
  const fail = (field: string, why: string): never => {
    throw new Error(`${source}: ${field} ${why}`);
  };
  if (typeof value !== 'object' || value === null) return fail('(root)', 'is not an object');
  const pack = value as Record<string, unknown>;
  if (pack.version !== GAZETTEER_PACK_VERSION) fail('version', `is ${JSON.stringify(pack.version)}, expected ${GAZETTEER_PACK_VERSION}`);
  const list = <T>(field: keyof GazetteerPack, kind: 'string' | 'number', length?: number): T[] => {
    const v = pack[field];
    if (!Array.isArray(v) || v.some((x) => typeof x !== kind || (kind === 'number' && !Number.isFinite(x)))) return fail(field, `is not a list of ${kind}s`);
    if (length !== undefined && v.length !== length) fail(field, `has ${v.length} entries, expected ${length}`);
    return v as T[];
  };
  const countries = list<string>('countries', 'string');
  const country = (i: number) => countries[i] ?? '';
  const regionNames = list<string>('regionNames', 'string');
  const regionCountry = list<number>('regionCountry', 'number', regionNames.length);
  const placeNames = list<string>('placeNames', 'string');
  const n = placeNames.length;
  const placeRegion = list<number>('placeRegion', 'number', n);
  const placeCountry = list<number>('placeCountry', 'number', n);
  const population = list<number>('population', 'number', n);
  const lat = list<number>('lat', 'number', n);
  const lon = list<number>('lon', 'number', n);
  return {
    countries,
    regions: regionNames.map((name, i) => ({ name, country: country(regionCountry[i]) })),
    places: placeNames.map((name, i) => ({
      name,
      region: regionNames[placeRegion[i]] ?? '',
      country: country(placeCountry[i]),
      population: population[i],
      lat: lat[i] / PACK_DEGREE_STEPS,
      lon: lon[i] / PACK_DEGREE_STEPS,
    })),
  };
}
