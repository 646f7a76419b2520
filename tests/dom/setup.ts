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
