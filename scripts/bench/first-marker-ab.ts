/**
 * Paired A/B of the warm first marker in view (a tool, not part of `npm run bench`): two Chrome
 * builds of the extension, each in a browser of its own with the bench's cached generated corpus
 * installed as the only active one (as store-bench.ts does), load the generated page at addresses of
 * their own, alternating A and B, after one unmeasured warm-up load each (the worker running with its
 * matcher built). Per load: load event end → first marker inside the viewport (store-bench's
 * MARK_WATCH and firstInView), and the `cl:` performance marks the build left (a build instrumented
 * by hand to show where the time goes; none in the shipped code), relative to the load event end.
 * Usage: `tsx scripts/bench/first-marker-ab.ts DIR_A DIR_B [words=200000] [loads=10] [articles=5000]`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { cachedCorpusFile } from './corpus-cache';
import { generatePage } from './generate-page';
import { installAsOnlyCorpus, launchWithExtension } from './launch';
import { readSeeds } from './seed-text';
import { serveDir } from './server';
import { MARK_WATCH, firstInView } from './store-bench';

const [dirA, dirB] = [process.argv[2], process.argv[3]];
if (!dirA || !dirB) throw new Error('usage: first-marker-ab.ts DIR_A DIR_B [words] [loads] [articles]');
const words = Number(process.argv[4] ?? 200_000);
const loads = Number(process.argv[5] ?? 10);
const articles = Number(process.argv[6] ?? 5000);
const dir = mkdtempSync(join(tmpdir(), 'cl-first-ab-'));
const path = `store-page-${words / 1000}k.html`;
writeFileSync(join(dir, path), generatePage({ words, seed: 2016 + words, seeds: readSeeds() }).html);
const server = await serveDir(dir);
const file = await cachedCorpusFile(articles, console.log);

/** A browser with the build in `extDir` and the corpus installed as the only active one; its tab. */
async function open(extDir: string, name: string): Promise<{ context: BrowserContext; tab: Page }> {
  const context = await launchWithExtension(join(dir, `profile-${name}`), extDir);
  await installAsOnlyCorpus(context, extDir, file.path, 'AB');
  const tab = await context.newPage();
  await tab.addInitScript(MARK_WATCH);
  return { context, tab };
}

let n = 0;
/** One load: first marker in view (ms after load end) and the build's `cl:` marks. */
async function load(tab: Page): Promise<{ first: number; marks: [string, number][] }> {
  await tab.goto(`${server.origin}/${path}?load=${n++}`, { waitUntil: 'load', timeout: 120_000 });
  await tab.waitForFunction(() => document.querySelectorAll('coverage-lens-mark').length > 0, undefined, { timeout: 60_000 });
  await tab.waitForTimeout(800);
  const seen = await tab.evaluate(firstInView);
  const marks = await tab.evaluate(() => {
    const end = (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd;
    return performance.getEntriesByType('mark').filter((m) => m.name.startsWith('cl:')).map((m) => [m.name, m.startTime - end] as [string, number]);
  });
  return { first: seen.firstMs ?? Number.NaN, marks };
}

const median = (xs: number[]) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return s.length === 0 ? Number.NaN : s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const a = await open(dirA, 'a');
const b = await open(dirB, 'b');
try {
  console.log(`load ${loadavg()[0].toFixed(2)} at the start; ${words} words, ${articles} articles, ${loads} loads each`);
  await load(a.tab);
  await load(b.tab);
  const firsts: Record<'A' | 'B', number[]> = { A: [], B: [] };
  const marks: Record<'A' | 'B', Map<string, number[]>> = { A: new Map(), B: new Map() };
  for (let k = 0; k < loads; k++) {
    // The order alternates, so neither build always follows the other's load.
    for (const which of k % 2 === 0 ? (['A', 'B'] as const) : (['B', 'A'] as const)) {
      const got = await load(which === 'A' ? a.tab : b.tab);
      firsts[which].push(got.first);
      if (process.env.PER_LOAD) console.log(`${which} ${got.first.toFixed(1)}: ${got.marks.map(([m, t]) => `${m.slice(3)} ${t.toFixed(0)}`).join(', ')}`);
      for (const [name, t] of got.marks) {
        const list = marks[which].get(name) ?? [];
        list.push(t);
        marks[which].set(name, list);
      }
    }
  }
  console.log(`load ${loadavg()[0].toFixed(2)} at the end`);
  for (const which of ['A', 'B'] as const) {
    console.log(`${which}: first marker in view, median ${median(firsts[which]).toFixed(1)} ms (${firsts[which].map((x) => x.toFixed(0)).join(' ')})`);
    for (const [name, ts] of [...marks[which]].sort((x, y) => median(x[1]) - median(y[1]))) console.log(`   ${name.padEnd(28)} ${median(ts).toFixed(1).padStart(7)} ms (${ts.length})`);
  }
  const diffs = firsts.B.map((x, i) => x - firsts.A[i]);
  console.log(`B - A, paired: median ${median(diffs).toFixed(1)} ms (${diffs.map((x) => x.toFixed(0)).join(' ')})`);
} finally {
  await a.context.close().catch(() => undefined);
  await b.context.close().catch(() => undefined);
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
