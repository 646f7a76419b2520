/**
 * Feature: the scan. Reads the article block by block (the text map), on-screen blocks first, sends
 * the blocks in batches to the matching side, applies the marking policy (core/match/select) to
 * what comes back, and marks it. Every read and write is a small task on the frame-budget queue, so
 * the page never sees a long task; matching itself runs off the page. Content the page changes later
 * is scanned again through the change watcher.
 */
import type { DetectionKind } from '../core/index/types';
import { MarkSelection, isLoneName, nestable } from '../core/match/select';
import type { CorpusMatch } from '../shared/protocol';
import { isInArticle } from './article-root';
import { holdsOnlyInline, isExcluded } from './dom-filters';
import { FrameQueue } from './frame-queue';
import { HeldMarks, type HeldMatch } from './held-marks';
import type { Highlighter } from './highlight';
import type { BlockMatch } from './match-client';
import { MarkerRegistry, type PlacedMatch } from './marker-registry';
import { BLOCK_SELECTOR, BLOCK_TAGS } from './site-knowledge';
import { walkBlocks, type TextBlock } from './text-map';
import { initWatchChanges } from './watch-changes';

export type { PlacedMatch } from './marker-registry';

/** Options of a PageScanner. */
export interface ScannerOptions {
  /** The article root, or how to find it: then the on-screen paragraphs are sent while it is found. */
  root: Element | (() => Element);
  /** The matching side (the background through messages, or a fake in tests). */
  match: BlockMatch;
  highlighter: Highlighter;
  kinds: Record<DetectionKind, boolean>;
  maxMarkers: number;
  /** Work per frame slice (ms); `Infinity` runs unsliced. Defaults to the queue's budget. */
  budgetMs?: number;
  /** Called after markers are placed or removed. */
  onChange?: () => void;
  /**
   * Write every marker at once (true), or hold those of blocks far from the viewport until they
   * come near it or are needed (held-marks.ts; the default).
   */
  eager?: boolean;
}

const SHOW_ELEMENT = 0x1;

/** At most this many on-screen blocks are read before the rest of the page (a tall screen of short lines). */
const MAX_VIEWPORT_BLOCKS = 60;
/**
 * A batch is sent once it holds this many blocks or characters: big enough that a 200,000-word
 * page needs a few dozen messages, small enough that the first markers below the fold follow soon.
 * Each message costs the page's thread about a millisecond (CDP profile of the bench's 20,000-word
 * page: 13-17 ms per scan inside runtime.sendMessage, for about a dozen messages), so the characters
 * decide: at 80 blocks, a page of short paragraphs (~190 characters) sent twice the messages.
 */
export const BATCH_MAX_BLOCKS = 250;
export const BATCH_MAX_CHARS = 30_000;

/**
 * Batches sent and not yet answered before reading pauses. The matching side answers one batch at
 * a time, so two keep it busy; reading further ahead only reads (and sends) text that the marker
 * cap may already have made useless: with a 5,000-article corpus, whose answers take 100-250 ms a
 * batch, the page read and sent the whole of a 200,000-word page before the answers that reached
 * the cap came back (CDP profile: 60 ms per scan in runtime.sendMessage, three times the page's
 * scan cost at 5 articles).
 */
export const MAX_BATCHES_IN_FLIGHT = 2;

/**
 * Blocks read in one task of the frame queue. A task per block spent about 2 ms per scan in the
 * queue's clock reads alone on the bench's 20,000-word page (CDP profile, ~430 blocks, load 7); a
 * block's read (its text walk and furniture tests) takes tens of microseconds, so a task of 8
 * stays far inside a frame slice.
 */
const READS_PER_TASK = 8;

/** In the stream of blocks to read: the on-screen blocks read before the root was known end here; send them. */
const AHEAD_END = Symbol('blocks read ahead of the root end');
/** In the stream of blocks to read: the on-screen blocks end here; send what is batched so far. */
const ON_SCREEN_END = Symbol('on-screen blocks end');

/** A block read from the page, with what is needed to tell later whether the page changed it. */
interface ReadBlock {
  block: TextBlock;
  /**
   * The pieces' text length when read: a page rewrite in between would make the offsets wrong.
   * (Our own markers split pieces, and the highlighter keeps the piece table in step, so the sum
   * is what stays the same.)
   */
  length: number;
  /** Read in the on-screen batch: its markers are written as soon as its answer comes. */
  onScreen?: boolean;
  /** Read before the root was known: its matches count only if it lies in the article. */
  ahead?: boolean;
  /** Its place in page order, for blocks read in the first scan's walk of the article (held-marks.ts). */
  order?: number;
}

/** A match's kind, id and offsets: an early name and the whole answer's same name have the same. */
function sameMatch(m: CorpusMatch): string {
  return `${m.kind}\u0000${m.id}\u0000${m.start}\u0000${m.end}`;
}

/** Resolves when `signal` aborts. */
function abortedPromise(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => (signal.aborted ? resolve() : signal.addEventListener('abort', () => resolve(), { once: true })));
}

function piecesLength(block: TextBlock): number {
  let sum = 0;
  // The node's length, not its data: reading `data` makes a string of every piece.
  for (const piece of block.pieces) sum += piece.node.length;
  return sum;
}

function isUnchanged(read: ReadBlock): boolean {
  const { block } = read;
  if (!block.element.isConnected) return false;
  for (const piece of block.pieces) if (!piece.node.isConnected) return false;
  return piecesLength(block) === read.length;
}

/**
 * Paragraph-level elements under `scope` with a box on screen, in page order, found without a full
 * walk (layout reads only, before any marker is written). At the top of the page (a fresh load) the
 * blocks are taken in page order up to the first one below the viewport, which reads only the
 * elements before it; scrolled, a native query of every block, then a binary search on their
 * positions. The query walks the whole page: 2.4 ms cold on the bench's 200,000-word page, where
 * the walk to the end of the first screen reads a few hundred elements.
 */
function blocksOnScreen(scope: Element): Element[] {
  const doc = scope.ownerDocument;
  const height = window.innerHeight || doc.documentElement.clientHeight;
  if (!height) return [];
  const out: Element[] = [];
  if ((doc.defaultView?.scrollY ?? 0) === 0) {
    const walker = doc.createTreeWalker(scope, SHOW_ELEMENT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node as Element;
      if (!BLOCK_TAGS.has(el.tagName)) continue;
      const rect = el.getBoundingClientRect();
      if (rect.top > height) break;
      if (rect.bottom < 0 || rect.height === 0) continue;
      out.push(el);
    }
    return out;
  }
  const all = scope.querySelectorAll(BLOCK_SELECTOR);
  if (all.length === 0) return [];
  let lo = 0;
  let hi = all.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (all[mid].getBoundingClientRect().bottom < 0) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < all.length; i++) {
    const rect = all[i].getBoundingClientRect();
    if (rect.top > height) break;
    if (rect.bottom < 0 || rect.height === 0) continue;
    out.push(all[i]);
  }
  return out;
}

/**
 * isExcludedWithin(el, root) for elements under `root`, each ancestor judged once: the on-screen
 * paragraphs share their ancestors, whose furniture tests read their children (CDP profile under
 * load 16, 20,000 words: 4.5 ms a scan judging the same containers again for each paragraph).
 * Valid while the page does not change (one task).
 */
function excludedUnder(root: Element): (el: Element) => boolean {
  const verdicts = new Map<Element, boolean>();
  const excluded = (el: Element | null): boolean => {
    if (!el || el === root) return false;
    let verdict = verdicts.get(el);
    // Ancestors first (same verdict): a shared container's verdict settles its children (article-root.ts scoreProse).
    if (verdict === undefined) verdicts.set(el, (verdict = excluded(el.parentElement) || isExcluded(el)));
    return verdict;
  };
  return excluded;
}

/**
 * MarkSelection.onlyTwins for one pass over the markers, remembered per refs list: every detection
 * of a name in one answer shares its entity's list (up to 50 refs, entity-refs.ts), each read
 * through a key per ref, and a name is held in many blocks. Valid only while the twins known do
 * not change (within one write task).
 */
function onlyTwinsOnce(selection: MarkSelection<ReadBlock, CorpusMatch>): (m: CorpusMatch) => boolean {
  const known = new Map<object, boolean>();
  return (m) => {
    if (!m.refs || m.refsLeft) return selection.onlyTwins(m);
    let value = known.get(m.refs);
    if (value === undefined) known.set(m.refs, (value = selection.onlyTwins(m)));
    return value;
  };
}

/** Scans a root, marks what the matching side finds, and keeps the marks up to date as the page changes. */
export class PageScanner {
  private readonly registry: MarkerRegistry;
  private readonly selection: MarkSelection<ReadBlock, CorpusMatch>;
  private queue: FrameQueue | null = null;
  private running: Promise<void> = Promise.resolve();
  private failure: unknown = null;
  private readonly scanned = new WeakSet<Element>();
  /** Blocks the first scan's walk of the root has read (their page order). */
  private readCount = 0;
  /** The article root, once known (ScannerOptions.root), and a promise of it for answers that come first. */
  private root: Element | null = null;
  private rootFound!: (root: Element) => void;
  private readonly rootReady = new Promise<Element>((resolve) => (this.rootFound = resolve));
  /**
   * Names shown ahead of their batch's whole answer (a cold matching side answers names first:
   * BlockMatch `early`), per block: outside the marking policy's count, and replaced by the whole
   * answer's markers in the write that places them.
   */
  private readonly earlyMarks: MarkerRegistry;
  private readonly early = new Map<ReadBlock, Set<CorpusMatch>>();
  /** Accepted matches whose markers are not written yet (far from the viewport). */
  private readonly held: HeldMarks<ReadBlock>;
  /** Whether each element read ahead of the root lies in the article, judged once the root is known. */
  private readonly aheadInArticle = new Map<Element, boolean>();
  /** A write that takes away the markers whose only evidence is a recognised twin is queued. */
  private twinPassQueued = false;

  constructor(private readonly options: ScannerOptions) {
    this.selection = new MarkSelection<ReadBlock, CorpusMatch>({ kinds: options.kinds, maxMarkers: options.maxMarkers }, isUnchanged);
    this.registry = new MarkerRegistry(options.highlighter, (count) => this.selection.release(count));
    this.earlyMarks = new MarkerRegistry(options.highlighter);
    // The change watcher must take these writes for ours too (it wraps the registry's).
    this.earlyMarks.ownWrites = (write) => this.registry.ownWrites(write);
    this.held = new HeldMarks<ReadBlock>(
      (read, matches) => this.placeAccepted(read, matches, null),
      (write) => this.queue?.write(write),
    );
  }

  /** Every match marked so far, in no particular order (held ones not included: see heldMatches). */
  placedMatches(): PlacedMatch[] {
    return this.registry.all();
  }

  /** Accepted matches whose markers are not yet written (far from the viewport), in page order. */
  heldMatches(): HeldMatch[] {
    const onlyTwins = onlyTwinsOnce(this.selection);
    return this.held.matches().filter((h) => !onlyTwins(h.match) && h.element.isConnected);
  }

  /** How many markers the findings count: placedMatches() and heldMatches() together, without building either list. */
  markerCount(): number {
    const onlyTwins = onlyTwinsOnce(this.selection);
    return this.registry.size + this.held.count((m, element) => !onlyTwins(m) && element.isConnected);
  }

  /** Writes every held marker now: next/previous, reveal, Tab and printing need them all in the page. */
  placeAll(): void {
    if (this.held.size === 0) return;
    this.held.placeAll();
  }

  /** The placed match a marker element (any of its pieces) belongs to, or null. */
  placedFor(mark: Element): PlacedMatch | null {
    return this.registry.lookup(mark) ?? this.earlyMarks.lookup(mark);
  }

  /**
   * Scans the whole root (on-screen blocks first), then watches it for changes until `signal`
   * aborts. Rejects after the scan when a batch could not be matched (the others are marked).
   */
  async start(signal: AbortSignal): Promise<void> {
    signal.addEventListener('abort', () => this.stop(), { once: true });
    this.queue = new FrameQueue(signal, this.options.budgetMs);
    const given = this.options.root;
    const doc = typeof given === 'function' ? document : given.ownerDocument;
    // Markers are tab stops: before Tab moves focus, every held one joins the page (in one task,
    // so focus order is the page's); printing shows the whole article.
    doc.addEventListener('keydown', (e) => e.key === 'Tab' && this.placeAll(), { capture: true, passive: true, signal });
    doc.defaultView?.addEventListener('beforeprint', () => this.placeAll(), { signal });
    // With the root still to be found, the paragraphs on screen are read and sent first and the
    // root is found while the matching side answers them: on a long page the root takes longer
    // than the round trip (helper's timing, 200,000 words: 25-33 ms against 23-34 ms).
    const body = doc.body ?? doc.documentElement;
    // The blocks on screen are found once, in the page: the root's are among them (one query of
    // the whole page instead of two: 2.4 ms each, cold, on the bench's 200,000-word page).
    const shown = typeof given === 'function' ? blocksOnScreen(body) : null;
    const ahead = shown ? this.viewportBlockElements(shown, excludedUnder(body), true) : [];
    const aheadSet = new Set(ahead);
    const scanned = this.scanned;
    const rootOf = () => this.resolveRoot(signal);
    const self = this;
    const blocks = (function* (): Generator<TextBlock | typeof AHEAD_END | typeof ON_SCREEN_END> {
      for (const el of ahead) yield* walkBlocks(el);
      if (ahead.length > 0) yield AHEAD_END;
      const root = rootOf();
      // One furniture verdict per element for both passes below and for the answers' checks of
      // the blocks read ahead (isInArticle judged each block's ancestors again: they share them).
      const excluded = excludedUnder(root);
      for (const el of ahead) {
        const inArticle = (el === root || root.contains(el)) && !excluded(el);
        self.aheadInArticle.set(el, inArticle);
        if (inArticle) scanned.add(el);
      }
      const inRoot = shown ? shown.filter((el) => el !== root && root.contains(el)) : blocksOnScreen(root);
      const onScreen = self.viewportBlockElements(inRoot, excluded, false).filter((el) => !aheadSet.has(el));
      const skip = (el: Element) => scanned.has(el);
      for (const el of onScreen) yield* walkBlocks(el, { skip });
      // What is on screen goes in a batch of its own, so it is marked first.
      yield ON_SCREEN_END;
      for (const el of onScreen) scanned.add(el);
      yield* walkBlocks(root, { skip });
    })();
    this.running = this.scan(blocks, signal, ahead.length > 0 ? 'ahead' : 'on screen');
    await this.running;
    if (this.failure) throw this.failure;
  }

  /** The article root (found now when the scanner was given a way to find it), with the change watcher started on it. */
  private resolveRoot(signal: AbortSignal): Element {
    if (this.root) return this.root;
    const given = this.options.root;
    const root = typeof given === 'function' ? given() : given;
    this.root = root;
    this.rootFound(root);
    initWatchChanges({ root, registry: this.registry, onChanged: (units) => this.rescan(units, signal) }, signal);
    return root;
  }

  /** Resolves when the current scan or rescan has finished. */
  idle(): Promise<void> {
    return this.running;
  }

  /** Stops and removes every marker this scanner placed. */
  stop(): void {
    this.queue?.clear();
    this.twinPassQueued = false;
    this.early.clear();
    this.earlyMarks.clear();
    this.held.clear();
    this.registry.clear();
  }

  /**
   * Of the on-screen blocks under a root (blocksOnScreen), at most MAX_VIEWPORT_BLOCKS that hold
   * article text: outermost ones (leaves only when `leavesOnly`), not `excluded` (excludedUnder).
   */
  private viewportBlockElements(shown: readonly Element[], excluded: (el: Element) => boolean, leavesOnly: boolean): Element[] {
    const out: Element[] = [];
    for (let i = 0; i < shown.length && out.length < MAX_VIEWPORT_BLOCKS; i++) {
      const el = shown[i];
      if ((leavesOnly && !holdsOnlyInline(el)) || out.some((o) => o.contains(el)) || excluded(el)) continue;
      out.push(el);
    }
    return out;
  }

  /** Reads `blocks` on the queue and sends them in batches; replies are applied in the order sent. */
  private scan(blocks: Iterator<TextBlock | typeof AHEAD_END | typeof ON_SCREEN_END>, signal: AbortSignal, first: 'ahead' | 'on screen' | 'changed' = 'changed'): Promise<void> {
    const queue = this.queue;
    if (!queue) return Promise.resolve();
    return new Promise<void>((resolve) => {
      // Aborting clears the queue, so the read that would finish the scan never runs.
      signal.addEventListener('abort', () => resolve(), { once: true });
      let applied: Promise<void> = Promise.resolve();
      let batch: ReadBlock[] = [];
      let chars = 0;
      let inFlight = 0;
      // Reading waits for an answer (MAX_BATCHES_IN_FLIGHT); the answer's application resumes it.
      let paused = false;
      // What the blocks being read are: read ahead of the root (on screen, kept only if in the
      // root), on screen, or the rest (a rescan's blocks are).
      let mode = first;
      // The first scan's walk of the root reads in page order (after the on-screen blocks); a rescan's blocks do not.
      const inPageOrder = first !== 'changed';
      const send = () => {
        if (batch.length === 0) return;
        const sent = batch;
        batch = [];
        chars = 0;
        inFlight++;
        const reply = this.options.match(
          sent.map((r) => r.block.text),
          this.options.kinds,
          (names) => this.showEarly(sent, names),
        );
        // Caught here and recorded: one failed batch must not stop the others.
        reply.catch(() => undefined);
        applied = applied.then(async () => {
          try {
            let matches: CorpusMatch[][];
            try {
              matches = await reply;
            } catch (error) {
              this.failure ??= error;
              for (const read of sent) this.dropEarlyLater(read);
              return;
            }
            // Blocks read ahead of the root are judged against it: an answer that comes first waits for it.
            if (sent.some((r) => r.ahead)) await Promise.race([this.rootReady, abortedPromise(signal)]);
            if (signal.aborted) return;
            sent.forEach((read, i) => this.accept(read, matches[i] ?? []));
          } finally {
            inFlight--;
            if (paused && !signal.aborted) {
              paused = false;
              queue.read(readNext);
            }
          }
        });
      };
      const readNext = () => {
        // Several blocks a task: the queue's bookkeeping per task (a clock read, a closure, a
        // guarded call) cost more than reading a short paragraph (READS_PER_TASK).
        for (let n = 0; n < READS_PER_TASK; n++) {
          if (signal.aborted) return resolve();
          // Nothing more could be marked: stop reading (held lone names do not count).
          const next = this.selection.remaining() > 0 ? blocks.next() : { done: true as const, value: undefined };
          if (next.done) {
            send();
            // Done once the blocks near the viewport are written too (the observer's first report).
            void applied
              .then(() => this.held.reported())
              .then(() => queue.idle())
              .then(() => resolve());
            return;
          }
          const block = next.value;
          if (block === AHEAD_END) {
            // Sent at once, so the matching side answers while the root is found: the next item,
            // in this same task. Queued as a read of its own, the root search waited for a paint
            // whenever reading the on-screen blocks had used up the slice (a frame of a 200,000-word
            // page: 3-45 ms at load 9-10, first-marker-ab.ts). Its answer then finds the root known, and the queue idle
            // once the on-screen blocks are read, so its names are written at once.
            send();
            mode = 'on screen';
            n = -1;
            continue;
          }
          if (block === ON_SCREEN_END) {
            mode = 'changed';
            send();
            // The rest of the page is read once the on-screen batch is marked. The queue runs writes
            // only in a slice its reads leave time in, so reading on meanwhile held the viewport's
            // markers back until the whole page was read (bench, 200,000 words: first marker in view
            // 164 ms, 20 ms at 20,000). The next read is queued from a write task, so it runs on the
            // frame after these markers are painted. Costs one round trip in all.
            void applied.then(() => queue.write(() => queue.read(readNext)));
            return;
          }
          const read: ReadBlock = { block, length: piecesLength(block) };
          if (mode !== 'changed') read.onScreen = true;
          if (mode === 'ahead') read.ahead = true;
          if (mode === 'changed' && inPageOrder) read.order = this.readCount++;
          batch.push(read);
          chars += block.text.length;
          if (batch.length >= BATCH_MAX_BLOCKS || chars >= BATCH_MAX_CHARS) {
            send();
            if (inFlight >= MAX_BATCHES_IN_FLIGHT) {
              paused = true;
              return;
            }
          }
        }
        queue.read(readNext);
      };
      queue.read(readNext);
    });
  }

  /**
   * Shows the names of a batch whose whole answer is still coming: the people named in full and the
   * organisations, which the marking policy marks whatever else the answer holds (a lone name waits
   * for its full name), within the room left under the marker cap.
   */
  private showEarly(sent: readonly ReadBlock[], names: CorpusMatch[][]): void {
    // Names of blocks read ahead of the root that come back before the root is known wait for it,
    // then are shown if it holds them. Dropped, as they were when the root search was a read of
    // its own that could follow a paint, they left the first markers to the whole answer, claims
    // and all (bench, 200,000 words, 5,000 articles: warm first marker 52-60 ms against 32 ms at 5
    // articles, whose whole answer is as quick as its names, and above the cold one, whose names
    // come later than the root). The root is now found in the task that sends the batch, before
    // any answer; this keeps the order of the two from mattering.
    if (!this.root && sent.some((r) => r.ahead)) {
      void this.rootReady.then(() => this.showEarly(sent, names));
      return;
    }
    let room = this.selection.remaining();
    sent.forEach((read, i) => {
      if (room <= 0 || this.early.has(read)) return;
      // Read ahead of the root: shown early only once the root is known to hold it.
      if (read.ahead && !(this.root && (this.aheadInArticle.get(read.block.element) ?? isInArticle(read.block.element, this.root)))) return;
      const kinds = this.options.kinds;
      const length = read.block.text.length;
      const valid = (names[i] ?? []).filter((m) => (m.kind === 'person' ? !isLoneName(m) : m.kind === 'organisation') && kinds[m.kind] === true && m.start >= 0 && m.end > m.start && m.end <= length);
      const shown = nestable(valid).slice(0, room);
      if (shown.length === 0) return;
      room -= shown.length;
      const set = new Set(shown);
      this.early.set(read, set);
      this.queue?.write(() => {
        // Not once the whole answer has come (it took the block over) or the page changed the block.
        if (this.early.get(read) !== set || !isUnchanged(read)) return;
        this.earlyMarks.place(read.block, shown);
      });
    });
  }

  /**
   * Removes a block's early names (inside a write task); the block's pieces are the page's text
   * nodes again. Returns their marker elements by match (kind, id, offsets), for the whole answer's
   * markers of the same matches to be those same elements.
   */
  private dropEarly(read: ReadBlock, shown: Set<CorpusMatch>): Map<string, HTMLElement[]> {
    const removed = new Map<string, HTMLElement[]>();
    const count = this.earlyMarks.remove((p) => {
      if (!shown.has(p.match)) return false;
      removed.set(sameMatch(p.match), p.marks);
      return true;
    });
    if (count === 0) return removed;
    // Unmarking merged back the text nodes the markers split: their pieces go, the page's own
    // nodes (whole again, at the offsets they had) stay.
    const pieces = read.block.pieces;
    for (let k = pieces.length - 1; k >= 0; k--) if (!pieces[k].node.isConnected) pieces.splice(k, 1);
    return removed;
  }

  /** Queues the removal of a block's early names (its whole answer marks nothing in it, or failed). */
  private dropEarlyLater(read: ReadBlock): void {
    const shown = this.early.get(read);
    if (!shown) return;
    this.early.delete(read);
    this.queue?.write(() => void this.dropEarly(read, shown));
  }

  /** Applies the marking policy to one block's matches and queues the markers it accepts. */
  private accept(read: ReadBlock, matches: CorpusMatch[]): void {
    const selection = this.selection;
    // A paragraph read ahead of the root that the root does not hold (a sidebar's): never marked.
    if (read.ahead && !(this.root && (this.aheadInArticle.get(read.block.element) ?? isInArticle(read.block.element, this.root)))) matches = [];
    // Early names of this block give way to the whole answer's markers, in the write placing them.
    const shown = this.early.get(read);
    this.early.delete(read);
    const acceptedNow = selection.add(read, matches, read.block.text.length);
    if (shown && !acceptedNow.some((a) => a.block === read)) this.queue?.write(() => void this.dropEarly(read, shown));
    // A page just recognised as a copy of a corpus article: markers whose only evidence was that
    // article go (the registry releases their room under the cap). Checked when the write runs,
    // with what is known then (the articles recognised only grow).
    // One pass queued at a time: it reads what is known when it runs, so a recognition made while
    // one waits changes nothing it would not see (a pass per recognition, each over every held
    // match, cost 8 ms a scan on the bench's 20,000-word page: CDP profile, load 11).
    if (selection.recognisedTwin() && !this.twinPassQueued) {
      this.twinPassQueued = true;
      this.queue?.write(() => {
        this.twinPassQueued = false;
        const onlyTwins = onlyTwinsOnce(selection);
        this.registry.remove((p) => onlyTwins(p.match));
        selection.release(this.held.drop((m) => onlyTwins(m)));
      });
    }
    for (const accepted of acceptedNow) {
      const target = accepted.block;
      const early = shown && target === read ? shown : null;
      // Written now: what is on screen, early names to swap for their markers, and everything
      // when held markers are not wanted. The rest is held; the observer's first report on it, a
      // frame later, writes what is near the viewport (no layout read of ours: reading a box after
      // our writes laid the page out again, 8 ms a scan at 20,000 words in a CDP profile).
      if (this.options.eager || early || target.onScreen) this.queue?.write(() => this.placeAccepted(target, accepted.matches, early));
      else this.held.hold(target, target.block.element, accepted.matches, target.order);
    }
  }

  /**
   * Writes the markers of a block's accepted matches (inside a write task, or in the task that
   * needs them: HeldMarks.placeAll). `shown`: the block's early names, whose elements become the
   * same matches' markers.
   */
  private placeAccepted(target: ReadBlock, matches: readonly CorpusMatch[], shown: Set<CorpusMatch> | null): void {
    const selection = this.selection;
    if (shown && this.keepEarly(target, matches, shown)) {
      this.options.onChange?.();
      return;
    }
    // The early names' elements come back as the same matches' markers (a name the reader saw stays the same marker).
    const early = shown ? this.dropEarly(target, shown) : null;
    if (!isUnchanged(target)) {
      // The page changed the block since it was read: the watcher rescans it.
      selection.release(matches.length);
      return;
    }
    // Accepted before the page was recognised as a copy of their only evidence's article: not marked.
    const still = matches.filter((m) => !selection.onlyTwins(m));
    const placed = this.registry.place(target.block, still, early?.size ? still.map((m) => early.get(sameMatch(m))) : undefined);
    if (placed < matches.length) selection.release(matches.length - placed);
    this.options.onChange?.();
  }

  /**
   * When a block's whole answer marks exactly the names shown early, their markers become the
   * answer's as they stand: no write. Taking them out and writing them back cost ~3 ms of
   * unmarking alone per scan of the bench's 20,000-word page (CDP profile, load 7), for the same
   * DOM. Returns false (nothing done) when the answer marks anything else or the block changed.
   */
  private keepEarly(target: ReadBlock, matches: readonly CorpusMatch[], shown: Set<CorpusMatch>): boolean {
    if (matches.length !== shown.size || !isUnchanged(target)) return false;
    const selection = this.selection;
    const answer = new Map<string, CorpusMatch>();
    for (const m of matches) {
      if (selection.onlyTwins(m)) return false;
      answer.set(sameMatch(m), m);
    }
    for (const m of shown) if (!answer.has(sameMatch(m))) return false;
    // Every early name of the block must still be on the page as placed (its write may not have run).
    if (this.earlyMarks.count((p) => shown.has(p.match)) !== shown.size) return false;
    this.earlyMarks.handOver(this.registry, (p) => (shown.has(p.match) ? answer.get(sameMatch(p.match)) ?? null : null));
    return true;
  }

  /** Rescans the blocks that changed: their old markers go, their text is read and matched again. */
  private rescan(units: Element[], signal: AbortSignal): void {
    const queue = this.queue;
    if (!queue) return;
    const blocks = (function* (): Generator<TextBlock> {
      for (const unit of units) yield* walkBlocks(unit);
    })();
    this.running = this.running
      .then(
        () =>
          new Promise<void>((resolve) => {
            signal.addEventListener('abort', () => resolve(), { once: true });
            // The old markers go in a write task; the reads of the new text are queued from it, so
            // they run on the next frame, after the page has been painted without the old markers.
            queue.write(() => {
              this.registry.remove((_placed, first) => !first.isConnected || units.some((u) => u.contains(first)));
              this.selection.release(this.held.drop((_m, element) => !element.isConnected || units.some((u) => u.contains(element))));
              void this.scan(blocks, signal).then(resolve);
            });
          }),
      )
      .then(() => this.options.onChange?.())
      .catch(() => undefined);
  }
}
