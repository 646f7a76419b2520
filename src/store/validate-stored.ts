/**
 * Validation of what is read back from the store: the matcher shard and card records, which
 * validateIndex (whole indexes) does not cover, and the translation of validateIndex's paths into
 * the record they belong to. Every error names the record and the field.
 */
import type { CardRecord } from '../core/index/card-details';
import type { CorpusIndex, DetectionKind } from '../core/index/types';
import { MATCHER_DATA_VERSION, type MatcherData } from '../core/match/data';
import type { QuoteBigrams } from '../core/match/quotes';
import { CORE_PART, META_PART, joinParts, unpackClaimPart, type MatcherNames, type PackedMatcher, type StoredMatcher } from './matcher-row';
import { RECORD_COLLECTIONS, type CorpusMeta } from './db';

/** A stored record that cannot be used: which record, which field, why. */
export class StoredRecordError extends Error {
  constructor(
    readonly record: string,
    readonly field: string,
    readonly reason: string,
  ) {
    super(`record ${record}, field ${field}: ${reason}`);
  }
}

type Obj = Record<string, unknown>;

function checker(record: string) {
  const fail = (field: string, reason: string): never => {
    throw new StoredRecordError(record, field, reason);
  };
  const obj = (v: unknown, field: string): Obj => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(field, 'expected an object');
    return v as Obj;
  };
  const arr = (v: unknown, field: string): unknown[] => {
    if (!Array.isArray(v)) fail(field, 'expected an array');
    return v as unknown[];
  };
  const str = (v: unknown, field: string): string => {
    if (typeof v !== 'string') fail(field, 'expected a string');
    return v as string;
  };
  const nat = (v: unknown, field: string): number => {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) fail(field, 'expected a non-negative integer');
    return v as number;
  };
  const strings = (v: unknown, field: string): string[] => {
    const a = arr(v, field);
    for (let i = 0; i < a.length; i++) if (typeof a[i] !== 'string') fail(`${field}[${i}]`, 'expected a string');
    return a as string[];
  };
  const numbers = (v: unknown, field: string): number[] => {
    const a = arr(v, field);
    for (let i = 0; i < a.length; i++) if (typeof a[i] !== 'number' || !Number.isFinite(a[i])) fail(`${field}[${i}]`, 'expected a finite number');
    return a as number[];
  };
  const below = (v: unknown, limit: number, field: string, what: string): void => {
    if (nat(v, field) >= limit) fail(field, `${what} ${String(v)} does not exist (${limit} known)`);
  };
  return { fail, obj, arr, str, nat, strings, numbers, below };
}

function isNat(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0;
}

/** True when `v` is an array of non-negative integers below `limit`. */
function allBelow(v: unknown, limit: number): boolean {
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (!isNat(v[i]) || (v[i] as number) >= limit) return false;
  return true;
}

function allFinite(v: unknown): boolean {
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (typeof v[i] !== 'number' || !Number.isFinite(v[i])) return false;
  return true;
}

function isFigure(fig: unknown): boolean {
  return Array.isArray(fig) && fig.length === 4 && allFinite(fig.slice(0, 3)) && Array.isArray(fig[3]) && (fig[3] as unknown[]).every((u) => typeof u === 'string');
}

type Checker = ReturnType<typeof checker>;

/** Names the first bad field of a claim signature (called only once the quick check failed). */
function checkClaim(c: Checker, sig: unknown, f: string, articles: number, claimGroups: number, keys: number, places: number): void {
  const t = c.arr(sig, f);
  if (t.length !== 6) c.fail(f, 'expected [article, sentence, group, keys, figures, places]');
  c.below(t[0], articles, `${f}[0]`, 'article');
  c.nat(t[1], `${f}[1]`);
  c.below(t[2], claimGroups, `${f}[2]`, 'claim group');
  c.numbers(t[3], `${f}[3]`).forEach((k, j) => c.below(k, keys, `${f}[3][${j}]`, 'key'));
  c.arr(t[4], `${f}[4]`).forEach((fig, j) => {
    const ft = c.arr(fig, `${f}[4][${j}]`);
    if (ft.length !== 4) c.fail(`${f}[4][${j}]`, 'expected [value, qualifier, class, unit keys]');
    c.numbers(ft.slice(0, 3), `${f}[4][${j}]`);
    c.strings(ft[3], `${f}[4][${j}][3]`);
  });
  c.numbers(t[5], `${f}[5]`).forEach((p, j) => c.below(p, places, `${f}[5][${j}]`, 'place'));
}

/** Names the first bad field of a quote signature (called only once the quick check failed). */
function checkQuote(c: Checker, sig: unknown, f: string, articles: number, quoteGroups: number, words: number): void {
  const t = c.arr(sig, f);
  if (t.length !== 5) c.fail(f, 'expected [article, sentence, group, words, sentence breaks]');
  c.below(t[0], articles, `${f}[0]`, 'article');
  c.nat(t[1], `${f}[1]`);
  c.below(t[2], quoteGroups, `${f}[2]`, 'quote group');
  c.numbers(t[3], `${f}[3]`).forEach((w, j) => c.below(w, words, `${f}[3][${j}]`, 'word'));
  c.numbers(t[4], `${f}[4]`);
}

/** Name of a matcher part's record in errors. */
function partRecord(shard: string): string {
  return `matcher "${shard}"`;
}

/** Name of the matcher's `core` record in errors. */
const MATCHER_RECORD = partRecord(CORE_PART);

/** What the `core` part holds, counted: the other parts' references are checked against it. */
interface NameCounts {
  articles: number;
  entities: number;
  words: number;
  places: number;
}

/** What the `meta` part holds, counted, and the claim groups (their own parts in layout 4). */
interface MetaCounts {
  keys: number;
  claimGroups: number;
  quoteGroups: number;
}

/** The `core` fields (names); `current`: the data is of this MATCHER_DATA_VERSION (older data is recompiled, so only its shape is checked). */
function checkNames(c: Checker, m: Obj, current: boolean): NameCounts {
  const articles = c.strings(m.articles, 'articles').length;
  // A shard of an older version has no addresses; the store recompiles it, so only check the current shape.
  if (current && c.strings(m.articleUrls, 'articleUrls').length !== articles) c.fail('articleUrls', `expected one address per article (${articles})`);
  const entities = c.strings(m.entities, 'entities').length;
  if (c.str(m.entityKinds, 'entityKinds').length !== entities) c.fail('entityKinds', `expected one letter per entity (${entities})`);
  c.arr(m.entityRefs, 'entityRefs').forEach((refs, i) => c.numbers(refs, `entityRefs[${i}]`));
  if ((m.entityRefs as unknown[]).length !== entities) c.fail('entityRefs', `expected one list per entity (${entities})`);
  const words = c.strings(m.words, 'words').length;
  const automaton = c.obj(m.automaton, 'automaton');
  for (const k of ['edges', 'fail', 'out', 'link'] as const) c.numbers(automaton[k], `automaton.${k}`);
  c.numbers(m.patterns, 'patterns');
  const places = c.strings(m.places, 'places').length;
  return { articles, entities, words, places };
}

/** The `meta` fields: keys, groups, and the re-ranker's per-article and per-entity lists (version 4). */
function checkMetaPart(c: Checker, m: Obj, n: NameCounts, current: boolean): Omit<MetaCounts, 'claimGroups'> {
  const keys = c.strings(m.keys, 'keys').length;
  if (c.numbers(m.weights, 'weights').length !== keys) c.fail('weights', `expected one weight per key (${keys})`);
  const quoteGroups = c.strings(m.quoteGroups, 'quoteGroups').length;
  // The claim re-ranker's fields (version 4); an older shard is recompiled, so only the current shape is checked.
  if (current) {
    if (c.numbers(m.articleYears, 'articleYears').length !== n.articles) c.fail('articleYears', `expected one year per article (${n.articles})`);
    if (c.strings(m.keyWords, 'keyWords').length !== keys) c.fail('keyWords', `expected one word per key (${keys})`);
    const descriptorWords = c.strings(m.descriptorWords, 'descriptorWords').length;
    const lists = c.arr(m.entityDescriptors, 'entityDescriptors');
    if (lists.length !== n.entities) c.fail('entityDescriptors', `expected one list per entity (${n.entities})`);
    lists.forEach((l, i) => c.numbers(l, `entityDescriptors[${i}]`).forEach((w, j) => c.below(w, descriptorWords, `entityDescriptors[${i}][${j}]`, 'descriptor word')));
  }
  return { keys, quoteGroups };
}

/** The claim signatures of `m.claims` (the first one's index in all the claims is `from`), and for current data their flags. */
function checkClaims(c: Checker, m: Obj, from: number, n: NameCounts, meta: MetaCounts, current: boolean): number {
  const { articles, places } = n;
  const { claimGroups, keys } = meta;
  // The signature lists hold hundreds of thousands of numbers at 5,000 articles: each is checked with
  // a plain comparison, and a field name is only spelled out (by the checker) when one fails.
  const claims = c.arr(m.claims, 'claims');
  claims.forEach((sig, i) => {
    const t = sig as unknown[];
    if (!Array.isArray(t) || t.length !== 6 || !isNat(t[0]) || t[0] >= articles || !isNat(t[1]) || !isNat(t[2]) || t[2] >= claimGroups || !allBelow(t[3], keys) || !Array.isArray(t[4]) || !allBelow(t[5], places) || !(t[4] as unknown[]).every(isFigure)) {
      checkClaim(c, sig, `claims[${from + i}]`, articles, claimGroups, keys, places);
    }
  });
  if (current && c.numbers(m.claimFlags, 'claimFlags').length !== claims.length) c.fail('claimFlags', `expected one flag set per claim (${claims.length})`);
  return claims.length;
}

/**
 * A claim part's traits as stored (matcher-row.ts): `traits`, a list of distinct tuples (their shape
 * is the matcher's to judge: core/match/relate leaves a malformed one out), and `traitOf`, one
 * number per claim below the list's length; both present or both absent.
 */
function checkTraitTable(c: Checker, m: Obj): void {
  if (!('traits' in m) && !('traitOf' in m)) return;
  const table = c.arr(m.traits, 'traits').length;
  const claims = c.arr(m.claims, 'claims').length;
  const of = c.arr(m.traitOf, 'traitOf');
  if (of.length !== claims) c.fail('traitOf', `expected one traits number per claim (${claims})`);
  for (let i = 0; i < of.length; i++) if (!isNat(of[i]) || (of[i] as number) >= table) c.below(of[i], table, `traitOf[${i}]`, 'traits tuple');
}

/** The quote signatures of `m.quotes` (the first one's index in all the quotes is `from`). */
function checkQuotes(c: Checker, m: Obj, from: number, n: NameCounts, meta: MetaCounts): number {
  const { articles, words } = n;
  const { quoteGroups } = meta;
  const quotes = c.arr(m.quotes, 'quotes');
  quotes.forEach((sig, i) => {
    const t = sig as unknown[];
    if (!Array.isArray(t) || t.length !== 5 || !isNat(t[0]) || t[0] >= articles || !isNat(t[1]) || !isNat(t[2]) || t[2] >= quoteGroups || !allBelow(t[3], words) || !allFinite(t[4])) {
      checkQuote(c, sig, `quotes[${from + i}]`, articles, quoteGroups, words);
    }
  });
  return quotes.length;
}

/**
 * Checks whole matcher data (one object, as compiled). Data of another MATCHER_DATA_VERSION is not
 * an error here: the store recompiles it from the full records (see corpus-store.ts).
 */
export function validateMatcherCore(value: unknown): MatcherData {
  const c = checker(MATCHER_RECORD);
  const m = c.obj(value, '(root)');
  const current = c.nat(m.schemaVersion, 'schemaVersion') === MATCHER_DATA_VERSION;
  const n = checkNames(c, m, current);
  const meta = { ...checkMetaPart(c, m, n, current), claimGroups: c.strings(m.claimGroups, 'claimGroups').length };
  checkClaims(c, m, 0, n, meta, current);
  checkQuotes(c, m, 0, n, meta);
  return m as unknown as MatcherData;
}

/**
 * Checks a stored quote bigram index against the shard it belongs to: typed arrays of the right
 * kinds, keys ascending and below stride², each key's run of postings non-empty and in bounds,
 * every posting a quote of the shard. One comparison per element (about a million at 5,000
 * articles); a field is named only when one fails.
 */
export function validateQuoteBigrams(value: unknown, quotes: number, stride: number, record = MATCHER_RECORD): QuoteBigrams {
  const c = checker(record);
  const b = c.obj(value, 'quoteBigrams');
  if (!(b.keys instanceof Float64Array)) c.fail('quoteBigrams.keys', 'expected a Float64Array');
  if (!(b.starts instanceof Uint32Array)) c.fail('quoteBigrams.starts', 'expected a Uint32Array');
  if (!(b.postings instanceof Uint32Array)) c.fail('quoteBigrams.postings', 'expected a Uint32Array');
  const { keys, starts, postings } = b as unknown as QuoteBigrams;
  if (starts.length !== keys.length + 1) c.fail('quoteBigrams.starts', `expected one start per key and one more (${keys.length + 1}), found ${starts.length}`);
  const limit = stride * stride;
  let previous = -1;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (!Number.isInteger(k) || k <= previous || k >= limit) c.fail(`quoteBigrams.keys[${i}]`, `expected an integer above the previous key and below ${limit}, found ${k}`);
    previous = k;
  }
  if (starts[0] !== 0) c.fail('quoteBigrams.starts[0]', 'expected 0');
  for (let i = 1; i < starts.length; i++) if (starts[i] <= starts[i - 1]) c.fail(`quoteBigrams.starts[${i}]`, 'expected above the previous start (every key has a quote)');
  if (starts[starts.length - 1] !== postings.length) c.fail(`quoteBigrams.starts[${starts.length - 1}]`, `expected the number of postings (${postings.length})`);
  for (let i = 0; i < postings.length; i++) if (postings[i] >= quotes) c.fail(`quoteBigrams.postings[${i}]`, `quote ${postings[i]} does not exist (${quotes} known)`);
  return b as unknown as QuoteBigrams;
}

/** Checks one stored card record, and that it is the record it is stored as. */
export function validateDetails(value: unknown, kind: DetectionKind, id: string): CardRecord {
  const c = checker(`${kind} ${JSON.stringify(id)} (card details)`);
  const d = c.obj(value, '(root)');
  const type = kind === 'person' || kind === 'organisation' ? 'entity' : kind;
  if (d.type !== type) c.fail('type', `expected ${JSON.stringify(type)}`);
  if (d.id !== id) c.fail('id', `expected ${JSON.stringify(id)}`);
  if (type === 'entity' && d.kind !== kind) c.fail('kind', `expected ${JSON.stringify(kind)}`);
  c.str(d.link, 'link');
  c.nat(d.covered, 'covered');
  c.nat(d.total, 'total');
  if (d.articlesLeft !== undefined) c.nat(d.articlesLeft, 'articlesLeft');
  const articleRef = (v: unknown, field: string) => {
    const a = c.obj(v, field);
    for (const k of ['id', 'outlet', 'headline', 'date', 'url'] as const) c.str(a[k], `${field}.${k}`);
  };
  if (type === 'entity') {
    c.str(d.name, 'name');
    c.strings(d.aliases, 'aliases');
    c.arr(d.articles, 'articles').forEach((a, i) => {
      const o = c.obj(a, `articles[${i}]`);
      articleRef(o.article, `articles[${i}].article`);
      c.nat(o.mentions, `articles[${i}].mentions`);
      c.strings(o.surfaces, `articles[${i}].surfaces`);
      c.arr(o.descriptors, `articles[${i}].descriptors`);
      c.arr(o.quotes, `articles[${i}].quotes`);
    });
    c.arr(d.related, 'related');
  } else {
    c.str(d.reference, 'reference');
    c.arr(d.members, 'members').forEach((m, i) => {
      const o = c.obj(m, `members[${i}]`);
      articleRef(o.article, `members[${i}].article`);
      c.str(type === 'claim' ? o.excerpt : o.text, `members[${i}].${type === 'claim' ? 'excerpt' : 'text'}`);
    });
    if (type === 'claim') {
      c.str(d.topic, 'topic');
      c.arr(d.byOutlet, 'byOutlet');
      c.arr(d.differences, 'differences');
    } else {
      c.obj(d.speaker, 'speaker');
    }
  }
  return d as unknown as CardRecord;
}

const INDEX_PATH = /^index\.(\w+)\[(\d+)\](\S*): ([\s\S]*)$/;

/**
 * Turns a validateIndex error ("index.entities[3].coverage[0].article: unknown article id") about a
 * reassembled index into the record it names ("entities "person:a-b", field coverage[0].article").
 */
export function recordError(message: string, index: CorpusIndex): StoredRecordError {
  const m = INDEX_PATH.exec(message);
  if (!m) return new StoredRecordError('(corpus)', message.split(':')[0] ?? '(root)', message.slice(message.indexOf(':') + 1).trim());
  const [, coll, n, rest, reason] = m;
  const list = (index as unknown as Record<string, unknown[]>)[coll];
  const record = Array.isArray(list) ? (list[Number(n)] as { id?: unknown; alias?: unknown } | undefined) : undefined;
  const known = coll === 'articles' || (RECORD_COLLECTIONS as readonly string[]).includes(coll);
  const name = record && typeof record === 'object' ? (record.id ?? record.alias) : undefined;
  const label = known && typeof name === 'string' ? `${coll} ${JSON.stringify(name)}` : `${coll}[${n}]`;
  return new StoredRecordError(label, rest.replace(/^\./, '') || '(root)', reason);
}

const ORIGINS = ['bundled', 'imported', 'page'];
const STATUSES = ['importing', 'ready', 'broken'];

/**
 * Checks a corpus's metadata row. A bad row is not dropped (the reader could not delete what is not
 * listed): it comes back as a broken corpus whose reason names the field, with neutral values
 * where fields were unusable.
 */
export function checkMeta(value: unknown): CorpusMeta {
  const raw = (typeof value === 'object' && value !== null ? value : {}) as Partial<CorpusMeta> & Obj;
  const id = typeof raw.id === 'string' ? raw.id : String(raw.id);
  const c = checker('corpus metadata');
  try {
    c.str(raw.name, 'name');
    c.str(raw.data, 'data');
    if (!ORIGINS.includes(raw.origin as string)) c.fail('origin', `expected one of ${ORIGINS.join(', ')}`);
    if (!STATUSES.includes(raw.status as string)) c.fail('status', `expected one of ${STATUSES.join(', ')}`);
    if (typeof raw.active !== 'boolean') c.fail('active', 'expected true or false');
    for (const k of ['created', 'updated', 'schemaVersion'] as const) c.nat(raw[k], k);
    if (raw.retired !== undefined) c.strings(raw.retired, 'retired');
    if (raw.articlesFrom !== undefined) c.strings(raw.articlesFrom, 'articlesFrom');
    if (raw.rowsFrom !== undefined) c.strings(raw.rowsFrom, 'rowsFrom');
    if (raw.detailsBuckets !== undefined && !(Number.isInteger(raw.detailsBuckets) && raw.detailsBuckets > 0)) c.fail('detailsBuckets', 'expected a whole number above 0');
    if (raw.detailsDirectory !== undefined && !(Number.isInteger(raw.detailsDirectory) && raw.detailsDirectory > 0)) c.fail('detailsDirectory', 'expected a whole number above 0');
    const counts = c.obj(raw.counts, 'counts');
    for (const k of ['articles', 'outlets', 'people', 'organisations', 'claims', 'quotes'] as const) c.nat(counts[k], `counts.${k}`);
    if (raw.dateRange !== null) {
      const range = c.obj(raw.dateRange, 'dateRange');
      c.str(range.from, 'dateRange.from');
      c.str(range.to, 'dateRange.to');
    }
    return raw as CorpusMeta;
  } catch (error) {
    const name = typeof raw.name === 'string' ? raw.name : id;
    return {
      id,
      name,
      origin: ORIGINS.includes(raw.origin as string) ? (raw.origin as CorpusMeta['origin']) : 'imported',
      counts: { articles: 0, outlets: 0, people: 0, organisations: 0, claims: 0, quotes: 0 },
      dateRange: null,
      created: typeof raw.created === 'number' ? raw.created : 0,
      updated: typeof raw.updated === 'number' ? raw.updated : 0,
      schemaVersion: typeof raw.schemaVersion === 'number' ? raw.schemaVersion : 0,
      status: 'broken',
      reason: `Corpus "${name}" (${id}) is broken: ${error instanceof Error ? error.message : String(error)}`,
      active: false,
      data: typeof raw.data === 'string' ? raw.data : '',
    };
  }
}

/** A stored part's JSON, parsed (not yet validated). */
function parsePart(row: { [K in keyof PackedMatcher]?: unknown }, shard: string): Obj {
  const record = partRecord(shard);
  if (!(row.json instanceof Uint8Array)) throw new StoredRecordError(record, 'json', 'expected the bytes of JSON text (a Uint8Array)');
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(row.json));
  } catch (error) {
    throw new StoredRecordError(record, 'json', `not UTF-8 JSON text (${error instanceof Error ? error.message : String(error)})`);
  }
  return checker(record).obj(parsed, '(root)');
}

/** A stored row of matcher data as the store reads it (any field may be missing or wrong). */
export type StoredPartRow = { [K in keyof PackedMatcher]?: unknown };

/**
 * Reads a matcher's parts (layout 4, matcher-row.ts) one at a time and validates each as it comes:
 * the `core` part first (names: `names` is usable at once), then the parts it lists, in order, then
 * `finish` joins them. Bad data throws a StoredRecordError naming the part and the field (the store
 * marks the corpus broken with it); so does a part that is missing or out of order.
 */
export class MatcherPartsReader {
  /** The data's MATCHER_DATA_VERSION; data of another version is not validated further (the store recompiles it). */
  readonly schemaVersion: number;
  /** The shards of the other parts, in order (empty for data of another version). */
  readonly parts: string[] = [];
  private names: MatcherNames | null = null;
  private counts: NameCounts | null = null;
  private meta: { value: Obj; counts: MetaCounts } | null = null;
  private bigrams: { value: unknown; shard: string } | null = null;
  private readonly lists: Obj[] = [];
  private claims = 0;
  private quotes = 0;
  private next = 0;

  constructor(core: StoredPartRow) {
    const c = checker(MATCHER_RECORD);
    const m = parsePart(core, CORE_PART);
    this.schemaVersion = c.nat(m.schemaVersion, 'schemaVersion');
    if (this.schemaVersion !== MATCHER_DATA_VERSION) return;
    this.counts = checkNames(c, m, true);
    this.names = m as unknown as MatcherNames;
    this.parts = c.strings(core.parts, 'parts');
    if (this.parts[0] !== META_PART) c.fail('parts', `expected "${META_PART}" first`);
  }

  /** The `core` part (null for data of another version). */
  namesPart(): MatcherNames | null {
    return this.names;
  }

  /** Validates the next part listed (its row; undefined when the row is missing). */
  add(row: StoredPartRow | undefined): void {
    const shard = this.parts[this.next++];
    const counts = this.counts;
    if (shard === undefined || !counts) throw new StoredRecordError(MATCHER_RECORD, 'parts', 'a part was read that is not listed');
    const record = partRecord(shard);
    if (!row) throw new StoredRecordError(record, '(root)', 'missing');
    const c = checker(record);
    const m = parsePart(row, shard);
    if (row.quoteBigrams !== undefined) this.bigrams = { value: row.quoteBigrams, shard };
    if (shard === META_PART) {
      this.meta = { value: m, counts: { ...checkMetaPart(c, m, counts, true), claimGroups: 0 } };
      return;
    }
    const meta = this.meta!;
    const from = c.nat(m.from, 'from');
    if ('claimGroups' in m) {
      // Listed before the claims: a claim's group number is checked against the groups read so far.
      if (from !== meta.counts.claimGroups) c.fail('from', `expected ${meta.counts.claimGroups} (the claim groups of the parts before it)`);
      meta.counts.claimGroups += c.strings(m.claimGroups, 'claimGroups').length;
    } else if ('claims' in m) {
      if (from !== this.claims) c.fail('from', `expected ${this.claims} (the claims of the parts before it)`);
      checkTraitTable(c, m);
      unpackClaimPart(m);
      this.claims += checkClaims(c, m, from, counts, meta.counts, true);
    } else {
      if (from !== this.quotes) c.fail('from', `expected ${this.quotes} (the quotes of the parts before it)`);
      this.quotes += checkQuotes(c, m, from, counts, meta.counts);
    }
    delete m.from;
    this.lists.push(m);
  }

  /** Whether every listed part has been added. */
  get done(): boolean {
    return this.next >= this.parts.length;
  }

  /** The whole matcher, once every listed part has been added. */
  finish(): StoredMatcher {
    const names = this.names;
    if (!names || !this.meta || !this.done) throw new StoredRecordError(MATCHER_RECORD, 'parts', 'not every part was read');
    const data = joinParts(names, this.meta.value, this.lists);
    if (!this.bigrams) return { data };
    return { data, quoteBigrams: validateQuoteBigrams(this.bigrams.value, this.quotes, this.counts!.words + 1, partRecord(this.bigrams.shard)) };
  }
}

/**
 * Matcher data from its stored parts (`core` first, then the others in any order), validated in one
 * go: what the store reads part by part (MatcherPartsReader). Bad data throws a StoredRecordError.
 */
export function unpackMatcher(rows: readonly (StoredPartRow & { shard: string })[]): StoredMatcher {
  const byShard = new Map(rows.map((r) => [r.shard, r]));
  const reader = new MatcherPartsReader(byShard.get(CORE_PART) ?? {});
  for (const shard of reader.parts) reader.add(byShard.get(shard));
  return reader.finish();
}
