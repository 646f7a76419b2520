/**
 * `lookup` prints exactly what the page marks (issue 10): the same fixture pages run through the
 * built extension in Chromium and, as text, through `lookup`; the markers must match one for one
 * (kind, record id and text, in page order). The page's text is read in the page by the content
 * script's own text map (bundled here from src/page; with the extension switched off for the site,
 * since the text map skips our markers), one block per paragraph, and handed to lookup as
 * paragraphs separated by blank lines, which is how lookup splits its input into blocks.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lookup } from '../../scripts/lib/lookup';
import type { CorpusIndex } from '../../src/core/index/types';
import { POPUP_PATH, launchExtensionBrowser, type ExtensionBrowser, type PageLike } from './harness/browsers';
import { startFixtureServer, type FixtureServer } from './harness/server';
import { readMarkedMatches, writeHeldMarkers, type MarkedMatch } from './support/markers';

const ROOT = resolve(import.meta.dirname, '..', '..');
/** The index the build bundled into the extension (npm run build writes it). */
const index = JSON.parse(readFileSync(resolve(ROOT, 'src/generated/index.json'), 'utf8')) as CorpusIndex;

type Marker = MarkedMatch;
const readMarkers = readMarkedMatches;

/** Runs in the page: waits until the marker count has not changed for `quietMs`. */
async function markersSettled(quietMs: number): Promise<number> {
  const count = () => document.querySelectorAll('coverage-lens-mark').length;
  let last = count();
  for (;;) {
    await new Promise((r) => setTimeout(r, quietMs));
    if (count() === last && last > 0) return last;
    last = count();
  }
}

describe('lookup and the page mark the same matches (chromium)', () => {
  let server: FixtureServer;
  let ext: ExtensionBrowser;
  let readBlocksScript = '';
  let control: PageLike;
  const setSiteEnabled = (enabled: boolean) =>
    control.evaluate(
      (message: unknown) => {
        type Runtime = { runtime: { sendMessage(m: unknown): Promise<unknown> } };
        const g = globalThis as unknown as { browser?: Runtime; chrome?: Runtime };
        return (g.browser ?? g.chrome)!.runtime.sendMessage(message);
      },
      { type: 'setSiteEnabled', payload: { host: '127.0.0.1', enabled } },
    );

  beforeAll(async () => {
    server = await startFixtureServer();
    ext = await launchExtensionBrowser('chromium');
    control = await ext.openExtensionPage(POPUP_PATH);
    const bundle = await build({
      stdin: {
        contents:
          "import { walkBlocks } from './src/page/text-map'; import { findArticleRoot } from './src/page/article-root';" +
          ' (globalThis as any).__clReadBlocks = () => [...walkBlocks(findArticleRoot(document))].map((b) => b.text);',
        resolveDir: ROOT,
        loader: 'ts',
      },
      bundle: true,
      write: false,
      format: 'iife',
      logLevel: 'silent',
    });
    readBlocksScript = bundle.outputFiles[0].text;
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  for (const fixture of ['news/launch-rally.html', 'news/unions-momentum.html', 'news/mps-letter.html', 'news/long-read.html']) {
    it(`${fixture}: the same markers, one for one`, async () => {
      const tab = await ext.newPage();
      try {
        await tab.goto(server.url(fixture));
        await tab.evaluate(markersSettled, 800);
        // Every marker, those held below the fold too (written on a Tab, src/page/held-marks.ts).
        await writeHeldMarkers(tab);
        await tab.evaluate(markersSettled, 300);
        const page = await tab.evaluate(readMarkers);
        // The text map leaves our own elements alone, so the page is read with the extension
        // switched off for the site (which restores the DOM exactly).
        await setSiteEnabled(false);
        await tab.waitForFunction(() => document.querySelectorAll('coverage-lens-mark').length === 0, undefined, { timeout: 10_000 });
        const blocks = await tab.evaluate((script: string) => {
          (0, eval)(script);
          return (globalThis as unknown as { __clReadBlocks: () => string[] }).__clReadBlocks();
        }, readBlocksScript);
        const text = blocks.join('\n\n');
        const printed = lookup(text, index).detections.map((d) => ({ kind: d.kind, id: d.id, text: d.text.replace(/\s+/g, ' ').trim() }));
        expect(page.length).toBeGreaterThan(5);
        expect(page).toEqual(printed);
      } finally {
        await setSiteEnabled(true);
        await tab.close();
      }
    });
  }
});
