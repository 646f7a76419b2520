/**
 * What `getDetails` sends to a card. A stored card record lists every article that covers an entity;
 * for an entity that a whole corpus covers that is the whole corpus: at 5,000 generated articles the
 * largest record was 1.9 MB (scripts/measure-matching-side.ts), sent to the page and rendered on
 * every hover. The card shows the first MAX_CARD_ARTICLES and links to the corpus browser for the rest.
 */
import type { CardDetails } from '../core/index/details';
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

/** Details cut to what a card shows. */
export function cardReply(details: CardDetails): CorpusCardDetails {
  // A record of another shape (only a stand-in source makes one) goes as it is.
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
