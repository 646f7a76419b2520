/** Feature: telling the background what this tab found (for the popup and the badge), throttled while markers change. */
import type { TabFindings } from '../../shared/protocol';

/** At most one report per this many ms while markers change (a scan places markers in many small steps). */
export const REPORT_THROTTLE_MS = 400;

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
