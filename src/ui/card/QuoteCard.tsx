/** Card body for a quote: each outlet's wording, differences from the reference wording marked. */
import type { QuoteDetails } from '../../core/index/details';
import type { Match } from '../../core/index/types';
import { t } from '../shared/i18n';
import { ArticleLine } from './ArticleLine';
import { refsByArticle } from './ClaimCard';
import { tenseKeys } from './EntityCard';
import { Evidence } from './Evidence';
import { MoreArticles } from './MoreArticles';
import { strengthLabel } from './strength';
import { QuoteDiff } from './QuoteDiff';
import { KindBadge, PageDifferences, differencesOf } from './PageDifferences';
import { outletName } from '../shared/format';

/** Props of the quote card body. */
export interface QuoteCardProps {
  match: Match;
  details: QuoteDetails;
  onOpenBrowser(hash: string): void;
}

/** The speaker's canonical name, else how an article named them, else "not identified". */
export function speakerLabel(details: QuoteDetails): string {
  return details.speaker.name ?? details.speaker.text ?? t('card_speaker_unknown');
}

/** Quote group details: one wording per outlet. */
export function QuoteCard({ match, details, onOpenBrowser }: QuoteCardProps) {
  const refs = refsByArticle(match.refs);
  const hasVariant = details.members.some((m) => m.relation === 'variant');
  return (
    <>
      <Evidence match={match} covered={details.covered} total={details.total} coverageKey="card_reported" />
      {hasVariant ? <p class="cl-note">{t('card_diff_legend')}</p> : null}
      <section class="cl-section">
        <h3 class="cl-section-title">{t('card_wordings')}</h3>
        <ul class="cl-list">
          {details.members.map((m) => {
            const ref = refs.get(m.article.id);
            const badge = m.isReference ? t('card_quote_reference') : m.relation === 'variant' ? t('card_quote_variant') : t('card_quote_same');
            return (
              <li key={m.quote} class="cl-item" data-cl-relation={m.relation}>
                <ArticleLine
                  article={m.article}
                  showHeadline={false}
                  aside={
                    <span class={`cl-badge cl-badge-${m.isReference ? 'reference' : m.relation === 'variant' ? 'differs' : 'agrees'}`}>
                      {badge}
                    </span>
                  }
                />
                <p class="cl-verdict cl-muted">
                  {t(tenseKeys[m.tense])}
                  {ref ? ` · ${strengthLabel(ref.score)}` : ''}
                </p>
                {/* Wording kinds as badges (the diff below shows them); the others get a box with both values. */}
                {ref && differencesOf(ref).some((d) => d.kind && d.attribute === 'wording') ? (
                  <p class="cl-verdict">
                    {differencesOf(ref).map((d, i) => (d.kind && d.attribute === 'wording' ? <KindBadge key={i} kind={d.kind} /> : null))}
                  </p>
                ) : null}
                {ref ? <PageDifferences differences={differencesOf(ref)} outlet={outletName(m.article.outlet)} /> : null}
                <QuoteDiff text={m.text} diff={m.isReference ? [] : m.diff} />
              </li>
            );
          })}
        </ul>
        <MoreArticles details={details} onOpenBrowser={onOpenBrowser} />
      </section>
    </>
  );
}
