/**
 * Hostile and odd pages (tests/fixtures/pages/hostile/), with the built extension in Chromium and
 * Firefox. On each the page keeps working (its heartbeat keeps beating, it throws nothing, its own
 * text is what it wrote) and the extension either works (markers wrap exactly the names, the card
 * opens readable) or stays out of the way (nothing marked where it must not be).
 *
 * Decisions these tests pin down:
 * - Same-origin iframes are out of scope: the content script runs in top frames only (no
 *   `all_frames`), because findings are kept per tab, not per frame, and running in every frame
 *   means running in every ad and embed. The framed page must keep working, untouched.
 * - Text inside shadow roots (open or declarative) is not read or marked: the page's components own
 *   their shadow trees. Light-DOM text around them is marked as usual.
 * - contenteditable regions and SVG text (including foreignObject) are never marked.
 */
import { mkdtemp, copyFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import { BROWSERS, POPUP_PATH, launchExtensionBrowser, type BrowserName, type ExtensionBrowser, type PageLike } from './harness/browsers';
import { FIXTURE_PAGES_DIR, startFixtureServer, type FixtureServer } from './harness/server';
import { writeHeldMarkers } from './support/markers';

const ROOT = resolve(import.meta.dirname, '..', '..');
const SHOTS = resolve(ROOT, 'artifacts', 'hostile');
const CSP = "default-src 'none'; style-src 'none'; script-src 'none'";
const MARK = 'coverage-lens-mark';
const CARD = 'coverage-lens-card';

/** A page opened for a test, with the page errors the driver saw. */
interface Opened {
  page: PageLike;
  errors: string[];
}

async function open(ext: ExtensionBrowser, url: string): Promise<Opened> {
  const page = await ext.newPage();
  const errors: string[] = [];
  (page.raw as unknown as { on(event: 'pageerror', fn: (e: unknown) => void): void }).on('pageerror', (e) => {
    errors.push(String((e as Error)?.message ?? e));
  });
  // Background tabs get their timers throttled, which would make heartbeats meaningless.
  await (page.raw as unknown as { bringToFront(): Promise<void> }).bringToFront();
  await page.goto(url, { timeout: 30_000 });
  return { page, errors };
}

/** The page's heartbeat still beats, it recorded no errors of its own, and the driver saw none. */
async function expectPageAlive({ page, errors }: Opened): Promise<void> {
  // Polled from here rather than with waitForFunction: the driver's in-page helpers use the page's
  // own globals (MutationObserver...), which one fixture replaces on purpose.
  const beat = () => page.evaluate(() => (window as unknown as { __beat: number }).__beat);
  const before = await beat();
  const deadline = Date.now() + 5_000;
  while ((await beat()) <= before + 2) {
    if (Date.now() > deadline) throw new Error('the page heartbeat stopped');
    await new Promise((r) => setTimeout(r, 50));
  }
  expect(await page.evaluate(() => (window as unknown as { __errors: string[] }).__errors)).toEqual([]);
  expect(errors).toEqual([]);
}

/** Texts of first marker pieces (whole matches are one piece on these pages) under a selector. */
async function markerTexts(page: PageLike, selector: string, kind?: string): Promise<string[]> {
  return page.evaluate(
    ([sel, k]: [string, string | null]) =>
      [...document.querySelectorAll(`${sel} coverage-lens-mark${k ? `[data-kind="${k}"]` : ''}`)].map((m) => m.textContent ?? ''),
    [selector, kind ?? null] as [string, string | null],
  );
}

/** The article's text as the page's own HTML gives it (fetched and parsed again), to compare with the live DOM. */
async function textUnchanged(page: PageLike, selector = 'article'): Promise<void> {
  const [live, original] = await page.evaluate(async (sel: string) => {
    const html = await (await fetch(location.href)).text();
    const doc = new DOMParser().parseFromString(html, 'text/html');
    return [document.querySelector(sel)?.textContent ?? '', doc.querySelector(sel)?.textContent ?? ''];
  }, selector);
  expect(original.length).toBeGreaterThan(50);
  expect(live).toBe(original);
}

/** Waits until the content script reported a finished scan of `url`; returns the report. */
async function scanReport(helper: PageLike, url: string, timeout = 20_000): Promise<{ status: string; markers: number }> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const found = await helper.evaluate(async (target: string) => {
      type Api = {
        tabs: { query(q: object): Promise<{ id?: number }[]> };
        runtime: { sendMessage(m: unknown): Promise<unknown> };
      };
      const g = globalThis as unknown as { browser?: Api; chrome?: Api };
      const api = (g.browser ?? g.chrome)!;
      for (const tab of await api.tabs.query({})) {
        if (tab.id === undefined) continue;
        const reply = (await api.runtime.sendMessage({ type: 'getFindings', payload: { tabId: tab.id } })) as
          | { ok: true; value: { url: string; status: string; markers: number } | null }
          | undefined;
        if (reply?.ok && reply.value?.url === target && reply.value.status !== 'scanning') return reply.value;
      }
      return null;
    }, url);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no finished scan reported for ${url}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** Hovers the first marker of a kind and waits for its card to be open with its details. */
async function hoverCard(page: PageLike, selector: string): Promise<void> {
  await page.hover(selector);
  await page.waitForSelector(`${CARD}[data-cl-status="ready"]:is([data-cl-state="open"],[data-cl-state="pinned"])`, { timeout: 10_000 });
}

/** Geometry and colours of the open card's dialog, read from inside its shadow root. */
async function cardBox(page: PageLike): Promise<{ width: number; height: number; inViewport: boolean; background: string; color: string; fontSize: string; text: string }> {
  return page.evaluate(() => {
    const root = document.querySelector('coverage-lens-card')?.shadowRoot;
    const dialog = root?.querySelector('[role="dialog"]') as HTMLElement | null;
    if (!dialog) return { width: 0, height: 0, inViewport: false, background: '', color: '', fontSize: '', text: '' };
    const r = dialog.getBoundingClientRect();
    const cs = getComputedStyle(dialog);
    return {
      width: r.width,
      height: r.height,
      inViewport: r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight,
      background: cs.backgroundColor,
      color: cs.color,
      fontSize: cs.fontSize,
      text: dialog.textContent ?? '',
    };
  });
}

/** A page of about `words` article words, with corpus names sprinkled through it. */
function bigPage(words: number): string {
  const filler = 'party members gathered in halls across the country to hear speeches about the future of the movement and the next general election campaign'.split(' ');
  const names = ['Jeremy Corbyn', 'Owen Smith', 'Len McCluskey', 'Unite', 'Momentum'];
  const paragraphs: string[] = [];
  let count = 0;
  for (let p = 0; count < words; p++) {
    const parts: string[] = [];
    for (let w = 0; w < 60; w++) parts.push(filler[(p * 7 + w) % filler.length]);
    // Names are rare enough that the marker limit is never reached: the whole page gets scanned.
    if (p % 40 === 0) parts.splice(10, 0, names[(p / 40) % names.length], 'said');
    count += parts.length;
    paragraphs.push(`<p>${parts.join(' ')}.</p>`);
  }
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>200,000 words</title><script src="page-kit.js"></script></head>
<body><article><h1>A very long page</h1>\n${paragraphs.join('\n')}\n</article></body></html>`;
}

describe.each(BROWSERS)('hostile pages in %s', (name: BrowserName) => {
  let server: FixtureServer;
  let bigServer: FixtureServer;
  let bigDir: string;
  let ext: ExtensionBrowser;
  let helper: PageLike;
  const url = (path: string) => server.url(`hostile/${path}`);

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    server = await startFixtureServer({ headers: { '/hostile/csp.html': { 'Content-Security-Policy': CSP } } });
    bigDir = await mkdtemp(join(tmpdir(), 'cl-big-page-'));
    await writeFile(join(bigDir, 'big.html'), bigPage(200_000));
    await copyFile(join(FIXTURE_PAGES_DIR, 'hostile', 'page-kit.js'), join(bigDir, 'page-kit.js'));
    bigServer = await startFixtureServer({ root: bigDir });
    ext = await launchExtensionBrowser(name);
    helper = await ext.openExtensionPage(POPUP_PATH);
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
    await bigServer?.close();
    if (bigDir) await rm(bigDir, { recursive: true, force: true });
  });

  it('a DOM nested 500 deep: the deepest paragraph is marked and its card opens', async () => {
    const o = await open(ext, url('nested.html'));
    const depth = await o.page.evaluate(() => {
      let d = 0;
      for (let n: Node | null = document.getElementById('deep')!.firstChild; n && n.nodeType === 1; n = n.firstChild) d++;
      let up = 0;
      for (let n: Node | null = document.getElementById('deep'); n; n = n.parentNode) up++;
      return d + up;
    });
    expect(depth).toBeGreaterThanOrEqual(495);
    await o.page.waitForSelector(`#deep ${MARK}`, { timeout: 15_000 });
    expect(await markerTexts(o.page, '#deep', 'person')).toEqual(['Jeremy Corbyn', 'Owen Smith']);
    expect(await markerTexts(o.page, '#deep2', 'person')).toEqual(['Len McCluskey']);
    await hoverCard(o.page, `#deep ${MARK}[data-kind="person"]`);
    await textUnchanged(o.page);
    await expectPageAlive(o);
    await o.page.close();
  });

  it('an article inside a same-origin iframe: out of scope, the framed page is left untouched and keeps working', async () => {
    const o = await open(ext, url('iframe.html'));
    const report = await scanReport(helper, url('iframe.html'));
    expect(report).toMatchObject({ status: 'done', markers: 0 });
    await o.page.waitForFunction(() => ((document.getElementById('frame') as HTMLIFrameElement).contentWindow as unknown as { __beat?: number })?.__beat! > 3, undefined, { timeout: 5_000 });
    const inFrame = await o.page.evaluate(() => {
      const doc = (document.getElementById('frame') as HTMLIFrameElement).contentDocument!;
      return { marks: doc.querySelectorAll('coverage-lens-mark').length, cards: doc.querySelectorAll('coverage-lens-card').length, errors: (doc.defaultView as unknown as { __errors: string[] }).__errors };
    });
    expect(inFrame).toEqual({ marks: 0, cards: 0, errors: [] });
    expect(await o.page.evaluate(() => document.querySelectorAll('coverage-lens-mark').length)).toBe(0);
    await expectPageAlive(o);
    await o.page.close();
  });

  it('open and declarative shadow roots: light-DOM text is marked, shadow trees are left alone', async () => {
    const o = await open(ext, url('shadow-roots.html'));
    await o.page.waitForSelector(`#light ${MARK}`, { timeout: 15_000 });
    await scanReport(helper, url('shadow-roots.html'));
    expect(await markerTexts(o.page, '#light', 'person')).toEqual(['Jeremy Corbyn', 'Owen Smith']);
    const shadows = await o.page.evaluate(() => {
      const open = document.getElementById('open-host')!.shadowRoot!;
      const declarative = document.getElementById('declarative')!.shadowRoot;
      return {
        openMarks: open.querySelectorAll('coverage-lens-mark').length,
        openText: open.getElementById('inner')?.textContent,
        declarativeMarks: declarative?.querySelectorAll('coverage-lens-mark').length ?? -1,
        declarativeText: declarative?.textContent?.trim(),
      };
    });
    expect(shadows).toEqual({
      openMarks: 0,
      openText: 'Inside an open shadow root: Jeremy Corbyn and Owen Smith will debate on national television next month.',
      declarativeMarks: 0,
      declarativeText: 'Inside a declarative shadow root: Len McCluskey of Unite spoke to Momentum activists before the rally began.',
    });
    await expectPageAlive(o);
    await o.page.close();
  });

  it('contenteditable regions are never marked, not even after the reader types a name into them', async () => {
    const o = await open(ext, url('contenteditable.html'));
    await o.page.waitForSelector(`article > p ${MARK}`, { timeout: 15_000 });
    await scanReport(helper, url('contenteditable.html'));
    expect(await markerTexts(o.page, '#editor')).toEqual([]);
    expect(await markerTexts(o.page, '#editor-plaintext')).toEqual([]);
    expect(await markerTexts(o.page, '#not-editable', 'person')).toEqual(['Owen Smith']); // contenteditable="false" is ordinary text
    await o.page.click('#editor p');
    await (o.page.raw as unknown as { keyboard: { type(text: string): Promise<void> } }).keyboard.type(' Then Jeremy Corbyn and Unite.');
    // Longer than the content script's mutation throttle (500 ms): a rescan would have run by now.
    await new Promise((r) => setTimeout(r, 1_200));
    expect(await o.page.textOf('#editor')).toContain('Then Jeremy Corbyn and Unite.');
    expect(await markerTexts(o.page, '#editor')).toEqual([]);
    await expectPageAlive(o);
    await o.page.close();
  });

  it('SVG text and foreignObject are left alone', async () => {
    const o = await open(ext, url('svg-text.html'));
    await o.page.waitForSelector(`article > p ${MARK}`, { timeout: 15_000 });
    await scanReport(helper, url('svg-text.html'));
    expect(await o.page.evaluate(() => document.querySelectorAll('svg coverage-lens-mark').length)).toBe(0);
    expect(await o.page.evaluate(() => [...document.querySelectorAll('svg text')].map((t) => t.textContent))).toEqual(['Jeremy Corbyn', 'Owen Smith']);
    await textUnchanged(o.page);
    await expectPageAlive(o);
    await o.page.close();
  });

  it('right-to-left paragraphs: corpus names among Arabic and Hebrew are marked exactly', async () => {
    const o = await open(ext, url('rtl.html'));
    await o.page.waitForSelector(`#ar ${MARK}`, { timeout: 15_000 });
    await scanReport(helper, url('rtl.html'));
    expect(await markerTexts(o.page, '#ar', 'person')).toEqual(['Jeremy Corbyn', 'Owen Smith']);
    expect(await markerTexts(o.page, '#he', 'person')).toEqual(['Len McCluskey']);
    expect(await markerTexts(o.page, '#he', 'organisation')).toEqual(['Unite', 'Momentum']);
    expect(await markerTexts(o.page, '#mixed', 'person')).toEqual(['Jeremy Corbyn', 'Owen Smith']);
    expect(await markerTexts(o.page, '#isolates', 'person')).toEqual(['Jeremy Corbyn', 'Owen Smith']);
    await hoverCard(o.page, `#ar ${MARK}[data-kind="person"]`);
    expect((await cardBox(o.page)).inViewport).toBe(true);
    await o.page.screenshot({ path: join(SHOTS, `rtl-card-${name}.png`) });
    await textUnchanged(o.page);
    await expectPageAlive(o);
    await o.page.close();
  });

  it('page CSS that restyles everything and targets our elements: markers stay visible, the card stays readable', async () => {
    const o = await open(ext, url('restyle.html'));
    await o.page.waitForSelector(`#p1 ${MARK}`, { timeout: 15_000 });
    const mark = await o.page.evaluate(() => {
      const m = document.querySelector('#p1 coverage-lens-mark[data-kind="person"]')!;
      const r = m.getBoundingClientRect();
      const cs = getComputedStyle(m);
      return { width: r.width, height: r.height, display: cs.display, visibility: cs.visibility, fontSize: cs.fontSize, text: m.textContent };
    });
    expect(mark).toMatchObject({ display: 'inline', visibility: 'visible', fontSize: '16px', text: 'Jeremy Corbyn' });
    expect(mark.width).toBeGreaterThan(40);
    await hoverCard(o.page, `#p1 ${MARK}[data-kind="person"]`);
    const box = await cardBox(o.page);
    expect(box.width).toBeGreaterThan(200);
    expect(box.height).toBeGreaterThan(80);
    expect(box.inViewport).toBe(true);
    expect(box.background).not.toMatch(/rgba\(0, 0, 0, 0\)|transparent/);
    expect(box.color).not.toBe(box.background);
    expect(parseFloat(box.fontSize)).toBeGreaterThanOrEqual(12);
    expect(box.text).toContain('Jeremy Corbyn');
    await o.page.screenshot({ path: join(SHOTS, `restyle-card-${name}.png`) });
    await expectPageAlive(o);
    await o.page.close();
  });

  it('a strict page Content-Security-Policy: markers and a styled card still work', async () => {
    const o = await open(ext, url('csp.html'));
    // The policy blocks the page's own script and style (so no heartbeat here) but not the extension.
    expect(await o.page.evaluate(() => typeof (window as unknown as { __beat?: number }).__beat)).toBe('undefined');
    await o.page.waitForSelector(`article ${MARK}`, { timeout: 15_000 });
    expect(await markerTexts(o.page, 'article p:first-of-type', 'person')).toEqual(['Jeremy Corbyn', 'Owen Smith']);
    const markStyle = await o.page.evaluate(() => getComputedStyle(document.querySelector('coverage-lens-mark[data-kind="person"]')!).backgroundColor);
    expect(markStyle).not.toMatch(/rgba\(0, 0, 0, 0\)|transparent/); // the marker's own inline style applied
    await hoverCard(o.page, `article ${MARK}[data-kind="person"]`);
    const box = await cardBox(o.page);
    expect(box.width).toBeGreaterThan(200);
    expect(box.background).not.toMatch(/rgba\(0, 0, 0, 0\)|transparent/); // the shadow root's stylesheet applied
    expect(box.text).toContain('Jeremy Corbyn');
    await o.page.screenshot({ path: join(SHOTS, `csp-card-${name}.png`) });
    const sheets = await o.page.evaluate(() => {
      const root = document.querySelector('coverage-lens-card')!.shadowRoot!;
      return { adopted: root.adoptedStyleSheets.length, styleElements: root.querySelectorAll('style').length };
    });
    console.info(`[hostile ${name}] card styles under a strict CSP: ${sheets.adopted} adopted sheet(s), ${sheets.styleElements} <style> element(s)`);
    // Firefox reports the page's own blocked resources as page errors: its script, its one inline
    // <style> and the favicon. Anything beyond those (a second blocked style: ours) fails.
    const own = /page-kit\.js|favicon\.ico/;
    expect(o.errors.filter((e) => !own.test(e) && !/style-src-elem/.test(e))).toEqual([]);
    expect(o.errors.filter((e) => /style-src-elem/.test(e)).length).toBeLessThanOrEqual(1);
    await o.page.close();
  });

  it('a live ticker rewriting text every 100 ms: bounded marker churn, and the page\'s own text stays right', async () => {
    const o = await open(ext, url('ticker.html'));
    await o.page.waitForSelector(`article > p:first-of-type ${MARK}`, { timeout: 15_000 });
    // Count our markers being added and removed over 3 s, with a page-world MutationObserver.
    const churn = await o.page.evaluate(
      () =>
        new Promise<{ added: number; removed: number; updates: number; maxGap: number }>((done) => {
          let added = 0;
          let removed = 0;
          const count = (nodes: NodeList) => {
            for (const n of nodes) if (n.nodeType === 1 && (n as Element).tagName === 'COVERAGE-LENS-MARK') added++;
          };
          const gone = (nodes: NodeList) => {
            for (const n of nodes) if (n.nodeType === 1 && (n as Element).tagName === 'COVERAGE-LENS-MARK') removed++;
          };
          const w = window as unknown as { __tickerUpdates: number; __maxGap: number };
          const startUpdates = w.__tickerUpdates;
          w.__maxGap = 0;
          const mo = new MutationObserver((records) => {
            for (const r of records) {
              count(r.addedNodes);
              gone(r.removedNodes);
            }
          });
          mo.observe(document.body, { childList: true, subtree: true });
          setTimeout(() => {
            mo.disconnect();
            done({ added, removed, updates: w.__tickerUpdates - startUpdates, maxGap: w.__maxGap });
          }, 3_000);
        }),
    );
    expect(churn.updates).toBeGreaterThanOrEqual(20); // the ticker really ran (timers are throttled a little on a busy machine)
    // Each ticker block is rescanned at most 8 times over the page's life (then left alone), with a
    // few markers per rescan: without that bound, 2 tickers x 30 updates x ~3 markers would be ~180.
    expect(churn.added).toBeLessThanOrEqual(60);
    // Loose: the test machine is shared and busy; measured 30-250 ms. A runaway rescan loop blocks far longer.
    expect(churn.maxGap).toBeLessThan(1_000);
    // Whatever the extension did, each ticker shows exactly what the page last wrote.
    await new Promise((r) => setTimeout(r, 300));
    const shown = await o.page.evaluate(() => {
      const w = window as unknown as { __tickerExpected: { a: string; b: string } };
      // Read both in one task, so no ticker update falls between reading and comparing.
      return { a: document.getElementById('ticker-a')!.textContent, b: document.getElementById('ticker-b')!.textContent, expected: w.__tickerExpected };
    });
    expect(shown.a).toBe(shown.expected.a);
    expect(shown.b).toBe(shown.expected.b);
    await expectPageAlive(o);
    await o.page.close();
  });

  it('page scripts that patch DOM globals, read, click and restyle our elements: the page survives, nothing harmful happens', async () => {
    const o = await open(ext, url('page-attack.html'));
    // The page replaced MutationObserver, attachShadow and createElement in its own world; the
    // content script runs in an isolated world and places markers and cards regardless.
    await o.page.waitForSelector(`article ${MARK}`, { timeout: 15_000 });
    await hoverCard(o.page, `article ${MARK}[data-kind="person"]`);
    expect(await o.page.evaluate(() => (window as unknown as { __insertBeforeCalls?: number }).__insertBeforeCalls ?? 0)).toBe(0);
    const tabsBefore = await helper.evaluate(async () => {
      const g = globalThis as unknown as { browser?: { tabs: { query(q: object): Promise<unknown[]> } }; chrome?: { tabs: { query(q: object): Promise<unknown[]> } } };
      return (await (g.browser ?? g.chrome)!.tabs.query({})).length;
    });
    const report = await o.page.evaluate(() => (window as unknown as { __attack(): { found: number; shadowRootReadable: boolean; buttonsClicked: number; markersClicked: number; threw: string[] } }).__attack());
    expect(report.found).toBe(1);
    console.info(`[hostile ${name}] page attack: shadow root readable ${report.shadowRootReadable}, ${report.buttonsClicked} card buttons/links clicked by the page`);
    expect(report.markersClicked).toBeGreaterThan(0);
    expect(report.threw).toEqual([]);
    await new Promise((r) => setTimeout(r, 1_000));
    // Synthetic clicks on the card's buttons (the shadow root is open) must not open tabs.
    const tabsAfter = await helper.evaluate(async () => {
      const g = globalThis as unknown as { browser?: { tabs: { query(q: object): Promise<unknown[]> } }; chrome?: { tabs: { query(q: object): Promise<unknown[]> } } };
      return (await (g.browser ?? g.chrome)!.tabs.query({})).length;
    });
    expect(tabsAfter).toBe(tabsBefore);
    // The markers are still there and still carry their text.
    expect((await markerTexts(o.page, 'article p:first-of-type', 'person')).length).toBeGreaterThan(0);
    await expectPageAlive(o);
    await o.page.close();
  });

  it('emoji, combining marks, zero-width characters and soft hyphens next to names: markers wrap exactly the name', async () => {
    const o = await open(ext, url('unicode.html'));
    await o.page.waitForSelector(`#emoji ${MARK}`, { timeout: 15_000 });
    await scanReport(helper, url('unicode.html'));
    expect(await markerTexts(o.page, '#emoji', 'person')).toEqual(['Jeremy Corbyn', 'Owen Smith']);
    expect(await markerTexts(o.page, '#zero-width', 'person')).toEqual(['Jeremy Corbyn', 'Owen Smith', 'Len McCluskey']);
    expect(await markerTexts(o.page, '#soft-hyphens', 'person')).toEqual(['Jeremy Corbyn', 'Owen Smith', 'Len McCluskey']);
    expect(await markerTexts(o.page, '#inside', 'person')).toEqual(['Jer\u00ADemy Cor\u00ADbyn', 'Owen\u00A0Smith']);
    const combining = await markerTexts(o.page, '#combining', 'person');
    expect(combining).toContain('Jeremy Corbyn');
    expect(combining).toContain('Len McCluskey');
    // "Owen Smith" + a combining accent is either left alone or marked with its accent: never split.
    expect(combining.filter((t) => t.startsWith('Owen'))).toSatisfy((list: string[]) => list.every((t) => t === 'Owen Smith\u0301'));
    // No marker splits a character from its combining mark, emoji modifier or surrogate half
    // anywhere on the page (zero-width format characters may stay outside: they are not part of a name).
    const splits = await o.page.evaluate(() => {
      const bad: string[] = [];
      const seg = new Intl.Segmenter('en', { granularity: 'grapheme' });
      const isFormat = (ch: string) => /^[\u00AD\u200B-\u200D\u2060\uFEFF]/.test(ch);
      for (const p of document.querySelectorAll('article p')) {
        const text = p.textContent ?? '';
        const bounds = new Set([...seg.segment(text)].map((s) => s.index).concat(text.length));
        const ok = (at: number) => bounds.has(at) || isFormat(text.slice(at)) || isFormat(text.slice(at - 1));
        let offset = 0;
        const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const inMark = (n.parentElement as Element).closest('coverage-lens-mark');
          const len = (n as Text).data.length;
          if (inMark && (!ok(offset) || !ok(offset + len))) bad.push(`${p.id}: "${(n as Text).data}"`);
          offset += len;
        }
      }
      return bad;
    });
    expect(splits).toEqual([]);
    await textUnchanged(o.page);
    await expectPageAlive(o);
    await o.page.close();
  });

  it('a 200,000-word page: marked within the marker limit while the page stays responsive', async () => {
    const t0 = Date.now();
    const o = await open(ext, bigServer.url('big.html'));
    expect(await o.page.evaluate(() => document.body.innerText.split(/\s+/).length)).toBeGreaterThanOrEqual(200_000);
    const report = await scanReport(helper, bigServer.url('big.html'), 60_000);
    const elapsed = Date.now() - t0;
    expect(report.status).toBe('done');
    // Every paragraph was read: the names of the last paragraphs are marked too, under the limit.
    expect(report.markers).toBeGreaterThan(50);
    expect(report.markers).toBeLessThanOrEqual(DEFAULT_SETTINGS.maxMarkers);
    // Far below the fold the markers are held until needed; a Tab has them all written.
    await writeHeldMarkers(o.page);
    expect(await o.page.evaluate(() => [...document.querySelectorAll('article p')].slice(-80).some((p) => p.querySelector('coverage-lens-mark')))).toBe(true);
    // Let the heartbeat run a little past the scan, so the measured window surely covers it.
    await o.page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
    const { marks, maxGap, beats } = await o.page.evaluate(() => {
      const w = window as unknown as { __maxGap: number; __beat: number; __loadBeat: number };
      return { marks: document.querySelectorAll('coverage-lens-mark[data-cl-first]').length, maxGap: w.__maxGap, beats: w.__beat - w.__loadBeat };
    });
    expect(marks).toBe(report.markers);
    expect(beats).toBeGreaterThanOrEqual(4);
    // From the load event (before the content script starts) through the whole scan, the page's
    // 50 ms heartbeat never waited long, though the content script read 200,000 words.
    // Loose, as the machine is shared: measured 85-225 ms (50-120 ms without the extension).
    expect(maxGap).toBeLessThan(1_000);
    await hoverCard(o.page, `${MARK}[data-kind="person"]`);
    await expectPageAlive(o);
    await o.page.close();
    console.info(`[hostile ${name}] 200,000-word page: ${report.markers} markers, scan reported after ${elapsed} ms, longest heartbeat gap after load ${Math.round(maxGap)} ms`);
  });
});
