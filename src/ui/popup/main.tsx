/** Toolbar popup entry: wires the real extension APIs and the reader's active corpora into the popup. */
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { request, requestTab } from '../../shared/messaging';
import { storedCorpora } from '../shared/stored-corpora';
import { applyTheme } from '../shared/theme';
import '../shared/ui.css';
import './popup.css';
import { useActiveCorpora } from './active-corpora';
import type { PopupApi } from './api';
import { Popup } from './Popup';

const api: PopupApi = {
  request,
  requestTab,
  async activeTab() {
    // `?tabId=` lets tests (and deep links) describe a given tab; its URL is then unknown here.
    const fromQuery = Number(new URLSearchParams(location.search).get('tabId'));
    if (Number.isInteger(fromQuery) && fromQuery > 0) {
      const tab = await browser.tabs.get(fromQuery).catch(() => null);
      return { id: fromQuery, url: tab?.url ?? null };
    }
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return { id: tab?.id ?? null, url: tab?.url ?? null };
  },
  close: () => window.close(),
};

// Follow the system until the stored setting arrives, so the first paint is already in the right scheme.
applyTheme('auto');
const source = storedCorpora(request);

/** The popup over the corpora as they load. */
function PopupRoot() {
  return <Popup api={api} corpus={useActiveCorpora(source)} />;
}

render(<PopupRoot />, document.getElementById('app')!);
