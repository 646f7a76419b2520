/**
 * Card records: what a card shows of an entity, claim group or quote group, built straight from the
 * index with only the rows the card lists and counts for the rest. The full record (./details.ts)
 * lists every covering article: for an entity a whole corpus covers, that is every article, and a card
 * that read it paid for the corpus's size on every hover (at 5,000 generated articles the largest
 * record was 1.78 MB; at 20,000 the worst card took 606 ms). Built here, a card record's size and cost are bounded by
 * the caps below whatever the corpus's size, and `buildCardDetails(x)` is exactly the full record
 * (`buildDetails(x)`) cut to them as src/background/card-reply.ts cuts a full record.
 */
import {
  articleRef,
  claimDifferences,
  claimMember,
  deepLink,
  entityArticle,
  lookups,
  quoteMember,
  quoteSpeaker,
  referenceFirst,
  type CardDetails,
  type ClaimDetails,
  type ClaimMemberDetails,
  type EntityArticleDetails,
  type EntityDetails,
  type Lookups,
  type OutletGroup,
  type QuoteDetails,
  type RelatedEntity,
} from './details';
import type { ArticleRecord, CorpusIndex, DetectionKind } from './types';

/**
 * Articles of an entity a card lists. A card is a glance and the corpus browser lists them all; 25
 * rows is more than any entity of the bundled corpus has (5 articles) and a few screens of the
 * card's scrolling list, and keeps the largest record at 5,000 generated articles small (1.78 MB
 * whole, 9 KB cut: scripts/measure-matching-side.ts).
 */
export const MAX_CARD_ARTICLES = 25;

/** Related entities a card record keeps (the card shows fewer; the browser lists them all). */
export const MAX_CARD_RELATED = 12;

/**
 * Statements of a claim or wordings of a quote a card lists. Each member is a sentence with its
 * outlet line, so a member takes more room than an entity's article row; 40 keeps every group of the
 * 5,000-article generated corpus whole but one quote of 74 wordings (largest claim group: 35
 * members, 38 KB), and cuts a claim that hundreds of articles repeat to a few screens.
 */
export const MAX_CARD_MEMBERS = 40;

/** A card record: the full record's shape with its lists cut to the caps; `articlesLeft` counts the covering articles left out. */
export type CardRecord = CardDetails & { articlesLeft?: number };

/**
 * The members a card gets, in their order: the reference first, then every member that differs (the
 * card exists to show where outlets disagree), then the rest, up to MAX_CARD_MEMBERS.
 */
export function keptMembers<T extends { isReference: boolean }>(members: readonly T[], differs: (m: T) => boolean): Set<T> {
  const kept = new Set<T>();
  for (const m of members) if (m.isReference) kept.add(m);
  for (const m of members) if (kept.size < MAX_CARD_MEMBERS && differs(m)) kept.add(m);
  for (const m of members) if (kept.size < MAX_CARD_MEMBERS) kept.add(m);
  return kept;
}

/** Distinct articles (`articleOf` each member) of `members` none of whose members was kept. */
export function articlesLeftOut<T>(members: readonly T[], kept: Set<T>, articleOf: (m: T) => string): number {
  const keptArticles = new Set<string>();
  for (const m of members) if (kept.has(m)) keptArticles.add(articleOf(m));
  const left = new Set<string>();
  for (const m of members) if (!keptArticles.has(articleOf(m))) left.add(articleOf(m));
  return left.size;
}

function cardEntity(total: number, look: Lookups, id: string): EntityDetails | null {
  const entity = look.entities.get(id);
  if (!entity) return null;
  const articles: EntityArticleDetails[] = [];
  let covered = 0;
  let mentionCount = 0;
  for (const coverage of entity.coverage) {
    const article = look.articles.get(coverage.article);
    if (!article) continue; // coverage of an article the index does not hold backs nothing up
    covered++;
    mentionCount += coverage.mentions.length;
    if (articles.length < MAX_CARD_ARTICLES) articles.push(entityArticle(look, article, coverage));
  }
  const related: RelatedEntity[] = [];
  for (const rel of entity.related) {
    const other = look.entities.get(rel.entity);
    if (!other || other.id === entity.id) continue;
    let shared = 0;
    for (const a of rel.articles) if (look.articles.has(a)) shared++;
    if (shared === 0) continue;
    // The card names a related entity and counts the shared articles; their ids stay behind.
    related.push({ id: other.id, kind: other.kind, name: other.name, articles: [], sharedArticles: shared });
  }
  related.sort((a, b) => b.sharedArticles - a.sharedArticles || a.name.localeCompare(b.name));
  const left = covered - MAX_CARD_ARTICLES;
  return {
    type: 'entity',
    kind: entity.kind,
    id: entity.id,
    name: entity.name,
    aliases: [...entity.aliases],
    covered,
    total,
    articles,
    related: related.slice(0, MAX_CARD_RELATED),
    mentionCount,
    link: deepLink(entity.kind, entity.id),
    ...(left > 0 ? { articlesLeft: left } : {}),
  };
}

/** A member of a group resolved against the index, before the card builds it (or leaves it out). */
interface Resolved<M, R> {
  member: M;
  record: R;
  article: ArticleRecord;
  articleId: string;
  isReference: boolean;
}

/** The members of a group whose record and article the index holds, reference first. */
function resolve<M extends { article: string }, R extends { id: string }>(members: readonly M[], reference: string, recordOf: (m: M) => R | undefined, look: Lookups): Resolved<M, R>[] {
  const out: Resolved<M, R>[] = [];
  for (const member of members) {
    const record = recordOf(member);
    const article = look.articles.get(member.article);
    if (record && article) out.push({ member, record, article, articleId: article.id, isReference: record.id === reference });
  }
  return referenceFirst(out, (m) => m.isReference);
}

function cardClaim(total: number, look: Lookups, id: string): ClaimDetails | null {
  const group = look.claimGroups.get(id);
  if (!group) return null;
  const ordered = resolve(group.members, group.reference, (m) => look.claims.get(m.claim), look);
  const kept = ordered.length > MAX_CARD_MEMBERS ? keptMembers(ordered, (m) => m.member.relation === 'differs') : new Set(ordered);
  const members: ClaimMemberDetails[] = [];
  const built = new Map<Resolved<unknown, unknown>, ClaimMemberDetails>();
  for (const m of ordered) {
    if (!kept.has(m)) continue;
    const details = claimMember(group, m.member, m.record, m.article);
    members.push(details);
    built.set(m, details);
  }
  // Outlets in order of first appearance among every member (as the full record's byOutlet), each with its kept members.
  const outlets = new Map<string, ClaimMemberDetails[]>();
  for (const m of ordered) {
    const list = outlets.get(m.article.outlet) ?? [];
    outlets.set(m.article.outlet, list);
    const details = built.get(m);
    if (details) list.push(details);
  }
  const byOutlet: OutletGroup<ClaimMemberDetails>[] = [];
  for (const [outlet, list] of outlets) if (list.length > 0) byOutlet.push({ outlet, members: list });
  const keptClaims = new Set(members.map((m) => m.claim));
  const cut = kept.size < ordered.length;
  const differences = claimDifferences(group, look, (claim) => !cut || keptClaims.has(claim));
  return {
    type: 'claim',
    id: group.id,
    topic: group.topic,
    reference: group.reference,
    covered: new Set(ordered.map((m) => m.articleId)).size,
    total,
    members,
    byOutlet,
    differences,
    link: deepLink('claim', group.id),
    ...(cut ? { articlesLeft: articlesLeftOut(ordered, kept, (m) => m.articleId) } : {}),
  };
}

function cardQuote(total: number, look: Lookups, id: string): QuoteDetails | null {
  const group = look.quoteGroups.get(id);
  if (!group) return null;
  const ordered = resolve(group.members, group.reference, (m) => look.quotes.get(m.quote), look);
  const kept = ordered.length > MAX_CARD_MEMBERS ? keptMembers(ordered, (m) => m.member.relation === 'variant-quote') : new Set(ordered);
  const cut = kept.size < ordered.length;
  return {
    type: 'quote',
    id: group.id,
    speaker: quoteSpeaker(group, look, () => ordered.find((m) => m.record.speakerText)?.record.speakerText ?? null),
    reference: group.reference,
    covered: new Set(ordered.map((m) => m.articleId)).size,
    total,
    members: ordered.filter((m) => kept.has(m)).map((m) => quoteMember(group, m.member, m.record, m.article)),
    link: deepLink('quote', group.id),
    ...(cut ? { articlesLeft: articlesLeftOut(ordered, kept, (m) => m.articleId) } : {}),
  };
}

/**
 * The card record of one entity, claim group or quote group, or null when unknown: the full record
 * (buildDetails) cut to MAX_CARD_ARTICLES / MAX_CARD_RELATED / MAX_CARD_MEMBERS, with only the kept
 * rows built (an entity's first articles; a group's reference, differing members, then the rest).
 */
export function buildCardDetails(index: CorpusIndex, kind: DetectionKind, id: string): CardRecord | null {
  return cardDetailsFrom(lookups(index), index.articles.length, kind, id);
}

/**
 * buildCardDetails over lookup tables the caller keeps (a corpus of `total` articles): an install
 * streaming a corpus file holds only what the records still to come need (src/store/details-input.ts).
 */
export function cardDetailsFrom(look: Lookups, total: number, kind: DetectionKind, id: string): CardRecord | null {
  if (kind === 'person' || kind === 'organisation') {
    const details = cardEntity(total, look, id);
    return details && details.kind === kind ? details : null;
  }
  if (kind === 'claim') return cardClaim(total, look, id);
  return cardQuote(total, look, id);
}
