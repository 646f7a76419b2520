/**
 * Build time: compiles a CorpusIndex into compact MatcherData (deterministic: same index, same JSON).
 *
 * The compile streams: MatcherCompiler takes the index's records one at a time, in the order a
 * corpus file gives them, keeps only what the matcher data is made from (numbers, and texts packed
 * by a TextPacker in blocks), and lets each record go. What cannot be done as a record passes
 * (the name automaton needs every claim's places, the claims need the automaton and every group)
 * is done in `finish`, which lets the kept texts go as it uses them: article texts once quotes and
 * place pairs are read, claim texts a block at a time. A 20,000-article corpus's compile held a copy
 * of its input (~380 MB) beside its output (~345 MB) and did not fit its 800 MB heap.
 *
 * An add compiles the whole corpus again (words, keys, entities and groups are numbered corpus-wide),
 * but a claim whose text readers' inputs did not change takes their output from the compile before
 * (PreviousClaims: the store keeps each claim's input key beside its matcher). Node CPU, the compile
 * of 10 generated articles added to 5,000 (132,996 claims, 132,742 of them taken), separate
 * processes alternated at load 10-17: 11.4-12.7 s before, 5.9-6.5 s reusing (0.5 s of it reading
 * the claims back from their stored parts).
 *
 * Such a claim takes its scan too (PreviousScan; sixteenth session): its words (WORD tokens), name
 * hits and word and figure keys, kept beside the input keys (ClaimScan), so it is neither tokenized
 * nor scanned nor read by sentenceFeatures, when no name pattern the add changed can hit it: the
 * patterns of both compiles are told apart by what they are (words, type, flags, entity id or place
 * name; read off each compile's automaton), and a claim holding the first word of one in either
 * compile and not the other is read again (18 first words, 58 of ~14,500 patterns, in the add below;
 * 116,322 of the 132,742 claims taken took their scan). The same data (digest, and the tests).
 * Node CPU of the add's compile alone (the stored generation's PreviousClaims read back, then
 * compileMatcherReusing; separate processes, old and new alternated, 4 pairs at load 1.5-4):
 * 6.0-7.2 s before, 5.2-6.2 s after, of which reading back 0.31-0.38 → 0.36-0.43 s (the names,
 * keys and the claims' key numbers are read too; held, 23.8 → 27.7 MB of heap). A
 * compile from scratch keeps each claim's words: 10.0-11.6 s before, 11.3-12.0 after (3 pairs, noisy).
 * Stored: 7.7 MB more per generation at 5,000 generated articles (2.9 M word numbers, 16-bit while
 * the word table has fewer than 65,536 words; 12,767 here), on ~40 MB of matcher rows. In Chromium
 * (add-profile.ts, builds marking finishParts, load 8-10): its claim loop 4.0-4.1 s CPU before,
 * 3.5-4.7 after, too noisy to tell apart at that load. Tried and not kept: the hits and keys without
 * the words (every claim still tokenized): no gain that 5 in-process pairs could tell from noise.
 *
 * Where finishParts' time goes in that add (fifteenth session; the add's index and the held
 * generation's parts made once and kept in files, then the compile alone in a process of its own,
 * PreviousClaims as the store reads them, load 10-12): 4.9-6.7 s CPU a compile. Marks around each
 * step, one run, wall at load 9 (9.3 s in all): the names 0.3, the quotes' words 0.9, the place
 * containment (every article tokenized and scanned) 1.5; then per claim, all 133,000 of them, taken
 * or not: tokenize 0.9, name scan 0.8, sentenceFeatures 1.5 (its figure parsing about two thirds,
 * from a CPU profile), the surface-word counts for keyWords and the entity and place merge 1.2, the
 * readers' output taken or read 0.6, the text read, input key and key numbering 1.2. So the claims
 * the readers' reuse already takes still cost most of the compile: their keys need the name hits,
 * and the hits need the tokens. Why nothing of it is kept from the compile before: the add's index
 * orders articles by id, so its articles interleave (10 generated ones added to 5,000: 0 of 5,000
 * articles, 2,233 of 4,251 entities and 0 of 122,508 claim groups keep their number), keys are
 * numbered in sorted order with corpus-wide weights, and words by first appearance. What a compile
 * proportional to an add needs, in order: (1) numbers an add does not move (articles, entities,
 * groups, places, keys and words appended in the order of the generation before, weights made on
 * load from stored counts); (2) claim and quote parts cut by content (by article), so an unchanged
 * part is the row before; (3) a part taken whole only when no name pattern the add changed can hit
 * its texts (per part, the words its texts hold, or the kept tokens handed to the compile), and the
 * key words' surface counts kept per key so a part's share can be taken out and put back (their
 * tie-break is "first in order", which (1) makes stable). Tried and not kept (f2a346b): key
 * numbering without featureKeys' per-claim lists and set, and one tail text for kept claims with no
 * figures or places: the same data, compile CPU in 4 alternated pairs at load 11 5.1-6.7 s before,
 * 5.7-6.6 after.
 */
import { urlKeyOrEmpty } from '../index/url-key';
import type { CorpusIndex } from '../index/types';
import { MATCHER_DATA_VERSION, PatternType, type ClaimSignature, type ClaimTraits, type FigureSignature, type MatcherData, type QuoteSignature } from './data';
import { FigureClass, QUALIFIERS } from '../lang/figures';
import { Certainty, readCertainties } from '../lang/certainty';
import { readNegationOf } from '../lang/negation';
import { readQuantityScope } from '../lang/quantity-scope';
import { readRepeatMarker } from '../lang/event-time';
import { readDecade, readVagueTime } from '../lang/vague-time';
import { durationUnit } from '../lang/durations';
import { MIN_FRAGMENT_CONTENT_WORDS, quotedWords } from '../lang/quoted-words';
import { dayOf, findDateSpans } from '../lang/date-spans';
import { greaterPairs, placePairsInText, type PlaceHit } from '../lang/places';
import { derivedCounts, shareGroupSpan } from './relate';
import { findQuotedSpans } from './quotes';
import { featureKeys, figureUnits, sentenceFeatures, type SentenceFeatures } from './claims';
import { NameHits, NameScanner, Vocabulary, compileNames } from './names';
import { Tokens, WORD, tokenStrings, tokenize } from './tokens';
import { HASH_SEED, hashStep } from './symbols';
import { classifyingTable } from './classify';
import { entityKey, placeKey, wordKey } from './keys';
import { wordClass } from './rerank-words';
import { GenderVotes, UNKNOWN_GENDER, openingPronoun, titleGender } from './person-gender';

/** Shortest participle that opens a clause ("being", "speaking"): shorter "-ing" words are nouns or "king". */
const MIN_PARTICIPLE = 5;

/** Whether a claim's first word is a participle ("Speaking at the launch …"). */
function opensWithParticiple(tokens: Tokens): boolean {
  for (let i = 0; i < tokens.count; i++) {
    if (!(tokens.flags[i] & WORD)) continue;
    const w = tokens.norm[i].toLowerCase();
    return w.length >= MIN_PARTICIPLE && w.endsWith('ing');
  }
  return false;
}

/** What a claim quotes: its words and the quotation as written, from the first to the last quoted token; [] when nothing. */
function quotation(text: string, tokens: Tokens, quoted: readonly number[], nQuoted: number, isQuoted: (i: number) => boolean): [string, string] | [] {
  const words = quotedWords(tokens, 0, tokens.count, isQuoted);
  if (words.length === 0 || nQuoted === 0) return [];
  const first = quoted[0];
  const last = Math.min(tokens.count, quoted[nQuoted * 2 - 1]) - 1;
  return last >= first ? [words.join(' '), text.slice(tokens.start[first], tokens.end[last])] : [];
}

/**
 * quotation, with the quoted fragments shorter than a quote detection's spans ("a 'blue wave'") too:
 * a page sentence quoting the same fragment cites the claim's source (claims.ts citesQuotation).
 */
function quotationWithFragments(text: string, tokens: Tokens, quoted: readonly number[], nQuoted: number, isQuoted: (i: number) => boolean): [string, string] | [] {
  if (tokens.quoteMarks === 0) return [];
  const spans: number[] = [];
  const n = findQuotedSpans(tokens, spans, MIN_FRAGMENT_CONTENT_WORDS);
  if (n === nQuoted) return quotation(text, tokens, quoted, nQuoted, isQuoted);
  const inSpan = (t: number) => {
    for (let k = 0; k < n; k++) if (t >= spans[k * 2] && t < spans[k * 2 + 1]) return true;
    return false;
  };
  return quotation(text, tokens, spans, n, inSpan);
}

/** The record sections of an index, in the order MatcherCompiler takes them (a corpus file's order). */
const SECTIONS = ['articles', 'entities', 'ambiguous', 'quotes', 'quoteGroups', 'claims', 'claimGroups'] as const;

/** A section of an index MatcherCompiler takes. */
export type CompileSection = (typeof SECTIONS)[number];

/**
 * Texts (claim and quote texts, and the claims' compiled JSON) per packed block: one byte array per
 * block rather than per text (a Uint8Array of its own costs ~100 bytes beside a ~150-byte sentence;
 * 530,000 claims at 20,000 articles), and small enough that a block (~0.6 MB) is nothing beside the rest.
 */
export const TEXTS_PER_BLOCK = 4096;

/**
 * Holds texts compactly while the compile keeps them (the store packs them as UTF-8 bytes: core has
 * no text encoder of its own). `pack` may give the text back as it is.
 */
export interface TextPacker {
  pack(text: string): string | Uint8Array;
  unpack(packed: Uint8Array): string;
}

/** Keeps texts as given. */
const AS_GIVEN: TextPacker = { pack: (text) => text, unpack: () => '' };

/**
 * Texts in order, packed TEXTS_PER_BLOCK at a time (each text packed alone, the block's bytes one
 * array); read back in order, each block let go once passed. Each text comes back as a string of its
 * own: a slice of one string per block would keep the whole block alive through every short string
 * the compile cuts out of it and keeps.
 */
class TextBlocks {
  /** Per block: its texts as the packer left them (when every one came back a string), or their bytes end to end. */
  private readonly blocks: ({ strings: string[] } | { bytes: Uint8Array; ends: Int32Array; strings: Map<number, string> } | null)[] = [];
  private pending: string[] = [];
  private readBlock = -1;
  count = 0;

  constructor(
    private readonly texts: TextPacker,
    private readonly perBlock: number,
  ) {}

  /** Adds the next text. */
  push(text: string): void {
    this.pending.push(text);
    this.count++;
    if (this.pending.length === this.perBlock) this.seal();
  }

  /** Packs the texts pushed since the last block. */
  seal(): void {
    if (!this.pending.length) return;
    const packed = this.pending.map((t) => this.texts.pack(t));
    this.pending = [];
    if (packed.every((p) => typeof p === 'string')) {
      this.blocks.push({ strings: packed as string[] });
      return;
    }
    const ends = new Int32Array(packed.length);
    const strings = new Map<number, string>();
    let at = 0;
    packed.forEach((p, k) => {
      if (typeof p === 'string') strings.set(k, p);
      else at += p.length;
      ends[k] = at;
    });
    const bytes = new Uint8Array(at);
    packed.forEach((p, k) => {
      if (typeof p !== 'string') bytes.set(p, ends[k] - p.length);
    });
    this.blocks.push({ bytes, ends, strings });
  }

  /** Text `i`; reading text `i` lets go of every block before its own (read in order). */
  at(i: number): string {
    const b = Math.floor(i / this.perBlock);
    if (b !== this.readBlock) {
      for (let k = Math.max(0, this.readBlock); k < b; k++) this.blocks[k] = null;
      this.readBlock = b;
    }
    const block = this.blocks[b];
    if (!block) throw new Error(`compile: text ${i} read out of order`);
    const k = i - b * this.perBlock;
    if ('bytes' in block) return block.strings.get(k) ?? this.texts.unpack(block.bytes.subarray(k === 0 ? 0 : block.ends[k - 1], block.ends[k]));
    return block.strings[k];
  }

  /** Lets go of every block. */
  clear(): void {
    this.blocks.fill(null);
  }
}

/** A list of integers in one growing Int32Array (a JavaScript array of numbers takes twice the bytes). */
class IntList {
  private data = new Int32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  get(i: number): number {
    return this.data[i];
  }

  /** Value `i`, 0 past the end (a list used as a counter by index). */
  at(i: number): number {
    return i < this.length ? this.data[i] : 0;
  }

  /** Sets value `i`, growing the list (with zeros) to hold it. */
  set(i: number, value: number): void {
    while (this.length <= i) this.push(0);
    this.data[i] = value;
  }
}

/** Variable-length lists of integers, one after another: list `i` is values[starts[i]] up to values[starts[i + 1]]. */
class IntLists {
  readonly values = new IntList();
  private readonly starts = new IntList();
  private count = 0;

  /** Starts the next list (its values are pushed to `values` after). */
  next(): void {
    this.starts.push(this.values.length);
    this.count++;
  }

  /** How many lists. */
  get size(): number {
    return this.count;
  }

  /** Where list `i` starts in `values`. */
  from(i: number): number {
    return this.starts.get(i);
  }

  /** Where list `i` ends in `values` (exclusive). */
  to(i: number): number {
    return i + 1 < this.count ? this.starts.get(i + 1) : this.values.length;
  }

  /** The lists as PackedLists (their values 16-bit when every one fits). */
  packed(): PackedLists {
    const starts = new Int32Array(this.count + 1);
    for (let i = 0; i < this.count; i++) starts[i] = this.starts.get(i);
    starts[this.count] = this.values.length;
    let fits = true;
    for (let k = 0; k < this.values.length && fits; k++) fits = this.values.get(k) >= 0 && this.values.get(k) <= 0xffff;
    const values = fits ? new Uint16Array(this.values.length) : new Int32Array(this.values.length);
    for (let k = 0; k < values.length; k++) values[k] = this.values.get(k);
    return { starts, values };
  }

  /** The values of list `i` (as a new array). */
  list(i: number): number[] {
    const end = this.to(i);
    const out: number[] = [];
    for (let k = this.from(i); k < end; k++) out.push(this.values.get(k));
    return out;
  }
}

/**
 * Compiled matcher data whose per-claim lists are read a range at a time: `data` holds every field
 * but `claims` and `claimTraits` (empty there; `claimFlags` is whole), which `claims` and
 * `claimTraits` give for claims `from` up to `to`. Each of the two is read in order, each range
 * once: what it has read is let go (a 20,000-article corpus's claims, as objects, are most of its
 * matcher data's heap; stored or written a part at a time they never all exist).
 */
export interface CompiledMatcher {
  data: MatcherData;
  claimCount: number;
  /** Per claim, the key of what its text readers read (claimInputKey): a later compile's PreviousClaims.inputs. */
  claimInputs: Float64Array;
  /** Per claim, its name hits and words (ClaimScan): a later compile's PreviousScan. */
  claimScan: ClaimScan;
  claims(from: number, to: number): ClaimSignature[];
  /** claims as each signature's JSON text (JSON.stringify's), read in their stead (the same blocks): a writer of JSON need not make and stringify them. */
  claimTexts(from: number, to: number): string[];
  claimTraits(from: number, to: number): ClaimTraits[];
  /** claimTraits as the JSON text of each tuple (JSON.stringify's), read in their stead (the same blocks): a writer of JSON need not parse and stringify them again. */
  claimTraitTexts(from: number, to: number): string[];
}

/**
 * What a claim's text readers made of it in an earlier compile (its flags, traits as JSON text and
 * figure signatures), found by the key of the inputs they read (claimInputKey): a compile given the
 * claims of the last one takes these instead of reading a claim whose inputs did not change. The
 * readers were about half of a compile (Node CPU, 10 added to 5,000 generated articles).
 */
export interface PreviousClaims {
  /** Per claim of the earlier compile, in its order: the key of its inputs (CompiledMatcher.claimInputs). */
  inputs: Float64Array;
  /** Claim `i`'s flags, traits (JSON text, as MatcherData's claimTraits[i] stringified) and figure signatures. */
  claim(i: number): { flags: number; traits: string; figures: FigureSignature[] };
  /** What the earlier compile's name scan and key reading made of its claims, when kept (PreviousScan). */
  scan?: PreviousScan;
}

/** Lists of integers end to end: list `i` is values[starts[i]] up to values[starts[i + 1]] (`starts` has one more entry than lists). */
export interface PackedLists {
  starts: Int32Array;
  /** 16-bit where every value fits (a store keeps half the bytes). */
  values: Int32Array | Uint16Array;
}

/** What a compile's name scan and tokenizer made of each claim, kept for the next compile (PreviousScan). */
export interface ClaimScan {
  /**
   * Per claim, the names the scan found in its text as sentenceFeatures lists them: an entity as
   * its number, a place p as -(p + 1), in the order found (entities and places each keep theirs).
   */
  hits: PackedLists;
  /** Per claim, its words (the tokens flagged WORD) in order, as numbers in `wordTable`. */
  words: PackedLists;
  /** The words of `words`, each once. */
  wordTable: string[];
}

/**
 * The name scan and key reading of the compile before, for claims whose inputs did not change and
 * whose text no name pattern the add changed can hit (a pattern another, or a pattern gone: every
 * word of a pattern is in a text it hits, its first one checked): such a claim's hits are the ones
 * found before, its word and figure keys too (they read only its tokens, the hits and its figures),
 * so neither the scan nor sentenceFeatures runs. Its entity and place numbers are mapped by id and
 * by place name.
 */
export interface PreviousScan extends ClaimScan {
  /** The earlier compile's names: what its patterns were made of (words, automaton, patterns, entities, places). */
  names: Pick<MatcherData, 'words' | 'automaton' | 'patterns' | 'entities' | 'places'>;
  /** The earlier compile's keys. */
  keys: readonly string[];
  /** Claim `i`'s key numbers (in `keys`). */
  claimKeys(i: number): ArrayLike<number>;
}

/**
 * Claims read although they could be taken from the compile before, their output checked against
 * what was kept: the last compile may be of readers that read otherwise (an update that changed one
 * keeps MATCHER_DATA_VERSION when stored corpora may keep their old reading), and then nothing more
 * is taken. A change that reads 1 claim in 200 otherwise is caught with odds of 1 - (199/200)^512,
 * about 92%; 512 claims are about 30 ms of reading at 5,000 generated articles (Node).
 */
export const REUSE_CHECKS = 512;

/**
 * A 53-bit key of what a claim's text readers read: its article's date, its text and, when it follows
 * a claim of the same sentence, that sentence's first claim's text (whose certainty a clause opening
 * with a participle takes). Two 32-bit FNV-1a hashes of different offsets over the UTF-16 units: two
 * different inputs share a key with odds of about 2^-53 (a changed claim is looked up against one
 * corpus's keys, ~10^5 of them at 5,000 articles: ~10^-11 per changed claim).
 */
export function claimInputKey(date: string, text: string, leadText: string): number {
  let h1 = HASH_SEED;
  let h2 = 0x01000193;
  const mix = (s: string): void => {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      h1 = hashStep(h1, c);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
    // A separator no text holds as its length's own unit: "ab" + "c" and "a" + "bc" differ.
    h1 = hashStep(h1, s.length + 0x10000);
    h2 = Math.imul(h2 ^ (s.length + 0x10000), 0x5bd1e995);
  };
  mix(date);
  mix(text);
  mix(leadText);
  return (h1 >>> 0) * 0x200000 + (h2 >>> 11);
}

/** What the compile keeps of an entity until the names are compiled. */
type KeptEntity = Pick<CorpusIndex['entities'][number], 'id' | 'kind' | 'name' | 'aliases'>;

/** Compiles the compact matcher data from a full index. */
export function compileMatcher(index: CorpusIndex): MatcherData {
  return compileMatcherReusing(index).data;
}

/**
 * compileMatcher, taking what the text readers made of the claims whose inputs did not change from
 * the compile before (`previous`; the data is the same as without; the first `reuseChecks` are read
 * and checked, REUSE_CHECKS), and giving the keys of this compile's claims' inputs for the next.
 */
export function compileMatcherReusing(index: CorpusIndex, previous?: PreviousClaims, reuseChecks = REUSE_CHECKS): { data: MatcherData; claimInputs: Float64Array; claimScan: ClaimScan } {
  const compiler = new MatcherCompiler(AS_GIVEN, TEXTS_PER_BLOCK, previous, reuseChecks);
  for (const section of SECTIONS) for (const record of index[section]) compiler.add(section, record);
  const parts = compiler.finishParts();
  return { data: wholeData(parts), claimInputs: parts.claimInputs, claimScan: parts.claimScan };
}

/** The matcher data of compiled parts with every claim read in. */
function wholeData(parts: CompiledMatcher): MatcherData {
  const { data, claimCount } = parts;
  // Assigned in place: the fields keep their order in the object (and so in its JSON).
  data.claims = parts.claims(0, claimCount);
  data.claimTraits = parts.claimTraits(0, claimCount);
  return data;
}

/**
 * The claims of compiled matcher data as a later compile's PreviousClaims (`inputs`: that compile's
 * claimInputs; `claimScan`, when given, its claimScan: the scan is taken too).
 */
export function previousClaimsOf(data: MatcherData, inputs: Float64Array, claimScan?: ClaimScan): PreviousClaims {
  if (inputs.length !== data.claims.length || data.claimTraits?.length !== data.claims.length) throw new Error(`compile: ${inputs.length} claim inputs for ${data.claims.length} claims`);
  const traits = data.claimTraits;
  const scan: PreviousScan | undefined = claimScan && { ...claimScan, names: data, keys: data.keys, claimKeys: (i) => data.claims[i][3] };
  return { inputs, claim: (i) => ({ flags: data.claimFlags[i], traits: JSON.stringify(traits[i]), figures: data.claims[i][4] }), scan };
}

/** `keys` (word and figure keys) with the keys of the entities and places of `names`, each once (featureKeys' keys, in another order). */
function withNameKeys(keys: readonly string[], names: { entities: readonly number[]; places: readonly number[] }): string[] {
  const out = keys.slice();
  const { entities, places } = names;
  // `keys` hold no entity or place key; a name the scan found twice is keyed once.
  for (let k = 0; k < entities.length; k++) if (entities.indexOf(entities[k]) === k) out.push(entityKey(entities[k]));
  for (let k = 0; k < places.length; k++) if (places.indexOf(places[k]) === k) out.push(placeKey(places[k]));
  return out;
}

/** Whether two lists of keys hold the same keys. */
function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((k) => set.has(k));
}

/** Whether two lists of numbers are equal. */
function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, k) => v === b[k]);
}

/** Per pattern of compiled names, what makes it the pattern it is (its words, type, flags and what it names, by id or place name), and its first word. */
function patternIdentities(names: PreviousScan['names']): Map<string, string> {
  const { edges, out } = names.automaton;
  const nodeWords: string[][] = [[]];
  const identities = new Map<string, string>();
  // Nodes are in breadth-first order: a node's parent comes before it.
  for (let k = 1; k < out.length; k++) {
    nodeWords[k] = [...nodeWords[edges[(k - 1) * 2]], names.words[edges[(k - 1) * 2 + 1]]];
    const p = out[k];
    if (p < 0) continue;
    const [type, target, , flags] = names.patterns.slice(p * 4, p * 4 + 4);
    const named = type === PatternType.entity ? names.entities[target] : type === PatternType.place ? names.places[target] : '';
    identities.set(`${type}\u0000${flags}\u0000${named}\u0000${nodeWords[k].join(' ')}`, nodeWords[k][0]);
  }
  return identities;
}

/**
 * What a compile with names `now` takes of PreviousScan: the first words of the patterns one
 * compile has and the other has not, and the earlier entity and place numbers as this compile's
 * (-1 where gone). Null when a changed pattern opens with a token that is not a word (a claim's
 * kept words are its WORD tokens only: they could not tell whether it holds that token).
 */
function scanReuse(scan: PreviousScan, now: PreviousScan['names']): { changedFirstWords: Set<string>; entityOf: Int32Array; placeOf: Int32Array } | null {
  const before = patternIdentities(scan.names);
  const after = patternIdentities(now);
  const changedFirstWords = new Set<string>();
  for (const [identity, first] of before) if (!after.has(identity)) changedFirstWords.add(first);
  for (const [identity, first] of after) if (!before.has(identity)) changedFirstWords.add(first);
  const t = new Tokens();
  for (const word of changedFirstWords) {
    tokenize(word, t);
    if (t.count !== 1 || !(t.flags[0] & WORD) || t.norm[0] !== word) return null;
  }
  const entityIdx = new Map(now.entities.map((id, i) => [id, i]));
  const placeIdx = new Map(now.places.map((p, i) => [p, i]));
  return {
    changedFirstWords,
    entityOf: Int32Array.from(scan.names.entities, (id) => entityIdx.get(id) ?? -1),
    placeOf: Int32Array.from(scan.names.places, (p) => placeIdx.get(p) ?? -1),
  };
}

/**
 * The compile, fed one record at a time in index order (sections in the order of SECTIONS, as a
 * corpus file gives them), then finished once: the same MatcherData compileMatcher gives for the
 * whole index. `texts` packs the texts it keeps until `finish` (as given when omitted).
 */
export class MatcherCompiler {
  private section = 0;
  private finished = false;
  private readonly articleIdx = new Map<string, number>();
  private readonly articleIds: string[] = [];
  private readonly articleUrls: string[] = [];
  private readonly articleDates: string[] = [];
  private readonly articleYears: number[] = [];
  private articleTexts: (string | Uint8Array)[] = [];
  /** Per article, its sentences as (start, end) pairs. */
  private articleBounds: Int32Array[] = [];
  private readonly entityIdx = new Map<string, number>();
  private readonly entities: KeptEntity[] = [];
  private readonly entityKinds: string[] = [];
  private readonly entityRefs: number[][] = [];
  private readonly descriptorWords = new Map<string, number>();
  private readonly entityDescriptors: number[][] = [];
  /** Per article: the sentences followed by one that opens with "he" or "she", and which (person-gender). */
  private readonly pronounAfter: Map<number, 'm' | 'f'>[] = [];
  /** Per entity: its gender letter as the corpus shows it (person-gender). */
  private readonly entityGenders: string[] = [];
  private readonly descriptorTokens = new Tokens();
  private readonly ambiguous: CorpusIndex['ambiguous'] = [];
  /** Per quote: its article (-1 when unknown), first sentence (-1 when none), group id, spans (start, end pairs) and whether it speaks of the future. */
  private readonly quoteArticle = new IntList();
  private readonly quoteSentence = new IntList();
  private readonly quoteGroupOf: string[] = [];
  private readonly quoteSpans = new IntLists();
  private readonly quoteFuture: boolean[] = [];
  private readonly quoteTexts: TextBlocks;
  private readonly quoteGroupIds: string[] = [];
  /** Every place a claim names, each distinct string once, in order of first appearance. */
  private readonly placeRefs = new Map<string, number>();
  private readonly placeList: string[] = [];
  /** Per claim: its article (-1 when unknown), sentence, group (numbered in order of first appearance), entities (indices), places (placeRefs). */
  private readonly claimArticle = new IntList();
  private readonly claimSentence = new IntList();
  private readonly claimGroup = new IntList();
  private readonly groupRefs = new Map<string, number>();
  private readonly claimEntities = new IntLists();
  private readonly claimPlaces = new IntLists();
  private readonly claimTexts: TextBlocks;
  private readonly claimGroupIds: string[] = [];

  constructor(
    private readonly texts: TextPacker = AS_GIVEN,
    private readonly perBlock: number = TEXTS_PER_BLOCK,
    private previous?: PreviousClaims,
    private readonly reuseChecks = REUSE_CHECKS,
  ) {
    this.quoteTexts = new TextBlocks(texts, perBlock);
    this.claimTexts = new TextBlocks(texts, perBlock);
  }

  /** Takes the text readers' output of unchanged claims from `previous` (any time before finishing; the data is the same as without). */
  reuseClaims(previous: PreviousClaims): void {
    if (this.finished) throw new Error('compile: claims to reuse given after finish');
    this.previous = previous;
  }

  /** Takes one record of `section` (records in index order, sections in the order of SECTIONS). */
  add<K extends CompileSection>(section: K, record: CorpusIndex[K][number]): void {
    const order = SECTIONS.indexOf(section);
    if (this.finished) throw new Error('compile: record added after finish');
    if (order < this.section) throw new Error(`compile: a record of ${section} after ${SECTIONS[this.section]}`);
    this.section = order;
    switch (section) {
      case 'articles':
        return this.addArticle(record as CorpusIndex['articles'][number]);
      case 'entities':
        return this.addEntity(record as CorpusIndex['entities'][number]);
      case 'ambiguous':
        this.ambiguous.push(record as CorpusIndex['ambiguous'][number]);
        return;
      case 'quotes':
        return this.addQuote(record as CorpusIndex['quotes'][number]);
      case 'quoteGroups':
        this.quoteGroupIds.push((record as CorpusIndex['quoteGroups'][number]).id);
        return;
      case 'claims':
        return this.addClaim(record as CorpusIndex['claims'][number]);
      default:
        this.claimGroupIds.push((record as CorpusIndex['claimGroups'][number]).id);
    }
  }

  private addArticle(a: CorpusIndex['articles'][number]): void {
    this.articleIdx.set(a.id, this.articleIds.length);
    this.articleIds.push(a.id);
    this.articleUrls.push(urlKeyOrEmpty(a.url));
    this.articleDates.push(a.date);
    this.articleYears.push(/^\d{4}-/.test(a.date) ? Number(a.date.slice(0, 4)) : 0);
    this.articleTexts.push(this.texts.pack(a.text));
    const bounds = new Int32Array(a.sentences.length * 2);
    a.sentences.forEach((sp, k) => {
      bounds[k * 2] = sp.start;
      bounds[k * 2 + 1] = sp.end;
    });
    this.articleBounds.push(bounds);
    const after = new Map<number, 'm' | 'f'>();
    for (let k = 1; k < a.sentences.length; k++) {
      const g = openingPronoun(a.text.slice(a.sentences[k].start, a.sentences[k].end));
      if (g) after.set(k - 1, g);
    }
    this.pronounAfter.push(after);
  }

  private addEntity(e: CorpusIndex['entities'][number]): void {
    this.entityIdx.set(e.id, this.entities.length);
    this.entities.push({ id: e.id, kind: e.kind, name: e.name, aliases: e.aliases });
    this.entityKinds.push(e.kind === 'person' ? 'p' : 'o');
    const refs: number[] = [];
    for (const c of e.coverage) {
      const a = this.articleIdx.get(c.article);
      if (a === undefined) continue;
      // The sentence that best introduces the entity: where an outlet describes it, else its first mention.
      const sentence = c.descriptors[0]?.sentence ?? c.mentions[0]?.sentence;
      if (sentence === undefined) continue;
      refs.push(a, sentence);
    }
    this.entityRefs.push(refs);
    this.entityDescriptors.push(descriptorIds(e, this.descriptorWords, this.descriptorTokens));
    this.entityGenders.push(e.kind === 'person' ? this.genderOf(e) : UNKNOWN_GENDER);
  }

  /** A person's gender letter from the titles its mentions carry and the pronouns after them (person-gender). */
  private genderOf(e: CorpusIndex['entities'][number]): string {
    const votes = new GenderVotes();
    for (const c of e.coverage) {
      const after = this.pronounAfter[this.articleIdx.get(c.article) ?? -1];
      for (const m of c.mentions) {
        votes.add(titleGender(m.surface));
        votes.add(after?.get(m.sentence) ?? null);
      }
    }
    return votes.letter();
  }

  private addQuote(q: CorpusIndex['quotes'][number]): void {
    this.quoteArticle.push(this.articleIdx.get(q.article) ?? -1);
    this.quoteSentence.push(q.sentences[0] ?? -1);
    this.quoteGroupOf.push(q.group);
    this.quoteSpans.next();
    for (const sp of q.spans) {
      this.quoteSpans.values.push(sp.start);
      this.quoteSpans.values.push(sp.end);
    }
    this.quoteFuture.push(q.tense === 'future');
    this.quoteTexts.push(q.text);
  }

  private addClaim(c: CorpusIndex['claims'][number]): void {
    this.claimArticle.push(this.articleIdx.get(c.article) ?? -1);
    this.claimSentence.push(c.sentence);
    let g = this.groupRefs.get(c.group);
    if (g === undefined) this.groupRefs.set(c.group, (g = this.groupRefs.size));
    this.claimGroup.push(g);
    this.claimEntities.next();
    for (const id of c.entities) {
      const e = this.entityIdx.get(id);
      if (e !== undefined) this.claimEntities.values.push(e);
    }
    this.claimPlaces.next();
    for (const p of c.places) {
      let ref = this.placeRefs.get(p);
      if (ref === undefined) {
        this.placeRefs.set(p, (ref = this.placeList.length));
        this.placeList.push(p);
      }
      this.claimPlaces.values.push(ref);
    }
    this.claimTexts.push(c.text);
  }


  /** The matcher data of every record added; the compiler is spent after. */
  finish(): MatcherData {
    return wholeData(this.finishParts());
  }

  /**
   * The matcher data of every record added, the per-claim signatures and traits to be read a range
   * at a time (see CompiledMatcher); the compiler is spent after (its kept texts let go as they are used).
   */
  finishParts(): CompiledMatcher {
    if (this.finished) throw new Error('compile: finished twice');
    this.finished = true;
    this.quoteTexts.seal();
    this.claimTexts.seal();
    const words = new Vocabulary();
    // compileNames reads the entities' names, the ambiguous aliases and the claims' places (each distinct place string once, in order: the same places, in the same order).
    const names = compileNames({ entities: this.entities, ambiguous: this.ambiguous, claims: [{ places: this.placeList }] } as unknown as CorpusIndex, words);

    // Quotes before claims' keys so quote words share the vocabulary with names.
    const quoteGroupIdx = new Map(this.quoteGroupIds.map((id, i) => [id, i]));
    const quotes: QuoteSignature[] = [];
    const quoteCertainty: number[] = [];
    const quoteTokens = new Tokens();
    const readArticle = this.articleReader();
    for (let i = 0; i < this.quoteGroupOf.length; i++) {
      const a = this.quoteArticle.get(i);
      const g = quoteGroupIdx.get(this.quoteGroupOf[i]);
      if (a < 0 || g === undefined) continue;
      const article = readArticle(a);
      // Words from the quote's spans in the article, so each word knows its corpus sentence.
      const ids: number[] = [];
      const turns: number[] = [];
      let last = -1;
      const spans = this.quoteSpans.list(i);
      for (let k = 0; k < spans.length; k += 2) {
        const start = spans[k];
        tokenize(article.text.slice(start, spans[k + 1]), quoteTokens);
        for (let t = 0; t < quoteTokens.count; t++) {
          if (!(quoteTokens.flags[t] & WORD)) continue;
          const sentence = sentenceAt(article.bounds, start + quoteTokens.start[t]);
          if (sentence !== last) turns.push(ids.length, sentence);
          last = sentence;
          ids.push(words.id(quoteTokens.norm[t]));
        }
      }
      if (ids.length === 0) for (const w of tokenStrings(this.quoteTexts.at(i), true)) ids.push(words.id(w));
      const first = this.quoteSentence.get(i);
      quotes.push([a, first >= 0 ? first : (turns[1] ?? 0), g, ids, turns]);
      quoteCertainty.push(this.quoteFuture[i] ? Certainty.expected : Certainty.stated);
    }
    this.quoteTexts.clear();

    const partial: MatcherData = {
      schemaVersion: MATCHER_DATA_VERSION,
      articles: this.articleIds,
      articleUrls: this.articleUrls,
      entities: this.entities.map((e) => e.id),
      entityKinds: this.entityKinds.join(''),
      entityRefs: this.entityRefs,
      words: words.list,
      ...names,
      keys: [],
      weights: [],
      claims: [],
      articleYears: this.articleYears,
      keyWords: [],
      claimFlags: [],
      descriptorWords: [...this.descriptorWords.keys()],
      entityDescriptors: this.entityDescriptors,
      entityGenders: this.entityGenders.join(''),
      claimGroups: this.claimGroupIds,
      quotes,
      quoteGroups: this.quoteGroupIds,
    };

    // Claim keys come from the same tokenizer, name scanner and figure parser the page goes through.
    const scanner = new NameScanner(partial);
    const tokens = new Tokens(classifyingTable(words.list, []));
    // Place pairs before the claims, so the article texts are let go before the claims are read.
    const placeWithin = placeContainment(this.articleTexts.length, readArticle, scanner, tokens, partial.places);
    this.articleTexts = [];
    this.articleBounds = [];

    const claimGroupIdx = new Map(this.claimGroupIds.map((id, i) => [id, i]));
    const groupOfRef: (number | undefined)[] = [];
    for (const [id, ref] of this.groupRefs) groupOfRef[ref] = claimGroupIdx.get(id);
    // A claim's place string stands for place i only when it is the one the names were compiled with.
    const placeIdx = new Map(partial.places.map((p, i) => [p, i]));
    const placeOfRef = this.placeList.map((p) => placeIdx.get(p) ?? -1);
    const hits = new NameHits();
    // Each claim's keys as numbers in order of first appearance (one string per distinct key, not one
    // per claim that has it: at 20,000 articles the claims' key strings were most of the compile's memory).
    const keyNumbers = new Map<string, number>();
    const keyOfNumber: string[] = [];
    const df: number[] = [];
    // Per claim kept: its article, sentence and group, key numbers, flags, and the rest of its
    // signature and its traits as JSON text (packed: at 20,000 articles the claims as objects were
    // ~500 MB of heap, as JSON ~60 MB).
    const heads = new IntList();
    const claimKeys = new IntLists();
    const claimFlags: number[] = [];
    const tails = new TextBlocks(this.texts, this.perBlock);
    const traitTexts = new TextBlocks(this.texts, this.perBlock);
    // Per word key, how often each surface word made it: the commonest (then shortest, then first
    // in order) stands for the key in the word vectors.
    // Counted per word (each distinct word numbered once, its key worked out once; a token's number
    // found once per symbol of the tokens' table): a Map of Maps updated per word was most of the
    // compile's own time beside the readers. A claim whose scan is taken counts the words kept for it.
    const wordNumbers = new Map<string, number>();
    const wordTable: string[] = [];
    const wordKeyOf: (string | null)[] = [];
    const wordCount = new IntList();
    /** Words in the order they first made a key in a claim (the order the commonest is picked in). */
    const surfaceOrder: number[] = [];
    const wordNumber = (word: string): number => {
      let n = wordNumbers.get(word);
      if (n === undefined) {
        wordNumbers.set(word, (n = wordTable.length));
        wordTable.push(word);
        wordKeyOf.push(wordKey(word));
      }
      return n;
    };
    const wordOfSymbol: number[] = [];
    /** Token k's word number (wordNumber), worked out once per symbol. */
    const wordOfToken = (t: Tokens, k: number): number => {
      const sym = t.sym[k];
      let n = wordOfSymbol[sym];
      if (n === undefined) wordOfSymbol[sym] = n = wordNumber(t.norm[k]);
      return n;
    };
    /** Token k's wordKey, worked out once per word (a lookup by word in wordKey's own table was most of sentenceFeatures' key reading). */
    const keyOfToken = (t: Tokens, k: number): string | null => wordKeyOf[wordOfToken(t, k)];
    /** Counts word `n` of a claim when it makes a key. */
    const countWord = (n: number): void => {
      if (wordKeyOf[n] === null) return;
      const count = wordCount.at(n);
      if (count === 0) surfaceOrder.push(n);
      wordCount.set(n, count + 1);
    };
    const quoted: number[] = [];
    // The claims of the last compile by the key of their readers' inputs (the first of equal keys: equal inputs, equal outputs).
    const previous = this.previous;
    const previousAt = new Map<number, number>();
    if (previous) for (let k = 0; k < previous.inputs.length; k++) if (!previousAt.has(previous.inputs[k])) previousAt.set(previous.inputs[k], k);
    const claimInputs: number[] = [];
    const claimHits = new IntLists();
    const claimWords = new IntLists();
    let checksLeft = previous ? this.reuseChecks : 0;
    let scanChecksLeft = this.reuseChecks;
    // The name scan of the compile before (PreviousScan), when kept for every claim it compiled.
    const claimsBefore = previous?.inputs.length ?? 0;
    const scanBefore = previous?.scan && previous.scan.hits.starts.length === claimsBefore + 1 && previous.scan.words.starts.length === claimsBefore + 1 ? previous.scan : undefined;
    let reuse: ReturnType<typeof scanReuse> = null;
    try {
      if (scanBefore) reuse = scanReuse(scanBefore, partial);
    } catch {
      // Names not of the shape a compile writes (a damaged row): every claim is scanned.
    }
    /** Per word of the compile before (its wordTable), its number here. */
    const wordBefore: number[] = [];
    /** Per word number: 1 when it is the first word of a pattern the add changed, 0 when not (unset: not worked out yet). */
    const changedWord: number[] = [];
    /**
     * Claim `k` of the compile before's words (numbered here), word and figure keys, and the
     * entities and places of its hits (numbered here), or null when a changed pattern could hit it.
     */
    const scannedBefore = (k: number): { words: number[]; keys: string[]; entities: number[]; places: number[] } | null => {
      if (!reuse || !scanBefore) return null;
      const words: number[] = [];
      const kept = scanBefore.words;
      for (let w = kept.starts[k]; w < kept.starts[k + 1]; w++) {
        const before = kept.values[w];
        let n = wordBefore[before];
        if (n === undefined) {
          const word = scanBefore.wordTable[before];
          if (typeof word !== 'string') return null;
          wordBefore[before] = n = wordNumber(word);
        }
        let changed = changedWord[n];
        if (changed === undefined) changedWord[n] = changed = reuse.changedFirstWords.has(wordTable[n]) ? 1 : 0;
        if (changed) return null;
        words.push(n);
      }
      const entities: number[] = [];
      const places: number[] = [];
      const { starts, values } = scanBefore.hits;
      for (let h = starts[k]; h < starts[k + 1]; h++) {
        const v = values[h];
        const now = v >= 0 ? reuse.entityOf[v] : reuse.placeOf[-v - 1];
        if (now === undefined || now < 0) return null;
        (v >= 0 ? entities : places).push(now);
      }
      const keys: string[] = [];
      const ids = scanBefore.claimKeys(k);
      for (let n = 0; n < ids.length; n++) {
        const key = scanBefore.keys[ids[n]];
        if (key === undefined) return null;
        // Entity and place keys are the hits' and the record's, numbered again below.
        if (key[0] !== '@' && key[0] !== '^') keys.push(key);
      }
      return { words, keys, entities, places };
    };
    // The sentence claim last compiled: a clause claim of its sentence follows it (same article and
    // sentence). Its certainty is read from its traits when it was taken from the last compile.
    let lead: { article: number; sentence: number; text: string; level: number; cue: string } | { article: number; sentence: number; text: string; traits: string } | null = null;
    const leadCertainty = (l: NonNullable<typeof lead>): { level: number; cue: string } => {
      if ('level' in l) return l;
      const [level, cue] = JSON.parse(l.traits) as ClaimTraits;
      return { level, cue };
    };
    for (let i = 0; i < this.claimArticle.length; i++) {
      const a = this.claimArticle.get(i);
      const g = groupOfRef[this.claimGroup.get(i)];
      if (a < 0 || g === undefined) continue;
      const text = this.claimTexts.at(i);
      const sentence = this.claimSentence.get(i);
      const follows = lead !== null && lead.article === a && lead.sentence === sentence;
      const inputKey = claimInputKey(this.articleDates[a], text, follows ? lead!.text : '');
      claimInputs.push(inputKey);
      const known = previousAt.get(inputKey);
      // The first claims that could be taken are read all the same and checked against what was kept (REUSE_CHECKS).
      const found = known === undefined ? null : previous!.claim(known);
      const checking = found !== null && checksLeft > 0;
      const kept = checking ? null : found;
      // A claim taken from the compile before takes its scan too where no changed pattern can hit it (the first ones read and checked all the same).
      const scanned = known === undefined || kept === null ? null : scannedBefore(known);
      const scanChecking = scanned !== null && scanChecksLeft > 0;
      const scanTaken = scanned !== null && !scanChecking;
      let features: SentenceFeatures;
      let flags = kept ? kept.flags : 0;
      claimWords.next();
      if (scanTaken) {
        // Not even tokenized: its words are the ones kept.
        features = { keys: scanned.keys, figures: [], entities: scanned.entities, places: scanned.places };
        for (const n of scanned.words) {
          claimWords.values.push(n);
          countWord(n);
        }
      } else {
        tokenize(text, tokens);
        scanner.scan(text, tokens, hits);
        features = sentenceFeatures(tokens, 0, tokens.count, hits, keyOfToken);
        for (let k = 0; k < tokens.count; k++) {
          if (!(tokens.flags[k] & WORD)) continue;
          if (!kept) flags |= wordClass(tokens.norm[k], k + 1 < tokens.count ? tokens.norm[k + 1] : '');
          const n = wordOfToken(tokens, k);
          claimWords.values.push(n);
          countWord(n);
        }
      }
      claimHits.next();
      for (const e of features.entities) claimHits.values.push(e);
      for (const p of features.places) claimHits.values.push(-p - 1);
      // The scan of the compile before, checked like the readers' output (its words and hits here, its keys below): once wrong, no more is taken.
      if (scanChecking && (!sameNumbers(scanned.words, claimWords.list(claimWords.size - 1)) || !sameNumbers(scanned.entities, features.entities) || !sameNumbers(scanned.places, features.places))) reuse = null;
      for (let k = this.claimEntities.from(i), end = this.claimEntities.to(i); k < end; k++) {
        const e = this.claimEntities.values.get(k);
        if (!features.entities.includes(e)) features.entities.push(e);
      }
      for (let k = this.claimPlaces.from(i), end = this.claimPlaces.to(i); k < end; k++) {
        const p = placeOfRef[this.claimPlaces.values.get(k)];
        if (p >= 0 && !features.places.includes(p)) features.places.push(p);
      }
      if (kept) {
        traitTexts.push(kept.traits);
        tails.push(JSON.stringify([kept.figures, [...features.places].sort((x, y) => x - y)]));
        if (!follows) lead = { article: a, sentence, text, traits: kept.traits };
      } else {
        const figs: FigureSignature[] = features.figures.map((f) => {
          const sig: FigureSignature = [f.value, f.qualifier, f.cls, f.cls === FigureClass.count ? figureUnits(tokens, f.next, tokens.count) : []];
          if (f.high !== undefined) sig.push(f.high);
          return sig;
        });
        // Counts that shares of a stated total come to ("40% of its 300 members": about 120 members), after the figures
        // so figure indices (and the share groups of the traits) stay aligned with features.figures.
        for (const d of derivedCounts(tokens, features.figures, tokens.count)) figs.push([d.value, QUALIFIERS.indexOf('about'), FigureClass.count, figs[d.total][3]]);
        // Certainty is the writer's: words inside quote marks are the speaker's and are skipped.
        const nQuoted = tokens.quoteMarks === 0 ? 0 : findQuotedSpans(tokens, quoted);
        const isQuoted = (t: number) => {
          for (let k = 0; k < nQuoted; k++) if (t >= quoted[k * 2] && t < quoted[k * 2 + 1]) return true;
          return false;
        };
        const certainty = readCertainties(tokens, 0, tokens.count, isQuoted);
        const dates = findDateSpans(tokens, 0, tokens.count, dayOf(this.articleDates[a])).map((d): ClaimTraits[2][number] => [d.lo, d.hi, d.weekday, d.month, d.day, text.slice(d.start, d.end)]);
        const groups = features.figures.map((f) => shareGroupSpan(tokens, f, tokens.count));
        const groupTexts = groups.map((sp, k) => (sp.keys.length ? text.slice(features.figures[k].start, tokens.end[sp.end - 1]) : ''));
        let { clause } = certainty;
        const { content } = certainty;
        // A clause of a sentence that opens with a participle ("Speaking at the launch, he will tell …")
        // happens when its main clause does: it takes the sentence's certainty when it has no cue of its own.
        if (follows) {
          if (clause.level === Certainty.stated && !clause.cue) {
            const main = leadCertainty(lead!);
            if (main.level < Certainty.stated && opensWithParticiple(tokens)) clause = { level: main.level, cue: main.cue };
          }
        } else lead = { article: a, sentence, text, level: clause.level, cue: clause.cue };
        const negation = readNegationOf(tokens, 0, tokens.count);
        const quantity = readQuantityScope(tokens, 0, tokens.count);
        const vague = readVagueTime(tokens, 0, tokens.count);
        const decade = readDecade(tokens, 0, tokens.count);
        const repeat = readRepeatMarker(tokens, 0, tokens.count);
        const traits: ClaimTraits = [clause.level, clause.cue, dates, groups.map((sp) => sp.keys), groupTexts, content?.level ?? -1, content?.cue ?? '', negation.cue, negation.target, quantity ? [quantity.level, quantity.keys, text.slice(quantity.start, quantity.end)] : [], [vague ? text.slice(vague.start, vague.end) : '', decade ? text.slice(decade.start, decade.end) : ''], features.figures.map((f) => durationUnit(tokens.norm[f.next])), quotationWithFragments(text, tokens, quoted, nQuoted, isQuoted), repeat ? text.slice(repeat.start, repeat.end) : ''];
        const traitText = JSON.stringify(traits);
        traitTexts.push(traitText);
        tails.push(JSON.stringify([figs, [...features.places].sort((x, y) => x - y)]));
        if (checking) {
          checksLeft--;
          // Kept by readers that read otherwise (another build of them): nothing more is taken.
          if (found.traits !== traitText || found.flags !== flags || JSON.stringify(found.figures) !== JSON.stringify(figs)) {
            previousAt.clear();
            checksLeft = 0;
          }
        }
      }
      // Taken, the word and figure keys of the compile before with the entity and place keys as the merge above left them.
      const claimKeyList = scanTaken ? withNameKeys(features.keys, features) : featureKeys(features);
      if (scanChecking) {
        scanChecksLeft--;
        if (!sameKeys(withNameKeys(scanned.keys, features), claimKeyList)) reuse = null;
      }
      claimKeys.next();
      for (const key of claimKeyList) {
        let id = keyNumbers.get(key);
        if (id === undefined) {
          keyNumbers.set(key, (id = keyOfNumber.length));
          keyOfNumber.push(key);
          df.push(0);
        }
        // IDF over claims (featureKeys gives each key once per claim).
        df[id]++;
        claimKeys.values.push(id);
      }
      // Key ids are filled in once every key is known (they are numbered in sorted order).
      heads.push(a);
      heads.push(sentence);
      heads.push(g);
      claimFlags.push(flags);
    }
    this.claimTexts.clear();
    tails.seal();
    traitTexts.seal();
    // IDF over claims: a key most claims share says little about any one of them.
    const keys = [...keyOfNumber].sort();
    const keyIdx = new Map(keys.map((k, i) => [k, i]));
    const sortedIndex = keyOfNumber.map((k) => keyIdx.get(k)!);
    const n = claimFlags.length;
    const weights = keys.map((k) => Math.round(Math.log(1 + n / df[keyNumbers.get(k)!]) * 100) / 100);
    const best = new Map<string, { word: string; count: number }>();
    for (const w of surfaceOrder) {
      const key = wordKeyOf[w]!;
      const word = wordTable[w];
      const count = wordCount.at(w);
      const top = best.get(key);
      if (!top) best.set(key, { word, count });
      else if (count > top.count || (count === top.count && word.length < top.word.length)) [top.word, top.count] = [word, count];
    }
    const keyWords = keys.map((k) => best.get(k)?.word ?? '');
    const ranged = (from: number, to: number): number[] => {
      if (from < 0 || to > n || from > to) throw new Error(`compile: claims ${from}-${to} of ${n}`);
      return Array.from({ length: to - from }, (_, k) => from + k);
    };
    return {
      data: { ...partial, keys, weights, claims: [], keyWords, claimFlags, claimTraits: [], placeWithin, quoteCertainty },
      claimCount: n,
      claimInputs: Float64Array.from(claimInputs),
      claimScan: { hits: claimHits.packed(), words: claimWords.packed(), wordTable },
      claims: (from, to) =>
        ranged(from, to).map((i) => {
          const [figs, places] = JSON.parse(tails.at(i)) as [FigureSignature[], number[]];
          const ids = claimKeys.list(i).map((k) => sortedIndex[k]).sort((x, y) => x - y);
          return [heads.get(i * 3), heads.get(i * 3 + 1), heads.get(i * 3 + 2), ids, figs, places];
        }),
      // The tail is `[figures,places]`: the signature's text is its head's and the tail's items.
      claimTexts: (from, to) => ranged(from, to).map((i) => `[${heads.get(i * 3)},${heads.get(i * 3 + 1)},${heads.get(i * 3 + 2)},[${claimKeys.list(i).map((k) => sortedIndex[k]).sort((x, y) => x - y).join(',')}],${tails.at(i).slice(1)}`),
      claimTraits: (from, to) => ranged(from, to).map((i) => JSON.parse(traitTexts.at(i)) as ClaimTraits),
      claimTraitTexts: (from, to) => ranged(from, to).map((i) => traitTexts.at(i)),
    };
  }

  /** Reads article `a`'s text and sentence bounds, unpacking a text once while the same article is read in a row. */
  private articleReader(): (a: number) => { text: string; bounds: Int32Array } {
    let last = -1;
    let text = '';
    return (a) => {
      if (a !== last) {
        const packed = this.articleTexts[a];
        text = typeof packed === 'string' ? packed : this.texts.unpack(packed);
        last = a;
      }
      return { text, bounds: this.articleBounds[a] };
    };
  }
}

/**
 * The content words of an entity's descriptors ("the union's leader" gives "union" and "leader"),
 * without the words of the entity's own names: a page that calls a person by role rather than by
 * name can still agree on who acted. Words are numbered in `words` in order of first appearance.
 */
function descriptorIds(e: CorpusIndex['entities'][number], words: Map<string, number>, tokens: Tokens): number[] {
  const own = new Set<string>();
  for (const alias of [e.name, ...e.aliases]) for (const w of tokenStrings(alias, true)) own.add(w);
  const ids = new Set<number>();
  for (const c of e.coverage) {
    for (const d of c.descriptors) {
      tokenize(d.text, tokens);
      for (let k = 0; k < tokens.count; k++) {
        const norm = tokens.norm[k];
        if (!(tokens.flags[k] & WORD) || own.has(norm) || wordKey(norm) === null) continue;
        if (!words.has(norm)) words.set(norm, words.size);
        ids.add(words.get(norm)!);
      }
    }
  }
  return [...ids].sort((x, y) => x - y);
}

/**
 * Which places the corpus text itself says lie in which (core/lang/places: placePairsInText, the
 * one rule the analysis's claim groups read too), and a place named "Greater Y" around "Y".
 * Returns flat (inner, outer) pairs, sorted.
 */
function placeContainment(articles: number, readArticle: (a: number) => { text: string }, scanner: NameScanner, tokens: Tokens, places: string[]): number[] {
  const pairs = new Set<string>();
  if (places.length < 2) return [];
  const add = (inner: number, outer: number) => {
    if (inner !== outer) pairs.add(`${inner},${outer}`);
  };
  greaterPairs(places, add);
  const hits = new NameHits();
  for (let a = 0; a < articles; a++) {
    const { text } = readArticle(a);
    tokenize(text, tokens);
    scanner.scan(text, tokens, hits);
    const at: PlaceHit[] = [];
    for (let h = 0; h < hits.count; h++) if (hits.type[h] === PatternType.place) at.push({ start: hits.start[h], end: hits.end[h], target: hits.target[h] });
    placePairsInText(text, at, add);
  }
  return [...pairs]
    .map((p) => p.split(',').map(Number))
    .sort((x, y) => x[0] - y[0] || x[1] - y[1])
    .flat();
}

/** Index of the sentence containing `offset` (the last one starting at or before it), from (start, end) pairs. */
function sentenceAt(bounds: Int32Array, offset: number): number {
  let lo = 0;
  let hi = bounds.length / 2 - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (bounds[mid * 2] <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
