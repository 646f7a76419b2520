/** Feature: telling the background what this tab found (for the popup and the badge), throttled while markers change. */
import type { TabFindings } from '../../shared/protocol';

/** At most one report per this many ms while markers change (a scan places markers in many small steps). */
export const REPORT_THROTTLE_MS = 400;
/**
 * Reports in a row that may fail before the page stops sending them again. A report lost on its
 * way (the matching side stopped as it arrived: Chrome's service worker, Firefox's event page) is
 * sent again a throttle period later, with what is known then: the last report of a scan says it
 * is done, and nothing after it would tell the popup so. A background that stays unreachable is
 * not asked for ever.
 */
export const REPORT_RESENDS = 5;

/** Reports now or soon; nothing after `signal` aborts. */
export interface Reporter {
  now(): void;
  soon(): void;
}

/** A reporter that sends `findings()` through `send`. */
export function initReport(findings: () => TabFindings, send: (f: TabFindings) => void, signal: AbortSignal): Reporter {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const now = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (signal.aborted) return;
    send(findings());
  };
  signal.addEventListener('abort', () => timer !== null && clearTimeout(timer), { once: true });
  return {
    now,
    soon: () => {
      if (timer === null && !signal.aborted) timer = setTimeout(now, REPORT_THROTTLE_MS);
    },
  };
}
