/**
 * The content script's life: read the site's settings, wait for the page to settle, find the
 * article, scan and mark it, open cards, answer the background's tab messages, follow settings
 * changes and single-page-app navigation, and remove everything on teardown. The browser APIs come
 * in through `ControllerEnv`, so DOM tests can drive the whole flow with fakes.
 */
import type { DetectionKind } from '../core/index/types';
import type { Protocol, RequestType, Result, TabFindings, TabProtocol } from '../shared/protocol';
import { isSiteEnabled, migrateSettings, type Settings } from '../shared/settings';
import { findArticleRoot } from './article-root';
import { CardHost } from './card-host';
import type { CardUi } from './card-loader';
import { initCardTriggers } from './card-triggers';
import { summarizeFindings } from './findings';
import { Highlighter, removeStaleMarkers } from './highlight';
import { isContextValid, isInvalidatedError, watchContext } from './lifecycle';
import { moveToMarker, revealMarker } from './navigate';
import { PageScanner, whenPageSettled, type BlockMatcher } from './scan-scheduler';
import { CARD_TAG } from './site-knowledge';

/** Everything the controller needs from the extension runtime. */
export interface ControllerEnv {
  request<K extends RequestType>(type: K, payload: Protocol[K]['request']): Promise<Result<Protocol[K]['reply']>>;
  /** Builds the matcher (lazily: only on pages where the extension runs). */
  matcher(): BlockMatcher;
  /** Subscribes to changes of the stored settings object; returns an unsubscribe function. */
  onSettingsChanged(listener: (stored: unknown) => void): () => void;
  /** Subscribes to tab messages; the listener returns the reply or undefined when it is not ours. */
  onTabMessage(listener: (message: unknown) => Promise<Result<unknown>> | undefined): () => void;
  /** Translated text for a marker's screen-reader description. */
  describeMarker(): string;
  /** Loads the card UI on demand (the first time a card is about to open). */
  loadCardUi(): Promise<CardUi>;
  /** Translated text shown in place of a card whose UI could not load. */
  cardUnavailable(): string;
  /** Whether the extension context is still alive (defaults to the runtime check). */
  isContextValid?(): boolean;
  /** Skip waiting for the page to settle (tests). */
  skipSettle?: boolean;
}

/** How often (ms) the current URL is compared, for single-page-app navigation. */
const URL_POLL_MS = 1000;
/** How many reports per second at most while markers change. */
const REPORT_THROTTLE_MS = 400;

function resolveTheme(theme: Settings['theme']): 'light' | 'dark' {
  if (theme !== 'auto') return theme;
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

function pageKey(): string {
  return location.href.split('#')[0];
}

/** A running content script; `destroy()` removes every marker, the card and every listener. */
export interface ContentScript {
  destroy(): void;
  /** Resolves when the current scan has finished (tests). */
  settled(): Promise<void>;
  findings(): TabFindings;
}

/** Starts the content script on `document`. Never throws. */
export function startContentScript(env: ControllerEnv): ContentScript {
  const life = new AbortController();
  const doc = document;
  const host = location.hostname;
  let settings: Settings | null = null;
  let enabled = false;
  let session: { abort: AbortController; scanner: PageScanner; done: Promise<void> } | null = null;
  let status: TabFindings['status'] = 'scanning';
  let errorMessage: string | undefined;
  let lastUrl = pageKey();
  let reportTimer: ReturnType<typeof setTimeout> | null = null;
  let matcher: BlockMatcher | null = null;
  const valid = () => (env.isContextValid ?? isContextValid)();

  // Markers or a card left by an earlier instance (the extension was reloaded under this page).
  removeStaleMarkers(doc);
  for (const stale of Array.from(doc.querySelectorAll(CARD_TAG))) stale.remove();

  // Only the reader's own click (or Enter/Space, which the browser turns into a trusted click) may
  // open the corpus browser: page scripts can reach the card's buttons and call click(), and must
  // not be able to open extension tabs. Capture on the document runs before the card's handlers.
  let lastClickTrusted = false;
  doc.addEventListener('click', (event) => void (lastClickTrusted = event.isTrusted), { capture: true, signal: life.signal });

  const highlighter = new Highlighter(() => env.describeMarker());
  const card = new CardHost(doc, {
    theme: 'light',
    getDetails: async (kind, id) => {
      const result = await env.request('getDetails', { kind, id });
      if (!result.ok && isInvalidatedError(result.error)) destroy();
      return result;
    },
    openBrowser: (hash) => {
      if (!lastClickTrusted) return;
      lastClickTrusted = false;
      void env.request('openCorpusBrowser', { hash });
    },
    loadUi: () => env.loadCardUi(),
    unavailableText: () => env.cardUnavailable(),
  });

  const findings = (): TabFindings =>
    summarizeFindings(location.href, status, session?.scanner.placedMatches() ?? [], errorMessage);

  const report = () => {
    if (reportTimer !== null) clearTimeout(reportTimer);
    reportTimer = null;
    if (life.signal.aborted) return;
    void env.request('reportFindings', findings()).then((result) => {
      if (!result.ok && isInvalidatedError(result.error)) destroy();
    });
  };
  const scheduleReport = () => {
    if (reportTimer === null) reportTimer = setTimeout(report, REPORT_THROTTLE_MS);
  };

  const stopSession = () => {
    if (!session) return;
    card.close(false);
    session.abort.abort();
    session = null;
  };

  const startSession = async () => {
    stopSession();
    if (!settings) return;
    const abort = new AbortController();
    const signal = abort.signal;
    try {
      matcher ??= env.matcher();
    } catch (error) {
      status = 'error';
      errorMessage = `The matcher could not start: ${error instanceof Error ? error.message : String(error)}`;
      report();
      return;
    }
    const scanner = new PageScanner({
      root: findArticleRoot(doc),
      matcher,
      highlighter,
      kinds: { ...settings.kinds },
      maxMarkers: settings.maxMarkers,
      onChange: () => {
        if (card.marker && !card.marker.isConnected) card.close(false);
        scheduleReport();
      },
    });
    initCardTriggers(
      doc,
      card,
      (el) => {
        const placed = scanner.placedFor(el);
        return placed ? { match: placed.match, first: placed.marks[0] } : null;
      },
      signal,
    );
    status = 'scanning';
    errorMessage = undefined;
    report();
    const done = scanner
      .start(signal)
      .then(() => {
        if (signal.aborted) return;
        status = 'done';
        report();
      })
      .catch((error: unknown) => {
        status = 'error';
        errorMessage = error instanceof Error ? error.message : String(error);
        report();
      });
    session = { abort, scanner, done };
    await done;
  };

  const apply = async (next: Settings, nextEnabled: boolean) => {
    const before = settings;
    settings = next;
    card.setTheme(resolveTheme(next.theme));
    const wasEnabled = enabled;
    enabled = nextEnabled;
    if (!enabled) {
      stopSession();
      status = 'disabled';
      report();
      return;
    }
    const sameMarking =
      before !== null &&
      wasEnabled &&
      session !== null &&
      before.maxMarkers === next.maxMarkers &&
      (Object.keys(next.kinds) as DetectionKind[]).every((k) => before.kinds[k] === next.kinds[k]);
    if (!sameMarking) await startSession();
  };

  const onMessage = (message: unknown): Promise<Result<unknown>> | undefined => {
    if (typeof message !== 'object' || message === null) return undefined;
    const { type, payload } = message as { type?: unknown; payload?: unknown };
    const reply = <K extends keyof TabProtocol>(value: TabProtocol[K]['reply']) => Promise.resolve({ ok: true as const, value });
    try {
      switch (type) {
        case 'reveal': {
          const { kind, id } = payload as TabProtocol['reveal']['request'];
          const target = revealMarker(doc, kind, id);
          if (target) {
            const placed = session?.scanner.placedFor(target);
            if (placed) card.open(target, placed.match, true);
          }
          return reply<'reveal'>({ found: target !== null });
        }
        case 'settingsChanged': {
          const { settings: s, enabled: e } = payload as TabProtocol['settingsChanged']['request'];
          void apply(migrateSettings(s), Boolean(e));
          return reply<'settingsChanged'>({ applied: true });
        }
        case 'findings':
          return reply<'findings'>(findings());
        case 'navigate': {
          const { direction } = payload as TabProtocol['navigate']['request'];
          const from = doc.activeElement?.closest('coverage-lens-mark[data-cl-first]') ?? card.marker;
          const moved = moveToMarker(doc, direction === -1 ? -1 : 1, from ?? null);
          return reply<'navigate'>({ moved: moved !== null });
        }
        default:
          return undefined;
      }
    } catch (error) {
      return Promise.resolve({ ok: false as const, error: error instanceof Error ? error.message : String(error) });
    }
  };

  const destroy = () => {
    if (life.signal.aborted) return;
    life.abort();
    stopSession();
    card.destroy();
    if (reportTimer !== null) clearTimeout(reportTimer);
    unsubscribeSettings();
    unsubscribeMessages();
  };

  const unsubscribeSettings = env.onSettingsChanged((stored) => {
    try {
      const next = migrateSettings(stored);
      void apply(next, isSiteEnabled(next, host)).catch(() => undefined);
    } catch {
      // ignore a malformed change; the next one will apply
    }
  });
  const unsubscribeMessages = env.onTabMessage(onMessage);

  const checkUrl = () => {
    const key = pageKey();
    if (key === lastUrl) return;
    lastUrl = key;
    // A single-page app replaced the article: find it again once the new view has settled.
    if (enabled) setTimeout(() => void startSession().catch(() => undefined), 300);
  };
  watchContext(destroy, checkUrl, life.signal, URL_POLL_MS);
  window.addEventListener('popstate', checkUrl, { signal: life.signal });
  const nav = (globalThis as { navigation?: EventTarget }).navigation;
  nav?.addEventListener?.('navigatesuccess', checkUrl, { signal: life.signal } as AddEventListenerOptions);
  if (typeof matchMedia === 'function') {
    matchMedia('(prefers-color-scheme: dark)').addEventListener(
      'change',
      () => settings && card.setTheme(resolveTheme(settings.theme)),
      { signal: life.signal } as AddEventListenerOptions,
    );
  }

  const boot = (async () => {
    if (!valid()) return destroy();
    const state = await env.request('getSiteState', { host });
    if (!state.ok) {
      if (isInvalidatedError(state.error)) destroy();
      return; // background unreachable: stay out of the page's way
    }
    if (state.value.enabled && !env.skipSettle) await whenPageSettled(life.signal);
    if (life.signal.aborted) return;
    await apply(state.value.settings, state.value.enabled);
  })().catch(() => undefined);

  return {
    destroy,
    async settled() {
      await boot;
      await session?.done;
    },
    findings,
  };
}
