/** The line above one outlet's wording on the claim and quote pages: its relation badge and date. */
import type { Relation } from '../../core/index/types';
import { articleDate, relationLabel } from '../shared/format';
import { t } from '../shared/i18n';

/** "Reference" for the wording the others are compared with, else the member's relation; then the date. */
export function MemberByline({ isReference, relation, date }: { isReference: boolean; relation: Relation | 'same' | 'variant'; date: string }) {
  return (
    <p class="cl-small">
      {isReference ? (
        <span class="cl-badge cl-badge-mentions">{t('browser_reference')}</span>
      ) : (
        <span class={`cl-badge cl-badge-${relation}`}>{relationLabel(relation)}</span>
      )}{' '}
      <span class="cl-muted">{articleDate(date)}</span>
    </p>
  );
}
