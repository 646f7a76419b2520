/** What a card's evidence is: how the page text matched, and in how many corpus articles. */
import type { Match } from '../../core/index/types';
import type { CorpusMatch } from '../../shared/protocol';
import { t } from '../shared/i18n';
import { strengthLabel, strengthOf } from './strength';

/** Props of the evidence box. */
export interface EvidenceProps {
  /** From the matching side a CorpusMatch, whose refs are cut for transport and counted in `articles`. */
  match: Match | CorpusMatch;
  /** Articles the corpus record covers (N) out of all corpus articles (M). */
  covered: number;
  total: number;
  /** "covered" for entities, "reported" for quotes, "stated" for claims. */
  coverageKey: 'card_covered' | 'card_reported' | 'card_stated';
  /** Repeat the matched page text (off where the card quotes it in full anyway). */
  showFound?: boolean;
}

/** Distinct article ids the matcher pointed at for this page text (as far as `refs` carries them). */
export function matchedArticles(match: Match): string[] {
  return [...new Set(match.refs.map((r) => r.article))];
}

/** How many distinct articles the matcher pointed at: the matching side's count when it sent one. */
export function matchedCount(match: Match | CorpusMatch): number {
  return 'articles' in match && typeof match.articles === 'number' ? match.articles : matchedArticles(match).length;
}

/** Evidence summary: "Strong match (0.92) · Matched in 3 of 5 articles · Covered in 3 of 5 articles". */
export function Evidence({ match, covered, total, coverageKey, showFound = true }: EvidenceProps) {
  const matched = matchedCount(match);
  const strength = strengthOf(match.score, match.kind);
  return (
    <div class="cl-evidence" data-cl-strength={strength}>
      <h3 class="cl-section-title cl-visually-hidden">{t('card_evidence_heading')}</h3>
      <p class="cl-evidence-line">
        <span class={`cl-strength cl-strength-${strength}`}>{strengthLabel(match.score, match.kind)}</span>{' '}
        {showFound ? <span class="cl-evidence-found">{t('card_found_as', match.text)}</span> : null}
      </p>
      <p class="cl-evidence-counts">
        {matched > 0 ? <span>{t('card_matched', [matched, total])}</span> : null}
        {matched > 0 ? ' ' : null}
        <span>{t(coverageKey, [covered, total])}</span>
      </p>
    </div>
  );
}
