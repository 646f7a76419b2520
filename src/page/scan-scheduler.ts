/**
 * Scans the article block by block in short slices (darkreader's AsyncQueue idea) so the page never
 * sees a long task: blocks on screen first, then the rest in document order. Within a slice every
 * read (the text map, its visibility checks) comes before every write (markers, written at the end
 * of the slice and counted in its budget); after a slice that wrote, the next one waits until the
 * browser has rendered a frame, so writes never force a layout and never pile up unpainted.
 * Later changes rescan only the blocks that changed.
 */
import type { DetectionKind, Match } from '../core/index/types';
import { isInArticle } from './article-root';
import { isBlockElement } from './dom-filters';
import type { Highlighter, MarkSpec } from './highlight';
import { BLOCK_SELECTOR, MARK_TAG } from './site-knowledge';
import { blockElementOf, walkBlocks, type TextBlock } from './text-map';

/** The part of the matcher the scanner uses (the real one, or a small fake in tests). */
export interface BlockMatcher {
  scan(text: string, options?: { kinds?: Partial<Record<DetectionKind, boolean>> }): Match[];
}

/** A match that was marked on the page, with its marker elements (the first is the focus target). */
export interface PlacedMatch {
  match: Match;
  marks: HTMLElement[];
}

/** Options of a PageScanner. */
export interface ScannerOptions {
  root: Element;
  matcher: BlockMatcher;
  highlighter: Highlighter;
  kinds: Record<DetectionKind, boolean>;
  maxMarkers: number;
  /** Work per slice before yielding to the page, in ms. */
  budgetMs?: number;
  /** Called after each batch of markers is placed or removed. */
  onChange?: () => void;
}

/** Throttle of mutation-driven rescans (ms). */
const MUTATION_THROTTLE_MS = 500;
/** A block rewritten more often than this (a live ticker) is left alone for the rest of the page's life. */
const MAX_RESCANS_PER_BLOCK = 8;
/** First guess of what writing one marker costs (ms), refined as markers are written. */
const INITIAL_MARK_COST_MS = 0.03;
/** At most this many on-screen blocks are scanned before the rest of the page. */
const MAX_VIEWPORT_BLOCKS = 60;

/** True for a one-word name ("Doe", "Doe's"): a surname alone, which other people share. */
function isBareName(text: string): boolean {
  return !/\s/.test(text.trim());
}

/**
 * Matches sorted by start (outer first), without partial overlaps: a match inside another (a name
 * in a claim sentence) is kept, one that straddles another's edge is dropped.
 */
function nestable(matches: Match[]): Match[] {
  const sorted = matches.slice().sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Match[] = [];
  for (const m of sorted) {
    const clash = kept.some(
      (k) => (m.start < k.end && m.end > k.start && !(m.start >= k.start && m.end <= k.end)) || (m.start === k.start && m.end === k.end && m.kind === k.kind),
    );
    if (!clash) kept.push(m);
  }
  return kept;
}

/** A frame that takes longer than this (a hidden tab renders none) is not waited for. */
const FRAME_TIMEOUT_MS = 100;

/**
 * Resolves after the browser has rendered the next frame: requestAnimationFrame, then a macrotask
 * (which runs after that frame's paint). Falls back to a timer where no frame comes (hidden tabs).
 */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    let settled = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const finish = () => {
      if (settled) return;
      settled = true;
      if (timer !== null) clearTimeout(timer);
      resolve();
    };
    const raf = (globalThis as { requestAnimationFrame?: (cb: () => void) => number }).requestAnimationFrame;
    if (typeof raf !== 'function' || document.visibilityState === 'hidden') {
      setTimeout(finish, 0);
      return;
    }
    timer = setTimeout(finish, FRAME_TIMEOUT_MS);
    raf.call(globalThis, () => {
      if (typeof MessageChannel === 'function') {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          channel.port1.close();
          finish();
        };
        channel.port2.postMessage(null);
      } else setTimeout(finish, 0);
    });
  });
}

/** Resolves once the page has settled: loaded, then idle (or after `timeoutMs`). */
export function whenPageSettled(signal: AbortSignal, timeoutMs = 300): Promise<void> {
  return new Promise((resolve) => {
    const idle = () => {
      const ric = (globalThis as { requestIdleCallback?: (cb: () => void, o: { timeout: number }) => number })
        .requestIdleCallback;
      if (typeof ric === 'function') ric(() => resolve(), { timeout: timeoutMs });
      else setTimeout(resolve, 0);
    };
    if (document.readyState === 'complete') idle();
    else window.addEventListener('load', idle, { once: true, signal });
  });
}

const now = () => performance.now();

/** Scans a root, marks what the matcher finds, and keeps the marks up to date as the page changes. */
export class PageScanner {
  private readonly placed = new Map<HTMLElement, PlacedMatch>();
  private readonly byPiece = new WeakMap<Element, PlacedMatch>();
  private readonly processed = new WeakSet<Element>();
  private readonly rescans = new WeakMap<Element, number>();
  private readonly budget: number;
  private observer: MutationObserver | null = null;
  private dirty = new Set<Node>();
  private throttle: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> = Promise.resolve();
  private pendingMarks: { block: TextBlock; matches: Match[] }[] = [];
  /** Markers reserved in `pendingMarks` and not yet written. */
  private pendingCount = 0;
  /** Running estimate of the time one marker write takes (ms). */
  private markCost = INITIAL_MARK_COST_MS;
  /** Slices run by the current pass (the first one does not wait for a frame). */
  private slicesRun = 0;
  /** Set when markers were written and no frame has been painted since. */
  private needsPaint = false;
  /** Person ids the page names in full somewhere (so a lone surname may be marked too). */
  private readonly confirmed = new Set<string>();
  private readonly deferred = new Map<string, { block: TextBlock; match: Match }[]>();

  constructor(private readonly options: ScannerOptions) {
    this.budget = options.budgetMs ?? 8;
  }

  /** Every match marked so far, in no particular order. */
  placedMatches(): PlacedMatch[] {
    return [...this.placed.values()].filter((p) => p.marks[0].isConnected);
  }

  /** The placed match a marker element (any of its pieces) belongs to, or null. */
  placedFor(mark: Element): PlacedMatch | null {
    const placed = this.byPiece.get(mark);
    return placed && this.placed.has(placed.marks[0]) ? placed : null;
  }

  /** Scans the whole root (on-screen blocks first), then watches it for changes until `signal` aborts. */
  async start(signal: AbortSignal): Promise<void> {
    signal.addEventListener('abort', () => this.stop(), { once: true });
    this.observe(signal);
    this.running = this.scanAll(signal);
    await this.running;
  }

  /** Time of the first marker placed after `start` (performance.now()), for measurements. */
  firstMarkAt: number | null = null;

  private async scanAll(signal: AbortSignal): Promise<void> {
    const root = this.options.root;
    const onScreen = this.viewportBlockElements();
    const viewportBlocks = (function* (): Generator<TextBlock> {
      for (const el of onScreen) yield* walkBlocks(el);
    })();
    await this.runSliced(viewportBlocks, signal);
    for (const el of onScreen) this.processed.add(el);
    await this.runSliced(walkBlocks(root, { skip: (el) => this.processed.has(el) }), signal);
  }

  /**
   * Paragraph-level elements on screen, found without a full walk: a native query, then a binary
   * search on their positions (one layout read, before any marker is written).
   */
  private viewportBlockElements(): Element[] {
    const root = this.options.root;
    const all = root.querySelectorAll(BLOCK_SELECTOR);
    const height = window.innerHeight || document.documentElement.clientHeight;
    if (all.length === 0 || !height) return [];
    let lo = 0;
    let hi = all.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (all[mid].getBoundingClientRect().bottom < 0) lo = mid + 1;
      else hi = mid;
    }
    const out: Element[] = [];
    for (let i = lo; i < all.length && out.length < MAX_VIEWPORT_BLOCKS; i++) {
      const el = all[i];
      const rect = el.getBoundingClientRect();
      if (rect.top > height) break;
      if (rect.bottom < 0 || rect.height === 0) continue;
      if (out.some((o) => o.contains(el)) || !isInArticle(el, root)) continue;
      out.push(el);
    }
    return out;
  }

  /**
   * Runs scan steps in slices of about `budget` ms: reads and matching first, then the slice's
   * marker writes, both inside the budget (a backlog of writes carries over to the next slice,
   * before any new reads). After a slice that wrote, waits for the next frame to be painted.
   */
  private async runSliced(blocks: Iterator<TextBlock>, signal: AbortSignal): Promise<void> {
    let exhausted = false;
    const sliced = Number.isFinite(this.budget);
    for (;;) {
      // Every slice after the first, and the first after another pass wrote, starts on a freshly
      // painted frame: its reads find layout clean, and slices never run back to back unpainted.
      if (sliced && (this.slicesRun > 0 || this.needsPaint)) await afterNextPaint();
      this.needsPaint = false;
      this.slicesRun++;
      if (signal.aborted) return;
      const sliceStart = now();
      const deadline = sliceStart + this.budget;
      // Leave room in the slice for writing what is found: reads stop once the writes queued so
      // far would fill the rest of it.
      while (!exhausted && now() + this.pendingCount * this.markCost < deadline) {
        if (this.remaining() <= 0) {
          exhausted = true;
          break;
        }
        const next = blocks.next();
        if (next.done) {
          exhausted = true;
          break;
        }
        this.scanBlock(next.value);
      }
      if (this.flush(deadline)) this.needsPaint = true;
      if (exhausted && this.pendingMarks.length === 0) {
        this.slicesRun = 0;
        return;
      }
    }
  }

  private remaining(): number {
    return this.options.maxMarkers - this.placed.size - this.pendingCount;
  }

  private scanBlock(block: TextBlock): void {
    const kinds = this.options.kinds;
    const found = this.options.matcher
      .scan(block.text, { kinds })
      .filter((m) => kinds[m.kind] && m.end > m.start && m.start >= 0 && m.end <= block.text.length);
    let matches: Match[] = [];
    for (const m of nestable(found)) {
      if (m.kind !== 'person' || !isBareName(m.text)) {
        if (m.kind === 'person') this.confirm(m.id);
        matches.push(m);
      } else if (this.confirmed.has(m.id)) {
        matches.push(m);
      } else {
        // A lone surname ("Doe") is only taken for the corpus person once the page also names
        // them in full ("Jane Doe", "Ms Doe"): until then it is held back, and dropped if never.
        const list = this.deferred.get(m.id) ?? [];
        list.push({ block, match: m });
        this.deferred.set(m.id, list);
      }
    }
    if (matches.length === 0) return;
    const room = this.remaining();
    if (room <= 0) return;
    if (matches.length > room) matches = matches.slice(0, room);
    this.pendingCount += matches.length;
    this.pendingMarks.push({ block, matches });
  }

  /** Records that the page names a person in full, and releases the lone surnames held back for them. */
  private confirm(id: string): void {
    if (this.confirmed.has(id)) return;
    this.confirmed.add(id);
    const held = this.deferred.get(id);
    if (!held) return;
    this.deferred.delete(id);
    for (const { block, match } of held) {
      if (this.remaining() <= 0) return;
      if (!block.element.isConnected || !block.pieces.every((p) => p.node.isConnected)) continue;
      this.pendingCount += 1;
      this.pendingMarks.push({ block, matches: [match] });
    }
  }

  /**
   * Writes pending markers, block by block, until `deadline` (at least one block per call, so a
   * backlog always shrinks); what is left stays pending. Returns whether anything was written.
   */
  private flush(deadline = Number.POSITIVE_INFINITY): boolean {
    const pending = this.pendingMarks;
    if (pending.length === 0) return false;
    let taken = 0;
    let written = 0;
    const started = now();
    this.ownMutations(() => {
      while (taken < pending.length) {
        if (taken > 0 && now() >= deadline) break;
        const { block, matches } = pending[taken++];
        written += matches.length;
        if (!block.element.isConnected) continue;
        const specs: MarkSpec[] = matches.map((m) => ({ kind: m.kind, id: m.id, start: m.start, end: m.end }));
        const marks = this.options.highlighter.markBlock(block, specs);
        matches.forEach((match, i) => {
          if (marks[i].length === 0) return;
          const placed = { match, marks: marks[i] };
          this.placed.set(marks[i][0], placed);
          for (const mark of marks[i]) this.byPiece.set(mark, placed);
        });
      }
    });
    this.pendingMarks = pending.slice(taken);
    this.pendingCount -= written;
    if (written > 0) this.markCost = 0.7 * this.markCost + 0.3 * ((now() - started) / written);
    if (this.firstMarkAt === null && this.placed.size > 0) this.firstMarkAt = now();
    this.options.onChange?.();
    return true;
  }

  /**
   * Runs our own DOM writes so the observer never sees them: page mutations queued before are
   * handled first; the records our writes produce are then taken and dropped.
   */
  private ownMutations(write: () => void): void {
    if (this.observer) this.collect(this.observer.takeRecords());
    try {
      write();
    } finally {
      this.observer?.takeRecords();
    }
  }

  private observe(signal: AbortSignal): void {
    if (typeof MutationObserver !== 'function') return;
    this.observer = new MutationObserver((records) => this.collect(records));
    this.observer.observe(this.options.root, { childList: true, characterData: true, subtree: true });
    signal.addEventListener('abort', () => this.observer?.disconnect(), { once: true });
    const onSettled = () => {
      if (this.dirty.size === 0 || signal.aborted) return;
      const units = this.dirty;
      this.dirty = new Set();
      this.running = this.running.then(() => this.rescan(units, signal)).catch(() => undefined);
    };
    this.scheduleRescan = () => {
      if (this.throttle !== null || signal.aborted) return;
      this.throttle = setTimeout(() => {
        this.throttle = null;
        onSettled();
      }, MUTATION_THROTTLE_MS);
    };
    signal.addEventListener('abort', () => {
      if (this.throttle !== null) clearTimeout(this.throttle);
    });
  }

  private scheduleRescan: () => void = () => undefined;

  private collect(records: MutationRecord[]): void {
    if (records.length === 0) return;
    for (const record of records) {
      if (record.type === 'characterData') {
        this.dirty.add(record.target);
        if (this.options.highlighter.isRewritten(record.target)) this.dropRewritten(record.target);
      } else
        for (const node of Array.from(record.addedNodes)) {
          if (node.nodeType === 1 && (node as Element).tagName === MARK_TAG.toUpperCase()) continue;
          this.dirty.add(node);
        }
    }
    if (this.dirty.size > 0) this.scheduleRescan();
  }

  /**
   * The page wrote to a text node we had split: what our markers hold next to it is stale and
   * would show beside the new text. Unmark at once (observer callbacks run before the page paints);
   * the throttled rescan marks the new text later.
   */
  private dropRewritten(node: Node): void {
    let container = node.parentNode;
    while (container && container.nodeType === 1 && (container as Element).tagName === MARK_TAG.toUpperCase()) container = container.parentNode;
    if (!container) return;
    const stale: HTMLElement[] = [];
    for (const [first, placed] of this.placed) {
      if (placed.marks.some((m) => container.contains(m))) {
        stale.push(...placed.marks);
        this.placed.delete(first);
      }
    }
    if (stale.length > 0) this.ownMutations(() => this.options.highlighter.unmark(stale));
  }

  /** Rescans the blocks that changed: their old markers go, their text is read and marked again. */
  private async rescan(nodes: Set<Node>, signal: AbortSignal): Promise<void> {
    const root = this.options.root;
    const units = new Set<Element>();
    for (const node of nodes) {
      if (!node.isConnected || !root.contains(node)) continue;
      let unit: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement;
      if (!unit) continue;
      if (!isBlockElement(unit)) unit = blockElementOf(unit, root);
      if (!isInArticle(unit, root)) continue;
      const count = (this.rescans.get(unit) ?? 0) + 1;
      this.rescans.set(unit, count);
      if (count > MAX_RESCANS_PER_BLOCK) continue;
      units.add(unit);
    }
    const list = [...units].filter((u) => ![...units].some((other) => other !== u && other.contains(u)));
    if (list.length === 0) return;
    const stale: HTMLElement[] = [];
    for (const [first, placed] of this.placed) {
      if (!first.isConnected || list.some((u) => u.contains(first))) {
        stale.push(...placed.marks);
        this.placed.delete(first);
      }
    }
    if (stale.length > 0) this.ownMutations(() => this.options.highlighter.unmark(stale));
    const blocks = (function* (): Generator<TextBlock> {
      for (const unit of list) yield* walkBlocks(unit);
    })();
    await this.runSliced(blocks, signal);
    this.options.onChange?.();
  }

  /** Stops watching and removes every marker this scanner placed. */
  stop(): void {
    this.observer?.disconnect();
    this.observer = null;
    if (this.throttle !== null) clearTimeout(this.throttle);
    this.throttle = null;
    this.pendingMarks = [];
    this.pendingCount = 0;
    const marks: HTMLElement[] = [];
    for (const placed of this.placed.values()) marks.push(...placed.marks);
    this.placed.clear();
    this.options.highlighter.unmark(marks);
  }

  /** Resolves when the current scan or rescan has finished. */
  idle(): Promise<void> {
    return this.running;
  }
}
