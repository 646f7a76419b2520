/**
 * A page that restates a corpus article (seed 001's text on a mirror address, not the article's
 * own): with the built extension, claim underlines stay on a bounded share of its paragraphs (the
 * marking policy takes the page for that article once two sentences restate it key for key), while
 * its names are still marked. A screenshot goes to artifacts/e2e/restated-page-<browser>.png.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launchExtensionBrowser, type ExtensionBrowser } from './harness/browsers';
import { startFixtureServer, type FixtureServer } from './harness/server';
import { markersSettled, readMarkedMatches, writeHeldMarkers } from './support/markers';

const ARTIFACTS = resolve(import.meta.dirname, '..', '..', 'artifacts', 'e2e');
/** As in tests/unit/match/restating-page.test.ts: at most a quarter of the page's statements lights up as a claim (here counted per paragraph, a coarser unit, so the bound is looser than per sentence). */
const MAX_CLAIM_PARAGRAPH_SHARE = 0.25;


describe.each(BROWSERS)('a page restating a corpus article in %s', (name) => {
  let server: FixtureServer;
  let ext: ExtensionBrowser;

  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    server = await startFixtureServer();
    ext = await launchExtensionBrowser(name);
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('underlines claims in a bounded share of its paragraphs and still marks its names', async () => {
    const tab = await ext.newPage();
    try {
      await tab.goto(server.url('restated/seed-copy.html'));
      await tab.evaluate(markersSettled, 1500);
      // Every marker written (held ones too), so the share counts all the page would underline.
      await writeHeldMarkers(tab);
      await tab.evaluate(markersSettled, 300);
      // The Tab focused the first marker and opened its card: closed, so the screenshot shows the page.
      await tab.keyboard.press('Escape');
      const groups = await tab.evaluate(readMarkedMatches);
      const counts = await tab.evaluate(() => {
        const paragraphs = Array.from(document.querySelectorAll('#story p'));
        return {
          paragraphs: paragraphs.length,
          withClaim: paragraphs.filter((p) => p.querySelector('coverage-lens-mark[data-kind="claim"]')).length,
        };
      });
      expect(groups.some((g) => g.kind === 'person')).toBe(true);
      expect(counts.paragraphs).toBeGreaterThan(20);
      expect(counts.withClaim / counts.paragraphs).toBeLessThanOrEqual(MAX_CLAIM_PARAGRAPH_SHARE);
      await tab.screenshot({ path: resolve(ARTIFACTS, `restated-page-${name}.png`), fullPage: true });
    } finally {
      await tab.close();
    }
  });
});
