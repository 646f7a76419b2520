/**
 * Two Chrome builds of the extension compared on the bench's store page (a tool, not part of
 * `npm run bench`): a browser for each, the bench's generated 5-article corpus installed in both,
 * page loads alternating between them (A B, then B A, ...), and per load the figure the
 * corpus-size table judges: the page main-thread time whose CDP profile samples hold an extension
 * frame (profile-time.ts). On a shared machine one build's loads and the other's meet the same
 * load, so the paired differences and the quartiles say more than two separate runs' medians.
 * Also per load, as the corpus-size table takes it: the load event's end to the first marker in
 * the viewport (warm matching side).
 * Usage: `tsx scripts/bench/page-ab.ts BUILD_A BUILD_B [words] [loads]` (builds from
 * `npx vite build --mode chrome --outDir DIR`; words default 20,000, loads 20 each).
 *
 * CPU=1: per load, instead of the profile's samples, the renderer main thread's CPU time (trace
 * events' thread time) in the content script: its script's evaluation and calls into it, and the
 * microtasks (the scan's work runs in promise continuations, and MutationObserver callbacks run
 * there too, unnamed in the trace: the generated page runs no script of its own, and the marker
 * watch, a MutationObserver on the whole document called for every node the parser inserts, is
 * left out in this mode, so the first-marker figures are not taken). Thread time is not
 * inflated when a loaded machine takes the core away, as sampled wall time is (under load 9-13
 * the profile figure's quartiles of paired differences spanned 80 ms for one build against itself).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { cachedCorpusFile } from './corpus-cache';
import { generatePage } from './generate-page';
import { extensionTime, type CpuProfile } from './profile-time';
import { MARK_WATCH, firstInView } from './store-bench';
import { readSeeds } from './seed-text';
import { serveDir } from './server';
import { installAsOnlyCorpus, launchWithExtension } from './launch';

/** CPU profiler sampling interval (µs), as store-bench.ts samples the scan. */
const PROFILE_INTERVAL_US = 250;
/** After the first marker, time for the rest of the scan before the profile stops (the 200k page's scan takes ~1 s under load). */
const SETTLE_MS = 1200;
/** Articles of the generated corpus installed (the corpus-size table's smallest row). */
const ARTICLES = 5;

const [buildA, buildB] = process.argv.slice(2, 4);
if (!buildA || !buildB) throw new Error('usage: tsx scripts/bench/page-ab.ts BUILD_A BUILD_B [words] [loads]');
const words = Number(process.argv[4] ?? 20_000);
const loads = Number(process.argv[5] ?? 20);

/** Main-thread trace events that hold the content script's work (CPU=1). */
type TraceEvent = { ph: string; name: string; pid: number; tid: number; ts: number; dur?: number; tdur?: number; args?: { data?: { url?: string } } };
const CPU = process.env.CPU === '1';

/**
 * Thread CPU (ms) of the content script in a trace: the top-level (not nested in another counted
 * one) EvaluateScript and FunctionCall events of extension scripts, and RunMicrotasks, on the
 * thread that parsed the page.
 */
function extensionCpu(events: TraceEvent[]): number {
  const main = events.find((e) => e.name === 'ParseHTML');
  if (!main) throw new Error('no page main thread in the trace');
  const ours = events
    .filter((e) => e.ph === 'X' && e.pid === main.pid && e.tid === main.tid && e.tdur !== undefined)
    .filter((e) => e.name === 'RunMicrotasks' || ((e.name === 'FunctionCall' || e.name === 'EvaluateScript') && (e.args?.data?.url ?? '').startsWith('chrome-extension://')))
    .sort((a, b) => a.ts - b.ts);
  let sum = 0;
  let end = -1;
  for (const e of ours) {
    if (e.ts < end) continue;
    end = e.ts + (e.dur ?? 0);
    sum += e.tdur ?? 0;
  }
  return sum / 1000;
}

interface Side {
  name: string;
  context: BrowserContext;
  tab: Page;
  cdp: CDPSession;
  ms: number[];
  /** Load event end → first marker in the viewport, per load (ms). */
  firstMs: number[];
}


const dir = mkdtempSync(join(tmpdir(), 'cl-page-ab-'));
writeFileSync(join(dir, 'page.html'), generatePage({ words, seed: 2016 + words, seeds: readSeeds() }).html);
const server = await serveDir(dir);
const corpus = await cachedCorpusFile(ARTICLES, console.log);
const marked = (tab: Page) => tab.waitForFunction(() => document.querySelectorAll('coverage-lens-mark').length > 0, undefined, { timeout: 60_000 });

/** A browser with one build, the corpus installed as its only active corpus, the page loaded once to warm up. */
async function open(name: string, extDir: string): Promise<Side> {
  const context = await launchWithExtension(join(dir, `profile-${name}`), extDir);
  await installAsOnlyCorpus(context, extDir, corpus.path, 'A/B');
  if (!CPU) await context.addInitScript(MARK_WATCH);
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: PROFILE_INTERVAL_US });
  await tab.goto(`${server.origin}/page.html?warm`, { waitUntil: 'load' });
  await marked(tab);
  return { name, context, tab, cdp, ms: [], firstMs: [] };
}

const sides: Side[] = [];
const loadAtStart = loadavg()[0];
try {
  sides.push(await open('A', buildA), await open('B', buildB));
  for (let k = 0; k < loads; k++) {
    for (const side of k % 2 === 0 ? sides : [...sides].reverse()) {
      if (CPU) {
        const events: TraceEvent[] = [];
        const listener = (e: { value: unknown[] }) => void events.push(...(e.value as TraceEvent[]));
        side.cdp.on('Tracing.dataCollected', listener);
        const complete = new Promise<void>((r) => side.cdp.once('Tracing.tracingComplete', () => r()));
        // RunMicrotasks is recorded under v8.execute and the disabled-by-default timeline category.
        await side.cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'toplevel', 'v8.execute', 'disabled-by-default-devtools.timeline'] }, transferMode: 'ReportEvents' } as never);
        await side.tab.goto(`${server.origin}/page.html?load=${k}`, { waitUntil: 'load' });
        await marked(side.tab);
        await side.tab.waitForTimeout(SETTLE_MS);
        await side.cdp.send('Tracing.end');
        await complete;
        side.cdp.off('Tracing.dataCollected', listener);
        side.ms.push(extensionCpu(events));
      } else {
        await side.cdp.send('Profiler.start');
        await side.tab.goto(`${server.origin}/page.html?load=${k}`, { waitUntil: 'load' });
        await marked(side.tab);
        await side.tab.waitForTimeout(SETTLE_MS);
        const { profile } = (await side.cdp.send('Profiler.stop')) as { profile: CpuProfile };
        side.ms.push(extensionTime(profile));
      }
      side.firstMs.push((await side.tab.evaluate(firstInView)).firstMs ?? Number.NaN);
    }
  }
  console.log(`machine load average (1 min): ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end`);
  const sorted = (xs: number[]) => xs.slice().sort((a, b) => a - b);
  const at = (xs: number[], q: number) => sorted(xs)[Math.floor((xs.length - 1) * q)];
  for (const [i, side] of sides.entries()) {
    console.log(`${side.name} ${i === 0 ? buildA : buildB}: extension ${CPU ? 'thread CPU ' : ''}ms per load at ${words} words: q25 ${at(side.ms, 0.25).toFixed(1)}, median ${at(side.ms, 0.5).toFixed(1)}, min ${Math.min(...side.ms).toFixed(1)} (${side.ms.length} loads)`);
  }
  const differences = sides[1].ms.map((b, k) => b - sides[0].ms[k]);
  console.log(`B - A, paired loads: median ${at(differences, 0.5).toFixed(1)} ms, q25 ${at(differences, 0.25).toFixed(1)}, q75 ${at(differences, 0.75).toFixed(1)}`);
  for (const side of sides) console.log(`${side.name}: first marker in view after load: q25 ${at(side.firstMs, 0.25).toFixed(1)}, median ${at(side.firstMs, 0.5).toFixed(1)}, q75 ${at(side.firstMs, 0.75).toFixed(1)} ms`);
  const firstDiff = sides[1].firstMs.map((b, k) => b - sides[0].firstMs[k]);
  console.log(`B - A, first marker in view, paired loads: median ${at(firstDiff, 0.5).toFixed(1)} ms, q25 ${at(firstDiff, 0.25).toFixed(1)}, q75 ${at(firstDiff, 0.75).toFixed(1)}`);
} finally {
  for (const side of sides) await side.context.close().catch(() => undefined);
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
