/**
 * Generic English resources the matcher needs: stopwords, personal titles, number words, figure
 * qualifiers and a light stemmer. Nothing here may be specific to one corpus.
 */

/** Function words and reporting verbs that carry no topic (kept out of claim keys). */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below ' +
    'between both but by can cannot could did do does doing down during each either even ever every few for ' +
    'from further had has have having he her here hers herself him himself his how however i if in into is ' +
    'it its itself just me more most much must my myself neither no nor not now of off on once only or other ' +
    'our ours ourselves out over own same shall she should since so some such than that the their theirs ' +
    'them themselves then there these they this those through thus to too under until up upon us very was ' +
    'we were what when where whether which while who whom whose why will with within without would yet you ' +
    'your yours yourself s t d ll m re ve don didn doesn isn wasn weren aren couldn wouldn shouldn hasn ' +
    'haven hadn mr mrs ms miss dr sir lord lady prof dame rev say said says saying tell told tells telling ' +
    'add added adds according yesterday today tomorrow week weeks year years day days monday tuesday ' +
    'wednesday thursday friday saturday sunday meanwhile also still already another many several one ones ' +
    'new last next first per cent percent among amid around via like well back make made get got go going ' +
    'went come came take took put'
  ).split(' '),
);

/** Personal titles that may precede a surname ("Mr Doe", "Dr. Jones"). */
export const TITLES: readonly string[] = ['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'sir', 'dame', 'lord', 'lady', 'prof', 'professor', 'rev'];

/** Role words written capitalised before a surname ("Mayor X", "Senator X"): not a given name. */
export const ROLE_WORDS: ReadonlySet<string> = new Set(
  (
    'mayor councillor president senator minister chancellor governor judge justice general captain ' +
    'secretary leader chairman chairwoman chair director boss chief officer inspector sergeant commissioner ' +
    'speaker bishop archbishop pope king queen prince princess coach manager editor ambassador ' +
    'congressman congresswoman deputy shadow former candidate spokesman spokeswoman spokesperson ' +
    'backbencher organiser founder comrade brother sister uncle aunt father mother saint'
  ).split(' '),
);

/** Units of the number words, "zero" … "nineteen". */
const UNITS = [
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** Number words with their values ("forty" → 40). */
export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map<string, number>([
  ...UNITS.map((w, i) => [w, i] as [string, number]),
  ...TENS.flatMap((w, i) => (w ? [[w, i * 10] as [string, number]] : [])),
  ['dozen', 12],
]);

/** Multipliers that scale the number before them ("two million", "2.5bn", "10k"). */
export const SCALES: ReadonlyMap<string, number> = new Map([
  ['hundred', 100],
  ['thousand', 1e3],
  ['k', 1e3],
  ['million', 1e6],
  ['m', 1e6],
  ['mn', 1e6],
  ['billion', 1e9],
  ['bn', 1e9],
  ['trillion', 1e12],
  ['tn', 1e12],
]);

/** How a figure is qualified; the order is the wire code in MatcherData. */
export const QUALIFIERS = ['exact', 'more-than', 'less-than', 'at-least', 'at-most', 'up-to', 'about'] as const;

/** One of QUALIFIERS. */
export type QualifierName = (typeof QUALIFIERS)[number];

/** Qualifier phrases as word sequences, longest first so "no more than" beats "more than". */
export const QUALIFIER_PHRASES: readonly { words: string[]; qualifier: QualifierName }[] = (
  [
    ['no more than', 'at-most'],
    ['not more than', 'at-most'],
    ['as many as', 'up-to'],
    ['as much as', 'up-to'],
    ['more than', 'more-than'],
    ['greater than', 'more-than'],
    ['upwards of', 'more-than'],
    ['in excess of', 'more-than'],
    ['fewer than', 'less-than'],
    ['less than', 'less-than'],
    ['at least', 'at-least'],
    ['at most', 'at-most'],
    ['up to', 'up-to'],
    ['close to', 'about'],
    ['more or less', 'about'],
    ['over', 'more-than'],
    ['above', 'more-than'],
    ['under', 'less-than'],
    ['below', 'less-than'],
    ['around', 'about'],
    ['about', 'about'],
    ['approximately', 'about'],
    ['roughly', 'about'],
    ['some', 'about'],
    ['nearly', 'about'],
    ['almost', 'about'],
    ['circa', 'about'],
    ['just', 'exact'],
    ['only', 'exact'],
    ['exactly', 'exact'],
  ] as [string, QualifierName][]
)
  .map(([p, qualifier]) => ({ words: p.split(' '), qualifier }))
  .sort((a, b) => b.words.length - a.words.length);

/** Irregular forms folded to one key, and a few near-synonyms news writing swaps freely. */
const IRREGULAR: ReadonlyMap<string, string> = new Map(
  (
    'wrote:write written:write said:say told:tell won:win held:hold began:begin begun:begin gave:give ' +
    'given:give took:take taken:take made:make met:meet led:lead brought:bring thought:think found:find ' +
    'spoke:speak spoken:speak stood:stand ran:run sent:send spent:spend paid:pay sold:sell fell:fall ' +
    'fallen:fall rose:rise risen:rise grew:grow grown:grow knew:know known:know threw:throw thrown:throw ' +
    'chose:choose chosen:choose drew:draw drawn:draw struck:strike sought:seek fought:fight lost:lose ' +
    'built:build became:become came:come went:go gone:go saw:see seen:see got:get had:have did:do done:do ' +
    'women:woman men:man female:woman male:man children:child people:people felt:feel kept:keep left:leave ' +
    'meant:mean heard:hear read:read set:set cut:cut hit:hit shut:shut quit:quit bore:bear borne:bear ' +
    'swept:sweep wept:weep slept:sleep taught:teach caught:catch bought:buy overtook:overtake ' +
    'undertook:undertake withdrew:withdraw backed:back signatories:sign signatory:sign signed:sign ' +
    'signing:sign signs:sign'
  )
    .split(' ')
    .map((pair) => pair.split(':') as [string, string]),
);

const VOWEL = /[aeiouy]/;

/**
 * A light suffix-stripping stemmer: folds plurals, -ed, -ing, -ly and a final -e so that
 * "organise", "organised", "organising" share one key. Deterministic and idempotent on its output
 * for common words; precision over linguistic accuracy.
 */
export function stem(word: string): string {
  const irregular = IRREGULAR.get(word);
  if (irregular !== undefined) return irregular;
  let w = word;
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('ied') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('ing') && w.length > 5 && VOWEL.test(w.slice(0, -3))) w = undouble(w.slice(0, -3));
  else if (w.endsWith('ed') && w.length > 4 && VOWEL.test(w.slice(0, -2))) w = undouble(w.slice(0, -2));
  else if (w.endsWith('ly') && w.length > 5) w = w.slice(0, -2);
  else if (/(?:ches|shes|xes|zes)$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

function undouble(w: string): string {
  const n = w.length;
  if (n >= 3 && w[n - 1] === w[n - 2] && !'lsz'.includes(w[n - 1])) return w.slice(0, -1);
  return w;
}
