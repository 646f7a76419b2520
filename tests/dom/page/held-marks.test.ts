/**
 * Held markers (held-marks.ts): a match in a block far from the viewport is matched, counted and
 * listed at once, and its markers are written when the block comes near the viewport or when
 * every marker is needed (next/previous, reveal, Tab). happy-dom lays nothing out, so this file
 * gives block elements a box from their `data-y` attribute (a 768-pixel viewport at the top of the
 * page) and replaces IntersectionObserver with one the test drives.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startContentScript, type ControllerEnv } from '../../../src/page/controller';
import { NEAR_VIEWPORT_SCREENS } from '../../../src/page/held-marks';
import { Highlighter } from '../../../src/page/highlight';
import { PageScanner } from '../../../src/page/page-scan';
import type { Protocol, RequestType, Result, TabFindings } from '../../../src/shared/protocol';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import { fakeBackground, findTerms } from './fake-background';
import type { BlockMatch } from '../../../src/page/match-client';

const KINDS = { person: true, organisation: true, claim: true, quote: true };
const TERMS = [
  { text: 'Jane Doe', kind: 'person' as const, id: 'person:jane' },
  { text: 'Town Council', kind: 'organisation' as const, id: 'org:council' },
  { text: 'Harbour Board', kind: 'organisation' as const, id: 'org:harbour' },
];
const VIEWPORT = 768;
/** Paragraph height in the fake layout. */
const LINE = 100;

/** Whether an element's fake box lies within the observer's margin (NEAR_VIEWPORT_SCREENS). */
function isNear(el: Element): boolean {
  const r = el.getBoundingClientRect();
  return r.bottom >= -VIEWPORT * NEAR_VIEWPORT_SCREENS && r.top <= VIEWPORT * (1 + NEAR_VIEWPORT_SCREENS);
}

/** Observed targets of the fake IntersectionObserver (it first reports each as the fake layout places it), and a way to report one as near later. */
const observers: { callback: IntersectionObserverCallback; targets: Set<Element> }[] = [];
function bringNear(el: Element): void {
  for (const o of observers) {
    if (!o.targets.has(el)) continue;
    o.callback([{ target: el, isIntersecting: true } as unknown as IntersectionObserverEntry], {} as IntersectionObserver);
  }
}
const observed = () => observers.flatMap((o) => [...o.targets]);

const SETUP_OBSERVER = globalThis.IntersectionObserver;

beforeEach(() => {
  observers.length = 0;
  vi.stubGlobal(
    'IntersectionObserver',
    class {
      private readonly entry: { callback: IntersectionObserverCallback; targets: Set<Element> };
      constructor(callback: IntersectionObserverCallback) {
        this.entry = { callback, targets: new Set() };
        observers.push(this.entry);
      }
      observe(el: Element) {
        this.entry.targets.add(el);
        queueMicrotask(() => this.entry.callback([{ target: el, isIntersecting: isNear(el) } as unknown as IntersectionObserverEntry], this as unknown as IntersectionObserver));
      }
      unobserve(el: Element) {
        this.entry.targets.delete(el);
      }
      disconnect() {
        this.entry.targets.clear();
      }
    },
  );
  vi.spyOn(window, 'innerHeight', 'get').mockReturnValue(VIEWPORT);
  // A box for every element from its nearest data-y ancestor (markers share their paragraph's).
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    const y = Number(this.closest('[data-y]')?.getAttribute('data-y') ?? 0) - window.scrollY;
    return { top: y, bottom: y + LINE, left: 0, right: 600, width: 600, height: LINE, x: 0, y, toJSON: () => ({}) } as DOMRect;
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  // Back to the in-view observer every DOM test has (tests/dom/setup.ts).
  vi.stubGlobal('IntersectionObserver', SETUP_OBSERVER);
  document.body.innerHTML = '';
});

/** Paragraphs at y = 0, 100, 200, …; the texts say what each holds. */
function article(texts: string[]): Element {
  document.body.innerHTML = `<article id="a">${texts.map((t, i) => `<p data-y="${i * LINE}">${t}</p>`).join('')}</article>`;
  return document.getElementById('a')!;
}

/** Paragraph i's text: the viewport and the screen below hold 16 paragraphs; the ones after are far. */
const FAR_FROM = Math.ceil((VIEWPORT * (1 + NEAR_VIEWPORT_SCREENS)) / LINE) + 1;
function longArticle(): Element {
  const texts: string[] = [];
  for (let i = 0; i < FAR_FROM + 10; i++) texts.push(i === 1 ? 'Jane Doe spoke first.' : i === FAR_FROM + 3 ? 'The Town Council met.' : i === FAR_FROM + 8 ? 'The Harbour Board and Jane Doe replied.' : `Filler paragraph ${i}.`);
  return article(texts);
}

const marked = () => Array.from(document.querySelectorAll('coverage-lens-mark[data-cl-first]')).map((m) => m.getAttribute('data-id'));
const settle = () => new Promise((r) => setTimeout(r, 0));

/**
 * A story (#a, its second paragraph naming Jane Doe and the Town Council) beside a column (.col-b)
 * that names Jane Doe too; returns where each marker is put as it is put ('a' or 'col-b'), watched
 * by a MutationObserver so a marker shown even for a moment is seen.
 */
function storyBesideColumn(): string[] {
  const prose = (i: number) => `Paragraph ${i} of the story goes on long enough to count as prose for the article finder.`;
  document.body.innerHTML = `<div class="col-b"><p data-y="0">Jane Doe also features in a story next to this one, told at length.</p></div>
      <div id="a">${[1, 2, 3, 4, 5].map((i) => `<p data-y="${i * LINE}">${i === 2 ? 'Jane Doe told the Town Council what it had to hear that night.' : prose(i)}</p>`).join('')}</div>`;
  const seen: string[] = [];
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) if (n.nodeName === 'COVERAGE-LENS-MARK') seen.push((n as Element).closest('[id], .col-b')?.getAttribute('id') ?? 'col-b');
  }).observe(document.body, { childList: true, subtree: true });
  return seen;
}

describe('held markers (the scanner)', () => {
  it('writes the on-screen and near markers at once, holds the far ones, and counts and lists them all', async () => {
    const root = longArticle();
    const scanner = new PageScanner({ root, match: fakeBackground(TERMS), highlighter: new Highlighter(), kinds: KINDS, maxMarkers: 100 });
    await scanner.start(new AbortController().signal);
    expect(marked()).toEqual(['person:jane']);
    expect(scanner.heldMatches().map((h) => [h.match.id, h.element.getAttribute('data-y')])).toEqual([
      ['org:council', String((FAR_FROM + 3) * LINE)],
      ['org:harbour', String((FAR_FROM + 8) * LINE)],
      ['person:jane', String((FAR_FROM + 8) * LINE)],
    ]);
    // Only far blocks are still watched, one observation per block.
    expect(observed().map((el) => el.getAttribute('data-y'))).toEqual([String((FAR_FROM + 3) * LINE), String((FAR_FROM + 8) * LINE)]);
  });

  it('places a far block markers when it comes near the viewport, and no others', async () => {
    const root = longArticle();
    const scanner = new PageScanner({ root, match: fakeBackground(TERMS), highlighter: new Highlighter(), kinds: KINDS, maxMarkers: 100 });
    await scanner.start(new AbortController().signal);
    const council = root.querySelector(`[data-y="${(FAR_FROM + 3) * LINE}"]`)!;
    bringNear(council);
    await settle();
    await scanner.idle();
    expect(marked()).toEqual(['person:jane', 'org:council']);
    expect(council.querySelector('coverage-lens-mark')?.textContent).toBe('Town Council');
    expect(scanner.heldMatches().map((h) => h.match.id)).toEqual(['org:harbour', 'person:jane']);
    expect(observed()).not.toContain(council);
  });

  it('held matches count under the marker cap like written ones', async () => {
    const root = longArticle();
    const scanner = new PageScanner({ root, match: fakeBackground(TERMS), highlighter: new Highlighter(), kinds: KINDS, maxMarkers: 2 });
    await scanner.start(new AbortController().signal);
    expect([scanner.placedMatches().length, scanner.heldMatches().length]).toEqual([1, 1]);
    scanner.placeAll();
    expect(marked()).toEqual(['person:jane', 'org:council']);
  });

  it('Tab writes every held marker before focus moves; stopping removes written and held ones', async () => {
    const root = longArticle();
    const before = document.body.innerHTML;
    const abort = new AbortController();
    const scanner = new PageScanner({ root, match: fakeBackground(TERMS), highlighter: new Highlighter(), kinds: KINDS, maxMarkers: 100 });
    await scanner.start(abort.signal);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true }));
    expect(marked()).toEqual(['person:jane', 'org:council', 'org:harbour', 'person:jane']);
    expect(scanner.heldMatches()).toEqual([]);
    abort.abort();
    expect(document.body.innerHTML).toBe(before);
    expect(observed()).toEqual([]);
  });
});

describe('held markers (the content script)', () => {
  function fakeEnv(): { env: ControllerEnv; reports: TabFindings[]; tab: (message: unknown) => Promise<Result<unknown>> | undefined } {
    const reports: TabFindings[] = [];
    let tabListener: (message: unknown) => Promise<Result<unknown>> | undefined = () => undefined;
    const answer = <K extends RequestType>(type: K, payload: Protocol[K]['request']): Result<unknown> => {
      if (type === 'getSiteState') return { ok: true, value: { enabled: true, settings: DEFAULT_SETTINGS } };
      if (type === 'reportFindings') {
        reports.push(payload as TabFindings);
        return { ok: true, value: { stored: true } };
      }
      if (type === 'matchBlocks') {
        const { blocks, kinds } = payload as Protocol['matchBlocks']['request'];
        return { ok: true, value: { matches: blocks.map((b) => findTerms(TERMS, b, kinds)) } };
      }
      return { ok: false, error: `unexpected ${type}` };
    };
    return {
      reports,
      tab: (m) => tabListener(m),
      env: {
        request: (async (type: RequestType, payload: never) => answer(type, payload)) as ControllerEnv['request'],
        onSettingsChanged: () => () => undefined,
        onTabMessage: (listener) => {
          tabListener = listener;
          return () => undefined;
        },
        describeMarker: () => 'press Enter',
        loadCardUi: () => Promise.reject(new Error('no card UI in this test')),
        cardUnavailable: () => 'unavailable',
        isContextValid: () => true,
        skipSettle: true,
      },
    };
  }

  it('reports held matches in the popup list and counts, in page order', async () => {
    longArticle();
    const fake = fakeEnv();
    const script = startContentScript(fake.env);
    await script.settled();
    expect(marked()).toEqual(['person:jane']);
    const findings = script.findings();
    expect(findings.markers).toBe(4);
    expect(findings.items.map((i) => [i.id, i.count])).toEqual([
      ['person:jane', 2],
      ['org:council', 1],
      ['org:harbour', 1],
    ]);
    expect(fake.reports.at(-1)).toMatchObject({ status: 'done', markers: 4 });
    script.destroy();
  });

  it('next marker reaches a marker whose block was held, and reveal finds a record only held markers had', async () => {
    const root = longArticle();
    const fake = fakeEnv();
    const script = startContentScript(fake.env);
    await script.settled();
    const first = document.querySelector<HTMLElement>('coverage-lens-mark[data-cl-first]')!;
    first.focus();
    const moved = await fake.tab({ type: 'navigate', payload: { direction: 1 } });
    expect(moved).toEqual({ ok: true, value: { moved: true } });
    expect(document.activeElement?.getAttribute('data-id')).toBe('org:council');
    expect(document.activeElement?.closest('p')).toBe(root.querySelector(`[data-y="${(FAR_FROM + 3) * LINE}"]`));
    script.destroy();

    longArticle();
    const again = fakeEnv();
    const second = startContentScript(again.env);
    await second.settled();
    expect(marked()).not.toContain('org:harbour');
    expect(await again.tab({ type: 'reveal', payload: { kind: 'organisation', id: 'org:harbour' } })).toEqual({ ok: true, value: { found: true } });
    expect(document.activeElement?.getAttribute('data-id')).toBe('org:harbour');
    expect(second.findings().markers).toBe(4);
    second.destroy();
  });
});

describe('the on-screen paragraphs, sent while the article root is found', () => {
  it('are matched first, and only those the root holds are marked', async () => {
    const prose = (i: number) => `Paragraph ${i} of the story goes on long enough to count as prose for the article finder.`;
    document.body.innerHTML = `<div class="col-b"><p data-y="0">Jane Doe also features in a story next to this one, told at length.</p></div>
      <div id="a">${[1, 2, 3, 4, 5].map((i) => `<p data-y="${i * LINE}">${i === 2 ? 'Jane Doe told the Town Council what it had to hear that night.' : prose(i)}</p>`).join('')}</div>`;
    const sent: string[][] = [];
    const env: ControllerEnv = {
      request: (async (type: RequestType, payload: never) => {
        if (type === 'getSiteState') return { ok: true, value: { enabled: true, settings: DEFAULT_SETTINGS } };
        if (type === 'matchBlocks') {
          const { blocks, kinds } = payload as Protocol['matchBlocks']['request'];
          sent.push(blocks);
          return { ok: true, value: { matches: blocks.map((b) => findTerms(TERMS, b, kinds)) } };
        }
        return { ok: true, value: { stored: true } };
      }) as ControllerEnv['request'],
      onSettingsChanged: () => () => undefined,
      onTabMessage: () => () => undefined,
      describeMarker: () => 'press Enter',
      loadCardUi: () => Promise.reject(new Error('no card UI in this test')),
      cardUnavailable: () => 'unavailable',
      isContextValid: () => true,
      skipSettle: true,
    };
    const script = startContentScript(env);
    await script.settled();
    // The first batch is every paragraph on screen, the one beside the story too; the story's are not read again.
    expect(sent[0]).toHaveLength(6);
    expect(sent.flat().filter((t) => t.includes('Town Council'))).toHaveLength(1);
    expect(Array.from(document.querySelectorAll('coverage-lens-mark[data-cl-first]')).map((m) => [m.closest('[id], .col-b')?.getAttribute('id') ?? 'col-b', m.getAttribute('data-id')])).toEqual([
      ['a', 'person:jane'],
      ['a', 'org:council'],
    ]);
    expect(script.findings().markers).toBe(2);
    script.destroy();
  });

  it('the early names of a cold matching side never show in a paragraph beside the story, not even for a moment', async () => {
    const seen = storyBesideColumn();
    // Names first, then the whole answer, as a matching side still loading its corpus answers.
    const match: BlockMatch = async (blocks, kinds, early) => {
      const all = blocks.map((b) => findTerms(TERMS, b, kinds));
      await settle();
      early?.(all.map((ms) => ms.filter((m) => m.kind === 'person' || m.kind === 'organisation')));
      await settle();
      return all;
    };
    const { findArticleRoot } = await import('../../../src/page/article-root');
    const scanner = new PageScanner({ root: () => findArticleRoot(document), match, highlighter: new Highlighter(), kinds: KINDS, maxMarkers: 100 });
    await scanner.start(new AbortController().signal);
    await settle();
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.filter((where) => where !== 'a')).toEqual([]);
    expect(marked()).toEqual(['person:jane', 'org:council']);
  });

  it('names that come back before the article root is found are shown once it is, in the article only, without waiting for the whole answer', async () => {
    const seen = storyBesideColumn();
    const { findArticleRoot } = await import('../../../src/page/article-root');
    let rootFound = false;
    let namesBeforeRoot = false;
    let release: () => void = () => undefined;
    const whole = new Promise<void>((r) => (release = r));
    // A warm matching side's names first (on a long page, before the root search has ended), then
    // a whole answer that takes long (claims at a large corpus): here, until the test releases it.
    const match: BlockMatch = async (blocks, kinds, early) => {
      const all = blocks.map((b) => findTerms(TERMS, b, kinds));
      namesBeforeRoot ||= !rootFound;
      early?.(all.map((ms) => ms.filter((m) => m.kind === 'person' || m.kind === 'organisation')));
      await whole;
      return all;
    };
    const root = () => {
      const found = findArticleRoot(document);
      rootFound = true;
      return found;
    };
    const scanner = new PageScanner({ root, match, highlighter: new Highlighter(), kinds: KINDS, maxMarkers: 100 });
    const started = scanner.start(new AbortController().signal);
    // The story's names are on the page while the whole answer is still to come.
    await vi.waitFor(() => expect(marked()).toEqual(['person:jane', 'org:council']));
    expect(namesBeforeRoot).toBe(true);
    expect(scanner.placedMatches()).toEqual([]);
    release();
    await started;
    await settle();
    expect(seen.filter((where) => where !== 'a')).toEqual([]);
    expect(marked()).toEqual(['person:jane', 'org:council']);
  });

  it('finds the article root in the task that sends the on-screen paragraphs, even with no slice budget left (no frame between them)', async () => {
    const prose = (i: number) => `Paragraph ${i} of the story goes on long enough to count as prose for the article finder.`;
    document.body.innerHTML = `<div id="a">${[0, 1, 2, 3].map((i) => `<p data-y="${i * LINE}">${i === 1 ? 'Jane Doe told the Town Council what it had to hear that night.' : prose(i)}</p>`).join('')}</div>`;
    const { findArticleRoot } = await import('../../../src/page/article-root');
    let rootFound = false;
    const rootKnownWhenTaskEnded: boolean[] = [];
    const match: BlockMatch = async (blocks, kinds) => {
      // Microtasks run once the task that sent the batch has ended.
      queueMicrotask(() => rootKnownWhenTaskEnded.push(rootFound));
      return blocks.map((b) => findTerms(TERMS, b, kinds));
    };
    const root = () => {
      rootFound = true;
      return findArticleRoot(document);
    };
    // A budget of 0: one task a slice, then a frame, as when reading the on-screen blocks used the slice up.
    const scanner = new PageScanner({ root, match, highlighter: new Highlighter(), kinds: KINDS, maxMarkers: 100, budgetMs: 0 });
    await scanner.start(new AbortController().signal);
    expect(rootKnownWhenTaskEnded[0]).toBe(true);
    expect(marked()).toEqual(['person:jane', 'org:council']);
  });
});
