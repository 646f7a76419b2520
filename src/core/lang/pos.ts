/**
 * Part-of-speech knowledge from compromise's English lexicon and suffix rules: build-time only
 * (corpus analysis), never imported by the matcher, so compromise stays out of the extension's pages.
 */
import nlp from 'compromise';

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
