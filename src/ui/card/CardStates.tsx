/** Card bodies for the states without details: loading, error, and no corpus coverage. */
import { t } from '../shared/i18n';

/** Shown while the background looks the record up. */
export function LoadingState() {
  return (
    <div class="cl-state cl-state-loading" role="status" aria-live="polite">
      <span class="cl-spinner" aria-hidden="true" />
      <span>{t('card_loading')}</span>
    </div>
  );
}

/** Shown when the look-up failed; says the page itself is fine. */
export function ErrorState({ message }: { message: string }) {
  return (
    <div class="cl-state cl-state-error" role="alert">
      <p class="cl-state-title">{t('card_error')}</p>
      {message ? <p class="cl-muted cl-state-detail">{t('card_error_detail', message)}</p> : null}
    </div>
  );
}

/** Shown when the record exists but no corpus article backs it. */
export function NoCoverageState({ total }: { total: number }) {
  return (
    <div class="cl-state cl-state-empty" role="status">
      <p class="cl-state-title">{t('card_no_coverage')}</p>
      <p class="cl-muted">{t('card_no_coverage_detail', total)}</p>
    </div>
  );
}
