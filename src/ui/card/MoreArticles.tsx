/** The "N more articles" line of a card whose list the matching side cut (CorpusCardDetails.articlesLeft). */
import { countLabel } from '../shared/format';

/** Props of the line: how many articles were left out, and where the corpus browser lists them all. */
export interface MoreArticlesProps {
  details: { link: string };
  onOpenBrowser(hash: string): void;
}

/** Nothing when the list is whole; else a link to the corpus browser counting the articles left out. */
export function MoreArticles({ details, onOpenBrowser }: MoreArticlesProps) {
  const left = (details as { articlesLeft?: number }).articlesLeft ?? 0;
  if (left <= 0) return null;
  return (
    <p class="cl-more">
      <button type="button" class="cl-link" onClick={() => onOpenBrowser(details.link)}>
        {countLabel(left, 'card_more_article_one', 'card_more_articles')}
      </button>
    </p>
  );
}
