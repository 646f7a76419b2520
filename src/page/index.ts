/**
 * Content script entry: wires the controller to the extension runtime. Every failure is caught
 * here: a failure inside the extension never breaks the host page.
 */
import browser from 'webextension-polyfill';
import { createMatcher } from '../core/match';
import matcherData from '../generated/matcher.json';
import { request } from '../shared/messaging';
import { SETTINGS_KEY } from '../shared/storage';
import { startContentScript } from './controller';

try {
  startContentScript({
    request,
    matcher: () => createMatcher(matcherData as unknown as Parameters<typeof createMatcher>[0]),
    onSettingsChanged(listener) {
      const onChanged = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
        if (area === 'local' && SETTINGS_KEY in changes) listener(changes[SETTINGS_KEY].newValue);
      };
      browser.storage.onChanged.addListener(onChanged);
      return () => {
        try {
          browser.storage.onChanged.removeListener(onChanged);
        } catch {
          // the context is gone: nothing left to remove
        }
      };
    },
    onTabMessage(listener) {
      const onMessage = (message: unknown) => listener(message);
      browser.runtime.onMessage.addListener(onMessage);
      return () => {
        try {
          browser.runtime.onMessage.removeListener(onMessage);
        } catch {
          // the context is gone: nothing left to remove
        }
      };
    },
    describeMarker() {
      try {
        return browser.i18n.getMessage('page_markerDescription') || 'Coverage Lens: press Enter for sources';
      } catch {
        return 'Coverage Lens: press Enter for sources';
      }
    },
  });
} catch {
  // Never let the extension surface an error in the page.
}
