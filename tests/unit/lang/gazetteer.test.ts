/** Place containment by a gazetteer (core/lang/gazetteer), on an invented gazetteer. */
import { describe, expect, it } from 'vitest';
import { gazetteerContainment, METRO_KM, packGazetteer, unpackGazetteer, type Gazetteer, type GazetteerPlace } from '../../../src/core/lang/gazetteer';

/** About 1 km of latitude in degrees. */
const KM = 1 / 111.2;
const place = (name: string, region: string, country: string, population: number, kmNorth = 0): GazetteerPlace => ({ name, region, country, population, lat: 50 + kmNorth * KM, lon: 4 });

const GAZETTEER: Gazetteer = {
  places: [
    place('Westford', 'Dunmore', 'Ostland', 600_000),
    place('Kesselby', 'Dunmore', 'Ostland', 90_000, 4), // a town in Westford's area
    place('Farhaven', 'Dunmore', 'Ostland', 90_000, METRO_KM + 5), // too far to be in its area
    place('Brant', 'Dunmore', 'Ostland', 400_000, 6), // a city of a size with Westford: not inside it
    place('Dunmore', 'Lowmark', 'Ostland', 2_000), // a village named after the region
    place('Aurel', 'Tarn', 'Ostland', 1_500_000),
    place('Aurel', 'Texel', 'Westmark', 20_000), // its small namesake abroad
  ],
  regions: [
    { name: 'Dunmore', country: 'Ostland' },
    { name: 'Lowmark', country: 'Ostland' },
    { name: 'Texel', country: 'Westmark' },
  ],
  countries: ['Ostland', 'Westmark'],
};

const pairs = (names: string[]) => {
  const flat = gazetteerContainment(names, GAZETTEER);
  const out: string[] = [];
  for (let k = 0; k + 1 < flat.length; k += 2) out.push(`${names[flat[k]]} in ${names[flat[k + 1]]}`);
  return out.sort();
};

describe('gazetteerContainment', () => {
  it.each([
    ['a town in its region and country', ['Kesselby', 'Dunmore', 'Ostland'], ['Dunmore in Ostland', 'Kesselby in Dunmore', 'Kesselby in Ostland']],
    ['a town in the area of a larger city near it', ['Westford', 'Kesselby'], ['Kesselby in Westford']],
    ['a town too far from the city', ['Westford', 'Farhaven'], []],
    ['two cities of a size, near each other', ['Westford', 'Brant'], []],
    ['a region, not the village named after it', ['Dunmore', 'Lowmark'], []],
    ['a world city, not its small namesake abroad', ['Aurel', 'Texel'], []],
    ['the possessive and the case do not matter', ["Westford's", 'kesselby'], ['kesselby in Westford\'s']],
    ['names the gazetteer does not know', ['Kessel Quay', 'Nowhere'], []],
  ])('%s', (_name, names, expected) => {
    expect(pairs(names)).toEqual([...expected].sort());
  });
});

describe('packGazetteer / unpackGazetteer (the shipped asset\'s layout)', () => {
  const packed = () => JSON.parse(JSON.stringify(packGazetteer(GAZETTEER, 1))) as Record<string, unknown>;
  const names = ['Kesselby', 'Dunmore', 'Ostland', 'Westford', 'Farhaven', 'Brant', 'Lowmark', 'Aurel', 'Texel', 'Westmark'];

  it.each([
    ['every place kept (threshold 1)', 1, 7],
    ['places under 20,000 dropped', 20_000, 6],
    ['places under 500,000 dropped', 500_000, 2],
  ])('%s', (_name, min, kept) => {
    expect(unpackGazetteer(JSON.parse(JSON.stringify(packGazetteer(GAZETTEER, min))), 'pack').places).toHaveLength(kept);
  });

  it('gives the same pairs after a round trip', () => {
    const flat = gazetteerContainment(names, unpackGazetteer(packed(), 'pack'));
    expect(flat).toEqual(gazetteerContainment(names, GAZETTEER));
    expect(flat.length).toBeGreaterThan(0);
  });

  it.each([
    ['not an object', () => 7, 'pack: (root) is not an object'],
    ['another version', () => ({ ...packed(), version: 99 }), 'pack: version is 99, expected 1'],
    ['a list of the wrong kind', () => ({ ...packed(), placeNames: [1, 2] }), 'pack: placeNames is not a list of strings'],
    ['a column of another length', () => ({ ...packed(), population: [1] }), 'pack: population has 1 entries, expected 7'],
    ['a position not a number', () => ({ ...packed(), lon: [0, 0, 0, 0, 0, 0, null] }), 'pack: lon is not a list of numbers'],
  ])('refuses %s, naming the field', (_name, value, message) => {
    expect(() => unpackGazetteer(value(), 'pack')).toThrow(message);
  });
});
