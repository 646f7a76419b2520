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

/** An open-addressing intern table keyed by hash, verified against the source characters. */
export class SymbolTable {
  strings: string[] = [];
  word = new Int32Array(1024);
  key = new Int32Array(1024);
  flags = new Uint8Array(1024);
  private hashes = new Int32Array(1024);
  private slots = new Int32Array(4096).fill(-1);
  private mask = 4095;

  constructor(private readonly classify: (s: string) => SymbolInfo = () => ({ word: -1, key: -2, flags: 0 })) {}

  /** Number of interned symbols. */
  get size(): number {
    return this.strings.length;
  }

  /** The symbol of the ASCII text [start, end) read lower-cased, with its precomputed hash. */
  internAscii(text: string, start: number, end: number, hash: number): number {
    const len = end - start;
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const sym = this.slots[slot];
      if (sym < 0) return this.insert(slot, text.slice(start, end).toLowerCase(), hash);
      if (this.hashes[sym] !== hash) continue;
      const s = this.strings[sym];
      if (s.length !== len) continue;
      let same = true;
      for (let k = 0; k < len; k++) {
        let c = text.charCodeAt(start + k);
        if (c >= 65 && c <= 90) c += 32;
        if (c !== s.charCodeAt(k)) {
          same = false;
          break;
        }
      }
      if (same) return sym;
    }
  }

  /** The symbol of an already normalised string. */
  intern(s: string): number {
    let hash = HASH_SEED;
    for (let k = 0; k < s.length; k++) hash = hashStep(hash, s.charCodeAt(k));
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const sym = this.slots[slot];
      if (sym < 0) return this.insert(slot, s, hash);
      if (this.hashes[sym] === hash && this.strings[sym] === s) return sym;
    }
  }

  private insert(slot: number, s: string, hash: number): number {
    const sym = this.strings.length;
    if (sym === this.word.length) this.growInfo();
    this.strings.push(s);
    this.hashes[sym] = hash;
    this.slots[slot] = sym;
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
    this.hashes = grow(this.hashes, (k) => new Int32Array(k));
  }

  private rehash(): void {
    const size = (this.mask + 1) * 2;
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    for (let sym = 0; sym < this.strings.length; sym++) {
      let slot = this.hashes[sym] & this.mask;
      while (this.slots[slot] >= 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = sym;
    }
  }
}
