/**
 * Request handlers of the background, one per protocol message. Kept free of listener wiring so
 * they can be unit-tested against an in-memory fake of the browser API.
 */
import browser from 'webextension-polyfill';
import { fail, ok, type Protocol, type RequestType, type Result, type TabFindings } from '../shared/protocol';
import { requestTab } from '../shared/messaging';
import { applySettingsPatch, isSiteEnabled } from '../shared/settings';
import { loadSettings, saveSettings } from '../shared/storage';
import { holdDraft, readPageDraft, takeDraft } from './add-page';
import { CARD_UI_PATH } from './card-ui-path';
import { bundledCorpusSource } from './bundled-source';
import { corpusHandlers } from './corpus-handlers';
import type { CorpusSource } from './corpus-source';
import { clearFindings, readFindings, storeFindings } from './findings';
import { createMatchingSide } from './matching';
import { matchingVectors } from './word-vectors';

/** Path of the corpus browser page inside the extension. */
export const CORPUS_BROWSER_PATH = 'src/ui/browser/index.html';

let corpusSource: CorpusSource | null = null;

/**
 * Replaces where the matching side finds its corpora (the bundled build output by default; the
 * corpus store, and tests, inject their own).
 */
export function setCorpusSource(source: CorpusSource): void {
  corpusSource = source;
}

// The vectors are awaited before matching: without them the first batches of a cold start would
// miss paraphrase links that later batches and `lookup` make (the e2e parity and fault tests saw it).
const matching = createMatchingSide(() => (corpusSource ??= bundledCorpusSource()), matchingVectors);

/** Who sent a message: the tab id (and frame id) are set for content scripts. */
export interface Sender {
  tabId?: number;
  frameId?: number;
}

type Handler<K extends RequestType> = (
  payload: Protocol[K]['request'],
  sender: Sender,
) => Promise<Protocol[K]['reply']>;

/** Every request the background answers. */
export const handlers: { [K in RequestType]: Handler<K> } = {
  ...corpusHandlers,
  async ping() {
    return { version: browser.runtime.getManifest().version, from: 'background' as const };
  },
  async getSettings() {
    return loadSettings();
  },
  async setSettings({ patch }) {
    return saveSettings(applySettingsPatch(await loadSettings(), patch));
  },
  async getSiteState({ host }) {
    const settings = await loadSettings();
    return { enabled: isSiteEnabled(settings, host), settings };
  },
  async setSiteEnabled({ host, enabled }) {
    const settings = await loadSettings();
    const sites = new Set(settings.disabledSites);
    if (enabled) sites.delete(host.toLowerCase());
    else sites.add(host.toLowerCase());
    return saveSettings({ ...settings, disabledSites: [...sites] });
  },
  // ---- matching side (issue 11) ----
  matchBlocks: (payload) => matching.matchBlocks(payload),
  getDetails: (payload) => matching.getDetails(payload),
  // ---- end of matching side ----
  async reportFindings(findings: TabFindings, sender) {
    if (sender.tabId === undefined) return { stored: false };
    await storeFindings(sender.tabId, findings);
    return { stored: true };
  },
  async getFindings({ tabId }) {
    const stored = await readFindings(tabId);
    if (!stored?.itemsInTab) return stored;
    // The content script reports counts alone and lists its items when asked (its thread does not
    // build and send the list on every report); a tab that cannot answer leaves the counts.
    const listed = await requestTab(tabId, 'findings', {});
    if (listed.ok && listed.value && typeof listed.value === 'object' && Array.isArray(listed.value.items)) return listed.value;
    const { itemsInTab: _listedInTab, ...counts } = stored;
    return counts;
  },
  async openCorpusBrowser({ hash }) {
    const safeHash = /^#\/[\w:./%-]*$/.test(hash) ? hash : '';
    await browser.tabs.create({ url: browser.runtime.getURL(`${CORPUS_BROWSER_PATH}${safeHash}`) });
    return { opened: true };
  },
  async addPage({ tabId }) {
    const id = holdDraft(await readPageDraft(tabId));
    await browser.tabs.create({ url: browser.runtime.getURL(`${CORPUS_BROWSER_PATH}#/add-page/${encodeURIComponent(id)}`) });
    return { opened: true };
  },
  async takePageDraft({ id }) {
    return takeDraft(id);
  },
  async loadCardUi(_payload, sender) {
    if (sender.tabId === undefined) throw new Error('only a content script can load the card UI');
    // Into the asking frame only, in the content script's isolated world (the default).
    await browser.scripting.executeScript({
      target: { tabId: sender.tabId, frameIds: [sender.frameId ?? 0] },
      files: [CARD_UI_PATH],
    });
    return { injected: true };
  },
};

/** Dispatches one message to its handler and wraps the outcome as a Result. */
export async function dispatch(message: { type: string; payload: unknown }, sender: Sender): Promise<Result<unknown>> {
  const handler = (handlers as Record<string, Handler<RequestType> | undefined>)[message.type];
  if (!handler) return { ok: false, error: `unknown request "${message.type}"` };
  try {
    return ok(await handler(message.payload as never, sender));
  } catch (error) {
    return fail(error);
  }
}

export { clearFindings };
