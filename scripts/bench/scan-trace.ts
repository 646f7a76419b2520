/**
 * The content script's main-thread CPU time of one page load, read from a Chromium trace (the
 * corpus-size table's scan row, page-trace.ts). Thread time (`tdur`), not wall time: a machine
 * whose other work takes the core away mid-scan does not inflate it, where the CDP profiler's
 * sampled wall time moved by tens of milliseconds from load to load (store-bench, 3 rounds: 42-71 ms
 * for one 20,000-word scan).
 *
 * What counts: on the thread that parsed the page, every top-level span of the content script:
 * its script's evaluation and each call into it (`EvaluateScript` / `FunctionCall` of a
 * `chrome-extension://` script: frame-queue slices, timers, observers, event listeners), and the
 * microtask checkpoints (`RunMicrotasks`: the scan's promise continuations, its messaging replies
 * among them, and MutationObserver callbacks run there). Everything nested inside those spans is
 * ours: style recalculation and layout our calls force, garbage collection of our allocations,
 * the DOM and extension-messaging calls. The page must run no script of its own (the bench pages
 * run none) and no main-world observer (the bench's marker watch is left out of traced loads):
 * their microtasks would count as ours. Not counted: the style, layout and paint the browser does
 * in its own frames after our writes (the page pays those for any DOM change).
 */

/** A trace event, as `Tracing.dataCollected` reports it. */
export interface TraceEvent {
  ph: string;
  name: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { data?: { url?: string; fileName?: string } } & Record<string, unknown>;
}

/** Trace categories scanCpu needs (RunMicrotasks is recorded under v8.execute and the disabled-by-default timeline). */
export const SCAN_TRACE_CATEGORIES = ['devtools.timeline', 'toplevel', 'v8.execute', 'disabled-by-default-devtools.timeline'];

/** One load's content-script CPU, split by what ran inside it (ms). */
export interface ScanCpu {
  /** Thread CPU of the content script's spans. */
  totalMs: number;
  /** Of it: forced style and layout, GC, and the rest (our JavaScript with its DOM and messaging calls). */
  parts: Record<string, number>;
  /** The main thread's whole CPU time in the trace (the page's own loading and rendering included). */
  threadMs: number;
  /** totalMs by the kind of span (script evaluation, calls, microtasks). */
  spans: Record<string, number>;
}

/** Events nested in our spans that are reported as parts of their own. */
const PART_OF: Record<string, string> = {
  UpdateLayoutTree: 'style (forced)',
  Layout: 'layout (forced)',
  MinorGC: 'gc',
  MajorGC: 'gc',
  'V8.GC_SCAVENGER': 'gc',
  'V8.GC_MARK_COMPACTOR': 'gc',
  'V8.GC_MC_INCREMENTAL': 'gc',
  'BlinkGC.AtomicPhase': 'gc',
  'ThreadState::performIdleLazySweep': 'gc',
  'IntersectionObserverController::computeIntersections': 'intersection observer',
};

const isOurScript = (e: TraceEvent) => (e.name === 'FunctionCall' || e.name === 'EvaluateScript') && (e.args?.data?.url ?? '').startsWith('chrome-extension://');

/** The content script's thread CPU in one load's trace events (see the file's comment for what counts). */
export function scanCpu(events: readonly TraceEvent[]): ScanCpu {
  const main = events.find((e) => e.name === 'ParseHTML');
  if (!main) throw new Error('no page main thread in the trace (no ParseHTML event)');
  const onMain = events.filter((e) => e.ph === 'X' && e.pid === main.pid && e.tid === main.tid && e.tdur !== undefined).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const spans: TraceEvent[] = [];
  let end = -1;
  // Microtasks inside another script's call (a test driver's evaluation) are that script's.
  let foreignEnd = -1;
  for (const e of onMain) {
    if (e.ts < end) continue;
    const script = e.name === 'FunctionCall' || e.name === 'EvaluateScript';
    if (script && !isOurScript(e)) {
      if (e.ts >= foreignEnd) foreignEnd = e.ts + (e.dur ?? 0);
      continue;
    }
    if (!(isOurScript(e) || (e.name === 'RunMicrotasks' && e.ts >= foreignEnd))) continue;
    end = e.ts + (e.dur ?? 0);
    spans.push(e);
  }
  let totalUs = 0;
  const bySpan: Record<string, number> = {};
  for (const s of spans) {
    totalUs += s.tdur ?? 0;
    const key = `span ${s.name}`;
    bySpan[key] = (bySpan[key] ?? 0) + (s.tdur ?? 0) / 1000;
  }
  // Parts: the outermost event of a part inside each span (a GC inside a forced layout counts once, as layout).
  const partsUs: Record<string, number> = {};
  let si = 0;
  let partEnd = -1;
  for (const e of onMain) {
    const part = PART_OF[e.name];
    if (!part) continue;
    while (si < spans.length && spans[si].ts + (spans[si].dur ?? 0) <= e.ts) si++;
    const span = spans[si];
    if (!span || e.ts < span.ts || e.ts < partEnd) continue;
    partEnd = e.ts + (e.dur ?? 0);
    partsUs[part] = (partsUs[part] ?? 0) + (e.tdur ?? 0);
  }
  let inParts = 0;
  for (const v of Object.values(partsUs)) inParts += v;
  const parts: Record<string, number> = { 'script, DOM, messaging': (totalUs - inParts) / 1000 };
  for (const [k, v] of Object.entries(partsUs)) parts[k] = v / 1000;
  let threadUs = 0;
  let taskEnd = -1;
  for (const e of onMain) {
    if ((e.name !== 'RunTask' && e.name !== 'ThreadControllerImpl::RunTask') || e.ts < taskEnd) continue;
    taskEnd = e.ts + (e.dur ?? 0);
    threadUs += e.tdur ?? 0;
  }
  return { totalMs: totalUs / 1000, parts, threadMs: threadUs / 1000, spans: bySpan };
}

/**
 * Runs in the page, right after a fresh load: scrolled to the top, layout done, two frames
 * painted (as the scan meets the page, and as the page rows' restore() prepares it), then one
 * TreeWalker pass reading every text node (the bench's FLOOR), in a timer callback of its own
 * (`clFloorPass`), so a trace gives its thread time. A string: the TypeScript loader would wrap a
 * named function with a helper the page lacks. Resolves with the pass's wall time.
 */
export const FLOOR_IN_PAGE = `(async () => {
  window.scrollTo(0, 0);
  void document.body.getBoundingClientRect().height;
  for (let f = 0; f < 2; f++) await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  return await new Promise((resolve) => setTimeout(function clFloorPass() {
    const t0 = performance.now();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let chars = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) chars += n.data.length;
    resolve(performance.now() - t0 + (chars < 0 ? 1 : 0));
  }, 0));
})()`;

/** The FLOOR pass's thread CPU (ms) in a trace taken around FLOOR_IN_PAGE, or undefined when it is not there. */
export function floorPassCpu(events: readonly TraceEvent[]): number | undefined {
  const pass = events.find((e) => e.ph === 'X' && e.name === 'FunctionCall' && (e.args?.data as { functionName?: string } | undefined)?.functionName === 'clFloorPass');
  return pass?.tdur !== undefined ? pass.tdur / 1000 : undefined;
}
