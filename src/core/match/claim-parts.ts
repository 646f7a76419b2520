/**
 * What the claim re-ranker reads of one corpus claim besides its keys (its word keys and their
 * vector rows, its rarest words, its actors, its years), derived from the claim's signature the
 * first time the claim is a candidate rather than for every claim when the matcher is built.
 * Measured on a cold matching side at 5,000 generated articles (83,646 claims,
 * scripts/measure-matching-side.ts): deriving them all up front made 418,000 small typed arrays and
 * took ~570 ms of CPU of the matcher's build, on every start of the matching side; a page sentence
 * re-ranks at most a handful of claims, so almost all of that was never read.
 */
import type { ClaimSignature } from './data';
import { FigureClass } from '../lang/figures';

/** Marks a claim whose parts are not derived yet. */
const NOT_YET = undefined;

/** Per-claim parts of the re-ranker, derived on first use (the same values as deriving them all at once). */
export class ClaimParts {
  private readonly wordsOf: (Int32Array | undefined)[];
  private readonly rowsOf: (Int32Array | undefined)[];
  private readonly rareOf: (Int32Array | undefined)[];
  private readonly actorsOf: (Int32Array | undefined)[];
  private readonly yearsOf: (Float64Array | undefined)[];

  /**
   * `isWordKey`: whether a key is a word (not an entity, place or figure); `keyRow`: a key's vector
   * row (-1 none); `keyActor`: the entity a key names (-1 none); `idf`: the keys' IDFs (rarest
   * first); `articleYears`: per article its year (0 unknown); `rareWords`: how many rarest words.
   */
  constructor(
    private readonly claims: readonly ClaimSignature[],
    private readonly isWordKey: Uint8Array,
    private readonly keyRow: Int32Array,
    private readonly keyActor: Int32Array,
    private readonly idf: Float64Array,
    private readonly articleYears: readonly number[] | undefined,
    private readonly rareWords: number,
  ) {
    const n = claims.length;
    this.wordsOf = new Array(n).fill(NOT_YET);
    this.rowsOf = new Array(n).fill(NOT_YET);
    this.rareOf = new Array(n).fill(NOT_YET);
    this.actorsOf = new Array(n).fill(NOT_YET);
    this.yearsOf = new Array(n).fill(NOT_YET);
  }

  /** The claim's word key ids, in signature order. */
  words(c: number): Int32Array {
    return (this.wordsOf[c] ??= Int32Array.from(this.claims[c][3].filter((k) => this.isWordKey[k] === 1)));
  }

  /** The vector row of each of words(c) (-1 none). */
  rows(c: number): Int32Array {
    return (this.rowsOf[c] ??= Int32Array.from(this.words(c), (k) => this.keyRow[k]));
  }

  /** The claim's rarest word keys (highest IDF first, ties by lower id). */
  rare(c: number): Int32Array {
    const idf = this.idf;
    return (this.rareOf[c] ??= Int32Array.from([...this.words(c)].sort((x, y) => idf[y] - idf[x] || x - y).slice(0, this.rareWords)));
  }

  /** The entities the claim names. */
  actors(c: number): Int32Array {
    return (this.actorsOf[c] ??= Int32Array.from(this.claims[c][3].map((k) => this.keyActor[k]).filter((e) => e >= 0)));
  }

  /** The claim's years: those it states, else its article's (when the article's date is known). */
  years(c: number): Float64Array {
    let years = this.yearsOf[c];
    if (years === NOT_YET) {
      const sig = this.claims[c];
      const stated = sig[4].filter((f) => f[2] === FigureClass.year).map((f) => f[0]);
      const dated = this.articleYears?.[sig[0]] ?? 0;
      years = this.yearsOf[c] = Float64Array.from(stated.length || !dated ? stated : [dated]);
    }
    return years;
  }
}
