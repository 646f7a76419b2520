/**
 * What an install keeps of a corpus file's records to build the card records (core/index/details
 * buildDetails) and the listing summary once the whole file is read: an index of the same shape
 * without what neither reads (paragraphs, furniture, mention offsets, quote spans, claim keywords
 * and entities), article texts held packed (UTF-8 bytes, outside the JavaScript heap) and unpacked
 * when a description's sentence is read, repeated values (article ids, mention surfaces, kinds) held
 * once. Card records cannot be built as records pass: an entity's card lists its quotes, which a
 * corpus file gives after the entities, and the bucket a record goes to depends on how many there are.
 */
import type { ArticleRecord, CorpusIndex, Mention, Span } from '../core/index/types';
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

/** Collects the card records' input from a corpus file's records, in file order. */
export class DetailsInput {
  /** The copy (complete once the whole file has been read). */
  readonly index: CorpusIndex;
  private readonly shared = new Map<string, string>();
  /** One mention per surface: a card reads a mention's surface and how many there are, not where it stands. */
  private readonly mentions = new Map<string, Mention>();
  private readonly last = { article: null as LeanArticle | null, text: '', spans: [] as Span[] };

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
        x.quotes.push({ id: q.id, article: this.one(q.article), speaker: null, speakerText: q.speakerText, text: q.text, spans: NONE, sentences: NONE, tense: q.tense, group: q.group });
        break;
      }
      case 'claims': {
        const c = record as CorpusRecord<'claims'>;
        x.claims.push({ ...c, article: this.one(c.article), entities: NONE, keywords: NONE, places: c.places.length ? c.places.map((p) => this.one(p)) : NONE, dates: c.dates.length ? c.dates : NONE });
        break;
      }
      default:
        (x[section] as unknown[]).push(record);
    }
  }
}
