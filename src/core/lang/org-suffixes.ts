/**
 * Last words of company and sports-club names that, unlike organisation heads ("Union",
 * "Party"), are not used on their own for the organisation: "Orrin Motors", "Skyward Airlines",
 * "Tarrant Rovers". Evidence only: a name ending in one is an organisation.
 */
export const ORG_SUFFIXES: ReadonlySet<string> = new Set([
  'motors', 'airlines', 'airways', 'securities', 'stores', 'records', 'studios', 'holdings', 'industries',
  'systems', 'technologies', 'pharmaceuticals', 'labs', 'laboratories', 'energy', 'capital', 'partners',
  'insurance', 'logistics', 'foods', 'brewery', 'aerospace', 'telecom', 'software', 'publishing',
  'rovers', 'wanderers', 'athletic', 'albion', 'rangers', 'fc',
]);
