/** Toolbar popup entry: wires the real extension APIs and the bundled index into the popup. */
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { validateIndex } from '../../core/index/validate';
import rawIndex from '../../generated/index.json';
import { request, requestTab } from '../../shared/messaging';
import { loadCorpusIndex } from '../shared/corpus';
import { applyTheme } from '../shared/theme';
import '../shared/ui.css';
import './popup.css';
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
render(<Popup api={api} corpus={loadCorpusIndex(rawIndex, validateIndex)} />, document.getElementById('app')!);
