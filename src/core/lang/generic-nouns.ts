/**
 * Common nouns and adjectives that news text capitalises inside names ("Kestrel News", "Attorney
 * General", "Civic Party") but that on their own name nothing in particular: never a one-word alias
 * of an organisation. Also the abbreviations of countries, which are places, never an
 * organisation's short name.
 */
export const GENERIC_NOUNS: ReadonlySet<string> = new Set([
  'news', 'general', 'national', 'international', 'world', 'global', 'daily', 'weekly', 'times', 'post',
  'press', 'media', 'group', 'groups', 'party', 'parties', 'union', 'unions', 'council', 'committee',
  'government', 'ministry', 'department', 'office', 'agency', 'authority', 'board', 'bank', 'company',
  'association', 'society', 'institute', 'foundation', 'trust', 'fund', 'university', 'college', 'school',
  'club', 'league', 'team', 'federation', 'alliance', 'assembly', 'parliament', 'senate', 'congress',
  'court', 'police', 'army', 'navy', 'state', 'states', 'city', 'county', 'republic', 'kingdom', 'royal',
  'federal', 'central', 'united', 'new', 'north', 'south', 'east', 'west', 'first', 'chief', 'senior',
  'public', 'service', 'services', 'network', 'campaign', 'movement', 'front',
]);

/** Country abbreviations written in capitals: places, never an organisation ("US officials"). */
export const COUNTRY_ABBREVIATIONS: ReadonlySet<string> = new Set(['us', 'usa', 'uk', 'gb', 'uae', 'drc', 'nz', 'prc', 'rok', 'ussr']);
