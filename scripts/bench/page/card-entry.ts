/**
 * Bench page bundle for the card latency: the real content-script pieces (scanner, highlighter,
 * card host, card triggers with their hover-intent delay, the Preact card) on a generated page,
 * with the background's detail look-up answered in-page from the real full index, and the on-demand
 * card UI script (src/page/card-ui.ts → card-view.ts) bundled in rather than injected by the background.
 *
 * The host's `stage` (called when the pointer comes over a marker) and `open` (called by the
 * triggers in the animation frame where the open delay ends) are wrapped to take the time at each
 * call, after the synchronous render, and once the frame showing the card has been painted (a
 * message task posted from inside that frame, or after the next requestAnimationFrame when open was
 * called outside a frame, runs after that frame's paint).
 */
import indexData from '../../../src/generated/index.json';
import matcherData from '../../../src/generated/matcher.json';
import { buildDetails } from '../../../src/core/index/details';
import type { CorpusIndex, DetectionKind } from '../../../src/core/index/types';
import { createMatcher, type MatcherData } from '../../../src/core/match';
import { findArticleRoot } from '../../../src/page/article-root';
import { CardHost } from '../../../src/page/card-host';
import { cardView } from '../../../src/page/card-view';
import { initCardTriggers, OPEN_DELAY_MS, OPEN_FRAME_LEAD_MS } from '../../../src/page/card-triggers';
import { Highlighter } from '../../../src/page/highlight';
import { PageScanner } from '../../../src/page/page-scan';
import { formatMessage, type MessageEntry } from '../../../src/ui/shared/i18n';
import messages from '../../../public/_locales/en/messages.json';

// The extension's i18n API as the content script's world has it, answering from the English messages,
// so the card renders the same text (and costs the same) as in the extension.
const english = messages as unknown as Record<string, MessageEntry>;
(globalThis as { chrome?: unknown }).chrome = {
  i18n: {
    getMessage: (key: string, substitutions?: string | string[]) => {
      const entry = english[key];
      if (!entry) return '';
      return formatMessage(entry, substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions]);
    },
  },
};

declare global {
  interface Window {
    __clCard?: typeof card;
  }
}

/** One card opening. Times are relative to the nominal end of the open delay (pointer over + OPEN_DELAY_MS). */
interface CardSample {
  kind: string;
  status: string;
  /** When the triggers called host.open (negative: that many ms before the delay's end, in its frame). */
  openMs: number;
  /** The synchronous render inside open (host, shadow root, card DOM). */
  renderMs: number;
  /** Delay end → the frame showing the card has been painted. */
  paintedMs: number;
  /** Pointer over the marker → card painted (the open delay included). */
  pointerToPaintMs: number;
}

const now = (): number => performance.now();

// Whether code is running inside an animation frame callback: the page's rendering (style, layout,
// paint) follows that frame's callbacks, so a message posted then is handled after the paint.
let inFrame = 0;
const nativeRaf = window.requestAnimationFrame.bind(window);
window.requestAnimationFrame = (callback) =>
  nativeRaf((time) => {
    inFrame++;
    try {
      callback(time);
    } finally {
      inFrame--;
    }
  });

/** Calls `fn` once the frame showing the DOM as it is now has been painted. */
function afterNextPaint(fn: () => void): void {
  const post = () => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      fn();
    };
    channel.port2.postMessage(0);
  };
  if (inFrame > 0) post();
  else requestAnimationFrame(post);
}
const index = indexData as unknown as CorpusIndex;
const samples: CardSample[] = [];
let scanner: PageScanner | null = null;
let host: CardHost | null = null;

const card = {
  /** Scans the page as the content script does and wires the card triggers. Returns the marker count. */
  async prepare(): Promise<number> {
    const abort = new AbortController();
    host = new CardHost(document, {
      getDetails: async (kind: DetectionKind, id: string) => {
        const details = buildDetails(index, kind, id);
        return details ? { ok: true as const, value: details } : { ok: false as const, error: `no ${kind} ${id}` };
      },
      openBrowser: () => undefined,
      theme: 'light',
      // The card UI script as the background injects it on the first hover (here: already loaded).
      loadUi: () => Promise.resolve(cardView),
      unavailableText: () => 'unavailable',
    });
    const h = host;
    const stage = h.stage.bind(h);
    let stagedAt = 0;
    h.stage = (marker, match) => {
      stagedAt = now();
      stage(marker, match);
    };
    const open = h.open.bind(h);
    h.open = (marker, match, pinned) => {
      const t0 = now();
      const delayEnd = stagedAt + OPEN_DELAY_MS;
      open(marker, match, pinned);
      const t1 = now();
      afterNextPaint(() => {
        const painted = now();
        const status = document.querySelector('coverage-lens-card')?.getAttribute('data-cl-status') ?? '?';
        samples.push({ kind: match.kind, status, openMs: t0 - delayEnd, renderMs: t1 - t0, paintedMs: painted - delayEnd, pointerToPaintMs: painted - stagedAt });
      });
    };
    const matcher = createMatcher(matcherData as unknown as MatcherData);
    const s = new PageScanner({
      root: findArticleRoot(document),
      // The background's matching side, answered in the page (the card latency is what is measured).
      match: async (blocks, kinds) => blocks.map((text) => matcher.scan(text, { kinds }).map((m) => ({ ...m, corpus: 'bundled' }))),
      highlighter: new Highlighter(),
      kinds: { person: true, organisation: true, claim: true, quote: true },
      maxMarkers: 300,
    });
    scanner = s;
    initCardTriggers(
      document,
      h,
      (el) => {
        const placed = s.placedFor(el);
        return placed ? { match: placed.match, first: placed.marks[0] } : null;
      },
      abort.signal,
    );
    await s.start(abort.signal);
    return s.placedMatches().length;
  },

  /** Centres of up to `n` markers fully inside the viewport, kinds taken in turn. */
  targets(n: number): { x: number; y: number; kind: string }[] {
    const height = window.innerHeight;
    // Bring the article's body text into view (below the headline and picture there are more markers).
    const paragraph = findArticleRoot(document).querySelector('p:nth-of-type(3)');
    if (paragraph) window.scrollTo(0, paragraph.getBoundingClientRect().top + window.scrollY - 80);
    const byKind = new Map<string, { x: number; y: number; kind: string }[]>();
    for (const p of scanner?.placedMatches() ?? []) {
      const r = p.marks[0].getClientRects()[0];
      if (!r || r.top < 0 || r.bottom > height - 300 || r.width < 4) continue; // room for the card below
      const list = byKind.get(p.match.kind) ?? [];
      list.push({ x: r.left + Math.min(r.width / 2, 20), y: r.top + r.height / 2, kind: p.match.kind });
      byKind.set(p.match.kind, list);
    }
    const out: { x: number; y: number; kind: string }[] = [];
    for (let i = 0; out.length < n; i++) {
      let added = false;
      for (const list of byKind.values()) {
        if (list[i] && out.length < n) {
          out.push(list[i]);
          added = true;
        }
      }
      if (!added) break;
    }
    return out;
  },

  /**
   * The same path with no card: the triggers' scheduling (a timer OPEN_FRAME_LEAD_MS before the
   * delay's end, then an animation frame) with nothing rendered in that frame, measured from the
   * frame callback (where open would be called) to that frame painted: what the browser itself adds
   * to "open called -> painted" (the floor).
   */
  nullLatency(): Promise<number> {
    return new Promise((resolve) => {
      setTimeout(() => {
        requestAnimationFrame(() => {
          const t0 = now();
          afterNextPaint(() => resolve(now() - t0));
        });
      }, OPEN_DELAY_MS - OPEN_FRAME_LEAD_MS);
    });
  },

  samples(): CardSample[] {
    return samples;
  },

  /** Whether a card is open. */
  isOpen(): boolean {
    return host?.marker != null;
  },

  close(): void {
    host?.close(false);
  },
};

window.__clCard = card;
