/**
 * The popup and the corpus browser of the built extension in Chromium and Firefox: browse, follow
 * a deep link, search from the keyboard, export, and take screenshots of each view in light and
 * dark (via the theme setting, the path a reader uses) into artifacts/ui/.
 */
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CorpusIndex } from '../../src/core/index/types';
import {
  BROWSERS,
  CORPUS_BROWSER_PATH,
  POPUP_PATH,
  findTabId,
  launchExtensionBrowser,
  type BrowserName,
  type ExtensionBrowser,
  type PageLike,
} from './harness/browsers';
import { startFixtureServer, type FixtureServer } from './harness/server';

const ROOT = resolve(import.meta.dirname, '..', '..');
const SHOTS = resolve(ROOT, 'artifacts', 'ui');
const index = JSON.parse(readFileSync(resolve(ROOT, 'src/generated/index.json'), 'utf8')) as CorpusIndex;
const PERSON = 'person:jeremy-corbyn';
const differing = index.claimGroups.find((g) => g.differences.length > 0);
const quoteGroup = index.quoteGroups.find((g) => g.members.some((m) => m.relation === 'variant-quote')) ?? index.quoteGroups[0];

/** Sends a protocol message from an extension page. */
async function send(page: PageLike, message: unknown): Promise<unknown> {
  return page.evaluate(async (msg: unknown) => {
    const g = globalThis as unknown as { browser?: { runtime: { sendMessage(m: unknown): Promise<unknown> } }; chrome?: { runtime: { sendMessage(m: unknown): Promise<unknown> } } };
    return (g.browser ?? g.chrome)!.runtime.sendMessage(msg);
  }, message);
}

/** Sets the stored theme (what the popup's setting does). */
async function setTheme(ext: ExtensionBrowser, theme: 'light' | 'dark' | 'auto'): Promise<void> {
  const page = await retryOnce(() => ext.openExtensionPage(POPUP_PATH));
  const reply = (await send(page, { type: 'setSettings', payload: { patch: { theme } } })) as { ok: boolean; value: { theme: string } };
  expect(reply.ok && reply.value.theme).toBe(theme);
  await page.close();
}

/**
 * Records files the page offers for download instead of saving them: the Blob handed to
 * URL.createObjectURL is kept on window, and clicks on blob: links are swallowed.
 */
async function captureDownloads(page: PageLike): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __clFiles: { name: string; blob: Blob }[] };
    w.__clFiles = [];
    const create = URL.createObjectURL.bind(URL);
    let last: Blob | null = null;
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      last = blob as Blob;
      return create(blob);
    };
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      if (this.href.startsWith('blob:') && last) w.__clFiles.push({ name: this.download, blob: last });
    };
  });
}

async function lastDownload(page: PageLike): Promise<{ name: string; text: string }> {
  await page.waitForFunction(() => ((window as unknown as { __clFiles?: unknown[] }).__clFiles ?? []).length > 0);
  return page.evaluate(async () => {
    const files = (window as unknown as { __clFiles: { name: string; blob: Blob }[] }).__clFiles;
    const file = files[files.length - 1];
    files.length = 0;
    return { name: file.name, text: await file.blob.text() };
  });
}

/** Types text key by key, as a reader would. */
async function typeText(page: PageLike, selector: string, text: string): Promise<void> {
  await page.click(selector);
  for (const ch of text) await page.keyboard.press(ch);
}

/**
 * Opens an extension page and waits for `ready`. Firefox's driver now and then loses a
 * moz-extension tab's first load on this busy machine (the wait fails with a BiDi "script.evaluate"
 * realm error): one fresh tab is tried again before the test fails.
 */
async function openReady(ext: ExtensionBrowser, path: string, viewport: { width: number; height: number }, ready: string, timeout = 10_000): Promise<PageLike> {
  for (let attempt = 1; ; attempt++) {
    const page = await ext.openExtensionPage(path).catch((error: unknown) => {
      if (attempt >= 2) throw error;
      return null;
    });
    if (!page) continue;
    try {
      await page.setViewport(viewport);
      await page.waitForSelector(ready, { timeout });
      return page;
    } catch (error) {
      await page.close().catch(() => undefined);
      if (attempt >= 2) throw error;
    }
  }
}

/** The harness's Firefox `goto` can hit the same BiDi realm error: one more try. */
async function retryOnce<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch {
    return fn();
  }
}

function openBrowserAt(ext: ExtensionBrowser, hash: string, ready: string): Promise<PageLike> {
  return openReady(ext, `${CORPUS_BROWSER_PATH}${hash}`, { width: 1100, height: 900 }, ready);
}

/** Both themes of a page, reloaded each time so it reads the setting as a reader's tab would. */
async function shoot(ext: ExtensionBrowser, name: BrowserName, view: string, open: () => Promise<PageLike>, fullPage = true) {
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(ext, theme);
    const page = await open();
    await page.waitForSelector(`html[data-cl-theme="${theme}"]`);
    // No horizontal scrolling at the page's own width.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${view} ${theme} scrolls sideways`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: resolve(SHOTS, `${name}-${view}-${theme}.png`), fullPage });
    await page.close();
  }
  await setTheme(ext, 'auto');
}

describe.each(BROWSERS)('popup and corpus browser in %s', (name) => {
  let server: FixtureServer;
  let ext: ExtensionBrowser;

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    server = await startFixtureServer();
    ext = await launchExtensionBrowser(name);
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('shows the corpus overview: articles, coverage matrix, timeline', async () => {
    const page = await openBrowserAt(ext, '#/', '[data-testid="view-overview"]');
    expect(await page.textOf('[data-testid="article-count"]')).toBe(`${index.articles.length} articles`);
    const rows = await page.evaluate(() => document.querySelectorAll('[data-testid="article-list"] tbody tr').length);
    expect(rows).toBe(index.articles.length);
    const matrixRows = await page.evaluate(() => document.querySelectorAll('[data-testid="matrix-table"] tbody tr').length);
    expect(matrixRows).toBe(index.entities.length);
    // Undated articles are listed apart, never drawn on the timeline.
    const undated = index.articles.filter((a) => !/^\d{4}-\d{2}-\d{2}$/.test(a.date)).length;
    const listed = await page.evaluate(() => document.querySelectorAll('[data-testid="timeline-undated"] li').length);
    expect(listed).toBe(undated);
    const dots = await page.evaluate(() => document.querySelectorAll('[data-testid="timeline"] svg circle').length);
    expect(dots).toBe(index.articles.length - undated);
    await page.close();
    await shoot(ext, name, 'overview', () => openBrowserAt(ext, '#/', '[data-testid="view-overview"]'));
  });

  it('follows a deep link to a person and exports the sources as CSV and Markdown', async () => {
    const entity = index.entities.find((e) => e.id === PERSON)!;
    const page = await openBrowserAt(ext, `#/person/${encodeURIComponent(PERSON)}`, '[data-testid="view-entity"]');
    expect(await page.textOf('h1')).toBe(entity.name);
    expect(await page.textOf('[data-testid="entity-coverage"]')).toContain(`in ${entity.coverage.length} of ${index.articles.length} articles`);

    await captureDownloads(page);
    await page.click('[data-testid="export-csv"]');
    const csv = await lastDownload(page);
    expect(csv.name).toMatch(/\.csv$/);
    const lines = csv.text.split('\r\n');
    expect(lines[0]).toBe('Outlet,Date,Headline,URL,Mentions,Described as,Quotes');
    // One row per covering article; quoted fields may hold line breaks, so count the article urls/headlines.
    for (const c of entity.coverage) {
      const article = index.articles.find((a) => a.id === c.article)!;
      expect(csv.text).toContain(article.headline.includes(',') || article.headline.includes('"') ? `"${article.headline.replace(/"/g, '""')}"` : article.headline);
    }
    await page.click('[data-testid="export-markdown"]');
    const md = await lastDownload(page);
    expect(md.name).toMatch(/\.md$/);
    expect(md.text.split('\n')[0]).toBe(`# Sources: ${entity.name}`);
    expect(md.text.split('\n')[2]).toBe('| Outlet | Date | Headline | URL | Mentions | Described as | Quotes |');
    expect(md.text.split('\n').filter((l) => l.startsWith('| ')).length).toBe(2 + entity.coverage.length);
    await page.close();
    await shoot(ext, name, 'person', () => openBrowserAt(ext, `#/person/${encodeURIComponent(PERSON)}`, '[data-testid="view-entity"]'));
  });

  it('shows an article as a reader view with its people and claims marked and linked', async () => {
    const article = index.articles[0];
    const open = () => openBrowserAt(ext, `#/article/${encodeURIComponent(article.id)}`, '[data-testid="view-article"]');
    const page = await open();
    const links = await page.evaluate(() => [...document.querySelectorAll('.cl-reader a.cl-mention')].map((a) => a.getAttribute('href')));
    expect(links.length).toBeGreaterThan(0);
    expect(links).toContain(`#/person/${PERSON}`);
    // Following a mention goes to that person's page in the same tab (hash router).
    await page.click(`.cl-reader-body a.cl-mention[href="#/person/${PERSON}"]`);
    await page.waitForSelector('[data-testid="view-entity"]');
    expect(await page.url()).toContain(`#/person/${PERSON}`);
    await page.close();
    await shoot(ext, name, 'article', open);
  });

  it('compares a claim and a quote across outlets', async () => {
    expect(differing, 'the seeds have a claim group where outlets differ').toBeDefined();
    const openClaim = () => openBrowserAt(ext, `#/claim/${encodeURIComponent(differing!.id)}`, '[data-testid="view-claim"]');
    const page = await openClaim();
    const values = await page.evaluate(() => [...document.querySelectorAll('[data-testid="difference"] .cl-sbs-number')].map((e) => e.textContent));
    expect(values).toEqual(differing!.differences[0].values.map((v) => v.value));
    await page.close();
    await shoot(ext, name, 'claim', openClaim);
    const openQuote = () => openBrowserAt(ext, `#/quote/${encodeURIComponent(quoteGroup.id)}`, '[data-testid="view-quote"]');
    const quote = await openQuote();
    const wordings = await quote.evaluate(() => document.querySelectorAll('[data-testid="quote-wording"]').length);
    expect(wordings).toBe(quoteGroup.members.length);
    await quote.close();
    await shoot(ext, name, 'quote', openQuote);
  });

  it('popup: lists what the page found and searches from the keyboard', async () => {
    const page = await ext.newPage();
    const url = server.url('news/launch-rally.html');
    await page.goto(url);
    const tabId = await retryOnce(() => findTabId(ext, url));
    const open = () =>
      openReady(ext, `${POPUP_PATH}?tabId=${tabId}`, { width: 400, height: 600 }, '[data-testid="page-findings"], [data-cl-state]', 15_000);
    // The content script reports when its scan is done; wait for items.
    let popup = await open();
    for (let i = 0; i < 20 && !(await popup.evaluate(() => !!document.querySelector('[data-testid="found-item"]'))); i++) {
      await popup.close();
      await new Promise((r) => setTimeout(r, 250));
      popup = await open();
    }
    const found = await popup.evaluate(() => [...document.querySelectorAll('[data-testid="found-item"]')].map((b) => b.getAttribute('data-cl-id')));
    expect(found).toContain(PERSON);
    await popup.close();
    await shoot(ext, name, 'popup-page', open, false);

    popup = await open();
    await typeText(popup, '[data-testid="search-input"]', 'corb');
    await popup.waitForSelector('[data-testid="search-hit"]');
    expect(await popup.evaluate(() => document.querySelector('[data-testid="search-hit"]')?.getAttribute('data-cl-id'))).toBe(PERSON);
    await popup.keyboard.press('ArrowDown');
    const active = await popup.evaluate(() => {
      const input = document.querySelector('[data-testid="search-input"]')!;
      return { active: input.getAttribute('aria-activedescendant'), second: document.querySelectorAll('[data-testid="search-hit"]')[1]?.id };
    });
    expect(active.active).toBe(active.second);
    const overflow = await popup.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await popup.screenshot({ path: resolve(SHOTS, `${name}-popup-search-light.png`) });
    await popup.close();

    // Typo tolerance, then Enter opens the corpus browser at the person's page in a new tab.
    popup = await open();
    await typeText(popup, '[data-testid="search-input"]', 'mcluskey');
    await popup.waitForSelector('[data-testid="search-hit"][data-cl-id="person:len-mccluskey"]');
    // The popup closes itself once it has handed over, which may cut the key press short.
    await popup.keyboard.press('Enter').catch(() => undefined);
    // The popup's link names the corpus of the hit (the bundled one).
    const opened = await waitForTab(ext, popup, (u) => u.includes(`#/corpus/bundled/person/person:len-mccluskey`));
    expect(opened).toContain(CORPUS_BROWSER_PATH);

    // Choosing what the page found asks the tab to reveal it: its card opens (pinned) on the page.
    popup = await open();
    await popup.click(`[data-testid="found-item"][data-cl-id="${PERSON}"]`).catch(() => undefined);
    await page.waitForSelector(`coverage-lens-card[data-cl-state="pinned"][data-cl-id="${PERSON}"]`, { timeout: 10_000 });
    await page.close();
  });

  it('popup on a page with nothing from the corpus says so', async () => {
    const page = await ext.newPage();
    const url = server.url('news/unrelated-sport.html');
    await page.goto(url);
    const tabId = await retryOnce(() => findTabId(ext, url));
    const open = () => openReady(ext, `${POPUP_PATH}?tabId=${tabId}`, { width: 400, height: 600 }, '[data-testid="page-state-empty"]', 15_000);
    const popup = await open();
    expect(await popup.textOf('[data-testid="page-state-empty"] h2')).toBe('Nothing on this page is in the corpus');
    await popup.close();
    await shoot(ext, name, 'popup-empty', open, false);
    await page.close();
  });
});

/**
 * How long a tab is given to say its own location before its driver's (possibly stale) URL is taken,
 * and how long a matching tab is waited for. A new Firefox tab's driver URL stays about:blank, so a
 * tab that answers late (two e2e files share the 2-core machine) must still be asked: one second was
 * seen to be too short once, under load.
 */
const TAB_ASK_MS = 5_000;
const TAB_WAIT_MS = 30_000;

/**
 * Waits until some tab of the browser shows a URL matching `test`, and returns it. Each tab is
 * asked for its own location (Firefox's driver keeps a stale URL for moz-extension tabs).
 */
async function waitForTab(ext: ExtensionBrowser, from: PageLike, test: (url: string) => boolean): Promise<string> {
  type RawPage = { evaluate(fn: () => string): Promise<string>; url(): string };
  const raw = from.raw as unknown as { context?: () => { pages(): RawPage[] }; browser?: () => { pages(): Promise<RawPage[]> } };
  const deadline = Date.now() + TAB_WAIT_MS;
  for (;;) {
    const pages = ext.name === 'chromium' ? raw.context!().pages() : await raw.browser!().pages();
    const urls = await Promise.all(
      pages.map((p) =>
        Promise.race([
          p.evaluate(() => location.href).catch(() => p.url()),
          new Promise<string>((r) => setTimeout(() => r(p.url()), TAB_ASK_MS)),
        ]),
      ),
    );
    const hit = urls.find(test);
    if (hit) return hit;
    if (Date.now() > deadline) throw new Error(`no tab matched; open tabs: ${[...new Set(urls)].join(', ')}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
