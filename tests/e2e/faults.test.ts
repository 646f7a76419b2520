/**
 * Faults, with the built extension: the background stops while a card is open (Chromium: the
 * service worker stopped over CDP; Firefox: the event page suspended by a 1 s idle timeout), a
 * detail look-up fails inside the background (Chromium: a failure injected into the running
 * service worker), storage holds corrupt or old-schema settings, and the extension is reloaded
 * under a live page, and a stored corpus has a corrupt record. The page always keeps working; the
 * extension recovers or steps aside quietly, and a broken corpus is named, with the reason, in the popup.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { BrowserContext, CDPSession, Page as PlaywrightPage } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCorpus } from '../../scripts/lib/read-corpus';
import { analyseCorpus } from '../../src/core/analysis/index';
import type { CorpusSummary } from '../../src/shared/protocol';
import { migrateSettings, type Settings } from '../../src/shared/settings';
import { serialiseCorpusFile } from '../../src/store/corpus-file';
import { BROWSERS, POPUP_PATH, distDir, launchExtensionBrowser, waitForScanDone, type BrowserName, type ExtensionBrowser, type PageLike } from './harness/browsers';
import { startFixtureServer, type FixtureServer } from './harness/server';
import { writeHeldMarkers } from './support/markers';

const ROOT = resolve(import.meta.dirname, '..', '..');
const SHOTS = resolve(ROOT, 'artifacts', 'faults');
const PAGE = 'news/launch-rally.html';
const PERSON = 'coverage-lens-mark[data-kind="person"][data-cl-first]';
/** A second corpus (invented articles), as `npm run corpus` writes it. */
const SECOND_FILE = serialiseCorpusFile(analyseCorpus(readCorpus(resolve(ROOT, 'tests/fixtures/corpora/second')).articles));
const READY = 'coverage-lens-card[data-cl-status="ready"]:is([data-cl-state="open"],[data-cl-state="pinned"])';

type Api = {
  runtime: { sendMessage(m: unknown): Promise<unknown>; reload(): void };
  storage: { local: { get(k: string | null): Promise<Record<string, unknown>>; set(v: object): Promise<void> } };
};
async function send(page: PageLike, message: unknown): Promise<unknown> {
  return page.evaluate(async (m: unknown) => {
    const g = globalThis as unknown as { browser?: Api; chrome?: Api };
    return (g.browser ?? g.chrome)!.runtime.sendMessage(m);
  }, message);
}

/** Waits until `fn` holds in the page, polling from the test (no in-page helpers needed). */
async function until<T>(page: PageLike, fn: () => T | Promise<T>, ok: (value: T) => boolean, timeout = 10_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = (await page.evaluate(fn as () => T)) as T;
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met in ${timeout} ms; last value ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The page state once it has stopped changing (two reads 400 ms apart agree). */
async function settled(page: PageLike): Promise<ReturnType<typeof pageState>> {
  let last = JSON.stringify(await page.evaluate(pageState));
  for (let i = 0; i < 30; i++) {
    await new Promise((r) => setTimeout(r, 400));
    const now = await page.evaluate(pageState);
    if (JSON.stringify(now) === last) return now;
    last = JSON.stringify(now);
  }
  throw new Error('the page never settled');
}

/** What the page shows: article text, marker count by first pieces, card hosts, heartbeat. */
function pageState(): { text: string; marks: number; people: number; cards: number; nested: number; old: number } {
  const article = document.querySelector('#story') ?? document.querySelector('article') ?? document.body;
  const nested = [...document.querySelectorAll('coverage-lens-mark')].filter((m) => {
    const outer = m.parentElement?.closest('coverage-lens-mark');
    return outer !== null && outer !== undefined && outer.getAttribute('data-id') === m.getAttribute('data-id');
  }).length;
  return {
    text: article.textContent ?? '',
    marks: document.querySelectorAll('coverage-lens-mark[data-cl-first]').length,
    people: document.querySelectorAll('coverage-lens-mark[data-kind="person"][data-cl-first]').length,
    cards: document.querySelectorAll('coverage-lens-card').length,
    nested,
    // Markers the test tagged before a reload (an old instance's).
    old: document.querySelectorAll('coverage-lens-mark[data-test-old]').length,
  };
}

describe.each(BROWSERS)('faults in %s', (name: BrowserName) => {
  let server: FixtureServer;
  let ext: ExtensionBrowser;

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    server = await startFixtureServer();
    // Firefox: let the event page go idle after 1 s instead of 30 s, so it is suspended mid-test.
    ext = await launchExtensionBrowser(name, { firefoxPrefs: { 'extensions.background.idle.timeout': 1_000 } });
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  /** Opens an extension page, retrying Firefox's occasional failed moz-extension load (a BiDi realm error). */
  async function openHelper(): Promise<PageLike> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await ext.openExtensionPage(POPUP_PATH);
      } catch (error) {
        if (attempt >= 3) throw error;
      }
    }
  }

  /**
   * Chromium: a CDP session on an extension page, with the service worker's running status and
   * every status it has reported since the session began (a stopped worker that a message starts
   * again at once passes through "stopped" between two polls: the history keeps it).
   */
  async function workerControl(): Promise<{ cdp: CDPSession; status: () => string; history: () => readonly string[]; close(): Promise<void> }> {
    const helper = await openHelper();
    const context = (helper.raw as PlaywrightPage).context() as BrowserContext;
    const cdp = await context.newCDPSession(helper.raw as PlaywrightPage);
    let status = 'unknown';
    const history: string[] = [];
    cdp.on('ServiceWorker.workerVersionUpdated', (e: { versions: { scriptURL: string; runningStatus: string }[] }) => {
      const ours = e.versions.filter((v) => v.scriptURL.startsWith(ext.extensionUrl('')));
      if (ours.length) {
        status = ours[ours.length - 1].runningStatus;
        history.push(status);
      }
    });
    await cdp.send('ServiceWorker.enable');
    return { cdp, status: () => status, history: () => history, close: () => helper.close() };
  }

  /**
   * Attempts at stopping the worker: a stop sent while it is still starting (its status not yet
   * reported) can be a no-op, so the stop is sent again when no "stopped" follows within a
   * poll window.
   */
  const STOP_ATTEMPTS = 3;
  const STOP_WINDOW_MS = 5_000;

  it('the background stops while a card is open; the next hover opens a card with fresh details', async () => {
    const page = await ext.newPage();
    await page.goto(server.url(PAGE));
    await page.waitForSelector(PERSON, { timeout: 15_000 });
    await page.hover(PERSON);
    await page.waitForSelector(READY, { timeout: 10_000 });
    const firstId = await page.evaluate(() => document.querySelector('coverage-lens-card')!.getAttribute('data-cl-id'));

    if (name === 'chromium') {
      const control = await workerControl();
      const deadline = Date.now() + 5_000;
      while (control.status() !== 'running' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      let stopped = false;
      for (let attempt = 0; attempt < STOP_ATTEMPTS && !stopped; attempt++) {
        const from = control.history().length;
        await control.cdp.send('ServiceWorker.stopAllWorkers');
        const windowEnd = Date.now() + STOP_WINDOW_MS;
        while (!(stopped = control.history().slice(from).includes('stopped')) && Date.now() < windowEnd) await new Promise((r) => setTimeout(r, 50));
      }
      expect(stopped).toBe(true);
      await control.close();
    } else {
      // No message for longer than the idle timeout: Firefox suspends the event page.
      await new Promise((r) => setTimeout(r, 2_500));
    }
    // The open card is still there and readable; the page is untouched.
    expect(await page.evaluate(() => document.querySelector('coverage-lens-card')?.getAttribute('data-cl-status'))).toBe('ready');

    // Hover a marker of another record: its details must come from a background started again.
    const other = await page.evaluate((first: string | null) => {
      const marks = [...document.querySelectorAll('coverage-lens-mark[data-cl-first]')].filter((m) => m.getAttribute('data-id') !== first && /person|organisation/.test(m.getAttribute('data-kind') ?? ''));
      marks[0]?.setAttribute('data-test-target', '');
      return marks[0]?.getAttribute('data-id') ?? null;
    }, firstId);
    expect(other).not.toBeNull();
    // Close the first card (it may cover the next marker), then hover the other one.
    await page.keyboard.press('Escape');
    await page.mouse.move(5, 5);
    await page.waitForSelector('coverage-lens-card[data-cl-state="closed"]', { timeout: 5_000 });
    await page.hover('[data-test-target]');
    await until(
      page,
      () => {
        const host = document.querySelector('coverage-lens-card');
        return [host?.getAttribute('data-cl-id'), host?.getAttribute('data-cl-status'), host?.getAttribute('data-cl-state')].join(' ');
      },
      (s) => s === `${other} ready open` || s === `${other} ready pinned`,
      10_000,
    );
    await page.screenshot({ path: resolve(SHOTS, `after-background-stop-${name}.png`) });
    await page.close();
  });

  it('the matching side stops mid-scan (Chromium) or sleeps before the page loads (Firefox): the page retries and completes its markers', async () => {
    const LONG = 'news/long-read.html';
    const helper = await openHelper();
    // More markers than the default cap, so the scan of the long page needs many batches.
    await send(helper, { type: 'setSettings', payload: { patch: { maxMarkers: 2000 } } });
    const marked = async (page: PageLike) => {
      await until(page, () => document.querySelectorAll('coverage-lens-mark[data-cl-first]').length, (n) => n > 0, 15_000);
      // Done, not only quiet: a matching side still loading the corpus marks names first (store
      // layout 4), and the rest may take longer than the quiet spell `settled` waits for.
      await waitForScanDone(ext, helper, server.url(LONG), 60_000);
      // Markers far below the fold are held until needed: a Tab has every one written.
      await writeHeldMarkers(page);
      return (await settled(page)).marks;
    };
    const readIds = () => [...document.querySelectorAll('coverage-lens-mark[data-cl-first]')].map((m) => `${m.getAttribute('data-kind')} ${m.getAttribute('data-id')} ${m.textContent}`);
    try {
      const calm = await ext.newPage();
      await calm.goto(server.url(LONG));
      const expected = await marked(calm);
      const expectedIds = await calm.evaluate(readIds);
      await calm.close();
      expect(expected).toBeGreaterThan(300);

      const page = await ext.newPage();
      if (name === 'chromium') {
        const control = await workerControl();
        await page.goto(server.url(LONG));
        // Stop the worker while the page's batches are on their way (the first markers are in).
        await until(page, () => document.querySelectorAll('coverage-lens-mark').length, (n) => n > 0, 15_000);
        await control.cdp.send('ServiceWorker.stopAllWorkers');
        await control.close();
      } else {
        // No message for longer than the idle timeout: the event page is suspended, and the page's
        // first batch has to wake it.
        await new Promise((r) => setTimeout(r, 2_500));
        await page.goto(server.url(LONG));
      }
      expect(await marked(page)).toBe(expected);
      expect(await page.evaluate(readIds)).toEqual(expectedIds);
      await page.close();
    } finally {
      await send(helper, { type: 'setSettings', payload: { patch: { maxMarkers: 300 } } });
      await helper.close();
    }
  });

  it('a detail look-up that fails shows a quiet error in the card, and the page keeps working', async () => {
    const helper = await openHelper();
    // Unknown ids are refused with a plain reason, as a Result (never a thrown error).
    expect(await send(helper, { type: 'getDetails', payload: { kind: 'person', id: 'person:nobody-at-all' } })).toEqual({
      ok: false,
      error: 'No person with id "person:nobody-at-all" in the corpus index',
    });
    if (name !== 'chromium') return void (await helper.close()); // Firefox's driver cannot reach into the background page to inject a failure.

    const page = await ext.newPage();
    await page.goto(server.url(PAGE));
    await page.waitForSelector(PERSON, { timeout: 15_000 });
    // The whole scan done, not only the first names: its later batches would otherwise meet the
    // failure injected below, and the page's markers would still be growing when compared.
    await waitForScanDone(ext, helper, server.url(PAGE));
    await helper.close();
    const context = (page.raw as PlaywrightPage).context() as BrowserContext;
    // Make the running service worker fail every detail look-up: the matching side picks the
    // corpora to ask with Array.prototype.filter (the page is already marked, so nothing else in
    // the worker runs until the card asks).
    const worker = context.serviceWorkers().find((w) => w.url().startsWith(ext.extensionUrl('')))!;
    await worker.evaluate(() => {
      Array.prototype.filter = function () {
        throw new Error('injected failure');
      };
    });
    const before = await page.evaluate(pageState);
    await page.hover(PERSON);
    await page.waitForSelector('coverage-lens-card[data-cl-status="error"]', { timeout: 10_000 });
    const card = await page.evaluate(() => {
      const root = document.querySelector('coverage-lens-card')!.shadowRoot!;
      const alert = root.querySelector('[role="alert"]');
      return { alert: alert?.textContent ?? null, dialog: root.querySelector('[role="dialog"]') !== null };
    });
    expect(card.dialog).toBe(true);
    expect(card.alert).toMatch(/rest of the page is unaffected/i);
    expect(card.alert).toContain('injected failure');
    await page.screenshot({ path: resolve(SHOTS, `failed-lookup-${name}.png`) });
    // The page is as it was: same text, same markers; Esc closes the card.
    const { cards: _cards, ...now } = await page.evaluate(pageState);
    const { cards: _before, ...then } = before;
    expect(now).toEqual(then);
    await page.keyboard.press('Escape');
    await page.waitForSelector('coverage-lens-card[data-cl-state="closed"]', { timeout: 5_000 });
    // A fresh service worker (stop it; the next message starts it unpatched) answers again.
    const control = await workerControl();
    await control.cdp.send('ServiceWorker.stopAllWorkers');
    await control.close();
    await page.evaluate(() => document.querySelector('coverage-lens-mark[data-kind="organisation"][data-cl-first]')?.setAttribute('data-test-org', ''));
    await page.hover('[data-test-org]');
    await page.waitForSelector(READY, { timeout: 10_000 });
    await page.close();
  });

  it('corrupt and old-schema settings in storage fall back to defaults field by field, and migrate on the next write', async () => {
    const helper = await openHelper();
    const page = await ext.newPage();
    const cases: { stored: unknown; expectPeople: boolean; maxMarkers: number }[] = [
      { stored: 'not an object at all', expectPeople: true, maxMarkers: 300 },
      { stored: { enabled: 'yes', kinds: 'all', maxMarkers: 'many', theme: '<script>', disabledSites: '127.0.0.1' }, expectPeople: true, maxMarkers: 300 },
      // An older schema with some valid fields: those are kept, the rest default.
      { stored: { schemaVersion: 0, kinds: { person: false }, maxMarkers: 5, theme: 'dark', extra: 'dropped' }, expectPeople: false, maxMarkers: 5 },
    ];
    for (const { stored, expectPeople, maxMarkers } of cases) {
      await helper.evaluate(async (value: unknown) => {
        const g = globalThis as unknown as { browser?: Api; chrome?: Api };
        await (g.browser ?? g.chrome)!.storage.local.set({ settings: value });
      }, stored);
      const reply = (await send(helper, { type: 'getSettings', payload: {} })) as { ok: true; value: Settings };
      expect(reply.ok).toBe(true);
      expect(reply.value).toEqual(migrateSettings(stored));
      expect(reply.value.maxMarkers).toBe(maxMarkers);
      await page.goto(server.url(PAGE));
      await until(page, pageState, (s) => s.marks > 0, 15_000);
      const state = await settled(page);
      expect(state.marks).toBeLessThanOrEqual(maxMarkers);
      expect(state.people > 0).toBe(expectPeople);
    }
    // The next write stores a clean object in the current schema.
    await send(helper, { type: 'setSettings', payload: { patch: { theme: 'light' } } });
    const stored = await helper.evaluate(async () => {
      const g = globalThis as unknown as { browser?: Api; chrome?: Api };
      return (await (g.browser ?? g.chrome)!.storage.local.get('settings')).settings;
    });
    expect(stored).toEqual({ ...migrateSettings(cases[2].stored), theme: 'light' });
    expect(stored).not.toHaveProperty('extra');
    // Back to defaults for the next test.
    await helper.evaluate(async () => {
      const g = globalThis as unknown as { browser?: Api & { storage: { local: { clear(): Promise<void> } } }; chrome?: Api & { storage: { local: { clear(): Promise<void> } } } };
      await (g.browser ?? g.chrome)!.storage.local.clear();
    });
    await page.close();
    await helper.close();
  });

  /**
   * Runs in an extension page: rewrites one stored row of a corpus with raw IndexedDB, as a disk
   * error or a bad migration would leave it (`what`: its matcher shard, or its first entity record).
   */
  async function corruptRow({ id, what }: { id: string; what: 'matcher' | 'entity' }): Promise<string> {
    const db = await new Promise<IDBDatabase>((done, fail) => {
      const open = indexedDB.open('coverage-lens-corpora');
      open.onsuccess = () => done(open.result);
      open.onerror = () => fail(open.error);
    });
    const call = <T,>(r: IDBRequest<T>) => new Promise<T>((done, fail) => ((r.onsuccess = () => done(r.result)), (r.onerror = () => fail(r.error))));
    try {
      const meta = (await call(db.transaction('corpora').objectStore('corpora').get(id))) as { data: string };
      const store = what === 'matcher' ? 'matcher' : 'records';
      const key = what === 'matcher' ? [meta.data, 'core'] : [meta.data, 'entities', 0];
      const tx = db.transaction(store, 'readwrite');
      const row = (await call(tx.objectStore(store).get(key))) as { json?: Uint8Array; records?: Record<string, unknown>[] };
      // The matcher shard is stored as the UTF-8 bytes of JSON text (src/store/matcher-row.ts).
      if (what === 'matcher') row.json = new TextEncoder().encode(JSON.stringify({ ...(JSON.parse(new TextDecoder().decode(row.json)) as object), entityKinds: 42 }));
      else row.records![0].name = 42;
      await call(tx.objectStore(store).put(row));
      return meta.data;
    } finally {
      db.close();
    }
  }

  it('a corrupt record in one stored corpus: that corpus is reported broken with the reason in the popup, the others keep working', async () => {
    const helper = await openHelper();
    const install = async (corpusName: string) => {
      const got = (await send(helper, { type: 'installCorpus', payload: { file: SECOND_FILE, name: corpusName } })) as { ok: true; value: CorpusSummary } | { ok: false; error: string };
      if (!got.ok) throw new Error(got.error);
      return got.value;
    };
    const list = async () => ((await send(helper, { type: 'listCorpora', payload: {} })) as { ok: true; value: CorpusSummary[] }).value;
    // 1. Its matcher shard is corrupt: the matching side finds out on the next scan.
    const shard = await install('Second, corrupt shard (e2e)');
    await helper.evaluate(corruptRow, { id: shard.id, what: 'matcher' as const });
    const page = await ext.newPage();
    await page.goto(server.url(PAGE));
    // The bundled corpus still marks the page.
    await page.waitForSelector(PERSON, { timeout: 15_000 });
    const state = await settled(page);
    expect(state.people).toBeGreaterThan(0);
    const deadline = Date.now() + 10_000;
    let broken = (await list()).find((c) => c.id === shard.id)!;
    while (broken.status !== 'broken' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      broken = (await list()).find((c) => c.id === shard.id)!;
    }
    expect(broken.status).toBe('broken');
    expect(broken.reason).toContain('Second, corrupt shard (e2e)');
    expect(broken.reason).toContain('record matcher "core", field entityKinds: expected a string');
    // The popup says so as it opens, from the list alone.
    const popup = await ext.openExtensionPage(POPUP_PATH);
    await popup.waitForSelector('[data-testid="corpus-errors"]', { timeout: 10_000 });
    expect(await popup.textOf('[data-testid="corpus-errors"]')).toContain(broken.reason!);
    await popup.screenshot({ path: resolve(SHOTS, `popup-broken-corpus-${name}.png`) });
    await popup.close();

    // 2. One of its entity records is corrupt: reading the index (the popup's lists) finds out.
    const records = await install('Second, corrupt record (e2e)');
    await helper.evaluate(corruptRow, { id: records.id, what: 'entity' as const });
    const lists = await ext.openExtensionPage(POPUP_PATH);
    await lists.waitForSelector('[data-testid="tab-people"]', { timeout: 10_000 });
    await lists.click('[data-testid="tab-people"]');
    await lists.waitForSelector('[data-testid="list-people"] .cl-row', { timeout: 20_000 });
    await lists.waitForFunction(() => /corrupt record \(e2e\)/.test(document.querySelector('[data-testid="corpus-errors"]')?.textContent ?? ''), undefined, { timeout: 10_000 });
    const errors = await lists.textOf('[data-testid="corpus-errors"]');
    expect(errors).toMatch(/record entities "[^"]+", field name: /);
    // The others are listed: the bundled corpus's people are there.
    expect(await lists.evaluate(() => document.querySelectorAll('[data-testid="list-people"] .cl-row').length)).toBeGreaterThan(0);
    await lists.screenshot({ path: resolve(SHOTS, `popup-broken-record-${name}.png`) });
    await lists.close();
    expect((await list()).find((c) => c.id === records.id)).toMatchObject({ status: 'broken', active: true });
    // And pages are still marked from the rest.
    await page.goto(server.url(PAGE));
    await page.waitForSelector(PERSON, { timeout: 15_000 });
    expect((await settled(page)).people).toBe(state.people);
    await page.close();
    for (const c of [shard, records]) await send(helper, { type: 'deleteCorpus', payload: { id: c.id } });
    await helper.close();
  });

  it('the extension reloaded under a live page leaves no stale markers, cards or duplicates', async () => {
    const page = await ext.newPage();
    await page.goto(server.url(PAGE));
    await page.waitForSelector(PERSON, { timeout: 15_000 });
    await page.hover(PERSON);
    await page.waitForSelector(READY, { timeout: 10_000 });
    const before = await page.evaluate(pageState);
    expect(before.marks).toBeGreaterThan(3);
    const original = await page.evaluate(async () => {
      const doc = new DOMParser().parseFromString(await (await fetch(location.href)).text(), 'text/html');
      return (doc.querySelector('#story') ?? doc.querySelector('article'))?.textContent ?? '';
    });
    expect(before.text).toBe(original);

    // The pointer leaves the marker (a new instance would rightly open a card under it).
    await page.keyboard.press('Escape');
    await page.mouse.move(5, 5);
    // Tag the old instance's markers, to tell them from a new instance's.
    await page.evaluate(() => document.querySelectorAll('coverage-lens-mark').forEach((m) => m.setAttribute('data-test-old', '')));
    if (name === 'chromium') {
      // What "reload" in chrome://extensions (or an update) does: load the same unpacked extension
      // again. (chrome.runtime.reload() leaves a --load-extension extension disabled in this
      // Chromium, which tests nothing of ours.)
      const context = (page.raw as PlaywrightPage).context() as BrowserContext;
      const session = await context.browser()!.newBrowserCDPSession();
      await session.send('Extensions.loadUnpacked' as never, { path: distDir('chromium') } as never);
      await session.detach();
    } else {
      const helper = await openHelper();
      // The extension page itself goes away with the reload (so the evaluate may not return).
      await Promise.race([
        helper
          .evaluate(() => {
            const g = globalThis as unknown as { browser?: Api; chrome?: Api };
            (g.browser ?? g.chrome)!.runtime.reload();
          })
          .catch(() => undefined),
        new Promise((r) => setTimeout(r, 2_000)),
      ]);
    }

    // Chromium leaves the old content script orphaned: it must notice and clean up after itself.
    // Firefox injects the new version into open tabs: it must clean up after the old one.
    const after = await until(
      page,
      pageState,
      (s) => s.old === 0 && s.cards <= 1 && s.nested === 0 && (name === 'chromium' ? s.marks === 0 && s.cards === 0 : s.marks === before.marks),
      15_000,
    );
    expect(after.text).toBe(original);
    expect(after.nested).toBe(0);
    // Stays that way: no late duplicates from a second instance.
    await new Promise((r) => setTimeout(r, 1_500));
    const settled = await page.evaluate(pageState);
    expect(settled).toEqual(after);
    await page.screenshot({ path: resolve(SHOTS, `after-reload-${name}.png`) });

    // A fresh load is marked exactly once by the new version.
    await page.goto(server.url(PAGE));
    const fresh = await until(page, pageState, (s) => s.marks >= before.marks, 15_000);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await page.evaluate(pageState)).toEqual({ ...fresh });
    expect(fresh.marks).toBe(before.marks);
    expect(fresh.nested).toBe(0);
    await page.close();
  });
});
