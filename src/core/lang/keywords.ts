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
  let key = keys.get(norm);
  if (key === undefined) {
    if (keys.size >= MAX_KEPT_KEYS) keys.clear();
    keys.set(norm, (key = keyOf(norm)));
  }
  return key;
}

/**
 * Keys already worked out, by word: a key depends on the word alone, and the analysis and the
 * compile ask for the key of every word of every claim (about 2.6 of 45 CPU s of adding 10 articles
 * to 5,000, Node), mostly words asked before.
 */
const keys = new Map<string, string | null>();
/** Words whose keys are kept; past this the table starts again (memory stays bounded, a page's words are far fewer). */
const MAX_KEPT_KEYS = 200_000;

/** wordKey, worked out. */
function keyOf(norm: string): string | null {
  // A hyphenated compound keys as its last part, the head ("no-confidence" as "confidence"), so it
  // meets the same words written apart ("a vote of no confidence"); a part that is no keyword (a
  // stopword, a fragment) leaves the compound whole.
  const dash = norm.lastIndexOf('-');
  if (dash > 0 && dash < norm.length - 1) {
    const head = simpleKey(norm.slice(dash + 1));
    if (head !== null) return head;
  }
  return simpleKey(norm);
}

/** wordKey of a word read whole. */
function simpleKey(norm: string): string | null {
  if (norm.length < MIN_KEYWORD_LENGTH || STOPWORDS.has(norm) || NUMBER_WORDS.has(norm) || SCALES.has(norm)) return null;
  if (!HAS_LETTER.test(norm) || STOPWORDS.has(lemma(norm))) return null;
  const key = stem(norm);
  return STOPWORDS.has(key) ? null : key;
}
