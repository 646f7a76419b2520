/**
 * What compileMatcher reads of a CorpusIndex, kept while the index streams past (streamIndex) or is
 * read back from a corpus file (CorpusFileReader), so the matcher data of a corpus too large to hold
 * as one index is compiled from a small copy: per article its id, address, date, text and sentences
 * (packed: see KeptArticle); per entity its names, where the first mention in each article stands
 * and every description (the re-ranker's descriptor words); per quote and claim the fields their
 * signatures are made from (texts held by a TextPacker); per group its id. Everything else is left
 * empty. The result is not a valid index and is only for compileMatcher, which must give the same
 * data from it as from the whole index (unit tests hold the two side by side: a field
 * compileMatcher starts to read must be kept here too).
 */
import type { ArticleRecord, ClaimRecord, CorpusIndex, QuoteRecord, Span } from './types';

/**
 * The one empty list the copy's left-out fields share (hundreds of thousands of records at 20,000
 * articles, one array each otherwise); frozen, so code that pushes to one fails loudly.
 */
const NONE: never[] = Object.freeze([]) as unknown as never[];

/**
 * Holds article texts compactly while the copy is kept (the store's packs them as UTF-8 bytes: core
 * has no text encoder of its own). `pack` may give the text back as it is.
 */
export interface TextPacker {
  pack(text: string): string | Uint8Array;
  unpack(packed: Uint8Array): string;
}

/** Keeps texts as given. */
const AS_GIVEN: TextPacker = { pack: (text) => text, unpack: () => '' };

/**
 * An article of the copy: its sentences packed as numbers (start, end), rebuilt as spans when read,
 * and its text as the copy's TextPacker holds it (read back from a corpus file, 20,000 texts held at
 * two bytes a character were ~120 MB of heap). compileMatcher reads one article's sentences and text many
 * times in a row (once per quoted word, once per place pair), so the last article's are kept.
 */
class KeptArticle implements ArticleRecord {
  outlet = '';
  headline = '';
  paragraphs = NONE;
  furniture = NONE;
  wordCount = 0;
  private readonly bounds: Int32Array;
  private readonly packedText: string | Uint8Array;
  constructor(
    private readonly lastRead: LastRead,
    private readonly texts: TextPacker,
    readonly id: string,
    readonly url: string,
    readonly date: string,
    text: string,
    sentences: readonly Span[],
  ) {
    this.bounds = new Int32Array(sentences.length * 2);
    sentences.forEach((sp, k) => {
      this.bounds[k * 2] = sp.start;
      this.bounds[k * 2 + 1] = sp.end;
    });
    this.packedText = texts.pack(text);
  }

  /** The article's text (the same string while this is the last article whose text was read). */
  get text(): string {
    return unpacked(this, this.packedText, this.texts, this.lastRead);
  }

  /** The article's sentences (the same array while this is the last article read). */
  get sentences(): Span[] {
    const lastRead = this.lastRead;
    if (lastRead.article === this) return lastRead.spans;
    const spans: Span[] = [];
    for (let k = 0; k < this.bounds.length; k += 2) spans.push({ start: this.bounds[k], end: this.bounds[k + 1] });
    lastRead.article = this;
    lastRead.spans = spans;
    return spans;
  }
}

/** The article whose sentences were read last, and its spans; the record whose text was, and its text (one per MatcherInput). */
interface LastRead {
  article: KeptArticle | null;
  spans: Span[];
  textOf: object | null;
  text: string;
}

/** A text as a TextPacker holds it, unpacked when read (the last one read kept in `lastRead`). */
function unpacked(owner: object, packed: string | Uint8Array, texts: TextPacker, lastRead: LastRead): string {
  if (typeof packed === 'string') return packed;
  if (lastRead.textOf !== owner) {
    lastRead.text = texts.unpack(packed);
    lastRead.textOf = owner;
  }
  return lastRead.text;
}

/**
 * A claim of the copy: the fields compileMatcher reads, its text held by the TextPacker (read back
 * from a file, 334,000 claim sentences at 20,000 articles). compileMatcher reads a claim's text
 * several times in a row, never two claims' in turn.
 */
class KeptClaim implements ClaimRecord {
  id = '';
  figures = NONE;
  dates = NONE;
  keywords = NONE;
  private readonly packedText: string | Uint8Array;
  constructor(
    private readonly lastRead: LastRead,
    private readonly texts: TextPacker,
    readonly article: string,
    readonly sentence: number,
    text: string,
    readonly type: ClaimRecord['type'],
    readonly entities: string[],
    readonly places: string[],
    readonly group: string,
  ) {
    this.packedText = texts.pack(text);
  }

  /** The claim's sentence. */
  get text(): string {
    return unpacked(this, this.packedText, this.texts, this.lastRead);
  }
}

/** A quote of the copy: the fields compileMatcher reads, its text held by the TextPacker. */
class KeptQuote implements QuoteRecord {
  speaker = null;
  speakerText = null;
  private readonly packedText: string | Uint8Array;
  constructor(
    private readonly lastRead: LastRead,
    private readonly texts: TextPacker,
    readonly id: string,
    readonly article: string,
    text: string,
    readonly spans: Span[],
    readonly sentences: number[],
    readonly tense: QuoteRecord['tense'],
    readonly group: string,
  ) {
    this.packedText = texts.pack(text);
  }

  /** The quote's words as written. */
  get text(): string {
    return unpacked(this, this.packedText, this.texts, this.lastRead);
  }
}

type Sections = { [K in Exclude<keyof CorpusIndex, 'schemaVersion'>]: Iterable<CorpusIndex[K][number]> };

/** Collects the matcher's input from the records of an index stream. */
export class MatcherInput {
  /** The copy so far (complete once every section of the tapped stream has been read). */
  readonly index: CorpusIndex;

  /** `texts` holds the article texts (as given when omitted). */
  constructor(
    schemaVersion: CorpusIndex['schemaVersion'],
    private readonly texts: TextPacker = AS_GIVEN,
  ) {
    this.index = { schemaVersion, articles: [], entities: [], ambiguous: [], quotes: [], quoteGroups: [], claims: [], claimGroups: [] };
  }

  /** The same stream, each record copied (in part) into `index` as it is read. */
  tap<T extends Sections>(stream: T): T {
    const self = this;
    function* kept<K extends keyof Sections>(section: K, records: Sections[K]): Generator<CorpusIndex[K][number]> {
      for (const r of records) {
        self.add(section, r);
        yield r;
      }
    }
    return {
      ...stream,
      articles: kept('articles', stream.articles),
      entities: kept('entities', stream.entities),
      ambiguous: kept('ambiguous', stream.ambiguous),
      quotes: kept('quotes', stream.quotes),
      quoteGroups: kept('quoteGroups', stream.quoteGroups),
      claims: kept('claims', stream.claims),
      claimGroups: kept('claimGroups', stream.claimGroups),
    };
  }

  private readonly lastRead: LastRead = { article: null, spans: [], textOf: null, text: '' };
  /**
   * One string for each id and value many records repeat (article and entity ids, places, kinds):
   * read back from a file, every record has its own copy of each.
   */
  private readonly shared = new Map<string, string>();

  private one(value: string): string {
    const known = this.shared.get(value);
    if (known !== undefined) return known;
    this.shared.set(value, value);
    return value;
  }

  /** A list of repeated values, as shared strings; the shared empty list when empty. */
  private list(values: readonly string[]): string[] {
    return values.length ? values.map((v) => this.one(v)) : NONE;
  }

  /** Copies (in part) one record of section `section` into `index`; records come in index order. */
  add<K extends keyof Sections>(section: K, record: CorpusIndex[K][number]): void {
    const x = this.index;
    switch (section) {
      case 'articles': {
        const a = record as CorpusIndex['articles'][number];
        x.articles.push(new KeptArticle(this.lastRead, this.texts, this.one(a.id), a.url, a.date, a.text, a.sentences));
        break;
      }
      case 'entities': {
        const e = record as CorpusIndex['entities'][number];
        x.entities.push({
          id: this.one(e.id),
          kind: this.one(e.kind) as typeof e.kind,
          name: e.name,
          aliases: e.aliases.length ? e.aliases : NONE,
          coverage: e.coverage.map((c) => ({ article: this.one(c.article), mentions: c.mentions.length ? [{ start: c.mentions[0].start, end: c.mentions[0].end, sentence: c.mentions[0].sentence, surface: '' }] : NONE, descriptors: c.descriptors.length ? c.descriptors : NONE, quotes: NONE })),
          related: NONE,
        });
        break;
      }
      case 'ambiguous':
        x.ambiguous.push(record as CorpusIndex['ambiguous'][number]);
        break;
      case 'quotes': {
        const q = record as CorpusIndex['quotes'][number];
        x.quotes.push(new KeptQuote(this.lastRead, this.texts, q.id, this.one(q.article), q.text, q.spans, q.sentences.length ? q.sentences.slice(0, 1) : NONE, this.one(q.tense) as typeof q.tense, q.group));
        break;
      }
      case 'quoteGroups':
        x.quoteGroups.push({ id: (record as CorpusIndex['quoteGroups'][number]).id, speaker: null, reference: '', members: NONE });
        break;
      case 'claims': {
        const c = record as CorpusIndex['claims'][number];
        x.claims.push(new KeptClaim(this.lastRead, this.texts, this.one(c.article), c.sentence, c.text, this.one(c.type) as typeof c.type, this.list(c.entities), this.list(c.places), c.group));
        break;
      }
      default:
        x.claimGroups.push({ id: (record as CorpusIndex['claimGroups'][number]).id, topic: '', reference: '', members: NONE, differences: NONE });
    }
  }
}
