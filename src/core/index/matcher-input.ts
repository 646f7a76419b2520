/**
 * What compileMatcher reads of a CorpusIndex, kept while the index streams past (streamIndex), so
 * the matcher data of a corpus too large to hold as one index is compiled from a small copy: per
 * article its id, address, date, text and sentences; per entity its names, the first mention in
 * each article and every description (the re-ranker's descriptor words); per quote and claim the fields their signatures are made from; per
 * group its id. Everything else is left empty. The result is not a valid index and is only for
 * compileMatcher, which must give the same data from it as from the whole index (a unit test holds
 * the two side by side: a field compileMatcher starts to read must be kept here too).
 */
import type { CorpusIndex } from './types';

type Sections = { [K in Exclude<keyof CorpusIndex, 'schemaVersion'>]: Iterable<CorpusIndex[K][number]> };

/** Collects the matcher's input from the records of an index stream. */
export class MatcherInput {
  /** The copy so far (complete once every section of the tapped stream has been read). */
  readonly index: CorpusIndex;

  constructor(schemaVersion: CorpusIndex['schemaVersion']) {
    this.index = { schemaVersion, articles: [], entities: [], ambiguous: [], quotes: [], quoteGroups: [], claims: [], claimGroups: [] };
  }

  /** The same stream, each record copied (in part) into `index` as it is read. */
  tap<T extends Sections>(stream: T): T {
    const x = this.index;
    function* kept<R>(records: Iterable<R>, keep: (r: R) => void): Generator<R> {
      for (const r of records) {
        keep(r);
        yield r;
      }
    }
    return {
      ...stream,
      articles: kept(stream.articles, (a) =>
        x.articles.push({ id: a.id, url: a.url, text: a.text, sentences: a.sentences, outlet: '', headline: '', date: a.date, paragraphs: [], furniture: [], wordCount: 0 }),
      ),
      entities: kept(stream.entities, (e) =>
        x.entities.push({
          id: e.id,
          kind: e.kind,
          name: e.name,
          aliases: e.aliases,
          coverage: e.coverage.map((c) => ({ article: c.article, mentions: c.mentions.slice(0, 1), descriptors: c.descriptors, quotes: [] })),
          related: [],
        }),
      ),
      ambiguous: kept(stream.ambiguous, (a) => x.ambiguous.push(a)),
      quotes: kept(stream.quotes, (q) =>
        x.quotes.push({ id: q.id, article: q.article, speaker: null, speakerText: null, text: q.text, spans: q.spans, sentences: q.sentences.slice(0, 1), tense: q.tense, group: q.group }),
      ),
      quoteGroups: kept(stream.quoteGroups, (g) => x.quoteGroups.push({ id: g.id, speaker: null, reference: '', members: [] })),
      claims: kept(stream.claims, (c) =>
        x.claims.push({ id: c.id, article: c.article, sentence: c.sentence, text: c.text, type: c.type, entities: c.entities, figures: [], places: c.places, dates: [], keywords: [], group: c.group }),
      ),
      claimGroups: kept(stream.claimGroups, (g) => x.claimGroups.push({ id: g.id, topic: '', reference: '', members: [], differences: [] })),
    };
  }
}
