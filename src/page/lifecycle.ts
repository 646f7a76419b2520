/**
 * Knowing when this content script has been orphaned: after the extension is updated, reloaded or
 * removed, the old script keeps running in open tabs with a dead runtime ("Extension context
 * invalidated"). Like darkreader and WXT's content-script context, it then removes everything it
 * added and stops.
 */

type RuntimeHolder = { runtime?: { id?: string } };

/** True while the extension that injected this script is still alive. */
export function isContextValid(): boolean {
  try {
    const g = globalThis as { browser?: RuntimeHolder; chrome?: RuntimeHolder };
    return Boolean(g.chrome?.runtime?.id ?? g.browser?.runtime?.id);
  } catch {
    return false;
  }
}

/** True for the error text browsers use when the extension context is gone. */
export function isInvalidatedError(message: string | undefined): boolean {
  return typeof message === 'string' && /context invalidated|extension context|receiving end does not exist.*orphan/i.test(message);
}

/**
 * Calls `onTick` at a low frequency (default once a second) while the context is valid, and
 * `onOrphaned` once when it is not. Stops when `signal` aborts.
 */
export function watchContext(onOrphaned: () => void, onTick: () => void, signal: AbortSignal, intervalMs = 1000): void {
  const timer = setInterval(() => {
    if (!isContextValid()) {
      clearInterval(timer);
      onOrphaned();
      return;
    }
    try {
      onTick();
    } catch {
      // a failing tick must not stop orphan detection
    }
  }, intervalMs);
  signal.addEventListener('abort', () => clearInterval(timer), { once: true });
}
