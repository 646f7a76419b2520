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

browser.tabs.onRemoved.addListener((tabId) => {
  void clearFindings(tabId);
});

browser.commands.onCommand.addListener(async (command) => {
  if (command !== 'next-marker' && command !== 'previous-marker') return;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return;
  await requestTab(tab.id, 'navigate', { direction: command === 'next-marker' ? 1 : -1 });
});
