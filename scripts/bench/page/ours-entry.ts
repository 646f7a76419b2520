/**
 * Bench page bundle for OURS: the project's real content-script modules (article root, text map,
 * highlighter, the scan on its frame-budget queue, the marking policy) and, standing in for the
 * background's matching side, the real matcher over the real compact matcher data, answering each
 * batch in a microtask in the page (so "scan" is the matcher's own time, without messaging).
 * Nothing here re-implements page logic: it drives the real PageScanner (as the content script's
 * marking feature does) and times the matcher and highlighter it is handed.
 */
import matcherData from '../../../src/generated/matcher.json';
import type { DetectionKind, Match } from '../../../src/core/index/types';
import { createMatcher, type MatcherData } from '../../../src/core/match';
import { findArticleRoot } from '../../../src/page/article-root';
import { Highlighter } from '../../../src/page/highlight';
import type { BlockMatch } from '../../../src/page/match-client';
import { PageScanner } from '../../../src/page/page-scan';
import { MARK_TAG } from '../../../src/page/site-knowledge';
import { collectBlocks } from '../../../src/page/text-map';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';

declare global {
  interface Window {
    __clOurs?: typeof ours;
    __clPerf?: { tasks: PerformanceEntry[]; frames: PerformanceEntry[]; observers: PerformanceObserver[] };
  }
}

const ALL_KINDS: Record<DetectionKind, boolean> = { person: true, organisation: true, claim: true, quote: true };
const now = (): number => performance.now();
const memory = (): number => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? NaN;
const frame = (): Promise<number> => new Promise((resolve) => requestAnimationFrame(resolve));

const initStart = now();
let initError: string | null = null;
let matcher: { scan: (text: string, options?: { kinds?: Partial<Record<DetectionKind, boolean>> }) => Match[] };
try {
  matcher = createMatcher(matcherData as unknown as MatcherData);
} catch (error) {
  // Placeholder data (no index built yet): measure everything else with a matcher that finds nothing.
  initError = String(error);
  matcher = { scan: () => [] };
}
const initMs = now() - initStart;

/** The matching side, in the page: each block through the matcher, as the background does. */
function inPage(scan: (text: string, options?: { kinds?: Partial<Record<DetectionKind, boolean>> }) => Match[]): BlockMatch {
  return async (blocks, kinds) => blocks.map((text) => scan(text, { kinds }).map((m) => ({ ...m, corpus: 'bundled' })));
}

function countKinds(matches: Match[], into: Record<string, number>): void {
  for (const m of matches) into[m.kind] = (into[m.kind] ?? 0) + 1;
}

/** Overlap of a performance entry with [from, to]. */
function overlaps(e: PerformanceEntry, from: number, to: number): boolean {
  return e.startTime < to && e.startTime + e.duration > from;
}

/** Where the time of a long animation frame went (from its LoAF entry). */
interface FrameParts {
  durationMs: number;
  /** Script execution inside the frame (our slices and anything else). */
  scriptMs: number;
  /** Style and layout forced synchronously by scripts (e.g. a style read after DOM writes). */
  forcedStyleLayoutMs: number;
  /** The frame's own rendering: style, layout, paint (from styleAndLayoutStart/renderStart to the end). */
  renderMs: number;
  /** The frame's longest scripts: what invoked them and how long they ran. */
  scripts: { invoker: string; ms: number; forcedMs: number }[];
}

interface LoafEntry extends PerformanceEntry {
  renderStart: number;
  styleAndLayoutStart: number;
  scripts: { duration: number; forcedStyleAndLayoutDuration: number; invoker?: string; sourceFunctionName?: string }[];
}

/** The parts of the longest long-animation-frame entry, or null when none was reported. */
function frameParts(frames: PerformanceEntry[]): FrameParts | null {
  let longest: LoafEntry | null = null;
  for (const f of frames as LoafEntry[]) if (!longest || f.duration > longest.duration) longest = f;
  if (!longest) return null;
  const end = longest.startTime + longest.duration;
  const renderFrom = longest.renderStart || longest.styleAndLayoutStart || end;
  return {
    durationMs: longest.duration,
    scriptMs: (longest.scripts ?? []).reduce((a, s) => a + s.duration, 0),
    forcedStyleLayoutMs: (longest.scripts ?? []).reduce((a, s) => a + (s.forcedStyleAndLayoutDuration ?? 0), 0),
    renderMs: end - renderFrom,
    scripts: [...(longest.scripts ?? [])]
      .sort((a, b) => b.duration - a.duration)
      .slice(0, 3)
      .map((x) => ({ invoker: `${x.invoker ?? '?'}${x.sourceFunctionName ? ` ${x.sourceFunctionName}` : ''}`, ms: x.duration, forcedMs: x.forcedStyleAndLayoutDuration ?? 0 })),
  };
}

const ours = {
  initMs,
  /** The reader's default marker cap (the scanner stops scanning once it is reached). */
  defaultMaxMarkers: DEFAULT_SETTINGS.maxMarkers,
  initError,

  /** The article text as the content script reads it (blocks joined by blank lines), for the baseline. */
  articleText(): string {
    return collectBlocks(findArticleRoot(document)).map((b) => b.text).join('\n\n');
  },

  /**
   * OURS in one go, in phases: the real scanner with no time slicing (budget: unlimited) and no
   * marker cap, so scan start → every marker placed runs as one task; the matcher and highlighter
   * handed to it are the real ones with a stopwatch around each call. read = everything else the
   * scanner does (article root, viewport blocks, text map, its own bookkeeping).
   */
  async sync(): Promise<{ readMs: number; scanMs: number; markMs: number; totalMs: number; blocks: number; markers: number; kinds: Record<string, number> }> {
    let scanMs = 0;
    let markMs = 0;
    let blocks = 0;
    const timedMatcher = {
      scan(text: string, options?: { kinds?: Partial<Record<DetectionKind, boolean>> }): Match[] {
        const t = now();
        const found = matcher.scan(text, options);
        scanMs += now() - t;
        blocks++;
        return found;
      },
    };
    const highlighter = new Highlighter();
    const markBlock = highlighter.markBlock.bind(highlighter);
    highlighter.markBlock = (block, specs) => {
      const t = now();
      const marks = markBlock(block, specs);
      markMs += now() - t;
      return marks;
    };
    const controller = new AbortController();
    const t0 = now();
    const scanner = new PageScanner({
      root: findArticleRoot(document),
      match: inPage((text, options) => timedMatcher.scan(text, options)),
      highlighter,
      kinds: ALL_KINDS,
      maxMarkers: Number.POSITIVE_INFINITY,
      budgetMs: Number.POSITIVE_INFINITY,
    });
    await scanner.start(controller.signal);
    const totalMs = now() - t0;
    const placed = scanner.placedMatches();
    const kinds: Record<string, number> = {};
    countKinds(placed.map((p) => p.match), kinds);
    controller.abort();
    return { readMs: totalMs - scanMs - markMs, scanMs, markMs, totalMs, blocks, markers: placed.length, kinds };
  },

  /**
   * Where OURS's "read" time goes (for the report, not a budget): the article root alone, and the
   * text map of the whole root with and without its per-block visibility check. Reads only.
   */
  parts(): { rootMs: number; mapMs: number; mapNoVisibilityMs: number; blocks: number } {
    const t0 = now();
    const root = findArticleRoot(document);
    const t1 = now();
    const blocks = collectBlocks(root).length;
    const t2 = now();
    collectBlocks(root, { checkVisibility: false });
    const t3 = now();
    return { rootMs: t1 - t0, mapMs: t2 - t1, mapNoVisibilityMs: t3 - t2, blocks };
  },

  /** Scans with the default scheduler and leaves the markers in place (for screenshots). */
  async markAndKeep(): Promise<number> {
    const scanner = new PageScanner({ root: findArticleRoot(document), match: inPage((t, o) => matcher.scan(t, o)), highlighter: new Highlighter(), kinds: ALL_KINDS, maxMarkers: Number.POSITIVE_INFINITY });
    await scanner.start(new AbortController().signal);
    return scanner.placedMatches().length;
  },

  /**
   * OURS as the page gets it: the real sliced scheduler from scan start to every marker placed,
   * with the long tasks and long animation frames seen meanwhile, the time of the first marker
   * inside the viewport, and the JS heap the scan leaves behind (GC forced before and after).
   */
  async live(maxMarkers = Number.POSITIVE_INFINITY): Promise<{
    totalMs: number; markers: number; firstMarkMs: number | null; firstInViewportMs: number | null;
    longestTaskMs: number; longTasks: number; longestFrameMs: number; longFrames: number; longestRafGapMs: number;
    longestFrameParts: FrameParts | null; heapAddedBytes: number;
  }> {
    const perf = window.__clPerf;
    const placedAt: [number, Element][] = [];
    const mo = new MutationObserver((records) => {
      const t = now();
      for (const r of records) for (const n of Array.from(r.addedNodes)) if (n.nodeName === MARK_TAG.toUpperCase()) placedAt.push([t, n as Element]);
    });
    let rafRunning = true;
    let lastRaf = 0;
    let longestRafGap = 0;
    const onRaf = (t: number): void => {
      if (lastRaf) longestRafGap = Math.max(longestRafGap, t - lastRaf);
      lastRaf = t;
      if (rafRunning) requestAnimationFrame(onRaf);
    };
    window.gc?.();
    const heapBefore = memory();
    // A task of its own for the scan: the forced GC above must not count as part of its first slice.
    await new Promise((resolve) => setTimeout(resolve, 0));
    mo.observe(document.body, { childList: true, subtree: true });
    requestAnimationFrame(onRaf);
    const controller = new AbortController();
    const t0 = now();
    const scanner = new PageScanner({
      root: findArticleRoot(document),
      match: inPage((t, o) => matcher.scan(t, o)),
      highlighter: new Highlighter(),
      kinds: ALL_KINDS,
      maxMarkers,
    });
    await scanner.start(controller.signal);
    const t1 = now();
    // Let the last batch render, so its frame is observed too.
    await frame();
    await frame();
    rafRunning = false;
    mo.disconnect();
    for (const o of perf?.observers ?? []) {
      for (const e of o.takeRecords()) (e.entryType === 'longtask' ? perf!.tasks : perf!.frames).push(e);
    }
    const tasks = (perf?.tasks ?? []).filter((e) => overlaps(e, t0, t1));
    const frames = (perf?.frames ?? []).filter((e) => overlaps(e, t0, t1));
    const height = window.innerHeight;
    let firstInViewport: number | null = null;
    for (const [t, el] of placedAt) {
      const r = el.getBoundingClientRect();
      if (r.bottom > 0 && r.top < height && (firstInViewport === null || t < firstInViewport)) firstInViewport = t;
    }
    const markers = scanner.placedMatches().length;
    const firstMarkAt = placedAt.length > 0 ? Math.min(...placedAt.map(([t]) => t)) : null;
    placedAt.length = 0;
    await new Promise((resolve) => setTimeout(resolve, 0));
    window.gc?.();
    const heapAfter = memory(); // the scanner and its markers are still alive here, as on a real page
    controller.abort();
    return {
      totalMs: t1 - t0,
      markers,
      firstMarkMs: firstMarkAt === null ? null : firstMarkAt - t0,
      firstInViewportMs: firstInViewport === null ? null : firstInViewport - t0,
      longestTaskMs: Math.max(0, ...tasks.map((e) => e.duration)),
      longTasks: tasks.length,
      longestFrameMs: Math.max(0, ...frames.map((e) => e.duration)),
      longFrames: frames.length,
      longestRafGapMs: longestRafGap,
      longestFrameParts: frameParts(frames),
      heapAddedBytes: heapAfter - heapBefore,
    };
  },
};

window.__clOurs = ours;
