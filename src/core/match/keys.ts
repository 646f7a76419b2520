/** Claim keys: which words of a sentence characterise it, shared by compile time and scan time. */
import { STOPWORDS } from '../lang/function-words';
import { stem } from '../lang/lemmas';
import { NUMBER_WORDS, SCALES } from '../lang/numbers';

const HAS_LETTER = /\p{L}/u;

/** The claim key of one normalised word, or null for stopwords, numbers and fragments. */
export function wordKey(norm: string): string | null {
  if (norm.length < 3 || STOPWORDS.has(norm) || NUMBER_WORDS.has(norm) || SCALES.has(norm)) return null;
  if (!HAS_LETTER.test(norm)) return null;
  const s = stem(norm);
  return STOPWORDS.has(s) ? null : s;
}

/** Pseudo-key for an entity (by index in MatcherData.entities). */
export function entityKey(entity: number): string {
  return `@${entity}`;
}

/** Pseudo-key for a place (by index in MatcherData.places). */
export function placeKey(place: number): string {
  return `^${place}`;
}

/** Pseudo-key for a figure: class and value, so "forty-four" and "44" share one key. */
export function figureKey(cls: number, value: number): string {
  return `#${cls}:${value}`;
}
