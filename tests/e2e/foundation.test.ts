/**
 * Foundation: the built extension loads in both browsers, its content script talks to the
 * background, the popup and the corpus browser render, and messages round-trip.
 */
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BROWSERS,
  CORPUS_BROWSER_PATH,
  POPUP_PATH,
  launchExtensionBrowser,
  openPopupFor,
  waitForScanDone,
  type ExtensionBrowser,
} from './harness/browsers';
import { startFixtureServer, type FixtureServer } from './harness/server';

const ROOT = resolve(import.meta.dirname, '..', '..');
const ARTIFACTS = resolve(ROOT, 'artifacts');
const VERSION = (JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** Runs in an extension page: sends one protocol message to the background, returns the reply. */
async function sendMessage(message: unknown): Promise<unknown> {
  type Runtime = { runtime: { sendMessage(m: unknown): Promise<unknown> } };
  const g = globalThis as unknown as { browser?: Runtime; chrome?: Runtime };
  return (g.browser ?? g.chrome)!.runtime.sendMessage(message);
}

describe.each(BROWSERS)('foundation in %s', (name) => {
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

  it('runs the content script on a 127.0.0.1 page, which reports to the background', async () => {
    const page = await ext.newPage();
    const url = server.url('basic.html');
    await page.goto(url);
    // In Chromium findTabId finds the tab by its first report (without the "tabs" permission it
    // hides tab URLs); Firefox shows the URL, so the tab can be found before any report arrived.
    const popup = await openPopupFor(ext, url);
    const tabId = Number(new URL(await popup.url()).searchParams.get('tabId'));
    expect(tabId).toBeGreaterThan(0);

    // getSiteState → reportFindings → getFindings: the report, read back from the background.
    // The script reports 'scanning' when it starts and 'done' when the scan ends: wait for the last.
    await waitForScanDone(ext, popup, url);
    const reply = await popup.evaluate(sendMessage, { type: 'getFindings', payload: { tabId } });
    expect(reply).toMatchObject({ ok: true, value: { url, status: 'done' } });

    // The popup for that tab renders its page status (the wording is the popup's own; these
    // data-testids are the contract with this test).
    await popup.waitForFunction(
      () =>
        document.querySelector('main[data-background="ready"]') !== null &&
        (document.querySelector('[data-testid="page-status"]')?.textContent ?? '').trim().length > 0,
      undefined,
      { timeout: 10_000 },
    );
    await popup.setViewport({ width: 380, height: 560 });
    await popup.screenshot({ path: resolve(ARTIFACTS, `foundation-popup-${name}.png`) });
    await popup.close();
    await page.close();
  });

  it('opens the popup, which reaches the background and shows the reader nothing meant for developers', async () => {
    const popup = await ext.openExtensionPage(POPUP_PATH);
    await popup.waitForSelector('main[data-background="ready"]', { timeout: 10_000 });
    const text = await popup.textOf('main');
    expect(text).not.toContain(VERSION);
    expect(text).not.toMatch(/\bbackground\b/i);
    await popup.close();
  });

  it('opens the corpus browser page', async () => {
    const page = await ext.openExtensionPage(CORPUS_BROWSER_PATH);
    await page.waitForSelector('[data-testid="article-count"]', { timeout: 10_000 });
    expect(await page.textOf('[data-testid="article-count"]')).toMatch(/^\d+ articles$/);
    await page.close();
  });

  it('round-trips a ping, and answers an unknown request with an error Result', async () => {
    const page = await ext.openExtensionPage(POPUP_PATH);
    const pong = await page.evaluate(sendMessage, { type: 'ping', payload: { from: 'browser' } });
    expect(pong).toEqual({ ok: true, value: { version: VERSION, from: 'background' } });
    const bad = await page.evaluate(sendMessage, { type: 'noSuchRequest', payload: {} });
    expect(bad).toEqual({ ok: false, error: 'unknown request "noSuchRequest"' });
    await page.close();
  });

  it('requested nothing outside 127.0.0.1 and the extension itself', () => {
    const allowed = [server.origin + '/', ext.extensionUrl('')];
    const outside = ext.requests().filter((u) => !allowed.some((prefix) => u.startsWith(prefix)));
    expect(outside).toEqual([]);
    expect(server.requests.map((r) => r.url)).toContain('/basic.html');
  });
});
