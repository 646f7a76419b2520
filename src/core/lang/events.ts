/**
 * Words that say a sentence is about a gathering or a speech ("the launch", "a rally", "told
 * supporters"): two outlets reporting the same gathering report the same occasion. General news
 * vocabulary; an election-meeting word of one country ("hustings") was removed.
 */
export const GATHERING_WORDS: ReadonlySet<string> = new Set([
  'launch', 'rally', 'rallies', 'meeting', 'event', 'events', 'speech', 'conference', 'summit', 'march', 'protest',
  'demonstration', 'ceremony', 'visit', 'debate', 'gathering', 'audience', 'crowd', 'activists',
  'supporters', 'delegates', 'members', 'attendees', 'addressed', 'spoke', 'speaking', 'told', 'tell', 'hear',
]);
