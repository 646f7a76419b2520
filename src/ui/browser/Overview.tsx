/** `#/`: the corpus at a glance: its articles, the coverage matrix and the timeline. */
import type { CorpusIndex } from '../../core/index/types';
import { articleDate, outletName } from '../shared/format';
import { t } from '../shared/i18n';
import { linkTo } from '../shared/links';
import { useDownload } from './context';
import { CoverageMatrix } from './CoverageMatrix';
import { ExportButtons } from './ExportButtons';
import { corpusSources } from './sources';
import { Timeline } from './Timeline';
import { claimGroupsInOrder, groupDiffers } from '../shared/claims-order';

/** The overview page. */
export function Overview({ index }: { index: CorpusIndex }) {
  const download = useDownload();
  const disagreements = claimGroupsInOrder(index).filter(groupDiffers);
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
              {index.articles.map((a) => (
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
        <ExportButtons table={corpusSources(index.articles)} download={download} />
      </section>
      {disagreements.length > 0 && (
        <section aria-labelledby="cl-h-disagreements">
          <h2 id="cl-h-disagreements">{t('browser_disagreements')}</h2>
          <ul class="cl-link-list" data-testid="disagreements">
            {disagreements.map((g) => (
              <li key={g.id}>
                <span class="cl-badge cl-badge-differs">{t('common_outletsDiffer')}</span> <a href={linkTo('claim', g.id)}>{g.topic}</a>
              </li>
            ))}
          </ul>
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
