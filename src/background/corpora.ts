/**
 * The background's one corpus store: opened on first use, cleaned of interrupted installs, and
 * holding the bundled corpus at the version that came with the extension.
 *
 * The bundled corpus goes through the same install path as any corpus file (parse, validate,
 * write a generation, flip it in) rather than being read from the package by a second code path:
 * then every corpus is listed, switched, validated, marked broken and matched the same way, and a
 * cold matching side reads one matcher row instead of parsing the whole bundled index. The price is
 * a copy of the bundled index in IndexedDB, written once per install or update.
 */
import browser from 'webextension-polyfill';
import bundledIndexUrl from '../generated/index.json?url';
import { parseCorpusFile } from '../store/corpus-file';
import { BUNDLED_CORPUS_ID, CorpusStore } from '../store/corpus-store';
import type { CorpusSource } from './corpus-source';
import { createStoreCorpusSource } from './store-corpus-source';
import { matchingVectors } from './word-vectors';

/** Shown when the extension's own strings are unavailable. */
const BUNDLED_NAME_FALLBACK = 'Bundled corpus';

let opened: Promise<CorpusStore> | null = null;
/** The extension version whose bundled corpus this background lifetime installed (onInstalled need not again). */
let installedNow: string | null = null;

/** The bundled corpus file's text, from the extension package. */
async function readBundledFile(): Promise<string> {
  const response = await fetch(new URL(bundledIndexUrl, browser.runtime.getURL('/')).href);
  if (!response.ok) throw new Error(`the bundled corpus file could not be read (HTTP ${response.status})`);
  return response.text();
}

/**
 * Installs the bundled corpus when it is missing, broken, or from another extension version (or
 * always, with `force`: runtime.onInstalled). A reader's name and on/off switch are kept.
 */
export async function refreshBundledCorpus(store: CorpusStore, force = false): Promise<void> {
  const version = browser.runtime.getManifest().version;
  const meta = await store.meta(BUNDLED_CORPUS_ID);
  if (meta?.status === 'ready' && (installedNow === version || (!force && meta.sourceVersion === version))) return;
  const index = parseCorpusFile(await readBundledFile(), 'bundled corpus');
  const name = browser.i18n?.getMessage('store_bundledCorpusName') || BUNDLED_NAME_FALLBACK;
  await store.install(index, { id: BUNDLED_CORPUS_ID, name, origin: 'bundled', sourceVersion: version });
  installedNow = version;
}

/** The store, opened once per background lifetime; startup clean-up and the version check run first. */
export function corpusStore(): Promise<CorpusStore> {
  opened ??= (async () => {
    const store = await CorpusStore.open();
    await store.recover();
    try {
      await refreshBundledCorpus(store);
    } catch (error) {
      // The reader's own corpora still work; the popup lists the bundled one as missing or broken.
      console.error('Coverage Lens: the bundled corpus could not be installed:', error);
    }
    return store;
  })();
  opened.catch(() => {
    opened = null;
  });
  return opened;
}

/** The matching side's corpora: the active, ready corpora of this background's store. */
export const storeCorpusSource: CorpusSource = createStoreCorpusSource(corpusStore, matchingVectors);
