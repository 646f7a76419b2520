/** Card body for a person or organisation: coverage, descriptors and quotes by outlet, and company. */
import { deepLink, type EntityDetails } from '../../core/index/details';
import type { Match, QuoteTense } from '../../core/index/types';
import { t, type MessageKey } from '../shared/i18n';
import { ArticleLine } from './ArticleLine';
import { Evidence } from './Evidence';
import { countLabel } from '../shared/format';
import { MoreArticles } from './MoreArticles';

/** Props of the entity card body. */
export interface EntityCardProps {
  match: Match;
  details: EntityDetails;
  onOpenBrowser(hash: string): void;
}

/** Quotes per outlet shown in place; the rest are a click away in the corpus browser. */
const QUOTES_PER_ARTICLE = 1;
const RELATED_SHOWN = 6;

/** Tense words shown with a quote ("will say" marks advance text of a speech). */
export const tenseKeys: Record<QuoteTense, MessageKey> = {
  past: 'card_tense_past',
  present: 'card_tense_present',
  future: 'card_tense_future',
};

/** Person or organisation details. */
export function EntityCard({ match, details, onOpenBrowser }: EntityCardProps) {
  const related = details.related.slice(0, RELATED_SHOWN);
  return (
    <>
      <Evidence match={match} covered={details.covered} total={details.total} coverageKey="card_covered" />
      <section class="cl-section">
        <h3 class="cl-section-title">{t('card_by_outlet')}</h3>
        <ul class="cl-list">
          {details.articles.map((a) => (
            <li key={a.article.id} class="cl-item">
              <ArticleLine
                article={a.article}
                aside={countLabel(a.mentions, 'card_mention_one', 'card_mentions')}
              />
              {a.descriptors.length > 0 ? (
                <div class="cl-descriptors">
                  <p class="cl-label">{t('card_described_as')}</p>
                  <ul class="cl-descriptor-list">
                    {a.descriptors.map((d, i) => (
                      <li key={i} class="cl-descriptor">
                        <span class="cl-descriptor-text">{d.text}</span>
                        {d.excerpt ? <span class="cl-excerpt">{d.excerpt}</span> : null}
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
              {a.quotes.length > 0 ? (
                <div class="cl-quotes">
                  <p class="cl-label">{t('card_quoted')}</p>
                  {a.quotes.slice(0, QUOTES_PER_ARTICLE).map((q) => (
                    <figure key={q.id} class="cl-quote">
                      <blockquote class="cl-quote-text cl-clamp">{q.text}</blockquote>
                      <figcaption class="cl-quote-meta">{t(tenseKeys[q.tense])}</figcaption>
                    </figure>
                  ))}
                  {a.quotes.length > QUOTES_PER_ARTICLE ? (
                    <p class="cl-more">
                      <button type="button" class="cl-link" onClick={() => onOpenBrowser(details.link)}>
                        {countLabel(a.quotes.length - QUOTES_PER_ARTICLE, 'card_more_quote_one', 'card_more_quotes')}
                      </button>
                    </p>
                  ) : null}
                </div>
              ) : null}
            </li>
          ))}
        </ul>
        {/* The matching side sends a widely covered entity's first articles and counts the rest. */}
        <MoreArticles details={details} onOpenBrowser={onOpenBrowser} />
      </section>
      {related.length > 0 ? (
        <section class="cl-section">
          <h3 class="cl-section-title">{t('card_related_heading')}</h3>
          <ul class="cl-related">
            {related.map((r) => (
              <li key={r.id}>
                <button type="button" class="cl-link" onClick={() => onOpenBrowser(deepLink(r.kind, r.id))}>
                  {r.name}
                </button>
                <span class="cl-muted"> {countLabel(r.sharedArticles, 'card_shared_article_one', 'card_shared_articles')}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
