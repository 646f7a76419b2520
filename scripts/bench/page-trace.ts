/**
 * Where one scan's main-thread CPU goes, from a trace (a tool, not part of `npm run bench`): the
 * bench's store page loaded with one or more Chrome builds of the extension (a browser each, the
 * bench's cached generated 5-article corpus installed as the only active one, loads alternating
 * between the builds), and per load the renderer main thread's CPU time (trace events' thread time,
 * which a loaded machine inflates far less than sampled wall time) of the content script
 * (scan-trace.ts: its script's evaluation, every call into it, the microtasks), split into what ran
 * inside it: style recalculation and layout forced by our calls, garbage collection, and the rest
 * (our JavaScript with the DOM calls and extension messaging it makes).
 * Usage: `tsx scripts/bench/page-trace.ts WORDS LOADS BUILD [BUILD...]` (builds from
 * `npx vite build --mode chrome --outDir DIR`). `PROFILE=1` also samples the content script's
 * JavaScript (the V8 profiler inside the trace) and prints the self time by function of each build
 * (a build with `--minify false` keeps names). `FLOOR=1` also takes, in every round, one FLOOR load (a
 * browser of its own with the first build, switched off for the page's host: a fresh load, then
 * the TreeWalker pass over every text node in a timer callback, as the corpus-size table takes
 * FLOOR, scan-trace.ts FLOOR_IN_PAGE) and prints each build's loads as multiples of FLOOR's median
 * (scan-ablations.ts makes builds that stop after each step of the scan).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { cachedCorpusFile } from './corpus-cache';
import { generatePage } from './generate-page';
import { installAsOnlyCorpus, launchWithExtension } from './launch';
import { FLOOR_IN_PAGE, SCAN_TRACE_CATEGORIES, floorPassCpu, scanCpu, type TraceEvent } from './scan-trace';
import { readSeeds } from './seed-text';
import { serveDir } from './server';

/** After the first marker, time for the rest of the scan before the trace stops (the 200k page's scan takes ~1 s under load). */
const SETTLE_MS = Number(process.env.SETTLE_MS ?? 1500);
/** Warm-up of a build that writes no marker (an ablation): long enough for the 5-article matching side to build its matcher. */
const UNMARKED_WARM_MS = 8000;
/** Articles of the generated corpus installed (the corpus-size table's smallest row). */
const ARTICLES = 5;

const words = Number(process.argv[2] ?? 20_000);
const loads = Number(process.argv[3] ?? 10);
const builds = process.argv.slice(4);
if (builds.length === 0) throw new Error('usage: tsx scripts/bench/page-trace.ts WORDS LOADS BUILD [BUILD...]');
const PROFILE = process.env.PROFILE === '1';
const FLOOR = process.env.FLOOR === '1';

interface Side {
  name: string;
  context: BrowserContext;
  tab: Page;
  cdp: CDPSession;
  loads: ReturnType<typeof scanCpu>[];
  markers: number;
  self: Map<string, number>;
  inclusive: Map<string, number>;
}

const dir = mkdtempSync(join(tmpdir(), 'cl-page-trace-'));
writeFileSync(join(dir, 'page.html'), generatePage({ words, seed: 2016 + words, seeds: readSeeds() }).html);
const server = await serveDir(dir);
const corpus = await cachedCorpusFile(ARTICLES, console.log);
const marked = (tab: Page) => tab.waitForFunction(() => document.querySelectorAll('coverage-lens-mark').length > 0, undefined, { timeout: 60_000, polling: 100 });

async function open(name: string, extDir: string): Promise<Side> {
  const context = await launchWithExtension(join(dir, `profile-${name}`), extDir);
  await installAsOnlyCorpus(context, extDir, corpus.path, 'Trace');
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await tab.goto(`${server.origin}/page.html?warm`, { waitUntil: 'load' });
  // A build that marks nothing (scan-ablations.ts) warms up for UNMARKED_WARM_MS instead.
  await Promise.race([marked(tab), new Promise((r) => setTimeout(r, UNMARKED_WARM_MS))]);
  return { name, context, tab, cdp, loads: [], markers: 0, self: new Map(), inclusive: new Map() };
}

/** Self time (ms) by function of the extension's frames in the trace's V8 profile chunks (the page's renderer only). */
function profileSelf(events: TraceEvent[], into: Map<string, number>, inclusive?: Map<string, number>): void {
  type PNode = { id: number; parent?: number; callFrame: { functionName?: string; url?: string } };
  const main = events.find((e) => e.name === 'ParseHTML');
  if (!main) return;
  const chunks = events.filter((e) => e.name === 'ProfileChunk' && e.pid === main.pid);
  // Node ids are per profile (one per isolate): keyed by the chunk's profile id.
  const nodes = new Map<string, PNode>();
  const idOf = (e: TraceEvent) => String((e as unknown as { id?: string }).id ?? '');
  type Chunk = { cpuProfile?: { nodes?: PNode[]; samples?: number[] }; timeDeltas?: number[] };
  for (const e of chunks) for (const n of (e.args as { data?: Chunk }).data?.cpuProfile?.nodes ?? []) nodes.set(`${idOf(e)}:${n.id}`, n);
  const ext = (n: PNode) => (n.callFrame.url ?? '').startsWith('chrome-extension://');
  for (const e of chunks) {
    const data = (e.args as { data?: Chunk }).data;
    const samples = data?.cpuProfile?.samples ?? [];
    const deltas = data?.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) {
      const leaf = nodes.get(`${idOf(e)}:${samples[i]}`);
      let ours: PNode | undefined;
      for (let n = leaf; n; n = n.parent !== undefined ? nodes.get(`${idOf(e)}:${n.parent}`) : undefined) {
        if (ext(n)) {
          ours = n;
          break;
        }
      }
      if (!leaf || !ours) continue;
      if (inclusive) {
        const seen = new Set<string>();
        for (let n: PNode | undefined = leaf; n; n = n.parent !== undefined ? nodes.get(`${idOf(e)}:${n.parent}`) : undefined) {
          if (!ext(n)) continue;
          const name = n.callFrame.functionName || '(anon)';
          if (seen.has(name)) continue;
          seen.add(name);
          inclusive.set(name, (inclusive.get(name) ?? 0) + (deltas[i + 1] ?? 0) / 1000);
        }
      }
      const key = leaf === ours ? ours.callFrame.functionName || '(anon)' : `${leaf.callFrame.functionName || '(native)'} < ${ours.callFrame.functionName || '(anon)'}`;
      into.set(key, (into.get(key) ?? 0) + (deltas[i + 1] ?? 0) / 1000);
    }
  }
}

/** The FLOOR browser: the first build, switched off for the page's host (no scan runs beside the pass). */
async function openFloor(extDir: string): Promise<{ context: BrowserContext; tab: Page; cdp: CDPSession }> {
  const context = await launchWithExtension(join(dir, 'profile-floor'), extDir);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const helper = await context.newPage();
  await helper.goto(`chrome-extension://${new URL(worker.url()).host}/src/ui/popup/index.html`);
  const host = new URL(server.origin).hostname;
  const reply = (await helper.evaluate(`chrome.runtime.sendMessage({ type: 'setSiteEnabled', payload: { host: ${JSON.stringify(host)}, enabled: false } })`)) as { ok?: boolean };
  if (!reply?.ok) throw new Error(`FLOOR: setSiteEnabled failed: ${JSON.stringify(reply)}`);
  await helper.close();
  const tab = await context.newPage();
  return { context, tab, cdp: await context.newCDPSession(tab) };
}

/** One FLOOR load: a fresh load of the page, then the pass; its thread CPU (ms). */
async function floorLoad(floor: { tab: Page; cdp: CDPSession }, k: number): Promise<number> {
  await floor.tab.goto(`${server.origin}/page.html?floor=${k}`, { waitUntil: 'load' });
  const events: TraceEvent[] = [];
  const listener = (e: { value: unknown[] }) => void events.push(...(e.value as TraceEvent[]));
  floor.cdp.on('Tracing.dataCollected', listener);
  const complete = new Promise<void>((r) => floor.cdp.once('Tracing.tracingComplete', () => r()));
  await floor.cdp.send('Tracing.start', { traceConfig: { includedCategories: SCAN_TRACE_CATEGORIES }, transferMode: 'ReportEvents' } as never);
  await floor.tab.evaluate(FLOOR_IN_PAGE);
  await floor.cdp.send('Tracing.end');
  await complete;
  floor.cdp.off('Tracing.dataCollected', listener);
  const ms = floorPassCpu(events);
  if (ms === undefined) throw new Error('FLOOR: no clFloorPass call in the trace');
  return ms;
}

const sides: Side[] = [];
const floorMs: number[] = [];
let floor: Awaited<ReturnType<typeof openFloor>> | undefined;
const loadAtStart = loadavg()[0];
try {
  for (const [i, b] of builds.entries()) sides.push(await open(String.fromCharCode(65 + i), b));
  if (FLOOR) floor = await openFloor(builds[0]);
  for (let k = 0; k < loads; k++) {
    if (floor) floorMs.push(await floorLoad(floor, k));
    for (const side of k % 2 === 0 ? sides : [...sides].reverse()) {
      const events: TraceEvent[] = [];
      const listener = (e: { value: unknown[] }) => void events.push(...(e.value as TraceEvent[]));
      side.cdp.on('Tracing.dataCollected', listener);
      const complete = new Promise<void>((r) => side.cdp.once('Tracing.tracingComplete', () => r()));
      const categories = [...SCAN_TRACE_CATEGORIES, ...(PROFILE ? ['disabled-by-default-v8.cpu_profiler'] : [])];
      await side.cdp.send('Tracing.start', { traceConfig: { includedCategories: categories }, transferMode: 'ReportEvents' } as never);
      await side.tab.goto(`${server.origin}/page.html?load=${k}`, { waitUntil: 'load' });
      // No polling in the page while the trace runs (its calls' microtasks would be on the thread).
      await new Promise((r) => setTimeout(r, SETTLE_MS));
      await side.cdp.send('Tracing.end');
      await complete;
      side.cdp.off('Tracing.dataCollected', listener);
      side.loads.push(scanCpu(events));
      if (PROFILE) profileSelf(events, side.self, side.inclusive);
      side.markers = await side.tab.evaluate(() => document.querySelectorAll('coverage-lens-mark[data-cl-first]').length);
    }
  }
  console.log(`${words} words, ${loads} loads per build; machine load average (1 min) ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end`);
  const sorted = (xs: number[]) => xs.slice().sort((a, b) => a - b);
  const at = (xs: number[], q: number) => sorted(xs)[Math.floor((xs.length - 1) * q)];
  const fmt = (xs: number[]) => `median ${at(xs, 0.5).toFixed(1)} (q25 ${at(xs, 0.25).toFixed(1)}, q75 ${at(xs, 0.75).toFixed(1)})`;
  const floorMedian = floor ? at(floorMs, 0.5) : Number.NaN;
  if (floor) console.log(`FLOOR (one pass per fresh load, extension off for the host) thread CPU ms: median ${floorMedian.toFixed(2)} (q25 ${at(floorMs, 0.25).toFixed(2)}, q75 ${at(floorMs, 0.75).toFixed(2)})  [${floorMs.map((x) => x.toFixed(2)).join(' ')}]`);
  for (const [i, side] of sides.entries()) {
    const parts = new Set(side.loads.flatMap((l) => Object.keys(l.parts)));
    console.log(`\n${side.name} ${builds[i]} (${side.markers} markers written at the end):`);
    console.log(`  content script thread CPU ms: ${fmt(side.loads.map((l) => l.totalMs))}  [${side.loads.map((l) => l.totalMs.toFixed(1)).join(' ')}]`);
    if (floor) console.log(`  as multiples of FLOOR's median: ${fmt(side.loads.map((l) => l.totalMs / floorMedian))}`);
    for (const p of [...parts].sort()) console.log(`    ${p.padEnd(28)} ${fmt(side.loads.map((l) => l.parts[p] ?? 0))}`);
    const spans = new Set(side.loads.flatMap((l) => Object.keys(l.spans)));
    for (const p of [...spans].sort()) console.log(`    ${p.padEnd(28)} ${fmt(side.loads.map((l) => l.spans[p] ?? 0))}`);
    console.log(`  whole main thread CPU ms: ${fmt(side.loads.map((l) => l.threadMs))}`);
    if (PROFILE) {
      console.log('  self time by function (ms per load, sampled):');
      for (const [f, ms] of [...side.self].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 25))) console.log(`    ${(ms / loads).toFixed(2).padStart(7)}  ${f}`);
      console.log('  inclusive time by function (ms per load, sampled):');
      for (const [f, ms] of [...side.inclusive].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 25))) console.log(`    ${(ms / loads).toFixed(2).padStart(7)}  ${f}`);
    }
  }
  for (let i = 1; i < sides.length; i++) {
    const d = sides[i].loads.map((l, k) => l.totalMs - sides[0].loads[k].totalMs);
    console.log(`\n${sides[i].name} - A, paired loads: ${fmt(d)}`);
  }
  // Builds given as successive steps (scan-ablations.ts): what each adds to the one before.
  for (let i = 2; i < sides.length; i++) {
    const d = sides[i].loads.map((l, k) => l.totalMs - sides[i - 1].loads[k].totalMs);
    console.log(`${sides[i].name} - ${sides[i - 1].name}, paired loads: ${fmt(d)}`);
  }
} finally {
  for (const side of sides) await side.context.close().catch(() => undefined);
  await floor?.context.close().catch(() => undefined);
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
