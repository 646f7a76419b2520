/**
 * Where the content script's main-thread time of one scan goes (a tool, not part of `npm run bench`).
 * Loads a generated store page with the built Chrome extension (dist/chrome, bundled corpus) under
 * the CDP Profiler, as store-bench.ts does, and prints the extension's sampled time by function:
 * self time (the leaf frame, native calls such as a forced layout included) and the extension frame
 * nearest the leaf. Usage: `tsx scripts/bench/page-profile.ts [words] [loads] [articles]` with
 * EXT_DIR a Chrome build (default dist/chrome; `npx vite build --mode chrome --minify false --outDir
 * DIR` keeps function names); with `articles`, the bench's cached generated corpus of that size is
 * installed and made the only active one, as store-bench.ts does.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_BIN, OFFLINE_HEADLESS_ARGS } from '../lib/chromium';
import { generatePage } from './generate-page';
import { cachedCorpusFile } from './corpus-cache';
import { extensionTime, type CpuProfile } from './profile-time';
import { ROOT, readSeeds } from './seed-text';
import { serveDir } from './server';

interface Node {
  id: number;
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
const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
  executablePath: CHROMIUM_BIN,
  headless: false,
  viewport: { width: 1280, height: 800 },
  args: [...OFFLINE_HEADLESS_ARGS, `--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`],
});
try {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  if (articles !== null) {
    const file = await cachedCorpusFile(articles, console.log);
    const fileServer = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
      res.end(readFileSync(file.path));
    });
    await new Promise<void>((r) => fileServer.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(fileServer.address() as AddressInfo).port}/c.json`;
    const helper = await context.newPage();
    await helper.goto(`chrome-extension://${new URL(worker.url()).host}/src/ui/popup/index.html`);
    const chunk = readdirSync(join(extDir, 'assets')).find((f) => /^corpus-store-.*\.js$/.test(f));
    const result = await helper.evaluate(`(async () => {
      const index = await (await fetch(${JSON.stringify(url)})).json();
      const module = await import(${JSON.stringify(`/assets/${chunk}`)});
      const Store = Object.values(module).find((v) => typeof v === 'function' && typeof v.open === 'function' && 'readIndex' in v.prototype);
      const store = await Store.open();
      const value = await store.install(index, { name: 'Profile', origin: 'imported' });
      store.close();
      for (const c of (await chrome.runtime.sendMessage({ type: 'listCorpora', payload: {} })).value) {
        if (c.id !== value.id && c.active) await chrome.runtime.sendMessage({ type: 'setCorpusActive', payload: { id: c.id, active: false } });
      }
      return value.id;
    })()`);
    console.log(`installed ${articles} articles as ${String(result)}`);
    fileServer.close();
    await helper.close();
  }
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  const done = () => tab.waitForFunction(() => document.querySelectorAll('coverage-lens-mark').length > 0, undefined, { timeout: 60_000 });
  await tab.goto(`${server.origin}/${path}?warm`, { waitUntil: 'load' });
  await done();
  await tab.waitForTimeout(1500);
  const self = new Map<string, number>();
  const nearest = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const totals: number[] = [];
  for (let k = 0; k < loads; k++) {
    await cdp.send('Profiler.start');
    await tab.goto(`${server.origin}/${path}?load=${k}`, { waitUntil: 'load' });
    await done();
    await tab.waitForTimeout(1500);
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Omit<CpuProfile, 'nodes'> & { nodes: Node[] } };
    totals.push(extensionTime(profile));
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const name = (n: Node) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(/^.*\//, '')}:${n.callFrame.lineNumber}`;
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
      for (const f of onStack) inclusive.set(f, (inclusive.get(f) ?? 0) + dt);
      self.set(name(leaf), (self.get(name(leaf)) ?? 0) + dt);
      nearest.set(name(ours), (nearest.get(name(ours)) ?? 0) + dt);
    }
  }
  const markers = await tab.evaluate(() => document.querySelectorAll('coverage-lens-mark[data-cl-first]').length);
  console.log(`${words} words, ${loads} loads, ${markers} markers; extension ms per load: ${totals.map((t) => t.toFixed(1)).join(' ')}`);
  const top = (m: Map<string, number>, title: string) => {
    console.log(`\n${title}`);
    for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${v.toFixed(2).padStart(8)} ms  ${k}`);
  };
  console.log(`sum of self ${[...self.values()].reduce((a, b) => a + b, 0).toFixed(1)} ms per load`);
  top(self, 'self time (leaf frame):');
  top(nearest, 'by the extension frame nearest the leaf:');
  top(inclusive, 'inclusive (an extension function anywhere on the stack):');
} finally {
  await context.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
