/**
 * Feature: following single-page-app navigation (the URL changes without a page load) and noticing
 * when this script has been orphaned (the extension was updated, reloaded or removed).
 */
import { watchContext } from '../lifecycle';

/** How often (ms) the current URL is compared, for single-page-app navigation and orphan checks. */
export const URL_POLL_MS = 1000;
/** After a single-page app changed the URL, wait this long (ms) for its new view to be rendered before reading it. */
export const SPA_SETTLE_MS = 300;

function pageKey(): string {
  return location.href.split('#')[0];
}

/** Calls `onNavigated` (after the new view settled) when the URL changes, `onOrphaned` once when the extension is gone. */
export function initUrlWatch(onNavigated: () => void, onOrphaned: () => void, signal: AbortSignal): void {
  let lastUrl = pageKey();
  const check = () => {
    const key = pageKey();
    if (key === lastUrl) return;
    lastUrl = key;
    const timer = setTimeout(onNavigated, SPA_SETTLE_MS);
    signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
  };
  watchContext(onOrphaned, check, signal, URL_POLL_MS);
  window.addEventListener('popstate', check, { signal });
  const nav = (globalThis as { navigation?: EventTarget }).navigation;
  nav?.addEventListener?.('navigatesuccess', check, { signal } as AddEventListenerOptions);
}
