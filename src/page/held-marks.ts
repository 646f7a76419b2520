/**
 * Markers held back until a reader could reach them. Matching still reads the whole article (the
 * popup's list, counts and the marker cap see every match), but writing a marker into the page is
 * most of a scan's main-thread cost (CDP profile of the bench's 20,000-word page: about a third of
 * the content script's time in the highlighter), so a match far from the viewport is kept here and
 * its markers are written when its block comes near the viewport (an IntersectionObserver with a
 * margin, so they are in place before the block scrolls into view; the observer's first report,
 * one frame after a block is held, also writes those already near, so the page is never asked for
 * its layout by us), or all at once when something
 * needs every marker in the page: Tab (the markers are tab stops), the next/previous-marker
 * commands, a record revealed from the popup, printing.
 */
import type { CorpusMatch } from '../shared/protocol';

/**
 * How far outside the viewport, in viewport heights above and below, a block's markers are written
 * at once (and where the observer places held ones): a scroll of less than a screen, the usual
 * wheel, key or touch step, never reaches a block whose markers are not written yet.
 */
export const NEAR_VIEWPORT_SCREENS = 1;

/**
 * Longest wait (ms) for the observer's first report on newly held blocks before a scan counts as
 * done: a tab that renders no frames (hidden) gets no report until it is shown.
 */
export const FIRST_REPORT_TIMEOUT_MS = 200;

/** A held match with the block element it belongs to (for page order). */
export interface HeldMatch {
  match: CorpusMatch;
  element: Element;
}

/** One block's held matches: `R` is the scanner's record of a block read. */
interface Held<R> {
  read: R;
  element: Element;
  matches: CorpusMatch[];
  /** The block's place in page order when the caller knows it (read in page order), else compared in the document. */
  order?: number;
}

/** The held matches of one scan, in page order, with the observer that places them. */
export class HeldMarks<R> {
  /** Held blocks in page order (blocks are mostly held in page order, so an insertion from the end is cheap). */
  private readonly order: Held<R>[] = [];
  private readonly byElement = new Map<Element, Held<R>[]>();
  private observer: IntersectionObserver | null = null;
  /** Held blocks the observer has not reported on yet, and who waits for that. */
  private readonly unreported = new Set<Element>();
  private waiting: (() => void)[] = [];

  constructor(
    /** Writes the markers of held matches (called inside a write task, or synchronously by `placeAll`). */
    private readonly place: (read: R, matches: CorpusMatch[]) => void,
    /** Queues a write task on the scan's frame queue. */
    private readonly queueWrite: (write: () => void) => void,
  ) {}

  /** How many matches are held. */
  get size(): number {
    let n = 0;
    for (const h of this.order) n += h.matches.length;
    return n;
  }

  /**
   * Holds a block's accepted matches until the block comes near the viewport. `order`: the
   * block's place in page order, when known (blocks read in one walk of the article): saves a
   * compareDocumentPosition, which steps through a long article's paragraphs (CDP profile, 20,000
   * words: 1.3-1.9 ms a scan).
   */
  hold(read: R, element: Element, matches: CorpusMatch[], order?: number): void {
    const same = this.byElement.get(element)?.find((h) => h.read === read);
    if (same) {
      same.matches.push(...matches);
      return;
    }
    const held: Held<R> = { read, element, matches: matches.slice(), order };
    let at = this.order.length;
    while (at > 0 && comesBefore(held, this.order[at - 1])) at--;
    this.order.splice(at, 0, held);
    const list = this.byElement.get(element);
    if (list) list.push(held);
    else {
      this.byElement.set(element, [held]);
      this.observe(element);
    }
  }

  /**
   * Resolves once the observer has reported on every block held so far (those already near the
   * viewport are then queued to be written), or after FIRST_REPORT_TIMEOUT_MS.
   */
  reported(): Promise<void> {
    if (this.unreported.size === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, FIRST_REPORT_TIMEOUT_MS);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.waiting.push(done);
    });
  }

  /** How many held matches `which` picks (no list built: the findings report's count). */
  count(which: (match: CorpusMatch, element: Element) => boolean): number {
    let n = 0;
    for (const h of this.order) for (const m of h.matches) if (which(m, h.element)) n++;
    return n;
  }

  /** Every held match in page order (a block's matches by offset). */
  matches(): HeldMatch[] {
    const out: HeldMatch[] = [];
    for (const h of this.order) {
      const sorted = h.matches.slice().sort((a, b) => a.start - b.start || b.end - a.end);
      for (const match of sorted) out.push({ match, element: h.element });
    }
    return out;
  }

  /** Writes the markers of every held match now (something needs them all in the page). */
  placeAll(): void {
    const all = this.order.splice(0);
    this.byElement.clear();
    this.observer?.disconnect();
    this.onReport([]);
    for (const h of all) this.place(h.read, h.matches);
  }

  /** Drops held matches `which` picks (without writing them); returns how many were dropped. */
  drop(which: (match: CorpusMatch, element: Element) => boolean): number {
    let dropped = 0;
    for (let i = this.order.length - 1; i >= 0; i--) {
      const h = this.order[i];
      const kept = h.matches.filter((m) => !which(m, h.element));
      dropped += h.matches.length - kept.length;
      h.matches = kept;
      if (kept.length === 0) this.forget(i);
    }
    return dropped;
  }

  /** Drops everything held and stops observing. */
  clear(): void {
    this.order.length = 0;
    this.byElement.clear();
    this.observer?.disconnect();
    this.observer = null;
    this.onReport([]);
  }

  private forget(index: number): void {
    const [h] = this.order.splice(index, 1);
    const list = this.byElement.get(h.element)?.filter((x) => x !== h) ?? [];
    if (list.length > 0) return void this.byElement.set(h.element, list);
    this.byElement.delete(h.element);
    this.observer?.unobserve(h.element);
    this.unreported.delete(h.element);
    this.wakeIfReported();
  }

  private observe(element: Element): void {
    if (typeof IntersectionObserver !== 'function') {
      // No observer (not a browser we run in): nothing would ever place it, so it is written now.
      return void this.queueWrite(() => this.placeElement(element));
    }
    this.observer ??= new IntersectionObserver((entries) => this.onReport(entries), { rootMargin: `${NEAR_VIEWPORT_SCREENS * 100}% 0px` });
    this.unreported.add(element);
    this.observer.observe(element);
  }

  private onReport(entries: readonly IntersectionObserverEntry[]): void {
    if (entries.length === 0) this.unreported.clear();
    for (const entry of entries) {
      this.unreported.delete(entry.target);
      if (entry.isIntersecting) this.queueWrite(() => this.placeElement(entry.target));
    }
    this.wakeIfReported();
  }

  private wakeIfReported(): void {
    if (this.unreported.size > 0) return;
    const waiting = this.waiting;
    this.waiting = [];
    for (const done of waiting) done();
  }

  /** Writes the held matches of one block element (it came near the viewport). */
  private placeElement(element: Element): void {
    const list = this.byElement.get(element);
    if (!list) return;
    this.byElement.delete(element);
    this.observer?.unobserve(element);
    for (const h of list) {
      const at = this.order.indexOf(h);
      if (at >= 0) this.order.splice(at, 1);
    }
    for (const h of list) this.place(h.read, h.matches);
  }
}

/** True when held block `a` comes before `b` in page order. */
function comesBefore(a: Held<unknown>, b: Held<unknown>): boolean {
  if (a.order !== undefined && b.order !== undefined) return a.order < b.order;
  return precedes(a.element, b.element);
}

/** True when `a` comes before `b` in the document (and is not `b`). */
function precedes(a: Element, b: Element): boolean {
  // DOCUMENT_POSITION_FOLLOWING: b follows a.
  return a !== b && (a.compareDocumentPosition(b) & 4) !== 0 && !a.contains(b);
}
