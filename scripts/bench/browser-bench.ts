/**
 * The in-browser part of the bench: Debian's headless Chromium via playwright-core, one tab per page
 * size, and per round the measurements FLOOR, OURS (phased), BASELINE, OURS-live (the real scheduler,
 * no marker cap) and OURS-live with the default cap, in an order that rotates from round to round,
 * each on a freshly restored DOM.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { OFFLINE_HEADLESS_ARGS } from '../lib/chromium';

/** One OURS run in one task, in phases (see ours-entry.ts `sync`). */
export interface SyncRun {
  readMs: number;
  scanMs: number;
  markMs: number;
  totalMs: number;
  blocks: number;
  markers: number;
  kinds: Record<string, number>;
}

/** One OURS run with the real scheduler (see ours-entry.ts `live`). */
export interface LiveRun {
  totalMs: number;
  markers: number;
  firstMarkMs: number | null;
  firstInViewportMs: number | null;
  longestTaskMs: number;
  longTasks: number;
  longestFrameMs: number;
  longFrames: number;
  longestRafGapMs: number;
  /** Where the longest animation frame's time went. */
  longestFrameParts: { durationMs: number; scriptMs: number; forcedStyleLayoutMs: number; renderMs: number; scripts: { invoker: string; ms: number; forcedMs: number }[] } | null;
  heapAddedBytes: number;
}

/** Everything measured on one page size. Arrays hold the measured rounds (warm-up excluded). */
export interface PageSizeResult {
  targetWords: number;
  articleWords: number;
  pageWords: number;
  htmlBytes: number;
  baselineTextWords: number;
  initMs: number;
  /** JS heap the content-script code, matcher data and compiled matcher add before any scan. */
  initHeapBytes: number;
  floor: { ms: number; nodes: number; chars: number }[];
  ours: SyncRun[];
  baseline: { ms: number; people: number }[];
  live: LiveRun[];
  /** The same with the reader's default marker cap (settings), what a reader gets out of the box. */
  liveDefault: LiveRun[];
  /** Read-only parts of OURS (article root, text map), measured right after each FLOOR. */
  parts: { rootMs: number; mapMs: number; mapNoVisibilityMs: number; blocks: number }[];
}

/** A page to measure: its URL path and generator figures. */
export interface BenchPage {
  path: string;
  targetWords: number;
  articleWords: number;
  pageWords: number;
  htmlBytes: number;
}

/** Options of the browser bench. */
export interface BrowserBenchOptions {
  origin: string;
  pages: BenchPage[];
  rounds: number;
  warmup: number;
  chromiumBin: string;
  log: (line: string) => void;
}

type Step = 'floor' | 'ours' | 'baseline' | 'live' | 'liveDefault';
const STEPS: Step[] = ['floor', 'ours', 'baseline', 'live', 'liveDefault'];

// Collects long tasks and long animation frames from the first moment of every document.
const PERF_INIT = `(() => {
  const perf = { tasks: [], frames: [], observers: [] };
  window.__clPerf = perf;
  for (const type of ['longtask', 'long-animation-frame']) {
    try {
      const o = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) (type === 'longtask' ? perf.tasks : perf.frames).push(e);
      });
      o.observe({ type, buffered: true });
      perf.observers.push(o);
    } catch {}
  }
})();`;

/** Launches Chromium with precise memory figures and a callable gc(). */
export async function launchBenchBrowser(chromiumBin: string): Promise<{ browser: Browser; close(): Promise<void> }> {
  // playwright-core gives the browser its own temporary profile and removes it on close.
  const browser = await chromium.launch({
    executablePath: chromiumBin,
    headless: false,
    args: [
      ...OFFLINE_HEADLESS_ARGS,
      '--disable-extensions',
      '--enable-precise-memory-info',
      '--js-flags=--expose-gc',
    ],
  });
  return {
    browser,
    close: async () => {
      await browser.close().catch(() => undefined);
    },
  };
}

async function runStep(page: Page, step: Step): Promise<unknown> {
  await page.evaluate(() => window.__clHarness!.restore());
  // Each measured step starts in a task of its own, after restore's GC.
  switch (step) {
    case 'floor':
      return page.evaluate(() => ({ ...window.__clHarness!.floor(), parts: window.__clOurs!.parts() }));
    case 'ours':
      return page.evaluate(() => window.__clOurs!.sync());
    case 'baseline':
      return page.evaluate(() => window.__clHarness!.baseline((window as unknown as { __clText: string }).__clText));
    case 'live':
      return page.evaluate(() => window.__clOurs!.live());
    case 'liveDefault':
      return page.evaluate(() => window.__clOurs!.live(window.__clOurs!.defaultMaxMarkers));
  }
}

/** Loads one page, injects the bundles and runs the interleaved rounds. */
async function measurePage(browser: Browser, options: BrowserBenchOptions, target: BenchPage): Promise<PageSizeResult> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    await context.addInitScript(PERF_INIT);
    const page = await context.newPage();
    page.on('pageerror', (error) => options.log(`  page error: ${error.message}`));
    await page.goto(`${options.origin}/${target.path}`, { waitUntil: 'load' });
    const heapBefore = await page.evaluate(() => {
      window.__clPristine = document.body.cloneNode(true) as HTMLElement;
      window.gc?.();
      return (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize;
    });
    await page.addScriptTag({ url: `${options.origin}/ours.js` });
    const init = await page.evaluate(() => {
      window.gc?.();
      return { ms: window.__clOurs!.initMs, error: window.__clOurs!.initError, heap: (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize };
    });
    await page.addScriptTag({ url: `${options.origin}/harness.js` });
    const baselineTextWords = await page.evaluate(() => {
      const text = window.__clOurs!.articleText();
      (window as unknown as { __clText: string }).__clText = text;
      return text.match(/\S+/g)?.length ?? 0;
    });
    if (init.error) options.log(`  matcher could not be created (${init.error}): measuring with a matcher that finds nothing`);
    const result: PageSizeResult = {
      ...target,
      baselineTextWords,
      initMs: init.ms,
      initHeapBytes: init.heap - heapBefore,
      floor: [],
      ours: [],
      baseline: [],
      live: [],
      liveDefault: [],
      parts: [],
    };
    const total = options.warmup + options.rounds;
    for (let round = 0; round < total; round++) {
      const isWarmup = round < options.warmup;
      const order = STEPS.map((_, i) => STEPS[(i + round) % STEPS.length]);
      const t0 = performance.now();
      for (const step of order) {
        // compromise on the biggest page takes seconds; its JIT is warm enough after one measured round.
        if (isWarmup && step === 'baseline' && target.targetWords >= 200_000) continue;
        const value = await runStep(page, step);
        if (isWarmup) continue;
        if (step === 'floor') {
          const { parts, ...floor } = value as PageSizeResult['floor'][number] & { parts: PageSizeResult['parts'][number] };
          result.floor.push(floor);
          result.parts.push(parts);
        }
        else if (step === 'ours') result.ours.push(value as SyncRun);
        else if (step === 'baseline') result.baseline.push(value as PageSizeResult['baseline'][number]);
        else if (step === 'live') result.live.push(value as LiveRun);
        else result.liveDefault.push(value as LiveRun);
      }
      options.log(`  ${target.targetWords} words, round ${isWarmup ? 'warm-up' : round - options.warmup + 1}/${options.rounds} (${order.join(', ')}): ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
    await page.close();
    return result;
  } finally {
    await context.close().catch(() => undefined);
  }
}

/** Runs the page bench for every page size. */
export async function runBrowserBench(browser: Browser, options: BrowserBenchOptions): Promise<PageSizeResult[]> {
  const out: PageSizeResult[] = [];
  for (const target of options.pages) out.push(await measurePage(browser, options, target));
  return out;
}

/** Takes a screenshot of a page after the live scan has placed its markers (to look at, not to measure). */
export async function screenshotMarkedPage(browser: Browser, origin: string, path: string, file: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/${path}`, { waitUntil: 'load' });
    await page.addScriptTag({ url: `${origin}/ours.js` });
    const markers = await page.evaluate(() => window.__clOurs!.markAndKeep());
    await page.screenshot({ path: file });
    return markers;
  } finally {
    await context.close().catch(() => undefined);
  }
}
