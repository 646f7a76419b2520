/**
 * An import interrupted while it writes, in Chromium and Firefox: the Corpora tab closed, and the
 * Corpora page reloaded, each the moment the worker reports rows written; and in Chromium the
 * browser process killed mid-write and relaunched on the same profile. Afterwards the corpora
 * are listed exactly as before (no half-imported corpus, listed or active), no row of the
 * interrupted generation is left in IndexedDB, and a later import works.
 *
 * The interruption is started from inside the page as soon as saving progress shows rows written
 * (a driver round-trip can come after a fast write ends). Should the import finish first anyway,
 * the new corpus is listed and the test fails: it cannot pass without an interruption.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage, ElementHandle } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CorpusSummary } from '../../src/shared/protocol';
import { BROWSERS, CORPUS_BROWSER_PATH, launchExtensionBrowser, requestFrom, type ExtensionBrowser, type PageLike } from './harness/browsers';

const ROOT = resolve(import.meta.dirname, '..', '..');
const SMALL = resolve(ROOT, 'tests/fixtures/import/ferry-timetable.txt');
/** A Trafilatura-style export written for this test (not committed). */
const EXPORT = resolve(tmpdir(), 'coverage-lens-e2e-interrupt-export.json');
/** Rows in it: enough that writing the corpus takes several transactions. */
const EXPORT_ROWS = 1200;
/** Where the page notes that it interrupted itself (localStorage is shared by the extension's pages). */
const NOTE = 'cl-e2e-interrupted';

function writeExport(): void {
  const towns = ['Brackwater', 'Lindenmoor', 'Quarry Hill', 'Saltmere', 'Ottery Vale'];
  const people = ['Priya Holloway', 'Anselm Drury', 'Josefa Kettering', 'Wendell Osei', 'Marit Lund'];
  const rows = [];
  for (let i = 0; i < EXPORT_ROWS; i++) {
    const town = towns[i % towns.length];
    const person = people[(i * 3) % people.length];
    rows.push({
      title: `Library hours change ${i} in ${town}`,
      text: `The library in ${town} will open ${(i % 6) + 2} extra hours a week from March. "Readers asked for evenings," said ${person}, who chairs the libraries board. The change costs ${(i % 30) + 5} thousand pounds a year, the board said.`,
      date: `2026-03-${String((i % 28) + 1).padStart(2, '0')}`,
      sitename: `Gazette ${i % 7}`,
      url: `https://gazette-${i % 7}.example.net/library/${i}`,
      author: person,
    });
  }
  writeFileSync(EXPORT, JSON.stringify(rows));
}

/** Sets files on a file input, the way each driver does it. */
async function chooseFiles(page: PageLike, files: string[]): Promise<void> {
  const selector = '[data-testid="choose-files"]';
  if ('setInputFiles' in page.raw) await (page.raw as PlaywrightPage).setInputFiles(selector, files);
  else {
    const input = (await (page.raw as PuppeteerPage).$(selector)) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(...files);
  }
}

async function corpora(page: PageLike): Promise<CorpusSummary[]> {
  const got = await requestFrom<CorpusSummary[]>(page, 'listCorpora', {});
  if (!got.ok) throw new Error(got.error);
  return got.value;
}

/** Rows of the corpus database whose generation no corpus reads from (what an interrupted install leaves). */
async function strayRows(page: PageLike): Promise<number> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((done, fail) => {
      const open = indexedDB.open('coverage-lens-corpora');
      open.onsuccess = () => done(open.result);
      open.onerror = () => fail(open.error);
    });
    const all = <T,>(request: IDBRequest<T>) => new Promise<T>((done, fail) => {
      request.onsuccess = () => done(request.result);
      request.onerror = () => fail(request.error);
    });
    const tx = db.transaction(['corpora', 'articles', 'records', 'details', 'matcher', 'state'], 'readonly');
    const metas = await all(tx.objectStore('corpora').getAll());
    // Called when no import runs: a generation still pending is a leftover too. Article rows of an
    // earlier generation that a live one shares (an add writes only the articles it adds) are live.
    const live = new Set(metas.map((m: { data: string }) => m.data));
    const liveArticles = new Set(metas.flatMap((m: { data: string; articlesFrom?: string[] }) => [m.data, ...(m.articlesFrom ?? [])]));
    // Record and card rows of an earlier generation that a live one shares likewise (CorpusMeta.rowsFrom).
    const liveRows = new Set(metas.flatMap((m: { data: string; rowsFrom?: string[] }) => [m.data, ...(m.rowsFrom ?? [])]));
    let stray = 0;
    for (const store of ['articles', 'records', 'details', 'matcher', 'state']) {
      const keep = store === 'articles' ? liveArticles : store === 'records' || store === 'details' ? liveRows : live;
      for (const key of await all(tx.objectStore(store).getAllKeys())) if (!keep.has((key as string[])[0])) stray++;
    }
    db.close();
    return stray;
  });
}

/**
 * The corpora as listed, then the stray rows. Polled: a worker being torn down may still hold its
 * install lock when the page lists, and then its leftovers go at the next list, not that one.
 */
async function listedAndStray(page: PageLike): Promise<{ listed: CorpusSummary[]; stray: number }> {
  const listed = await corpora(page);
  return { listed, stray: await strayRows(page) };
}

/**
 * Arms the page: the moment the progress bar shows rows written, it notes that in localStorage and
 * closes its own tab or reloads itself.
 */
async function armInterruption(page: PageLike, how: 'close' | 'reload'): Promise<void> {
  await page.evaluate(
    ({ how, note }) => {
      localStorage.removeItem(note);
      const observer = new MutationObserver(() => {
        const bar = document.querySelector('[data-testid="import-progress"][data-phase="saving"] progress');
        if (!bar || Number(bar.getAttribute('data-done')) <= 0) return;
        observer.disconnect();
        localStorage.setItem(note, bar.getAttribute('data-done')!);
        if (how === 'reload') location.reload();
        else {
          type Tabs = { getCurrent(): Promise<{ id?: number } | undefined>; remove(id: number): Promise<void> };
          const g = globalThis as unknown as { browser?: { tabs: Tabs }; chrome?: { tabs: Tabs } };
          const tabs = (g.browser ?? g.chrome)!.tabs;
          void tabs.getCurrent().then((tab) => tabs.remove(tab!.id!));
        }
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true });
    },
    { how, note: NOTE },
  );
}

/** Whether a page still answers: a closed tab's evaluation fails (Puppeteer's isClosed() does not learn that an extension closed it). */
async function stateOf(page: PageLike): Promise<'alive' | 'gone' | 'silent'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const silent = new Promise<'silent'>((done) => (timer = setTimeout(() => done('silent'), 5_000)));
  const answer = page.evaluate(() => 'alive' as const).catch(() => 'gone' as const);
  return Promise.race([answer, silent]).finally(() => clearTimeout(timer));
}

async function setNewName(page: PageLike, name: string): Promise<void> {
  await page.evaluate((value: string) => {
    const input = document.querySelector<HTMLInputElement>('[data-testid="new-name"]')!;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, name);
}

/** Chooses "add to" an existing corpus on the import panel. */
async function chooseAddTo(page: PageLike, id: string): Promise<void> {
  await page.click('[data-testid="target-add"]');
  await page.evaluate((value: string) => {
    const select = document.querySelector<HTMLSelectElement>('[data-testid="add-to"]')!;
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }, id);
}

describe.each(BROWSERS)('an import interrupted while it writes, in %s', (name) => {
  let ext: ExtensionBrowser;
  let page: PageLike;
  let ferry: CorpusSummary;

  async function openCorpora(): Promise<PageLike> {
    const opened = await ext.openExtensionPage(`${CORPUS_BROWSER_PATH}#/corpora`);
    await opened.waitForSelector('[data-testid="corpus-row"][data-corpus-id="bundled"]', { timeout: 30_000 });
    return opened;
  }

  /** What the page noted when it interrupted itself; read again while a reload swaps the page's context. */
  async function noted(from: PageLike): Promise<number> {
    await from.waitForFunction((note: string) => localStorage.getItem(note) !== null, NOTE, { timeout: 180_000 });
    for (let attempt = 0; ; attempt++) {
      try {
        return Number(await from.evaluate((note: string) => localStorage.getItem(note), NOTE));
      } catch (error) {
        if (attempt >= 50) throw error;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  }

  beforeAll(async () => {
    writeExport();
    ext = await launchExtensionBrowser(name);
    page = await openCorpora();
    await setNewName(page, 'Ferry notes');
    await chooseFiles(page, [SMALL]);
    await page.waitForSelector('[data-testid="import-done"]', { timeout: 60_000 });
    ferry = (await corpora(page)).find((c) => c.name === 'Ferry notes')!;
    expect(ferry).toMatchObject({ status: 'ready', counts: { articles: 1 } });
  }, 120_000);

  afterAll(async () => {
    await ext?.close();
  });

  it('the Corpora tab closed while a new corpus is written: the corpora are as before, nothing of it is left', async () => {
    const before = await corpora(page);
    await setNewName(page, 'Library export');
    await armInterruption(page, 'close');
    await chooseFiles(page, [EXPORT]);
    const closing = page;
    const watcher = await ext.openExtensionPage(`${CORPUS_BROWSER_PATH}#/corpora`);
    page = watcher;
    expect(await noted(watcher)).toBeGreaterThan(0);
    await expect.poll(() => stateOf(closing), { timeout: 10_000 }).toBe('gone');
    await expect.poll(() => listedAndStray(watcher), { timeout: 20_000 }).toEqual({ listed: before, stray: 0 });
  }, 240_000);

  it('the Corpora page reloaded while articles are added to a corpus: that corpus is as before, nothing of the add is left', async () => {
    await page.waitForSelector('[data-testid="corpus-row"][data-corpus-id="bundled"]', { timeout: 30_000 });
    const before = await corpora(page);
    await chooseAddTo(page, ferry.id);
    await armInterruption(page, 'reload');
    await chooseFiles(page, [EXPORT]);
    expect(await noted(page)).toBeGreaterThan(0);
    await page.waitForSelector('[data-testid="corpus-row"][data-corpus-id="bundled"]', { timeout: 30_000 });
    await expect.poll(() => listedAndStray(page), { timeout: 20_000 }).toEqual({ listed: before, stray: 0 });
  }, 240_000);

  it('a later import works: the same export is then added to the corpus whole', async () => {
    await chooseAddTo(page, ferry.id);
    await chooseFiles(page, [EXPORT]);
    await page.waitForSelector('[data-testid="import-done"]', { timeout: 180_000 });
    const added = (await corpora(page)).find((c) => c.id === ferry.id);
    expect(added).toMatchObject({ status: 'ready', active: true, counts: { articles: 1 + EXPORT_ROWS } });
    // The generation the add replaced is removed after "done" (the worker closes once it is gone).
    await expect.poll(() => strayRows(page), { timeout: 20_000 }).toBe(0);
  }, 240_000);
});

/** The pid of the Chromium browser process running on `profile` (its own, not a child's: those have --type=). */
function chromiumPid(profile: string): number {
  const lines = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).split('\n');
  const mine = lines.filter((line) => line.includes(`--user-data-dir=${profile}`) && !line.includes('--type='));
  if (mine.length !== 1) throw new Error(`expected one Chromium browser process on ${profile}, found ${mine.length}`);
  return Number(mine[0]!.trim().split(/\s+/)[0]);
}

// Firefox is not killed here: the harness installs the extension as a temporary add-on, which a
// relaunched Firefox no longer has, so there is no extension to relaunch on the same profile.
describe('an import interrupted by killing Chromium mid-write', () => {
  let profile: string;
  let ext: ExtensionBrowser | undefined;

  beforeAll(async () => {
    writeExport();
    profile = await mkdtemp(join(tmpdir(), 'cl-e2e-kill-'));
  });

  afterAll(async () => {
    await ext?.close();
    await rm(profile, { recursive: true, force: true });
  });

  it('relaunched on the same profile, the corpora are as before, nothing of the import is left, and a later import works', async () => {
    ext = await launchExtensionBrowser('chromium', { chromiumProfile: profile });
    let page = await ext.openExtensionPage(`${CORPUS_BROWSER_PATH}#/corpora`);
    await page.waitForSelector('[data-testid="corpus-row"][data-corpus-id="bundled"]', { timeout: 30_000 });
    await setNewName(page, 'Ferry notes');
    await chooseFiles(page, [SMALL]);
    await page.waitForSelector('[data-testid="import-done"]', { timeout: 60_000 });
    const before = await corpora(page);
    expect(before.map((c) => c.name)).toContain('Ferry notes');

    await setNewName(page, 'Library export');
    await chooseFiles(page, [EXPORT]);
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="import-progress"][data-phase="saving"] progress')?.getAttribute('data-done') ?? 0) > 0, undefined, { timeout: 180_000 });
    process.kill(chromiumPid(profile), 'SIGKILL');
    await ext.close();

    ext = await launchExtensionBrowser('chromium', { chromiumProfile: profile });
    page = await ext.openExtensionPage(`${CORPUS_BROWSER_PATH}#/corpora`);
    await page.waitForSelector('[data-testid="corpus-row"][data-corpus-id="bundled"]', { timeout: 30_000 });
    // A relaunch loads the unpacked extension afresh, which re-installs the bundled corpus (its
    // `updated` time moves); everything else is as before.
    const unstamped = (list: CorpusSummary[]) => list.map((c) => (c.origin === 'bundled' ? { ...c, updated: 0 } : c));
    expect(unstamped(await corpora(page))).toEqual(unstamped(before));
    expect(await strayRows(page)).toBe(0);

    await setNewName(page, 'After the restart');
    await chooseFiles(page, [SMALL]);
    await page.waitForSelector('[data-testid="import-done"]', { timeout: 60_000 });
    expect((await corpora(page)).find((c) => c.name === 'After the restart')).toMatchObject({ status: 'ready', active: true, counts: { articles: 1 } });
  }, 300_000);
});
