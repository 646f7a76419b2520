/**
 * Lower-case abbreviations (without their full stop) after which a full stop does not end a
 * sentence: shortened titles and ranks, company forms, month short forms, Latin shorthand. One list
 * for the corpus segmenter and the page's sentence splitter. They used to differ: the page's list
 * also held whole title words ("miss", "lord", "sir"), which wrongly kept "He will not miss. The…"
 * as one sentence; only shortened forms are listed here, since a whole word before a full stop ends
 * its sentence.
 */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'rev', 'fr', 'cllr', 'sen', 'rep', 'gov', 'gen', 'col', 'capt', 'sgt', 'lt',
  'insp', 'det', 'supt', 'st', 'jr', 'sr', 'no', 'vs', 'etc', 'e.g', 'i.e', 'inc', 'ltd', 'co', 'corp', 'dept',
  'univ', 'approx', 'est', 'fig', 'vol', 'mt', 'ft',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);
