/**
 * Interned token strings. The tokenizer hashes each word while it reads it (lower-casing ASCII on
 * the fly) and looks the hash up here, so a word seen before costs no string allocation, and every
 * consumer (names, claims, sentences) reads what it needs about the word from typed arrays indexed
 * by the symbol instead of hashing the string again.
 */

/** What the consumers need to know about a symbol, computed once when it is first interned. */
export interface SymbolInfo {
  /** Id in the matcher's name/quote vocabulary, or -1. */
  word: number;
  /** Claim key id (≥ 0), -1 for a content word no claim uses, -2 for a non-content word. */
  key: number;
  /** Bit flags (SYM_* below). */
  flags: number;
}

/** The symbol ends a sentence (".", "!", "?", "…"). */
export const SYM_TERMINAL = 1;
/** The symbol is a number word ("forty"), so the sentence needs figure parsing. */
export const SYM_NUMBER = 2;
/** The symbol can be a word of a figure (a number word, "hundred", a scale): claim pre-filtering counts it. */
export const SYM_FIGURE = 4;

/** Hash step shared by the tokenizer and the table (FNV-like multiply, 32-bit). */
export function hashStep(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}

/** Hash seed. */
export const HASH_SEED = 0x811c9dc5 | 0;

/** A string's 32-bit FNV-1a hash over its UTF-16 units, unsigned (the steps above). */
export function hashText(s: string): number {
  let hash = HASH_SEED;
  for (let k = 0; k < s.length; k++) hash = hashStep(hash, s.charCodeAt(k));
  return hash >>> 0;
}

/**
 * A digest of `text` (32 hex digits): equal digests are equal texts. The analysis state keeps its
 * inputs so (analysis/claim-reuse.ts) and the store knows shared rows by it (store/shared-rows.ts).
 * 128 bits from four 32-bit lanes, each a multiply and xor-shift per two UTF-16 units (a bijection
 * of the lane for each unit pair, so no two texts of one length that differ in one place meet in a
 * lane), with different multipliers and shifts, the length and a cross-lane finish (MurmurHash3's
 * fmix32). Not a cryptographic hash: two texts made to collide could be found, but a collision costs
 * one article's claims or one row, in that reader's own corpus, made from what that reader imported.
 * Two different inputs otherwise share one with odds far below any hardware fault's (a few hundred
 * thousand kept at most). It replaced SHA-256 (@noble/hashes), which was 4.3 of 65 profiled seconds
 * of an add of 10 articles to 5,000 (every article's inputs are digested on every add); about 3.8 ns
 * a UTF-16 unit in Node (5,000 articles' inputs, 47 M units, 0.18 s CPU).
 */
export function digest(text: string): string {
  let a = 0x811c9dc5 | 0;
  let b = 0x01000193;
  let c = 0x5bd1e995 | 0;
  let d = 0x27d4eb2f;
  const n = text.length;
  let k = 0;
  for (; k + 1 < n; k += 2) {
    const w = text.charCodeAt(k) | (text.charCodeAt(k + 1) << 16);
    a = Math.imul(a ^ w, 0x5bd1e995);
    a ^= a >>> 15;
    b = Math.imul(b ^ w, 0x85ebca6b | 0);
    b ^= b >>> 13;
    c = Math.imul(c ^ w, 0xc2b2ae35 | 0);
    c ^= c >>> 16;
    d = Math.imul(d ^ w, 0x27d4eb2d);
    d ^= d >>> 14;
  }
  // The last unit of an odd length, then the length: no two texts' units run into one sequence.
  const last = k < n ? text.charCodeAt(k) : 0;
  a = fmix(a ^ last ^ n);
  b = fmix(b ^ last ^ Math.imul(n, 3));
  c = fmix(c ^ last ^ Math.imul(n, 5));
  d = fmix(d ^ last ^ Math.imul(n, 7));
  a = (a + b + c + d) | 0;
  b = (b + a) | 0;
  c = (c + a) | 0;
  d = (d + a) | 0;
  return hex8(fmix(a)) + hex8(fmix(b)) + hex8(fmix(c)) + hex8(fmix(d));
}

/** MurmurHash3's 32-bit finish: every bit of `h` reaches every bit of the result. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b | 0);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35 | 0);
  return h ^ (h >>> 16);
}

/** A 32-bit number as 8 hex digits. */
function hex8(h: number): string {
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * An open-addressing intern table keyed by hash, verified against the source characters. Each slot
 * holds the hash, symbol, length and the symbol's place in a pool of its characters side by side, so
 * a look-up of a word seen before reads one slot and a run of the pool (no string object, no arrays
 * indexed by symbol): interning was more than half of tokenising a page.
 */
export class SymbolTable {
  strings: string[] = [];
  word = new Int32Array(1024);
  key = new Int32Array(1024);
  flags = new Uint8Array(1024);
  /** Per slot, SLOT_WIDTH numbers: hash, symbol (-1: empty), length, offset of its characters in `pool`. */
  private slots = emptySlots(4096);
  private mask = 4095;
  /** Every symbol's characters, one after another. */
  private pool = new Uint16Array(8192);
  private poolUsed = 0;

  constructor(private readonly classify: (s: string) => SymbolInfo = () => ({ word: -1, key: -2, flags: 0 })) {}

  /** Number of interned symbols. */
  get size(): number {
    return this.strings.length;
  }

  /** The symbol of the ASCII text [start, end) read lower-cased, with its precomputed hash. */
  internAscii(text: string, start: number, end: number, hash: number): number {
    const len = end - start;
    const slots = this.slots;
    const pool = this.pool;
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const at = slot * SLOT_WIDTH;
      const sym = slots[at + 1];
      if (sym < 0) return this.insert(slot, text.slice(start, end).toLowerCase(), hash);
      if (slots[at] !== hash || slots[at + 2] !== len) continue;
      const from = slots[at + 3];
      let k = 0;
      for (; k < len; k++) {
        let c = text.charCodeAt(start + k);
        if (c >= 65 && c <= 90) c += 32;
        if (c !== pool[from + k]) break;
      }
      if (k === len) return sym;
    }
  }

  /** The symbol of an already normalised string. */
  intern(s: string): number {
    const hash = hashText(s) | 0;
    const slots = this.slots;
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const at = slot * SLOT_WIDTH;
      const sym = slots[at + 1];
      if (sym < 0) return this.insert(slot, s, hash);
      if (slots[at] === hash && this.strings[sym] === s) return sym;
    }
  }

  private insert(slot: number, s: string, hash: number): number {
    const sym = this.strings.length;
    if (sym === this.word.length) this.growInfo();
    if (this.poolUsed + s.length > this.pool.length) {
      const pool = new Uint16Array(Math.max(this.pool.length * 2, this.poolUsed + s.length));
      pool.set(this.pool);
      this.pool = pool;
    }
    for (let k = 0; k < s.length; k++) this.pool[this.poolUsed + k] = s.charCodeAt(k);
    const at = slot * SLOT_WIDTH;
    this.slots[at] = hash;
    this.slots[at + 1] = sym;
    this.slots[at + 2] = s.length;
    this.slots[at + 3] = this.poolUsed;
    this.poolUsed += s.length;
    this.strings.push(s);
    const info = this.classify(s);
    this.word[sym] = info.word;
    this.key[sym] = info.key;
    this.flags[sym] = info.flags;
    if (this.strings.length * 2 > this.mask) this.rehash();
    return sym;
  }

  private growInfo(): void {
    const n = this.word.length * 2;
    const grow = <T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.word = grow(this.word, (k) => new Int32Array(k));
    this.key = grow(this.key, (k) => new Int32Array(k));
    this.flags = grow(this.flags, (k) => new Uint8Array(k));
  }

  private rehash(): void {
    const size = (this.mask + 1) * 2;
    const old = this.slots;
    this.slots = emptySlots(size);
    this.mask = size - 1;
    for (let at = 0; at < old.length; at += SLOT_WIDTH) {
      if (old[at + 1] < 0) continue;
      let slot = old[at] & this.mask;
      while (this.slots[slot * SLOT_WIDTH + 1] >= 0) slot = (slot + 1) & this.mask;
      this.slots.set(old.subarray(at, at + SLOT_WIDTH), slot * SLOT_WIDTH);
    }
  }
}

/** Numbers per slot of a SymbolTable. */
const SLOT_WIDTH = 4;

/** `count` empty slots (symbol -1). */
function emptySlots(count: number): Int32Array {
  const slots = new Int32Array(count * SLOT_WIDTH);
  for (let at = 1; at < slots.length; at += SLOT_WIDTH) slots[at] = -1;
  return slots;
}
