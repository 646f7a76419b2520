/**
 * The length of the longest common subsequence of two lists of word numbers (the words two
 * wordings share in order), by the bit-parallel method of Allison and Dix (1986) as Hyyrö (2004)
 * writes it: one pass over the second list, the first list's positions held as bits, 32 to a
 * number. The same count the `diff` package's edit script gives (its kept parts are a longest
 * common subsequence), without the edit graph's objects: quote grouping compares tens of
 * thousands of pairs, and the diff was most of that step's time.
 */
export class CommonSubsequence {
  /** Word number → its slot in `masks`, or -1 when the pattern does not hold it. */
  private readonly slot: Int32Array;
  /** Per distinct pattern word, the bits of the positions it stands at (`chunks` numbers each). */
  private masks = new Uint32Array(0);
  private readonly v: Uint32Array[] = [];
  private patternWords: number[] = [];
  private chunks = 0;
  private current = -1;

  /** For word numbers below `vocabulary`. */
  constructor(vocabulary: number) {
    this.slot = new Int32Array(vocabulary).fill(-1);
  }

  /**
   * The longest common subsequence of `a` (the words of item `i`: its bits are kept while it is
   * compared with each of its partners in turn) and `b`.
   */
  length(i: number, a: Int32Array, b: Int32Array): number {
    if (i !== this.current) this.setPattern(i, a);
    const m = a.length;
    if (m === 0 || b.length === 0) return 0;
    const chunks = this.chunks;
    let v = this.v[chunks];
    if (!v) v = this.v[chunks] = new Uint32Array(chunks);
    v.fill(0xffffffff);
    const masks = this.masks;
    const slot = this.slot;
    for (let k = 0; k < b.length; k++) {
      const s = slot[b[k]];
      if (s < 0) continue; // no match: V + (V & 0) | (V & ~0) leaves V as it is
      const base = s * chunks;
      let carry = 0;
      for (let c = 0; c < chunks; c++) {
        const old = v[c];
        const mask = masks[base + c];
        const sum = old + ((old & mask) >>> 0) + carry;
        carry = sum > 0xffffffff ? 1 : 0;
        v[c] = ((sum >>> 0) | (old & ~mask)) >>> 0;
      }
    }
    // Each zero among the pattern's m bits is one word of the common subsequence.
    let zeros = 0;
    for (let c = 0; c < chunks; c++) {
      const bits = c === chunks - 1 && m % 32 !== 0 ? m % 32 : 32;
      const word = bits === 32 ? v[c] : v[c] | (0xffffffff << bits);
      zeros += 32 - popcount(word >>> 0);
    }
    return zeros;
  }

  private setPattern(i: number, a: Int32Array): void {
    for (const w of this.patternWords) this.slot[w] = -1;
    this.current = i;
    this.chunks = Math.max(1, Math.ceil(a.length / 32));
    const words: number[] = [];
    for (const w of a) {
      if (this.slot[w] < 0) {
        this.slot[w] = words.length;
        words.push(w);
      }
    }
    this.patternWords = words;
    const size = words.length * this.chunks;
    if (this.masks.length < size) this.masks = new Uint32Array(Math.max(size, this.masks.length * 2));
    this.masks.fill(0, 0, size);
    for (let p = 0; p < a.length; p++) {
      const at = this.slot[a[p]] * this.chunks + (p >>> 5);
      this.masks[at] = (this.masks[at] | (1 << (p & 31))) >>> 0;
    }
  }
}

/** Set bits of a 32-bit number. */
function popcount(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}
