/** `#/claim/<id>`: a claim group compared side by side by outlet, with the differing values. */
import type { ClaimDetails } from '../../core/index/details';
import { kindLabel, outletName } from '../shared/format';
import { t } from '../shared/i18n';
import { linkTo } from '../shared/links';
import { ValuesSideBySide } from '../card/ValuesSideBySide';
import { useDownload } from './context';
import { ExportButtons } from './ExportButtons';
import { MemberByline } from './MemberByline';
import { claimSources } from './sources';

/** The comparison page of one claim group. */
export function ClaimView({ details }: { details: ClaimDetails }) {
  const download = useDownload();
  return (
    <article class="cl-view" data-testid="view-claim" data-cl-id={details.id}>
      <p class="cl-kicker">{kindLabel('claim')}</p>
      <h1 tabIndex={-1} class="cl-view-title">
        {details.topic}
      </h1>
      <p>
        {t('common_coveredIn', [details.covered, details.total])}{' '}
        {details.differences.length > 0 && <span class="cl-badge cl-badge-differs">{t('common_outletsDiffer')}</span>}
      </p>

      <section aria-labelledby="cl-h-values">
        <h2 id="cl-h-values">{t('browser_valuesCompared')}</h2>
        {details.differences.length === 0 ? (
          <p class="cl-muted" data-testid="no-differences">
            {t('browser_noDifferences')}
          </p>
        ) : (
          details.differences.map((d, i) => (
            <div key={i} class="cl-difference" data-testid="difference">
              <ValuesSideBySide difference={d} />
            </div>
          ))
        )}
      </section>

      <section aria-labelledby="cl-h-by-outlet">
        <h2 id="cl-h-by-outlet">{t('browser_byOutlet')}</h2>
        <div class="cl-columns" data-testid="claim-by-outlet">
          {details.byOutlet.map((group) => (
            <section key={group.outlet} class="cl-column" aria-label={outletName(group.outlet)}>
              <h3>{outletName(group.outlet)}</h3>
              {group.members.map((m) => (
                <div key={m.claim} class="cl-member">
                  <MemberByline isReference={m.isReference} relation={m.relation} date={m.article.date} />
                  <blockquote class="cl-excerpt">{m.excerpt}</blockquote>
                  {m.values.length > 0 && (
                    <p class="cl-small">
                      {t('browser_statesValues')} <strong>{m.values.join(', ')}</strong>
                    </p>
                  )}
                  <p class="cl-small">
                    <a href={linkTo('article', m.article.id)}>{t('browser_readArticle')}</a>
                  </p>
                </div>
              ))}
            </section>
          ))}
        </div>
      </section>
      <ExportButtons table={claimSources(details)} download={download} />
    </article>
  );
}
