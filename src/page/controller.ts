/**
 * The content script's life, as a composition of features (src/page/features/, each with
 * `init…(…, signal)`): read the site's settings, wait for the page to settle, mark the article
 * (a marking session), open cards, answer the background's tab messages, follow settings changes
 * and single-page-app navigation, and remove everything on teardown (one abort). The browser APIs
 * come in through `ControllerEnv`, so DOM tests can drive the whole flow with fakes.
 */
import type { DetectionKind } from '../core/index/types';
import type { Protocol, RequestType, Result, TabFindings } from '../shared/protocol';
import { isSiteEnabled, migrateSettings, type Settings } from '../shared/settings';
import type { CardUi } from './card-loader';
import { initCards } from './features/cards';
import { initMarking, type MarkingSession } from './features/marking';
import { REPORT_RESENDS, initReport } from './features/report';
import { initTabMessages } from './features/tab-messages';
import { initTheme } from './features/theme';
import { initUrlWatch } from './features/url-watch';
import { summarizeFindings } from './findings';
import { longestSliceMs } from './frame-queue';
import { Highlighter, removeStaleMarkers } from './highlight';
import { isContextValid, isInvalidatedError } from './lifecycle';
import { ContextGoneError, createMatchClient } from './match-client';
import { markerTargets, moveToMarker, revealMarker } from './navigate';
import { whenPageSettled } from './page-settled';
import { CARD_TAG } from './site-knowledge';

/** Everything the controller needs from the extension runtime. */
export interface ControllerEnv {
  /** Requests to the background, which is also the matching side (`matchBlocks`, `getDetails`). */
  request<K extends RequestType>(type: K, payload: Protocol[K]['request']): Promise<Result<Protocol[K]['reply']>>;
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

/** A running content script; `destroy()` removes every marker, the card and every listener. */
export interface ContentScript {
  destroy(): void;
  /** Resolves when the current scan has finished (tests). */
  settled(): Promise<void>;
  findings(): TabFindings;
}

/** What the controller knows about the page at one moment. */
interface State {
  settings: Settings | null;
  enabled: boolean;
  status: TabFindings['status'];
  errorMessage?: string;
  session: { abort: AbortController; marking: MarkingSession; done: Promise<void> } | null;
}

function sameMarking(a: Settings, b: Settings): boolean {
  return a.maxMarkers === b.maxMarkers && (Object.keys(b.kinds) as DetectionKind[]).every((k) => a.kinds[k] === b.kinds[k]);
}

/**
 * Written markers above which the findings are put in page order by one query of the document
 * rather than by comparing marker positions (summarizeFindings: 1.4-2.6 ms for ~300 markers by
 * comparison on the bench pages, a query 1-1.5 ms at 20,000 words; 64 markers take a fifth of the
 * comparisons of 300).
 */
const FINDINGS_ORDER_QUERY_MIN = 64;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Starts the content script on `document`. Never throws. */
export function startContentScript(env: ControllerEnv): ContentScript {
  const life = new AbortController();
  const signal = life.signal;
  const doc = document;
  const host = location.hostname;
  const state: State = { settings: null, enabled: false, status: 'scanning', session: null };
  const valid = () => (env.isContextValid ?? isContextValid)();

  // Markers or a card left by an earlier instance (the extension was reloaded under this page).
  removeStaleMarkers(doc);
  for (const stale of Array.from(doc.querySelectorAll(CARD_TAG))) stale.remove();

  const destroy = () => {
    if (signal.aborted) return;
    stopSession();
    life.abort();
  };

  const highlighter = new Highlighter(() => env.describeMarker());
  const card = initCards(doc, env, destroy, signal);
  const setTheme = initTheme((theme) => card.setTheme(theme), signal);
  const findings = (): TabFindings => {
    const placed = state.session?.marking.scanner.placedMatches() ?? [];
    // Page order from one native query of the markers only when many are written: the query walks
    // the whole document (1-1.5 ms on the bench's 20,000-word page, per report), while a few
    // markers (most are held, held-marks.ts) sort by compareDocumentPosition in less.
    const pageOrder = placed.length > FINDINGS_ORDER_QUERY_MIN ? markerTargets(doc) : undefined;
    return {
      ...summarizeFindings(location.href, state.status, placed, state.errorMessage, pageOrder, state.session?.marking.scanner.heldMatches() ?? []),
      longestSliceMs: longestSliceMs(),
    };
  };
  // What the reports carry: the status and the marker count (the badge), not the list. Listing
  // every match (sorted into page order, labels shortened) and sending the list cost the page's
  // thread about 3 ms a scan of the bench's 20,000-word page (CDP profile), on every report, for a
  // popup that is seldom opened; the background asks for the list when the popup wants it
  // (getFindings, through the tab message `findings` answered below).
  const counts = (): TabFindings => {
    const result: TabFindings = { url: location.href, status: state.status, items: [], markers: state.session?.marking.scanner.markerCount() ?? 0, itemsInTab: true };
    if (state.errorMessage) result.message = state.errorMessage;
    result.longestSliceMs = longestSliceMs();
    return result;
  };
  // Failed reports in a row (REPORT_RESENDS).
  let reportFailures = 0;
  const report = initReport(
    counts,
    (f) =>
      void env.request('reportFindings', f).then((result) => {
        if (result.ok) {
          reportFailures = 0;
          return;
        }
        if (isInvalidatedError(result.error)) return destroy();
        // Lost on its way: sent again, with the findings as they are then.
        if (++reportFailures <= REPORT_RESENDS) report.soon();
      }),
    signal,
  );
  const match = createMatchClient(env.request, (problems) => {
    state.errorMessage = problems.join('; ');
  });

  function stopSession(): void {
    state.session?.abort.abort();
    state.session = null;
  }

  async function startSession(): Promise<void> {
    stopSession();
    if (!state.settings || signal.aborted) return;
    const abort = new AbortController();
    const marking = initMarking(
      {
        doc,
        card,
        highlighter,
        match,
        kinds: state.settings.kinds,
        maxMarkers: state.settings.maxMarkers,
        onChange: () => {
          if (card.marker && !card.marker.isConnected) card.close(false);
          report.soon();
        },
      },
      abort.signal,
    );
    state.status = 'scanning';
    state.errorMessage = undefined;
    report.now();
    const done = marking.done.then(
      () => {
        if (abort.signal.aborted) return;
        state.status = 'done';
        report.now();
      },
      (error: unknown) => {
        if (error instanceof ContextGoneError) return destroy();
        if (abort.signal.aborted) return;
        state.status = 'error';
        state.errorMessage = messageOf(error);
        report.now();
      },
    );
    state.session = { abort, marking, done };
    await done;
  }

  async function apply(next: Settings, nextEnabled: boolean): Promise<void> {
    const before = state.settings;
    const wasRunning = state.enabled && state.session !== null;
    state.settings = next;
    state.enabled = nextEnabled;
    setTheme(next.theme);
    if (!nextEnabled) {
      stopSession();
      state.status = 'disabled';
      report.now();
      return;
    }
    if (!(before && wasRunning && sameMarking(before, next))) await startSession();
  }

  initTabMessages(
    env.onTabMessage,
    {
      reveal: ({ kind, id }) => {
        // Held markers join the page first: the record's first marker may be one of them.
        state.session?.marking.scanner.placeAll();
        const target = revealMarker(doc, kind, id);
        if (target) {
          const placed = state.session?.marking.scanner.placedFor(target);
          if (placed) card.open(target, placed.match, true);
        }
        return { found: target !== null };
      },
      settingsChanged: ({ settings, enabled }) => {
        void apply(migrateSettings(settings), Boolean(enabled)).catch(() => undefined);
        return { applied: true };
      },
      findings: () => findings(),
      navigate: ({ direction }) => {
        state.session?.marking.scanner.placeAll();
        const from = doc.activeElement?.closest('coverage-lens-mark[data-cl-first]') ?? card.marker;
        return { moved: moveToMarker(doc, direction === -1 ? -1 : 1, from ?? null) !== null };
      },
    },
    signal,
  );

  const unsubscribeSettings = env.onSettingsChanged((stored) => {
    try {
      const next = migrateSettings(stored);
      void apply(next, isSiteEnabled(next, host)).catch(() => undefined);
    } catch {
      // ignore a malformed change; the next one will apply
    }
  });
  signal.addEventListener('abort', unsubscribeSettings, { once: true });

  // A single-page app replaced the article: find it again once the new view has settled.
  initUrlWatch(() => state.enabled && void startSession().catch(() => undefined), destroy, signal);

  const boot = (async () => {
    if (!valid()) return destroy();
    const siteState = await env.request('getSiteState', { host });
    if (!siteState.ok) {
      if (isInvalidatedError(siteState.error)) destroy();
      return; // background unreachable: stay out of the page's way
    }
    if (siteState.value.enabled && !env.skipSettle) await whenPageSettled(signal);
    if (signal.aborted) return;
    await apply(siteState.value.settings, siteState.value.enabled);
  })().catch(() => undefined);

  return {
    destroy,
    async settled() {
      await boot;
      await state.session?.done;
    },
    findings,
  };
}
