/**
 * Load, with a generated 5,000-article corpus installed in the store (issue 11 item 6), in both
 * browsers: 30 tabs of article pages opened at once all get their markers, and no page thread is
 * held by us for more than 50 ms; and the popup opens fast over it (times written to
 * artifacts/load/load-5000-<browser>.json).
 *
 * "Held by us": in Chromium, a trace (CDP Tracing) of the page processes gives every call into the
 * extension's scripts with its thread time (CPU time of that thread, so 30 renderers sharing two
 * cores do not count as our work); none may exceed 50 ms. Wall-clock times are no measure here: 30
 * tabs on two shared cores preempt each other for 100 ms and more (measured: the content script's
 * 8 ms slices took up to 181 ms of wall time with 30 tabs, and under 20 ms alone). Firefox gives a
 * test driver no thread times (and no long-task API), so there the content script's longest slice
 * (wall time, reported with its findings) is recorded as a figure, not asserted.
 *
 * The corpus file is built once and cached in the OS temp folder (support/large-corpus.ts).
 */
import { createServer, type Server } from 'node:http';
import { mkdir, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { BrowserContext, CDPSession, Page as PlaywrightPage } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CorpusIndex } from '../../src/core/index/types';
import type { CorpusSummary, TabFindings } from '../../src/shared/protocol';
import { BROWSERS, POPUP_PATH, launchExtensionBrowser, type BrowserName, type ExtensionBrowser, type PageLike } from './harness/browsers';
import { largeCorpusFile } from './support/large-corpus';
import { installFromUrl, serveText } from './support/install-large';
import { writeHeldMarkers } from './support/markers';

const ROOT = resolve(import.meta.dirname, '..', '..');
const ARTIFACTS = resolve(ROOT, 'artifacts', 'load');
/** Articles in the corpus: the size issue 11 names for the load test. */
const ARTICLES = 5_000;
/** Tabs opened at once (issue 11 item 6). */
const TABS = 30;
/** The longest the page's thread may be held by us at a time (issue 11 item 6: a long task is over 50 ms). */
const MAX_BLOCKED_MS = 50;

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** An article page of the corpus's article `k` (its own text, so the corpus's people are on it). */
function articlePage(index: CorpusIndex, k: number): string {
  const article = index.articles[k];
  const paragraphs = article.paragraphs.map((p) => article.text.slice(p.start, p.end)).slice(1);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(article.headline)}</title></head>
<body><header><p>Test Gazette</p></header><main><article><h1>${escape(article.headline)}</h1>
${paragraphs.map((p) => `<p>${escape(p)}</p>`).join('\n')}
</article></main></body></html>`;
}

/** Serves /article/<k>.html pages of the corpus. */
async function servePages(index: CorpusIndex): Promise<{ url(k: number): string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const k = Number(/^\/article\/(\d+)\.html$/.exec(req.url ?? '')?.[1] ?? NaN);
    if (!Number.isInteger(k) || k >= index.articles.length) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(articlePage(index, k));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: (k) => `${origin}/article/${k}.html`, close: () => new Promise<void>((done) => server.close(() => done())) };
}

/** Runs in an extension page: every tab's findings by URL. */
async function findingsByUrl(): Promise<Record<string, TabFindings | null>> {
  type Api = { tabs: { query(q: object): Promise<{ id?: number }[]> }; runtime: { sendMessage(m: unknown): Promise<unknown> } };
  const g = globalThis as unknown as { browser?: Api; chrome?: Api };
  const api = (g.browser ?? g.chrome)!;
  const out: Record<string, TabFindings | null> = {};
  for (const tab of await api.tabs.query({})) {
    if (tab.id === undefined) continue;
    const reply = (await api.runtime.sendMessage({ type: 'getFindings', payload: { tabId: tab.id } })) as { ok: boolean; value?: TabFindings | null };
    if (reply.ok && reply.value) out[reply.value.url] = reply.value;
  }
  return out;
}

/** One trace event (Chrome trace format). */
interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { data?: { url?: string; frame?: string } } & Record<string, unknown>;
}

/** Starts a browser-wide trace of script calls with thread times; `stop()` returns its events. */
async function startTrace(page: PageLike): Promise<{ stop(): Promise<TraceEvent[]> }> {
  const context = (page.raw as PlaywrightPage).context() as BrowserContext;
  const cdp: CDPSession = await context.browser()!.newBrowserCDPSession();
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected' as never, ((e: { value: TraceEvent[] }) => events.push(...e.value)) as never);
  await cdp.send('Tracing.start' as never, { transferMode: 'ReportEvents', traceConfig: { includedCategories: ['devtools.timeline', 'v8.execute'], enableSampling: false } } as never);
  return {
    async stop() {
      const complete = new Promise<void>((done) => cdp.once('Tracing.tracingComplete' as never, (() => done()) as never));
      await cdp.send('Tracing.end' as never);
      await complete;
      await cdp.detach();
      return events;
    },
  };
}

/**
 * Calls into the extension's scripts (FunctionCall, EvaluateScript) in the processes of the pages
 * served from `pageOrigin`, with their thread time in ms, longest first.
 */
function ourCalls(events: TraceEvent[], extensionOrigin: string, pageOrigin: string): { name: string; ms: number; wallMs: number }[] {
  const pagePids = new Set(events.filter((e) => JSON.stringify(e.args ?? {}).includes(pageOrigin)).map((e) => e.pid));
  return events
    .filter((e) => e.ph === 'X' && pagePids.has(e.pid) && (e.name === 'FunctionCall' || e.name === 'EvaluateScript') && (e.args?.data?.url ?? '').startsWith(extensionOrigin))
    .map((e) => ({ name: e.name, ms: Math.round((e.tdur ?? e.dur ?? 0) / 100) / 10, wallMs: Math.round((e.dur ?? 0) / 100) / 10 }))
    .sort((a, b) => b.ms - a.ms);
}

let index: CorpusIndex;
let file: string;

beforeAll(() => {
  file = largeCorpusFile(ARTICLES);
  index = JSON.parse(file) as CorpusIndex;
  // Compact JSON: a third smaller to serve than the pretty-printed file.
  file = JSON.stringify(index);
}, 900_000);

describe.each(BROWSERS)('a 5,000-article corpus in the store, in %s', (name: BrowserName) => {
  let ext: ExtensionBrowser;
  let served: Awaited<ReturnType<typeof serveText>>;
  let pages: Awaited<ReturnType<typeof servePages>>;
  let helper: PageLike;
  let large: CorpusSummary;
  const figures: Record<string, unknown> = {};

  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    served = await serveText(file);
    pages = await servePages(index);
    ext = await launchExtensionBrowser(name);
    helper = await ext.openExtensionPage(POPUP_PATH);
    const started = Date.now();
    large = await installFromUrl(helper, name, served.url, 'Generated 5,000 (e2e)');
    figures.installMs = Date.now() - started;
    expect(large.counts.articles).toBe(ARTICLES);
  }, 600_000);

  afterAll(async () => {
    await writeFile(resolve(ARTIFACTS, `load-5000-${name}.json`), JSON.stringify(figures, null, 2) + '\n').catch(() => undefined);
    console.log(`load, 5,000 articles, ${name}:`, JSON.stringify(figures));
    await ext?.close();
    await served?.close();
    await pages?.close();
  });

  it('the popup opens over it on metadata alone, reads the indexes when a list is asked for, and finds a person at once', async () => {
    const popup = await ext.openExtensionPage(POPUP_PATH);
    // Milliseconds since the popup's navigation began, read in the popup, until `selector` is drawn.
    const since = (selector: string) =>
      popup.evaluate(
        (s: string) =>
          new Promise<number>((done) => {
            const check = () => (document.querySelector(s) ? done(Math.round(performance.now())) : requestAnimationFrame(check));
            check();
          }),
        selector,
      );
    // Open: the search box and the section tabs are there, and no corpus is reported broken.
    figures.popupSearchBoxMs = await since('[data-testid="search-input"]');
    expect(await popup.evaluate(() => document.querySelector('[data-testid="corpus-errors"]') === null)).toBe(true);
    await popup.screenshot({ path: resolve(ARTIFACTS, `popup-open-5000-${name}.png`) });
    // The people list reads the indexes (both corpora) and lists the most covered person first.
    const clicked = await popup.evaluate(() => {
      document.querySelector<HTMLElement>('[data-testid="tab-people"]')!.click();
      return Math.round(performance.now());
    });
    figures.popupPeopleListMs = (await since('[data-testid="list-people"] .cl-row')) - clicked;
    const top = index.entities.filter((e) => e.kind === 'person').sort((a, b) => b.coverage.length - a.coverage.length || a.name.localeCompare(b.name))[0];
    expect(await popup.textOf('[data-testid="list-people"] .cl-row')).toContain(top.name);
    await popup.screenshot({ path: resolve(ARTIFACTS, `popup-people-5000-${name}.png`) });
    // A search for that person: people are searchable at once (claims and quotes follow in the background).
    const typed = await popup.evaluate((query: string) => {
      const input = document.querySelector<HTMLInputElement>('[data-testid="search-input"]')!;
      input.value = query;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      return Math.round(performance.now());
    }, top.name);
    figures.popupFirstPersonHitMs = (await since(`[data-testid="search-hit"][data-cl-id="${top.id}"]`)) - typed;
    await popup.screenshot({ path: resolve(ARTIFACTS, `popup-search-5000-${name}.png`) });
    await popup.close();
  }, 180_000);

  it(`${TABS} tabs opened at once all get their markers, and none is held by us for more than ${MAX_BLOCKED_MS} ms`, async () => {
    // Articles spread over the corpus (different stories, so different people).
    const ks = Array.from({ length: TABS }, (_, i) => Math.floor((i * ARTICLES) / TABS) + 3);
    const trace = name === 'chromium' ? await startTrace(helper) : null;
    const started = Date.now();
    const tabs = await Promise.all(
      ks.map(async (k) => {
        const page = await ext.newPage();
        await page.goto(pages.url(k), { timeout: 60_000 });
        return page;
      }),
    );
    // Every tab reports its scan done, with markers.
    const deadline = Date.now() + 120_000;
    let found: Record<string, TabFindings | null> = {};
    for (;;) {
      found = await helper.evaluate(findingsByUrl);
      const done = ks.filter((k) => found[pages.url(k)]?.status === 'done');
      if (done.length === TABS || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    figures.allTabsDoneMs = Date.now() - started;
    const rows = ks.map((k) => ({ k, status: found[pages.url(k)]?.status ?? 'none', markers: found[pages.url(k)]?.markers ?? 0, longestSliceMs: found[pages.url(k)]?.longestSliceMs ?? null }));
    figures.tabs = rows;
    expect(rows.filter((r) => r.status !== 'done' || r.markers === 0)).toEqual([]);
    // The page shows what the findings say, once every held marker is written (a Tab: markers
    // far below the fold are held until needed, src/page/held-marks.ts).
    for (const [i, tab] of tabs.entries()) {
      await writeHeldMarkers(tab);
      expect(await tab.evaluate(() => document.querySelectorAll('coverage-lens-mark[data-cl-first]').length), `tab ${i}`).toBe(rows[i].markers);
    }
    // The content script's own longest slice (wall time): a figure in both browsers (see the file's comment).
    figures.longestSliceMs = Math.max(...rows.map((r) => r.longestSliceMs ?? 0));
    if (trace) {
      const calls = ourCalls(await trace.stop(), ext.extensionUrl(''), new URL(pages.url(0)).origin);
      figures.ourCalls = calls.length;
      figures.longestCallThreadMs = calls[0]?.ms ?? 0;
      figures.longestCallWallMs = Math.max(0, ...calls.map((c) => c.wallMs));
      figures.longestCalls = calls.slice(0, 5);
      figures.callsByName = Object.fromEntries(['FunctionCall', 'EvaluateScript'].map((n) => [n, calls.filter((c) => c.name === n).length]));
      // The trace saw our content script at work in the pages (else the check below proves nothing).
      expect(calls.length).toBeGreaterThan(TABS);
      expect(calls.filter((c) => c.ms > MAX_BLOCKED_MS)).toEqual([]);
    }
    await tabs[0].screenshot({ path: resolve(ARTIFACTS, `tab-0-${name}.png`) });
    await Promise.all(tabs.map((tab) => tab.close()));
  }, 300_000);
});
