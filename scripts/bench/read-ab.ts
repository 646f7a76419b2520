/**
 * The content script's reading code of two source trees compared in the page (a tool, not part of
 * `npm run bench`): a fresh load of the bench's generated page per sample (cold code, as a content
 * script runs it once per page), then, timed with performance.now: the article root
 * (findArticleRoot), and the whole root read as blocks (walkBlocks), alternating A and B loads.
 * Usage: `tsx scripts/bench/read-ab.ts SRC_A SRC_B [words] [loads]` (SRC_x: a folder holding
 * `src/`, e.g. `git archive main src | tar -x -C DIR`).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROMIUM_BIN, OFFLINE_HEADLESS_ARGS } from '../lib/chromium';
import { generatePage } from './generate-page';
import { readSeeds } from './seed-text';
import { serveDir } from './server';

const [srcA, srcB] = process.argv.slice(2, 4);
if (!srcA || !srcB) throw new Error('usage: tsx scripts/bench/read-ab.ts SRC_A SRC_B [words] [loads]');
const words = Number(process.argv[4] ?? 20_000);
const loads = Number(process.argv[5] ?? 10);
const dir = mkdtempSync(join(tmpdir(), 'cl-read-ab-'));

/** The probe bundled from one source tree: an IIFE that times the reading steps once. */
function bundle(src: string): string {
  src = resolve(src);
  const entry = join(dir, `entry-${Math.random().toString(36).slice(2)}.ts`);
  writeFileSync(
    entry,
    `import { findArticleRoot } from ${JSON.stringify(join(src, 'src/page/article-root'))};
import { walkBlocks } from ${JSON.stringify(join(src, 'src/page/text-map'))};
const t0 = performance.now();
const root = findArticleRoot(document);
const t1 = performance.now();
let blocks = 0, chars = 0;
for (const b of walkBlocks(root)) { blocks++; chars += b.text.length; }
const t2 = performance.now();
(globalThis as any).__probe = { root: t1 - t0, walk: t2 - t1, blocks, chars, tag: root.tagName + '.' + (root.className || '') };`,
  );
  return buildSync({ entryPoints: [entry], bundle: true, write: false, format: 'iife', target: 'es2022' }).outputFiles[0].text;
}

const code = { A: bundle(srcA), B: bundle(srcB) };
writeFileSync(join(dir, 'page.html'), generatePage({ words, seed: 2016 + words, seeds: readSeeds() }).html);
const server = await serveDir(dir);
const browser = await chromium.launch({ executablePath: CHROMIUM_BIN, args: [...OFFLINE_HEADLESS_ARGS] });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const floor = `(() => { const t0 = performance.now(); const w = document.createTreeWalker(document.body, 4); let n = 0; while (w.nextNode()) n += w.currentNode.data.length; return performance.now() - t0; })()`;
  const out: Record<'A' | 'B', { root: number; walk: number; floor: number; blocks: number; chars: number; tag: string }[]> = { A: [], B: [] };
  for (let k = 0; k < loads; k++) {
    for (const side of (k % 2 ? ['B', 'A'] : ['A', 'B']) as ('A' | 'B')[]) {
      await page.goto(`${server.origin}/page.html?${side}${k}`, { waitUntil: 'load' });
      await page.waitForTimeout(150);
      await page.addScriptTag({ content: code[side] });
      const probe = (await page.evaluate('globalThis.__probe')) as (typeof out)['A'][number];
      await page.goto(`${server.origin}/page.html?f${side}${k}`, { waitUntil: 'load' });
      await page.waitForTimeout(150);
      probe.floor = (await page.evaluate(floor)) as number;
      out[side].push(probe);
    }
  }
  const med = (xs: number[]) => xs.slice().sort((a, b) => a - b)[xs.length >> 1];
  for (const side of ['A', 'B'] as const) {
    const r = out[side];
    console.log(`${side}: root ${med(r.map((x) => x.root)).toFixed(2)} ms, walk ${med(r.map((x) => x.walk)).toFixed(2)} ms, FLOOR ${med(r.map((x) => x.floor)).toFixed(2)} ms; ${r[0].blocks} blocks, ${r[0].chars} chars, root ${r[0].tag}`);
  }
  const diff = (f: (x: (typeof out)['A'][number]) => number) => med(out.B.map((b, i) => f(b) - f(out.A[i])));
  console.log(`paired B - A: root ${diff((x) => x.root).toFixed(2)} ms, walk ${diff((x) => x.walk).toFixed(2)} ms`);
} finally {
  await browser.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
