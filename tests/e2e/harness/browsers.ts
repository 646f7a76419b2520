/**
 * One small adapter over the two browser drivers, so the same test body runs against the built
 * extension in Debian's Chromium (playwright-core) and Firefox ESR (puppeteer-core over WebDriver
 * BiDi). Set-ups follow /work/shared/TOOLCHAIN.md, where both were verified on this machine.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page as PlaywrightPage } from 'playwright-core';
import puppeteer, { type Browser as PuppeteerBrowser, type Page as PuppeteerPage } from 'puppeteer-core';
import { CHROMIUM_BIN, OFFLINE_HEADLESS_ARGS } from '../../../scripts/lib/chromium';
import { GECKO_ID } from '../../../scripts/lib/manifest';

/** The two browsers the extension is tested in. */
export type BrowserName = 'chromium' | 'firefox';

/** Both browsers, for `describe.each`. */
export const BROWSERS: BrowserName[] = ['chromium', 'firefox'];

/** Fixed moz-extension uuid, so Firefox extension URLs are known before the add-on starts. */
export const FIREFOX_EXTENSION_UUID = '6f1c2b1e-5a8d-4c3b-9e2f-0c0ffee1e115';

/** Where the popup lives inside the built extension. */
export const POPUP_PATH = 'src/ui/popup/index.html';
/** Where the corpus browser page lives inside the built extension. */
export const CORPUS_BROWSER_PATH = 'src/ui/browser/index.html';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const FIREFOX_BIN = process.env.FIREFOX_BIN ?? '/usr/bin/firefox-esr';

/** Options of `waitForSelector`. */
export interface WaitOptions {
  timeout?: number;
  /** Wait until the element is visible (default: attached is enough). */
  visible?: boolean;
}

/** The part of a driver's Page that tests use, the same in both browsers. */
export interface PageLike {
  /**
   * The document's current URL, read from the page (the driver's own `url()` is stale for
   * moz-extension pages in Firefox, whose navigation never settles).
   */
  url(): Promise<string>;
  /**
   * Navigates and waits for the load event. Extension pages in Firefox are special: the driver's
   * promise may never settle, so the adapter waits for the document instead.
   */
  goto(url: string, opts?: { timeout?: number }): Promise<void>;
  /** Runs a function in the page with one serialisable argument. */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  waitForSelector(selector: string, opts?: WaitOptions): Promise<void>;
  /** Waits until a function returns a truthy value in the page. */
  waitForFunction<A = undefined>(fn: (arg: A) => unknown, arg?: A, opts?: { timeout?: number }): Promise<void>;
  /** Text content of the first element matching a selector, or null when there is none. */
  textOf(selector: string): Promise<string | null>;
  hover(selector: string): Promise<void>;
  click(selector: string): Promise<void>;
  mouse: { move(x: number, y: number): Promise<void> };
  keyboard: { press(key: string): Promise<void> };
  screenshot(opts: { path: string; fullPage?: boolean }): Promise<void>;
  setViewport(size: { width: number; height: number }): Promise<void>;
  close(): Promise<void>;
  /** The driver's own page object, for what this interface does not cover. */
  readonly raw: PlaywrightPage | PuppeteerPage;
}

/** A running browser with the built extension installed. */
export interface ExtensionBrowser {
  name: BrowserName;
  /** The extension's id (Chromium) or internal uuid (Firefox). */
  extensionId: string;
  newPage(): Promise<PageLike>;
  /** Every open tab (those the extension opened too), for finding a tab by its URL. */
  pages(): Promise<PageLike[]>;
  /** Absolute URL of a file inside the extension, e.g. extensionUrl(POPUP_PATH). */
  extensionUrl(path: string): string;
  /** Opens an extension page in a new tab and waits until its document has loaded. */
  openExtensionPage(path: string): Promise<PageLike>;
  /** Every URL the browser's pages requested so far (page-level requests, in order). */
  requests(): string[];
  close(): Promise<void>;
}

/** The built extension for a browser, or a clear error saying how to build it. */
export function distDir(name: BrowserName): string {
  const dir = resolve(ROOT, 'dist', name === 'chromium' ? 'chrome' : 'firefox');
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`${dir}/manifest.json is missing: run "npm run build" first`);
  }
  return dir;
}

/** Extra launch settings, for tests that need them (e.g. routing all traffic through a recording proxy). */
export interface LaunchOptions {
  /** Chromium: extra command-line arguments. */
  chromiumArgs?: string[];
  /** Firefox: extra preferences. */
  firefoxPrefs?: Record<string, unknown>;
  /**
   * Chromium: this profile folder instead of a fresh one, kept on close, so a test can relaunch the
   * browser on the same profile (e.g. after killing it mid-write). The test removes it.
   */
  chromiumProfile?: string;
}

/** Launches a browser with the built extension loaded. Always `close()` it (afterAll). */
export async function launchExtensionBrowser(name: BrowserName, options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  return name === 'chromium' ? launchChromium(options) : launchFirefox(options);
}

async function launchChromium(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const dist = distDir('chromium');
  const kept = options.chromiumProfile;
  const profile = kept ?? (await mkdtemp(join(tmpdir(), 'cl-e2e-chromium-')));
  const removeProfile = () => (kept ? Promise.resolve() : rm(profile, { recursive: true, force: true }));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_BIN,
      headless: false,
      viewport: { width: 1280, height: 800 },
      args: [
        ...OFFLINE_HEADLESS_ARGS,
        `--disable-extensions-except=${dist}`,
        `--load-extension=${dist}`,
        ...(options.chromiumArgs ?? []),
      ],
    });
  } catch (error) {
    await removeProfile();
    throw error;
  }
  const seen: string[] = [];
  context.on('request', (req) => seen.push(req.url()));
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    const extensionId = new URL(worker.url()).host;
    const pages = async () => context.pages().map(wrapPlaywright);
    return extensionBrowser('chromium', extensionId, `chrome-extension://${extensionId}/`, async () => wrapPlaywright(await context.newPage()), pages, seen, async () => {
      await context.close().catch(() => undefined);
      await removeProfile();
    });
  } catch (error) {
    await context.close().catch(() => undefined);
    await removeProfile();
    throw error;
  }
}

function wrapPlaywright(page: PlaywrightPage): PageLike {
  return {
    raw: page,
    url: () => page.evaluate(() => location.href),
    async goto(url, opts) {
      await page.goto(url, { waitUntil: 'load', timeout: opts?.timeout ?? 15_000 });
    },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg as never) as never,
    async waitForSelector(selector, opts) {
      await page.waitForSelector(selector, { state: opts?.visible ? 'visible' : 'attached', timeout: opts?.timeout ?? 10_000 });
    },
    async waitForFunction(fn, arg, opts) {
      // Not Playwright's waitForFunction: it takes the Promise an async predicate returns for a
      // truthy answer and returns at once (microsoft/playwright#29132); evaluate awaits it.
      await pollInPage(page as never, fn, arg as never, opts?.timeout ?? 10_000);
    },
    textOf: (selector) => page.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector),
    hover: (selector) => page.hover(selector),
    click: (selector) => page.click(selector),
    mouse: { move: (x, y) => page.mouse.move(x, y) },
    keyboard: { press: (key) => page.keyboard.press(key) },
    async screenshot({ path, fullPage }) {
      await page.screenshot({ path, fullPage: fullPage ?? false });
    },
    setViewport: (size) => page.setViewportSize(size),
    close: () => page.close(),
  };
}

async function launchFirefox(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const dist = distDir('firefox');
  const browser: PuppeteerBrowser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_BIN,
    headless: true,
    args: ['--remote-allow-system-access'],
    defaultViewport: { width: 1280, height: 800 },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }),
      // Keep Firefox off the network: only the 127.0.0.1 fixture server is reachable in tests.
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'browser.safebrowsing.update.enabled': false,
      'app.update.enabled': false,
      ...(options.firefoxPrefs ?? {}),
    },
  });
  const seen: string[] = [];
  try {
    await browser.installExtension(dist);
  } catch (error) {
    await browser.close().catch(() => undefined);
    throw error;
  }
  const newPage = async () => {
    const page = await browser.newPage();
    page.on('request', (req) => {
      seen.push(req.url());
    });
    return wrapPuppeteer(page);
  };
  const pages = async () => (await browser.pages()).map(wrapPuppeteer);
  return extensionBrowser('firefox', FIREFOX_EXTENSION_UUID, `moz-extension://${FIREFOX_EXTENSION_UUID}/`, newPage, pages, seen, async () => {
    await browser.close().catch(() => undefined);
  });
}

/** The handle both launchers return: extension URLs and pages derived from the base URL and `newPage`. */
function extensionBrowser(
  name: BrowserName,
  extensionId: string,
  base: string,
  newPage: () => Promise<PageLike>,
  pages: () => Promise<PageLike[]>,
  seen: string[],
  close: () => Promise<void>,
): ExtensionBrowser {
  const extensionUrl = (path: string) => `${base}${path.replace(/^\/+/, '')}`;
  return {
    name,
    extensionId,
    newPage,
    pages,
    extensionUrl,
    async openExtensionPage(path) {
      const page = await newPage();
      await page.goto(extensionUrl(path));
      return page;
    },
    requests: () => [...seen],
    close,
  };
}

/**
 * Polls `fn` in the page until it returns a truthy value. Unlike puppeteer's waitForFunction, a
 * failed evaluation does not end the wait: over WebDriver BiDi, Firefox rejects script.evaluate
 * while a navigation swaps the page's realm ("right-hand side of 'in' should be an object, got
 * null"), which is a moment to retry, not a verdict. On timeout the last such error is reported.
 */
async function pollInPage<A>(page: { evaluate(fn: never, arg: never): Promise<unknown> }, fn: (arg: A) => unknown, arg: A, timeout: number): Promise<void> {
  const deadline = Date.now() + timeout;
  let lastError: unknown;
  for (;;) {
    try {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const result = await Promise.race([
        page.evaluate(fn as never, arg as never),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('evaluation did not answer')), Math.max(deadline - Date.now(), 50));
        }),
      ]).finally(() => clearTimeout(timer));
      if (result) return;
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const reason = lastError instanceof Error ? ` (last evaluation failed: ${lastError.message})` : '';
      throw new Error(`waited ${timeout} ms for ${fn.toString().slice(0, 120)}${reason}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function wrapPuppeteer(page: PuppeteerPage): PageLike {
  return {
    raw: page,
    url: () => page.evaluate(() => location.href),
    async goto(url, opts) {
      const timeout = opts?.timeout ?? 15_000;
      if (!url.startsWith('moz-extension:')) {
        await page.goto(url, { waitUntil: 'load', timeout });
        return;
      }
      // Firefox renders extension pages but may never settle the navigation promise.
      page.goto(url, { timeout }).catch(() => undefined);
      await pollInPage(
        page,
        (target: string) => location.href === target && document.readyState === 'complete',
        url,
        timeout,
      );
    },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg as never) as never,
    async waitForSelector(selector, opts) {
      // Puppeteer's visible: an element with a non-empty box whose computed visibility is not hidden.
      await pollInPage(
        page,
        ({ selector, visible }: { selector: string; visible: boolean }) => {
          const el = document.querySelector(selector);
          if (!el || !visible) return el !== null;
          const box = el.getBoundingClientRect();
          return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
        },
        { selector, visible: opts?.visible ?? false },
        opts?.timeout ?? 10_000,
      );
    },
    async waitForFunction(fn, arg, opts) {
      await pollInPage(page, fn, arg as never, opts?.timeout ?? 10_000);
    },
    textOf: (selector) => page.evaluate((s: string) => document.querySelector(s)?.textContent ?? null, selector),
    hover: (selector) => page.hover(selector),
    click: (selector) => page.click(selector),
    mouse: { move: (x, y) => page.mouse.move(x, y) },
    keyboard: { press: (key) => page.keyboard.press(key as never) },
    async screenshot({ path, fullPage }) {
      await page.screenshot({ path: path as `${string}.png`, fullPage: fullPage ?? false });
    },
    setViewport: (size) => page.setViewport(size),
    close: () => page.close(),
  };
}

/**
 * The id of the tab showing `pageUrl`, found from inside the extension (an extension page can use
 * the tabs API; a test driver cannot). Needed to open the popup as `…/popup/index.html?tabId=N`.
 * Without the "tabs" permission tab URLs may be hidden, so it also asks the background which tab
 * reported findings for that URL.
 */
export async function findTabId(ext: ExtensionBrowser, pageUrl: string, timeoutMs = 10_000): Promise<number> {
  const helper = await ext.openExtensionPage(POPUP_PATH);
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const id = await helper.evaluate(async (target: string) => {
        type Api = {
          tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
          runtime: { sendMessage(message: unknown): Promise<unknown> };
        };
        const g = globalThis as unknown as { browser?: Api; chrome?: Api };
        const api = (g.browser ?? g.chrome)!;
        const tabs = await api.tabs.query({});
        const byUrl = tabs.find((t) => t.url === target);
        if (byUrl?.id !== undefined) return byUrl.id;
        for (const tab of tabs) {
          if (tab.id === undefined) continue;
          const reply = (await api.runtime.sendMessage({ type: 'getFindings', payload: { tabId: tab.id } })) as
            | { ok: true; value: { url: string } | null }
            | { ok: false }
            | undefined;
          if (reply?.ok && reply.value?.url === target) return tab.id;
        }
        return null;
      }, pageUrl);
      if (id !== null) return id;
      if (Date.now() > deadline) throw new Error(`no tab found showing ${pageUrl}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await helper.close();
  }
}

/** Opens the popup for the tab showing `pageUrl`, and waits until it has rendered. */
export async function openPopupFor(ext: ExtensionBrowser, pageUrl: string): Promise<PageLike> {
  const tabId = await findTabId(ext, pageUrl);
  const popup = await ext.openExtensionPage(`${POPUP_PATH}?tabId=${tabId}`);
  await popup.waitForSelector('main', { timeout: 10_000 });
  return popup;
}

/**
 * Waits until the tab showing `pageUrl` reports its scan done for that very address (asked from the
 * extension page `from`), so a check that markers are absent cannot pass before the scan ran.
 */
export async function waitForScanDone(ext: ExtensionBrowser, from: PageLike, pageUrl: string, timeoutMs = 20_000): Promise<void> {
  const tabId = await findTabId(ext, pageUrl);
  const deadline = Date.now() + timeoutMs;
  let last = 'no findings';
  for (;;) {
    const got = await requestFrom<{ url: string; status: string } | null>(from, 'getFindings', { tabId });
    if (got.ok && got.value?.url === pageUrl && got.value.status === 'done') return;
    last = got.ok ? JSON.stringify(got.value) : got.error;
    if (Date.now() > deadline) throw new Error(`the scan of ${pageUrl} did not report done in ${timeoutMs} ms (last: ${last})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Sends one protocol request from an extension page (popup, corpus browser) and returns the background's Result. */
export async function requestFrom<T = unknown>(page: PageLike, type: string, payload: unknown): Promise<{ ok: true; value: T } | { ok: false; error: string }> {
  return page.evaluate(async (message: unknown) => {
    const g = globalThis as unknown as { browser?: { runtime: { sendMessage(m: unknown): Promise<unknown> } }; chrome?: { runtime: { sendMessage(m: unknown): Promise<unknown> } } };
    return (await (g.browser ?? g.chrome)!.runtime.sendMessage(message)) as { ok: true; value: T } | { ok: false; error: string };
  }, { type, payload });
}
