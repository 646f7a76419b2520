/**
 * The card renderer the card host mounts. Placeholder until the Preact card components in
 * src/ui/card land: same call shape (renderCard/unmountCard/CARD_CSS), plain DOM, text only.
 */
import type { Match } from '../core/index/types';

/** What the host passes to the card renderer. */
export interface CardViewProps {
  match: Match;
  state: { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; details: unknown };
  pinned: boolean;
  theme: 'light' | 'dark';
  onClose(): void;
  onTogglePin(): void;
  onOpenBrowser(hash: string): void;
}

/** Stylesheet of the shadow root. */
export const CARD_CSS = `:host{all:initial}
.cl-card{box-sizing:border-box;width:340px;max-width:calc(100vw - 16px);padding:12px 14px;border-radius:8px;
font:14px/1.45 system-ui,sans-serif;background:#fff;color:#1a1d21;border:1px solid #d5d9df;box-shadow:0 8px 24px rgba(16,24,40,.14);overflow:auto}
.cl-card[data-theme=dark]{background:#1d2127;color:#e8eaed;border-color:#3a404a}
.cl-card h2{font-size:15px;margin:0 0 6px}
.cl-card p{margin:0}`;

/** Renders the card (placeholder: title and status). */
export function renderCard(container: Element, props: CardViewProps): void {
  const doc = container.ownerDocument;
  const card = doc.createElement('div');
  card.className = 'cl-card';
  card.setAttribute('data-theme', props.theme);
  const title = doc.createElement('h2');
  title.textContent = props.match.text;
  const body = doc.createElement('p');
  body.textContent =
    props.state.status === 'loading' ? '…' : props.state.status === 'error' ? props.state.message : props.match.kind;
  card.append(title, body);
  container.replaceChildren(card);
}

/** Removes the card. */
export function unmountCard(container: Element): void {
  container.replaceChildren();
}
