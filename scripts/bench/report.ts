/**
 * Turns bench results into the budget verdicts (issue 6) and a fixed-width table.
 */
import type { PageSizeResult } from './browser-bench';
import type { CardResult } from './card-bench';
import type { CorpusRun } from './corpus-bench';
import type { MachineInfo } from './machine';
import type { RerankerCost, ThroughputResult } from './node-bench';
import type { SizesResult } from './sizes';
import type { ImportRow } from './import-bench';
import type { StoreRow } from './store-bench';
import { max, median } from './stats';

/** Everything one bench run measured (also what --json writes). */
export interface BenchResults {
  machine: MachineInfo;
  rounds: number;
  warmup: number;
  pages: PageSizeResult[];
  card: CardResult | null;
  sizes: SizesResult | null;
  throughput: ThroughputResult | null;
  /** The claim re-ranker's cost in Node (issue 13); absent in results written before it was measured. */
  reranker?: RerankerCost | null;
  corpus: CorpusRun[];
  /** Corpus-size rows with the corpus installed in the extension's store (issue 11). */
  store: StoreRow[];
  /** Imports through the Corpora page's worker (issue 12). */
  imports: ImportRow[];
  /** Load average (1 min) when the store and import rows started. */
  storeLoad?: number;
  notes: string[];
  durationSeconds?: number;
}

/** One budget of the issue, with its measured value and verdict. */
export interface Verdict {
  name: string;
  measured: number;
  limit: number;
  unit: string;
  /** 'max': measured must be ≤ limit; 'min': measured must be ≥ limit. */
  kind: 'max' | 'min';
  pass: boolean;
  /** No measurement (missing piece): counted as a miss by --check. */
  missing: boolean;
  /** Which part of the bench measures it (`--only build` / `--only store` judge that part's alone). */
  part: 'page' | 'build' | 'store';
}

/** The per-size medians the table and verdicts use. */
export interface PageSummary {
  words: number;
  floorMs: number;
  readMs: number;
  scanMs: number;
  markMs: number;
  oursMs: number;
  matchingMs: number;
  baselineMs: number;
  matchingOverFloor: number;
  scanOverFloor: number;
  oursOverFloor: number;
  baselineOverOurs: number;
  baselineOverMatching: number;
  markers: number;
  kinds: Record<string, number>;
  liveMs: number;
  liveMarkers: number;
  firstInViewportMs: number;
  longestTaskMs: number;
  longestTaskWorstMs: number;
  longTasks: number;
  longestFrameMs: number;
  longestFrameWorstMs: number;
  longestRafGapMs: number;
  /** Medians over rounds of the longest frame's parts. */
  frameScriptMs: number;
  frameForcedMs: number;
  frameRenderMs: number;
  initHeapBytes: number;
  scanHeapBytes: number;
  heapBytes: number;
}

/** Medians of one page size's rounds. */
export function summarisePage(p: PageSizeResult): PageSummary {
  const floorMs = median(p.floor.map((r) => r.ms));
  const readMs = median(p.ours.map((r) => r.readMs));
  const scanMs = median(p.ours.map((r) => r.scanMs));
  const markMs = median(p.ours.map((r) => r.markMs));
  const oursMs = median(p.ours.map((r) => r.totalMs));
  const matchingMs = median(p.ours.map((r) => r.readMs + r.scanMs));
  const baselineMs = median(p.baseline.map((r) => r.ms));
  const scanHeapBytes = median(p.live.map((r) => r.heapAddedBytes));
  return {
    words: p.targetWords,
    floorMs,
    readMs,
    scanMs,
    markMs,
    oursMs,
    matchingMs,
    baselineMs,
    matchingOverFloor: matchingMs / floorMs,
    scanOverFloor: scanMs / floorMs,
    oursOverFloor: oursMs / floorMs,
    baselineOverOurs: baselineMs / oursMs,
    baselineOverMatching: baselineMs / matchingMs,
    markers: median(p.ours.map((r) => r.markers)),
    kinds: p.ours[0]?.kinds ?? {},
    liveMs: median(p.live.map((r) => r.totalMs)),
    liveMarkers: median(p.live.map((r) => r.markers)),
    firstInViewportMs: median(p.live.map((r) => r.firstInViewportMs ?? Number.NaN)),
    longestTaskMs: median(p.live.map((r) => r.longestTaskMs)),
    longestTaskWorstMs: max(p.live.map((r) => r.longestTaskMs)),
    longTasks: median(p.live.map((r) => r.longTasks)),
    longestFrameMs: median(p.live.map((r) => r.longestFrameMs)),
    longestFrameWorstMs: max(p.live.map((r) => r.longestFrameMs)),
    longestRafGapMs: median(p.live.map((r) => r.longestRafGapMs)),
    frameScriptMs: median(p.live.map((r) => r.longestFrameParts?.scriptMs ?? Number.NaN)),
    frameForcedMs: median(p.live.map((r) => r.longestFrameParts?.forcedStyleLayoutMs ?? Number.NaN)),
    frameRenderMs: median(p.live.map((r) => r.longestFrameParts?.renderMs ?? Number.NaN)),
    initHeapBytes: p.initHeapBytes,
    scanHeapBytes,
    heapBytes: p.initHeapBytes + scanHeapBytes,
  };
}

function verdict(name: string, measured: number | undefined, limit: number, unit: string, kind: 'max' | 'min', part: Verdict['part'] = 'page'): Verdict {
  const value = measured ?? Number.NaN;
  const missing = !Number.isFinite(value);
  const pass = !missing && (kind === 'max' ? value <= limit : value >= limit);
  return { name, measured: value, limit, unit, kind, pass, missing, part };
}

/** Issue 11: the build of a 20,000-article corpus stays within this peak resident memory (1 GB). */
export const BUILD_PEAK_RSS_LIMIT_MB = 1024;
/** Issue 11: CPU time per article at 20,000 articles at most this multiple of that at 500 (the build scales linearly). */
export const BUILD_PER_ARTICLE_GROWTH_LIMIT = 1.2;
/** The small and the large corpus the two build budgets compare. */
const BUILD_SMALL = 500;
const BUILD_LARGE = 20_000;

/** Issue 11: the matching side's memory with a 5,000-article corpus. */
export const WORKER_HEAP_LIMIT_MB = 150;
/** Issue 11: first marker in view after load, matching side cold / warm, at 5,000 articles. */
export const FIRST_IN_VIEW_COLD_LIMIT_MS = 150;
export const FIRST_IN_VIEW_WARM_LIMIT_MS = 50;
/** Issue 12: importing 10,000 articles through the Corpora page (ms) and adding 10 to 5,000 (ms). */
export const IMPORT_10000_LIMIT_S = 180;
export const ADD_10_LIMIT_S = 10;

/** Medians of one store row's page, with the ratios the budgets use. */
export function summariseStorePage(p: StoreRow['pages'][number]) {
  const scanMainMs = median(p.scanMainMs);
  return {
    words: p.targetWords,
    scanMainMs,
    floorMs: p.floorMs,
    scanOverFloor: scanMainMs / p.floorMs,
    firstWarmMs: median(p.firstInViewWarmMs),
    firstColdMs: median(p.firstInViewColdMs),
    matchPer1k: p.matchMsPer1kWords,
    namesPer1k: p.namesMsPer1kWords ?? Number.NaN,
    compromisePer1k: p.compromiseMsPer1kWords,
    compromiseOverMatch: p.compromiseMsPer1kWords / p.matchMsPer1kWords,
    /** Like for like: compromise's people() against entity matching alone. */
    compromiseOverNames: p.compromiseMsPer1kWords / (p.namesMsPer1kWords ?? Number.NaN),
    markers: p.markers,
  };
}

/** The store rows' budgets (issue 11 item 5, issue 12 item 4). */
function judgeStore(r: BenchResults): Verdict[] {
  const out: Verdict[] = [];
  const injectedGzip = r.sizes ? r.sizes.injectedTotal.gzip / 1024 : Number.NaN;
  for (const row of r.store) {
    const n = row.articles.toLocaleString('en-GB');
    out.push(verdict(`injected, gzip, corpus of ${n}`, row.ok ? injectedGzip : Number.NaN, 40, 'KB', 'max', 'store'));
    for (const w of [20_000, 200_000]) {
      const p = row.pages.find((x) => x.targetWords === w);
      out.push(verdict(`scan main thread <= 4x FLOOR @${w / 1000}k, ${n}`, p ? summariseStorePage(p).scanOverFloor : Number.NaN, 4, 'x', 'max', 'store'));
    }
    const sums = row.pages.map(summariseStorePage);
    const cards = row.pages.flatMap((p) => p.cardMs);
    out.push(verdict(`card painted after intent delay, worst, ${n}`, cards.length ? max(cards) : Number.NaN, 16, 'ms', 'max', 'store'));
    // Both, so a reader sees the like-for-like figure (compromise finds people only) and what all kinds cost.
    out.push(verdict(`matching >= 100x compromise, names only, like for like, ${n} (worst page)`, sums.length ? Math.min(...sums.map((s) => s.compromiseOverNames)) : Number.NaN, 100, 'x', 'min', 'store'));
    out.push(verdict(`matching >= 100x compromise, all kinds, ${n} (worst page)`, sums.length ? Math.min(...sums.map((s) => s.compromiseOverMatch)) : Number.NaN, 100, 'x', 'min', 'store'));
    if (row.articles === 5_000) {
      out.push(verdict('first marker in view, cold, 5,000 (worst page)', sums.length ? Math.max(...sums.map((s) => s.firstColdMs)) : Number.NaN, FIRST_IN_VIEW_COLD_LIMIT_MS, 'ms', 'max', 'store'));
      out.push(verdict('first marker in view, warm, 5,000 (worst page)', sums.length ? Math.max(...sums.map((s) => s.firstWarmMs)) : Number.NaN, FIRST_IN_VIEW_WARM_LIMIT_MS, 'ms', 'max', 'store'));
      out.push(verdict('matching side heap, 5,000', row.ok ? (row.workerHeapUsedBytes ?? Number.NaN) / 2 ** 20 : Number.NaN, WORKER_HEAP_LIMIT_MB, 'MB', 'max', 'store'));
    }
  }
  for (const imp of r.imports) {
    if (imp.kind === 'new' && imp.articles === 10_000) out.push(verdict('import 10,000 articles (Corpora page)', imp.ok ? imp.ms / 1000 : Number.NaN, IMPORT_10000_LIMIT_S, 's', 'max', 'store'));
    // The second add is judged (import-bench.ts ImportRow.round); the first is in the imports section above.
    if (imp.kind === 'add' && imp.round !== 'first') out.push(verdict(`add ${imp.articles} articles to ${(imp.into ?? 0).toLocaleString('en-GB')} (second add, with state)`, imp.ok ? imp.ms / 1000 : Number.NaN, ADD_10_LIMIT_S, 's', 'max', 'store'));
  }
  return out;
}

/** The issue's budgets, judged on this run's medians. */
export function judge(r: BenchResults): Verdict[] {
  const pages = new Map(r.pages.map((p) => [p.targetWords, summarisePage(p)]));
  const at = (w: number): PageSummary | undefined => pages.get(w);
  const out: Verdict[] = [];
  for (const w of [20_000, 200_000]) {
    out.push(verdict(`matching (read+scan) <= 4x FLOOR @${w / 1000}k`, at(w)?.matchingOverFloor, 4, 'x', 'max'));
  }
  for (const w of [2_000, 20_000, 200_000]) {
    out.push(verdict(`>= 100x faster than compromise @${w / 1000}k`, at(w)?.baselineOverOurs, 100, 'x', 'min'));
  }
  out.push(verdict('longest task while scanning @200k', at(200_000)?.longestTaskMs, 50, 'ms', 'max'));
  out.push(verdict('longest animation frame @200k', at(200_000)?.longestFrameMs, 100, 'ms', 'max'));
  const firsts = [...pages.values()].map((p) => p.firstInViewportMs);
  out.push(verdict('first marker in viewport (worst size)', firsts.length ? max(firsts) : Number.NaN, 100, 'ms', 'max'));
  const injectedGzip = r.sizes ? r.sizes.injectedTotal.gzip + (r.sizes.matcherDataInlined ? 0 : r.sizes.matcherData.gzip) : Number.NaN;
  out.push(verdict('injected into every page, gzip', injectedGzip / 1024, 40, 'KB', 'max'));
  out.push(verdict('JS heap added @20k (init + scan)', (at(20_000)?.heapBytes ?? Number.NaN) / 2 ** 20, 2, 'MB', 'max'));
  out.push(verdict('card painted after intent delay, worst', r.card?.worstMs, 16, 'ms', 'max'));
  const small = r.corpus.find((c) => c.articles === BUILD_SMALL && c.ok);
  const large = r.corpus.find((c) => c.articles === BUILD_LARGE && c.ok);
  const c5000 = r.corpus.find((c) => c.articles === 5000 && c.ok);
  // Issue 11 names `npm run corpus`: the analysis and the index written (the matcher is compiled when the extension installs the corpus).
  out.push(verdict('npm run corpus peak memory @20,000 articles', large ? (large.corpusPeakRssBytes ?? Number.NaN) / 2 ** 20 : Number.NaN, BUILD_PEAK_RSS_LIMIT_MB, 'MB', 'max', 'build'));
  const growth = small && large ? (large.corpusMsPerArticle ?? Number.NaN) / (small.corpusMsPerArticle ?? Number.NaN) : Number.NaN;
  out.push(verdict('npm run corpus CPU/article @20,000 vs @500', growth, BUILD_PER_ARTICLE_GROWTH_LIMIT, 'x', 'max', 'build'));
  out.push(verdict('build 5,000 articles with the matcher (CPU time)', c5000 ? (c5000.cpuMs ?? Number.NaN) / 1000 : Number.NaN, 120, 's', 'max', 'build'));
  out.push(...judgeStore(r));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Formatting

function num(v: number | undefined, digits = 1): string {
  if (v === undefined || !Number.isFinite(v)) return '—';
  return v.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
const int = (v: number | undefined): string => num(v, 0);
const kb = (bytes: number | undefined): string => (bytes === undefined || !Number.isFinite(bytes) ? '—' : `${num(bytes / 1024, 1)} KB`);
const mb = (bytes: number | undefined): string => (bytes === undefined || !Number.isFinite(bytes) ? '—' : `${num(bytes / 2 ** 20, 1)} MB`);

function row(label: string, cells: string[], width = 21, labelWidth = 44): string {
  return `  ${label.padEnd(labelWidth)}${cells.map((c) => c.padStart(width)).join('')}`;
}

/** The fixed-width report. */
export function formatTable(r: BenchResults, verdicts: Verdict[]): string {
  const m = r.machine;
  const lines: string[] = [];
  lines.push(`Coverage Lens bench — ${m.date}`);
  lines.push(`Machine: ${m.cpu}, ${m.cores} cores, ${num(m.memoryGiB)} GiB RAM, ${m.os}; ${m.chromium} (headless); Node ${m.node}`);
  if (m.loadStart !== undefined) lines.push(`Load average (1 min) at start / end: ${num(m.loadStart, 2)} / ${num(m.loadEnd, 2)} (other work on the machine inflates absolute times; ratios come from interleaved rounds)`);
  lines.push(`Rounds: ${r.rounds} measured after ${r.warmup} warm-up; FLOOR, OURS, BASELINE, OURS-live and OURS-live with the default marker cap interleaved in rotating order; figures are medians of the rounds`);
  lines.push('');

  const sums = r.pages.map(summarisePage);
  if (sums.length) {
    const head = sums.map((s) => `${num(s.words / 1000, 0)}k words`);
    lines.push('1. Page scan (ms)');
    lines.push(row('', head));
    lines.push(row('article words / whole-page words', r.pages.map((p) => `${int(p.articleWords)}/${int(p.pageWords)}`)));
    lines.push(row('FLOOR   TreeWalker pass over the page', sums.map((s) => num(s.floorMs, 2))));
    lines.push(row('OURS    read: root, text map, scheduler', sums.map((s) => num(s.readMs, 2))));
    lines.push(row('  of which article root alone (separate run)', r.pages.map((p) => num(median(p.parts.map((x) => x.rootMs)), 2))));
    lines.push(row('  of which text map alone (separate run)', r.pages.map((p) => num(median(p.parts.map((x) => x.mapMs)), 2))));
    lines.push(row('  text map without visibility checks', r.pages.map((p) => num(median(p.parts.map((x) => x.mapNoVisibilityMs)), 2))));
    lines.push(row('OURS    scan: matcher on every block', sums.map((s) => num(s.scanMs, 2))));
    lines.push(row('OURS    mark: highlighter', sums.map((s) => num(s.markMs, 2))));
    lines.push(row('OURS    total', sums.map((s) => num(s.oursMs, 2))));
    lines.push(row('BASELINE compromise nlp(text).people()', sums.map((s) => num(s.baselineMs, 1))));
    lines.push(row('matching (read+scan) / FLOOR', sums.map((s) => `${num(s.matchingOverFloor, 2)}x`)));
    lines.push(row('scan only / FLOOR', sums.map((s) => `${num(s.scanOverFloor, 2)}x`)));
    lines.push(row('OURS total / FLOOR', sums.map((s) => `${num(s.oursOverFloor, 2)}x`)));
    lines.push(row('BASELINE / OURS total', sums.map((s) => `${num(s.baselineOverOurs, 0)}x`)));
    lines.push(row('markers placed (no cap)', sums.map((s) => int(s.markers))));
    lines.push(row('  person/org/claim/quote markers', sums.map((s) => ['person', 'organisation', 'claim', 'quote'].map((k) => s.kinds[k] ?? 0).join('/'))));
    lines.push(row('live scheduler: scan start -> all markers', sums.map((s) => num(s.liveMs, 1))));
    lines.push(row('live: first marker in viewport', sums.map((s) => num(s.firstInViewportMs, 1))));
    lines.push(row('live: longest task, median / worst', sums.map((s) => `${num(s.longestTaskMs, 0)}/${num(s.longestTaskWorstMs, 0)}`)));
    lines.push(row('live: long tasks (>50 ms) per scan', sums.map((s) => num(s.longTasks, 0))));
    lines.push(row('live: longest anim. frame, median / worst', sums.map((s) => `${num(s.longestFrameMs, 0)}/${num(s.longestFrameWorstMs, 0)}`)));
    lines.push(row('  that frame: scripts / forced style+layout', sums.map((s) => `${num(s.frameScriptMs, 0)}/${num(s.frameForcedMs, 0)}`)));
    lines.push(row('  that frame: rendering (style, layout, paint)', sums.map((s) => num(s.frameRenderMs, 0))));
    lines.push(row('live: longest gap between frames (rAF)', sums.map((s) => num(s.longestRafGapMs, 0))));
    const capped = r.pages.map((p) => ({
      markers: median(p.liveDefault.map((x) => x.markers)),
      ms: median(p.liveDefault.map((x) => x.totalMs)),
      task: median(p.liveDefault.map((x) => x.longestTaskMs)),
      frame: median(p.liveDefault.map((x) => x.longestFrameMs)),
    }));
    lines.push(row('live, default cap: markers / all placed ms', capped.map((c) => `${int(c.markers)} / ${num(c.ms, 1)}`)));
    lines.push(row('live, default cap: longest task / frame', capped.map((c) => `${num(c.task, 0)}/${num(c.frame, 0)}`)));
    lines.push(row('JS heap: content script + data (init)', sums.map((s) => kb(s.initHeapBytes))));
    lines.push(row('JS heap: added by the scan', sums.map((s) => kb(s.scanHeapBytes))));
    lines.push(row('JS heap: total added', sums.map((s) => kb(s.heapBytes))));
    lines.push(row('matcher init (createMatcher)', r.pages.map((p) => num(p.initMs, 2))));
    lines.push('  (0 in the long task / frame rows: none over 50 ms, the smallest the browser reports)');
    lines.push('');
  }

  lines.push('2. Card open latency (intent delay end -> card painted)');
  if (r.card) {
    lines.push(row('median / worst (ms)', [`${num(r.card.medianMs, 1)} / ${num(r.card.worstMs, 1)}`], 20));
    lines.push(row('  open called (in a frame), vs delay end', [num(r.card.openMs, 1)], 20));
    lines.push(row('  of which sync. render (host, Preact card)', [num(r.card.renderMs, 1)], 20));
    lines.push(row('  open called -> card painted', [num(r.card.openToPaintMs, 1)], 20));
    lines.push(row('  pointer over -> painted (300 ms delay in)', [num(r.card.pointerToPaintMs, 1)], 20));
    lines.push(row('  same frame, no card -> painted (floor)', [num(r.card.nullMs, 1)], 20));
    lines.push(row('  cards opened (kind/state)', [Object.entries(r.card.kinds).map(([k, v]) => `${k} ${v}`).join(', ')], 20));
  } else lines.push('  not measured (see notes)');
  lines.push('');

  lines.push('3. Sizes');
  if (r.sizes) {
    const s = r.sizes;
    lines.push(row('', ['raw', 'gzip']));
    for (const f of s.injected) lines.push(row(`injected: ${f.file}`, [kb(f.raw), kb(f.gzip)]));
    lines.push(row('injected total', [kb(s.injectedTotal.raw), kb(s.injectedTotal.gzip)]));
    lines.push(row(`compact matcher data (${s.matcherDataInlined ? 'inside the content script' : 'NOT inside the content script'})`, [kb(s.matcherData.raw), kb(s.matcherData.gzip)]));
    if (s.cardUi) lines.push(row('card UI script, injected on first hover', [kb(s.cardUi.raw), kb(s.cardUi.gzip)]));
    lines.push(row(`full index (${s.index.articles} articles)`, [kb(s.index.raw), kb(s.index.gzip)]));
    lines.push(row('full index per article', [kb(s.index.perArticleRaw), kb(s.index.perArticleGzip)]));
    const shares = (list: { group: string; bytes: number }[]): string => {
      const total = list.reduce((a, g) => a + g.bytes, 0);
      return list.filter((g) => g.bytes / total >= 0.02).map((g) => `${g.group} ${Math.round((g.bytes / total) * 100)}%`).join(', ');
    };
    if (s.contentShares.length) lines.push(`  content script by part (before minification): ${shares(s.contentShares)}`);
    if (s.cardUiShares.length) lines.push(`  card UI script by part (before minification): ${shares(s.cardUiShares)}`);
  } else lines.push('  not measured (see notes)');
  lines.push('');

  lines.push('4. Corpus build scaling (as `npm run corpus`: analyse, then the index streamed out record by record (assembled, checked, written);');
  lines.push('   then, in a process of its own (compile-child.ts), the index file read back record by record into the streamed compile (MatcherCompiler), the matcher compiled and written a part at a time, as an install does; heap capped as build-heap.ts sets; one child process per size)');
  lines.push('   CPU s, ms/art, x @500, peak RSS: `npm run corpus` alone (what the budgets judge); "+m." columns: with the matcher compile');
  lines.push(row('articles', ['words', 'CPU s', 'CPU ms/art', 'x @500', 'peak RSS', '+m. CPU s', '+m. peak', 'load', 'entities', 'claims', 'index', 'matcher'], 11, 10));
  const perArticleAt500 = r.corpus.find((c) => c.ok && c.articles === BUILD_SMALL)?.corpusMsPerArticle;
  for (const c of r.corpus) {
    if (!c.ok) {
      lines.push(row(String(c.articles), [`failed: ${c.error}`], 0, 10));
      continue;
    }
    const load = c.loadStart === undefined ? '—' : `${num(c.loadStart, 1)}→${num(c.loadEnd, 1)}`;
    const growth = perArticleAt500 ? num((c.corpusMsPerArticle ?? Number.NaN) / perArticleAt500, 2) : '—';
    const compiled = c.compileError ? ['failed', '—'] : [num((c.cpuMs ?? Number.NaN) / 1000, 2), mb(c.peakRssBytes)];
    lines.push(row(int(c.articles), [int(c.words), num((c.corpusCpuMs ?? Number.NaN) / 1000, 2), num(c.corpusMsPerArticle, 2), growth, mb(c.corpusPeakRssBytes), ...compiled, load, int(c.entities), int(c.claims), mb(c.indexBytes), c.compileError ? '—' : mb(c.matcherBytes)], 11, 10));
    if (c.compileError) lines.push(`  ${int(c.articles)}: the matcher compile after the index failed: ${c.compileError}`);
  }
  const withSteps = r.corpus.filter((c) => c.ok && c.stepCpuMs);
  if (withSteps.length) {
    lines.push('  CPU ms per article by step (a step whose figure grows with the corpus is what grows faster than linearly):');
    const steps = Object.keys(withSteps[withSteps.length - 1].stepCpuMs!);
    lines.push(row('  step', withSteps.map((c) => int(c.articles)), 11, 20));
    for (const s of steps) lines.push(row(`  ${s}`, withSteps.map((c) => num((c.stepCpuMs![s] ?? Number.NaN) / c.articles, 2)), 11, 20));
  }
  lines.push('');

  lines.push('5. Matcher throughput in Node (real matcher data)');
  if (r.throughput) {
    const t = r.throughput;
    lines.push(row(`one string of ${int(t.words)} words`, [`${num(t.wholeMs, 1)} ms`, `${int(t.wholeWordsPerSecond)} words/s`], 20));
    lines.push(row('the same, paragraph by paragraph', [`${num(t.blocksMs, 1)} ms`, `${int(t.blocksWordsPerSecond)} words/s`], 20));
  } else lines.push('  not measured (see notes)');
  if (r.reranker) {
    const c = r.reranker;
    lines.push(`   claim re-ranker (bundled corpus; every seed and dev-split sentence, ${int(c.words)} words, median of ${c.runs}), CPU ms per 1,000 words, the three alternating:`);
    lines.push(row('claims, with word vectors', [`${num(c.claimsMsPer1000Words, 2)} ms`], 20));
    lines.push(row('claims, without vectors', [`${num(c.claimsNoVectorsMsPer1000Words, 2)} ms`, `alignment ${num(c.claimsMsPer1000Words - c.claimsNoVectorsMsPer1000Words, 2)} ms`], 20));
    lines.push(row('whole scan, all kinds', [`${num(c.scanMsPer1000Words, 2)} ms`], 20));
    lines.push(row('word vectors', [mb(c.vectorsBytes), `decoded in ${num(c.vectorsLoadMs, 1)} ms`], 20));
  }
  lines.push('');

  if (r.store.length) {
    lines.push(`6. Corpus-size table: the built extension with a generated corpus installed in its store, headless Chromium (load average at start ${num(r.storeLoad, 2)})`);
    lines.push('   scan = the content script\'s page main-thread CPU time for one load at the default marker cap (trace thread time, forced style/layout included; median of 7 warm loads), FLOOR the same clock; first = load end -> first marker in view');
    const pageWords = [...new Set(r.store.flatMap((x) => x.pages.map((p) => p.targetWords)))];
    lines.push('   columns: injected script gzip | per page: scan ms, scan / FLOOR, first marker warm / cold ms | matching ms per 1,000 words, all kinds and names only (worst page) | compromise / matching, all kinds and names only (worst page) | card worst ms | worker heap');
    const head = ['inj. gzip', ...pageWords.flatMap((w) => [`scan ${w / 1000}k`, `/FLOOR`, `first ${w / 1000}k`]), 'match/1k', 'names/1k', 'comp./m.', 'comp./n.', 'card', 'SW heap'];
    lines.push(row('articles', head, 11, 9));
    for (const x of r.store) {
      if (!x.ok) {
        lines.push(row(int(x.articles), [`failed: ${x.error ?? '?'}`], 0, 9));
        continue;
      }
      const sums = pageWords.map((w) => x.pages.find((p) => p.targetWords === w)).map((p) => (p ? summariseStorePage(p) : null));
      const cells = [kb(r.sizes?.injectedTotal.gzip)];
      for (const s of sums) cells.push(num(s?.scanMainMs, 1), `${num(s?.scanOverFloor, 1)}x`, s ? `${int(s.firstWarmMs)}/${int(s.firstColdMs)}` : '—');
      const measured = sums.filter((s) => s !== null);
      const worstAll = measured.length ? Math.min(...measured.map((s) => s.compromiseOverMatch)) : Number.NaN;
      const worstNames = measured.length ? Math.min(...measured.map((s) => s.compromiseOverNames)) : Number.NaN;
      const cards = x.pages.flatMap((p) => p.cardMs);
      cells.push(num(Math.max(...sums.map((s) => s?.matchPer1k ?? Number.NaN)), 2), num(Math.max(...sums.map((s) => s?.namesPer1k ?? Number.NaN)), 3), `${num(worstAll, 1)}x`, `${num(worstNames, 1)}x`, cards.length ? num(max(cards), 1) : '—', mb(x.workerHeapUsedBytes));
      lines.push(row(int(x.articles), cells, 11, 9));
    }
    for (const x of r.store.filter((y) => y.ok)) {
      const details = x.pages.map((p) => `${p.targetWords / 1000}k: FLOOR ${num(p.floorMs, 2)} ms, ${p.markers} markers${p.markersWritten !== undefined ? ` (${p.markersWritten} written at load, the rest held below the fold)` : ''}, compromise ${num(p.compromiseMsPer1kWords, 1)} ms/1k words${p.cardMs.length ? `, cards ${p.cardMs.map((c) => num(c, 1)).join('/')} ms` : ''}${p.error ? ` (${p.error})` : ''}`).join('; ');
      lines.push(`  ${int(x.articles)}: corpus file ${mb(x.corpusFileBytes)}${x.builtNow ? ' (built this run)' : ' (cached)'}, installed in ${num((x.installMs ?? 0) / 1000, 1)} s; ${details}`);
    }
    lines.push('');
  }
  if (r.imports.length) {
    lines.push('7. Imports through the Corpora page (generated news-please JSONL, the import worker, until the report says done)');
    const importRows = r.imports.map((imp) => {
      const round = imp.round === 'first' ? ' (first add to a corpus file\'s install, no state; not judged)' : imp.round === 'second' ? ' (second add, with state; judged)' : '';
      const what = imp.kind === 'new' ? `import ${int(imp.articles)} articles into a new corpus` : `add ${int(imp.articles)} articles to a ${int(imp.into)}-article corpus${round}`;
      const cpu = imp.cpuMs === undefined || imp.cpuMs === null ? '' : ` (browser CPU ${num(imp.cpuMs / 1000, 1)} s)`;
      return { what, value: imp.ok ? `${num(imp.ms / 1000, 1)} s${cpu}` : `failed: ${imp.error ?? '?'}` };
    });
    // The labels' column is as wide as the longest label, so a long one never runs into its figure.
    const labelWidth = Math.max(50, ...importRows.map((x) => x.what.length + 2));
    for (const x of importRows) lines.push(row(x.what, [x.value], 16, labelWidth));
    lines.push('');
  }

  lines.push('Budgets (issues 6, 11 and 12)');
  lines.push(row('', ['measured', 'budget', 'result'], 12, 46));
  for (const v of verdicts) {
    const value = v.missing ? 'missing' : `${num(v.measured, v.unit === 'x' && v.measured >= 100 ? 0 : 2)} ${v.unit}`;
    lines.push(row(v.name, [value, `${v.kind === 'max' ? '<=' : '>='} ${v.limit} ${v.unit}`, v.pass ? 'PASS' : 'FAIL'], 12, 46));
  }
  if (r.notes.length) {
    lines.push('');
    lines.push('Notes');
    for (const n of r.notes) lines.push(`  - ${n}`);
  }
  if (r.durationSeconds !== undefined) lines.push(`\nBench took ${num(r.durationSeconds, 0)} s.`);
  return lines.join('\n');
}
