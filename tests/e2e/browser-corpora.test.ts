/**
 * The corpus browser and the popup over stored corpora, in both browsers: a second corpus installed
 * through the background is offered by the header's picker, picked, shown from the store, and one of
 * its people opened; a deep link naming the corpus (as a card's does) opens in it; one naming none
 * opens in the corpus that has the record; the popup's search names the corpus of each hit. In
 * Chromium, a generated 5,000-article corpus is installed and its overview measured (milliseconds
 * from picking it to the overview drawn, DOM nodes) and photographed into artifacts/.
 */
import { createServer, type Server } from 'node:http';
import { readFileSync, readdirSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCorpus } from '../../scripts/lib/read-corpus';
import { analyseCorpus } from '../../src/core/analysis/index';
import type { CorpusIndex } from '../../src/core/index/types';
import type { CorpusSummary, Result } from '../../src/shared/protocol';
import { serialiseCorpusFile } from '../../src/store/corpus-file';
import { BROWSERS, CORPUS_BROWSER_PATH, POPUP_PATH, launchExtensionBrowser, type ExtensionBrowser, type PageLike } from './harness/browsers';
import { LARGE_CORPUS_ARTICLES, largeCorpusFile } from './support/large-corpus';

const ROOT = resolve(import.meta.dirname, '..', '..');
const ARTIFACTS = resolve(ROOT, 'artifacts');
const SECOND = analyseCorpus(readCorpus(resolve(ROOT, 'tests/fixtures/corpora/second')).articles);
const FILE = serialiseCorpusFile(SECOND);
/** The second corpus's most covered person: the one the test opens. */
const PERSON = [...SECOND.entities].filter((e) => e.kind === 'person').sort((a, b) => b.coverage.length - a.coverage.length)[0];

/** Runs in an extension page: one protocol request to the background. */
async function sendMessage(message: unknown): Promise<unknown> {
  type Runtime = { runtime: { sendMessage(m: unknown): Promise<unknown> } };
  const g = globalThis as unknown as { browser?: Runtime; chrome?: Runtime };
  return (g.browser ?? g.chrome)!.runtime.sendMessage(message);
}

async function value<T>(page: PageLike, type: string, payload: unknown): Promise<T> {
  const reply = (await page.evaluate(sendMessage, { type, payload })) as Result<T>;
  if (!reply.ok) throw new Error(`${type}: ${reply.error}`);
  return reply.value;
}

/**
 * Opens an extension page and waits for `ready`; one more fresh tab when the first load is lost
 * (Firefox's driver now and then loses a moz-extension tab's first load on this busy machine).
 */
async function openReady(ext: ExtensionBrowser, path: string, ready: string): Promise<PageLike> {
  for (let attempt = 1; ; attempt++) {
    try {
      const page = await ext.openExtensionPage(path);
      await page.waitForSelector(ready, { timeout: 20_000 });
      return page;
    } catch (error) {
      if (attempt >= 2) throw error;
    }
  }
}

/** Runs in the corpus browser: chooses a corpus in the header's picker, as a reader does. */
function pick(id: string): void {
  const select = document.querySelector<HTMLSelectElement>('[data-testid="corpus-picker"]')!;
  select.value = id;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

const pickerIds = (page: PageLike) =>
  page.evaluate(() => [...document.querySelectorAll<HTMLOptionElement>('[data-testid="corpus-picker"] option')].map((o) => o.value));

/** Every script an extension page loads from dist/chrome: its entry and the chunks that imports, transitively. */
function pageScripts(htmlPath: string): string[] {
  const dist = resolve(ROOT, 'dist/chrome');
  const html = readFileSync(resolve(dist, htmlPath), 'utf8');
  const queue = [...html.matchAll(/src="\/([^"]+\.js)"/g)].map((m) => m[1]);
  const seen = new Set<string>();
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(resolve(dist, file), 'utf8');
    for (const m of text.matchAll(/from\s*"\.\/([^"]+)"|import\("\.\/([^"]+)"\)/g)) queue.push(`assets/${m[1] ?? m[2]}`);
  }
  return [...seen].map((file) => readFileSync(resolve(dist, file), 'utf8'));
}

describe('extension pages do not bundle the corpus', () => {
  it.each(['src/ui/browser/index.html', 'src/ui/popup/index.html'])('%s holds no headline or person of the bundled corpus', (html) => {
    const bundled = JSON.parse(readFileSync(resolve(ROOT, 'src/generated/index.json'), 'utf8')) as CorpusIndex;
    const scripts = pageScripts(html);
    expect(scripts.length).toBeGreaterThan(1);
    for (const text of [...bundled.articles.map((a) => a.headline), ...bundled.entities.map((e) => e.name)]) {
      expect(scripts.some((s) => s.includes(text)), text).toBe(false);
    }
  });
});

describe.each(BROWSERS)('corpus browser over stored corpora in %s', (name) => {
  let ext: ExtensionBrowser;
  let page: PageLike;
  let second: CorpusSummary;

  beforeAll(async () => {
    ext = await launchExtensionBrowser(name);
    page = await openReady(ext, CORPUS_BROWSER_PATH, '[data-testid="view-overview"]');
    second = await value<CorpusSummary>(page, 'installCorpus', { file: FILE, name: 'Second corpus (e2e)' });
  });

  afterAll(async () => {
    await ext?.close();
  });

  it('offers both corpora in the picker, shows the first, and shows the second when picked', async () => {
    const browser = await openReady(ext, `${CORPUS_BROWSER_PATH}#/`, '[data-testid="corpus-picker"]');
    await browser.waitForSelector('[data-testid="article-count"]', { timeout: 20_000 });
    expect(await pickerIds(browser)).toEqual(['bundled', second.id]);
    expect(await browser.textOf('[data-testid="article-count"]')).toBe('5 articles');
    await browser.evaluate(pick, second.id);
    await browser.waitForFunction(() => document.querySelector('[data-testid="article-count"]')?.textContent === '4 articles', undefined, { timeout: 20_000 });
    expect(new URL(await browser.url()).searchParams.get('corpus')).toBe(second.id);
    // One of its people, from the coverage matrix.
    await browser.click(`[data-testid="coverage-matrix"] svg a[href="#/person/${PERSON.id}"] text`);
    await browser.waitForSelector(`[data-testid="view-entity"][data-cl-id="${PERSON.id}"]`, { timeout: 20_000 });
    expect(await browser.textOf('.cl-view-title')).toBe(PERSON.name);
    expect(new URL(await browser.url()).searchParams.get('corpus')).toBe(second.id);
    await browser.close();
  });

  it('opens a deep link that names the corpus in that corpus, and one that names none where the record is', async () => {
    for (const hash of [`#/corpus/${second.id}/person/${PERSON.id}`, `#/person/${PERSON.id}`]) {
      const browser = await openReady(ext, `${CORPUS_BROWSER_PATH}${hash}`, `[data-testid="view-entity"][data-cl-id="${PERSON.id}"]`);
      expect(await browser.evaluate(() => document.querySelector<HTMLSelectElement>('[data-testid="corpus-picker"]')!.value), hash).toBe(second.id);
      await browser.close();
    }
  });

  it('popup: search covers both corpora and says which one each hit comes from', async () => {
    const popup = await openReady(ext, POPUP_PATH, '[data-testid="search-input"]');
    await popup.evaluate((query: string) => {
      const input = document.querySelector<HTMLInputElement>('[data-testid="search-input"]')!;
      input.value = query;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }, PERSON.name);
    const hit = `[data-testid="search-hit"][data-cl-id="${PERSON.id}"][data-cl-corpus="${second.id}"]`;
    await popup.waitForSelector(hit, { timeout: 10_000 });
    expect(await popup.textOf(hit)).toContain('in Second corpus (e2e)');
    await popup.close();
  });
});

/** Serves one file with CORS, so an extension page can fetch a corpus too large for a test driver's evaluate argument. */
async function serveFile(text: string): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
    res.end(text);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/corpus.json`, server };
}

describe('corpus browser with a 5,000-article corpus in chromium', () => {
  let ext: ExtensionBrowser;
  let served: { url: string; server: Server };
  let large: CorpusIndex;

  beforeAll(async () => {
    const file = largeCorpusFile();
    large = JSON.parse(file) as CorpusIndex;
    // Compact JSON: a third smaller to serve than the pretty-printed file.
    served = await serveFile(JSON.stringify(large));
    ext = await launchExtensionBrowser('chromium');
    await mkdir(ARTIFACTS, { recursive: true });
  }, 600_000);

  afterAll(async () => {
    await ext?.close();
    await new Promise((done) => served?.server.close(done));
  });

  it('installs it, renders the overview with a small DOM, and is photographed', async () => {
    const page = await ext.openExtensionPage(`${CORPUS_BROWSER_PATH}#/`);
    await page.setViewport({ width: 1100, height: 900 });
    await page.waitForSelector('[data-testid="view-overview"]', { timeout: 20_000 });
    // Over 64 MiB, the file cannot travel in one extension message (Chromium's limit), so the page
    // installs it with the store's own code, the chunk its bundle imports (CorpusStore.install, the
    // code the background's installCorpus runs).
    const storeChunk = readdirSync(resolve(ROOT, 'dist/chrome/assets')).find((f) => /^corpus-store-.*\.js$/.test(f));
    expect(storeChunk).toBeTruthy();
    // A string, evaluated by the driver as is: vitest would rewrite an `import()` inside a function.
    const install = `(async () => {
      try {
        const index = await (await fetch(${JSON.stringify(served.url)})).json();
        const module = await import(${JSON.stringify(`/assets/${storeChunk}`)});
        const Store = Object.values(module).find((v) => typeof v === 'function' && typeof v.open === 'function' && 'readIndex' in v.prototype);
        const store = await Store.open();
        const value = await store.install(index, { name: 'Generated 5,000 (e2e)', origin: 'imported' });
        store.close();
        return { ok: true, value };
      } catch (error) {
        return { ok: false, error: String(error) };
      }
    })()`;
    const installed = (await (page.raw as { evaluate(expression: string): Promise<unknown> }).evaluate(install)) as Result<CorpusSummary>;
    if (!installed.ok) throw new Error(installed.error);
    expect(installed.value.counts.articles).toBe(LARGE_CORPUS_ARTICLES);
    // A fresh page, so the picker lists the new corpus; then pick it and time until the overview is drawn.
    await page.evaluate(() => location.reload());
    await page.waitForSelector('[data-testid="corpus-picker"] option:nth-child(2)', { timeout: 20_000 });
    const measured = await page.evaluate(
      async ({ id, count }: { id: string; count: number }) => {
        const started = performance.now();
        const select = document.querySelector<HTMLSelectElement>('[data-testid="corpus-picker"]')!;
        select.value = id;
        select.dispatchEvent(new Event('change', { bubbles: true }));
        await new Promise<void>((done) => {
          const check = () => (document.querySelector('[data-testid="article-count"]')?.textContent?.replace(/\D/g, '') === String(count) ? done() : requestAnimationFrame(check));
          check();
        });
        const drawn = performance.now() - started;
        return { ms: Math.round(drawn), nodes: document.getElementsByTagName('*').length };
      },
      { id: installed.value.id, count: LARGE_CORPUS_ARTICLES },
    );
    // How much of that is reading the index from the store (IndexedDB reads and validation), timed alone.
    const readMs = (await (page.raw as { evaluate(expression: string): Promise<unknown> }).evaluate(`(async () => {
      const module = await import(${JSON.stringify(`/assets/${storeChunk}`)});
      const Store = Object.values(module).find((v) => typeof v === 'function' && typeof v.open === 'function' && 'readIndex' in v.prototype);
      const store = await Store.open();
      const started = performance.now();
      await store.readIndex(${JSON.stringify(installed.value.id)});
      const ms = Math.round(performance.now() - started);
      store.close();
      return ms;
    })()`)) as number;
    const counts = await page.evaluate(() => ({
      articleRows: document.querySelectorAll('[data-testid="article-list"] tbody tr').length,
      matrixRows: document.querySelectorAll('[data-testid="matrix-table"] tbody tr').length,
      matrixColumns: document.querySelectorAll('[data-testid="matrix-table"] thead th').length - 1,
      timelineUnit: document.querySelector('[data-testid="timeline-bars"]')?.getAttribute('data-unit') ?? null,
      disagreements: document.querySelectorAll('[data-testid="disagreements"] li').length,
    }));
    const people = large.entities.filter((e) => e.kind === 'person').length;
    const outlets = new Set(large.articles.map((a) => a.outlet)).size;
    const report = { articles: LARGE_CORPUS_ARTICLES, people, outlets, claimGroups: large.claimGroups.length, ...measured, readIndexMs: readMs, ...counts };
    console.log('corpus browser overview, 5,000 articles:', JSON.stringify(report));
    await writeFile(resolve(ARTIFACTS, 'browser-overview-5000.json'), JSON.stringify(report, null, 2) + '\n');
    // Paged: the first 50 articles, the 30 most covered entities, every outlet (12 columns at most).
    expect(counts).toMatchObject({ articleRows: 50, matrixRows: 30, matrixColumns: Math.min(12, outlets) });
    expect(counts.timelineUnit).toBe('month');
    await page.screenshot({ path: resolve(ARTIFACTS, 'browser-overview-5000-chromium.png'), fullPage: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: resolve(ARTIFACTS, 'browser-overview-5000-top-chromium.png') });
    await page.evaluate(() => document.getElementById('cl-h-matrix')?.scrollIntoView());
    await page.screenshot({ path: resolve(ARTIFACTS, 'browser-overview-5000-matrix-chromium.png') });
    await page.evaluate(() => document.getElementById('cl-h-timeline')?.scrollIntoView());
    await page.screenshot({ path: resolve(ARTIFACTS, 'browser-overview-5000-timeline-chromium.png') });
  }, 600_000);
});
