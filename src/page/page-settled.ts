/** Waiting for the page to settle before the first scan, so the scan does not compete with the page's own start. */

/**
 * How long (ms) to wait at most for an idle moment after load: a busy page is scanned anyway,
 * a little later, rather than never.
 */
export const SETTLE_TIMEOUT_MS = 300;

/** Resolves once the page has settled: loaded, then idle (or after `timeoutMs`). */
export function whenPageSettled(signal: AbortSignal, timeoutMs = SETTLE_TIMEOUT_MS): Promise<void> {
  return new Promise((resolve) => {
    const idle = () => {
      const ric = (globalThis as { requestIdleCallback?: (cb: () => void, o: { timeout: number }) => number }).requestIdleCallback;
      if (typeof ric === 'function') ric(() => resolve(), { timeout: timeoutMs });
      else setTimeout(resolve, 0);
    };
    if (document.readyState === 'complete') idle();
    else window.addEventListener('load', idle, { once: true, signal });
  });
}
