/** Background entry: wires runtime messages, tab life-cycle and keyboard commands to the handlers. */
import browser from 'webextension-polyfill';
import { isMessage } from '../shared/protocol';
import { requestTab } from '../shared/messaging';
import { corpusStore, refreshBundledCorpus, storeCorpusSource } from './corpora';
import { clearFindings, dispatch, setCorpusSource } from './handlers';

// The matching side matches over the corpora of the store (the bundled one is installed into it on
// first use), not over the build output the handlers fall back to.
setCorpusSource(storeCorpusSource);

// Startup: clean up interrupted installs and check the bundled corpus's version.
void corpusStore().catch((error: unknown) => console.error('Coverage Lens: the corpus store could not be opened:', error));

// Install and update (also an unpacked extension's reload): the bundled corpus is written again.
/** The context-menu item that adds the page under the pointer's tab to a corpus. */
const ADD_PAGE_MENU_ID = 'coverage-lens-add-page';

browser.runtime.onInstalled.addListener(() => {
  // Menu items outlive the background; they are (re)made once per install or update.
  browser.contextMenus.create({ id: ADD_PAGE_MENU_ID, title: browser.i18n.getMessage('menu_addPage'), contexts: ['page'], documentUrlPatterns: ['http://*/*', 'https://*/*'] });
  void corpusStore()
    .then((store) => refreshBundledCorpus(store, true))
    .catch((error: unknown) => console.error('Coverage Lens: the bundled corpus could not be installed:', error));
});

browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
  if (!isMessage(message)) return undefined;
  return dispatch(message, { tabId: sender.tab?.id, frameId: sender.frameId });
});

browser.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId !== ADD_PAGE_MENU_ID || tab?.id === undefined) return;
  // The click grants activeTab for this tab, as the popup's button does.
  void dispatch({ type: 'addPage', payload: { tabId: tab.id } }, {}).then((result) => {
    if (!result.ok) console.error('Coverage Lens: the page could not be read:', result.error);
  });
});

// A page starting to load wakes the matching side (Chrome stops an idle service worker after about
// 30 s) and starts reading the active corpora's matcher shards and the word vectors, so they are in
// or on their way when the content script (document_idle) sends its first batch, instead of the
// whole cold start waiting behind that batch. Only http(s) pages get a content script.
browser.tabs.onUpdated.addListener((_tabId, change, tab) => {
  if (change.status !== 'loading' || !/^https?:/.test(tab.url ?? '')) return;
  storeCorpusSource.active().catch(() => undefined); // the first batch meets (and reports) the same failure
});

browser.tabs.onRemoved.addListener((tabId) => {
  void clearFindings(tabId);
});

browser.commands.onCommand.addListener(async (command) => {
  if (command !== 'next-marker' && command !== 'previous-marker') return;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return;
  await requestTab(tab.id, 'navigate', { direction: command === 'next-marker' ? 1 : -1 });
});
