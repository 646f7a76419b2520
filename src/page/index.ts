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
 * The markers' screen-reader description, read once: the browser's getMessage costs about 40 µs a
 * call (it asks for the UI language each time), a fifth of a marker's cost when read per marker.
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
