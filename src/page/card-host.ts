/**
 * The card host: one `coverage-lens-card` element at the end of the document holding a shadow root,
 * so page CSS cannot reach the card and the card's CSS cannot leak out. It renders the card for one
 * marker at a time, keeps it on screen, and fetches the card's details from the background
 * (loading first, a quiet error on failure, a cache so a hover can preload).
 *
 * The card UI itself (components, CSS, positioning) arrives on demand through `loadUi`: loading
 * starts with the hover that begins the intent delay, so it is normally there when the card opens.
 * Until it is, the card stays unrendered; if it cannot load, a short text-only notice stands in.
 *
 * The shadow root is open: page CSS still cannot reach in, and end-to-end tests can read the card.
 * The host carries `data-cl-state` (closed | open | pinned), `data-cl-kind` and `data-cl-id`.
 */
import type { CardDetails } from '../core/index/details';
import type { DetectionKind, Match } from '../core/index/types';
import type { CorpusCardDetails, Result } from '../shared/protocol';
import type { CardUi, CardViewProps } from './card-loader';
import { CARD_TAG } from './site-knowledge';

/** What the host needs from the rest of the content script. */
export interface CardHostOptions {
  /** Fetches a detail record from the corpus `corpus` (the matching side). Must not throw. */
  getDetails(kind: DetectionKind, id: string, corpus?: string, sentences?: readonly AskedSentence[]): Promise<Result<CardDetails | CorpusCardDetails>>;
  /** Asks the background to open the corpus browser at a deep link. */
  openBrowser(hash: string): void;
  theme: 'light' | 'dark';
  /** Loads the card UI (cached by the loader). */
  loadUi(): Promise<CardUi>;
  /** The text shown when the card UI cannot load. */
  unavailableText(): string;
}

type CardState = CardViewProps['state'];

/** How many detail records are kept for re-opening cards quickly. */
const CACHE_SIZE = 64;

/**
 * The host's own box, declared on :host with !important inside the shadow root: the cascade ranks an
 * important declaration of the inner (shadow) context above any important one from the page, inline
 * styles included, so page CSS cannot hide or move the card. Declared inline instead, the reset would
 * also pin the reader's text spacing (WCAG 1.4.12; axe's avoid-inline-spacing).
 */
const HOST_CSS =
  ':host{all:initial!important;display:block!important;position:fixed!important;top:0!important;left:0!important;' +
  'width:0!important;height:0!important;margin:0!important;padding:0!important;border:0!important;' +
  'overflow:visible!important;z-index:2147483647!important;visibility:visible!important;opacity:1!important;' +
  'transform:none!important;filter:none!important;contain:none!important}';

// will-change keeps the card on its own compositor layer, so a staged card is laid out and painted
// at opacity 0 during the intent delay and revealing it is a compositor-only opacity change.
const FLOAT_CSS = `${HOST_CSS}
.cl-float{position:fixed;top:0;left:0;z-index:1;outline:none;display:flex;flex-direction:column;max-width:calc(100vw - 16px);will-change:opacity}
.cl-float[hidden]{display:none}
.cl-float[data-cl-staged]{opacity:0;pointer-events:none}
.cl-float > *{max-height:inherit;overflow:auto}
.cl-unavailable{font:13px/1.4 system-ui,sans-serif;color:#1f2328;background:#fff;border:1px solid #8c959f;border-radius:6px;padding:8px 10px;box-shadow:0 4px 14px rgba(0,0,0,.18)}`;

/** A corpus sentence whose text a card asks for with its details (getDetails `sentences`). */
export interface AskedSentence {
  article: string;
  sentence: number;
}

const cacheKey = (kind: DetectionKind, id: string, corpus?: string, sentences: readonly AskedSentence[] = []) =>
  `${corpus ?? ''}\u0000${kind}\u0000${id}${sentences.map((s) => `\u0000${s.article}:${s.sentence}`).join('')}`;

/**
 * The sentences a claim card asks the texts of: those the matcher says differ from the page
 * sentence. Those outside the claim group ("another sentence of this article") have no text in the
 * group's details; the card shows each with a short excerpt. The wire already caps a match's refs
 * (MAX_PAGE_REFS_PER_MATCH), and the matching side answers the first MAX_EXCERPTS (core/index/details).
 */
export function sentencesOf(match: Match): AskedSentence[] {
  if (match.kind !== 'claim') return [];
  return match.refs.filter((r) => r.relation === 'differs').map((r) => ({ article: r.article, sentence: r.sentence }));
}

/** The corpus a page match came from (matches from the matching side carry it). */
export function corpusOf(match: Match): string | undefined {
  return (match as { corpus?: string }).corpus;
}

/** Marks the float while it holds a staged card (see FLOAT_CSS). */
const STAGED_ATTR = 'data-cl-staged';

/** The card host of one content-script instance. */
export class CardHost {
  private host: HTMLElement | null = null;
  private float: HTMLElement | null = null;
  private sheet: { set(css: string): void } | null = null;
  private ui: CardUi | null = null;
  private uiLoading: Promise<CardUi | null> | null = null;
  /** Set when the UI could not load: the card shows a text-only notice instead. */
  private uiFailed = false;
  /** Keyboard focus asked for before the card was shown (Enter during loading). */
  private focusWhenShown = false;
  private current: { marker: HTMLElement; match: Match; pinned: boolean; state: CardState } | null = null;
  /**
   * A card rendered unseen during the hover-intent delay (`data-cl-staged`: opacity 0 and
   * pointer-events none, plus inert: laid out and painted on its own layer but not seen, not
   * announced, not focusable, not in the way of the page's pointer events), so opening it only has
   * to reveal it, which the compositor alone can do.
   */
  private staged: { marker: HTMLElement; match: Match; state?: CardState } | null = null;
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

  /** Starts loading the card UI (once), so a card about to open can be rendered at once. */
  prepareUi(): Promise<CardUi | null> {
    if (this.ui) return Promise.resolve(this.ui);
    this.uiLoading ??= this.options.loadUi().then(
      (ui) => {
        this.ui = ui;
        this.uiFailed = false;
        return ui;
      },
      () => {
        this.uiFailed = true;
        this.uiLoading = null; // the next open tries again
        return null;
      },
    );
    return this.uiLoading;
  }

  /**
   * Starts fetching a record's details and the card UI (on hover, during the intent delay), so the
   * card opens ready.
   */
  preload(kind: DetectionKind, id: string, corpus?: string, sentences: readonly AskedSentence[] = []): Promise<CardState> {
    if (!this.ui) void this.prepareUi();
    const key = cacheKey(kind, id, corpus, sentences);
    const hit = this.cache.get(key);
    if (hit && hit.state?.status !== 'error') return hit.promise;
    const entry: { promise: Promise<CardState>; state?: CardState } = {
      promise: this.options
        .getDetails(kind, id, corpus, sentences.length > 0 ? sentences : undefined)
        .then((result): CardState =>
          result.ok ? { status: 'ready', details: result.value, corpus: (result.value as CorpusCardDetails).corpus?.name } : { status: 'error', message: result.error },
        )
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

  /**
   * Renders a marker's card hidden as soon as its details and the UI are there (during the
   * hover-intent delay), so `open` for that marker only makes it visible. Ignored while a card is open.
   */
  stage(marker: HTMLElement, match: Match): void {
    if (this.current || this.staged?.marker === marker) return;
    this.unstage();
    const staged: { marker: HTMLElement; match: Match; state?: CardState } = { marker, match };
    this.staged = staged;
    void Promise.all([this.preload(match.kind, match.id, corpusOf(match), sentencesOf(match)), this.prepareUi()]).then(([state, ui]) => {
      if (this.staged !== staged || this.current || !ui || state.status !== 'ready' || !marker.isConnected) return;
      this.ensureHost();
      const float = this.float as HTMLElement;
      float.setAttribute(STAGED_ATTR, '');
      float.setAttribute('inert', '');
      float.hidden = false;
      ui.render(float, this.props({ marker, match, pinned: false, state }));
      this.stopPositioning = ui.position(marker, float);
      staged.state = state;
      this.setHostState();
    });
  }

  /** Drops a staged card (the pointer left its marker before the delay ended). */
  unstage(): void {
    const staged = this.staged;
    if (!staged) return;
    this.staged = null;
    if (!staged.state || this.current) return;
    this.stopPositioning?.();
    this.stopPositioning = null;
    if (this.float) {
      this.ui?.unmount(this.float);
      this.float.textContent = '';
      this.float.hidden = true;
      this.float.removeAttribute(STAGED_ATTR);
      this.float.removeAttribute('inert');
    }
  }

  /** Opens (or re-targets) the card for a marker. */
  open(marker: HTMLElement, match: Match, pinned = false): void {
    if (this.current?.marker === marker) {
      if (pinned && !this.current.pinned) this.setPinned(true);
      return;
    }
    this.close(false);
    const staged = this.staged;
    if (staged?.marker === marker && staged.state && this.float && this.ui) {
      // Rendered and positioned during the delay: revealing it is all that is left.
      this.staged = null;
      this.current = { marker, match, pinned, state: staged.state };
      if (marker.hasAttribute('aria-expanded')) marker.setAttribute('aria-expanded', 'true');
      this.float.removeAttribute(STAGED_ATTR);
      this.float.removeAttribute('inert');
      if (pinned) this.render();
      else this.setHostState();
      if (this.focusWhenShown) {
        this.focusWhenShown = false;
        this.float.focus({ preventScroll: true });
      }
      return;
    }
    this.unstage();
    const cached = this.cache.get(cacheKey(match.kind, match.id, corpusOf(match), sentencesOf(match)))?.state;
    this.current = { marker, match, pinned, state: cached ?? { status: 'loading' } };
    if (marker.hasAttribute('aria-expanded')) marker.setAttribute('aria-expanded', 'true');
    if (this.ui) this.show();
    else {
      void this.prepareUi().then(() => {
        if (this.current?.marker === marker) this.show();
      });
    }
    if (!cached || cached.status === 'error') {
      void this.preload(match.kind, match.id, corpusOf(match), sentencesOf(match)).then((state) => {
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

  /** Moves keyboard focus into the open card (after Enter pinned it), or as soon as it is shown. */
  focusCard(): void {
    if (!this.current) return;
    if (this.float && !this.float.hidden) this.float.focus({ preventScroll: true });
    else this.focusWhenShown = true;
  }

  /** Closes the card; `restoreFocus` returns focus to its marker (Esc). */
  close(restoreFocus = false): void {
    const current = this.current;
    if (!current) return;
    this.current = null;
    this.focusWhenShown = false;
    this.stopPositioning?.();
    this.stopPositioning = null;
    if (current.marker.hasAttribute('aria-expanded')) current.marker.setAttribute('aria-expanded', 'false');
    if (this.float) {
      if (this.ui) this.ui.unmount(this.float);
      this.float.textContent = '';
      this.float.hidden = true;
    }
    this.setHostState();
    if (restoreFocus && current.marker.isConnected) current.marker.focus({ preventScroll: true });
  }

  /** Changes the card's colour scheme. */
  setTheme(theme: 'light' | 'dark'): void {
    this.theme = theme;
    this.unstage();
    if (this.current) this.render();
  }

  /** Removes the host and everything in it. */
  destroy(): void {
    this.unstage();
    this.close(false);
    this.host?.remove();
    this.host = null;
    this.float = null;
    this.sheet = null;
    this.cache.clear();
  }

  /** Shows the open card once the UI is there (or the notice when it could not load). */
  private show(): void {
    const current = this.current;
    if (!current) return;
    this.ensureHost();
    this.render();
    if (this.ui) this.stopPositioning = this.ui.position(current.marker, this.float as HTMLElement);
    if (this.focusWhenShown) {
      this.focusWhenShown = false;
      this.float?.focus({ preventScroll: true });
    }
  }

  private ensureHost(): void {
    const css = this.ui ? `${this.ui.css}\n${FLOAT_CSS}` : FLOAT_CSS;
    if (this.host?.isConnected && this.float) {
      this.sheet?.set(css);
      return;
    }
    const host = this.doc.createElement(CARD_TAG) as HTMLElement;
    const shadow = host.attachShadow({ mode: 'open' });
    this.sheet = adoptStyles(shadow, css);
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
    if (!this.ui) {
      if (!this.uiFailed) return; // still loading: show() renders when it arrives
      this.renderUnavailable(this.float);
      return;
    }
    this.float.hidden = false;
    this.ui.render(this.float, this.props(current));
    this.setHostState();
  }

  /** The card's props for a marker (its callbacks act only while that marker's card is the open one). */
  private props(target: { marker: HTMLElement; match: Match; pinned: boolean; state: CardState }): CardViewProps {
    const marker = target.marker;
    return {
      match: target.match,
      state: target.state,
      pinned: target.pinned,
      theme: this.theme,
      onClose: () => {
        if (this.current?.marker === marker) this.close(true);
      },
      onTogglePin: () => {
        if (this.current?.marker === marker) this.setPinned(!this.current.pinned);
      },
      onOpenBrowser: (hash: string) => this.options.openBrowser(hash),
    };
  }

  /** A text-only notice in place of the card: no UI code needed, closes like a card. */
  private renderUnavailable(float: HTMLElement): void {
    const notice = this.doc.createElement('div');
    notice.className = 'cl-unavailable';
    notice.setAttribute('role', 'status');
    notice.textContent = this.options.unavailableText();
    float.replaceChildren(notice);
    float.hidden = false;
    const rect = this.current?.marker.getBoundingClientRect();
    if (rect) {
      float.style.left = `${Math.max(8, Math.round(rect.left))}px`;
      float.style.top = `${Math.round(rect.bottom + 6)}px`;
    }
    this.setHostState('error');
  }

  private setHostState(status?: string): void {
    const host = this.host;
    if (!host) return;
    const current = this.current;
    host.setAttribute('data-cl-state', current ? (current.pinned ? 'pinned' : 'open') : 'closed');
    if (current) {
      host.setAttribute('data-cl-kind', current.match.kind);
      host.setAttribute('data-cl-id', current.match.id);
      host.setAttribute('data-cl-status', status ?? current.state.status);
    } else {
      host.removeAttribute('data-cl-kind');
      host.removeAttribute('data-cl-id');
      host.removeAttribute('data-cl-status');
    }
  }
}

/**
 * Puts the stylesheet into the shadow root: a constructed sheet where the browser lets a content
 * script adopt one (not subject to the page's CSP), else a <style> element. Returns a way to
 * replace its text.
 */
function adoptStyles(shadow: ShadowRoot, css: string): { set(css: string): void } {
  try {
    const Sheet = (shadow.ownerDocument.defaultView ?? globalThis).CSSStyleSheet;
    const sheet = new Sheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [sheet];
    if (shadow.adoptedStyleSheets.length === 1) return { set: (text) => sheet.replaceSync(text) };
  } catch {
    // Firefox content scripts cannot always adopt constructed sheets: fall back.
  }
  const style = shadow.ownerDocument.createElement('style');
  style.textContent = css;
  shadow.appendChild(style);
  return {
    set: (text) => {
      if (style.textContent !== text) style.textContent = text;
    },
  };
}
