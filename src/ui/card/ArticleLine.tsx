/** One article's byline in a card: outlet, date, and the headline as a quieter second line. */
import type { ArticleRef } from '../../core/index/details';
import { articleDate, outletName } from '../shared/format';
import type { ComponentChildren } from 'preact';

/** Props of an article byline. */
export interface ArticleLineProps {
  article: ArticleRef;
  /** Shown at the end of the first line (badges, counts). */
  aside?: ComponentChildren;
  showHeadline?: boolean;
}

/** Outlet · date, optional aside, optional headline. */
export function ArticleLine({ article, aside, showHeadline = true }: ArticleLineProps) {
  return (
    <div class="cl-article" data-cl-article={article.id}>
      <p class="cl-article-line">
        <span class="cl-outlet">{outletName(article.outlet)}</span>
        <span class="cl-date"> · {articleDate(article.date)}</span>
        {aside ? <span class="cl-aside"> {aside}</span> : null}
      </p>
      {showHeadline && article.headline ? <p class="cl-headline">{article.headline}</p> : null}
    </div>
  );
}
