/**
 * The reader's own corpus, through the Corpora page of the built extension, in Chromium and
 * Firefox: choose a folder of files (good and bad), read the report, find the new corpus listed
 * with its counts, switch it off and on, rename it, delete it. Screenshots of the Corpora page,
 * an import in progress and the report go to artifacts/import/.
 */
import { writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage, ElementHandle } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CorpusSummary } from '../../src/shared/protocol';
import { BROWSERS, CORPUS_BROWSER_PATH, launchExtensionBrowser, requestFrom, waitForScanDone, type ExtensionBrowser, type PageLike } from './harness/browsers';
import { startFixtureServer, type FixtureServer } from './harness/server';

const ROOT = resolve(import.meta.dirname, '..', '..');
const FIXTURES = resolve(ROOT, 'tests/fixtures/import');
const SHOTS = resolve(ROOT, 'artifacts', 'import');

/** Files chosen together, as a reader picks several files from one folder. */
const CHOSEN = ['ferry-timetable.txt', 'ferry-copy.txt', 'empty.txt', 'binary.txt', 'picture.png', 'saved-article.html', 'news-please.jsonl', 'archive.zip'];

/** A news-please export large enough that analysing it takes a while (written, not committed). */
const BIG_EXPORT = resolve(tmpdir(), 'coverage-lens-e2e-big-export.jsonl');
/** Rows in it: a few seconds of analysis on a 2-core machine, so a cancel lands mid-way. */
const BIG_EXPORT_ROWS = 1500;

function writeBigExport(): void {
  const places = ['Eastwick', 'Harlow Cross', 'Millbay', 'Stonegate', 'Wyecombe'];
  const people = ['Dorian Pell', 'Maren Ashby', 'Tobias Creel', 'Ines Varga', 'Oren Blake'];
  const rows: string[] = [];
  for (let i = 0; i < BIG_EXPORT_ROWS; i++) {
    const place = places[i % places.length];
    const person = people[(i * 7) % people.length];
    const text = `The council of ${place} approved ${i + 3} new homes on Monday. "We need them now," said ${person}, who leads the housing committee. The plan will cost ${(i % 40) + 2} million pounds over ${(i % 5) + 2} years, officials said.`;
    rows.push(JSON.stringify({ title: `Homes plan ${i} for ${place}`, maintext: text, date_publish: `2025-02-${String((i % 28) + 1).padStart(2, '0')} 09:00:00`, source_domain: `paper-${i % 9}.example.org`, url: `https://paper-${i % 9}.example.org/homes/${i}`, authors: [person] }));
  }
  writeFileSync(BIG_EXPORT, rows.join('\n') + '\n');
}

/** Sets files on a file input, the way each driver does it. */
async function chooseFiles(page: PageLike, selector: string, files: string[]): Promise<void> {
  const paths = files.map((f) => (f.startsWith('/') ? f : resolve(FIXTURES, f)));
  if ('setInputFiles' in page.raw) {
    await (page.raw as PlaywrightPage).setInputFiles(selector, paths);
  } else {
    const input = (await (page.raw as PuppeteerPage).$(selector)) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(...paths);
  }
}

async function corpora(page: PageLike): Promise<CorpusSummary[]> {
  const got = await requestFrom<CorpusSummary[]>(page, 'listCorpora', {});
  if (!got.ok) throw new Error(got.error);
  return got.value;
}

describe.each(BROWSERS)('importing files on the Corpora page, in %s', (name) => {
  let ext: ExtensionBrowser;
  let page: PageLike;
  let server: FixtureServer;

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    writeBigExport();
    server = await startFixtureServer();
    ext = await launchExtensionBrowser(name);
    page = await ext.openExtensionPage(`${CORPUS_BROWSER_PATH}#/corpora`);
    await page.setViewport({ width: 1000, height: 900 });
    await page.waitForSelector('[data-testid="corpus-row"][data-corpus-id="bundled"]', { timeout: 20_000 });
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('imports the good files into a new corpus and reports each bad one by name and reason', async () => {
    await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('[data-testid="new-name"]')!;
      input.value = 'Harbour notes';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await chooseFiles(page, '[data-testid="choose-files"]', CHOSEN);
    await page.waitForSelector('[data-testid="import-done"]', { timeout: 60_000 });
    await page.screenshot({ path: resolve(SHOTS, `report-${name}.png`), fullPage: true });

    const report = await page.evaluate(() =>
      Array.from(document.querySelectorAll('[data-testid="import-report"] li')).map((li) => ({ level: li.getAttribute('data-level'), code: li.getAttribute('data-code'), text: li.textContent ?? '' })),
    );
    const rejected = (file: string) => report.find((r) => r.level === 'rejected' && r.text.includes(file));
    expect(rejected('empty.txt')?.code).toBe('empty');
    expect(rejected('binary.txt')?.code).toBe('binary');
    expect(rejected('picture.png')).toBeDefined();
    expect(rejected('ferry-copy.txt')?.code).toBe('duplicate-text');

    const done = await page.textOf('[data-testid="import-done"]');
    expect(done).toContain('Harbour notes');
    const list = await corpora(page);
    const mine = list.find((c) => c.name === 'Harbour notes');
    expect(mine).toMatchObject({ origin: 'imported', status: 'ready', active: true });
    // The timetable, the saved page, the news-please rows and the archive's articles: more than three.
    expect(mine!.counts.articles).toBeGreaterThan(3);
    await page.waitForFunction((id: string) => document.querySelector(`[data-testid="corpus-row"][data-corpus-id="${id}"]`) !== null, mine!.id);
    await page.screenshot({ path: resolve(SHOTS, `corpora-${name}.png`), fullPage: true });
  });

  it('marks a page from the imported corpus, says so on the card, and stops when the corpus is switched off', async () => {
    const mine = (await corpora(page)).find((c) => c.name === 'Harbour notes')!;
    const person = 'coverage-lens-mark[data-kind="person"][data-id="person:dorian-pell"][data-cl-first]';
    const tab = await ext.newPage();
    try {
      // A copy of the imported timetable article at another address is taken for that article: once
      // scanned, its board chair (named in the import only) is not marked.
      const copy = server.url('add-page/ferry-vote.html');
      await tab.goto(copy);
      await waitForScanDone(ext, page, copy);
      expect(await tab.evaluate((sel: string) => document.querySelectorAll(sel).length, person)).toBe(0);

      // A page in our own words about the same story (the chair's name, a fact or two retold) is covered by it.
      await tab.goto(server.url('add-page/ferry-reaction.html'));
      await tab.waitForSelector(person, { timeout: 20_000 });
      await tab.evaluate((sel: string) => (document.querySelector(sel) as HTMLElement).focus(), person);
      await tab.waitForFunction(() => document.querySelector('coverage-lens-card')?.getAttribute('data-cl-status') === 'ready', undefined, { timeout: 20_000 });
      const cardText = await tab.evaluate(() => document.querySelector('coverage-lens-card')?.shadowRoot?.textContent ?? '');
      expect(cardText).toContain('Dorian Pell');
      expect(cardText).toContain('Harbour notes');
      await tab.screenshot({ path: resolve(SHOTS, `card-imported-${name}.png`) });

      // The card's link opens the corpus browser in the corpus the evidence came from (Enter: a trusted activation).
      const browserTabs = async () => {
        const out: PageLike[] = [];
        for (const p of await ext.pages()) if ((await p.url().catch(() => '')).includes(CORPUS_BROWSER_PATH)) out.push(p);
        return out;
      };
      const before = (await browserTabs()).length;
      await tab.evaluate(() => {
        const buttons = document.querySelector('coverage-lens-card')!.shadowRoot!.querySelectorAll('button');
        [...buttons].find((b) => /open in corpus browser/i.test(b.textContent ?? ''))!.focus();
      });
      await tab.keyboard.press('Enter');
      await expect.poll(async () => (await browserTabs()).length, { timeout: 15_000 }).toBe(before + 1);
      const opened = (await browserTabs()).at(-1)!;
      await opened.waitForSelector('[data-testid="view-entity"][data-cl-id="person:dorian-pell"]', { timeout: 20_000 });
      expect(await opened.evaluate(() => document.querySelector<HTMLSelectElement>('[data-testid="corpus-picker"]')!.value)).toBe(mine.id);
      expect(decodeURIComponent(await opened.url())).toMatch(new RegExp(`corpus[=/]${mine.id}`));
      await opened.close();

      await requestFrom(page, 'setCorpusActive', { id: mine.id, active: false });
      // A new address, so the tab's findings cannot be the previous load's.
      const again = server.url('add-page/ferry-reaction.html?switched-off');
      await tab.goto(again);
      // Once the page reports its scan done, the switched-off corpus's markers are surely absent.
      await waitForScanDone(ext, page, again);
      expect(await tab.evaluate((sel: string) => document.querySelectorAll(sel).length, person)).toBe(0);
    } finally {
      await tab.close();
      await requestFrom(page, 'setCorpusActive', { id: mine.id, active: true });
    }
  });

  it('switches the new corpus off and on, renames it, and deletes it after a confirmation', async () => {
    const mine = (await corpora(page)).find((c) => c.name === 'Harbour notes')!;
    const row = `[data-testid="corpus-row"][data-corpus-id="${mine.id}"]`;
    await page.click(`${row} [data-testid="corpus-active"]`);
    await expect.poll(async () => (await corpora(page)).find((c) => c.id === mine.id)?.active, { timeout: 10_000 }).toBe(false);
    await page.click(`${row} [data-testid="corpus-active"]`);
    await expect.poll(async () => (await corpora(page)).find((c) => c.id === mine.id)?.active, { timeout: 10_000 }).toBe(true);

    await page.click(`${row} [data-testid="rename"]`);
    await page.evaluate((sel: string) => {
      const input = document.querySelector<HTMLInputElement>(`${sel} [data-testid="rename-input"]`)!;
      input.value = 'Island ferry notes';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }, row);
    // Submitted as a reader would, after the typed name has rendered.
    await page.waitForFunction((sel: string) => document.querySelector<HTMLInputElement>(`${sel} [data-testid="rename-input"]`)?.value === 'Island ferry notes', row);
    await page.evaluate((sel: string) => document.querySelector<HTMLInputElement>(`${sel} [data-testid="rename-input"]`)!.form!.requestSubmit(), row);
    await expect.poll(async () => (await corpora(page)).find((c) => c.id === mine.id)?.name, { timeout: 10_000 }).toBe('Island ferry notes');

    await page.click(`${row} [data-testid="delete"]`);
    await page.click(`${row} [data-testid="confirm-delete"]`);
    await expect.poll(async () => (await corpora(page)).map((c) => c.id), { timeout: 10_000 }).toEqual(['bundled']);
    // The bundled corpus offers no delete button.
    expect(await page.evaluate(() => document.querySelector('[data-corpus-id="bundled"] [data-testid="delete"]'))).toBeNull();
  });

  it('shows a progress bar while a large export is analysed, then lists the new corpus', async () => {
    await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('[data-testid="new-name"]')!;
      input.value = 'Housing export';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    // The file buttons as they are at the moment analysis shows its progress (read in the page, so a fast analysis cannot end first).
    const buttons = page.evaluate(
      () =>
        new Promise<{ label: string | null; input: boolean }[]>((resolve) => {
          const observer = new MutationObserver(() => {
            if (!document.querySelector('[data-testid="import-progress"][data-phase="analysing"]')) return;
            observer.disconnect();
            resolve(Array.from(document.querySelectorAll<HTMLInputElement>('.cl-dropzone input[type="file"]')).map((i) => ({ label: i.closest('label')!.getAttribute('aria-disabled'), input: i.disabled })));
          });
          observer.observe(document.body, { subtree: true, childList: true, attributes: true });
        }),
    );
    await chooseFiles(page, '[data-testid="choose-files"]', [BIG_EXPORT]);
    // While it runs, the file buttons are off and say so. The page's own observer is what sees the
    // analysing phase: it lasts about 0.45 s for this export, and a selector poll from here (its
    // later polls 0.5 s apart) can fall before and after it, as a fresh-clone CI run did.
    expect(await buttons).toEqual([{ label: 'true', input: true }, { label: 'true', input: true }, { label: 'true', input: true }]);
    await page.screenshot({ path: resolve(SHOTS, `progress-${name}.png`) });
    await page.waitForSelector('[data-testid="import-done"]', { timeout: 120_000 });
    const made = (await corpora(page)).find((c) => c.name === 'Housing export');
    expect(made).toMatchObject({ status: 'ready', counts: { articles: BIG_EXPORT_ROWS } });
    await requestFrom(page, 'deleteCorpus', { id: made!.id });
  });

  it('cancels an import while it is analysing and leaves the corpora as they were', async () => {
    const before = (await corpora(page)).map((c) => c.id);
    await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('[data-testid="new-name"]')!;
      input.value = 'Cancelled import';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    // Cancel from inside the page the moment analysis is reported, so the worker is surely mid-way.
    const cancelled = page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const observer = new MutationObserver(() => {
            if (!document.querySelector('[data-testid="import-progress"][data-phase="analysing"]')) return;
            observer.disconnect();
            document.querySelector<HTMLButtonElement>('[data-testid="import-cancel"]')!.click();
            resolve('clicked');
          });
          observer.observe(document.body, { subtree: true, childList: true, attributes: true });
        }),
    );
    await chooseFiles(page, '[data-testid="choose-files"]', [BIG_EXPORT]);
    expect(await cancelled).toBe('clicked');
    await page.waitForFunction(() => document.querySelector('[data-testid="import-state"]')?.getAttribute('data-stage') === 'done', undefined, { timeout: 20_000 });
    expect(await page.textOf('[data-testid="import-done"]')).toMatch(/cancelled/i);
    await expect.poll(async () => (await corpora(page)).map((c) => c.id), { timeout: 10_000 }).toEqual(before);
  });
});
