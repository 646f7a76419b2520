/** Background entry: wires runtime messages, tab life-cycle and keyboard commands to the handlers. */
import browser from 'webextension-polyfill';
import { isMessage } from '../shared/protocol';
import { requestTab } from '../shared/messaging';
import { clearFindings, dispatch } from './handlers';

browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
  if (!isMessage(message)) return undefined;
  return dispatch(message, { tabId: sender.tab?.id, frameId: sender.frameId });
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
