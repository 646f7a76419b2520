/** `#/quote/<id>`: each outlet's wording of one utterance, with the differences marked. */
import type { QuoteDetails } from '../../core/index/details';
import { kindLabel, outletName } from '../shared/format';
import { t } from '../shared/i18n';
import { linkTo } from '../shared/links';
import { QuoteDiff } from '../card/QuoteDiff';
import { useDownload } from './context';
import { ExportButtons } from './ExportButtons';
import { MemberByline } from './MemberByline';
import { quoteSources } from './sources';

/** The heading of a quote page: the speaker's name, or how the article named them. */
export function quoteTitle(details: QuoteDetails): string {
  const who = details.speaker.name ?? details.speaker.text;
  return who ? t('browser_quoteBy', who) : t('browser_quoteUnknownSpeaker');
}

/** The comparison page of one quote group. */
export function QuoteView({ details }: { details: QuoteDetails }) {
  const download = useDownload();
  const title = quoteTitle(details);
  return (
    <article class="cl-view" data-testid="view-quote" data-cl-id={details.id}>
      <p class="cl-kicker">{kindLabel('quote')}</p>
      <h1 tabIndex={-1} class="cl-view-title">
        {title}
      </h1>
      <p>
        {t('common_coveredIn', [details.covered, details.total])}
        {details.speaker.id && details.speaker.kind && (
          <>
            {' · '}
            <a href={linkTo(details.speaker.kind, details.speaker.id)}>{t('browser_speakerPage', details.speaker.name ?? '')}</a>
          </>
        )}
      </p>
      <p class="cl-legend cl-muted">
        {t('browser_diffLegend')} <ins class="cl-ins">{t('browser_diffAdded')}</ins>{' '}
        <del class="cl-del">{t('browser_diffRemoved')}</del>
      </p>
      <div class="cl-columns" data-testid="quote-members">
        {details.members.map((m) => (
          <section key={m.quote} class="cl-column" aria-label={outletName(m.article.outlet)}>
            <h3>{outletName(m.article.outlet)}</h3>
            <MemberByline isReference={m.isReference} relation={m.relation} date={m.article.date} />
            <blockquote class="cl-excerpt" data-testid="quote-wording">
              <QuoteDiff text={m.text} diff={m.isReference ? [] : m.diff} />
            </blockquote>
            {m.speakerText && (
              <p class="cl-small cl-muted">{t('browser_attributedTo', m.speakerText)}</p>
            )}
            <p class="cl-small">
              <a href={linkTo('article', m.article.id)}>{t('browser_readArticle')}</a>
            </p>
          </section>
        ))}
      </div>
      <ExportButtons table={quoteSources(details, title)} download={download} />
    </article>
  );
}
