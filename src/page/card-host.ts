/**
 * The card host: one `coverage-lens-card` element at the end of the document holding a shadow root,
 * so page CSS cannot reach the card and the card's CSS cannot leak out. It renders the card for one
 * marker at a time, keeps it on screen with @floating-ui/dom, and fetches the card's details from
 * the background (loading first, a quiet error on failure, a cache so a hover can preload).
 *
 * The shadow root is open: page CSS still cannot reach in, and end-to-end tests can read the card.
 * The host carries `data-cl-state` (closed | open | pinned), `data-cl-kind` and `data-cl-id`.
 */
import { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import type { CardDetails } from '../core/index/details';
import type { DetectionKind, Match } from '../core/index/types';
import type { Result } from '../shared/protocol';
import { CARD_CSS, renderCard, unmountCard, type CardViewProps } from './card-view';
import { CARD_TAG } from './site-knowledge';

/** What the host needs from the rest of the content script. */
export interface CardHostOptions {
  /** Fetches a detail record from the background. Must not throw. */
  getDetails(kind: DetectionKind, id: string): Promise<Result<CardDetails>>;
  /** Asks the background to open the corpus browser at a deep link. */
  openBrowser(hash: string): void;
  theme: 'light' | 'dark';
}

type CardState = CardViewProps['state'];

/** How many detail records are kept for re-opening cards quickly. */
const CACHE_SIZE = 64;

const HOST_STYLE =
  'all:initial!important;display:block!important;position:fixed!important;top:0!important;left:0!important;' +
  'width:0!important;height:0!important;margin:0!important;padding:0!important;border:0!important;' +
  'overflow:visible!important;z-index:2147483647!important;visibility:visible!important;opacity:1!important;' +
  'transform:none!important;filter:none!important;contain:none!important;';

const FLOAT_CSS = `.cl-float{position:fixed;top:0;left:0;z-index:1;outline:none;display:flex;flex-direction:column;max-width:calc(100vw - 16px)}
.cl-float[hidden]{display:none}
.cl-float > *{max-height:inherit;overflow:auto}`;

/** The card host of one content-script instance. */
export class CardHost {
  private host: HTMLElement | null = null;
  private float: HTMLElement | null = null;
  private current: { marker: HTMLElement; match: Match; pinned: boolean; state: CardState } | null = null;
  private stopPositioning: (() => void) | null = null;
  private readonly cache = new Map<string, { promise: Promise<CardState>; state?: CardState }>();
  private theme: 'light' | 'dark';

  constructor(
    private readonly doc: Document,
    private readonly options: CardHostOptions,
  ) {
    this.theme = options.theme;
  }

  /** The marker whose card is open, or null. */
  get marker(): HTMLElement | null {
    return this.current?.marker ?? null;
  }

  /** Whether the open card is pinned (stays until closed). */
  get isPinned(): boolean {
    return this.current?.pinned ?? false;
  }

  /** True when `node` is the host element (events from inside the shadow root are retargeted to it). */
  isHost(node: EventTarget | null): boolean {
    return node !== null && node === this.host;
  }

  /** Starts fetching a record's details (on hover, during the intent delay), so the card opens ready. */
  preload(kind: DetectionKind, id: string): Promise<CardState> {
    const key = `${kind}\u0000${id}`;
    const hit = this.cache.get(key);
    if (hit && hit.state?.status !== 'error') return hit.promise;
    const entry: { promise: Promise<CardState>; state?: CardState } = {
      promise: this.options
        .getDetails(kind, id)
        .then((result): CardState => (result.ok ? { status: 'ready', details: result.value } : { status: 'error', message: result.error }))
        .catch((error: unknown): CardState => ({ status: 'error', message: String(error) }))
        .then((state) => {
          entry.state = state;
          return state;
        }),
    };
    this.cache.set(key, entry);
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as string);
    return entry.promise;
  }

  /** Opens (or re-targets) the card for a marker. */
  open(marker: HTMLElement, match: Match, pinned = false): void {
    if (this.current?.marker === marker) {
      if (pinned && !this.current.pinned) this.setPinned(true);
      return;
    }
    this.close(false);
    const key = `${match.kind}\u0000${match.id}`;
    const cached = this.cache.get(key)?.state;
    this.current = { marker, match, pinned, state: cached ?? { status: 'loading' } };
    if (marker.hasAttribute('aria-expanded')) marker.setAttribute('aria-expanded', 'true');
    this.ensureHost();
    this.render();
    this.startPositioning(marker);
    if (!cached || cached.status === 'error') {
      void this.preload(match.kind, match.id).then((state) => {
        if (this.current?.marker !== marker) return;
        this.current.state = state;
        this.render();
      });
    }
  }

  /** Pins or unpins the open card. */
  setPinned(pinned: boolean): void {
    if (!this.current) return;
    this.current.pinned = pinned;
    this.render();
  }

  /** Moves keyboard focus into the open card (after Enter pinned it). */
  focusCard(): void {
    this.float?.focus({ preventScroll: true });
  }

  /** Closes the card; `restoreFocus` returns focus to its marker (Esc). */
  close(restoreFocus = false): void {
    const current = this.current;
    if (!current) return;
    this.current = null;
    this.stopPositioning?.();
    this.stopPositioning = null;
    if (current.marker.hasAttribute('aria-expanded')) current.marker.setAttribute('aria-expanded', 'false');
    if (this.float) {
      unmountCard(this.float);
      this.float.hidden = true;
    }
    this.setHostState();
    if (restoreFocus && current.marker.isConnected) current.marker.focus({ preventScroll: true });
  }

  /** Changes the card's colour scheme. */
  setTheme(theme: 'light' | 'dark'): void {
    this.theme = theme;
    if (this.current) this.render();
  }

  /** Removes the host and everything in it. */
  destroy(): void {
    this.close(false);
    this.host?.remove();
    this.host = null;
    this.float = null;
    this.cache.clear();
  }

  private ensureHost(): void {
    if (this.host?.isConnected && this.float) return;
    const host = this.doc.createElement(CARD_TAG) as HTMLElement;
    host.style.cssText = HOST_STYLE;
    const shadow = host.attachShadow({ mode: 'open' });
    adoptStyles(shadow, `${CARD_CSS}\n${FLOAT_CSS}`);
    const float = this.doc.createElement('div');
    float.className = 'cl-float';
    // The card inside is the dialog; this wrapper only positions it and takes focus on Enter.
    float.setAttribute('tabindex', '-1');
    float.hidden = true;
    shadow.appendChild(float);
    // Outside <body>: page scripts that rewrite the body leave it alone, body styles do not apply.
    this.doc.documentElement.appendChild(host);
    this.host = host;
    this.float = float;
  }

  private render(): void {
    const current = this.current;
    if (!current || !this.float) return;
    this.float.hidden = false;
    const marker = current.marker;
    renderCard(this.float, {
      match: current.match,
      state: current.state,
      pinned: current.pinned,
      theme: this.theme,
      onClose: () => {
        if (this.current?.marker === marker) this.close(true);
      },
      onTogglePin: () => {
        if (this.current?.marker === marker) this.setPinned(!this.current.pinned);
      },
      onOpenBrowser: (hash: string) => this.options.openBrowser(hash),
    });
    this.setHostState();
  }

  private setHostState(): void {
    const host = this.host;
    if (!host) return;
    const current = this.current;
    host.setAttribute('data-cl-state', current ? (current.pinned ? 'pinned' : 'open') : 'closed');
    if (current) {
      host.setAttribute('data-cl-kind', current.match.kind);
      host.setAttribute('data-cl-id', current.match.id);
      host.setAttribute('data-cl-status', current.state.status);
    } else {
      host.removeAttribute('data-cl-kind');
      host.removeAttribute('data-cl-id');
      host.removeAttribute('data-cl-status');
    }
  }

  private startPositioning(marker: HTMLElement): void {
    const float = this.float;
    if (!float) return;
    const update = () => {
      computePosition(marker, float, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          offset(6),
          flip({ padding: 8 }),
          shift({ padding: 8 }),
          size({
            padding: 8,
            apply({ availableHeight }) {
              float.style.maxHeight = `${Math.max(140, Math.floor(availableHeight))}px`;
            },
          }),
        ],
      })
        .then(({ x, y }) => {
          float.style.left = `${Math.round(x)}px`;
          float.style.top = `${Math.round(y)}px`;
        })
        .catch(() => undefined);
    };
    try {
      this.stopPositioning = autoUpdate(marker, float, update);
    } catch {
      update();
    }
  }
}

/**
 * Puts the stylesheet into the shadow root: a constructed sheet where the browser lets a content
 * script adopt one (not subject to the page's CSP), else a <style> element.
 */
function adoptStyles(shadow: ShadowRoot, css: string): void {
  try {
    const Sheet = (shadow.ownerDocument.defaultView ?? globalThis).CSSStyleSheet;
    const sheet = new Sheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [sheet];
    if (shadow.adoptedStyleSheets.length === 1) return;
  } catch {
    // Firefox content scripts cannot always adopt constructed sheets: fall back.
  }
  const style = shadow.ownerDocument.createElement('style');
  style.textContent = css;
  shadow.appendChild(style);
}
