/**
 * A frame-budget queue (darkreader's AsyncQueue idea): every page feature that has more than a
 * moment's work queues it here as small tasks, and the queue runs them in slices of a few
 * milliseconds, one slice per rendered frame, so the page never sees a long task.
 *
 * Reads before writes: within a slice every queued read (text map, layout) runs before any queued
 * write (markers), so a write never forces the next read to lay the page out again; after a slice,
 * the next one waits until the browser has painted a frame, so writes never pile up unpainted.
 */

/**
 * Work per slice (ms). A 60 Hz frame is 16.7 ms; half of it leaves the other half for the page's
 * own scripts, style and paint. The bench's frame rows (longest task 0, longest animation frame 0
 * at 200,000 words) were measured with this budget.
 */
export const FRAME_BUDGET_MS = 8;
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

const now = () => performance.now();

let longest = 0;
/**
 * The longest slice any queue of this content script has run so far (ms): how long one of our
 * tasks held the page's thread at most. Reported with the findings, for the load tests.
 */
export function longestSliceMs(): number {
  return Math.round(longest);
}

/** A first-in first-out list of tasks that takes each out in constant time. */
class TaskList {
  private items: (() => void)[] = [];
  private head = 0;
  get size(): number {
    return this.items.length - this.head;
  }
  push(task: () => void): void {
    this.items.push(task);
  }
  take(): () => void {
    const task = this.items[this.head++];
    if (this.head === this.items.length) {
      this.items = [];
      this.head = 0;
    }
    return task;
  }
  clear(): void {
    this.items = [];
    this.head = 0;
  }
}

/** Small tasks run in frame-sized slices, reads before writes. */
export class FrameQueue {
  private readonly reads = new TaskList();
  private readonly writes = new TaskList();
  private running: Promise<void> | null = null;

  /**
   * @param budgetMs work per slice; `Infinity` runs everything at once (the bench's unsliced pass).
   * @param signal stops the queue and drops what is queued.
   */
  constructor(
    private readonly signal: AbortSignal,
    private readonly budgetMs = FRAME_BUDGET_MS,
  ) {
    signal.addEventListener('abort', () => this.clear(), { once: true });
  }

  /** Queues a task that reads the page (layout, text). */
  read(task: () => void): void {
    this.reads.push(task);
    this.kick();
  }

  /** Queues a task that writes to the page (markers). */
  write(task: () => void): void {
    this.writes.push(task);
    this.kick();
  }

  /** Resolves when nothing is queued any more. */
  idle(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  /** Drops every queued task. */
  clear(): void {
    this.reads.clear();
    this.writes.clear();
  }

  private kick(): void {
    if (this.running || this.signal.aborted) return;
    this.running = this.run().finally(() => {
      this.running = null;
      // Tasks queued by the last task of the run.
      if (this.reads.size + this.writes.size > 0) this.kick();
    });
  }

  private async run(): Promise<void> {
    // The first slice runs at once (in a microtask after the caller); later ones after a paint.
    await Promise.resolve();
    for (let first = true; ; first = false) {
      if (!first && Number.isFinite(this.budgetMs)) await afterNextPaint();
      if (this.signal.aborted) return;
      const started = now();
      const deadline = started + this.budgetMs;
      // At least one task per slice, so a queue always drains.
      let ran = 0;
      while (this.reads.size > 0 && (ran === 0 || now() < deadline)) {
        runGuarded(this.reads.take());
        ran++;
      }
      while (this.writes.size > 0 && (ran === 0 || now() < deadline)) {
        runGuarded(this.writes.take());
        ran++;
      }
      longest = Math.max(longest, now() - started);
      if (this.reads.size + this.writes.size === 0) return;
    }
  }
}

function runGuarded(task: () => void): void {
  try {
    task();
  } catch {
    // One failing task must not stop the others (or surface in the page).
  }
}
