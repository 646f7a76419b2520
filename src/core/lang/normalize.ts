/**
 * One normalisation for corpus and page alike, so that a name or phrase written with curly quotes,
 * a different dash, a ligature, a soft hyphen or other letter case still compares equal.
 *
 * `normalizeWithMap` also returns, for every UTF-16 unit of the normalised string, the offset of the
 * original unit it came from, so a match found in normalised text maps back to exact offsets in
 * the page's text (and from there to DOM ranges).
 */

/** Characters dropped entirely: soft hyphen, zero-width space/joiners, word joiner, BOM. */
const DROPPED = /[\u00AD\u200B\u200C\u200D\u2060\uFEFF]/;

/** Apostrophes and single quotes (incl. modifier letter apostrophe, prime). */
const APOSTROPHES = /[\u2018\u2019\u201A\u201B\u2032\u02BC\u0060\u00B4]/;
/** Double quotes of every style. */
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB\u301D\u301E]/;
/** Hyphens and dashes. */
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D]/;
/** Unicode spaces other than the ASCII space. */
const SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\t\r\n\f\v]/;

function foldChar(ch: string): string {
  if (DROPPED.test(ch)) return '';
  if (APOSTROPHES.test(ch)) return "'";
  if (DOUBLE_QUOTES.test(ch)) return '"';
  if (DASHES.test(ch)) return '-';
  if (SPACES.test(ch)) return ' ';
  const nfkc = ch.normalize('NFKC');
  // Case folding: toLowerCase is locale-independent and keeps most lengths; a few characters
  // (e.g. "İ") grow, which the offset map absorbs.
  return nfkc.toLowerCase();
}


/**
 * Unifies only apostrophes, quotation marks and dashes (same classes as `normalize`), keeping case,
 * spacing and length otherwise: for showing two wordings side by side without curly-versus-straight
 * marks counting as differences.
 */
export function foldMarks(input: string): string {
  // Global copies of the classes, made here rather than at import so the page's bundle, which
  // never calls this, does not carry them.
  return input
    .replace(new RegExp(APOSTROPHES.source, 'g'), "'")
    .replace(new RegExp(DOUBLE_QUOTES.source, 'g'), '"')
    .replace(new RegExp(DASHES.source, 'g'), '-');
}

/** The normalised text and, for each of its UTF-16 units, the original offset it came from. */
export interface NormalizedText {
  text: string;
  /** `map[i]` is the offset in the original of the unit that produced normalised unit `i`. */
  map: Uint32Array;
  /** `endMap[i]` is the exclusive end, in the original, of the chunk that produced unit `i`. */
  endMap: Uint32Array;
  /** Length of the original text (so `map` can be extended to an exclusive end). */
  sourceLength: number;
}

/**
 * End of the chunk that starts at `i`: one code point and the combining marks after it, attached so
 * NFKC can compose them (e ◌́ → é).
 */
function chunkEnd(input: string, i: number): number {
  let j = i + (input.codePointAt(i)! > 0xffff ? 2 : 1);
  while (j < input.length) {
    const next = input.codePointAt(j)!;
    if (!isCombiningMark(next)) break;
    j += next > 0xffff ? 2 : 1;
  }
  return j;
}

/** The folded text of the chunk input[i, j) (see chunkEnd): one code point alone, or composed and lower-cased. */
function foldChunk(input: string, i: number, j: number): string {
  const chunk = input.slice(i, j);
  return j - i === (input.codePointAt(i)! > 0xffff ? 2 : 1) ? foldChar(chunk) : chunk.normalize('NFKC').toLowerCase();
}

/**
 * Normalises text code point by code point (NFKC, lower case, unified quotes/dashes/apostrophes and
 * spaces, invisible characters removed), keeping an offset map back to the original.
 * Combining marks are normalised with the code point they follow.
 */
export function normalizeWithMap(input: string): NormalizedText {
  const out: string[] = [];
  const map: number[] = [];
  const endMap: number[] = [];
  let i = 0;
  const n = input.length;
  while (i < n) {
    const j = chunkEnd(input, i);
    const folded = foldChunk(input, i, j);
    for (let k = 0; k < folded.length; k++) {
      out.push(folded[k]);
      map.push(i);
      endMap.push(j);
    }
    i = j;
  }
  return { text: out.join(''), map: Uint32Array.from(map), endMap: Uint32Array.from(endMap), sourceLength: n };
}

/**
 * Normalises text for comparison (see `normalizeWithMap`), without the offset map. The same text
 * normalizeWithMap gives, made without its three arrays a unit: analysis calls this for every token
 * and every quote of a corpus, where building and dropping the map was most of the step's time.
 */
export function normalize(input: string): string {
  if (isPlainAscii(input)) return input.toLowerCase();
  let out = '';
  let i = 0;
  const n = input.length;
  while (i < n) {
    const cp = input.codePointAt(i)!;
    if (cp < 0x80 && !isAsciiFolded(cp)) {
      // A plain ASCII character is its own chunk (no combining mark follows it, or it is not plain:
      // the general path below handles that), folded by lower-casing alone.
      const next = i + 1 < n ? input.codePointAt(i + 1)! : -1;
      if (next < 0 || !isCombiningMark(next)) {
        out += input[i].toLowerCase();
        i++;
        continue;
      }
    }
    const j = chunkEnd(input, i);
    out += foldChunk(input, i, j);
    i = j;
  }
  return out;
}

/**
 * An ASCII character foldChar changes other than by lower case: the backtick (an apostrophe) and
 * the control spaces (tab, line feed, vertical tab, form feed, carriage return: a space).
 */
function isAsciiFolded(cp: number): boolean {
  return cp === 0x60 || (cp >= 0x09 && cp <= 0x0d);
}

/** Text of ASCII characters only, none of which foldChar changes but for case: it normalises to its lower case. */
function isPlainAscii(input: string): boolean {
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c >= 0x80 || isAsciiFolded(c)) return false;
  }
  return true;
}

/**
 * Maps a half-open range in normalised text back to a half-open range in the original text:
 * from the first original unit that produced the range to the end of the last one's chunk
 * (so a trailing soft hyphen or zero-width character is never included).
 */
export function mapRangeToSource(norm: NormalizedText, start: number, end: number): { start: number; end: number } {
  if (end <= start) {
    const at = start < norm.map.length ? norm.map[start] : norm.sourceLength;
    return { start: at, end: at };
  }
  const s = norm.map[start];
  const e = norm.endMap[end - 1];
  return { start: s, end: e };
}

function isCombiningMark(cp: number): boolean {
  return (
    (cp >= 0x0300 && cp <= 0x036f) ||
    (cp >= 0x1ab0 && cp <= 0x1aff) ||
    (cp >= 0x1dc0 && cp <= 0x1dff) ||
    (cp >= 0x20d0 && cp <= 0x20ff) ||
    (cp >= 0xfe20 && cp <= 0xfe2f)
  );
}
