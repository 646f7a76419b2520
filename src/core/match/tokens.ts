/**
 * Word tokenisation straight over the original text, so token offsets are already UTF-16 offsets
 * into the input (no offset map needed). A word is a maximal run of letters, digits and marks —
 * which is exactly the Unicode-aware boundary rule: "Parkerite" is one token, never "Parker".
 * Each token's `norm` equals `normalize()` of its text, so corpus and page compare alike.
 */
import { normalize } from '../lang/normalize';
import { HASH_SEED, SymbolTable, hashStep } from './symbols';
import { BREAK, CAP, NUM, SPACED, WORD } from '../lang/token-flags';

// The flags live in lang/ so the figure parser there reads these tokens directly.
export { BREAK, CAP, NUM, SPACED, WORD };


/** Tokens of one text, in reusable growable typed arrays (no per-token objects). */
export class Tokens {
  count = 0;
  start = new Int32Array(256);
  end = new Int32Array(256);
  flags = new Uint8Array(256);
  /** Interned symbol of each token (index into `table`). */
  sym = new Int32Array(256);
  /** Normalised text of each token (the interned string, shared, not a copy). */
  norm: string[] = [];
  /** Number of quote-mark tokens (" or ' after normalisation): none means no quoted span to look for. */
  quoteMarks = 0;

  /** `table` interns token strings; a matcher passes one that also classifies them. */
  constructor(public table: SymbolTable = new SymbolTable()) {}

  /** Empties the buffer for a new text without freeing its storage. */
  reset(): void {
    this.count = 0;
    this.quoteMarks = 0;
  }

  /** Appends one token. */
  push(start: number, end: number, flags: number, sym: number): void {
    if (this.count === this.start.length) this.grow();
    const i = this.count++;
    this.start[i] = start;
    this.end[i] = end;
    this.flags[i] = flags;
    this.sym[i] = sym;
    this.norm[i] = this.table.strings[sym];
  }

  private grow(): void {
    const size = this.start.length * 2;
    const start = new Int32Array(size);
    start.set(this.start);
    const end = new Int32Array(size);
    end.set(this.end);
    const flags = new Uint8Array(size);
    flags.set(this.flags);
    const sym = new Int32Array(size);
    sym.set(this.sym);
    this.start = start;
    this.end = end;
    this.flags = flags;
    this.sym = sym;
  }
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
/** Normalised form of each non-ASCII punctuation code point seen so far. */
const NON_ASCII_PUNCT = new Map<number, string>();
const MARK = /^\p{M}$/u;
const UPPER = /^\p{Lu}|^\p{Lt}/u;

/** Spaces that separate tokens (the same set normalize() folds to a space). */
function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** Characters normalize() drops, plus variation selectors: invisible, never a boundary by themselves. */
function isIgnorable(c: number): boolean {
  return c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff || (c >= 0xfe00 && c <= 0xfe0f);
}

function isLineBreak(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}

/** Whether the code point at `i` starts a word (letter or digit; a mark only continues one). */
function wordStartWidth(text: string, i: number, c: number): number {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0;
  const cp = text.codePointAt(i)!;
  const ch = String.fromCodePoint(cp);
  return LETTER_OR_DIGIT.test(ch) ? ch.length : 0;
}

function wordContinueWidth(text: string, i: number, c: number): number {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0;
  if (isIgnorable(c)) return 0;
  const cp = text.codePointAt(i)!;
  if (cp >= 0xe0100 && cp <= 0xe01ef) return 0;
  const ch = String.fromCodePoint(cp);
  return LETTER_OR_DIGIT.test(ch) || MARK.test(ch) ? ch.length : 0;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Splits `text` into word and punctuation tokens (white space is skipped), appending to `out`. */
export function tokenize(text: string, out: Tokens): Tokens {
  out.reset();
  const n = text.length;
  const table = out.table;
  let gap = SPACED | BREAK;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if (c === 32 || (c >= 9 && c <= 13)) {
        gap |= c === 10 || c === 13 ? SPACED | BREAK : SPACED;
        i++;
        continue;
      }
      if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90)) {
        // An ASCII word: its letters and digits, lower-cased into the running hash; a character
        // that may still continue it (non-ASCII, a figure's separator) is read by wordEnd.
        let hash = hashStep(HASH_SEED, c >= 65 && c <= 90 ? c + 32 : c);
        let j = i + 1;
        while (j < n) {
          const d = text.charCodeAt(j);
          if ((d >= 97 && d <= 122) || (d >= 48 && d <= 57)) hash = hashStep(hash, d);
          else if (d >= 65 && d <= 90) hash = hashStep(hash, d + 32);
          else break;
          j++;
        }
        const numeric = c <= 57;
        let end = j;
        if (j < n) {
          // Only a non-ASCII character or a figure's separator can continue the word.
          const d = text.charCodeAt(j);
          if (d >= 128 || (numeric && (d === 44 || d === 46))) end = wordEnd(text, j, numeric);
        }
        let flags = WORD | gap;
        if (numeric) flags |= NUM;
        else if (c <= 90) flags |= CAP;
        out.push(i, end, flags, end === j ? table.internAscii(text, i, j, hash) : wordSymbol(text, i, end, table));
        gap = 0;
        i = end;
        continue;
      }
    } else {
      if (isSpace(c)) {
        gap |= isLineBreak(c) ? SPACED | BREAK : SPACED;
        i++;
        continue;
      }
      if (isIgnorable(c)) {
        gap |= SPACED;
        i++;
        continue;
      }
      const w = wordStartWidth(text, i, c);
      if (w > 0) {
        const end = wordEnd(text, i + w, false);
        let flags = WORD | gap;
        if (UPPER.test(text.slice(i, end))) flags |= CAP;
        out.push(i, end, flags, wordSymbol(text, i, end, table));
        gap = 0;
        i = end;
        continue;
      }
    }
    // Punctuation and symbols: one token per code point (a lone mark is treated the same way).
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const raw = text.slice(i, i + width);
    let norm = c < 128 ? (c === 96 ? "'" : raw) : NON_ASCII_PUNCT.get(cp);
    if (norm === undefined) {
      // Curly quotes and dashes are common in news text: normalise each distinct one once.
      norm = normalize(raw);
      if (NON_ASCII_PUNCT.size < 4096) NON_ASCII_PUNCT.set(cp, norm);
    }
    if (norm.length > 0) {
      if (norm === '"' || norm === "'") out.quoteMarks++;
      out.push(i, i + width, gap, table.intern(norm));
      gap = 0;
    } else gap |= SPACED;
    i += width;
  }
  return out;
}

/**
 * The end of the word whose characters before `j` are read: letters, digits and marks (Unicode),
 * invisible characters inside it, and in a word that starts with a digit "2,400" and "62.5".
 */
function wordEnd(text: string, j: number, numeric: boolean): number {
  const n = text.length;
  while (j < n) {
    const d = text.charCodeAt(j);
    if (d < 128) {
      if ((d >= 97 && d <= 122) || (d >= 48 && d <= 57) || (d >= 65 && d <= 90)) {
        j++;
        continue;
      }
    } else {
      const cw = wordContinueWidth(text, j, d);
      if (cw > 0) {
        j += cw;
        continue;
      }
      if (isIgnorable(d)) {
        // An invisible character inside a word (soft hyphen, ZWJ) does not split it.
        let k = j + 1;
        while (k < n && isIgnorable(text.charCodeAt(k))) k++;
        if (k < n && wordContinueWidth(text, k, text.charCodeAt(k)) > 0) {
          j = k;
          continue;
        }
        break;
      }
    }
    // "2,400" and "62.5" are one token.
    if (numeric && (d === 44 || d === 46) && isDigit(text.charCodeAt(j - 1)) && j + 1 < n && isDigit(text.charCodeAt(j + 1))) {
      j += 2;
      continue;
    }
    break;
  }
  return j;
}

/** The symbol of the word [start, end): straight from the characters when all ASCII, else normalised. */
function wordSymbol(text: string, start: number, end: number, table: SymbolTable): number {
  let hash = HASH_SEED;
  for (let k = start; k < end; k++) {
    const d = text.charCodeAt(k);
    if (d >= 128) return table.intern(normalize(text.slice(start, end)));
    hash = hashStep(hash, d >= 65 && d <= 90 ? d + 32 : d);
  }
  return table.internAscii(text, start, end, hash);
}

/**
 * Symbols the shared short-string buffer interns before it starts afresh: enough for a large
 * corpus's aliases and quotes, so its table (it keeps every word it saw) stays a few megabytes.
 */
const SCRATCH_MAX_SYMBOLS = 1 << 17;

let scratch: Tokens | null = null;

/**
 * One Tokens reused for short strings (aliases, quotes) compiled one after another: a fresh Tokens
 * with its own intern table for each allocated ~40 KB of typed arrays, and compiling a 1,000-article
 * corpus made some 60,000 of them (a third of the compile was that allocation and its garbage
 * collection). Its content is valid until the next call.
 */
export function scratchTokens(): Tokens {
  if (!scratch || scratch.table.size > SCRATCH_MAX_SYMBOLS) scratch = new Tokens();
  return scratch;
}

/** Tokenises a short string (an alias, a quote) into normalised word and punctuation strings. */
export function tokenStrings(text: string, wordsOnly = false): string[] {
  const t = tokenize(text, scratchTokens());
  const out: string[] = [];
  for (let i = 0; i < t.count; i++) if (!wordsOnly || t.flags[i] & WORD) out.push(t.norm[i]);
  return out;
}
