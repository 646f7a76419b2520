/** Which words of a sentence characterise it: the keys claims are grouped and matched on. */
import { STOPWORDS } from './function-words';
import { lemma, stem } from './lemmas';
import { NUMBER_WORDS, SCALES } from './numbers';

/** Words shorter than this are fragments ("mp", "eu" are names, found as entities, not keywords). */
const MIN_KEYWORD_LENGTH = 3;
const HAS_LETTER = /\p{L}/u;

/**
 * The key of one normalised word, or null for stopwords (in any form: "taken" is "take"), numbers,
 * scale words and fragments. Corpus analysis (claim keywords) and the matcher (claim keys) both
 * call this, so a word is a keyword on one side exactly when it is on the other.
 */
export function wordKey(norm: string): string | null {
  if (norm.length < MIN_KEYWORD_LENGTH || STOPWORDS.has(norm) || NUMBER_WORDS.has(norm) || SCALES.has(norm)) return null;
  if (!HAS_LETTER.test(norm) || STOPWORDS.has(lemma(norm))) return null;
  const key = stem(norm);
  return STOPWORDS.has(key) ? null : key;
}
