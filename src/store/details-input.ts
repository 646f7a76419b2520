/**
 * What an install keeps of a corpus file's records to build the card records
 * (core/index/card-details buildCardDetails) and the listing summary once the whole file is read: an
 * index of the same shape without what neither reads (paragraphs, furniture, mention offsets, quote
 * spans, claim keywords and entities), article texts held packed (UTF-8 bytes, outside the
 * JavaScript heap) and unpacked when a description's sentence is read, repeated values (article ids,
 * mention surfaces, kinds) held once. Claims, quotes and both kinds of group keep their ids and
 * links as fields and the rest as the JSON text of its fields, parsed when a card reads one: a card
 * record lists at most MAX_CARD_MEMBERS members, so most are never parsed, and a record's text takes
 * a fraction of the room of its objects (the figures, places, dates, member lists and diffs).
 * Card records cannot be built as records pass: an entity's card lists its quotes, which a corpus
 * file gives after the entities, and the bucket a record goes to depends on how many there are.
 */
import type { ArticleRecord, ClaimGroup, ClaimRecord, CorpusIndex, Mention, QuoteGroup, QuoteRecord, Span } from '../core/index/types';
import type { TextPacker } from '../core/match/compile';
import type { CorpusRecord, CorpusSection } from './corpus-file-reader';

/** The one empty list the copy's left-out fields share. */
const NONE: never[] = Object.freeze([]) as unknown as never[];

/** An article of the copy: what a card shows of it, its text packed and its sentences as numbers. */
class LeanArticle implements ArticleRecord {
  paragraphs = NONE;
  furniture = NONE;
  private readonly packed: string | Uint8Array;
  private readonly bounds: Int32Array;
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

/** A quote group of the copy: its id, speaker and reference as fields, its members (with their diffs) packed. */
class LeanQuoteGroup extends PackedFields<Pick<QuoteGroup, 'members'>> implements QuoteGroup {
  constructor(
    readonly id: string,
    readonly speaker: string | null,
    readonly reference: string,
    members: QuoteGroup['members'],
    packed: PackedJson,
    last: Unpacked,
  ) {
    super({ members }, packed, last);
  }
  get members() {
    return this.field('members');
  }
}

/** A claim group of the copy: its id and reference as fields, its topic, members and differences packed. */
class LeanClaimGroup extends PackedFields<Pick<ClaimGroup, 'topic' | 'members' | 'differences'>> implements ClaimGroup {
  constructor(
    readonly id: string,
    readonly reference: string,
    g: Pick<ClaimGroup, 'topic' | 'members' | 'differences'>,
    packed: PackedJson,
    last: Unpacked,
  ) {
    super({ topic: g.topic, members: g.members, differences: g.differences }, packed, last);
  }
  get topic() {
    return this.field('topic');
  }
  get members() {
    return this.field('members');
  }
  get differences() {
    return this.field('differences');
  }
}

/** Collects the card records' input from a corpus file's records, in file order. */
export class DetailsInput {
  /** The copy (complete once the whole file has been read). */
  readonly index: CorpusIndex;
  private readonly shared = new Map<string, string>();
  /** One mention per surface: a card reads a mention's surface and how many there are, not where it stands. */
  private readonly mentions = new Map<string, Mention>();
  private readonly last = { article: null as LeanArticle | null, text: '', spans: [] as Span[] };
  private readonly packed = new PackedJson();
  /** The last record parsed, per kind of packed record. */
  private readonly unpacked = { claims: { of: null, fields: null }, quotes: { of: null, fields: null }, quoteGroups: { of: null, fields: null }, claimGroups: { of: null, fields: null } } satisfies Record<string, Unpacked>;

  constructor(
    schemaVersion: CorpusIndex['schemaVersion'],
    private readonly texts: TextPacker,
  ) {
    this.index = { schemaVersion, articles: [], entities: [], ambiguous: [], quotes: [], quoteGroups: [], claims: [], claimGroups: [] };
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

  /** Copies (in part) one checked record of `section`. */
  add<S extends CorpusSection>(section: S, record: CorpusRecord<S>): void {
    const x = this.index;
    switch (section) {
      case 'articles': {
        const a = record as CorpusRecord<'articles'>;
        x.articles.push(new LeanArticle(this.texts, this.last, this.one(a.id), this.one(a.outlet), a.headline, this.one(a.date), a.url, a.wordCount, a.text, a.sentences));
        break;
      }
      case 'entities': {
        const e = record as CorpusRecord<'entities'>;
        x.entities.push({
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
        });
        break;
      }
      case 'quotes': {
        const q = record as CorpusRecord<'quotes'>;
        x.quotes.push(new LeanQuote(q.id, this.one(q.article), this.one(q.group), q, this.packed, this.unpacked.quotes));
        break;
      }
      case 'claims': {
        const c = record as CorpusRecord<'claims'>;
        x.claims.push(new LeanClaim(c.id, this.one(c.article), this.one(c.group), c, this.packed, this.unpacked.claims));
        break;
      }
      case 'quoteGroups': {
        const g = record as CorpusRecord<'quoteGroups'>;
        x.quoteGroups.push(new LeanQuoteGroup(g.id, g.speaker === null ? null : this.one(g.speaker), g.reference, g.members, this.packed, this.unpacked.quoteGroups));
        break;
      }
      case 'claimGroups': {
        const g = record as CorpusRecord<'claimGroups'>;
        x.claimGroups.push(new LeanClaimGroup(g.id, g.reference, g, this.packed, this.unpacked.claimGroups));
        break;
      }
      default:
        (x[section] as unknown[]).push(record);
    }
  }
}
