/**
 * Step 9: assemble the CorpusIndex with stable ids and a deterministic order:
 * articles, entities, quotes and claims by article id and position; groups by first member.
 * Ids: entities "person:<slug>" / "organisation:<slug>"; quotes "<article>#q<n>";
 * claims "<article>#c<sentence>" (a clause claim of it "<article>#c<sentence>.<n>"); groups "qg<n>" / "cg<n>" numbered in order.
 */
import type {
  ArticleRecord, ClaimGroup, ClaimRecord, CorpusIndex, EntityCoverage, EntityRecord, QuoteGroup, QuoteRecord,
} from '../index/types';
import { SCHEMA_VERSION } from '../index/types';
import type { ArticleDraft, EntityResult, MentionDraft } from './context';
import type { DescriptorTable } from './04-descriptors';
import type { QuoteDraft } from './05-quotes';
import { memberDiff, type QuoteGroupDraft } from './06-quote-groups';
import { keptDiff, type QuoteDiffs } from './claim-reuse';
import type { ClaimDraft } from './07-claims';
import { claimPlaces, compareGroup } from './08-claim-groups';
import type { Gazetteer } from '../lang/gazetteer';

/** Everything the earlier steps produced, ready to assemble. */
export interface AssemblyInput {
  drafts: ArticleDraft[];
  entities: EntityResult;
  descriptors: DescriptorTable;
  quotes: QuoteDraft[];
  quoteGroups: QuoteGroupDraft[];
  claims: ClaimDraft[];
  /** Each claim group's members (groupClaims); compared when written. */
  claimGroups: number[][];
  /** A gazetteer to relate the claims' places by beside what their sentences say (absent: the text only). */
  gazetteer?: Gazetteer | null;
  /** Quote groups' word diffs kept between analyses (claim-reuse.ts QuoteDiffs): taken from `previous` where the two wordings are the same, every one written to `next`. */
  diffs?: QuoteDiffs;
}

const RELATED_MAX = 20;

function byString(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Builds the final index. Inputs must already be in article order. */
export function assembleIndex(input: AssemblyInput): CorpusIndex {
  const s = streamIndex(input);
  // Materialised section by section, in the order streamIndex requires.
  const articles = [...s.articles];
  const entities = [...s.entities];
  const ambiguous = [...s.ambiguous];
  const quotes = [...s.quotes];
  const quoteGroups = [...s.quoteGroups];
  const claims = [...s.claims];
  const claimGroups = [...s.claimGroups];
  return { schemaVersion: s.schemaVersion, articles, entities, ambiguous, quotes, quoteGroups, claims, claimGroups };
}

/**
 * The index as sections whose records are made one at a time while they are read: the same
 * records as assembleIndex, for a corpus too large to hold as one index (a writer writes each
 * record and forgets it). The sections must be read once each, in the order of the fields
 * (articles first, claimGroups last); each lets go of the analysis data only it needed once read.
 */
export interface IndexStream {
  schemaVersion: CorpusIndex['schemaVersion'];
  articles: Iterable<ArticleRecord>;
  entities: Iterable<EntityRecord>;
  ambiguous: Iterable<CorpusIndex['ambiguous'][number]>;
  quotes: Iterable<QuoteRecord>;
  quoteGroups: Iterable<QuoteGroup>;
  claims: Iterable<ClaimRecord>;
  claimGroups: Iterable<ClaimGroup>;
}

/** Streams the final index (see IndexStream). Inputs must already be in article order. */
export function streamIndex(input: AssemblyInput): IndexStream {
  // Each part is held in a variable the sections clear once done with it (the caller must not keep `input`).
  let drafts: ArticleDraft[] | null = input.drafts;
  let entities: EntityResult | null = input.entities;
  let descriptors: DescriptorTable | null = input.descriptors;
  let quotes: QuoteDraft[] | null = input.quotes;
  let quoteGroups: QuoteGroupDraft[] | null = input.quoteGroups;
  const diffs = input.diffs;
  let claims: ClaimDraft[] | null = input.claims;
  let claimGroups: number[][] | null = input.claimGroups;
  let gazetteer: Gazetteer | null = input.gazetteer ?? null;
  // Article dates resolve claims' relative dates in the claim groups' comparison, as the matcher's compile does.
  const articleDates = new Map(drafts.map((d) => [d.id, d.date]));
  const articleIds = drafts.map((d) => d.id);
  let expected: keyof IndexStream = 'articles';
  const inOrder = (section: keyof IndexStream, next: keyof IndexStream | null): void => {
    if (expected !== section) throw new Error(`streamIndex: section ${section} read before ${expected} (sections are read once each, in order)`);
    expected = next ?? section;
  };

  // Quote ids by article and position; the group of each quote.
  const quoteIds: string[] = [];
  const perArticleCount = new Map<string, number>();
  for (const q of quotes) {
    const n = (perArticleCount.get(q.article) ?? 0) + 1;
    perArticleCount.set(q.article, n);
    quoteIds.push(`${q.article}#q${n}`);
  }
  perArticleCount.clear();
  const quoteGroupOf = new Int32Array(quotes.length);
  quoteGroups.forEach((g, gi) => {
    for (const m of g.members) quoteGroupOf[m] = gi;
  });
  const claimGroupOf = new Int32Array(claims.length);
  claimGroups.forEach((members, gi) => {
    for (const m of members) claimGroupOf[m] = gi;
  });
  const claimId = (c: ClaimDraft): string => `${c.article}#c${c.sentence}${c.part ? `.${c.part}` : ''}`;
  // A group's id is its first member's (an article and a place in it), not the group's position:
  // adding articles renumbered every group after the first new one, and with them every record and
  // card record that names a group. Now a group keeps its id while its first member stays: adding
  // 10 generated articles to 5,000 kept 27,516 of 27,518 quote group ids and 122,491 of 122,508
  // claim group ids (scripts/bench/add-node.ts --ids), so what an add did not change keeps its
  // keys. Unique: a quote or claim is in one group only.
  const quoteGroupIds = input.quoteGroups.map((g) => `qg:${quoteIds[first(g.members)]}`);
  const claimGroupIds = input.claimGroups.map((members) => `cg:${claimId(input.claims[first(members)])}`);

  function* articleRecords(): Generator<ArticleRecord> {
    inOrder('articles', 'entities');
    for (const d of drafts!) {
      yield {
        id: d.id,
        outlet: d.outlet,
        headline: d.headline,
        date: d.date,
        url: d.url,
        text: d.text,
        paragraphs: d.paragraphs.map((p) => ({ start: p.start, end: p.end })),
        sentences: d.sentences.map((s) => ({ start: s.start, end: s.end })),
        furniture: d.furniture.map((f) => ({ text: f.text, reason: f.reason, line: f.line })),
        wordCount: d.wordCount,
      };
    }
    drafts = null;
  }

  // Entity ids that have coverage: the ambiguous section keeps only those.
  const known = new Set<string>();
  function* entityRecords(): Generator<EntityRecord> {
    inOrder('entities', 'ambiguous');
    // Bucket mentions and quotes by entity once (not entities × articles scans).
    const mentionsBy = new Map<string, Map<string, MentionDraft[]>>();
    const quotesBy = new Map<string, Map<string, string[]>>();
    const bucket = <T>(map: Map<string, Map<string, T[]>>, entity: string, article: string, item: T) => {
      let inner = map.get(entity);
      if (!inner) map.set(entity, (inner = new Map()));
      const list = inner.get(article) ?? [];
      list.push(item);
      inner.set(article, list);
    };
    for (const id of articleIds) for (const m of entities!.mentions.get(id) ?? []) bucket(mentionsBy, m.entity, id, m);
    quotes!.forEach((q, i) => {
      if (q.speaker) bucket(quotesBy, q.speaker, q.article, quoteIds[i]);
    });
    entities!.mentions.clear();
    const articleIdsOf = (id: string): string[] =>
      [...new Set([...(mentionsBy.get(id)?.keys() ?? []), ...(quotesBy.get(id)?.keys() ?? [])])].sort(byString);
    // Related entities through the articles they share (an inverted index, not all pairs).
    // Lists grow by push: copying them at each step made an entity named in most articles cost the
    // square of the corpus size.
    const articlesOf = new Map<string, string[]>();
    for (const e of entities!.entities) {
      const ids = articleIdsOf(e.id);
      if (ids.length) articlesOf.set(e.id, ids);
    }
    const ordered = entities!.entities.filter((e) => articlesOf.has(e.id)).sort((a, b) => byString(a.id, b.id));
    // Entities by number in id order: the related ones are counted per number, and equal counts rank by number as by id.
    const byArticle = new Map<string, number[]>();
    ordered.forEach((e, x) => {
      for (const a of articlesOf.get(e.id)!) {
        const list = byArticle.get(a);
        if (list) list.push(x);
        else byArticle.set(a, [x]);
      }
    });
    const sharedCount = new Int32Array(ordered.length);
    const topOf = new Int32Array(ordered.length);
    const touched: number[] = [];
    for (const e of ordered) known.add(e.id);
    for (let x = 0; x < ordered.length; x++) {
      const e = ordered[x];
      const coverage: EntityCoverage[] = articlesOf.get(e.id)!.map((article) => ({
        article,
        mentions: (mentionsBy.get(e.id)?.get(article) ?? []).map((m) => ({ start: m.start, end: m.end, sentence: m.sentence, surface: m.surface })),
        descriptors: descriptors!.get(article)?.get(e.id) ?? [],
        quotes: quotesBy.get(e.id)?.get(article) ?? [],
      }));
      mentionsBy.delete(e.id);
      quotesBy.delete(e.id);
      // How many articles each other entity shares with this one; the articles only for the RELATED_MAX kept
      // (lists of every co-occurring entity's articles were most of this step's time at 5,000 articles).
      const own = articlesOf.get(e.id)!;
      for (const a of own) {
        for (const y of byArticle.get(a)!) {
          if (y === x) continue;
          if (sharedCount[y]++ === 0) touched.push(y);
        }
      }
      const top = topShared(touched, sharedCount, RELATED_MAX);
      const related = top.map((y, k) => {
        topOf[y] = k + 1;
        return { entity: ordered[y].id, articles: [] as string[] };
      });
      // The kept ones' shared articles, in this entity's article order (ascending).
      for (const a of own) {
        for (const y of byArticle.get(a)!) {
          const k = topOf[y];
          if (k && y !== x) related[k - 1].articles.push(a);
        }
      }
      for (const y of top) topOf[y] = 0;
      for (const y of touched) sharedCount[y] = 0;
      touched.length = 0;
      yield { id: e.id, kind: e.kind, name: e.name, aliases: e.aliases, coverage, related };
    }
    descriptors = null;
  }

  function* ambiguousRecords(): Generator<CorpusIndex['ambiguous'][number]> {
    inOrder('ambiguous', 'quotes');
    for (const a of entities!.ambiguous) {
      const ids = a.entities.filter((id) => known.has(id));
      if (ids.length >= 2) yield { alias: a.alias, entities: ids };
    }
    entities = null;
  }

  function* quoteRecords(): Generator<QuoteRecord> {
    inOrder('quotes', 'quoteGroups');
    for (let i = 0; i < quotes!.length; i++) {
      const q = quotes![i];
      yield {
        id: quoteIds[i],
        article: q.article,
        speaker: q.speaker,
        speakerText: q.speakerText,
        text: q.text,
        spans: q.spans,
        sentences: q.sentences,
        tense: q.tense,
        group: quoteGroupIds[quoteGroupOf[i]],
      };
    }
  }

  function* quoteGroupRecords(): Generator<QuoteGroup> {
    inOrder('quoteGroups', 'claims');
    for (let gi = 0; gi < quoteGroups!.length; gi++) {
      const g = quoteGroups![gi];
      yield {
        id: quoteGroupIds[gi],
        speaker: g.members.map((m) => quotes![m].speaker).find((s) => s !== null) ?? null,
        reference: quoteIds[g.reference],
        members: g.members.map((m, k) => ({ quote: quoteIds[m], article: quotes![m].article, relation: g.relations[k], diff: diffs ? keptDiff(diffs, quotes!, g, k) : memberDiff(quotes!, g, k) })),
      };
    }
    quotes = null;
    quoteGroups = null;
  }

  function* claimRecords(): Generator<ClaimRecord> {
    inOrder('claims', 'claimGroups');
    for (let i = 0; i < claims!.length; i++) {
      const c = claims![i];
      yield {
        id: claimId(c),
        article: c.article,
        sentence: c.sentence,
        text: c.text,
        type: c.type,
        entities: c.entities,
        figures: c.figures,
        places: c.places,
        dates: c.dates,
        keywords: c.keywords,
        group: claimGroupIds[claimGroupOf[i]],
      };
    }
  }

  function* claimGroupRecords(): Generator<ClaimGroup> {
    inOrder('claimGroups', null);
    const places = claimPlaces(claims!, gazetteer, articleDates);
    gazetteer = null;
    for (let gi = 0; gi < claimGroups!.length; gi++) {
      const g = compareGroup(claims!, claimGroups![gi], places);
      yield {
        id: claimGroupIds[gi],
        topic: g.topic,
        reference: claimId(claims![g.reference]),
        members: g.members.map((m, k) => ({ claim: claimId(claims![m]), article: claims![m].article, relation: g.relations[k], values: g.values[k] })),
        differences: g.differences.map((d) => ({
          attribute: d.attribute,
          ...(d.kind ? { kind: d.kind } : {}),
          ...(d.basis ? { basis: d.basis } : {}),
          values: d.values.map((v) => ({ article: v.article, claim: claimId(claims![Number(v.claim)]), value: v.value })),
        })),
      };
    }
    claims = null;
    claimGroups = null;
  }

  return {
    schemaVersion: SCHEMA_VERSION,
    articles: articleRecords(),
    entities: entityRecords(),
    ambiguous: ambiguousRecords(),
    quotes: quoteRecords(),
    quoteGroups: quoteGroupRecords(),
    claims: claimRecords(),
    claimGroups: claimGroupRecords(),
  };
}

/** The first (lowest) of a group's member numbers: the member earliest in article order. */
function first(members: readonly number[]): number {
  let lowest = members[0];
  for (const m of members) if (m < lowest) lowest = m;
  return lowest;
}

/**
 * The first `max` of `items` ordered by `count` descending, then by number ascending: the same list
 * as sorting them all and keeping `max`, found in one pass with a sorted list of at most `max` (an
 * entity named in most articles shares them with most entities, and sorting all of them for each
 * was about half of the entity records' time at 5,000 generated articles).
 */
export function topShared(items: readonly number[], count: Int32Array, max: number): number[] {
  const top: number[] = [];
  if (max <= 0) return top;
  for (const y of items) {
    const c = count[y];
    let k = top.length;
    if (k === max) {
      const last = top[k - 1];
      if (c < count[last] || (c === count[last] && y > last)) continue;
      top.pop();
      k--;
    }
    while (k > 0 && (count[top[k - 1]] < c || (count[top[k - 1]] === c && top[k - 1] > y))) k--;
    top.splice(k, 0, y);
  }
  return top;
}
