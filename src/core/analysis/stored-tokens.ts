/**
 * An article's tokens in a form the store keeps beside its record, so adding articles to a corpus
 * need not segment the articles it holds again: the word segmenter was about two thirds of
 * preparing them (3.6 of 5.5 CPU s for 5,000 generated articles, Node). Tokens depend on the
 * article alone (its text and sentences), never on the rest of the corpus, so a kept copy stays
 * right however the corpus grows.
 *
 * One 32-bit number a token: the gap from the previous token's end (12 bits), its length (16 bits)
 * and its four flags; texts and norms are read back from the article text (norms by normalize, as
 * tokenize makes them). The sentence of each token comes from the sentences' first tokens. An
 * article whose tokens do not fit (a gap or a token longer than the fields hold) is not kept: it is
 * segmented again, as are articles stored before tokens were kept.
 */
import type { Span } from '../index/types';
import { normalize } from '../lang/normalize';
import type { Token } from './context';

/** An article's tokens as kept: one number a token, and the index of each sentence's first token. */
export interface StoredTokens {
  words: Uint32Array;
  sentenceStarts: Int32Array;
}

const WORD = 1;
const CAP = 2;
const POSSESSIVE = 4;
const SENTENCE_START = 8;
const LENGTH_SHIFT = 4;
const GAP_SHIFT = 20;
/** Largest gap and length the fields hold (12 and 16 bits). */
const MAX_GAP = 0xfff;
const MAX_LENGTH = 0xffff;

/** The kept form of tokens (as tokenize gave them for an article), or null when one does not fit. */
export function storeTokens(tokens: readonly Token[], sentenceTokenStart: readonly number[]): StoredTokens | null {
  const words = new Uint32Array(tokens.length);
  let previousEnd = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const gap = t.start - previousEnd;
    const length = t.end - t.start;
    if (gap < 0 || gap > MAX_GAP || length < 0 || length > MAX_LENGTH) return null;
    const flags = (t.isWord ? WORD : 0) | (t.isCap ? CAP : 0) | (t.isPossessive ? POSSESSIVE : 0) | (t.isSentenceStart ? SENTENCE_START : 0);
    words[i] = ((gap << GAP_SHIFT) | (length << LENGTH_SHIFT) | flags) >>> 0;
    previousEnd = t.end;
  }
  return { words, sentenceStarts: Int32Array.from(sentenceTokenStart) };
}

/**
 * Walks an article's kept tokens: `visit` gets each token's index, span, sentence and packed word;
 * false when the kept form does not fit the article (not arrays of numbers, a sentence count of its
 * own, sentence starts out of order, a token outside its sentence or the text). The one reading of
 * the kept form, for storedTokenLayout and readStoredTokens.
 */
function walkStoredTokens(stored: unknown, text: string, sentences: readonly Span[], visit: (i: number, start: number, end: number, sentence: number, w: number) => void): Int32Array | null {
  if (!stored || typeof stored !== 'object') return null;
  const { words, sentenceStarts } = stored as Partial<StoredTokens>;
  if (!(words instanceof Uint32Array) || !(sentenceStarts instanceof Int32Array) || sentenceStarts.length !== sentences.length) return null;
  for (let s = 0; s < sentenceStarts.length; s++) {
    if (sentenceStarts[s] < (s ? sentenceStarts[s - 1] : 0) || sentenceStarts[s] > words.length) return null;
  }
  let previousEnd = 0;
  let sentence = -1;
  for (let i = 0; i < words.length; i++) {
    while (sentence + 1 < sentenceStarts.length && sentenceStarts[sentence + 1] <= i) sentence++;
    const w = words[i];
    const start = previousEnd + (w >>> GAP_SHIFT);
    const end = start + ((w >>> LENGTH_SHIFT) & MAX_LENGTH);
    // tokenize makes tokens within their sentence only.
    if (sentence < 0 || start < sentences[sentence].start || end > sentences[sentence].end || end > text.length) return null;
    visit(i, start, end, sentence, w);
    previousEnd = end;
  }
  return sentenceStarts;
}

/**
 * What an article's kept tokens say without making them: each sentence's first token and the count
 * of word tokens, or null where readStoredTokens would refuse them (the same checks). For a draft
 * whose tokens are made only when a step reads them (prepare.ts).
 */
export function storedTokenLayout(stored: unknown, text: string, sentences: readonly Span[]): { sentenceTokenStart: number[]; wordCount: number } | null {
  let wordCount = 0;
  const sentenceStarts = walkStoredTokens(stored, text, sentences, (_i, _start, _end, _sentence, w) => {
    if (w & WORD) wordCount++;
  });
  return sentenceStarts ? { sentenceTokenStart: Array.from(sentenceStarts), wordCount } : null;
}

/**
 * The tokens kept for an article of `text` and `sentences`, as tokenize gives them; null when the
 * kept form does not fit the article (walkStoredTokens): the caller segments the text again, so a
 * damaged copy costs time, never data.
 */
export function readStoredTokens(stored: unknown, text: string, sentences: readonly Span[]): { tokens: Token[]; sentenceTokenStart: number[] } | null {
  const tokens: Token[] = [];
  const sentenceStarts = walkStoredTokens(stored, text, sentences, (i, start, end, sentence, w) => {
    const tokenText = text.slice(start, end);
    const isPossessive = (w & POSSESSIVE) !== 0;
    // As tokenize: the norm of the text as written, a possessive ending dropped.
    let norm = normalize(tokenText);
    if (isPossessive) norm = norm.replace(/'s?$/, '');
    tokens[i] = { start, end, text: tokenText, norm, isWord: (w & WORD) !== 0, isCap: (w & CAP) !== 0, isPossessive, sentence, isSentenceStart: (w & SENTENCE_START) !== 0 };
  });
  return sentenceStarts ? { tokens, sentenceTokenStart: Array.from(sentenceStarts) } : null;
}
