/** Feature: the card's colour scheme, following the reader's setting and, on "auto", the system's. */
import type { Settings } from '../../shared/settings';

function resolveTheme(theme: Settings['theme']): 'light' | 'dark' {
  if (theme !== 'auto') return theme;
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Applies the theme now and whenever the system scheme changes; returns a setter for a new setting. */
export function initTheme(apply: (theme: 'light' | 'dark') => void, signal: AbortSignal): (setting: Settings['theme']) => void {
  let setting: Settings['theme'] | null = null;
  if (typeof matchMedia === 'function') {
    matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => setting && apply(resolveTheme(setting)), { signal } as AddEventListenerOptions);
  }
  return (next) => {
    setting = next;
    apply(resolveTheme(next));
  };
}
