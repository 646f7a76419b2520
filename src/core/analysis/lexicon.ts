/**
 * Generic English word lists the pipeline relies on, and the build-time NLP lexicon (compromise).
 * Nothing here may name anything from a particular corpus: only closed-class words, titles,
 * calendar words, roles and similar vocabulary that holds for any English news text.
 */
import nlp from 'compromise';

/** Honorifics and titles that may precede a person's name. */
export const TITLES = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'sir', 'dame', 'lord', 'lady', 'baroness', 'baron', 'prof',
  'professor', 'rev', 'reverend', 'fr', 'father', 'sister', 'brother', 'senator', 'sen', 'rep',
  'president', 'governor', 'mayor', 'judge', 'justice', 'cllr', 'councillor', 'king', 'queen',
  'prince', 'princess', 'pope', 'gen', 'general', 'col', 'colonel', 'capt', 'captain', 'sgt',
  'sergeant', 'insp', 'inspector', 'chancellor', 'minister', 'secretary', 'mp', 'mep', 'msp', 'am',
  'pm', 'ceo', 'det', 'supt', 'cardinal', 'bishop', 'archbishop', 'rabbi', 'imam', 'sheikh',
]);

/** Titles that make a following surname a person on their own ("Mr X" but not "General X"). */
export const PERSONAL_TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'sir', 'dame', 'lord', 'lady', 'prof', 'professor', 'senator', 'cllr', 'councillor']);

/** Abbreviations after which a full stop does not end a sentence. */
export const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'st', 'prof', 'rev', 'sen', 'rep', 'gen', 'col', 'capt', 'sgt', 'lt', 'jr',
  'sr', 'no', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp', 'dept', 'univ', 'approx', 'est', 'fig', 'vol',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mt', 'ft',
]);

/** Month names (full and short). */
export const MONTHS = new Map<string, number>([
  ['january', 1], ['february', 2], ['march', 3], ['april', 4], ['may', 5], ['june', 6], ['july', 7],
  ['august', 8], ['september', 9], ['october', 10], ['november', 11], ['december', 12],
  ['jan', 1], ['feb', 2], ['mar', 3], ['apr', 4], ['jun', 6], ['jul', 7], ['aug', 8], ['sep', 9],
  ['sept', 9], ['oct', 10], ['nov', 11], ['dec', 12],
]);

/** Days of the week. */
export const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

/** Relative date words that a claim may state. */
export const RELATIVE_DATES = new Set(['yesterday', 'today', 'tomorrow', 'tonight']);

/** Words that head the name of an organisation ("… Union", "… Party", "… Association"). */
export const ORG_HEADS = new Set([
  'union', 'unions', 'association', 'party', 'society', 'assembly', 'council', 'committee', 'group',
  'federation', 'congress', 'institute', 'institution', 'trust', 'foundation', 'corporation', 'company',
  'agency', 'commission', 'campaign', 'alliance', 'league', 'coalition', 'network', 'front', 'forum',
  'board', 'authority', 'department', 'ministry', 'office', 'bank', 'university', 'college', 'club',
  'church', 'army', 'police', 'service', 'services', 'confederation', 'organisation', 'organization',
  'movement', 'bureau', 'fund', 'partnership', 'cooperative', 'co-operative', 'guild', 'syndicate',
  'inc', 'ltd', 'plc', 'llc', 'corp', 'group', 'press', 'times', 'news', 'post', 'herald',
]);

/** Lower-case words that may continue a capitalised organisation name ("the X party"). */
export const LOWER_ORG_HEADS = new Set(['party']);

/** Plural or common nouns for organisations, used as evidence ("unions such as X", "groups, X"). */
export const ORG_NOUNS = new Set([
  'union', 'unions', 'party', 'parties', 'group', 'groups', 'organisation', 'organisations',
  'organization', 'organizations', 'company', 'companies', 'firm', 'firms', 'charity', 'charities',
  'campaign', 'campaigns', 'body', 'bodies', 'agency', 'agencies', 'club', 'clubs', 'network',
  'movement', 'movements', 'association', 'associations', 'federation', 'institute', 'council', 'councils',
]);

/** Heads that make a capitalised sequence a place (a venue) rather than a person or organisation. */
export const VENUE_HEADS = new Set([
  'theatre', 'theater', 'hall', 'square', 'stadium', 'arena', 'centre', 'center', 'park', 'street',
  'road', 'avenue', 'lane', 'station', 'airport', 'bridge', 'cathedral', 'palace', 'gardens', 'museum',
  'gallery', 'hotel', 'hospital', 'harbour', 'harbor', 'port', 'quay', 'market', 'valley', 'island',
  'county', 'province', 'city', 'town', 'village', 'river', 'lake', 'mountain', 'coast', 'estate',
]);

/** Compass words that may prefix a place name ("North Yorkshire", "west Berlin"). */
export const COMPASS = new Set(['north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'greater', 'upper', 'lower', 'inner', 'outer']);

/** Nouns for roles people hold; a descriptor right before a name must end with one of these or another noun. */
export const ROLE_NOUNS = new Set([
  'secretary', 'minister', 'leader', 'boss', 'rival', 'candidate', 'mp', 'mep', 'msp', 'backbencher',
  'challenger', 'senator', 'spokesman', 'spokeswoman', 'spokesperson', 'organiser', 'organizer',
  'chairman', 'chairwoman', 'chair', 'president', 'chief', 'director', 'member', 'supporter',
  'activist', 'ally', 'adviser', 'advisor', 'deputy', 'head', 'founder', 'editor', 'officer',
  'campaigner', 'official', 'executive', 'manager', 'governor', 'mayor', 'councillor', 'lawyer',
  'judge', 'analyst', 'economist', 'professor', 'researcher', 'scientist', 'author', 'writer',
  'journalist', 'reporter', 'correspondent', 'commentator', 'actor', 'actress', 'singer', 'player',
  'coach', 'captain', 'striker', 'goalkeeper', 'winner', 'champion', 'veteran', 'colleague', 'critic',
  'opponent', 'ambassador', 'envoy', 'commissioner', 'chancellor', 'treasurer', 'general', 'colonel',
  'inspector', 'sergeant', 'constable', 'detective', 'prosecutor', 'attorney', 'barrister', 'solicitor',
  'doctor', 'nurse', 'surgeon', 'teacher', 'headteacher', 'principal', 'student', 'resident', 'owner',
  'landlord', 'tenant', 'farmer', 'worker', 'steward', 'convenor', 'whip', 'speaker', 'peer', 'baroness',
  'lord', 'ceo', 'founder', 'co-founder', 'chairperson', 'representative', 'delegate', 'trustee',
  'volunteer', 'coordinator', 'co-ordinator', 'planner', 'engineer', 'architect', 'designer',
  'mp', 'politician', 'councilor', 'presenter', 'host', 'novelist', 'poet', 'artist', 'historian',
  'spokesman', 'deputy', 'premier', 'prime', 'magistrate', 'coroner', 'chaplain', 'vicar', 'priest',
  'bishop', 'archbishop', 'imam', 'rabbi', 'pastor', 'campaigner', 'protester', 'protestor', 'witness',
  'victim', 'survivor', 'suspect', 'defendant', 'claimant', 'plaintiff', 'father', 'mother', 'wife',
  'husband', 'son', 'daughter', 'brother', 'sister', 'partner', 'friend', 'neighbour', 'neighbor',
]);

/**
 * Singular nouns for offices and positions a person holds ("leader", "secretary", "MP"): the only
 * heads a definite description ("the beleaguered mayor") or an "as" predicate may have to count as
 * a descriptor. Kinship, group and circumstance nouns ("wife", "member", "victim") are left out.
 */
export const OFFICE_NOUNS = new Set([
  'leader', 'secretary', 'mp', 'mep', 'msp', 'minister', 'chairman', 'chairwoman', 'chair', 'chairperson',
  'spokesman', 'spokeswoman', 'spokesperson', 'organiser', 'organizer', 'candidate', 'rival', 'challenger',
  'boss', 'president', 'senator', 'chancellor', 'premier', 'governor', 'mayor', 'councillor', 'councilor',
  'chief', 'director', 'executive', 'treasurer', 'commissioner', 'ambassador', 'envoy', 'whip',
  'backbencher', 'convenor', 'steward', 'coordinator', 'co-ordinator', 'founder', 'co-founder', 'editor',
  'captain', 'manager', 'coach', 'ceo', 'congressman', 'congresswoman', 'lawmaker',
  'legislator', 'representative', 'delegate', 'trustee', 'superintendent', 'headteacher', 'principal',
]);

/**
 * Modifiers that make a definite description name someone other than the office's present holder
 * ("the former leader", "the deputy leader", "the new leader").
 */
export const RELATIONAL_MODIFIERS = new Set([
  'former', 'ex', 'previous', 'late', 'next', 'new', 'future', 'incoming', 'outgoing', 'another', 'other',
  'acting', 'interim', 'deputy', 'vice', 'assistant', 'rival', 'opposing', 'shadow', 'would-be', 'then',
  'one-time', 'erstwhile', 'prospective', 'potential', 'possible', 'caretaker', 'junior', 'fellow',
]);

/** Verbs that introduce speech or a reported statement (all forms listed). */
export const SPEECH_VERBS = new Set([
  'say', 'says', 'said', 'saying', 'tell', 'tells', 'told', 'telling', 'add', 'adds', 'added', 'adding',
  'write', 'writes', 'wrote', 'written', 'writing', 'state', 'states', 'stated', 'insist', 'insists',
  'insisted', 'claim', 'claims', 'claimed', 'argue', 'argues', 'argued', 'warn', 'warns', 'warned',
  'explain', 'explains', 'explained', 'declare', 'declares', 'declared', 'announce', 'announces',
  'announced', 'vow', 'vows', 'vowed', 'promise', 'promises', 'promised', 'confirm', 'confirms',
  'confirmed', 'reveal', 'reveals', 'revealed', 'suggest', 'suggests', 'suggested', 'acknowledge',
  'acknowledges', 'acknowledged', 'ask', 'asks', 'asked', 'reply', 'replies', 'replied', 'urge', 'urges',
  'urged', 'note', 'notes', 'noted', 'comment', 'comments', 'commented', 'conclude', 'concluded',
  'admit', 'admits', 'admitted', 'accuse', 'accuses', 'accused', 'allege', 'alleges', 'alleged',
  'deny', 'denies', 'denied', 'predict', 'predicts', 'predicted', 'recall', 'recalls', 'recalled',
  'continue', 'continues', 'continued', 'tweet', 'tweets', 'tweeted', 'post', 'posted', 'stress',
  'stresses', 'stressed', 'maintain', 'maintains', 'maintained', 'believe', 'believes', 'believed',
  'report', 'reports', 'reported', 'agree', 'agrees', 'agreed', 'call', 'calls', 'called',
]);

/** Speech verbs that on their own make a quote past ("said"); the rest are present or neutral. */
export const PRESENT_SPEECH = new Set(['says', 'tells', 'adds', 'writes', 'states', 'insists', 'claims', 'argues', 'warns', 'explains', 'declares', 'announces', 'vows', 'promises', 'confirms', 'reveals', 'suggests', 'acknowledges', 'asks', 'replies', 'urges', 'notes', 'comments', 'admits', 'accuses', 'alleges', 'denies', 'predicts', 'recalls', 'continues', 'tweets', 'stresses', 'maintains', 'believes', 'reports', 'agrees', 'calls']);

/** Words that mark the following speech verb as future ("will say", "is expected to say"). */
export const FUTURE_MARKERS = new Set(['will', "'ll", 'shall', 'expected', 'set', 'due', 'going', 'poised', 'likely']);

/** Personal pronouns that may stand for a person as a speaker or subject. */
export const PERSON_PRONOUNS = new Set(['he', 'she']);

/** English function words and very common verbs, ignored as claim keywords. */
export const STOPWORDS = new Set(
  (
    'a an the and or but nor so yet for of in on at to from by with without about above below over under ' +
    'into onto upon out up down off through during before after since until while as than then there here ' +
    'this that these those it its it\'s he him his she her hers they them their theirs we us our ours you your ' +
    'yours i me my mine who whom whose which what when where why how all any both each few more most other ' +
    'some such no not only own same too very can could will would shall should may might must do does did ' +
    'doing done be is am are was were been being have has had having get got gets also just even still ' +
    'again ever never now one ones if because although though however meanwhile whether either neither ' +
    'said say says told tell tells added add adds saying according like unlike among amid within across ' +
    'against around via per another much many lot lots being been there\'s that\'s don\'t doesn\'t didn\'t ' +
    'isn\'t aren\'t wasn\'t weren\'t won\'t can\'t couldn\'t wouldn\'t shouldn\'t i\'m i\'ve we\'re we\'ve ' +
    'they\'re they\'ve you\'re you\'ve he\'s she\'s it\'ll we\'ll they\'ll mr mrs ms dr sir make made way ' +
    'well back yesterday today tomorrow last next first new time year years day days week weeks'
  ).split(/\s+/),
);

/** Number words and their values. */
export const NUMBER_WORDS = new Map<string, number>([
  ['zero', 0], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7],
  ['eight', 8], ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13],
  ['fourteen', 14], ['fifteen', 15], ['sixteen', 16], ['seventeen', 17], ['eighteen', 18],
  ['nineteen', 19], ['twenty', 20], ['thirty', 30], ['forty', 40], ['fifty', 50], ['sixty', 60],
  ['seventy', 70], ['eighty', 80], ['ninety', 90], ['dozen', 12], ['a dozen', 12],
]);

/** Multipliers written as words or suffixes. */
export const MULTIPLIERS = new Map<string, number>([
  ['hundred', 100], ['thousand', 1e3], ['million', 1e6], ['billion', 1e9], ['trillion', 1e12],
  ['m', 1e6], ['bn', 1e9], ['k', 1e3], ['mn', 1e6], ['tn', 1e12],
]);

/** Irregular verb forms mapped to their base, so "wrote" and "written" key as "write". */
export const IRREGULAR = new Map<string, string>(
  (
    'wrote:write written:write told:tell said:say spoke:speak spoken:speak won:win went:go gone:go ' +
    'came:come took:take taken:take gave:give given:give made:make held:hold led:lead met:meet ' +
    'began:begin begun:begin brought:bring thought:think found:find left:leave kept:keep ran:run ' +
    'stood:stand sent:send felt:feel heard:hear lost:lose paid:pay sold:sell bought:buy built:build ' +
    'fell:fall fallen:fall rose:rise risen:rise chose:choose chosen:choose drew:draw drawn:draw ' +
    'grew:grow grown:grow knew:know known:know saw:see seen:see threw:throw thrown:throw ' +
    'women:woman men:man people:person children:child mice:mouse feet:foot teeth:tooth'
  )
    .split(/\s+/)
    .map((pair) => pair.split(':') as [string, string]),
);

type LexValue = string | string[] | undefined;
let lexicon: Record<string, LexValue> | null = null;

/** The tags compromise's built-in lexicon gives a lower-case word (empty when unknown). */
export function lexiconTags(word: string): string[] {
  if (!lexicon) lexicon = (nlp as unknown as { model(): { one: { lexicon: Record<string, LexValue> } } }).model().one.lexicon;
  const v = lexicon[word];
  if (v === undefined) return [];
  return Array.isArray(v) ? v : [v];
}

const posCache = new Map<string, string[]>();

/**
 * Out-of-context part-of-speech tags of one word from compromise (lexicon plus suffix rules),
 * memoised: the vocabulary grows far slower than the corpus, so this stays cheap at scale.
 */
export function wordTags(word: string): string[] {
  const key = word.toLowerCase();
  let tags = posCache.get(key);
  if (!tags) {
    const term = (nlp(key).json() as { terms: { tags: string[] }[] }[])[0]?.terms[0];
    tags = term ? term.tags : [];
    posCache.set(key, tags);
  }
  return tags;
}

/** True when compromise knows the word as a given name. */
export function isGivenName(word: string): boolean {
  return lexiconTags(word.toLowerCase()).some((t) => t === 'FirstName' || t === 'MaleName' || t === 'FemaleName');
}

/** True when compromise knows the word as a surname. */
export function isKnownSurname(word: string): boolean {
  return lexiconTags(word.toLowerCase()).includes('LastName');
}

/** True when compromise knows the (lower-cased) phrase as a place. */
export function isKnownPlace(phrase: string): boolean {
  return lexiconTags(phrase.toLowerCase()).some((t) => t === 'City' || t === 'Country' || t === 'Region' || t === 'Place');
}

/** True when compromise knows the (lower-cased) phrase as an organisation. */
export function isKnownOrganisation(phrase: string): boolean {
  return lexiconTags(phrase.toLowerCase()).includes('Organization');
}

/** True when the word is a verb out of context and not also a noun (e.g. "re-elect", "backed"). */
export function isVerbOnly(word: string): boolean {
  const tags = wordTags(word);
  return tags.includes('Verb') && !tags.includes('Noun');
}
