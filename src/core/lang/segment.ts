/**
 * Segmentation with the platform's Unicode rules (Intl.Segmenter): sentences and words. One set of
 * segmenters for the whole core, so word boundaries are the same wherever text is compared.
 */
import { normalize } from './normalize';
import { toTokenRun, type RunToken, type TokenRun } from './token-flags';

// Made on first use, not at import, so a bundle that imports this file for one function does
// not construct both.
let sentences: Intl.Segmenter | null = null;
let words: Intl.Segmenter | null = null;

/** Sentence segments of a text (English rules; abbreviations are the caller's, see abbreviations.ts). */
export function segmentSentences(text: string): Intl.Segments {
  sentences ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  return sentences.segment(text);
}

/** Word segments of a text: `isWordLike` segments are words, the rest punctuation and space. */
export function segmentWords(text: string): Intl.Segments {
  words ??= new Intl.Segmenter('en', { granularity: 'word' });
  return words.segment(text);
}

/** The normalised words of a text, in order (punctuation and space dropped), for comparing wordings. */
export function comparableWords(text: string): string[] {
  const normal = normalize(text);
  if (PLAIN_ASCII.test(normal)) return normal.match(ASCII_WORDS) ?? [];
  const out: string[] = [];
  for (const s of segmentWords(normal)) if (s.isWordLike) out.push(s.segment);
  return out;
}

/**
 * ASCII without the underscore: text whose word segments ASCII_WORDS gives exactly, several times
 * faster than the segmenter (quote grouping takes the words of every quote of a corpus). The
 * underscore is left to the segmenter: alone it is not word-like there, doubled it is.
 */
const PLAIN_ASCII = /^[\x00-\x5e\x60-\x7f]*$/;
/**
 * The segmenter's word-like segments (Unicode word-boundary rules) in ASCII text without the
 * underscore: letters and digits run together; a colon, full stop or apostrophe between two
 * letters, and a comma, semicolon, full stop or apostrophe between two digits, stay inside the
 * word. Checked against Intl.Segmenter on every string of up to 5-8 characters over letters,
 * digits and the ASCII punctuation (tests/unit/lang/segment-words.test.ts samples it).
 */
const ASCII_WORDS = /[a-z0-9]+(?:(?:(?<=[a-z])[:.'](?=[a-z])|(?<=[0-9])[,;.'](?=[0-9]))[a-z0-9]+)*/gi;

const UPPER = /^\p{Lu}|^\p{Lt}/u;

/** The words and punctuation of a text as a TokenRun (offsets into `text`), for the figure parser. */
export function wordRun(text: string): TokenRun {
  const tokens: RunToken[] = [];
  for (const s of segmentWords(text)) {
    if (!s.segment.trim()) continue;
    tokens.push({ start: s.index, end: s.index + s.segment.length, norm: normalize(s.segment), isWord: s.isWordLike === true, isCap: UPPER.test(s.segment) });
  }
  return toTokenRun(tokens);
}
