/**
 * Card open latency: from the end of the hover-intent delay (pointer over a marker + OPEN_DELAY_MS)
 * to the card painted, with the real content-script code, the real Preact card
 * and details built from the real index. The pointer is moved onto markers by the browser driver,
 * so the page's own pointer events drive the triggers.
 */
import type { Browser } from 'playwright-core';
import { max, median } from './stats';

/** Card latency figures (ms). */
export interface CardResult {
  /** Median of intent delay end → card painted. */
  medianMs: number;
  worstMs: number;
  /** Median of when the triggers called open, relative to the delay's end (negative: before it, in its frame). */
  openMs: number;
  /** Median time of the synchronous render (host, shadow root, card DOM) inside open. */
  renderMs: number;
  /** Median of open called → the frame showing the card painted. */
  openToPaintMs: number;
  /** Median of pointer over the marker → card painted (the open delay included). */
  pointerToPaintMs: number;
  samples: number;
  /** Median of the same path with no card (frame callback → that frame painted): the floor of openToPaintMs. */
  nullMs: number;
  /** Card kinds and states seen, e.g. { "person/ready": 5 }. */
  kinds: Record<string, number>;
}

const SAMPLES = 16;

/** Hovers markers of a page one after another and reads the timings the page recorded. */
export async function runCardBench(browser: Browser, origin: string, path: string, notes: string[], log: (l: string) => void, screenshot: string | null = null): Promise<CardResult | null> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    page.on('pageerror', (error) => log(`  page error: ${error.message}`));
    await page.goto(`${origin}/${path}`, { waitUntil: 'load' });
    await page.addScriptTag({ url: `${origin}/card.js` });
    const markers = await page.evaluate(() => window.__clCard!.prepare());
    const targets = await page.evaluate((n) => window.__clCard!.targets(n), SAMPLES);
    if (targets.length === 0) {
      notes.push(`card open latency: no marker in the viewport of the 2k page (${markers} markers placed), nothing to hover`);
      return null;
    }
    const nulls: number[] = [];
    for (const [i, t] of targets.entries()) {
      nulls.push(await page.evaluate(() => window.__clCard!.nullLatency()));
      await page.mouse.move(5, 5);
      await page.waitForFunction(() => !window.__clCard!.isOpen(), undefined, { timeout: 5000 }).catch(() => page.evaluate(() => window.__clCard!.close()));
      await page.mouse.move(t.x, t.y);
      await page.waitForFunction((count) => window.__clCard!.samples().length >= count, i + 1, { timeout: 5000 });
    }
    if (screenshot) {
      const t = targets.find((x) => x.kind === 'person') ?? targets[0];
      await page.mouse.move(t.x, t.y);
      await page.waitForFunction(() => document.querySelector('coverage-lens-card')?.getAttribute('data-cl-status') === 'ready', undefined, { timeout: 5000 }).catch(() => undefined);
      await page.waitForTimeout(200);
      await page.screenshot({ path: screenshot });
      log(`  screenshot of an open card: ${screenshot}`);
    }
    await page.mouse.move(5, 5);
    const samples = (await page.evaluate(() => window.__clCard!.samples())).slice(0, targets.length);
    const kinds: Record<string, number> = {};
    for (const s of samples) kinds[`${s.kind}/${s.status}`] = (kinds[`${s.kind}/${s.status}`] ?? 0) + 1;
    log(`  ${samples.length} cards opened over ${markers} markers: ${Object.entries(kinds).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    return {
      medianMs: median(samples.map((s) => s.paintedMs)),
      worstMs: max(samples.map((s) => s.paintedMs)),
      openMs: median(samples.map((s) => s.openMs)),
      renderMs: median(samples.map((s) => s.renderMs)),
      openToPaintMs: median(samples.map((s) => s.paintedMs - s.openMs)),
      pointerToPaintMs: median(samples.map((s) => s.pointerToPaintMs)),
      nullMs: median(nulls),
      samples: samples.length,
      kinds,
    };
  } finally {
    await context.close().catch(() => undefined);
  }
}
