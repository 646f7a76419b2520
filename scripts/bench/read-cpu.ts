/**
 * The content script's reading code of two source trees compared in the page by thread CPU time (a
 * tool, not part of `npm run bench`): as read-ab.ts (a fresh load of the bench's generated page per
 * sample, cold code, A and B alternating), but each step is timed by the trace's thread time of its
 * script's evaluation (EvaluateScript `tdur`), which other load on the machine does not inflate as
 * it does performance.now: the article root (findArticleRoot), the whole root read as blocks
 * (walkBlocks), and a FLOOR pass on a fresh load. Each step's figure includes compiling its bundle
 * (about 1 ms at 20,000 words: an article finder that returns at once measured 1.1-1.3 ms).
 * Usage: `tsx scripts/bench/read-cpu.ts SRC_A SRC_B [words] [loads]` (SRC_x: a folder holding `src/`).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROMIUM_BIN, OFFLINE_HEADLESS_ARGS } from '../lib/chromium';
import { generatePage } from './generate-page';
import { readSeeds } from './seed-text';
import { serveDir } from './server';

const [srcA, srcB] = process.argv.slice(2, 4);
if (!srcA || !srcB) throw new Error('usage: tsx scripts/bench/read-cpu.ts SRC_A SRC_B [words] [loads]');
const words = Number(process.argv[4] ?? 20_000);
const loads = Number(process.argv[5] ?? 10);
const dir = mkdtempSync(join(tmpdir(), 'cl-read-cpu-'));
/** One step's probe bundled from one source tree: the root found (kept for the walk), or the kept root walked. */
function bundle(src: string, which: 'root' | 'walk'): string {
  src = resolve(src);
  const entry = join(dir, `entry-${Math.random().toString(36).slice(2)}.ts`);
  writeFileSync(entry, which === 'root'
    ? `import { findArticleRoot } from ${JSON.stringify(join(src, 'src/page/article-root'))};
(globalThis as any).__root = findArticleRoot(document);`
    : `import { walkBlocks } from ${JSON.stringify(join(src, 'src/page/text-map'))};
let blocks = 0; for (const b of walkBlocks((globalThis as any).__root)) blocks++; (globalThis as any).__blocks = blocks;`);
  return buildSync({ entryPoints: [entry], bundle: true, write: false, format: 'iife', target: 'es2022' }).outputFiles[0].text;
}
const code = { A: { root: bundle(srcA, 'root'), walk: bundle(srcA, 'walk') }, B: { root: bundle(srcB, 'root'), walk: bundle(srcB, 'walk') } };
const floorCode = `(() => { const w = document.createTreeWalker(document.body, 4); let n = 0; while (w.nextNode()) n += w.currentNode.data.length; globalThis.__n = n; })()`;
writeFileSync(join(dir, 'page.html'), generatePage({ words, seed: 2016 + words, seeds: readSeeds() }).html);
const server = await serveDir(dir);
const browser = await chromium.launch({ executablePath: CHROMIUM_BIN, args: [...OFFLINE_HEADLESS_ARGS] });
type Ev = { ph: string; name: string; pid: number; tid: number; ts: number; tdur?: number; dur?: number };
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const cdp = await page.context().newCDPSession(page);
  /** CPU (thread) time of each script tag's evaluation, in order. */
  const cpuOf = async (scripts: string[]): Promise<number[]> => {
    const events: Ev[] = [];
    const listener = (e: { value: unknown[] }) => void events.push(...(e.value as Ev[]));
    cdp.on('Tracing.dataCollected', listener);
    const complete = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
    await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'toplevel'] }, transferMode: 'ReportEvents' } as never);
    for (const s of scripts) await page.addScriptTag({ content: s });
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', listener);
    const evals = events.filter((e) => e.ph === 'X' && e.name === 'EvaluateScript' && e.tdur !== undefined).sort((a, b) => a.ts - b.ts);
    // The probes' evaluations are the biggest of the window (the page is idle), taken in time order.
    const top = evals.slice().sort((a, b) => (b.tdur ?? 0) - (a.tdur ?? 0)).slice(0, scripts.length).sort((a, b) => a.ts - b.ts);
    return top.map((e) => (e.tdur ?? 0) / 1000);
  };
  const out: Record<'A' | 'B', { root: number[]; walk: number[]; floor: number[] }> = { A: { root: [], walk: [], floor: [] }, B: { root: [], walk: [], floor: [] } };
  for (let k = 0; k < loads; k++) {
    for (const side of (k % 2 ? ['B', 'A'] : ['A', 'B']) as ('A' | 'B')[]) {
      await page.goto(`${server.origin}/page.html?${side}${k}`, { waitUntil: 'load' });
      await page.waitForTimeout(150);
      const [root, walk] = await cpuOf([code[side].root, code[side].walk]);
      out[side].root.push(root);
      out[side].walk.push(walk);
      await page.goto(`${server.origin}/page.html?f${side}${k}`, { waitUntil: 'load' });
      await page.waitForTimeout(150);
      out[side].floor.push((await cpuOf([floorCode]))[0]);
    }
  }
  const med = (xs: number[]) => xs.slice().sort((a, b) => a - b)[xs.length >> 1];
  console.log(`${words} words, ${loads} loads each, load ${loadavg()[0].toFixed(1)}; thread CPU ms (medians)`);
  for (const side of ['A', 'B'] as const) console.log(`${side}: root ${med(out[side].root).toFixed(2)}, walk ${med(out[side].walk).toFixed(2)}, FLOOR ${med(out[side].floor).toFixed(2)}`);
  const diff = (f: 'root' | 'walk') => med(out.B[f].map((b, i) => b - out.A[f][i]));
  console.log(`paired B - A: root ${diff('root').toFixed(2)}, walk ${diff('walk').toFixed(2)}`);
} finally {
  await browser.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
