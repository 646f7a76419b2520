/**
 * Content script entry: wires the controller to the extension runtime. Every failure is caught
 * here: a failure inside the extension never breaks the host page.
 *
 * This file is injected into every page, so it talks to the browser's own API (runtime-lite), not
 * webextension-polyfill, the card UI is loaded on demand (card-loader), and it holds no corpus data:
 * the article's blocks are matched by the background (match-client).
 */
import { createRequest } from '../shared/request';
import { getMessage, onLocalStorageChanged, onRuntimeMessage, sendRuntimeMessage } from '../shared/runtime-lite';
import { SETTINGS_KEY } from '../shared/settings';
import { createCardUiLoader } from './card-loader';
import { startContentScript } from './controller';

const request = createRequest(sendRuntimeMessage);
/**
 * The markers' screen-reader description, read once: the same for every marker, and the browser's
 * getMessage costs about 10 µs a call (CDP profile: 2.5 ms per scan of 250 markers).
 */
let markerDescription: string | null = null;

try {
  startContentScript({
    request,
    onSettingsChanged: (listener) => onLocalStorageChanged(SETTINGS_KEY, listener),
    onTabMessage: (listener) => onRuntimeMessage(listener),
    describeMarker: () => (markerDescription ??= getMessage('page_markerDescription') || 'Coverage Lens: press Enter for sources'),
    loadCardUi: createCardUiLoader(() => request('loadCardUi', {})),
    cardUnavailable: () => getMessage('page_cardUnavailable') || 'Coverage Lens: the card could not be loaded here.',
  });
} catch {
  // Never let the extension surface an error in the page.
}
