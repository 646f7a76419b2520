/**
 * Nouns for the roles people hold, and the modifiers that shift a role to someone else. General
 * news vocabulary: ranks that belong to one country's parliament, assembly or unions ("backbencher",
 * "whip", "convenor", "MSP") were removed, since a descriptor ending in any other noun is still
 * found through the part-of-speech tags (see 04-descriptors), and a word list here should hold for
 * any English news. "MP" stays (a member of parliament in many countries' news), and so does
 * "steward" (of events, races and flights as much as of a workplace).
 */
import { DETERMINERS, RELATIVE_PRONOUNS } from './closed-class';

/** Nouns for roles people hold; a descriptor right before a name must end with one of these or another noun. */
export const ROLE_NOUNS: ReadonlySet<string> = new Set([
  'secretary', 'minister', 'leader', 'boss', 'rival', 'candidate', 'mp', 'mep',
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
  'landlord', 'tenant', 'farmer', 'worker', 'steward', 'speaker', 'peer', 'baroness',
  'lord', 'ceo', 'co-founder', 'chairperson', 'representative', 'delegate', 'trustee',
  'volunteer', 'coordinator', 'co-ordinator', 'planner', 'engineer', 'architect', 'designer',
  'politician', 'councilor', 'presenter', 'host', 'novelist', 'poet', 'artist', 'historian',
  'premier', 'prime', 'magistrate', 'coroner', 'chaplain', 'vicar', 'priest',
  'bishop', 'archbishop', 'imam', 'rabbi', 'pastor', 'protester', 'protestor', 'witness',
  'victim', 'survivor', 'suspect', 'defendant', 'claimant', 'plaintiff', 'father', 'mother', 'wife',
  'husband', 'son', 'daughter', 'brother', 'sister', 'partner', 'friend', 'neighbour', 'neighbor',
]);

/**
 * Singular nouns for offices and positions a person holds ("leader", "secretary", "MP"): the only
 * heads a definite description ("the beleaguered mayor") or an "as" predicate may have to count as
 * a descriptor. Kinship, group and circumstance nouns ("wife", "member", "victim") are left out.
 */
export const OFFICE_NOUNS: ReadonlySet<string> = new Set([
  'leader', 'secretary', 'mp', 'mep', 'minister', 'chairman', 'chairwoman', 'chair', 'chairperson',
  'spokesman', 'spokeswoman', 'spokesperson', 'organiser', 'organizer', 'candidate', 'rival', 'challenger',
  'boss', 'president', 'senator', 'chancellor', 'premier', 'governor', 'mayor', 'councillor', 'councilor',
  'chief', 'director', 'executive', 'treasurer', 'commissioner', 'ambassador', 'envoy',
  'steward', 'coordinator', 'co-ordinator', 'founder', 'co-founder', 'editor',
  'captain', 'manager', 'coach', 'ceo', 'congressman', 'congresswoman', 'lawmaker',
  'legislator', 'representative', 'delegate', 'trustee', 'superintendent', 'headteacher', 'principal',
]);

/**
 * Modifiers that make a definite description name someone other than the office's present holder
 * ("the former leader", "the deputy leader", "the shadow chancellor": an opposition's counterpart,
 * never the holder, in every parliament that uses the word).
 */
export const RELATIONAL_MODIFIERS: ReadonlySet<string> = new Set([
  'former', 'ex', 'previous', 'late', 'next', 'new', 'future', 'incoming', 'outgoing', 'another', 'other',
  'acting', 'interim', 'deputy', 'vice', 'assistant', 'rival', 'opposing', 'shadow', 'would-be', 'then',
  'one-time', 'erstwhile', 'prospective', 'potential', 'possible', 'caretaker', 'junior', 'fellow',
]);

/**
 * Words that end a descriptive phrase before or after a name (analysis/04-descriptors): determiners,
 * relative pronouns, prepositions, personal pronouns, conjunctions, auxiliaries and a few adverbs
 * ("the party's former deputy leader X": the phrase starts after "the"). Verbs of saying end it too;
 * the descriptor reader asks SPEECH_VERBS (reporting-verbs.ts) for those, so none is listed here.
 */
export const DESCRIPTOR_BOUNDARY: ReadonlySet<string> = new Set([
  ...DETERMINERS,
  ...RELATIVE_PRONOUNS,
  ...(
    'by from of with for to at in on against as about after before than between behind beyond into over ' +
    'under like including via among amid per he she they it we i you but or nor so if when while ' +
    'is was are were be been has have had will would can could not also then both'
  ).split(' '),
]);
