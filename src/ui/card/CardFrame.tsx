/** The card's shell: dialog semantics, header with kind, title, pin and close, body and footer. */
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import { t } from '../shared/i18n';

/** Props of the card shell. */
export interface CardFrameProps {
  kicker: string;
  title: string;
  theme: 'light' | 'dark';
  pinned: boolean;
  busy?: boolean;
  /** Clamp a long title (a sentence) to three lines; names are shown whole. */
  clampTitle?: boolean;
  onClose(): void;
  onTogglePin(): void;
  /** The corpus the card's evidence comes from, named in the footer. */
  corpus?: string;
  /** Footer action (open in corpus browser), when the card has a record to link to. */
  footer?: ComponentChildren;
  children: ComponentChildren;
}

function PinIcon() {
  return (
    <svg class="cl-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <path d="M5 1.5h6M6 1.5v5L3.5 9.5h9L10 6.5v-5M8 9.5v5" fill="none" stroke="currentColor" stroke-width="1.4" stroke-linecap="round" stroke-linejoin="round" />
    </svg>
  );
}

function CloseIcon() {
  return (
    <svg class="cl-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <path d="M3.5 3.5l9 9M12.5 3.5l-9 9" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" />
    </svg>
  );
}

/** Dialog shell shared by every card state. Esc is left to the page script that owns the host. */
export function CardFrame(props: CardFrameProps) {
  const id = useId();
  return (
    <section
      class="cl-card"
      data-theme={props.theme}
      data-cl-pinned={props.pinned ? 'true' : 'false'}
      role="dialog"
      aria-modal="false"
      aria-labelledby={`${id}-kicker ${id}-title`}
      aria-busy={props.busy ? 'true' : undefined}
    >
      <header class="cl-head">
        <div class="cl-head-text">
          <p class="cl-kicker" id={`${id}-kicker`}>
            {props.kicker}
          </p>
          <h2 class={props.clampTitle ? 'cl-title cl-title-clamp' : 'cl-title'} id={`${id}-title`}>
            {props.title}
          </h2>
        </div>
        <div class="cl-actions">
          <button
            type="button"
            class="cl-icon-button"
            aria-pressed={props.pinned ? 'true' : 'false'}
            aria-label={t('card_pin')}
            title={props.pinned ? t('card_unpin_hint') : t('card_pin_hint')}
            onClick={() => props.onTogglePin()}
          >
            <PinIcon />
          </button>
          <button
            type="button"
            class="cl-icon-button"
            aria-label={t('card_close')}
            title={t('card_close')}
            onClick={() => props.onClose()}
          >
            <CloseIcon />
          </button>
        </div>
      </header>
      {/* Focusable so keyboard users can scroll it when it holds no controls (claim, quote cards). */}
      <div class="cl-body" tabIndex={0}>
        {props.children}
      </div>
      <footer class="cl-foot">
        <span class="cl-brand" data-cl-corpus={props.corpus}>
          {props.corpus ? t('card_brand_corpus', props.corpus) : t('card_brand')}
        </span>
        {props.footer}
      </footer>
    </section>
  );
}
