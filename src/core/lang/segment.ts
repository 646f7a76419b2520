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
  const out: string[] = [];
  for (const s of segmentWords(normalize(text))) if (s.isWordLike) out.push(s.segment);
  return out;
}

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
