/**
 * Privacy, proved in both browsers: while the built extension runs on fixture pages (markers
 * placed, a card hovered and pinned, the corpus browser opened from the card, the popup searched),
 * every request is recorded three ways — the driver's own request events (pages, extension pages
 * and, in Chromium, the service worker), the fixture server's log, and a sink-hole proxy that all
 * non-loopback traffic of the browser goes through — and nothing may go anywhere but the fixture
 * server and the extension itself. Then storage is read from an extension page: settings only in
 * storage.local, nothing in sync, per-tab findings in storage.session that go when the tab closes,
 * no page text kept, no history; the extension's one IndexedDB database (the corpus store) is read
 * whole and holds the bundled corpus and no sentence of the pages that is not a corpus sentence.
 */
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateSettings } from '../../src/shared/settings';
import {
  BROWSERS,
  CORPUS_BROWSER_PATH,
  POPUP_PATH,
  findTabId,
  launchExtensionBrowser,
  openPopupFor,
  type BrowserName,
  type ExtensionBrowser,
  type PageLike,
} from './harness/browsers';
import { startFixtureServer, type FixtureServer } from './harness/server';
import { startRecordingProxy, type RecordingProxy } from './support/recording-proxy';

const ROOT = resolve(import.meta.dirname, '..', '..');
const ARTIFACTS = resolve(ROOT, 'artifacts');

/** Pages with corpus names, browsed in order; the first is where the card is opened. */
const PAGES = ['news/launch-rally.html', 'news/mps-letter.html', 'news/rally-figures.html', 'news/unions-momentum.html', 'news/assembly-rally.html'];
/** A page with nothing from the corpus: the extension runs there too and must stay silent. */
const UNRELATED = 'news/unrelated-sport.html';

/**
 * Hosts the BROWSER itself contacts whether or not the extension is installed (checked by hand with
 * the same launch flags and no extension: Chromium's component updater, Google account probe and
 * autofill predictions; Firefox's Remote Settings). Only CONNECTs to these are tolerated in the
 * proxy log, and the driver-level logs, which do attribute requests to pages, the service worker
 * and extension pages, must still show nothing beyond 127.0.0.1.
 */
const BROWSER_OWN_HOSTS: Record<BrowserName, RegExp> = {
  chromium: /^(update\.googleapis\.com|accounts\.google\.com|content-autofill\.googleapis\.com|clients\d*\.google\.com|optimizationguide-pa\.googleapis\.com):443$/,
  firefox: /^(firefox\.settings\.services\.mozilla\.com|content-signature-2\.cdn\.mozilla\.net|firefox-settings-attachments\.cdn\.mozilla\.net|push\.services\.mozilla\.com|location\.services\.mozilla\.com|normandy\.cdn\.mozilla\.net|aus5\.mozilla\.org):443$/,
};

type StorageDump = {
  local: Record<string, unknown>;
  sync: Record<string, unknown>;
  session: Record<string, unknown> | null;
  canReadHistory: boolean;
  localStorageKeys: string[];
  databases: string[];
};

/** Runs in an extension page: everything the extension has stored, in every area. */
async function dumpStorage(): Promise<StorageDump> {
  type Area = { get(keys: null): Promise<Record<string, unknown>> };
  type Api = { storage: { local: Area; sync: Area; session?: Area } };
  const g = globalThis as unknown as { browser?: Api; chrome?: Api };
  const api = (g.browser ?? g.chrome)!;
  const dbs = typeof indexedDB.databases === 'function' ? await indexedDB.databases() : [];
  return {
    local: await api.storage.local.get(null),
    sync: await api.storage.sync.get(null),
    session: api.storage.session ? await api.storage.session.get(null) : null,
    canReadHistory: await (async () => {
      try {
        const history = (api as unknown as { history?: { search(q: object): Promise<unknown[]> } }).history;
        await history!.search({ text: '' });
        return true;
      } catch {
        return false; // no history permission: the API is absent or refuses
      }
    })(),
    localStorageKeys: Object.keys(localStorage),
    databases: dbs.map((d) => d.name ?? ''),
  };
}

/** Runs in an extension page: every string held in the corpus store's database, and its rows per store. */
async function dumpCorpusDb(dbName: string): Promise<{ strings: string[]; rows: Record<string, number> }> {
  const db = await new Promise<IDBDatabase>((done, failed) => {
    const open = indexedDB.open(dbName);
    open.onsuccess = () => done(open.result);
    open.onerror = () => failed(open.error);
  });
  const strings: string[] = [];
  const collect = (v: unknown): void => {
    if (typeof v === 'string') strings.push(v);
    else if (Array.isArray(v)) v.forEach(collect);
    else if (v && typeof v === 'object') Object.entries(v).forEach(([k, x]) => (strings.push(k), collect(x)));
  };
  const rows: Record<string, number> = {};
  for (const store of [...db.objectStoreNames]) {
    const all = await new Promise<unknown[]>((done, failed) => {
      const req = db.transaction(store, 'readonly').objectStore(store).getAll();
      req.onsuccess = () => done(req.result);
      req.onerror = () => failed(req.error);
    });
    rows[store] = all.length;
    collect(all);
  }
  db.close();
  return { strings, rows };
}

/** The corpus store's database (src/store/db.ts). */
const CORPUS_DB = 'coverage-lens-corpora';

/** Text with whitespace and typographic quote marks folded, so a page's wording and the corpus's compare. */
function fold(text: string): string {
  return text.replace(/[‘’]/gu, "'").replace(/[“”]/gu, '"').replace(/\s+/gu, ' ');
}

/** The bundled corpus's article texts, folded: page sentences found here are corpus text. */
const CORPUS_TEXT = fold((JSON.parse(readFileSync(resolve(ROOT, 'src/generated/index.json'), 'utf8')) as { articles: { text: string; headline: string }[] }).articles
  .map((a) => `${a.headline}\n${a.text}`)
  .join('\n'));

/** Runs in an extension page: one protocol request to the background. */
async function sendMessage(message: unknown): Promise<unknown> {
  type Runtime = { runtime: { sendMessage(m: unknown): Promise<unknown> } };
  const g = globalThis as unknown as { browser?: Runtime; chrome?: Runtime };
  return (g.browser ?? g.chrome)!.runtime.sendMessage(message);
}

/** Runs in a fixture page: whether the page's own storage was touched. */
async function pageStorage(): Promise<{ local: number; session: number; cookie: string; databases: number }> {
  const dbs = typeof indexedDB.databases === 'function' ? await indexedDB.databases() : [];
  return { local: localStorage.length, session: sessionStorage.length, cookie: document.cookie, databases: dbs.length };
}

/** Sentences of at least 30 characters from a page's body text (to look for in storage). */
async function pageSentences(page: PageLike): Promise<string[]> {
  const text = await page.evaluate(() => document.body.innerText);
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.length >= 30);
}

describe.each(BROWSERS)('privacy in %s', (name) => {
  let server: FixtureServer;
  let proxy: RecordingProxy;
  let ext: ExtensionBrowser;
  const visited = new Set<string>();
  const sentences: string[] = [];
  const openPages: { path: string; page: PageLike }[] = [];

  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    server = await startFixtureServer();
    proxy = await startRecordingProxy();
    ext = await launchExtensionBrowser(name, { chromiumArgs: proxy.chromiumArgs, firefoxPrefs: proxy.firefoxPrefs });
  });

  afterAll(async () => {
    if (ext) {
      await writeFile(
        resolve(ARTIFACTS, `privacy-requests-${name}.json`),
        JSON.stringify({ driver: ext.requests(), server: server?.requests, proxy: proxy?.seen }, null, 2),
      ).catch(() => undefined);
    }
    await ext?.close();
    await server?.close();
    await proxy?.close();
  });

  it('sends nothing anywhere but the fixture server and the extension while marking, hovering, pinning and browsing', async () => {
    for (const path of [...PAGES, UNRELATED]) {
      const page = await ext.newPage();
      await page.goto(server.url(path));
      visited.add('/' + path);
      if (path !== UNRELATED) await page.waitForSelector('coverage-lens-mark', { timeout: 15_000 });
      sentences.push(...(await pageSentences(page)));
      openPages.push({ path, page });
    }
    const unrelated = openPages.find((p) => p.path === UNRELATED)!;
    await findTabId(ext, server.url(UNRELATED)); // it reported (nothing) to the background
    expect(await unrelated.page.evaluate(() => document.querySelectorAll('coverage-lens-mark').length)).toBe(0);

    // Hover a name: the card opens with its details from the background; then pin it.
    const main = openPages[0].page;
    await main.hover('coverage-lens-mark[data-kind="person"][data-cl-first]');
    await main.waitForSelector('coverage-lens-card[data-cl-state="open"][data-cl-status="ready"]', { timeout: 10_000 });
    await main.click('coverage-lens-mark[data-kind="person"][data-cl-first]');
    await main.waitForSelector('coverage-lens-card[data-cl-state="pinned"]', { timeout: 5_000 });
    // The card's own button (clicked like a reader would) asks the background to open the corpus
    // browser in a new tab.
    const tabCount = async () => {
      const helper = await ext.openExtensionPage(POPUP_PATH);
      const count = await helper.evaluate(async () => {
        type Tabs = { tabs: { query(q: object): Promise<unknown[]> } };
        const g = globalThis as unknown as { browser?: Tabs; chrome?: Tabs };
        return (await (g.browser ?? g.chrome)!.tabs.query({})).length;
      });
      await helper.close();
      return count;
    };
    const tabsBefore = await tabCount();
    const at = await main.evaluate(() => {
      const root = document.querySelector('coverage-lens-card')?.shadowRoot;
      const button = [...(root?.querySelectorAll('button') ?? [])].find((b) => /open in corpus browser/i.test(b.textContent ?? ''));
      if (!button) return null;
      button.scrollIntoView({ block: 'nearest' });
      const r = button.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    expect(at).not.toBeNull();
    await (main.raw as unknown as { mouse: { click(x: number, y: number): Promise<void> } }).mouse.click(at!.x, at!.y);
    const deadline = Date.now() + 10_000;
    while ((await tabCount()) <= tabsBefore && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(await tabCount()).toBe(tabsBefore + 1);

    // The popup for the tab lists what was found, and its search runs locally.
    const popup = await openPopupFor(ext, server.url(PAGES[0]));
    await popup.waitForSelector('[data-testid="found-item"]', { timeout: 10_000 });
    await popup.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('[data-testid="search-input"]');
      if (!input) return;
      input.value = 'Corbyn';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await popup.waitForSelector('[data-testid="search-results"]', { timeout: 5_000 });
    await popup.close();

    const browserPage = await ext.openExtensionPage(CORPUS_BROWSER_PATH);
    await browserPage.waitForSelector('[data-testid="article-count"]', { timeout: 10_000 });
    await browserPage.close();
    // Give anything lazy (a deferred beacon, a background timer) a moment to show itself.
    await new Promise((r) => setTimeout(r, 1_500));

    const extensionOrigin = ext.extensionUrl('');
    const outside = ext.requests().filter((u) => !u.startsWith(server.origin + '/') && !u.startsWith(extensionOrigin) && !u.startsWith('data:'));
    expect(outside, 'requests seen by the driver (pages, extension pages, service worker)').toEqual([]);
    // Chromium's recording does see extension pages (Firefox's driver reports page requests only;
    // there the proxy is what covers the background and extension pages).
    if (name === 'chromium') expect(ext.requests().some((u) => u.startsWith(extensionOrigin))).toBe(true);

    // The fixture server saw only the pages the test opened (and the browser's favicon probe):
    // the extension fetched nothing from the page's origin either.
    const served = server.requests.map((r) => new URL(r.url, server.origin).pathname);
    expect(served.filter((p) => !visited.has(p) && p !== '/favicon.ico')).toEqual([]);
    expect(server.requests.every((r) => r.method === 'GET')).toBe(true);

    // Everything else the browser sent went through the proxy: only the browser's own services.
    const foreign = proxy.seen.filter((line) => {
      const [method, target] = line.split(' ');
      let hostPort = target ?? '';
      if (method !== 'CONNECT') {
        try {
          const u = new URL(target);
          hostPort = `${u.hostname}:443`; // plain-HTTP update checks of the same services
        } catch {
          return true;
        }
      }
      return !BROWSER_OWN_HOSTS[name].test(hostPort);
    });
    // None of what the browser sent on its own names this extension, the fixture server or the page.
    expect(proxy.seen.filter((l) => l.includes(ext.extensionId) || l.includes('127.0.0.1') || /corbyn/i.test(l))).toEqual([]);
    expect(foreign, 'non-loopback traffic through the recording proxy').toEqual([]);
  });

  it('keeps settings only in storage.local, nothing in sync, no page text, no history', async () => {
    const helper = await ext.openExtensionPage(POPUP_PATH);
    // Change a setting so there is something stored, and change it back.
    await helper.evaluate(sendMessage, { type: 'setSettings', payload: { patch: { theme: 'dark' } } });
    await helper.evaluate(sendMessage, { type: 'setSettings', payload: { patch: { theme: 'auto' } } });
    const dump = await helper.evaluate(dumpStorage);
    await helper.close();

    expect(Object.keys(dump.local)).toEqual(['settings']);
    expect(dump.local.settings).toEqual(migrateSettings(dump.local.settings)); // exactly the settings schema
    expect(dump.sync).toEqual({});
    expect(dump.canReadHistory).toBe(false);
    expect(dump.localStorageKeys).toEqual([]);
    expect(dump.databases).toEqual([CORPUS_DB]);
    const persisted = JSON.stringify([dump.local, dump.sync]);
    expect(sentences.length).toBeGreaterThan(20);
    expect(sentences.filter((s) => persisted.includes(s))).toEqual([]);
    expect(persisted).not.toContain('127.0.0.1');
    expect(persisted).not.toMatch(/\.html/);

    // The corpus store holds the bundled corpus only, and no page sentence that is not a corpus one.
    const reader = await ext.openExtensionPage(POPUP_PATH);
    const corpusDb = await reader.evaluate(dumpCorpusDb, CORPUS_DB);
    await reader.close();
    expect(corpusDb.rows.corpora).toBe(1);
    expect(corpusDb.rows.articles).toBe(5);
    const stored = fold(corpusDb.strings.join('\n'));
    const pageOnly = sentences.map(fold).filter((s) => !CORPUS_TEXT.includes(s));
    expect(pageOnly.length).toBeGreaterThan(10);
    expect(pageOnly.filter((s) => stored.includes(s))).toEqual([]);
    // The search can find text: sentences the pages share with the corpus are in the store.
    expect(sentences.map(fold).filter((s) => !pageOnly.includes(s) && stored.includes(s)).length).toBeGreaterThan(0);
    expect(stored).not.toContain('127.0.0.1');

    // The pages' own storage is untouched by the content script.
    for (const { page } of openPages) expect(await page.evaluate(pageStorage)).toEqual({ local: 0, session: 0, cookie: '', databases: 0 });
  });

  it('keeps per-tab findings in storage.session only, as counts (the found items stay in the tab), and drops them when the tab closes', async () => {
    const helper = await ext.openExtensionPage(POPUP_PATH);
    const dump = await helper.evaluate(dumpStorage);
    expect(dump.session).not.toBeNull();
    const session = dump.session!;
    const keys = Object.keys(session);
    expect(keys.length).toBeGreaterThanOrEqual(PAGES.length);
    for (const key of keys) {
      expect(key).toMatch(/^findings:\d+$/);
      const value = session[key] as { url: string; status: string; items: Record<string, unknown>[]; markers: number; message?: string; longestSliceMs?: unknown; itemsInTab?: unknown };
      expect(Object.keys(value).sort()).toEqual(expect.arrayContaining(['items', 'markers', 'status', 'url']));
      // longestSliceMs: how long the content script's own longest task held the page's thread (a
      // whole number of ms, read by the load tests): a figure about our work, nothing of the page.
      expect(Object.keys(value).filter((k) => !['items', 'markers', 'status', 'url', 'message', 'longestSliceMs', 'itemsInTab'].includes(k))).toEqual([]);
      expect(Number.isInteger(value.longestSliceMs)).toBe(true);
      expect(value.url.startsWith(server.origin + '/')).toBe(true);
      // Nothing found is kept: the list (names and sentences as the page wrote them) stays in the
      // tab, asked for when the popup opens.
      expect(value.itemsInTab).toBe(true);
      expect(value.items).toEqual([]);
    }
    // What the popup is given, through the background, is the tab's list: each item's kind,
    // record id, and the matched words as the page wrote them (a name, or a claim/quote sentence
    // cut to 90 characters).
    const listed = (await helper.evaluate(sendMessage, { type: 'getFindings', payload: { tabId: Number(keys[0].slice('findings:'.length)) } })) as {
      ok: boolean;
      value: { items: Record<string, unknown>[]; itemsInTab?: unknown };
    };
    expect(listed.ok).toBe(true);
    expect(listed.value.itemsInTab).toBeUndefined();
    for (const item of listed.value.items) {
      expect(Object.keys(item).sort()).toEqual(['count', 'id', 'kind', 'label', 'text']);
      expect((item.text as string).length).toBeLessThanOrEqual(90);
      expect((item.label as string).length).toBeLessThanOrEqual(90);
    }

    // Close one page: its findings go. (Polled: tabs.onRemoved runs in the background.)
    const closing = openPages.find((p) => p.path === PAGES[1])!;
    const tabId = await findTabId(ext, server.url(PAGES[1]));
    expect(keys).toContain(`findings:${tabId}`);
    await closing.page.close();
    openPages.splice(openPages.indexOf(closing), 1);
    await helper.waitForFunction(
      async (key: string) => {
        type Api = { storage: { session: { get(k: string): Promise<Record<string, unknown>> } } };
        const g = globalThis as unknown as { browser?: Api; chrome?: Api };
        const got = await (g.browser ?? g.chrome)!.storage.session.get(key);
        return !(key in got);
      },
      `findings:${tabId}`,
      { timeout: 10_000 },
    );
    // The background answers as if the tab had never reported.
    expect(await helper.evaluate(sendMessage, { type: 'getFindings', payload: { tabId } })).toEqual({ ok: true, value: null });

    // Close every other fixture page: nothing of them is left.
    for (const { page } of openPages.splice(0)) await page.close();
    await helper.waitForFunction(
      async () => {
        type Api = { storage: { session: { get(k: null): Promise<Record<string, unknown>> } } };
        const g = globalThis as unknown as { browser?: Api; chrome?: Api };
        const all = await (g.browser ?? g.chrome)!.storage.session.get(null);
        return Object.keys(all).every((k) => !k.startsWith('findings:')) || Object.keys(all).length <= 1;
      },
      undefined,
      { timeout: 10_000 },
    );
    const after = await helper.evaluate(dumpStorage);
    // At most the corpus-browser tab opened from the card may remain; it is an extension page, which reports nothing.
    expect(Object.keys(after.session ?? {})).toEqual([]);
    await helper.close();
  });
});
