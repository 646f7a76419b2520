/**
 * What `getDetails` sends to a card. A stored card record lists every article that covers an entity,
 * claim or quote; for an entity that a whole corpus covers that is the whole corpus: at 5,000
 * generated articles the largest record was 1.9 MB (scripts/measure-matching-side.ts), sent to the
 * page and rendered on every hover. The card shows the first articles and links to the corpus
 * browser for the rest.
 */
import type { CardDetails, ClaimDetails, QuoteDetails } from '../core/index/details';
import type { CorpusCardDetails } from '../shared/protocol';

/**
 * Articles of an entity a card lists. A card is a glance and the corpus browser lists them all; 25
 * rows is more than any entity of the bundled corpus has (5 articles) and a few screens of the
 * card's scrolling list, and keeps the largest reply at 5,000 generated articles small (see the
 * figures in scripts/measure-matching-side.ts's output).
 */
export const MAX_CARD_ARTICLES = 25;

/** Related entities sent with a card (the card shows fewer; the browser lists them all). */
export const MAX_CARD_RELATED = 12;

/**
 * Statements of a claim or wordings of a quote a card lists. Each member is a sentence with its
 * outlet line, so a member takes more room than an entity's article row; 40 keeps every group of the
 * 5,000-article generated corpus whole but one quote of 74 wordings (largest claim group: 35
 * members, 38 KB), and cuts a claim that hundreds of articles repeat to a few screens.
 */
export const MAX_CARD_MEMBERS = 40;

/**
 * The members a card gets, in their order: the reference first, then every member that differs (the
 * card exists to show where outlets disagree), then the rest, up to MAX_CARD_MEMBERS.
 */
function keptMembers<T extends { isReference: boolean }>(members: T[], differs: (m: T) => boolean): Set<T> {
  const kept = new Set<T>();
  for (const m of members) if (m.isReference) kept.add(m);
  for (const m of members) if (kept.size < MAX_CARD_MEMBERS && differs(m)) kept.add(m);
  for (const m of members) if (kept.size < MAX_CARD_MEMBERS) kept.add(m);
  return kept;
}

/** Distinct articles of `members` none of whose members was kept. */
function articlesLeftOut(members: { article: { id: string } }[], kept: Set<unknown>): number {
  const keptArticles = new Set<string>();
  for (const m of members) if (kept.has(m)) keptArticles.add(m.article.id);
  return new Set(members.filter((m) => !keptArticles.has(m.article.id)).map((m) => m.article.id)).size;
}

function claimReply(details: ClaimDetails): CorpusCardDetails {
  if (details.members.length <= MAX_CARD_MEMBERS) return details;
  const kept = keptMembers(details.members, (m) => m.relation === 'differs');
  const keptClaims = new Set([...kept].map((m) => m.claim));
  return {
    ...details,
    members: details.members.filter((m) => kept.has(m)),
    byOutlet: details.byOutlet.map((g) => ({ ...g, members: g.members.filter((m) => keptClaims.has(m.claim)) })).filter((g) => g.members.length > 0),
    // A side-by-side row needs two values to compare.
    differences: details.differences
      .map((d) => ({ ...d, values: d.values.filter((v) => keptClaims.has(v.claim)) }))
      .filter((d) => d.values.length > 1),
    articlesLeft: articlesLeftOut(details.members, kept),
  };
}

function quoteReply(details: QuoteDetails): CorpusCardDetails {
  if (details.members.length <= MAX_CARD_MEMBERS) return details;
  const kept = keptMembers(details.members, (m) => m.relation === 'variant');
  return { ...details, members: details.members.filter((m) => kept.has(m)), articlesLeft: articlesLeftOut(details.members, kept) };
}

/** Details cut to what a card shows. */
export function cardReply(details: CardDetails): CorpusCardDetails {
  // A record of another shape (only a stand-in source makes one) goes as it is.
  if (details.type === 'claim' && Array.isArray(details.members) && Array.isArray(details.byOutlet) && Array.isArray(details.differences)) return claimReply(details);
  if (details.type === 'quote' && Array.isArray(details.members)) return quoteReply(details);
  if (details.type !== 'entity' || !Array.isArray(details.articles) || !Array.isArray(details.related)) return details;
  const left = details.articles.length - MAX_CARD_ARTICLES;
  return {
    ...details,
    articles: left > 0 ? details.articles.slice(0, MAX_CARD_ARTICLES) : details.articles,
    // The card names a related entity and counts the shared articles; their ids (thousands for two
    // entities a whole corpus covers: 212 KB of the largest reply at 5,000 articles) stay behind.
    related: details.related.slice(0, MAX_CARD_RELATED).map((r) => ({ ...r, articles: [] })),
    ...(left > 0 ? { articlesLeft: left } : {}),
  };
}
