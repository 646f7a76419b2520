/**
 * The built extension on the article-structure fixture pages (an article split across sibling
 * sections, a "read more" continuation, a chart story; with feeds, share lists, captions and
 * credits, bylines and bios, a video player and a sponsor line around and inside the article), in
 * Chromium and Firefox: the people and organisations marked are exactly the ones each page's
 * .expected.json lists (worked out by hand from the page), and no marker of any kind sits outside
 * the article's own text.
 */
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launchExtensionBrowser, type ExtensionBrowser } from './harness/browsers';
import { startFixtureServer, type FixtureServer } from './harness/server';
import { writeHeldMarkers } from './support/markers';

const NEWS = resolve(import.meta.dirname, '../fixtures/pages/news');
const PAGES = ['split-sections', 'read-more', 'chart-story', 'hustings-wire', 'story-cards'];
/** Pages photographed with their markers, for a person to look at (artifacts/ is not committed). */
const PHOTOGRAPHED = new Set(['hustings-wire', 'story-cards']);
const SHOTS = resolve(import.meta.dirname, '../../artifacts/article-pages');

interface Expected {
  page: string;
  articleText: string[];
  entities: string[];
  people: string[];
  organisations: string[];
  outsideOnly: string[];
}
const expectedFor = (name: string) => JSON.parse(readFileSync(resolve(NEWS, `${name}.expected.json`), 'utf8')) as Expected;

/** One marker as read from the page. */
interface Marker {
  kind: string;
  id: string;
  text: string;
  inArticle: boolean;
}

/** Runs in the page: once the number of markers has not changed for `quietMs`, every marker with its place. */
async function settledMarkers(args: { quietMs: number; articleText: string[] }): Promise<Marker[]> {
  const count = () => document.querySelectorAll('coverage-lens-mark').length;
  let last = count();
  for (;;) {
    await new Promise((r) => setTimeout(r, args.quietMs));
    const now = count();
    if (now === last) break;
    last = now;
  }
  return Array.from(document.querySelectorAll('coverage-lens-mark')).map((m) => ({
    kind: m.getAttribute('data-kind') ?? '',
    id: m.getAttribute('data-id') ?? '',
    text: (m.textContent ?? '').replace(/\s+/g, ' ').trim(),
    inArticle: args.articleText.some((selector) => m.closest(selector) !== null),
  }));
}

describe.each(BROWSERS)('article structures on news pages in %s', (name) => {
  let server: FixtureServer;
  let ext: ExtensionBrowser;

  beforeAll(async () => {
    server = await startFixtureServer();
    ext = await launchExtensionBrowser(name);
    await mkdir(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  for (const fixture of PAGES) {
    it(`${fixture}: marks exactly the article's people and organisations, nothing outside the article`, async () => {
      const expected = expectedFor(fixture);
      const tab = await ext.newPage();
      try {
        await tab.goto(server.url(expected.page));
        await tab.waitForSelector('coverage-lens-mark', { timeout: 15_000 });
        await tab.evaluate(settledMarkers, { quietMs: 800, articleText: expected.articleText });
        // Every marker, those held below the fold too (written on a Tab, src/page/held-marks.ts).
        await writeHeldMarkers(tab);
        const markers = await tab.evaluate(settledMarkers, { quietMs: 300, articleText: expected.articleText });
        if (PHOTOGRAPHED.has(fixture)) await tab.screenshot({ path: resolve(SHOTS, `${fixture}-${name}.png`), fullPage: true });
        expect(markers.filter((m) => !m.inArticle).map((m) => `${m.kind}: ${m.text}`)).toEqual([]);
        const names = markers.filter((m) => m.kind === 'person' || m.kind === 'organisation');
        expect([...new Set(names.map((m) => m.id))].sort()).toEqual(expected.entities.slice().sort());
        const texts = new Set(names.map((m) => m.text.replace(/['’]s$/, '')));
        for (const written of [...expected.people, ...expected.organisations]) expect(texts, written).toContain(written);
        for (const written of expected.outsideOnly) expect(texts, written).not.toContain(written);
      } finally {
        await tab.close();
      }
    });
  }

  it('story-cards: the hidden continuation gets no marker until the reader opens it, then its name is marked', async () => {
    const expected = expectedFor('story-cards');
    const tab = await ext.newPage();
    try {
      await tab.goto(server.url(expected.page));
      await tab.waitForSelector('coverage-lens-mark', { timeout: 15_000 });
      const before = await tab.evaluate(settledMarkers, { quietMs: 800, articleText: ['.collapsible'] });
      expect(before.filter((m) => m.inArticle)).toEqual([]);
      await tab.click('.toggle');
      await tab.waitForSelector('.collapsible coverage-lens-mark', { timeout: 15_000 });
      const after = await tab.evaluate(settledMarkers, { quietMs: 800, articleText: [...expected.articleText, '.collapsible'] });
      expect(after.filter((m) => !m.inArticle).map((m) => `${m.kind}: ${m.text}`)).toEqual([]);
      const revealed = await tab.evaluate(() =>
        Array.from(document.querySelectorAll('.collapsible coverage-lens-mark[data-kind="person"]')).map((m) => m.getAttribute('data-id')),
      );
      expect([...new Set(revealed)]).toEqual(['person:harriet-harman']);
    } finally {
      await tab.close();
    }
  });
});
