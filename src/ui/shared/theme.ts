/** Applies the reader's theme setting to an extension page (auto follows prefers-color-scheme in CSS). */
import type { Theme } from '../../shared/settings';

/** Sets the page's theme; "auto" leaves the choice to the `prefers-color-scheme` media query. */
export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  root.dataset.clTheme = theme;
}
