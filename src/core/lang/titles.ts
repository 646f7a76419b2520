/** Honorifics, titles and role words that stand before a person's name. */

/**
 * Honorifics and titles that may precede a person's name ("Dr", "General", "Bishop"). Titles of
 * one country's assemblies were removed ("MSP"; "AM", which is also the verb "am").
 */
export const TITLES: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'sir', 'dame', 'lord', 'lady', 'baroness', 'baron', 'prof',
  'professor', 'rev', 'reverend', 'fr', 'father', 'sister', 'brother', 'senator', 'sen', 'rep',
  'president', 'governor', 'mayor', 'judge', 'justice', 'cllr', 'councillor', 'king', 'queen',
  'prince', 'princess', 'pope', 'gen', 'general', 'col', 'colonel', 'capt', 'captain', 'sgt',
  'sergeant', 'insp', 'inspector', 'chancellor', 'minister', 'secretary', 'mp', 'mep', 'pm', 'ceo', 'det', 'supt', 'cardinal', 'bishop', 'archbishop', 'rabbi', 'imam', 'sheikh',
]);

/**
 * Courtesy titles ("Mr", "Dr"): they name no office, rank or honour, so alone before a name they
 * describe nothing (a descriptor is "Senator", never "Mr": analysis/04-descriptors).
 */
export const COURTESY_TITLES: ReadonlySet<string> = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr']);

/**
 * Titles that make a following surname a person on their own ("Mr X", "Senator X", but not
 * "General X", which also names places and things). The corpus side listed "senator" and
 * "councillor" and the page side "rev": the union is used, since each is a title only people carry.
 */
export const PERSONAL_TITLES: ReadonlySet<string> = new Set([
  ...COURTESY_TITLES,
  ...['sir', 'dame', 'lord', 'lady', 'prof', 'professor', 'rev', 'senator', 'cllr', 'councillor'],
]);

/**
 * Role words written capitalised before a surname ("Mayor X", "Bishop X"): a capitalised word from
 * this list before a name is not a given name. General news vocabulary only: union address forms
 * tied to one country's politics ("comrade") and parliament-specific ranks ("backbencher") were
 * removed; kinship and religious forms ("Sister", "Father") stay because they are titles in many
 * countries' news.
 */
export const ROLE_WORDS: ReadonlySet<string> = new Set(
  (
    'mayor councillor president senator minister chancellor governor judge justice general captain ' +
    'secretary leader chairman chairwoman chair director boss chief officer inspector sergeant commissioner ' +
    'speaker bishop archbishop pope king queen prince princess coach manager editor ambassador ' +
    'congressman congresswoman deputy shadow former candidate spokesman spokeswoman spokesperson ' +
    'organiser founder brother sister uncle aunt father mother saint cllr'
  ).split(' '),
);

/**
 * The personal titles the page matcher compiles into "Title Surname" patterns: those that are not
 * also role words. A role word before a surname ("Senator X", "Councillor X") is already handled
 * at scan time (it is no given name, so the surname alone is the person); compiling those pairs
 * too would only add patterns (about 8% more matcher data for a small corpus) for the same people.
 */
export const SURNAME_TITLES: readonly string[] = [...PERSONAL_TITLES].filter((t) => !ROLE_WORDS.has(t));

/**
 * Titles that say whether the person is a man or a woman ("Mr", "Ms"), as the corpus writes them
 * before a name: one source of a person's gender for "he"/"she" on a page (core/match/person-gender).
 */
export const TITLE_GENDER: ReadonlyMap<string, 'm' | 'f'> = new Map([
  ...['mr', 'sir', 'lord', 'baron', 'king', 'prince', 'congressman', 'chairman', 'spokesman'].map((t) => [t, 'm'] as const),
  ...['mrs', 'ms', 'miss', 'dame', 'lady', 'baroness', 'queen', 'princess', 'congresswoman', 'chairwoman', 'spokeswoman'].map((t) => [t, 'f'] as const),
]);
