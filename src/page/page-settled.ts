/** Waiting for the page to settle before the first scan, so the scan does not compete with the page's own start. */
import { afterNextPaint } from './frame-queue';

/**
 * How long (ms) to wait at most for an idle moment after load: a busy page is scanned anyway,
 * a little later, rather than never.
 */
export const SETTLE_TIMEOUT_MS = 300;

/**
 * Resolves once the page has settled. A page still loading: after its load event, at the next
 * idle moment (or after `timeoutMs`). A page already loaded when the script starts (the usual case
 * at document_idle on a page that loads quickly): after its next frame is painted, since its start
 * is behind it; waiting for an idle moment as well cost 6-36 ms before the first marker in the
 * bench's helper timing (200,000 words, a loaded machine), where a frame is at most one refresh.
 */
export function whenPageSettled(signal: AbortSignal, timeoutMs = SETTLE_TIMEOUT_MS): Promise<void> {
  return new Promise((resolve) => {
    const idle = () => {
      const ric = (globalThis as { requestIdleCallback?: (cb: () => void, o: { timeout: number }) => number }).requestIdleCallback;
      if (typeof ric === 'function') ric(() => resolve(), { timeout: timeoutMs });
      else setTimeout(resolve, 0);
    };
    if (document.readyState === 'complete') void afterNextPaint().then(resolve);
    else window.addEventListener('load', idle, { once: true, signal });
  });
}
