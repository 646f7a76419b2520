/**
 * Bit flags a token carries, shared by the page tokenizer (core/match/tokens) and every reader of
 * token runs in lang/ (the figure parser), so one token stream can be read by both.
 */

/** The token is a word (letters or digits), not punctuation. */
export const WORD = 1;
/** The word starts with an upper-case letter. */
export const CAP = 2;
/** The word starts with a digit. */
export const NUM = 4;
/** A line break stands between this token and the previous one. */
export const BREAK = 8;
/** White space (or an ignorable character) stands between this token and the previous one. */
export const SPACED = 16;

/** A run of tokens as parallel arrays: normalised text, UTF-16 offsets and flags. */
export interface TokenRun {
  norm: readonly string[];
  start: ArrayLike<number>;
  end: ArrayLike<number>;
  flags: ArrayLike<number>;
}

/** A token as a segmenter reports it: offsets, normalised text, and whether it is a word or capitalised. */
export interface RunToken {
  start: number;
  end: number;
  /** The normalised text (see normalize.ts). */
  norm: string;
  /** A word (letters or digits), not punctuation. */
  isWord: boolean;
  /** First character is an upper-case letter. */
  isCap: boolean;
}

/** A token with its text as written and its place in the sentence (the corpus analysis's tokens). */
export interface TextToken extends RunToken {
  text: string;
  /** First word token of its sentence (or first after an opening quote at sentence start). */
  isSentenceStart: boolean;
}

/** Packs tokens into a TokenRun, deriving NUM from the text and SPACED from the gaps between offsets. */
export function toTokenRun(tokens: readonly RunToken[]): TokenRun {
  const flags = tokens.map(
    (t, i) => (t.isWord ? WORD : 0) | (t.isCap ? CAP : 0) | (/^\d/.test(t.norm) ? NUM : 0) | (i === 0 || t.start > tokens[i - 1].end ? SPACED : 0),
  );
  return { norm: tokens.map((t) => t.norm), start: tokens.map((t) => t.start), end: tokens.map((t) => t.end), flags };
}
