/**
 * What sending a page's article text to the matching side costs the page's main thread, beside
 * FLOOR (a tool, not part of `npm run bench`): the built Chrome extension (dist/chrome) on the
 * bench's generated page; in the content script's own isolated world (CDP), per round, a FLOOR
 * pass (a TreeWalker reading every text node of the page) and the article's paragraphs sent through
 * runtime.sendMessage in batches as the scan sends them (BATCH_MAX_CHARS / BATCH_MAX_BLOCKS), under
 * a request type the background refuses at once (no matching work), and as many empty messages.
 * Timed synchronously around each call (what the call itself holds the page's thread for), medians
 * of the rounds: a lower bound on the scan's messaging, whatever else the scan does.
 * Usage: `tsx scripts/bench/message-floor.ts [words] [rounds]` (EXT_DIR: another Chrome build).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { BATCH_MAX_BLOCKS, BATCH_MAX_CHARS } from '../../src/page/page-scan';
import { generatePage } from './generate-page';
import { ROOT, readSeeds } from './seed-text';
import { serveDir } from './server';
import { launchWithExtension } from './launch';

const words = Number(process.argv[2] ?? 20_000);
const rounds = Number(process.argv[3] ?? 15);
const dir = mkdtempSync(join(tmpdir(), 'cl-message-floor-'));
writeFileSync(join(dir, 'page.html'), generatePage({ words, seed: 2016 + words, seeds: readSeeds() }).html);
const server = await serveDir(dir);
const extDir = process.env.EXT_DIR ?? join(ROOT, 'dist/chrome');
const context = await launchWithExtension(join(dir, 'profile'), extDir);
try {
  await (context.serviceWorkers()[0] ?? context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  let world = 0;
  cdp.on('Runtime.executionContextCreated', (e: { context: { id: number; name: string } }) => {
    if (e.context.name === 'Coverage Lens') world = e.context.id;
  });
  await cdp.send('Runtime.enable');
  const load = loadavg()[0];
  await tab.goto(`${server.origin}/page.html`, { waitUntil: 'load' });
  await tab.waitForTimeout(2000);
  if (!world) throw new Error("the content script's world was not found");
  const probe = `(async () => {
    const paragraphs = Array.from(document.querySelectorAll('article p')).map((p) => p.textContent);
    const batches = [];
    let batch = [], chars = 0;
    for (const p of paragraphs) {
      batch.push(p); chars += p.length;
      if (batch.length >= ${BATCH_MAX_BLOCKS} || chars >= ${BATCH_MAX_CHARS}) { batches.push(batch); batch = []; chars = 0; }
    }
    if (batch.length) batches.push(batch);
    const floor = [], text = [], empty = [];
    for (let round = 0; round < ${rounds}; round++) {
      let t = performance.now();
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let n = 0;
      while (walker.nextNode()) n += walker.currentNode.data.length;
      floor.push(performance.now() - t);
      for (const [out, payload] of [[text, (b) => ({ blocks: b })], [empty, () => ({})]]) {
        let sum = 0;
        for (const b of batches) {
          t = performance.now();
          const reply = chrome.runtime.sendMessage({ type: 'messageFloorProbe', payload: payload(b) }).catch(() => undefined);
          sum += performance.now() - t;
          await reply;
        }
        out.push(sum);
      }
    }
    const med = (xs) => xs.slice().sort((a, b) => a - b)[xs.length >> 1];
    return { paragraphs: paragraphs.length, chars: paragraphs.join('').length, batches: batches.length, floor: med(floor), text: med(text), empty: med(empty) };
  })()`;
  const reply = (await cdp.send('Runtime.evaluate', { expression: probe, contextId: world, awaitPromise: true, returnByValue: true })) as {
    result: { value?: { paragraphs: number; chars: number; batches: number; floor: number; text: number; empty: number } };
  };
  const r = reply.result.value;
  if (!r) throw new Error(`the probe failed: ${JSON.stringify(reply).slice(0, 400)}`);
  console.log(`${words} words: ${r.paragraphs} article paragraphs, ${r.chars} characters, ${r.batches} messages; medians of ${rounds} rounds (load ${load.toFixed(1)} → ${loadavg()[0].toFixed(1)})`);
  console.log(`  FLOOR pass ${r.floor.toFixed(2)} ms; the text sent ${r.text.toFixed(2)} ms (${(r.text / r.floor).toFixed(1)}x FLOOR); as many empty messages ${r.empty.toFixed(2)} ms (${(r.empty / r.floor).toFixed(1)}x)`);
} finally {
  await context.close().catch(() => undefined);
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
