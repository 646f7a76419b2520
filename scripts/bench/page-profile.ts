/**
 * Where the content script's main-thread time of one scan goes (a tool, not part of `npm run bench`).
 * Loads a generated store page with the built Chrome extension (dist/chrome, bundled corpus) under
 * the CDP Profiler, as store-bench.ts does, and prints the extension's sampled time by function:
 * self time (the leaf frame, native calls such as a forced layout included) and the extension frame
 * nearest the leaf. Usage: `tsx scripts/bench/page-profile.ts [words] [loads] [articles]` with
 * EXT_DIR a Chrome build (default dist/chrome; `npx vite build --mode chrome --minify false --outDir
 * DIR` keeps function names); with `articles`, the bench's cached generated corpus of that size is
 * installed and made the only active one, as store-bench.ts does. Without it the page meets the
 * bundled corpus, whose articles the generated page restates sentence for sentence: the page is
 * taken for a copy of them (select.ts RESTATED_TWICE) and their markers are withdrawn, so some loads
 * end with no marker and the scan measured is not the bench's; pass `5` for the bench's smallest row.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatePage } from './generate-page';
import { cachedCorpusFile } from './corpus-cache';
import { extensionTime, type CpuProfile } from './profile-time';
import { ROOT, readSeeds } from './seed-text';
import { serveDir } from './server';
import { installAsOnlyCorpus, launchWithExtension } from './launch';

interface Node {
  id: number;
  positionTicks?: { line: number; ticks: number }[];
  callFrame: { url: string; functionName: string; lineNumber: number };
  children?: number[];
}

const words = Number(process.argv[2] ?? 20_000);
const loads = Number(process.argv[3] ?? 5);
const dir = mkdtempSync(join(tmpdir(), 'cl-page-profile-'));
const path = `store-page-${words / 1000}k.html`;
writeFileSync(join(dir, path), generatePage({ words, seed: 2016 + words, seeds: readSeeds() }).html);
const server = await serveDir(dir);
const articles = process.argv[4] ? Number(process.argv[4]) : null;
const extDir = process.env.EXT_DIR ?? join(ROOT, 'dist/chrome');
const context = await launchWithExtension(join(dir, 'profile'), extDir);
try {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  if (articles !== null) {
    const file = await cachedCorpusFile(articles, console.log);
    const result = await installAsOnlyCorpus(context, extDir, file.path, 'Profile');
    console.log(`installed ${articles} articles as ${result}`);
  }
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  if (process.env.CPU) {
    await cpuMode(tab, cdp, `chrome-extension://${new URL(worker.url()).host}/src/ui/popup/index.html`);
    process.exit(0);
  }
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  const done = () => tab.waitForFunction(() => document.querySelectorAll('coverage-lens-mark').length > 0, undefined, { timeout: 60_000 });
  await tab.goto(`${server.origin}/${path}?warm`, { waitUntil: 'load' });
  await done();
  await tab.waitForTimeout(1500);
  const self = new Map<string, number>();
  const nearest = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const lineTicks = new Map<string, number>();
  // FOCUS=name: where the time under that function (inclusive) comes from, by its caller chain.
  const focus = process.env.FOCUS?.split(',') ?? [];
  const callers = new Map<string, number>();
  const totals: number[] = [];
  for (let k = 0; k < loads; k++) {
    await cdp.send('Profiler.start');
    await tab.goto(`${server.origin}/${path}?load=${k}`, { waitUntil: 'load' });
    await done();
    await tab.waitForTimeout(Number(process.env.SETTLE_MS ?? 1500));
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Omit<CpuProfile, 'nodes'> & { nodes: Node[] } };
    totals.push(extensionTime(profile));
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    for (const n of profile.nodes) {
      if (!n.callFrame.url.startsWith('chrome-extension://')) continue;
      for (const t of n.positionTicks ?? []) {
        const key = `${n.callFrame.functionName || '(anon)'} line ${t.line}`;
        lineTicks.set(key, (lineTicks.get(key) ?? 0) + t.ticks);
      }
    }
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const name = (n: Node) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(/^.*\//, '')}:${n.callFrame.lineNumber}`;
    const samples = (i: number) => profile.samples[i];
    for (let i = 0; i < profile.samples.length; i++) {
      const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000 / loads;
      let id: number | undefined = profile.samples[i];
      const leaf = byId.get(id)!;
      let ours: Node | null = null;
      const onStack = new Set<string>();
      while (id !== undefined) {
        const n = byId.get(id)!;
        if (n.callFrame.url.startsWith('chrome-extension://')) {
          ours ??= n;
          onStack.add(name(n));
        }
        id = parent.get(id);
      }
      if (!ours) continue;
      if (focus.length > 0) {
        const chain: string[] = [];
        for (let up: number | undefined = samples(i); up !== undefined; up = parent.get(up)) chain.push(byId.get(up)!.callFrame.functionName || '(anon)');
        for (const f of focus) {
          const at = chain.indexOf(f);
          if (at < 0) continue;
          const key = chain.slice(Math.max(0, at - 1), at + 4).join(' < ');
          callers.set(key, (callers.get(key) ?? 0) + dt);
        }
      }
      for (const f of onStack) inclusive.set(f, (inclusive.get(f) ?? 0) + dt);
      self.set(name(leaf), (self.get(name(leaf)) ?? 0) + dt);
      nearest.set(name(ours), (nearest.get(name(ours)) ?? 0) + dt);
    }
  }
  const markers = await tab.evaluate(() => document.querySelectorAll('coverage-lens-mark[data-cl-first]').length);
  const sorted = totals.slice().sort((a, b) => a - b);
  console.log(`${words} words, ${loads} loads, ${markers} markers; extension ms per load: min ${sorted[0].toFixed(1)}, median ${sorted[sorted.length >> 1].toFixed(1)} (${totals.map((t) => t.toFixed(1)).join(' ')})`);
  const top = (m: Map<string, number>, title: string) => {
    console.log(`\n${title}`);
    for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 30))) console.log(`${v.toFixed(2).padStart(8)} ms  ${k}`);
  };
  console.log(`sum of self ${[...self.values()].reduce((a, b) => a + b, 0).toFixed(1)} ms per load`);
  top(self, 'self time (leaf frame):');
  top(nearest, 'by the extension frame nearest the leaf:');
  top(inclusive, 'inclusive (an extension function anywhere on the stack):');
  top(lineTicks, 'self samples by source line (ticks, all loads):');
  if (focus.length > 0) top(callers, `${focus.join(', ')}: callee < it < callers (ms per load):`);
} finally {
  await context.close().catch(() => undefined);
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}

/**
 * CPU=1: the renderer main thread's CPU time (trace events' thread time, which other load on the
 * machine does not inflate as it does wall time) per load of the page, the extension on for the
 * page's host and off, alternating; the difference is what the content script costs the page,
 * with the style, layout and paint its markers cause.
 */
async function cpuMode(tab: import('playwright-core').Page, cdp: import('playwright-core').CDPSession, helperUrl: string): Promise<void> {
  const helper = await tab.context().newPage();
  await helper.goto(helperUrl);
  const host = new URL(server.origin).hostname;
  const setOn = (enabled: boolean) => helper.evaluate(`chrome.runtime.sendMessage({ type: 'setSiteEnabled', payload: { host: ${JSON.stringify(host)}, enabled: ${enabled} } })`);
  const settle = Number(process.env.SETTLE_MS ?? 1500);
  const measure = async (on: boolean, k: number): Promise<number> => {
    const events: { ph: string; name: string; pid: number; tid: number; tdur?: number; args?: { data?: { url?: string; fileName?: string } } }[] = [];
    const listener = (e: { value: unknown[] }) => void events.push(...(e.value as typeof events));
    cdp.on('Tracing.dataCollected', listener);
    const complete = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
    await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['toplevel', 'devtools.timeline'] }, transferMode: 'ReportEvents' } as never);
    await tab.goto(`${server.origin}/${path}?cpu=${on ? 'on' : 'off'}${k}`, { waitUntil: 'load' });
    if (on && !process.env.NO_MARK_WAIT) await tab.waitForFunction(() => document.querySelectorAll('coverage-lens-mark').length > 0, undefined, { timeout: 60_000 });
    await tab.waitForTimeout(settle);
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', listener);
    // The page's main thread: the one that evaluated the page's own document (ParseHTML) .
    const main = events.find((e) => e.name === 'ParseHTML') ?? events.find((e) => e.name === 'EvaluateScript');
    if (!main) throw new Error('no page main thread in the trace');
    if (process.env.DEBUG_TRACE) {
      const n = new Map<string, number>();
      for (const e of events) if (e.pid === main.pid && e.tid === main.tid) n.set(`${e.ph} ${e.name}`, (n.get(`${e.ph} ${e.name}`) ?? 0) + 1);
      console.log([...n].sort((a, b) => b[1] - a[1]).slice(0, 15));
    }
    let cpu = 0;
    for (const e of events) if (e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && e.pid === main.pid && e.tid === main.tid) cpu += e.tdur ?? 0;
    return cpu / 1000;
  };
  const onMs: number[] = [];
  const offMs: number[] = [];
  await tab.goto(`${server.origin}/${path}?warm`, { waitUntil: 'load' });
  await tab.waitForTimeout(settle);
  for (let k = 0; k < loads; k++) {
    await setOn(false);
    offMs.push(await measure(false, k));
    await setOn(true);
    onMs.push(await measure(true, k));
  }
  const med = (xs: number[]) => xs.slice().sort((a, b) => a - b)[xs.length >> 1];
  const markers = await tab.evaluate(() => document.querySelectorAll('coverage-lens-mark[data-cl-first]').length);
  console.log(`${words} words, ${loads} loads each, ${markers} markers: main-thread CPU on ${med(onMs).toFixed(1)} ms, off ${med(offMs).toFixed(1)} ms, extension's share ${(med(onMs) - med(offMs)).toFixed(1)} ms (median of the pairs' differences ${med(onMs.map((x, i) => x - offMs[i])).toFixed(1)} ms)`);
  console.log(`  on:  ${onMs.map((x) => x.toFixed(1)).join(' ')}\n  off: ${offMs.map((x) => x.toFixed(1)).join(' ')}`);
}
