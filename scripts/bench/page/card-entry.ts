/**
 * Bench page bundle for the card latency: the real content-script pieces (scanner, highlighter,
 * card host, card triggers with their hover-intent delay, the Preact card) on a generated page,
 * with the background's detail look-up answered in-page from the real full index, and the on-demand
 * card UI script (src/page/card-ui.ts → card-view.ts) bundled in rather than injected by the background.
 *
 * The host's `open` (what the intent timer calls when the delay ends) is wrapped to take the time
 * at the call, after the synchronous render, and once the next frame has been painted
 * (requestAnimationFrame, then a message task, which runs after that frame's paint).
 */
import indexData from '../../../src/generated/index.json';
import matcherData from '../../../src/generated/matcher.json';
import { buildDetails } from '../../../src/core/index/details';
import type { CorpusIndex, DetectionKind } from '../../../src/core/index/types';
import { createMatcher, type MatcherData } from '../../../src/core/match';
import { findArticleRoot } from '../../../src/page/article-root';
import { CardHost } from '../../../src/page/card-host';
import { cardView } from '../../../src/page/card-view';
import { initCardTriggers } from '../../../src/page/card-triggers';
import { Highlighter } from '../../../src/page/highlight';
import { PageScanner } from '../../../src/page/scan-scheduler';
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

/** One card opening. */
interface CardSample {
  kind: string;
  status: string;
  /** Intent delay end (host.open called) → synchronous render done. */
  renderMs: number;
  /** Intent delay end → the next frame starts (waiting for the display's next refresh). */
  frameWaitMs: number;
  /** Intent delay end → the frame after the render has been painted. */
  paintedMs: number;
}

const now = (): number => performance.now();
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
    const open = h.open.bind(h);
    h.open = (marker, match, pinned) => {
      const t0 = now();
      open(marker, match, pinned);
      const t1 = now();
      requestAnimationFrame(() => {
        const frameAt = now();
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          const status = document.querySelector('coverage-lens-card')?.getAttribute('data-cl-status') ?? '?';
          samples.push({ kind: match.kind, status, renderMs: t1 - t0, frameWaitMs: frameAt - t0, paintedMs: now() - t0 });
          channel.port1.close();
        };
        channel.port2.postMessage(0);
      });
    };
    const s = new PageScanner({
      root: findArticleRoot(document),
      matcher: createMatcher(matcherData as unknown as MatcherData),
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
   * The same path with no card: a timer task, then the next frame, then the message after its
   * paint. What the browser itself adds to any "open something when a timer fires" (the floor).
   */
  nullLatency(): Promise<number> {
    return new Promise((resolve) => {
      setTimeout(() => {
        const t0 = now();
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            channel.port1.close();
            resolve(now() - t0);
          };
          channel.port2.postMessage(0);
        });
      }, 0);
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
