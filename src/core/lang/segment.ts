/**
 * Segmentation with the platform's Unicode rules (Intl.Segmenter): sentences and words. One set of
 * segmenters for the whole core, so word boundaries are the same wherever text is compared.
 */
import { normalize } from './normalize';
import { toTokenRun, type RunToken, type TokenRun } from './token-flags';

/** Sentence segmenter (English rules; abbreviations are handled by the caller, see abbreviations.ts). */
export const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Word segmenter: `isWordLike` segments are words, the rest punctuation and space. */
export const wordSegmenter = new Intl.Segmenter('en', { granularity: 'word' });

/** The normalised words of a text, in order (punctuation and space dropped), for comparing wordings. */
export function comparableWords(text: string): string[] {
  const out: string[] = [];
  for (const s of wordSegmenter.segment(normalize(text))) if (s.isWordLike) out.push(s.segment);
  return out;
}

const UPPER = /^\p{Lu}|^\p{Lt}/u;

/** The words and punctuation of a text as a TokenRun (offsets into `text`), for the figure parser. */
export function wordRun(text: string): TokenRun {
  const tokens: RunToken[] = [];
  for (const s of wordSegmenter.segment(text)) {
    if (!s.segment.trim()) continue;
    tokens.push({ start: s.index, end: s.index + s.segment.length, norm: normalize(s.segment), isWord: s.isWordLike === true, isCap: UPPER.test(s.segment) });
  }
  return toTokenRun(tokens);
}
