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
 * (a build with `--minify false` keeps names).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { cachedCorpusFile } from './corpus-cache';
import { generatePage } from './generate-page';
import { installAsOnlyCorpus, launchWithExtension } from './launch';
import { SCAN_TRACE_CATEGORIES, scanCpu, type TraceEvent } from './scan-trace';
import { readSeeds } from './seed-text';
import { serveDir } from './server';

/** After the first marker, time for the rest of the scan before the trace stops (the 200k page's scan takes ~1 s under load). */
const SETTLE_MS = Number(process.env.SETTLE_MS ?? 1500);
/** Articles of the generated corpus installed (the corpus-size table's smallest row). */
const ARTICLES = 5;

const words = Number(process.argv[2] ?? 20_000);
const loads = Number(process.argv[3] ?? 10);
const builds = process.argv.slice(4);
if (builds.length === 0) throw new Error('usage: tsx scripts/bench/page-trace.ts WORDS LOADS BUILD [BUILD...]');
const PROFILE = process.env.PROFILE === '1';

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
  await marked(tab);
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

const sides: Side[] = [];
const loadAtStart = loadavg()[0];
try {
  for (const [i, b] of builds.entries()) sides.push(await open(String.fromCharCode(65 + i), b));
  for (let k = 0; k < loads; k++) {
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
  for (const [i, side] of sides.entries()) {
    const parts = new Set(side.loads.flatMap((l) => Object.keys(l.parts)));
    console.log(`\n${side.name} ${builds[i]} (${side.markers} markers written at the end):`);
    console.log(`  content script thread CPU ms: ${fmt(side.loads.map((l) => l.totalMs))}  [${side.loads.map((l) => l.totalMs.toFixed(1)).join(' ')}]`);
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
} finally {
  for (const side of sides) await side.context.close().catch(() => undefined);
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
