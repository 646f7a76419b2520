/**
 * Compact storage for the tokens of every article of a corpus while the pipeline runs.
 *
 * A Token object with its two strings costs about 160 bytes; a corpus of 20,000 news articles has
 * about 13 million tokens, so holding them all as objects takes about 2 GB, and the steps that read
 * them (entities, descriptors, quotes, claims) need every article's tokens more than once. Here each
 * token is 13 bytes: start, end and an interned `norm` in one Int32Array, the four flags in one
 * byte. An article's Token objects are rebuilt when a step asks for them (no segmenting or
 * normalising again: `text` is the article text between start and end, `sentence` comes from the
 * sentence starts) and the last few articles' arrays are kept, so a step that works article by
 * article gets the same array, with the same objects, each time it asks.
 */
import type { Token } from './context';

const WORD = 1;
const CAP = 2;
const POSSESSIVE = 4;
const SENTENCE_START = 8;
/** Int32 fields per token in `ints`: start, end, norm id. */
const FIELDS = 3;
/**
 * Decoded articles kept at once. A step reads one article at a time (the acronym look-up reads a
 * handful in turn), so a few suffice; each costs about 100 KB while kept.
 */
export const DECODED_KEPT = 2;

interface Packed {
  ints: Int32Array;
  flags: Uint8Array;
}

/** The tokens of a corpus, packed; one store per analysis run. */
export class TokenStore {
  private readonly norms: string[] = [];
  private readonly normIds = new Map<string, number>();
  private readonly packed: Packed[] = [];
  private readonly decoded = new Map<number, Token[]>();

  /** Packs one article's tokens and returns the handle `tokens` takes. */
  add(tokens: Token[]): number {
    const ints = new Int32Array(tokens.length * FIELDS);
    const flags = new Uint8Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      let id = this.normIds.get(t.norm);
      if (id === undefined) {
        id = this.norms.length;
        this.norms.push(t.norm);
        this.normIds.set(t.norm, id);
      }
      ints[i * FIELDS] = t.start;
      ints[i * FIELDS + 1] = t.end;
      ints[i * FIELDS + 2] = id;
      flags[i] = (t.isWord ? WORD : 0) | (t.isCap ? CAP : 0) | (t.isPossessive ? POSSESSIVE : 0) | (t.isSentenceStart ? SENTENCE_START : 0);
    }
    this.packed.push({ ints, flags });
    return this.packed.length - 1;
  }

  /** The Token objects of article `handle` (`text` is its article text; `sentenceTokenStart` as tokenize gave it). */
  tokens(handle: number, text: string, sentenceTokenStart: number[]): Token[] {
    const hit = this.decoded.get(handle);
    if (hit) {
      // Most recently used last: Map keeps insertion order.
      this.decoded.delete(handle);
      this.decoded.set(handle, hit);
      return hit;
    }
    const p = this.packed[handle];
    if (!p) throw new Error(`TokenStore: no tokens for article handle ${handle} (released or never added)`);
    const out: Token[] = new Array(p.flags.length);
    let sentence = -1;
    for (let i = 0; i < p.flags.length; i++) {
      while (sentence + 1 < sentenceTokenStart.length && sentenceTokenStart[sentence + 1] <= i) sentence++;
      const start = p.ints[i * FIELDS];
      const end = p.ints[i * FIELDS + 1];
      const f = p.flags[i];
      out[i] = {
        start,
        end,
        text: text.slice(start, end),
        norm: this.norms[p.ints[i * FIELDS + 2]],
        isWord: (f & WORD) !== 0,
        isCap: (f & CAP) !== 0,
        isPossessive: (f & POSSESSIVE) !== 0,
        sentence,
        isSentenceStart: (f & SENTENCE_START) !== 0,
      };
    }
    this.decoded.set(handle, out);
    if (this.decoded.size > DECODED_KEPT) this.decoded.delete(this.decoded.keys().next().value as number);
    return out;
  }

  /** Drops every article's tokens (after the last step that reads them). */
  release(): void {
    this.packed.length = 0;
    this.decoded.clear();
    this.norms.length = 0;
    this.normIds.clear();
  }
}
