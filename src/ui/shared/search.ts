/**
 * One search over everything in the corpus index (people, organisations, claims, quotes,
 * articles) with prefix matching and typo tolerance, built lazily once per index.
 */
import MiniSearch from 'minisearch';
import type { CorpusIndex, DetectionKind } from '../../core/index/types';
import { isKnown } from '../../core/index/details';
import { articleDate, outletName } from './format';

/** What a search hit points at. */
export type SearchKind = DetectionKind | 'article';

/** One search hit. */
export interface SearchHit {
  kind: SearchKind;
  /** Record id (entity, claim group, quote group, article). */
  id: string;
  /** What to show as the hit's main line. */
  title: string;
  /** A second line: aliases, outlet, speaker… (may be empty). */
  detail: string;
  score: number;
}

/** Hits of one kind, in score order. */
export interface SearchGroup {
  kind: SearchKind;
  hits: SearchHit[];
}

interface SearchDoc {
  key: string;
  kind: SearchKind;
  recordId: string;
  title: string;
  aliases: string;
  extra: string;
  text: string;
  detail: string;
}

/** Display order of result groups. */
export const SEARCH_KIND_ORDER: SearchKind[] = ['person', 'organisation', 'claim', 'quote', 'article'];

/** Folds case, accents and curly apostrophes so "o’neill" finds "O'Neill". */
function foldTerm(term: string): string {
  return term
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .toLowerCase();
}

function documentsOf(index: CorpusIndex): SearchDoc[] {
  const docs: SearchDoc[] = [];
  const entityName = new Map(index.entities.map((e) => [e.id, e.name]));
  const articleById = new Map(index.articles.map((a) => [a.id, a]));
  for (const entity of index.entities) {
    const descriptors = entity.coverage.flatMap((c) => c.descriptors.map((d) => d.text));
    docs.push({
      key: `${entity.kind}|${entity.id}`,
      kind: entity.kind,
      recordId: entity.id,
      title: entity.name,
      aliases: entity.aliases.join(' · '),
      extra: [...new Set(descriptors)].join(' · '),
      text: '',
      detail: entity.aliases.filter((a) => a !== entity.name).join(', '),
    });
  }
  const claimText = new Map(index.claims.map((c) => [c.id, c.text]));
  for (const group of index.claimGroups) {
    docs.push({
      key: `claim|${group.id}`,
      kind: 'claim',
      recordId: group.id,
      title: group.topic,
      aliases: '',
      extra: '',
      text: group.members.map((m) => claimText.get(m.claim) ?? '').join('\n'),
      detail: [...new Set(group.members.map((m) => articleById.get(m.article)?.outlet))]
        .filter((o): o is string => o !== undefined)
        .map(outletName)
        .join(', '),
    });
  }
  const quoteById = new Map(index.quotes.map((q) => [q.id, q]));
  for (const group of index.quoteGroups) {
    const reference = quoteById.get(group.reference);
    const speaker = group.speaker ? (entityName.get(group.speaker) ?? '') : (reference?.speakerText ?? '');
    docs.push({
      key: `quote|${group.id}`,
      kind: 'quote',
      recordId: group.id,
      title: reference?.text ?? group.id,
      aliases: '',
      extra: speaker,
      text: group.members.map((m) => quoteById.get(m.quote)?.text ?? '').join('\n'),
      detail: speaker,
    });
  }
  for (const article of index.articles) {
    docs.push({
      key: `article|${article.id}`,
      kind: 'article',
      recordId: article.id,
      title: article.headline,
      aliases: '',
      extra: isKnown(article.outlet) ? article.outlet : '',
      text: '',
      detail: `${outletName(article.outlet)} · ${articleDate(article.date)}`,
    });
  }
  return docs;
}

/** A search over one index. */
export interface CorpusSearch {
  /** Hits grouped by kind (at most `perKind` each), groups in SEARCH_KIND_ORDER. */
  search(query: string, perKind?: number): SearchGroup[];
  /** Whether claims and quotes are searchable yet (see createCorpusSearch's `background`). */
  isComplete(): boolean;
  /** Resolves once claims and quotes are searchable too. */
  readonly complete: Promise<void>;
}

/**
 * Claim and quote documents indexed per step when indexing runs in the background. At 5,000
 * generated articles (56,000 claim and quote groups) indexing took about 0.75 ms per document on
 * this machine, so 50 keep each step near 40 ms, under a long task.
 */
export const BACKGROUND_CHUNK = 50;

/** Claims and quotes: most of the documents and most of the text, so the slow part to index. */
const isSaying = (doc: SearchDoc) => doc.kind === 'claim' || doc.kind === 'quote';

function newIndex(): MiniSearch<SearchDoc> {
  return new MiniSearch<SearchDoc>({
    idField: 'key',
    fields: ['title', 'aliases', 'extra', 'text'],
    storeFields: ['kind', 'recordId', 'title', 'detail'],
    processTerm: (term) => foldTerm(term) || null,
    searchOptions: {
      prefix: true,
      // About one typo in five letters; short words must match exactly or by prefix.
      fuzzy: (term) => (term.length >= 4 ? 0.2 : false),
      boost: { title: 3, aliases: 2, extra: 1.2, text: 1 },
    },
  });
}

/**
 * Builds the search for a corpus. People, organisations and articles are indexed at once; claims
 * and quotes too, or with `background`, a few at a time between tasks (a large corpus takes
 * seconds), searchable once `complete` resolves. Each kind lives wholly in one index, so hits of
 * one kind are always scored against each other.
 */
export function createCorpusSearch(index: CorpusIndex, options: { background?: boolean } = {}): CorpusSearch {
  const docs = documentsOf(index);
  const names = newIndex();
  const sayings = newIndex();
  names.addAll(docs.filter((d) => !isSaying(d)));
  let done = false;
  const rest = docs.filter(isSaying);
  let complete: Promise<void>;
  if (options.background) {
    complete = sayings.addAllAsync(rest, { chunkSize: BACKGROUND_CHUNK }).then(() => {
      done = true;
    });
  } else {
    sayings.addAll(rest);
    done = true;
    complete = Promise.resolve();
  }
  const run = (trimmed: string, combineWith: 'AND' | 'OR') => [...names.search(trimmed, { combineWith }), ...(done ? sayings.search(trimmed, { combineWith }) : [])];
  return {
    complete,
    isComplete: () => done,
    search(query, perKind = 6) {
      const trimmed = query.trim();
      if (trimmed === '') return [];
      let results = run(trimmed, 'AND');
      // A multi-word query that no record matches in full still shows the nearest records.
      if (results.length === 0) results = run(trimmed, 'OR');
      results.sort((a, b) => b.score - a.score);
      const groups = new Map<SearchKind, SearchHit[]>();
      for (const r of results) {
        const hit: SearchHit = {
          kind: r.kind as SearchKind,
          id: r.recordId as string,
          title: r.title as string,
          detail: r.detail as string,
          score: r.score,
        };
        const list = groups.get(hit.kind) ?? [];
        if (list.length < perKind) list.push(hit);
        groups.set(hit.kind, list);
      }
      return SEARCH_KIND_ORDER.filter((k) => groups.has(k)).map((kind) => ({ kind, hits: groups.get(kind)! }));
    },
  };
}

const cache = new WeakMap<CorpusIndex, CorpusSearch>();

/** The search for an index, built on first use (claims and quotes in the background) and kept for the page's life. */
export function corpusSearch(index: CorpusIndex): CorpusSearch {
  let search = cache.get(index);
  if (!search) {
    search = createCorpusSearch(index, { background: true });
    cache.set(index, search);
  }
  return search;
}

/** Resolves when every corpus's search covers claims and quotes; null when they all do already. */
export function searchesPending(corpora: NamedIndex[]): Promise<void> | null {
  const pending = corpora.map((c) => corpusSearch(c.index)).filter((s) => !s.isComplete());
  return pending.length ? Promise.all(pending.map((s) => s.complete)).then(() => undefined) : null;
}

/** A corpus to search, with the name results show. */
export interface NamedIndex {
  id: string;
  name: string;
  index: CorpusIndex;
}

/** A hit in one of several corpora. */
export interface CorpusHit extends SearchHit {
  corpusId: string;
  corpusName: string;
}

/** Hits of one kind across corpora, best first. */
export interface CorpusHitGroup {
  kind: SearchKind;
  hits: CorpusHit[];
}

/**
 * One search over several corpora: each corpus's hits, merged by kind in score order (at most
 * `perKind` each), every hit saying which corpus it comes from.
 */
export function searchCorpora(corpora: NamedIndex[], query: string, perKind = 6): CorpusHitGroup[] {
  const byKind = new Map<SearchKind, CorpusHit[]>();
  for (const corpus of corpora) {
    for (const group of corpusSearch(corpus.index).search(query, perKind)) {
      const list = byKind.get(group.kind) ?? [];
      for (const hit of group.hits) list.push({ ...hit, corpusId: corpus.id, corpusName: corpus.name });
      byKind.set(group.kind, list);
    }
  }
  return SEARCH_KIND_ORDER.filter((k) => byKind.has(k)).map((kind) => ({
    kind,
    hits: byKind.get(kind)!.sort((a, b) => b.score - a.score).slice(0, perKind),
  }));
}
