/**
 * Paging for long lists: the first rows, then more on request, so the DOM of a 5,000-article
 * corpus stays a few hundred nodes until the reader asks for more.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from './i18n';

/**
 * Rows a long list shows at first and adds per "show more": one screenful or two of rows, and
 * small enough that the overview of a 5,000-article corpus stays under a few thousand DOM nodes.
 */
export const PAGE_SIZE = 50;

/** How many rows of a list of `total` to show; resets when `resetKey` changes (a new filter). */
export function useShowMore(total: number, step = PAGE_SIZE, resetKey: unknown = null): { shown: number; more(): void } {
  const [limit, setLimit] = useState(step);
  useEffect(() => setLimit(step), [resetKey, step]);
  return { shown: Math.min(total, limit), more: () => setLimit((n) => n + step) };
}

/** "Showing 50 of 5,000" and a button for the next page; nothing when the whole list is shown. */
export function ShowMore({ shown, total, step = PAGE_SIZE, onMore, testId }: { shown: number; total: number; step?: number; onMore(): void; testId?: string }) {
  if (shown >= total) return null;
  return (
    <p class="cl-show-more" data-testid={testId}>
      <span class="cl-muted" role="status">
        {t('browser_shownOf', [shown, total])}
      </span>{' '}
      <button type="button" class="cl-button" onClick={onMore}>
        {t('browser_showMore', Math.min(step, total - shown))}
      </button>
    </p>
  );
}
