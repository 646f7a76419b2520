/**
 * What `getDetails` sends to a card. The store keeps card records already cut to what a card shows
 * (core/index/card-details.ts, built at install); a full record (the bundled source builds one from
 * its index, and a generation installed before card records were cut holds them) is cut here the
 * same way: an entity's first articles, a group's reference, differing members and then the rest,
 * with counts of what was left out. The card links to the corpus browser for the rest.
 */
import { MAX_CARD_ARTICLES, MAX_CARD_MEMBERS, MAX_CARD_RELATED, articlesLeftOut, keptMembers, type CardRecord } from '../core/index/card-details';
import type { ClaimDetails, QuoteDetails } from '../core/index/details';
import type { CorpusCardDetails } from '../shared/protocol';

export { MAX_CARD_ARTICLES, MAX_CARD_MEMBERS, MAX_CARD_RELATED };

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
    articlesLeft: articlesLeftOut(details.members, kept, (m) => m.article.id),
  };
}

function quoteReply(details: QuoteDetails): CorpusCardDetails {
  if (details.members.length <= MAX_CARD_MEMBERS) return details;
  const kept = keptMembers(details.members, (m) => m.relation === 'variant');
  return { ...details, members: details.members.filter((m) => kept.has(m)), articlesLeft: articlesLeftOut(details.members, kept, (m) => m.article.id) };
}

/** Details cut to what a card shows (a record already cut comes back as it is, in content). */
export function cardReply(details: CardRecord): CorpusCardDetails {
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
