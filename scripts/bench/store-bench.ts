/**
 * The corpus-size rows (issue 11, item 5): generated corpora installed in the corpus store of the
 * built extension, in headless Chromium, one size at a time, measured through the real path: the
 * content script reads and marks the bench pages and sends its blocks to the service worker's
 * matching side (`matchBlocks`), which matches them over the stored corpus.
 *
 * Per corpus size:
 * - page main-thread time of one scan: SCAN_TRACE_LOADS warm loads of the page traced, each the
 *   content script's thread CPU time (scan-trace.ts: its script's evaluation, every call into it
 *   and the microtasks, with the style/layout its calls force and its messaging), median. FLOOR,
 *   the bench's TreeWalker pass, runs on fresh loads of the same page (the extension switched off
 *   for its host, layout done), one pass per load, its thread CPU from the same traces, median:
 *   the same conditions and clock as the scan's. (The sampled wall time of the warm loads, the
 *   figure before, is logged beside);
 * - first marker in the viewport after the load event, warm (the worker running, its matcher built)
 *   and cold (the worker stopped through CDP's ServiceWorker.stopAllWorkers, as tests/e2e/faults does);
 * - matching time on the matching side per 1,000 page words: the page's article blocks (the first
 *   20,000 words) sent from an extension page as `matchBlocks` batches (closed as the content script closes them), round trip minus the
 *   round trip of an empty request (messaging alone), all kinds and, separately, people and
 *   organisations alone (entity matching: what compromise's people() on the same text in Node
 *   does, the like-for-like comparison; the all-kinds figure is judged against it too);
 * - card painted after the intent delay: markers in view hovered one after another (details from
 *   the store through the worker's getDetails), end of the delay → the paint of the frame that shows
 *   the card (the frame whose rendering was under way when its status turned ready, else the next);
 * - the service worker's JS heap (CDP Runtime.getHeapUsage on the worker target, after a forced GC,
 *   with the corpus's matcher built and the pages scanned).
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nlp from 'compromise';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { OPEN_DELAY_MS } from '../../src/page/card-triggers';
import { BATCH_MAX_BLOCKS, BATCH_MAX_CHARS } from '../../src/page/page-scan';
import { cachedCorpusFile } from './corpus-cache';
import { benchAdd, benchNewImport, type ImportRow } from './import-bench';
import { extensionTime, type CpuProfile } from './profile-time';
import { FLOOR_IN_PAGE, SCAN_TRACE_CATEGORIES, floorPassCpu, scanCpu, type TraceEvent } from './scan-trace';
import { median } from './stats';
import { launchWithExtension } from './launch';

/** One page size's figures at one corpus size. */
export interface StorePageRow {
  targetWords: number;
  /** FLOOR in this page: one pass per fresh load, extension off for the host, thread CPU (median of FLOOR_LOADS). */
  floorMs: number;
  /** The same passes' wall time (the figure of the sessions before; reported only). */
  floorWallMs?: number;
  /**
   * The content script's main-thread CPU time of one scan, per traced load (ms): scan-trace.ts
   * (thread time of its script, calls and microtasks, the style and layout they force included),
   * SCAN_TRACE_LOADS warm loads with the marker watch left out.
   */
  scanMainMs: number[];
  /** The figure of the sessions before: sampled wall time of CDP profiler samples with an extension frame, per warm load (ms; reported only). */
  scanSampledMs?: number[];
  /** The traced loads' split of scanMainMs (forced style, forced layout, gc, the rest), medians (ms). */
  scanParts?: Record<string, number>;
  /** Matches marked (default cap): the content script's findings count, markers held below the fold included (src/page/held-marks.ts). */
  markers: number;
  /** Of those, markers written into the page by the end of the load's measured window (the rest are held until the reader comes near them). */
  markersWritten?: number;
  /** Load event end → first marker inside the viewport, warm worker (ms). */
  firstInViewWarmMs: number[];
  /** The same with the worker stopped before the load (ms). */
  firstInViewColdMs: number[];
  /** Card opened on a marker: end of the intent delay → the frame showing the card painted, one per hover (ms). */
  cardMs: number[];
  /** The same to the paint of the frame after the one the card opened in (the figure before the fix; reported only). */
  cardNextFrameMs?: number[];
  /** Why this page's figures are missing or partial. */
  error?: string;
  /** Matching side: ms per 1,000 words of the article blocks (round trip minus an empty one), all kinds (names, quotes, claims). */
  matchMsPer1kWords: number;
  /** The same with people and organisations alone asked for: entity matching, like for like with compromise's people(). */
  namesMsPer1kWords: number;
  /** compromise people() on the same blocks' text in Node, ms per 1,000 words. */
  compromiseMsPer1kWords: number;
  articleWords: number;
}

/** One corpus size's row. */
export interface StoreRow {
  articles: number;
  ok: boolean;
  error?: string;
  corpusFileBytes?: number;
  /** Whether the corpus file was built in this run (else read from the cache in os.tmpdir). */
  builtNow?: boolean;
  installMs?: number;
  pages: StorePageRow[];
  /** Service worker JS heap after a forced GC (used / total), bytes. */
  workerHeapUsedBytes?: number;
  workerHeapTotalBytes?: number;
}

/** Options of the store rows. */
export interface StoreBenchOptions {
  /** A Chrome build of the extension. */
  extDir: string;
  chromiumBin: string;
  /** Origin serving the bench pages. */
  origin: string;
  pages: { path: string; targetWords: number }[];
  articles: number[];
  /** Loads per page and corpus size (warm and cold each). */
  rounds: number;
  /** Imports through the Corpora page into new corpora (issue 12), after the rows. */
  imports: number[];
  /** Articles added to the corpus of `into` articles while its row is installed (issue 12). */
  add: { into: number; articles: number } | null;
  /** A folder for the import files. */
  tmp: string;
  log: (line: string) => void;
}

/** Words of a page's article the matching-side timing sends (see where it is used). */
const MATCH_SAMPLE_WORDS = 20_000;
/** Longest wait for one scan to report done (a 200,000-word page on a busy machine). */
const SCAN_TIMEOUT_MS = 240_000;
/** CPU profiler sampling interval (µs): fine enough for scans of tens of ms. */
const PROFILE_INTERVAL_US = 250;
/** After a traced scan reports done, time for its last markers' write before the trace stops (ms). */
const TRACE_TAIL_MS = 150;

/** In a load's address: the marker watch below stays out of the page (scan-trace.ts counts every microtask on the thread). */
const NO_WATCH_PARAM = 'cl-no-watch';
/**
 * Warm loads per page and corpus size whose scan is traced for the scan row (median). On this
 * 2-core machine at load 14-18 (5 articles), two runs of one build gave 24.5 and 23.9 ms at 20,000
 * words, 37.2 and 33.4 ms at 200,000, where the sampled figure of the same runs gave 68.5 and
 * 90.4, 111 and 94; a run made while another browser benchmark ran beside it read 28 % higher.
 */
const SCAN_TRACE_LOADS = 7;

// Main world, from the first moment of every document: when each marker was added (page-ab.ts uses it too).
export const MARK_WATCH = `(() => {
  // Traced loads (the scan row) run without it: its callbacks would be microtasks on the page's thread.
  if (location.search.includes('${NO_WATCH_PARAM}')) return;
  const seen = [];
  window.__clMarks = seen;
  new MutationObserver((records) => {
    const t = performance.now();
    for (const r of records) for (const n of r.addedNodes) if (n.nodeName === 'COVERAGE-LENS-MARK') seen.push([t, n]);
  }).observe(document, { childList: true, subtree: true });
  // Card timing: pointer over a marker, then the card host's status turning ready, then the paint
  // of the frame that shows it. From a pointer over a marker until the card is painted, a frame
  // callback of ours runs first in every frame (registered a frame ahead, so before the content
  // script's), marks the frame's rendering under way and posts a message, which runs after that
  // frame's paint. A change seen while a frame is rendering (the card opens inside an animation
  // frame) is painted in that frame; one seen in a task between frames, in the next.
  const card = { over: [], painted: [], paintedNextFrame: [] };
  window.__clCard = card;
  let rendering = false;
  let watching = false;
  const frame = () => {
    if (!watching) return;
    rendering = true;
    const c = new MessageChannel();
    c.port1.onmessage = () => (rendering = false);
    c.port2.postMessage(null);
    requestAnimationFrame(frame);
  };
  const afterPaint = (list) => {
    const c = new MessageChannel();
    c.port1.onmessage = () => list.push(performance.now());
    c.port2.postMessage(null);
  };
  addEventListener('pointerover', (e) => {
    if (!(e.target instanceof Element && e.target.closest('coverage-lens-mark'))) return;
    card.over.push(performance.now());
    if (!watching) {
      watching = true;
      requestAnimationFrame(frame);
    }
  }, true);
  new MutationObserver((records) => {
    for (const r of records) {
      // The host is either inserted with its status set or has its status changed.
      const hosts = r.type === 'attributes' ? [r.target] : [...r.addedNodes];
      if (!hosts.some((h) => h.nodeName === 'COVERAGE-LENS-CARD' && h.getAttribute('data-cl-status') === 'ready')) continue;
      if (rendering) afterPaint(card.painted);
      else requestAnimationFrame(() => afterPaint(card.painted));
      // The former figure: always the frame after the change (one frame late when the change was made while a frame rendered).
      requestAnimationFrame(() => afterPaint(card.paintedNextFrame));
      watching = false;
      rendering = false;
    }
  }).observe(document, { attributes: true, attributeFilter: ['data-cl-status'], childList: true, subtree: true });
})();`;

/** Runs in the page: load end → first marker inside the viewport, and the count of markers written into the page. */
export function firstInView(): { firstMs: number | null; markers: number } {
  const marks = (window as unknown as { __clMarks: [number, Element][] }).__clMarks ?? [];
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  const loadEnd = nav?.loadEventEnd ?? 0;
  const h = window.innerHeight;
  let first: number | null = null;
  for (const [t, el] of marks) {
    if (!el.isConnected) continue;
    const r = el.getBoundingClientRect();
    if (r.bottom > 0 && r.top < h && (first === null || t < first)) first = t;
  }
  return { firstMs: first === null ? null : first - loadEnd, markers: document.querySelectorAll('coverage-lens-mark[data-cl-first]').length };
}

/** Cards are opened on the smaller pages only (what a card costs does not depend on the page's length). */
const CARD_PAGE_MAX_WORDS = 20_000;
/** Markers hovered per page and corpus size (the first hover also loads the card UI script). */
const CARD_HOVERS = 6;

/**
 * Hovers CARD_HOVERS markers in view, one after another, and returns per hover the time from the end
 * of the intent delay (pointer over + OPEN_DELAY_MS) to the card painted with its details ready.
 */
async function hoverCards(tab: Page): Promise<{ ms: number[]; nextFrameMs: number[] }> {
  const targets = await tab.evaluate((n: number) => {
    const h = window.innerHeight;
    return [...document.querySelectorAll('coverage-lens-mark[data-cl-first]')]
      // The first line box (a marker that wraps has a bounding box wider than its text).
      .map((m) => m.getClientRects()[0])
      .filter((r) => r !== undefined)
      .filter((r) => r.top > 40 && r.bottom < h - 40 && r.width > 4)
      .slice(0, n)
      .map((r) => ({ x: r.left + Math.min(r.width / 2, 10), y: r.top + r.height / 2 }));
  }, CARD_HOVERS);
  const out: number[] = [];
  const nextFrame: number[] = [];
  for (const t of targets) {
    await tab.mouse.move(5, 5);
    await tab.keyboard.press('Escape');
    await tab.waitForFunction(() => document.querySelector('coverage-lens-card')?.getAttribute('data-cl-state') !== 'open', undefined, { timeout: 10_000 }).catch(() => undefined);
    const before = await tab.evaluate(() => (window as unknown as { __clCard: { painted: number[] } }).__clCard.painted.length);
    await tab.evaluate(() => {
      const c = (window as unknown as { __clCard: { over: number[] } }).__clCard;
      c.over.length = 0;
    });
    await tab.mouse.move(t.x, t.y);
    try {
      await tab.waitForFunction(
        (n: number) => {
          const c = (window as unknown as { __clCard: { painted: number[]; paintedNextFrame: number[] } }).__clCard;
          return c.painted.length > n && c.paintedNextFrame.length > n;
        },
        before,
        { timeout: 20_000 },
      );
    } catch {
      const state = await tab.evaluate(() => {
        const host = document.querySelector('coverage-lens-card');
        const c = (window as unknown as { __clCard: { over: number[]; painted: number[] } }).__clCard;
        return `card ${host ? [...host.attributes].map((a) => `${a.name}=${a.value}`).join(' ') : 'absent'}; pointer-overs ${c.over.length}, painted ${c.painted.length}`;
      });
      throw new Error(`no card painted after hovering a marker at ${Math.round(t.x)},${Math.round(t.y)}: ${state}`);
    }
    const ms = await tab.evaluate((delay: number) => {
      const c = (window as unknown as { __clCard: { over: number[]; painted: number[]; paintedNextFrame: number[] } }).__clCard;
      return [c.painted[c.painted.length - 1] - (c.over[0] + delay), c.paintedNextFrame[c.paintedNextFrame.length - 1] - (c.over[0] + delay)];
    }, OPEN_DELAY_MS);
    out.push(ms[0]);
    nextFrame.push(ms[1]);
  }
  await tab.mouse.move(5, 5);
  return { ms: out, nextFrameMs: nextFrame };
}

/**
 * FLOOR loads per page: each a fresh document, so the median is of cold first passes (repeated
 * passes over one document run hot, in a quarter of the time or less, and made FLOOR look smaller
 * than the page rows' FLOOR on a freshly restored copy).
 */
const FLOOR_LOADS = 5;

/**
 * FLOOR on the page at `url`: FLOOR_LOADS fresh loads in `tab` with the extension switched off for
 * the page's host (so the content script neither scans nor marks while the pass runs), median of
 * the pass's thread CPU time (the trace's FunctionCall of clFloorPass: the same clock as the scan
 * row's, which a loaded machine does not inflate as it does wall time), and of its wall time.
 */
async function freshFloor(tab: Page, cdp: CDPSession, helper: Page, url: string, loads: () => number): Promise<{ cpuMs: number; wallMs: number }> {
  const host = new URL(url).hostname;
  await request(helper, 'setSiteEnabled', { host, enabled: false });
  try {
    const cpu: number[] = [];
    const wall: number[] = [];
    for (let k = 0; k < FLOOR_LOADS; k++) {
      await tab.goto(`${url}?floor=${loads()}&${NO_WATCH_PARAM}`, { waitUntil: 'load', timeout: 120_000 });
      const events: TraceEvent[] = [];
      const listener = (e: { value: unknown[] }) => void events.push(...(e.value as TraceEvent[]));
      cdp.on('Tracing.dataCollected', listener);
      const complete = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
      await cdp.send('Tracing.start', { traceConfig: { includedCategories: SCAN_TRACE_CATEGORIES }, transferMode: 'ReportEvents' } as never);
      wall.push((await tab.evaluate(FLOOR_IN_PAGE)) as number);
      await cdp.send('Tracing.end');
      await complete;
      cdp.off('Tracing.dataCollected', listener);
      const passMs = floorPassCpu(events);
      if (passMs !== undefined) cpu.push(passMs);
    }
    if (cpu.length === 0) throw new Error('FLOOR: no clFloorPass call in the traces');
    return { cpuMs: median(cpu), wallMs: median(wall) };
  } finally {
    await request(helper, 'setSiteEnabled', { host, enabled: true });
  }
}

/** Runs in the page: the article blocks' text as the content script reads paragraphs (p, li, headings, blockquote). */
function articleBlocks(): string[] {
  return [...document.querySelectorAll('article p, article li, article h2, article h3, article blockquote')]
    .map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim())
    .filter((t) => t.length > 0);
}

/** Runs in an extension page: one protocol request. */
async function send(message: { type: string; payload: unknown }): Promise<{ ok: boolean; value?: unknown; error?: string }> {
  const g = globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } };
  return (await g.chrome.runtime.sendMessage(message)) as { ok: boolean; value?: unknown; error?: string };
}

async function request<T>(helper: Page, type: string, payload: unknown): Promise<T> {
  const reply = await helper.evaluate(send, { type, payload });
  if (!reply.ok) throw new Error(`${type}: ${reply.error}`);
  return reply.value as T;
}

/** Serves one file with CORS, so the extension page can fetch a corpus too large for an evaluate argument. */
async function serveFile(path: string): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
    res.end(readFileSync(path));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/corpus.json`, server };
}

/** A CDP session on the service worker target (non-flat: playwright's sessions cannot address a worker). */
async function workerCall(context: BrowserContext, method: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const browser = context.browser();
  if (!browser) throw new Error('no browser for a CDP session');
  const s = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = (await s.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
    const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
    if (!target) throw new Error('the service worker is not running');
    const { sessionId } = (await s.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as { sessionId: string };
    let id = 0;
    const call = (m: string, p: Record<string, unknown>) =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        const mine = ++id;
        const onMessage = (e: { sessionId: string; message: string }) => {
          const msg = JSON.parse(e.message) as { id?: number; result?: Record<string, unknown>; error?: { message: string } };
          if (e.sessionId !== sessionId || msg.id !== mine) return;
          s.off('Target.receivedMessageFromTarget' as never, onMessage as never);
          if (msg.error) reject(new Error(`${m}: ${msg.error.message}`));
          else resolve(msg.result ?? {});
        };
        s.on('Target.receivedMessageFromTarget' as never, onMessage as never);
        void s.send('Target.sendMessageToTarget' as never, { sessionId, message: JSON.stringify({ id: mine, method: m, params: p }) } as never);
      });
    if (method === 'Runtime.getHeapUsage') await call('HeapProfiler.collectGarbage', {});
    return await call(method, params);
  } finally {
    await s.detach().catch(() => undefined);
  }
}

/** Stops the service worker (CDP ServiceWorker.stopAllWorkers) and waits until it reports stopped. */
async function stopWorker(cdp: CDPSession, status: () => string): Promise<void> {
  await cdp.send('ServiceWorker.stopAllWorkers');
  const deadline = Date.now() + 10_000;
  while (status() !== 'stopped' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  if (status() !== 'stopped') throw new Error(`the service worker did not stop (status ${status()})`);
}

/** compromise's people() over the blocks, ms per 1,000 words (median of `rounds`). */
function compromisePer1k(blocks: string[], rounds: number): number {
  const text = blocks.join('\n\n');
  const words = text.match(/\S+/g)?.length ?? 1;
  nlp(blocks.slice(0, 20).join('\n\n')).people().out('array');
  const runs: number[] = [];
  for (let k = 0; k < rounds; k++) {
    const t0 = performance.now();
    nlp(text).people().out('array');
    runs.push(performance.now() - t0);
  }
  return (median(runs) / words) * 1000;
}

/** Runs the store rows for every corpus size, in one browser with the extension loaded. */
export async function runStoreBench(options: StoreBenchOptions): Promise<{ rows: StoreRow[]; imports: ImportRow[] }> {
  const { log } = options;
  const profile = await mkdtemp(join(tmpdir(), 'cl-bench-store-'));
  const context = await launchWithExtension(profile, options.extDir, options.chromiumBin);
  const rows: StoreRow[] = [];
  const imports: ImportRow[] = [];
  const compromiseCache = new Map<number, number>();
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
    const base = `chrome-extension://${new URL(worker.url()).host}/`;
    await context.addInitScript(MARK_WATCH);
    const helper = await context.newPage();
    await helper.goto(`${base}src/ui/popup/index.html`);
    const cdp = await context.newCDPSession(helper);
    let status = 'unknown';
    cdp.on('ServiceWorker.workerVersionUpdated', (e: { versions: { scriptURL: string; runningStatus: string }[] }) => {
      const mine = e.versions.filter((v) => v.scriptURL.startsWith(base));
      if (mine.length) status = mine[mine.length - 1].runningStatus;
    });
    await cdp.send('ServiceWorker.enable');
    const storeChunk = (await import('node:fs')).readdirSync(join(options.extDir, 'assets')).find((f) => /^corpus-store-.*\.js$/.test(f));
    if (!storeChunk) throw new Error('the extension build has no corpus-store chunk');

    for (const articles of options.articles) {
      const row: StoreRow = { articles, ok: false, pages: [] };
      rows.push(row);
      let served: { url: string; server: Server } | null = null;
      let installedId: string | null = null;
      try {
        const file = await cachedCorpusFile(articles, log);
        row.builtNow = file.built;
        row.corpusFileBytes = (await import('node:fs')).statSync(file.path).size;
        served = await serveFile(file.path);
        log(`  ${articles} articles: installing (${(row.corpusFileBytes / 2 ** 20).toFixed(1)} MB corpus file)…`);
        // Over 64 MiB a corpus file cannot travel in one extension message, so the extension page
        // installs it with the store's own code (the chunk the background's installCorpus runs),
        // streamed: the response's bytes go to installFile piece by piece, record by record (a
        // 20,000-article file, ~600 MB, is never one string nor one parsed value).
        const install = `(async () => {
          try {
            const response = await fetch(${JSON.stringify(served.url)});
            if (!response.ok || !response.body) throw new Error('corpus file: HTTP ' + response.status);
            const module = await import(${JSON.stringify(`/assets/${storeChunk}`)});
            const Store = Object.values(module).find((v) => typeof v === 'function' && typeof v.open === 'function' && 'installFile' in v.prototype);
            const store = await Store.open();
            const reader = response.body.getReader();
            const pieces = (async function* () {
              for (;;) {
                const { done, value } = await reader.read();
                if (done) return;
                yield value;
              }
            })();
            const started = performance.now();
            const value = await store.installFile(pieces, 'bench-${articles}.json', { name: 'Bench ${articles}', origin: 'imported' });
            const ms = performance.now() - started;
            store.close();
            return { ok: true, value, ms };
          } catch (error) {
            return { ok: false, error: String(error) };
          }
        })()`;
        const installed = (await helper.evaluate(install)) as { ok: boolean; value?: { id: string }; ms?: number; error?: string };
        if (!installed.ok || !installed.value) throw new Error(`install: ${installed.error}`);
        installedId = installed.value.id;
        row.installMs = installed.ms;
        // Only this corpus is active: the row measures its size alone.
        for (const c of await request<{ id: string; active: boolean }[]>(helper, 'listCorpora', {})) {
          if (c.id !== installedId && c.active) await request(helper, 'setCorpusActive', { id: c.id, active: false });
        }

        for (const target of options.pages) {
          const url = `${options.origin}/${target.path}`;
          const pageRow: StorePageRow = { targetWords: target.targetWords, floorMs: Number.NaN, scanMainMs: [], scanSampledMs: [], markers: 0, firstInViewWarmMs: [], firstInViewColdMs: [], cardMs: [], matchMsPer1kWords: Number.NaN, namesMsPer1kWords: Number.NaN, compromiseMsPer1kWords: Number.NaN, articleWords: 0 };
          row.pages.push(pageRow);
          const tab = await context.newPage();
          try {
            const tabCdp = await context.newCDPSession(tab);
            await tabCdp.send('Profiler.enable');
            await tabCdp.send('Profiler.setSamplingInterval', { interval: PROFILE_INTERVAL_US });
            const tabId = async (at: string): Promise<number> => {
              const tabs = await helper.evaluate(async (u: string) => {
                const g = globalThis as unknown as { chrome: { tabs: { query(q: unknown): Promise<{ id: number; url: string }[]> } } };
                return (await g.chrome.tabs.query({})).filter((t) => t.url === u).map((t) => t.id);
              }, at);
              if (tabs.length !== 1) throw new Error(`${tabs.length} tabs at ${at}`);
              return tabs[0];
            };
            // Each load has an address of its own, so a report of the previous load is never taken for this one's.
            let loads = 0;
            const waitDone = async (id: number, at: string): Promise<number> => {
              const deadline = Date.now() + SCAN_TIMEOUT_MS;
              for (;;) {
                const f = await request<{ url: string; status: string; markers: number } | null>(helper, 'getFindings', { tabId: id });
                if (f && f.url === at && f.status === 'done') return f.markers;
                if (f && f.status === 'error') throw new Error(`scan failed on ${target.path}`);
                if (Date.now() > deadline) throw new Error(`no scan done on ${target.path} within ${SCAN_TIMEOUT_MS / 1000} s (status ${f?.status ?? 'none'})`);
                await new Promise((r) => setTimeout(r, 50));
              }
            };
            // A traced load waits for its report the same way without asking the tab: getFindings
            // asks the content script for its list (a tab message every 50 ms, each building the list
            // on the page's thread, in the figure), so the report stored by the background
            // (storage.session, findings.ts) is read instead.
            const waitReported = async (tabIdOf: number, at: string): Promise<number> => {
              const deadline = Date.now() + SCAN_TIMEOUT_MS;
              for (;;) {
                const f = await helper.evaluate(async (key: string) => {
                  const g = globalThis as unknown as { chrome: { storage: { session: { get(k: string): Promise<Record<string, unknown>> } } } };
                  return ((await g.chrome.storage.session.get(key))[key] ?? null) as { url: string; status: string; markers: number } | null;
                }, `findings:${tabIdOf}`);
                if (f && f.url === at && f.status === 'done') return f.markers;
                if (f && f.url === at && f.status === 'error') throw new Error(`scan failed on ${target.path}`);
                if (Date.now() > deadline) throw new Error(`no scan done on ${target.path} within ${SCAN_TIMEOUT_MS / 1000} s (status ${f?.status ?? 'none'})`);
                await new Promise((r) => setTimeout(r, 50));
              }
            };
            // One load to warm everything (worker, matcher, page cache), not measured.
            const warmUrl = `${url}?load=${loads++}`;
            await tab.goto(warmUrl, { waitUntil: 'load', timeout: 120_000 });
            const id = await tabId(warmUrl);
            await waitDone(id, warmUrl);
            for (let round = 0; round < options.rounds; round++) {
              for (const cold of [false, true]) {
                if (cold) await stopWorker(cdp, () => status);
                const at = `${url}?load=${loads++}`;
                await tabCdp.send('Profiler.start');
                await tab.goto(at, { waitUntil: 'load', timeout: 120_000 });
                const found = await waitDone(id, at);
                // Let the last markers be written (the report can come a frame before them).
                await tab.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
                const { profile: prof } = (await tabCdp.send('Profiler.stop')) as { profile: CpuProfile };
                const seen = await tab.evaluate(firstInView);
                pageRow.markers = found;
                pageRow.markersWritten = seen.markers;
                (cold ? pageRow.firstInViewColdMs : pageRow.firstInViewWarmMs).push(seen.firstMs ?? Number.NaN);
                if (!cold) pageRow.scanSampledMs!.push(extensionTime(prof));
              }
            }
            if (target.targetWords <= CARD_PAGE_MAX_WORDS) {
              const cards = await hoverCards(tab);
              pageRow.cardMs = cards.ms;
              pageRow.cardNextFrameMs = cards.nextFrameMs;
              log(`    ${target.targetWords / 1000}k words: cards ${cards.ms.map((c) => c.toFixed(1)).join('/')} ms (to the next frame's paint: ${cards.nextFrameMs.map((c) => c.toFixed(1)).join('/')} ms)`);
            }
            // The scan row: warm loads traced (thread CPU), without the marker watch.
            const parts: Record<string, number[]> = {};
            for (let k = 0; k < SCAN_TRACE_LOADS; k++) {
              const at = `${url}?load=${loads++}&${NO_WATCH_PARAM}`;
              const events: TraceEvent[] = [];
              const listener = (e: { value: unknown[] }) => void events.push(...(e.value as TraceEvent[]));
              tabCdp.on('Tracing.dataCollected', listener);
              const complete = new Promise<void>((r) => tabCdp.once('Tracing.tracingComplete', () => r()));
              await tabCdp.send('Tracing.start', { traceConfig: { includedCategories: SCAN_TRACE_CATEGORIES }, transferMode: 'ReportEvents' } as never);
              await tab.goto(at, { waitUntil: 'load', timeout: 120_000 });
              await waitReported(id, at);
              // The last markers' write (the report can come a frame before it), waited for from
              // here: nothing of ours may run in the page while it is traced.
              await new Promise((r) => setTimeout(r, TRACE_TAIL_MS));
              await tabCdp.send('Tracing.end');
              await complete;
              tabCdp.off('Tracing.dataCollected', listener);
              const cpu = scanCpu(events);
              pageRow.scanMainMs.push(cpu.totalMs);
              for (const [part, ms] of Object.entries(cpu.parts)) (parts[part] ??= []).push(ms);
            }
            pageRow.scanParts = Object.fromEntries(Object.entries(parts).map(([part, ms]) => [part, median(ms)]));
            const floor = await freshFloor(tab, tabCdp, helper, url, () => loads++);
            pageRow.floorMs = floor.cpuMs;
            pageRow.floorWallMs = floor.wallMs;
            // Matching side alone: the article's blocks in the content script's batch size, the
            // first MATCH_SAMPLE_WORDS words of them (a large corpus matches slowly enough that the
            // whole 200k page three times over would take many minutes).
            const blocks: string[] = [];
            let sampled = 0;
            for (const b of await tab.evaluate(articleBlocks)) {
              if (sampled >= MATCH_SAMPLE_WORDS) break;
              blocks.push(b);
              sampled += b.match(/\S+/g)?.length ?? 0;
            }
            const words = blocks.join(' ').match(/\S+/g)?.length ?? 0;
            pageRow.articleWords = words;
            // A string, evaluated as is (a function would be rewritten by the TypeScript loader with helpers the page lacks).
            const timing = (await helper.evaluate(`(async () => {
              const blocks = ${JSON.stringify(blocks)};
              const all = { person: true, organisation: true, claim: true, quote: true };
              const names = { person: true, organisation: true };
              // The matching side's own time (the reply's matchMs, asked with timing), and the round trip.
              async function once(list, kinds) {
                const t0 = performance.now();
                const reply = await chrome.runtime.sendMessage({ type: 'matchBlocks', payload: { blocks: list, kinds, page: 'https://bench.invalid/', timing: true } });
                if (!reply.ok) throw new Error(reply.error);
                return { trip: performance.now() - t0, side: reply.value.matchMs };
              }
              const empties = [];
              for (let k = 0; k < 21; k++) empties.push((await once([], all)).trip);
              empties.sort((a, b) => a - b);
              const empty = empties[10];
              // All kinds and names alone alternate pass by pass, so both see the same machine load.
              const passes = { all: [], names: [] };
              const trips = { all: [], names: [] };
              for (let pass = 0; pass < 3; pass++) {
                for (const [name, kinds] of [['all', all], ['names', names]]) {
                  let total = 0;
                  let trip = 0;
                  // Batches as the content script closes them: at BATCH_MAX_BLOCKS blocks or BATCH_MAX_CHARS characters.
                  for (let i = 0; i < blocks.length; ) {
                    let j = i;
                    let chars = 0;
                    while (j < blocks.length && j - i < ${BATCH_MAX_BLOCKS} && chars < ${BATCH_MAX_CHARS}) chars += blocks[j++].length;
                    const t = await once(blocks.slice(i, j), kinds);
                    total += t.side;
                    trip += Math.max(0, t.trip - empty);
                    i = j;
                  }
                  passes[name].push(total);
                  trips[name].push(trip);
                }
              }
              for (const list of [passes.all, passes.names, trips.all, trips.names]) list.sort((a, b) => a - b);
              return { ms: passes.all[1], namesMs: passes.names[1], empty, tripMs: trips.all[1], namesTripMs: trips.names[1] };
            })()`)) as { ms: number; namesMs: number; empty: number; tripMs: number; namesTripMs: number };
            pageRow.matchMsPer1kWords = (timing.ms / Math.max(1, words)) * 1000;
            pageRow.namesMsPer1kWords = (timing.namesMs / Math.max(1, words)) * 1000;
            if (!compromiseCache.has(target.targetWords)) compromiseCache.set(target.targetWords, compromisePer1k(blocks, target.targetWords >= 200_000 ? 1 : 3));
            pageRow.compromiseMsPer1kWords = compromiseCache.get(target.targetWords)!;
            log(`    ${target.targetWords / 1000}k words: scan main thread ${median(pageRow.scanMainMs).toFixed(1)} ms CPU (${pageRow.scanMainMs.map((x) => x.toFixed(1)).join(' ')}; ${Object.entries(pageRow.scanParts ?? {}).map(([p, ms]) => `${p} ${ms.toFixed(1)}`).join(', ')}; sampled wall ${median(pageRow.scanSampledMs ?? []).toFixed(1)}) (FLOOR ${pageRow.floorMs.toFixed(2)} ms CPU, ${pageRow.floorWallMs?.toFixed(2)} wall), first in view warm ${median(pageRow.firstInViewWarmMs).toFixed(0)} / cold ${median(pageRow.firstInViewColdMs).toFixed(0)} ms, ${pageRow.markers} markers (${pageRow.markersWritten ?? '?'} written, the rest held below the fold), matching ${pageRow.matchMsPer1kWords.toFixed(2)} ms/1k words all kinds, ${pageRow.namesMsPer1kWords.toFixed(3)} names only, on the matching side (round trip less an empty request's: ${((timing.tripMs / Math.max(1, words)) * 1000).toFixed(2)} all kinds, ${((timing.namesTripMs / Math.max(1, words)) * 1000).toFixed(3)} names; an empty request ${timing.empty.toFixed(1)} ms)`);
          } catch (error) {
            // One page that cannot be scanned in time leaves the other rows of this size measured.
            pageRow.error = error instanceof Error ? error.message.split('\n')[0] : String(error);
            log(`    ${target.targetWords / 1000}k words: ${pageRow.error}`);
          } finally {
            await tab.close().catch(() => undefined);
          }
        }
        const heap = await workerCall(context, 'Runtime.getHeapUsage');
        row.workerHeapUsedBytes = heap.usedSize as number;
        row.workerHeapTotalBytes = heap.totalSize as number;
        log(`    worker heap ${(row.workerHeapUsedBytes / 2 ** 20).toFixed(1)} MB used / ${(row.workerHeapTotalBytes / 2 ** 20).toFixed(1)} MB total`);
        row.ok = true;
        // The corpus added to is as a reader has it: an install from a corpus file keeps each
        // article's tokens as an import does (corpus-store.ts keptTokensOf), so the add segments none.
        if (options.add && options.add.into === articles) imports.push(...(await benchAdd(context, base, options.tmp, installedId, articles, options.add.articles, log)));
      } catch (error) {
        row.error = error instanceof Error ? error.message : String(error);
        log(`  ${articles} articles: ${row.error}`);
      } finally {
        if (installedId) await request(helper, 'deleteCorpus', { id: installedId }).catch(() => undefined);
        if (served) await new Promise((done) => served!.server.close(done));
      }
    }
    for (const n of options.imports) {
      imports.push(await benchNewImport(context, base, options.tmp, n, log));
      // The imported corpus goes, so the next import starts from the same store.
      for (const c of await request<{ id: string; name: string }[]>(helper, 'listCorpora', {})) {
        if (c.name === `Bench import ${n}`) await request(helper, 'deleteCorpus', { id: c.id }).catch(() => undefined);
      }
    }
    if (options.add && !options.articles.includes(options.add.into)) {
      for (const round of ['first', 'second'] as const) imports.push({ kind: 'add', round, articles: options.add.articles, into: options.add.into, ok: false, ms: Number.NaN, error: `no ${options.add.into}-article row in this run (--articles)` });
    }
  } finally {
    await context.close().catch(() => undefined);
    await rm(profile, { recursive: true, force: true });
  }
  return { rows, imports };
}
