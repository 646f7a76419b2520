/** `#/`: the corpus at a glance: its articles, the coverage matrix and the timeline. */
import { useMemo } from 'preact/hooks';
import type { CorpusIndex } from '../../core/index/types';
import { articleDate, outletName } from '../shared/format';
import { t } from '../shared/i18n';
import { linkTo } from '../shared/links';
import { ShowMore, useShowMore } from '../shared/ShowMore';
import { useDownload } from './context';
import { CoverageMatrix } from './CoverageMatrix';
import { ExportButtons } from './ExportButtons';
import { corpusSources } from './sources';
import { Timeline } from './Timeline';
import { claimGroupsInOrder, groupDiffers } from '../shared/claims-order';

/** The overview page. */
export function Overview({ index }: { index: CorpusIndex }) {
  const download = useDownload();
  const disagreements = useMemo(() => claimGroupsInOrder(index).filter(groupDiffers), [index]);
  const articlePage = useShowMore(index.articles.length);
  const disagreementPage = useShowMore(disagreements.length);
  return (
    <article class="cl-view" data-testid="view-overview">
      <h1 tabIndex={-1} class="cl-view-title">
        {t('browser_title')}
      </h1>
      <p data-testid="article-count">{t('browser_articleCount', index.articles.length)}</p>
      <section aria-labelledby="cl-h-articles">
        <h2 id="cl-h-articles">{t('common_articles')}</h2>
        {index.articles.length === 0 ? (
          <p class="cl-state" data-testid="articles-empty">
            {t('browser_noArticles')}
          </p>
        ) : (
          <table class="cl-table" data-testid="article-list">
            <thead>
              <tr>
                <th scope="col">{t('browser_colOutlet')}</th>
                <th scope="col">{t('browser_colDate')}</th>
                <th scope="col">{t('browser_colHeadline')}</th>
              </tr>
            </thead>
            <tbody>
              {index.articles.slice(0, articlePage.shown).map((a) => (
                <tr key={a.id}>
                  <td>{outletName(a.outlet)}</td>
                  <td class="cl-nowrap">{articleDate(a.date)}</td>
                  <td>
                    <a href={linkTo('article', a.id)}>{a.headline}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <ShowMore shown={articlePage.shown} total={index.articles.length} onMore={articlePage.more} testId="articles-more" />
        <ExportButtons table={corpusSources(index.articles)} download={download} />
      </section>
      {disagreements.length > 0 && (
        <section aria-labelledby="cl-h-disagreements">
          <h2 id="cl-h-disagreements">{t('browser_disagreements')}</h2>
          <ul class="cl-link-list" data-testid="disagreements">
            {disagreements.slice(0, disagreementPage.shown).map((g) => (
              <li key={g.id}>
                <span class="cl-badge cl-badge-differs">{t('common_outletsDiffer')}</span> <a href={linkTo('claim', g.id)}>{g.topic}</a>
              </li>
            ))}
          </ul>
          <ShowMore shown={disagreementPage.shown} total={disagreements.length} onMore={disagreementPage.more} testId="disagreements-more" />
        </section>
      )}
      <section aria-labelledby="cl-h-matrix">
        <h2 id="cl-h-matrix">{t('browser_matrixTitle')}</h2>
        <p class="cl-muted">{t('browser_matrixNote')}</p>
        <CoverageMatrix index={index} />
      </section>
      <section aria-labelledby="cl-h-timeline">
        <h2 id="cl-h-timeline">{t('browser_timelineTitle')}</h2>
        <Timeline articles={index.articles} />
      </section>
    </article>
  );
}
