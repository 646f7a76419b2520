/** `#/person/<id>`, `#/organisation/<id>`: descriptors by outlet, quotes, who appears with them, articles. */
import type { EntityDetails } from '../../core/index/details';
import { articleDate, kindLabel, outletName } from '../shared/format';
import { t } from '../shared/i18n';
import { linkTo } from '../shared/links';
import { ShowMore, useShowMore } from '../shared/ShowMore';
import { useDownload } from './context';
import { ExportButtons } from './ExportButtons';
import { entitySources } from './sources';

function mentionLabel(count: number): string {
  return count === 1 ? t('browser_mentionOne') : t('browser_mentionCount', count);
}

/** The page of one person or organisation. */
export function EntityView({ details }: { details: EntityDetails }) {
  const download = useDownload();
  const withQuotes = details.articles.filter((a) => a.quotes.length > 0);
  const otherAliases = details.aliases.filter((a) => a !== details.name);
  // A person in hundreds of articles: each list shows a page at a time.
  const descriptorPage = useShowMore(details.articles.length);
  const quotePage = useShowMore(withQuotes.length);
  const relatedPage = useShowMore(details.related.length);
  const articlePage = useShowMore(details.articles.length);
  return (
    <article class="cl-view" data-testid="view-entity" data-cl-id={details.id}>
      <p class="cl-kicker">{kindLabel(details.kind)}</p>
      <h1 tabIndex={-1} class="cl-view-title">
        {details.name}
      </h1>
      <p data-testid="entity-coverage">
        {t('common_coveredIn', [details.covered, details.total])} · {mentionLabel(details.mentionCount)}
      </p>
      {otherAliases.length > 0 && (
        <p class="cl-muted">
          {t('browser_aliases')} {otherAliases.join(', ')}
        </p>
      )}

      <section aria-labelledby="cl-h-descriptors">
        <h2 id="cl-h-descriptors">{t('browser_descriptorsByOutlet')}</h2>
        <table class="cl-table" data-testid="descriptors">
          <thead>
            <tr>
              <th scope="col">{t('browser_colOutlet')}</th>
              <th scope="col">{t('browser_colDescriptors')}</th>
            </tr>
          </thead>
          <tbody>
            {details.articles.slice(0, descriptorPage.shown).map((a) => (
              <tr key={a.article.id}>
                <th scope="row">
                  <a href={linkTo('article', a.article.id)}>{outletName(a.article.outlet)}</a>
                  <div class="cl-muted cl-small">{articleDate(a.article.date)}</div>
                </th>
                <td>
                  {a.descriptors.length === 0 ? (
                    <span class="cl-muted">{t('browser_noDescriptors')}</span>
                  ) : (
                    <ul class="cl-plain-list">
                      {a.descriptors.map((d, i) => (
                        <li key={i}>
                          <strong>{d.text}</strong>
                          {d.excerpt && <div class="cl-muted cl-small">{d.excerpt}</div>}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <ShowMore shown={descriptorPage.shown} total={details.articles.length} onMore={descriptorPage.more} testId="descriptors-more" />
      </section>

      <section aria-labelledby="cl-h-quotes">
        <h2 id="cl-h-quotes">{t('browser_quotesByOutlet')}</h2>
        {withQuotes.length === 0 ? (
          <p class="cl-muted">{t('browser_noQuotes')}</p>
        ) : (
          withQuotes.slice(0, quotePage.shown).map((a) => (
            <div key={a.article.id} class="cl-outlet-block">
              <h3>
                {outletName(a.article.outlet)} <span class="cl-muted cl-small">{articleDate(a.article.date)}</span>
              </h3>
              {a.quotes.map((q) => (
                <figure key={q.id} class="cl-quote">
                  <blockquote>{q.text}</blockquote>
                  <figcaption>
                    <a href={linkTo('quote', q.group)}>{t('browser_compareWordings')}</a>
                  </figcaption>
                </figure>
              ))}
            </div>
          ))
        )}
        <ShowMore shown={quotePage.shown} total={withQuotes.length} onMore={quotePage.more} testId="quotes-more" />
      </section>

      <section aria-labelledby="cl-h-related">
        <h2 id="cl-h-related">{t('browser_appearsWith')}</h2>
        {details.related.length === 0 ? (
          <p class="cl-muted">{t('browser_noRelated')}</p>
        ) : (
          <ul class="cl-chips" data-testid="related">
            {details.related.slice(0, relatedPage.shown).map((r) => (
              <li key={r.id}>
                <a href={linkTo(r.kind, r.id)} class={`cl-chip cl-mention-${r.kind}`}>
                  {r.name}
                </a>{' '}
                <span class="cl-muted cl-small">{r.sharedArticles === 1 ? t('browser_sharedArticleOne') : t('browser_sharedArticles', r.sharedArticles)}</span>
              </li>
            ))}
          </ul>
        )}
        <ShowMore shown={relatedPage.shown} total={details.related.length} onMore={relatedPage.more} testId="related-more" />
      </section>

      <section aria-labelledby="cl-h-entity-articles">
        <h2 id="cl-h-entity-articles">{t('common_articles')}</h2>
        <ul class="cl-link-list">
          {details.articles.slice(0, articlePage.shown).map((a) => (
            <li key={a.article.id}>
              <a href={linkTo('article', a.article.id)}>{a.article.headline}</a>{' '}
              <span class="cl-muted">
                — {outletName(a.article.outlet)}, {articleDate(a.article.date)} · {mentionLabel(a.mentions)}
                {a.surfaces.length > 0 && ` (${a.surfaces.join(', ')})`}
              </span>
            </li>
          ))}
        </ul>
        <ShowMore shown={articlePage.shown} total={details.articles.length} onMore={articlePage.more} testId="entity-articles-more" />
      </section>
      <ExportButtons table={entitySources(details)} download={download} />
    </article>
  );
}
