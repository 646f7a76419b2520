/**
 * How a corpus's matcher data is stored (database layout 4); validate-stored.ts reads it back.
 *
 * Layout 4 splits the MatcherData into rows ("parts"): `core` holds what matching names needs
 * (articles, entities, the name vocabulary and automaton, places), and the claim and quote data
 * follow in parts of a bounded size. Why, measured in Node at 5,000 generated articles (a 19 MB
 * shard: 83,646 claims, 35,491 quotes; scripts/measure-matching-side.ts): a cold matching side
 * spent ~250–300 ms of CPU in one `JSON.parse` of the whole shard, then ~100–150 ms building the
 * claim scorer, before it answered the page's first batch, which waited for all of it. The `core`
 * part is ~1.4 MB of JSON (~8 ms to parse): the matching side answers a page's first batch with its
 * names from it (MatchingProtocol, `partial`) while the rest loads. The rest is read one part at a
 * time, so a request that arrives meanwhile waits for at most one part's parse (~15 ms), not the
 * whole shard's.
 *
 * The claim group ids (one string per claim group: 122,508 of them, 1.24 MB of the `meta` part's
 * 2.0 MB at 5,000 generated articles) are in parts of their own, CLAIM_GROUPS_PER_PART ids a part,
 * read after `meta` and before the claims (whose group numbers are checked against them): only the
 * claim scorer reads them, and in `meta` they made its parse one 33–52 ms task that a page's names
 * request, arriving on a cold matching side, had to wait behind (scripts/bench/cold-side.ts).
 *
 * Each part is the UTF-8 bytes of its JSON text, not a tree of objects (layout 3's reason, still
 * true: structured clone deserialised the tree of millions of small arrays in ~550–600 ms of CPU;
 * bytes clone as one copy, and a string of a corpus with any character beyond Latin-1 is stored at
 * twice the size). The quote bigram index the matcher would otherwise build at every start
 * (~130 ms) is stored ready-made as typed arrays, on the last part: read on the `meta` part, right
 * after `core`, its 7.5 MB held up the page's first messages in Chromium (a trace of a cold service
 * worker at 5,000 articles: the worker took the content script's `getSiteState` ~140 ms late,
 * after reading that row), and the quotes are matched only once every part is in.
 *
 * A claim part (MATCHER_DATA_VERSION 7) stores each distinct ClaimTraits tuple of the part once
 * (`traits`) and per claim the number of its tuple (`traitOf`); claims read back share one frozen
 * tuple per distinct value. A signature with no figures and no places is stored as its first four
 * fields, and reads back with one frozen empty list for both. Why, measured in Node at 5,000
 * generated articles (132,737 claims: scripts/bench/cold-side.ts --steps): reading a claim part was
 * allocation, not parsing (half the CPU of reading every part was the garbage collector), and
 * 69 % of the claims' traits repeat another claim's of the same part (most say only "stated, no
 * date, no figure"); 84 % of signatures have no figures and 90 % no places. Reading every claim part
 * went from 465 to ~320 ms of CPU, and the claims' heap once read from 118 to 69 MB.
 *
 * Parts are cut by position and written whole by every install, an add's too: unlike record and
 * card rows (shared-rows.ts) nothing of them could be shared, however they were cut. The compile
 * numbers articles by position, words by first appearance and keys in sorted order, and claim
 * signatures and quotes hold those numbers: adding 10 generated articles to 5,000 (the same
 * analysis, compileMatcherReusing before and after, compared entry by entry), 0 of the 133,004
 * claim signatures and 1 of the 35,562 quote signatures after it equal any before it, and no part's
 * bytes are the same (only 337 of 9,358 words and 1,347 of 16,672 keys keep their number). Sharing
 * parts needs numbers an add does not move first (incremental.ts, "a patchable matcher").
 */
import { quoteBigrams, type QuoteBigrams } from '../core/match/quotes';
import { MATCHER_DATA_VERSION, type ClaimSignature, type FigureSignature, type MatcherData } from '../core/match/data';
import type { ClaimScan, PackedLists, PreviousClaims, PreviousScan } from '../core/match/compile';

/** The stored form of one matcher part (the key fields of its row aside). */
export interface PackedMatcher {
  /** The part's fields as the UTF-8 bytes of their JSON text. */
  json: Uint8Array;
  /** On the last part: the quote bigram index of all the quotes, with the words' count + 1 as stride; absent in data migrated from layout 2 (then built at load). */
  quoteBigrams?: QuoteBigrams;
  /** On the `core` part: the shards of the other parts, in the order they are read and joined. */
  parts?: string[];
  /** On the CLAIM_INPUTS part: per claim, the key of what its text readers read (compile.ts CompiledMatcher.claimInputs). */
  claimInputs?: Float64Array;
  /** On the CLAIM_INPUTS part: per claim, its name hits and words (compile.ts CompiledMatcher.claimScan: hits and words as their starts and values; the word table is in `json`). */
  claimHitStarts?: Int32Array;
  claimHitValues?: Int32Array | Uint16Array;
  claimWordStarts?: Int32Array;
  claimWordValues?: Int32Array | Uint16Array;
}

/** One stored part, with the shard it is stored under. */
export interface MatcherPart extends PackedMatcher {
  shard: string;
}

/** A matcher read back and validated: its data and, when stored, its quote bigram index. */
export interface StoredMatcher {
  data: MatcherData;
  quoteBigrams?: QuoteBigrams;
}

/** The fields of the `core` part: everything matching people and organisations reads (core/match/names, scan). */
export const NAME_FIELDS = ['schemaVersion', 'articles', 'articleUrls', 'entities', 'entityKinds', 'entityRefs', 'words', 'automaton', 'patterns', 'places'] as const;

/** The `core` part of MatcherData. */
export type MatcherNames = Pick<MatcherData, (typeof NAME_FIELDS)[number]>;

/**
 * The `meta` part holds every other field: the claim and quote data that is not one entry per claim
 * or quote (keys, weights, groups, the re-ranker's per-article and per-entity lists, and any field
 * a later MatcherData adds).
 */
function metaFields(data: MatcherData): Record<string, unknown> {
  const elsewhere = new Set<string>([...NAME_FIELDS, ...CLAIM_GROUP_FIELDS, ...CLAIM_FIELDS, ...QUOTE_FIELDS]);
  return Object.fromEntries(Object.entries(data).filter(([field]) => !elsewhere.has(field)));
}

/** Per-claim-group fields, stored CLAIM_GROUPS_PER_PART groups a part. */
export const CLAIM_GROUP_FIELDS = ['claimGroups'] as const;
/** Per-claim fields (parallel lists), stored CLAIMS_PER_PART claims a part. */
export const CLAIM_FIELDS = ['claims', 'claimFlags', 'claimTraits'] as const;
/** Per-quote fields (parallel lists), stored QUOTES_PER_PART quotes a part. */
export const QUOTE_FIELDS = ['quotes', 'quoteCertainty'] as const;

/**
 * Claims per part. At 5,000 generated articles a claim takes ~150 bytes of JSON with its traits (as
 * stored since version 7), so a part is ~0.6 MB and reads in ~5 ms of CPU (8,192 a part: 10–25 ms,
 * 28 ms measured before version 7): a page's request waits at most that long.
 */
export const CLAIMS_PER_PART = 4096;
/** Quotes per part: ~160 bytes of JSON a quote at 5,000 generated articles, ~0.65 MB a part. */
export const QUOTES_PER_PART = 4096;
/**
 * Claim group ids per part: ~10 bytes of JSON an id at 5,000 generated articles, so ~0.33 MB a part,
 * parsed and checked in ~4 ms (all 122,508 ids in one piece: ~14 ms to parse alone).
 */
export const CLAIM_GROUPS_PER_PART = 32_768;

/** Name of the part every scan needs. */
export const CORE_PART = 'core';
/** Name of the part with the claim and quote data that is not per claim or quote. */
export const META_PART = 'meta';

function bytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(value));
}

function pick<K extends keyof MatcherData>(data: MatcherData, fields: readonly K[]): Partial<Pick<MatcherData, K>> {
  const out: Partial<Pick<MatcherData, K>> = {};
  for (const f of fields) if (data[f] !== undefined) out[f] = data[f];
  return out;
}

/** Slices of parallel lists, `size` entries a part: `{ from, field: slice, … }` per part. */
function sliced<K extends keyof MatcherData>(data: MatcherData, fields: readonly K[], count: number, size: number): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (let from = 0; from < count; from += size) {
    const part: Record<string, unknown> = { from };
    for (const f of fields) {
      const list = data[f] as unknown[] | undefined;
      if (list !== undefined) part[f] = list.slice(from, from + size);
    }
    out.push(part);
  }
  return out;
}

/** How many claims, quotes and claim groups a part holds (tests pass smaller ones). */
export interface PartSizes {
  claims: number;
  quotes: number;
  claimGroups: number;
}

/** The part sizes the store writes. */
export const PART_SIZES: PartSizes = { claims: CLAIMS_PER_PART, quotes: QUOTES_PER_PART, claimGroups: CLAIM_GROUPS_PER_PART };

/** How many parts packMatcher makes of data with `claims` claims, `quotes` quotes and `claimGroups` claim groups. */
export function matcherPartCount(claims: number, quotes: number, claimGroups: number, sizes: PartSizes = PART_SIZES): number {
  return 2 + Math.ceil(claimGroups / sizes.claimGroups) + Math.ceil(claims / sizes.claims) + Math.ceil(quotes / sizes.quotes);
}

/** The stored parts of matcher data: `core` first (it lists the others), then `meta`, claim group parts, claim parts, quote parts. */
export function packMatcher(data: MatcherData, sizes: PartSizes = PART_SIZES): MatcherPart[] {
  return [...packMatcherInTurn(data, undefined, sizes)];
}

/**
 * The per-claim lists of matcher data read a range at a time (core/match/compile's
 * CompiledMatcher): each read in order, each range once.
 */
export interface ClaimRanges {
  claimCount: number;
  claims(from: number, to: number): MatcherData['claims'];
  /** claims as each signature's JSON text, read instead of it when given (the parts' bytes are the same). */
  claimTexts?(from: number, to: number): string[];
  claimTraits(from: number, to: number): NonNullable<MatcherData['claimTraits']>;
  /** claimTraits as each tuple's JSON text, read instead of it when given (the parts' bytes are the same). */
  claimTraitTexts?(from: number, to: number): string[];
}

/**
 * packMatcher's parts one at a time, in the same order and the same bytes, each claim part made only
 * when it is asked for: with `claims` (a streamed compile's claims, `data.claims` and
 * `data.claimTraits` then left empty) the claims are never all objects at once.
 */
export function* packMatcherInTurn(data: MatcherData, claims?: ClaimRanges, sizes: PartSizes = PART_SIZES): Generator<MatcherPart> {
  const claimCount = claims?.claimCount ?? data.claims.length;
  const claimShards = Array.from({ length: Math.ceil(claimCount / sizes.claims) }, (_, k) => `claims/${k}`);
  const groupParts = sliced(data, CLAIM_GROUP_FIELDS, data.claimGroups.length, sizes.claimGroups);
  const groupShards = groupParts.map((_, k) => `claimGroups/${k}`);
  const quoteParts = sliced(data, QUOTE_FIELDS, data.quotes.length, sizes.quotes);
  const shards = [META_PART, ...groupShards, ...claimShards, ...quoteParts.map((_, k) => `quotes/${k}`)];
  // The bigram index goes on the last row read: it is the largest (7.5 MB at 5,000 articles) and
  // only the quotes need it (see the header).
  const last = (part: MatcherPart): MatcherPart => (part.shard === shards[shards.length - 1] ? { ...part, quoteBigrams: quoteBigrams(data.quotes, data.words.length + 1) } : part);
  yield { shard: CORE_PART, json: bytes(pick(data, NAME_FIELDS)), parts: shards };
  yield last({ shard: META_PART, json: bytes(metaFields(data)) });
  for (let k = 0; k < groupParts.length; k++) yield last({ shard: groupShards[k], json: bytes(groupParts[k]) });
  for (let k = 0; k < claimShards.length; k++) {
    const from = k * sizes.claims;
    const to = Math.min(claimCount, from + sizes.claims);
    const sigs = claims?.claimTexts ? claims.claimTexts(from, to) : claims ? claims.claims(from, to) : data.claims.slice(from, to);
    // Traits as JSON text where the compile has them so (the same text JSON.stringify gives the tuple).
    const tuples = claims ? (claims.claimTraitTexts ? undefined : claims.claimTraits(from, to)) : data.claimTraits?.slice(from, to);
    const traits = claims?.claimTraitTexts ? claims.claimTraitTexts(from, to) : tuples?.map((t) => JSON.stringify(t));
    yield last({ shard: claimShards[k], json: claimPartJson(from, sigs, data.claimFlags?.slice(from, to), traits) });
  }
  for (let k = 0; k < quoteParts.length; k++) yield last({ shard: `quotes/${k}`, json: bytes(quoteParts[k]) });
}

/**
 * A claim part's JSON text as UTF-8 bytes: `{ from, claims, claimFlags, traits, traitOf }`, each
 * signature without figures or places cut to its first four fields, each distinct traits tuple once
 * (see the header), `traits` given as each tuple's JSON text. Written as text pieces: the traits'
 * JSON is what they are told apart by.
 */
function claimPartJson(from: number, sigs: readonly ClaimSignature[] | readonly string[], flags: readonly number[] | undefined, traits: readonly string[] | undefined): Uint8Array {
  let text = `{"from":${from},"claims":[${sigs.map(shortSignature).join(',')}]`;
  if (flags !== undefined) text += `,"claimFlags":${JSON.stringify(flags)}`;
  if (traits !== undefined) {
    const table = new Map<string, number>();
    const traitOf = traits.map((json) => {
      let n = table.get(json);
      if (n === undefined) table.set(json, (n = table.size));
      return n;
    });
    text += `,"traits":[${[...table.keys()].join(',')}],"traitOf":${JSON.stringify(traitOf)}`;
  }
  return new TextEncoder().encode(`${text}}`);
}

/** The end of a signature's JSON text when it has no figures and no places. */
const NEITHER = ',[],[]]';

/**
 * A signature's JSON text as a claim part stores it: its first four fields alone when it has no
 * figures and no places. Given as JSON text (JSON.stringify's), it ends in NEITHER exactly then: a
 * figure is never an empty list, so a text with figures ends in "]],[…]]" or "]]]".
 */
function shortSignature(sig: ClaimSignature | string): string {
  if (typeof sig === 'string') return sig.endsWith(NEITHER) ? `${sig.slice(0, -NEITHER.length)}]` : sig;
  return JSON.stringify(sig[4].length === 0 && sig[5].length === 0 ? sig.slice(0, 4) : sig);
}

/** The one empty list every stored signature without figures or places reads back with (frozen: it is shared). */
const NONE = Object.freeze([]) as unknown as never[];

/** The lists most traits tuples hold (no date, no group, a share of no named group, no vague time), one frozen copy each. */
const NO_TEXT = Object.freeze(['']) as unknown as never[];
const NO_TEXTS = Object.freeze(['', '']) as unknown as never[];
const NO_GROUP = Object.freeze([NONE]) as unknown as never[];

/**
 * A list inside a traits tuple, frozen, or the shared frozen copy of it when it is one of the lists
 * most tuples hold (at 20,000 generated articles 78 % of the lists inside the distinct tuples were
 * `[]`, `["", ""]`, `[""]` or `[[]]`). Objects and lists deeper inside are frozen as they are.
 */
function frozenList(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  if (value.length === 0) return NONE;
  if (value.length === 1 && value[0] === '') return NO_TEXT;
  if (value.length === 2 && value[0] === '' && value[1] === '') return NO_TEXTS;
  if (value.length === 1 && Array.isArray(value[0]) && value[0].length === 0) return NO_GROUP;
  return deepFreeze(value);
}

/** Freezes a value read from JSON and every array or object inside it. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** A traits tuple shared by many claims: frozen, the common lists inside it shared (frozenList). */
function sharedTraits(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  for (let i = 0; i < value.length; i++) value[i] = frozenList(value[i]);
  return Object.freeze(value);
}

/**
 * A parsed claim part as MatcherData's lists, in place: its short signatures given their empty
 * figures and places back, and `traits` + `traitOf` (checked first: validate-stored.ts) made the
 * part's `claimTraits`, claims with equal traits sharing one frozen tuple. The part's other fields
 * are left as they are.
 */
export function unpackClaimPart(part: Record<string, unknown>): void {
  const claims = part.claims as unknown[];
  for (let i = 0; i < claims.length; i++) {
    const sig = claims[i];
    if (Array.isArray(sig) && sig.length === 4) claims[i] = [sig[0], sig[1], sig[2], sig[3], NONE, NONE];
  }
  if (!('traitOf' in part)) return;
  const table = (part.traits as unknown[]).map(sharedTraits);
  const of = part.traitOf as number[];
  const traits = new Array<unknown>(of.length);
  for (let i = 0; i < of.length; i++) traits[i] = table[of[i]];
  delete part.traits;
  delete part.traitOf;
  part.claimTraits = traits;
}

/**
 * MatcherData that matches names only: the `core` part with no claims, quotes or keys. A matcher
 * built from it finds exactly the people and organisations (and their refs) the whole data finds:
 * names read only the `core` fields.
 */
export function namesOnly(core: MatcherNames): MatcherData {
  return {
    ...core,
    keys: [],
    weights: [],
    claims: [],
    articleYears: core.articles.map(() => 0),
    keyWords: [],
    claimFlags: [],
    descriptorWords: [],
    entityDescriptors: core.entities.map(() => []),
    claimGroups: [],
    quotes: [],
    quoteGroups: [],
  };
}

/**
 * Joins validated parts back into the MatcherData they were made from: `core`, `meta`, then the
 * claim group, claim and quote parts in order (their lists concatenated; a list absent from any part stays absent).
 */
export function joinParts(core: MatcherNames, meta: Record<string, unknown>, parts: readonly Record<string, unknown>[]): MatcherData {
  const data: Record<string, unknown> = { ...core, ...meta };
  for (const fields of [CLAIM_GROUP_FIELDS, CLAIM_FIELDS, QUOTE_FIELDS]) {
    const mine = parts.filter((p) => fields.some((f) => f in p));
    for (const f of fields) {
      if (mine.length > 0 && !mine.every((p) => Array.isArray(p[f]))) continue;
      data[f] = ([] as unknown[]).concat(...mine.map((p) => p[f] as unknown[]));
    }
  }
  return data as unknown as MatcherData;
}

/**
 * The shard of a generation's claim input keys (compile.ts claimInputKey): not listed in `core`'s
 * parts, so the matching side never reads it; an add reads it with the claim parts to take the
 * text readers' output of every claim whose inputs did not change (readPreviousClaims). A version
 * that does not know it leaves it, and the generation's rows go with it.
 */
export const CLAIM_INPUTS_PART = 'claimInputs';

/**
 * The CLAIM_INPUTS_PART row of compiled claims' input keys and, when given, their name hits and
 * words (its `json`: the matcher version, the claim count and the words' table). The hits and words
 * let an add's compile take the tokens, name scan and keys of unchanged claims too (compile.ts
 * PreviousScan); a row without them (written before they were kept) gives the readers' output alone.
 */
export function claimInputsPart(claimInputs: Float64Array, claimScan?: ClaimScan): MatcherPart {
  const head: Record<string, unknown> = { schemaVersion: MATCHER_DATA_VERSION, claims: claimInputs.length };
  if (claimScan) head.wordTable = claimScan.wordTable;
  const part: MatcherPart = { shard: CLAIM_INPUTS_PART, json: bytes(head), claimInputs };
  if (claimScan) {
    [part.claimHitStarts, part.claimHitValues] = [claimScan.hits.starts, claimScan.hits.values];
    [part.claimWordStarts, part.claimWordValues] = [claimScan.words.starts, claimScan.words.values];
  }
  return part;
}

/** Stored lists when they are of the shape written for `claims` claims, else undefined. */
function storedLists(starts: unknown, values: unknown, claims: number): PackedLists | undefined {
  if (!(starts instanceof Int32Array) || !(values instanceof Int32Array || values instanceof Uint16Array) || starts.length !== claims + 1 || starts[0] !== 0 || starts[claims] !== values.length) return undefined;
  for (let i = 0; i < claims; i++) if (starts[i + 1] < starts[i]) return undefined;
  return { starts, values };
}

/**
 * A stored generation's claims as a compile's PreviousClaims (compile.ts), from its CLAIM_INPUTS_PART
 * row and its claim parts as `read` gives them by shard; undefined when any is missing, of another
 * matcher version or not of the shape written (an add then reads every claim again: nothing is
 * lost but time). Per claim only its flags, its traits' JSON (one string per distinct tuple of a
 * part) and its figures are kept.
 */
export async function readPreviousClaims(read: (shard: string) => Promise<{ json?: unknown; parts?: unknown; claimInputs?: unknown; claimHitStarts?: unknown; claimHitValues?: unknown; claimWordStarts?: unknown; claimWordValues?: unknown } | undefined>): Promise<PreviousClaims | undefined> {
  try {
    const inputsRow = await read(CLAIM_INPUTS_PART);
    const inputs = inputsRow?.claimInputs;
    if (!(inputs instanceof Float64Array) || !(inputsRow?.json instanceof Uint8Array)) return undefined;
    const head = JSON.parse(new TextDecoder().decode(inputsRow.json)) as { schemaVersion?: unknown; claims?: unknown; wordTable?: unknown };
    if (head.schemaVersion !== MATCHER_DATA_VERSION || head.claims !== inputs.length) return undefined;
    const core = await read(CORE_PART);
    if (!Array.isArray(core?.parts)) return undefined;
    const flags = new Int32Array(inputs.length);
    const traits: string[] = new Array<string>(inputs.length);
    const figures: FigureSignature[][] = new Array<FigureSignature[]>(inputs.length);
    // With the claims' name hits: their keys, and the names and keys they are numbered in (PreviousScan).
    const hits = storedLists(inputsRow.claimHitStarts, inputsRow.claimHitValues, inputs.length);
    const words = storedLists(inputsRow.claimWordStarts, inputsRow.claimWordValues, inputs.length);
    const wordTable = Array.isArray(head.wordTable) ? (head.wordTable as string[]) : undefined;
    // The claims' key numbers end to end (as the signatures' lists they were ~3 times the heap, held through the compile).
    const keyStarts = hits && words && wordTable ? new Int32Array(inputs.length + 1) : undefined;
    const keyValues: number[] = [];
    let at = 0;
    for (const shard of core.parts) {
      if (typeof shard !== 'string' || !shard.startsWith('claims/')) continue;
      const row = await read(shard);
      if (!(row?.json instanceof Uint8Array)) return undefined;
      const part = JSON.parse(new TextDecoder().decode(row.json)) as { from?: unknown; claims?: unknown; claimFlags?: unknown; traits?: unknown; traitOf?: unknown };
      const { claims, claimFlags, traitOf } = part;
      const table = part.traits;
      if (part.from !== at || !Array.isArray(claims) || !Array.isArray(claimFlags) || !Array.isArray(traitOf) || !Array.isArray(table)) return undefined;
      if (claimFlags.length !== claims.length || traitOf.length !== claims.length || at + claims.length > inputs.length) return undefined;
      const texts = table.map((t) => JSON.stringify(t));
      for (let k = 0; k < claims.length; k++) {
        const sig = claims[k] as unknown[];
        const text = texts[traitOf[k] as number];
        if (!Array.isArray(sig) || typeof claimFlags[k] !== 'number' || text === undefined || (sig.length > 4 && !Array.isArray(sig[4]))) return undefined;
        flags[at + k] = claimFlags[k] as number;
        traits[at + k] = text;
        figures[at + k] = sig.length > 4 ? (sig[4] as FigureSignature[]) : NONE;
        if (keyStarts) {
          const ids = Array.isArray(sig[3]) ? (sig[3] as unknown[]) : NONE;
          // A number that is not a key's reads as -1: the compile then reads the claim again.
          for (let n = 0; n < ids.length; n++) keyValues.push(typeof ids[n] === 'number' ? (ids[n] as number) : -1);
          keyStarts[at + k + 1] = keyValues.length;
        }
      }
      at += claims.length;
    }
    if (at !== inputs.length) return undefined;
    const claim = (i: number) => ({ flags: flags[i], traits: traits[i], figures: figures[i] });
    if (!hits || !words || !wordTable || !keyStarts || !(core.json instanceof Uint8Array)) return { inputs, claim };
    const names = JSON.parse(new TextDecoder().decode(core.json)) as PreviousScan['names'];
    const meta = await read(META_PART);
    if (!(meta?.json instanceof Uint8Array)) return { inputs, claim };
    const { keys } = JSON.parse(new TextDecoder().decode(meta.json)) as { keys?: unknown };
    const shaped = Array.isArray(keys) && Array.isArray(names.words) && Array.isArray(names.patterns) && Array.isArray(names.entities) && Array.isArray(names.places) && Array.isArray(names.automaton?.edges) && Array.isArray(names.automaton?.out);
    if (!shaped) return { inputs, claim };
    const keyIds = Int32Array.from(keyValues);
    return { inputs, claim, scan: { names, keys: keys as string[], claimKeys: (i) => keyIds.subarray(keyStarts[i], keyStarts[i + 1]), hits, words, wordTable } };
  } catch {
    return undefined;
  }
}
