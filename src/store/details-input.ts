/**
 * The card records of an install, built and handed on as a corpus file's records pass (records in
 * file order: articles, entities, ambiguous aliases, quotes, quote groups, claims, claim groups). An
 * entity's card lists its quotes, which come after the entities: the entities' cards are built once
 * the quotes are read (ENTITY_CARDS_PER_RECORD before each record that follows), then the entities'
 * coverage and the articles' texts are let go; a quote group's card is built as the group is read
 * and the quotes let go after the last group; a claim group's card likewise, its claims let go with
 * it. What is held meanwhile is what the records still to come need: article facts (texts packed as
 * UTF-8, outside the JavaScript heap, until the entities' cards are built), the entities until then,
 * and the quotes or claims waiting for their groups (ids and links as fields, the rest packed as
 * UTF-8 JSON and parsed when a card reads it). Cards are written about DETAILS_PER_BUCKET to a row
 * (cut by content: shared-rows.ts) in the order they are built (db.ts DetailsRecordRow) and found through a directory written last
 * (DetailsDirectoryRow). Before, the whole file's copy was held until the end and the card records
 * built from it in rounds: at 20,000 generated articles ~1 GB of heap
 * (scripts/bench/install-memory.ts).
 */
import { cardDetailsFrom, type CardRecord } from '../core/index/card-details';
import type { Lookups } from '../core/index/details';
import type { ArticleRecord, ClaimRecord, CorpusIndex, DetectionKind, EntityRecord, Mention, QuoteRecord, Span } from '../core/index/types';
import type { TextPacker } from '../core/match/compile';
import type { CorpusSummary } from '../shared/protocol';
import { CORPUS_SECTIONS, type CorpusRecord, type CorpusSection } from './corpus-file-reader';
import { DETAILS_DIRECTORY_KIND, DETAILS_PER_BUCKET, DETAILS_ROW_KIND, detailsKey, directoryRow, directoryRowCount, type DetailsDirectoryRow, type DetailsRecordRow } from './db';
import { summarise } from './summary';
import { MAX_ROW_FACTOR, contentBoundary } from './shared-rows';

/** The one empty list the copy's left-out fields share. */
const NONE: never[] = Object.freeze([]) as unknown as never[];

/** An article of the copy: what a card shows of it, its text packed and its sentences as numbers. */
class LeanArticle implements ArticleRecord {
  paragraphs = NONE;
  furniture = NONE;
  private packed: string | Uint8Array;
  private bounds: Int32Array;
  constructor(
    private readonly texts: TextPacker,
    private readonly last: { article: LeanArticle | null; text: string; spans: Span[] },
    readonly id: string,
    readonly outlet: string,
    readonly headline: string,
    readonly date: string,
    readonly url: string,
    readonly wordCount: number,
    text: string,
    sentences: readonly Span[],
  ) {
    this.packed = texts.pack(text);
    this.bounds = new Int32Array(sentences.length * 2);
    sentences.forEach((sp, k) => {
      this.bounds[k * 2] = sp.start;
      this.bounds[k * 2 + 1] = sp.end;
    });
  }

  /** The article's text (unpacked once while it is the last article read). */
  get text(): string {
    this.read();
    return this.last.text;
  }

  /** The article's sentences (rebuilt once while it is the last article read). */
  get sentences(): Span[] {
    this.read();
    return this.last.spans;
  }

  /** Lets the text go (no card reads it once the entities' cards are built). */
  forgetText(): void {
    this.packed = '';
    this.bounds = new Int32Array(0);
    if (this.last.article === this) this.last.article = null;
  }

  private read(): void {
    if (this.last.article === this) return;
    this.last.text = typeof this.packed === 'string' ? this.packed : this.texts.unpack(this.packed);
    const spans: Span[] = [];
    for (let k = 0; k < this.bounds.length; k += 2) spans.push({ start: this.bounds[k], end: this.bounds[k + 1] });
    this.last.spans = spans;
    this.last.article = this;
  }
}

/**
 * Bytes of one block of packed fields. Packed as UTF-8 into blocks, fields take a byte a character
 * of Latin text and no object per record (a JSON string per record took more heap than the objects
 * it replaced: a quarter of the generated claims hold a character beyond Latin-1, which makes the
 * whole string two bytes a character).
 */
const PACKED_BLOCK_BYTES = 1 << 20;

/** JSON texts packed end to end as UTF-8 in blocks, each read back by where it was put. */
class PackedJson {
  private readonly blocks: Uint8Array[] = [];
  private block = new Uint8Array(0);
  private used = 0;
  private readonly encoder = new TextEncoder();
  private readonly decoder = new TextDecoder();

  /** Packs `value` as JSON; returns [block, start, end]. */
  put(value: unknown): [number, number, number] {
    // JSON.stringify escapes lone surrogates, so the text encodes to UTF-8 and back unchanged.
    const text = JSON.stringify(value);
    let { read, written } = this.encoder.encodeInto(text, this.block.subarray(this.used));
    if (read < text.length) {
      // Full: a new block (larger when one text needs more; UTF-8 takes at most 3 bytes a UTF-16 unit).
      this.block = new Uint8Array(Math.max(PACKED_BLOCK_BYTES, text.length * 3));
      this.blocks.push(this.block);
      this.used = 0;
      ({ written } = this.encoder.encodeInto(text, this.block));
    }
    const start = this.used;
    this.used += written;
    return [this.blocks.length - 1, start, this.used];
  }

  /** The value packed at [block, start, end]. */
  get(block: number, start: number, end: number): unknown {
    return JSON.parse(this.decoder.decode(this.blocks[block]!.subarray(start, end)));
  }
}

/** Where the fields of the last record of one kind read were packed, and those fields parsed. */
interface Unpacked {
  of: unknown;
  fields: unknown;
}

/**
 * A record's fields packed (PackedJson), parsed when one is read: the fields a card reads of one
 * record one after another are parsed once (the last parsed record of its kind is kept).
 */
class PackedFields<F> {
  private readonly block: number;
  private readonly start: number;
  private readonly end: number;

  constructor(
    fields: F,
    private readonly packed: PackedJson,
    private readonly last: Unpacked,
  ) {
    [this.block, this.start, this.end] = packed.put(fields);
  }

  protected field<K extends keyof F>(key: K): F[K] {
    if (this.last.of !== this) {
      this.last.fields = this.packed.get(this.block, this.start, this.end);
      this.last.of = this;
    }
    return (this.last.fields as F)[key];
  }
}

type ClaimFields = Pick<ClaimRecord, 'text' | 'type' | 'sentence' | 'figures' | 'places' | 'dates'>;

/** A claim of the copy: its id and links as fields, what a card shows of it packed. */
class LeanClaim extends PackedFields<ClaimFields> implements ClaimRecord {
  entities = NONE;
  keywords = NONE;
  constructor(
    readonly id: string,
    readonly article: string,
    readonly group: string,
    c: ClaimFields,
    packed: PackedJson,
    last: Unpacked,
  ) {
    super({ text: c.text, type: c.type, sentence: c.sentence, figures: c.figures, places: c.places, dates: c.dates }, packed, last);
  }
  get text() {
    return this.field('text');
  }
  get type() {
    return this.field('type');
  }
  get sentence() {
    return this.field('sentence');
  }
  get figures() {
    return this.field('figures');
  }
  get places() {
    return this.field('places');
  }
  get dates() {
    return this.field('dates');
  }
}

type QuoteFields = Pick<QuoteRecord, 'text' | 'tense' | 'speakerText'>;

/** A quote of the copy: its id and links as fields, its words and how it was said packed. */
class LeanQuote extends PackedFields<QuoteFields> implements QuoteRecord {
  speaker = null;
  spans = NONE;
  sentences = NONE;
  constructor(
    readonly id: string,
    readonly article: string,
    readonly group: string,
    q: QuoteFields,
    packed: PackedJson,
    last: Unpacked,
  ) {
    super({ text: q.text, tense: q.tense, speakerText: q.speakerText }, packed, last);
  }
  get text() {
    return this.field('text');
  }
  get tense() {
    return this.field('tense');
  }
  get speakerText() {
    return this.field('speakerText');
  }
}

/**
 * Entity cards built before each record once the quotes are read (until all are built): spread over
 * the records that follow, so the rows they make are written between the pieces of a file as the
 * groups' are, never thousands at once, and the rows come out the same however the file is cut.
 */
const ENTITY_CARDS_PER_RECORD = 1;

/**
 * The `total` (the corpus's article count) a stored card record carries: none. The store gives a
 * card the count of the generation it reads (corpus-store.ts readDetails, from the metadata), so
 * an add, which changes the count, does not change every card record.
 */
export const STORED_TOTAL = 0;

/** A row of card records or of the directory, for the generation its writer puts it in. */
export type DetailsRowOut = Omit<DetailsRecordRow, 'data'> | Omit<DetailsDirectoryRow, 'data'>;

/**
 * A row of card records not yet built (DetailsInput given `defer`, over a whole index): its number, the
 * keys of its cards (detailsKey) and their kinds and ids, in row order. Its writer builds it
 * (DetailsInput.build) or takes a row an earlier generation has with the same cards (corpus-store.ts).
 */
export interface DeferredRow {
  kind: typeof DETAILS_ROW_KIND;
  id: string;
  keys: string[];
  cards: [DetectionKind, string][];
}

/** Where a section stands in a corpus file's order. */
const ORDER = new Map<CorpusSection, number>(CORPUS_SECTIONS.map((s, i) => [s, i]));

/** An entity as quote cards and related entities read it once the entities' own cards are built. */
function namesOnly(e: EntityRecord): EntityRecord {
  return { id: e.id, kind: e.kind, name: e.name, aliases: NONE, coverage: NONE, related: NONE };
}

/** Builds the card records of a corpus from its records, in file order, and hands their rows to `emit`. */
export class DetailsInput {
  private readonly shared = new Map<string, string>();
  /** One mention per surface: a card reads a mention's surface and how many there are, not where it stands. */
  private readonly mentions = new Map<string, Mention>();
  private readonly last = { article: null as LeanArticle | null, text: '', spans: [] as Span[] };
  private quotesPacked = new PackedJson();
  private claimsPacked = new PackedJson();
  /** The last record parsed, per kind of packed record. */
  private readonly unpacked = { claims: { of: null, fields: null }, quotes: { of: null, fields: null } } satisfies Record<string, Unpacked>;
  /** What the cards read, as the records read so far (and not yet let go) give it. */
  private readonly look: Lookups = {
    articles: new Map(),
    entities: new Map(),
    quotes: new Map(),
    claims: new Map(),
    claimGroups: new Map(),
    quoteGroups: new Map(),
    quoteWordings: new Map(),
  };
  private readonly articles: LeanArticle[] = [];
  private readonly entities: EntityRecord[] = [];
  /** Entities whose card is still to be built (once the quotes are read), from the end. */
  private pendingEntities: [DetectionKind, string][] | null = null;
  private entitiesDone = false;
  private section = -1;
  private quoteGroups = 0;
  private claimGroups = 0;
  private records: CardRecord[] = [];
  private rows = 0;
  private readonly keys: string[] = [];
  private readonly keyRows: number[] = [];

  /** The cards of the row being cut, when they are built later (`defer`). */
  private deferred: [DetectionKind, string][] = [];

  /** Given `defer`: the lookups of the whole index. */
  private readonly whole?: Lookups;

  /**
   * `emit` gets each row as it is cut, with the keys of its cards (a row of card records) in order.
   * Given `defer` (`look`: the lookups of the whole index the records come from, an install of an
   * index held in memory), no card is built as the records pass: `defer.row` gets each row of
   * cards as a DeferredRow, cut where the built row would be, and its writer builds the ones it
   * needs (build) from `look`; `emit` gets the directory.
   */
  constructor(
    private readonly texts: TextPacker,
    private readonly emit: (row: DetailsRowOut, keys: readonly string[]) => void,
    private readonly defer?: { look: Lookups; row: (row: DeferredRow) => void },
  ) {
    this.whole = defer?.look;
  }

  /** The card records of a deferred row's cards (as they would have been built as the records passed). */
  build(cards: readonly [DetectionKind, string][]): CardRecord[] {
    const look = this.whole;
    if (!look) throw new Error('card records: build() is for rows cut over a whole index');
    return cards.map(([kind, id]) => cardDetailsFrom(look, STORED_TOTAL, kind, id)!);
  }

  /** One string for a value many records repeat. */
  private one(value: string): string {
    const known = this.shared.get(value);
    if (known !== undefined) return known;
    this.shared.set(value, value);
    return value;
  }

  private mention(surface: string): Mention {
    let m = this.mentions.get(surface);
    if (!m) this.mentions.set(surface, (m = Object.freeze({ start: 0, end: 0, sentence: 0, surface })));
    return m;
  }

  /** Takes one checked record of `section` (sections in file order). */
  add<S extends CorpusSection>(section: S, record: CorpusRecord<S>): void {
    this.reach(ORDER.get(section)!);
    this.buildEntities(ENTITY_CARDS_PER_RECORD);
    if (this.whole) {
      this.addWhole(section, record);
      return;
    }
    const look = this.look;
    switch (section) {
      case 'articles': {
        const a = record as CorpusRecord<'articles'>;
        const lean = new LeanArticle(this.texts, this.last, this.one(a.id), this.one(a.outlet), a.headline, this.one(a.date), a.url, a.wordCount, a.text, a.sentences);
        this.articles.push(lean);
        look.articles.set(lean.id, lean);
        break;
      }
      case 'entities': {
        const e = record as CorpusRecord<'entities'>;
        const lean: EntityRecord = {
          id: this.one(e.id),
          kind: e.kind,
          name: e.name,
          aliases: e.aliases,
          coverage: e.coverage.map((c) => ({
            article: this.one(c.article),
            mentions: c.mentions.map((m) => this.mention(m.surface)),
            descriptors: c.descriptors.length ? c.descriptors : NONE,
            quotes: c.quotes.length ? c.quotes : NONE,
          })),
          related: e.related.map((r) => ({ entity: this.one(r.entity), articles: r.articles.map((a) => this.one(a)) })),
        };
        this.entities.push(lean);
        look.entities.set(lean.id, lean);
        break;
      }
      case 'quotes': {
        const q = record as CorpusRecord<'quotes'>;
        look.quotes.set(q.id, new LeanQuote(q.id, this.one(q.article), this.one(q.group), q, this.quotesPacked, this.unpacked.quotes));
        break;
      }
      case 'claims': {
        const c = record as CorpusRecord<'claims'>;
        look.claims.set(c.id, new LeanClaim(c.id, this.one(c.article), this.one(c.group), c, this.claimsPacked, this.unpacked.claims));
        break;
      }
      case 'quoteGroups': {
        const g = record as CorpusRecord<'quoteGroups'>;
        this.quoteGroups++;
        look.quoteGroups.set(g.id, g);
        this.card('quote', g.id);
        look.quoteGroups.delete(g.id);
        break;
      }
      case 'claimGroups': {
        const g = record as CorpusRecord<'claimGroups'>;
        this.claimGroups++;
        look.claimGroups.set(g.id, g);
        this.card('claim', g.id);
        look.claimGroups.delete(g.id);
        // A claim belongs to one group (its `group`): with the group's card built, no card reads it again.
        for (const m of g.members) if (look.claims.get(m.claim)?.group === g.id) look.claims.delete(m.claim);
        break;
      }
      default:
      // Ambiguous aliases: no card reads them.
    }
  }

  /** add() over a whole index: the records the summary and the cards' order need, held as they are (the index holds them anyway). */
  private addWhole<S extends CorpusSection>(section: S, record: CorpusRecord<S>): void {
    if (section === 'articles') this.articles.push(record as unknown as LeanArticle);
    else if (section === 'entities') this.entities.push(record as CorpusRecord<'entities'>);
    else if (section === 'quoteGroups') {
      this.quoteGroups++;
      this.card('quote', (record as CorpusRecord<'quoteGroups'>).id);
    } else if (section === 'claimGroups') {
      this.claimGroups++;
      this.card('claim', (record as CorpusRecord<'claimGroups'>).id);
    }
  }

  /** Builds up to `count` of the entities' cards waiting for the quotes to be read. */
  private buildEntities(count: number): void {
    const pending = this.pendingEntities;
    if (!pending || this.entitiesDone) return;
    for (let k = 0; k < count && pending.length; k++) this.card(...pending.pop()!);
    if (!pending.length) this.entitiesBuilt();
  }

  /**
   * Ends the corpus: builds what is left, hands on the last row of card records and the directory;
   * returns the directory's row count and the corpus's summary.
   */
  finish(schemaVersion: CorpusIndex['schemaVersion']): { directoryRows: number; summary: Pick<CorpusSummary, 'counts' | 'dateRange' | 'schemaVersion'> } {
    this.reach(CORPUS_SECTIONS.length);
    this.endRow();
    const directoryRows = directoryRowCount(this.keys.length);
    const dirs = Array.from({ length: directoryRows }, () => ({ keys: [] as string[], rows: [] as number[] }));
    this.keys.forEach((key, i) => {
      const d = dirs[directoryRow(key, directoryRows)]!;
      d.keys.push(key);
      d.rows.push(this.keyRows[i]!);
    });
    dirs.forEach((d, i) => {
      if (d.keys.length) this.emit({ kind: DETAILS_DIRECTORY_KIND, id: String(i), keys: d.keys, rows: d.rows }, []);
    });
    // The summary reads the articles' outlets and dates, the entities' kinds and how many groups there are.
    const counted = { schemaVersion, articles: this.articles, entities: this.entities, quoteGroups: { length: this.quoteGroups }, claimGroups: { length: this.claimGroups } };
    return { directoryRows, summary: summarise(counted as unknown as CorpusIndex) };
  }

  /** Moves to the section at `order`: what the sections passed leave to do. */
  private reach(order: number): void {
    if (order === this.section) return;
    const quotes = ORDER.get('quotes')!;
    if (this.section <= quotes && order > quotes && this.pendingEntities === null) this.pendingEntities = this.entities.map((e): [DetectionKind, string] => [e.kind, e.id]).reverse();
    this.section = order;
    if (order >= CORPUS_SECTIONS.length) {
      this.buildEntities(Infinity);
      this.look.claims.clear();
      this.claimsPacked = new PackedJson();
    }
    this.dropQuotes();
  }

  /** The quotes go once their groups are read and the entities' cards (which list them) are built. */
  private dropQuotes(): void {
    if (this.section <= ORDER.get('quoteGroups')! || !this.entitiesDone || this.look.quotes.size === 0) return;
    this.look.quotes.clear();
    this.quotesPacked = new PackedJson();
  }

  /** After the last entity's card: entities are read only for names (quote speakers) from now, articles for their facts. */
  private entitiesBuilt(): void {
    this.entitiesDone = true;
    if (this.whole) return;
    this.entities.forEach((e, i) => {
      const light = namesOnly(e);
      this.entities[i] = light;
      this.look.entities.set(light.id, light);
    });
    for (const a of this.articles) a.forgetText();
    this.dropQuotes();
  }

  /** Builds one card record and queues it in the current row. */
  private card(kind: DetectionKind, id: string): void {
    const key = detailsKey(kind, id);
    if (this.whole) {
      // What cardDetailsFrom would give a card: none for an id the index does not hold.
      const known = kind === 'claim' ? this.whole.claimGroups.has(id) : kind === 'quote' ? this.whole.quoteGroups.has(id) : this.whole.entities.get(id)?.kind === kind;
      if (!known) return;
      this.deferred.push([kind, id]);
    } else {
      const record = cardDetailsFrom(this.look, STORED_TOTAL, kind, id);
      if (!record) return;
      this.records.push(record);
    }
    this.keys.push(key);
    this.keyRows.push(this.rows);
    // Cut where the content says, so an add's changed cards change their own rows only (shared-rows.ts).
    if (this.keys.length - this.rowStart >= DETAILS_PER_BUCKET * MAX_ROW_FACTOR || contentBoundary(key, DETAILS_PER_BUCKET)) this.endRow();
  }

  /** Where the current row's keys start in `keys`. */
  private rowStart = 0;

  private endRow(): void {
    if (this.keys.length === this.rowStart) return;
    const keys = this.keys.slice(this.rowStart);
    if (this.defer) this.defer.row({ kind: DETAILS_ROW_KIND, id: String(this.rows), keys, cards: this.deferred });
    else this.emit({ kind: DETAILS_ROW_KIND, id: String(this.rows), records: this.records }, keys);
    this.records = [];
    this.deferred = [];
    this.rowStart = this.keys.length;
    this.rows++;
  }
}
