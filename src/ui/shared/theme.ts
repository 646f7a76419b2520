/** Applies the reader's theme setting to an extension page. */
import type { Theme } from '../../shared/settings';

const DARK_QUERY = '(prefers-color-scheme: dark)';
let stopFollowing: (() => void) | null = null;

/**
 * Sets `data-cl-theme` on the page to the resolved scheme, "light" or "dark", so the stylesheet has
 * one dark palette. "auto" resolves through prefers-color-scheme and keeps following it.
 */
export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  stopFollowing?.();
  stopFollowing = null;
  const set = (dark: boolean) => {
    root.dataset.clTheme = dark ? 'dark' : 'light';
  };
  if (theme !== 'auto' || typeof matchMedia !== 'function') {
    set(theme === 'dark');
    return;
  }
  const query = matchMedia(DARK_QUERY);
  set(query.matches);
  const onChange = (event: MediaQueryListEvent) => set(event.matches);
  query.addEventListener('change', onChange);
  stopFollowing = () => query.removeEventListener('change', onChange);
}
