import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyTheme } from '../../../src/ui/shared/theme';

/** A controllable prefers-color-scheme query. */
function fakeSystem(dark: boolean) {
  const listeners = new Set<(e: { matches: boolean }) => void>();
  const query = {
    matches: dark,
    addEventListener: (_: string, l: (e: { matches: boolean }) => void) => listeners.add(l),
    removeEventListener: (_: string, l: (e: { matches: boolean }) => void) => listeners.delete(l),
  };
  vi.stubGlobal('matchMedia', () => query);
  return {
    listeners,
    switchTo(next: boolean) {
      query.matches = next;
      for (const l of [...listeners]) l({ matches: next });
    },
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
  delete document.documentElement.dataset.clTheme;
});

describe('applyTheme', () => {
  it.each([
    ['light', false, 'light'],
    ['light', true, 'light'],
    ['dark', false, 'dark'],
    ['auto', false, 'light'],
    ['auto', true, 'dark'],
  ] as const)('setting %s with a %s-dark system gives %s', (setting, systemDark, expected) => {
    fakeSystem(systemDark);
    applyTheme(setting);
    expect(document.documentElement.dataset.clTheme).toBe(expected);
  });

  it('keeps following the system on auto, and stops when the reader picks a scheme', () => {
    const system = fakeSystem(false);
    applyTheme('auto');
    system.switchTo(true);
    expect(document.documentElement.dataset.clTheme).toBe('dark');
    applyTheme('light');
    expect(system.listeners.size).toBe(0);
    system.switchTo(false);
    system.switchTo(true);
    expect(document.documentElement.dataset.clTheme).toBe('light');
  });
});
