/**
 * Compact storage for the tokens of every article of a corpus while the pipeline runs.
 *
 * A Token object with its two strings costs about 160 bytes; a corpus of 20,000 news articles has
 * about 13 million tokens, so holding them all as objects takes about 2 GB, and the steps that read
 * them (entities, descriptors, quotes, claims) need every article's tokens more than once. Here each
 * token is 4 bytes, one word of a Uint32Array: its interned `norm`'s number, its length, the gap
 * since the previous token's end and the four flags (a token whose norm number, length or gap does
 * not fit its field keeps them in a small side table; in news text nearly every token fits). An
 * article's Token objects are rebuilt when a step asks for them (no segmenting or normalising
 * again: `text` is the article text between start and end, `sentence` comes from the sentence
 * starts) and the last few articles' arrays are kept, so a step that works article by article gets
 * the same array, with the same objects, each time it asks.
 */
import type { Token } from './context';

const WORD = 1;
const CAP = 2;
const POSSESSIVE = 4;
const SENTENCE_START = 8;
/** Bits of a token's word: flags (4), then the gap before the token (3), its length (6) and its norm's number (19). */
const GAP_SHIFT = 4;
const LENGTH_SHIFT = 7;
const NORM_SHIFT = 13;
/**
 * A field holding its largest value says: this token's offsets and norm are in the side table.
 * Gaps are mostly 0 or 1 (a space, a line break), words are shorter than 63 characters, and a
 * corpus of 20,000 news articles has far fewer than 2^19 distinct norms.
 */
const GAP_ESCAPE = 0x7;
const LENGTH_ESCAPE = 0x3f;
const NORM_ESCAPE = 0x7ffff;
/**
 * Decoded articles kept at once. A step reads one article at a time (the acronym look-up reads a
 * handful in turn), so a few suffice; each costs about 100 KB while kept.
 */
export const DECODED_KEPT = 2;
/**
 * Tokens that stay decoded until the store is released, on top of the recently read: each article
 * read while its tokens still fit in this many is kept. A step reads every article in turn, and the
 * entity step does so about eight times (counted on 510 generated articles: 3,930 decodes), each
 * decode a new object a token for the collector. Kept in the order first read, not the most
 * recent: with passes longer than any cache, a most-recent rule keeps nothing a pass comes back
 * to. A token object is 12 fields' worth (48 bytes with the pointer compression browsers use, 96
 * without), so this is about 170-340 MB at most whatever the corpus's size, held until the claims
 * step ends (the store is released before claim grouping and the matcher compile). Sized to hold a
 * corpus of 5,000 generated articles whole (3.07 million tokens), the corpus an add of 10 is
 * benched on. Against 1,000,000, adding 10 to it took 1.8-2.3 CPU s less before the compile (of
 * 21.4-21.7; the entity, descriptor and quote steps 2.2-2.6 less, quote grouping and claims
 * 0.3-0.7 more: the collector has a larger old heap to mark), and its peak memory was lower, not
 * higher (1,626 and 1,798 MB peak RSS against 1,216 and 1,218): the collector moves fewer
 * short-lived token objects (scripts/bench/add-node.ts --tokens, Node, two pairs of runs
 * alternated, load 9-13).
 */
export const PINNED_TOKENS = 3_500_000;

interface Packed {
  words: Uint32Array;
  /** Token index → [start, end, norm number], for the tokens whose fields did not fit. */
  wide: Map<number, [number, number, number]> | null;
}

/** The tokens of a corpus, packed; one store per analysis run. */
export class TokenStore {
  private readonly norms: string[] = [];
  private readonly normIds = new Map<string, number>();
  private readonly packed: (Packed | null)[] = [];
  /** Articles whose tokens are made when first read (addLater), by handle. */
  private readonly later = new Map<number, () => Token[]>();
  private readonly decoded = new Map<number, Token[]>();
  /** Norm number → a spelling of it other than the norm itself, the last one a token had (see textOf). */
  private readonly spellings: (string | undefined)[] = [];
  /** Articles kept decoded until release (see PINNED_TOKENS), and their tokens' count. */
  private readonly pinned = new Map<number, Token[]>();
  private pinnedCount = 0;

  /** `pinnedTokens`: how many tokens may stay decoded until release (PINNED_TOKENS when omitted). */
  constructor(private readonly pinnedTokens = PINNED_TOKENS) {}

  /** Packs one article's tokens and returns the handle `tokens` takes. */
  add(tokens: Token[]): number {
    this.packed.push(this.pack(tokens));
    return this.packed.length - 1;
  }

  /**
   * Returns the handle of an article whose tokens `make` gives when a step first reads them (then
   * packed as `add` packs them): an add reads the tokens of few of the articles it holds.
   */
  addLater(make: () => Token[]): number {
    this.packed.push(null);
    this.later.set(this.packed.length - 1, make);
    return this.packed.length - 1;
  }

  private pack(tokens: Token[]): Packed {
    const words = new Uint32Array(tokens.length);
    let wide: Packed['wide'] = null;
    let previousEnd = 0;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      let id = this.normIds.get(t.norm);
      if (id === undefined) {
        id = this.norms.length;
        this.norms.push(t.norm);
        this.normIds.set(t.norm, id);
      }
      const gap = t.start - previousEnd;
      const length = t.end - t.start;
      const flags = (t.isWord ? WORD : 0) | (t.isCap ? CAP : 0) | (t.isPossessive ? POSSESSIVE : 0) | (t.isSentenceStart ? SENTENCE_START : 0);
      if (gap >= 0 && gap < GAP_ESCAPE && length >= 0 && length < LENGTH_ESCAPE && id < NORM_ESCAPE) {
        words[i] = ((id << NORM_SHIFT) | (length << LENGTH_SHIFT) | (gap << GAP_SHIFT) | flags) >>> 0;
      } else {
        words[i] = ((NORM_ESCAPE << NORM_SHIFT) | (LENGTH_ESCAPE << LENGTH_SHIFT) | (GAP_ESCAPE << GAP_SHIFT) | flags) >>> 0;
        (wide ??= new Map()).set(i, [t.start, t.end, id]);
      }
      previousEnd = t.end;
    }
    return { words, wide };
  }

  /** The Token objects of article `handle` (`text` is its article text; `sentenceTokenStart` as tokenize gave it). */
  tokens(handle: number, text: string, sentenceTokenStart: number[]): Token[] {
    const kept = this.pinned.get(handle);
    if (kept) return kept;
    const hit = this.decoded.get(handle);
    if (hit) {
      // Most recently used last: Map keeps insertion order.
      this.decoded.delete(handle);
      this.decoded.set(handle, hit);
      return hit;
    }
    const p = this.packed[handle];
    if (!p) {
      const make = this.later.get(handle);
      if (!make) throw new Error(`TokenStore: no tokens for article handle ${handle} (released or never added)`);
      this.later.delete(handle);
      const made = make();
      this.packed[handle] = this.pack(made);
      return this.keep(handle, made);
    }
    const out: Token[] = new Array(p.words.length);
    let sentence = -1;
    let previousEnd = 0;
    for (let i = 0; i < p.words.length; i++) {
      while (sentence + 1 < sentenceTokenStart.length && sentenceTokenStart[sentence + 1] <= i) sentence++;
      const w = p.words[i];
      const gap = (w >>> GAP_SHIFT) & GAP_ESCAPE;
      const length = (w >>> LENGTH_SHIFT) & LENGTH_ESCAPE;
      let norm = w >>> NORM_SHIFT;
      let start: number;
      let end: number;
      if (gap === GAP_ESCAPE && length === LENGTH_ESCAPE && norm === NORM_ESCAPE) [start, end, norm] = p.wide!.get(i)!;
      else {
        start = previousEnd + gap;
        end = start + length;
      }
      previousEnd = end;
      out[i] = {
        start,
        end,
        text: this.textOf(text, start, end, norm),
        norm: this.norms[norm],
        isWord: (w & WORD) !== 0,
        isCap: (w & CAP) !== 0,
        isPossessive: (w & POSSESSIVE) !== 0,
        sentence,
        isSentenceStart: (w & SENTENCE_START) !== 0,
      };
    }
    return this.keep(handle, out);
  }

  /** Keeps an article's decoded tokens: pinned while they fit (PINNED_TOKENS), else among the recently read. */
  private keep(handle: number, out: Token[]): Token[] {
    if (this.pinnedCount + out.length <= this.pinnedTokens) {
      this.pinned.set(handle, out);
      this.pinnedCount += out.length;
      return out;
    }
    this.decoded.set(handle, out);
    if (this.decoded.size > DECODED_KEPT) this.decoded.delete(this.decoded.keys().next().value as number);
    return out;
  }

  /**
   * A token's text, `text.slice(start, end)`, as a string already made when one is equal to it: its
   * norm (most tokens are lower-case words, figures and punctuation), or the other spelling last
   * seen with that norm (the same word capitalised). Every step reads every article's tokens again,
   * and a new string per token, alive while its article is worked on, was most of the garbage the
   * collector moved.
   */
  private textOf(text: string, start: number, end: number, norm: number): string {
    const length = end - start;
    const n = this.norms[norm];
    if (n.length === length && text.startsWith(n, start)) return n;
    const other = this.spellings[norm];
    if (other !== undefined && other.length === length && text.startsWith(other, start)) return other;
    const made = text.slice(start, end);
    this.spellings[norm] = made;
    return made;
  }

  /** Drops every article's tokens (after the last step that reads them). */
  release(): void {
    this.packed.length = 0;
    this.later.clear();
    this.decoded.clear();
    this.pinned.clear();
    this.pinnedCount = 0;
    this.norms.length = 0;
    this.normIds.clear();
    this.spellings.length = 0;
  }
}
