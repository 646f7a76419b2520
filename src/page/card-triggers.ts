/**
 * When cards open and close. Hover with intent delays (open after ~300 ms over a marker, stay
 * ~300 ms after the pointer leaves, the card itself hoverable: WCAG 1.4.13), keyboard focus opens,
 * Enter or a click pins, Esc closes and returns focus to the marker.
 *
 * Page events are observed, never swallowed: the only events we stop are our own keys (Esc while a
 * card is open; Enter/Space on a marker). A click on a marker inside a link follows the link and
 * does not pin (the reader asked for the link); anywhere else a click pins.
 */
import type { Match } from '../core/index/types';
import { corpusOf, sentencesOf, type CardHost } from './card-host';
import { MARK_TAG } from './site-knowledge';

/** Delay before a hovered marker opens its card. */
export const OPEN_DELAY_MS = 300;
/** How long a card stays after the pointer leaves its marker or itself. */
export const CLOSE_DELAY_MS = 300;
/**
 * The card is opened inside an animation frame, so it is drawn in the frame where the open delay
 * ends rather than in the one after (a timer's DOM writes wait up to a whole frame to be painted).
 * The frame is asked for this long before the delay ends; the card may show up to this much early.
 */
export const OPEN_FRAME_LEAD_MS = 12;
/** If no frame comes (a throttled frame), the card opens from a timer this much after the delay. */
const OPEN_FRAME_FALLBACK_MS = 50;

/** What the triggers need to know about a marker element. */
export interface MarkerLookup {
  /** The match a marker piece belongs to and its first piece (the focus target), or null. */
  (el: Element): { match: Match; first: HTMLElement } | null;
}

function markerOf(target: EventTarget | null): Element | null {
  if (!target || (target as Node).nodeType !== 1) return null;
  return (target as Element).closest(MARK_TAG);
}

/** Wires hover, focus, click and key handling for cards until `signal` aborts. */
export function initCardTriggers(doc: Document, host: CardHost, lookup: MarkerLookup, signal: AbortSignal): void {
  let openTimer: ReturnType<typeof setTimeout> | null = null;
  let openFallback: ReturnType<typeof setTimeout> | null = null;
  let openFrame: number | null = null;
  let closeTimer: ReturnType<typeof setTimeout> | null = null;
  let pendingFirst: HTMLElement | null = null;
  let ignoreFocusOn: HTMLElement | null = null;

  const guard =
    <A extends unknown[]>(fn: (...args: A) => void) =>
    (...args: A) => {
      try {
        fn(...args);
      } catch {
        // A failure in the extension must never surface in the page.
      }
    };
  const view = doc.defaultView;
  const clearOpen = () => {
    if (openTimer !== null) clearTimeout(openTimer);
    if (openFallback !== null) clearTimeout(openFallback);
    if (openFrame !== null) view?.cancelAnimationFrame(openFrame);
    openTimer = openFallback = openFrame = null;
    pendingFirst = null;
  };
  /** Runs `open` in the animation frame nearest the end of the open delay (see OPEN_FRAME_LEAD_MS). */
  const scheduleOpen = (open: () => void) => {
    // Whichever of the frame and the fallback comes first cancels the other.
    const fire = guard(() => {
      clearOpen();
      open();
    });
    openTimer = setTimeout(() => {
      openTimer = null;
      if (!view || typeof view.requestAnimationFrame !== 'function') return fire();
      openFrame = view.requestAnimationFrame(fire);
      openFallback = setTimeout(fire, OPEN_FRAME_LEAD_MS + OPEN_FRAME_FALLBACK_MS);
    }, OPEN_DELAY_MS - OPEN_FRAME_LEAD_MS);
  };
  const clearClose = () => {
    if (closeTimer !== null) clearTimeout(closeTimer);
    closeTimer = null;
  };
  const scheduleClose = (delay = CLOSE_DELAY_MS) => {
    if (!host.marker || host.isPinned || closeTimer !== null) return;
    closeTimer = setTimeout(() => {
      closeTimer = null;
      const active = doc.activeElement;
      // Keep the card while keyboard focus is on its marker or inside it.
      if (host.isPinned || active === host.marker || host.isHost(active)) return;
      host.close(false);
    }, delay);
  };
  const resolve = (target: EventTarget | null) => {
    const mark = markerOf(target);
    return mark ? lookup(mark) : null;
  };
  const on = <K extends keyof DocumentEventMap>(type: K, fn: (event: DocumentEventMap[K]) => void, capture = false) =>
    doc.addEventListener(type, guard(fn) as EventListener, { capture, passive: type !== 'keydown', signal });

  on('pointerover', (event) => {
    if (host.isHost(event.target)) {
      clearClose();
      return;
    }
    const found = resolve(event.target);
    if (!found) return;
    clearClose();
    if (host.marker === found.first || pendingFirst === found.first) return;
    clearOpen();
    pendingFirst = found.first;
    // Fetch and render (unseen) while the reader is still deciding, so opening only reveals the card.
    void host.preload(found.match.kind, found.match.id, corpusOf(found.match), sentencesOf(found.match));
    host.stage(found.first, found.match);
    scheduleOpen(() => {
      if (found.first.isConnected) host.open(found.first, found.match, false);
    });
  });

  on('pointerout', (event) => {
    const from = host.isHost(event.target) ? 'card' : resolve(event.target)?.first;
    if (!from) return;
    const to = event.relatedTarget;
    if (host.isHost(to)) return;
    const toFirst = resolve(to)?.first;
    if (from !== 'card' && toFirst === from) return; // moving between pieces of one marker
    if (from !== 'card' && pendingFirst === from) {
      clearOpen();
      host.unstage();
    }
    if (toFirst && toFirst === host.marker) return;
    scheduleClose();
  });

  on('focusin', (event) => {
    if (host.isHost(event.target)) {
      clearClose();
      return;
    }
    const found = resolve(event.target);
    if (!found || found.first !== event.target) return;
    if (ignoreFocusOn === found.first) return;
    clearOpen();
    clearClose();
    host.open(found.first, found.match, false);
  });

  on('focusout', (event) => {
    const leaving = host.isHost(event.target) || (resolve(event.target)?.first ?? null) === host.marker;
    if (!leaving || host.isHost(event.relatedTarget)) return;
    if (event.relatedTarget && markerOf(event.relatedTarget)) return; // the next marker's focusin takes over
    scheduleClose(100);
  });

  on('pointerdown', (event) => {
    if (!host.marker || host.isHost(event.target) || markerOf(event.target)) return;
    host.close(false);
  });

  on('click', (event) => {
    const found = resolve(event.target);
    if (!found) return;
    // A click inside a link is the reader following the link: let it, and do not pin.
    if ((event.target as Element).closest('a[href]')) return;
    if (host.marker === found.first && host.isPinned) {
      host.close(false);
      return;
    }
    clearOpen();
    clearClose();
    host.open(found.first, found.match, true);
  });

  on(
    'keydown',
    (event) => {
      if (event.key === 'Escape' && host.marker) {
        event.preventDefault();
        event.stopPropagation();
        // Focus goes back to the marker only when it was on the marker or in the card already.
        const hadFocus = doc.activeElement === host.marker || host.isHost(doc.activeElement);
        // focus() fires focusin synchronously: ignore it, so Esc does not reopen the card.
        ignoreFocusOn = host.marker;
        host.close(hadFocus);
        ignoreFocusOn = null;
        return;
      }
      if (event.key !== 'Enter' && event.key !== ' ') return;
      if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      const found = resolve(event.target);
      if (!found || found.first !== event.target) return;
      event.preventDefault();
      event.stopPropagation();
      clearOpen();
      clearClose();
      if (host.marker === found.first && host.isPinned) {
        host.close(false);
        return;
      }
      host.open(found.first, found.match, true);
      host.setPinned(true);
      host.focusCard();
    },
    true,
  );

  signal.addEventListener('abort', () => {
    clearOpen();
    clearClose();
  });
}
