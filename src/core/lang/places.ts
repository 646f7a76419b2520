/** Words that head or prefix the names of places. */

/** Heads that make a capitalised sequence a place (a venue) rather than a person or organisation. */
export const VENUE_HEADS: ReadonlySet<string> = new Set([
  'theatre', 'theater', 'hall', 'square', 'stadium', 'arena', 'centre', 'center', 'park', 'street',
  'road', 'avenue', 'lane', 'station', 'airport', 'bridge', 'cathedral', 'palace', 'gardens', 'museum',
  'gallery', 'hotel', 'hospital', 'harbour', 'harbor', 'port', 'quay', 'market', 'valley', 'island',
  'county', 'province', 'city', 'town', 'village', 'river', 'lake', 'mountain', 'coast', 'estate',
]);

/** Compass words that may prefix a place name ("North Yorkshire", "west Berlin"). */
export const COMPASS: ReadonlySet<string> = new Set([
  'north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'greater',
  'upper', 'lower', 'inner', 'outer',
]);
