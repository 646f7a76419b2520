/** Number words and scale words ("thirty-six", "two million", "a dozen"). */

const UNITS = [
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** Number words with their values ("forty" → 40, "dozen" → 12). */
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

/**
 * True for a scale written as a whole word ("million", not "m"): only these may stand apart from
 * their number ("2 million"); a short suffix does so only when attached ("2m"), since a lone "m"
 * after a number is as often metres or a misread initial.
 */
export function isScaleWord(word: string): boolean {
  return word.length > 2 && SCALES.has(word);
}

/**
 * Reads number words from `words[i]` on: "thirty-six", "two million", "one hundred and twenty",
 * "a dozen". `isWord(j)` says whether token j is a word (not punctuation). Returns the value and
 * the index one past the last number word, or null when no number starts at i. A lone "one" is
 * not read: it is nearly always a pronoun ("one of his allies"), not a figure.
 */
export function readNumberWords(words: readonly string[], i: number, to: number, isWord: (j: number) => boolean): { value: number; next: number; isScaled: boolean } | null {
  let total = 0;
  let current = 0;
  let count = 0;
  let isScaled = false;
  let j = i;
  if (words[j] === 'a' && j + 1 < to && (words[j + 1] === 'dozen' || isScaleWord(words[j + 1]))) {
    current = 1;
    j++;
  }
  let last = j;
  while (j < to) {
    const w = words[j];
    const unit = NUMBER_WORDS.get(w);
    if (unit !== undefined && isWord(j)) {
      if (w === 'dozen') current = (current || 1) * 12;
      else current += unit;
      count++;
      last = ++j;
    } else if (w === 'hundred') {
      current = (current || 1) * 100;
      count++;
      isScaled = true;
      last = ++j;
    } else if (isScaleWord(w) && count + current > 0) {
      total += (current || 1) * SCALES.get(w)!;
      current = 0;
      count++;
      isScaled = true;
      last = ++j;
    } else if ((w === '-' || w === 'and') && count > 0 && j + 1 < to && NUMBER_WORDS.has(words[j + 1])) {
      j++;
    } else break;
  }
  if (count === 0) return null;
  const value = total + current;
  if (!isScaled && count === 1 && value <= 1) return null;
  return { value, next: last, isScaled };
}
