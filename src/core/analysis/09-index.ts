/**
 * Step 9: assemble the CorpusIndex with stable ids and a deterministic order:
 * articles, entities, quotes and claims by article id and position; groups by first member.
 * Ids: entities "person:<slug>" / "organisation:<slug>"; quotes "<article>#q<n>";
 * claims "<article>#c<sentence>"; groups "qg<n>" / "cg<n>" numbered in order.
 */
import type {
  ArticleRecord, ClaimGroup, ClaimRecord, CorpusIndex, EntityCoverage, EntityRecord, QuoteGroup, QuoteRecord,
} from '../index/types';
import { SCHEMA_VERSION } from '../index/types';
import type { ArticleDraft, EntityResult, MentionDraft } from './context';
import type { DescriptorTable } from './04-descriptors';
import type { QuoteDraft } from './05-quotes';
import type { QuoteGroupDraft } from './06-quote-groups';
import type { ClaimDraft } from './07-claims';
import type { ClaimGroupDraft } from './08-claim-groups';

/** Everything the earlier steps produced, ready to assemble. */
export interface AssemblyInput {
  drafts: ArticleDraft[];
  entities: EntityResult;
  descriptors: DescriptorTable;
  quotes: QuoteDraft[];
  quoteGroups: QuoteGroupDraft[];
  claims: ClaimDraft[];
  claimGroups: ClaimGroupDraft[];
}

const RELATED_MAX = 20;

function byString(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Builds the final index. Inputs must already be in article order. */
export function assembleIndex(input: AssemblyInput): CorpusIndex {
  const { drafts, entities, descriptors, quotes, quoteGroups, claims, claimGroups } = input;
  const articles: ArticleRecord[] = drafts.map((d) => ({
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
  }));

  // Quote ids by article and position.
  const quoteIds: string[] = [];
  const perArticleCount = new Map<string, number>();
  for (const q of quotes) {
    const n = (perArticleCount.get(q.article) ?? 0) + 1;
    perArticleCount.set(q.article, n);
    quoteIds.push(`${q.article}#q${n}`);
  }
  const quoteGroupOf: string[] = [];
  const quoteGroupRecords: QuoteGroup[] = quoteGroups.map((g, gi) => {
    const id = `qg${gi + 1}`;
    for (const m of g.members) quoteGroupOf[m] = id;
    return {
      id,
      speaker: g.members.map((m) => quotes[m].speaker).find((s) => s !== null) ?? null,
      reference: quoteIds[g.reference],
      members: g.members.map((m, k) => ({ quote: quoteIds[m], article: quotes[m].article, relation: g.relations[k], diff: g.diffs[k] })),
    };
  });
  const quoteRecords: QuoteRecord[] = quotes.map((q, i) => ({
    id: quoteIds[i],
    article: q.article,
    speaker: q.speaker,
    speakerText: q.speakerText,
    text: q.text,
    spans: q.spans,
    sentences: q.sentences,
    tense: q.tense,
    group: quoteGroupOf[i],
  }));

  const claimIds = claims.map((c) => `${c.article}#c${c.sentence}`);
  const claimGroupOf: string[] = [];
  const claimGroupRecords: ClaimGroup[] = claimGroups.map((g, gi) => {
    const id = `cg${gi + 1}`;
    for (const m of g.members) claimGroupOf[m] = id;
    return {
      id,
      topic: g.topic,
      reference: claimIds[g.reference],
      members: g.members.map((m, k) => ({ claim: claimIds[m], article: claims[m].article, relation: g.relations[k], values: g.values[k] })),
      differences: g.differences.map((d) => ({
        attribute: d.attribute,
        values: d.values.map((v) => ({ article: v.article, claim: claimIds[Number(v.claim)], value: v.value })),
      })),
    };
  });
  const claimRecords: ClaimRecord[] = claims.map((c, i) => ({
    id: claimIds[i],
    article: c.article,
    sentence: c.sentence,
    text: c.text,
    type: c.type,
    entities: c.entities,
    figures: c.figures,
    places: c.places,
    dates: c.dates,
    keywords: c.keywords,
    group: claimGroupOf[i],
  }));

  // Entity coverage.
  const entityRecords: EntityRecord[] = [];
  const articlesOf = new Map<string, string[]>();
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
  for (const d of drafts) for (const m of entities.mentions.get(d.id) ?? []) bucket(mentionsBy, m.entity, d.id, m);
  for (const q of quoteRecords) if (q.speaker) bucket(quotesBy, q.speaker, q.article, q.id);
  for (const e of entities.entities) {
    const coverage: EntityCoverage[] = [];
    const articleIds = [...new Set([...(mentionsBy.get(e.id)?.keys() ?? []), ...(quotesBy.get(e.id)?.keys() ?? [])])].sort(byString);
    for (const article of articleIds) {
      const d = { id: article };
      const ms = mentionsBy.get(e.id)?.get(article) ?? [];
      const qs = quotesBy.get(e.id)?.get(article) ?? [];
      coverage.push({
        article: d.id,
        mentions: ms.map((m) => ({ start: m.start, end: m.end, sentence: m.sentence, surface: m.surface })),
        descriptors: descriptors.get(d.id)?.get(e.id) ?? [],
        quotes: qs,
      });
    }
    if (!coverage.length) continue;
    articlesOf.set(e.id, coverage.map((c) => c.article));
    entityRecords.push({ id: e.id, kind: e.kind, name: e.name, aliases: e.aliases, coverage, related: [] });
  }
  // Related entities through the articles they share (an inverted index, not all pairs).
  // Lists grow by push: copying them at each step made an entity named in most articles cost the
  // square of the corpus size.
  const byArticle = new Map<string, string[]>();
  for (const [id, arts] of articlesOf) {
    for (const a of arts) {
      const list = byArticle.get(a);
      if (list) list.push(id);
      else byArticle.set(a, [id]);
    }
  }
  for (const rec of entityRecords) {
    const shared = new Map<string, string[]>();
    for (const a of articlesOf.get(rec.id)!) {
      for (const other of byArticle.get(a)!) {
        if (other === rec.id) continue;
        const list = shared.get(other);
        if (list) list.push(a);
        else shared.set(other, [a]);
      }
    }
    rec.related = [...shared.entries()]
      .sort((x, y) => y[1].length - x[1].length || byString(x[0], y[0]))
      .slice(0, RELATED_MAX)
      .map(([entity, arts]) => ({ entity, articles: arts.sort(byString) }));
  }
  entityRecords.sort((a, b) => byString(a.id, b.id));
  const known = new Set(entityRecords.map((e) => e.id));
  const ambiguous = entities.ambiguous
    .map((a) => ({ alias: a.alias, entities: a.entities.filter((id) => known.has(id)) }))
    .filter((a) => a.entities.length >= 2);

  return {
    schemaVersion: SCHEMA_VERSION,
    articles,
    entities: entityRecords,
    ambiguous,
    quotes: quoteRecords,
    quoteGroups: quoteGroupRecords,
    claims: claimRecords,
    claimGroups: claimGroupRecords,
  };
}
