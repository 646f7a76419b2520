// DOM tests run outside an extension: give the i18n helper the English messages to fall back on.
import messages from '../../public/_locales/en/messages.json';
import { setFallbackMessages } from '../../src/ui/shared/i18n';

setFallbackMessages(messages);

// The polyfill refuses to load outside an extension. Views that talk to the background (the
// Corpora page) get an extension API whose every request fails plainly, as with no background.
import { vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: {
      sendMessage: async () => ({ ok: false, error: 'no background in DOM tests' }),
      getURL: (path: string) => `chrome-extension://test/${path.replace(/^\//, '')}`,
      onMessage: { addListener() {}, removeListener() {} },
    },
    storage: { local: { get: async () => ({}), set: async () => undefined }, onChanged: { addListener() {}, removeListener() {} } },
    i18n: { getMessage: () => '' },
  },
}));

// happy-dom lays nothing out and its IntersectionObserver never reports: here every observed
// element is reported in view, a moment after it is observed (as a browser reports after its next
// frame). Held markers (src/page/held-marks.ts) are then written as on a page whose article fits
// the screen; tests/dom/page/held-marks.test.ts gives elements boxes and drives its own observer.
class InViewObserver {
  private readonly targets = new Set<Element>();
  constructor(private readonly callback: IntersectionObserverCallback) {}
  observe(target: Element): void {
    this.targets.add(target);
    queueMicrotask(() => {
      if (this.targets.has(target)) this.callback([{ target, isIntersecting: true } as unknown as IntersectionObserverEntry], this as unknown as IntersectionObserver);
    });
  }
  unobserve(target: Element): void {
    this.targets.delete(target);
  }
  disconnect(): void {
    this.targets.clear();
  }
  takeRecords(): IntersectionObserverEntry[] {
    return [];
  }
}
vi.stubGlobal('IntersectionObserver', InViewObserver);
