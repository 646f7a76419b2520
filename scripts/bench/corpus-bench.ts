/** Corpus build scaling: one child process per corpus size (fresh heap, own peak-memory reading). */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { BUILD_NODE_FLAGS } from '../lib/build-heap';
import { ROOT } from './seed-text';

/** One corpus size's build figures (or why there are none). */
export interface CorpusRun {
  articles: number;
  ok: boolean;
  error?: string;
  words?: number;
  analyseMs?: number;
  compileMs?: number;
  serialiseMs?: number;
  /** Wall-clock build time. */
  totalMs?: number;
  /** CPU time (user + system) of the build: the figure the budgets use, robust to other load. */
  cpuMs?: number;
  /** CPU ms per article. */
  msPerArticle?: number;
  /** What `npm run corpus` alone costs (analysis and the index written, no matcher compile): CPU ms, its per-article share, peak RSS. */
  corpusCpuMs?: number;
  corpusMsPerArticle?: number;
  corpusPeakRssBytes?: number;
  /** Why the matcher compile after the index failed (the corpus figures stand). */
  compileError?: string;
  rssBeforeBytes?: number;
  peakRssBytes?: number;
  entities?: number;
  claims?: number;
  quotes?: number;
  indexBytes?: number;
  matcherBytes?: number;
  /** CPU ms per step (analysis steps, writing the index, compiling the matcher). */
  stepCpuMs?: Record<string, number>;
  /** The machine's 1-minute load average when the build started and ended. */
  loadStart?: number;
  loadEnd?: number;
}

/**
 * How long one size's child may run (wall time): a generous CPU cost per article (the build takes
 * about 10 ms of CPU per article) times the slowdown of a 2-core machine shared with other work.
 */
const TIMEOUT_MS_PER_ARTICLE = 150;
/** The least any size's child is given (start-up, corpus generation). */
const MIN_TIMEOUT_MS = 200_000;

function runChild(articles: number, timeoutMs: number): Promise<CorpusRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--expose-gc', ...BUILD_NODE_FLAGS, '--import', 'tsx', join(ROOT, 'scripts/bench/build-child.ts'), String(articles)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') return resolve({ articles, ok: false, error: `stopped after ${Math.round(timeoutMs / 1000)} s` });
      const lines = out.trim().split('\n');
      const failure = err.trim().split('\n').slice(0, 3).join(' | ') || `exit ${code}`;
      try {
        if (code !== 0) {
          // Failed in the compile: the corpus line (the index written) still gives `npm run corpus`'s figures.
          const corpus = lines.length > 0 && lines[0].includes('"phase":"corpus"') ? (JSON.parse(lines[0]) as CorpusRun) : null;
          if (!corpus) return resolve({ articles, ok: false, error: failure });
          return resolve({ ...corpus, ok: true, corpusMsPerArticle: (corpus.corpusCpuMs ?? 0) / articles, compileError: failure });
        }
        const r = JSON.parse(lines.pop() ?? '') as CorpusRun;
        resolve({ ...r, ok: true, msPerArticle: (r.cpuMs ?? r.totalMs ?? 0) / articles, corpusMsPerArticle: (r.corpusCpuMs ?? 0) / articles });
      } catch {
        resolve({ articles, ok: false, error: `unreadable output: ${out.slice(0, 200)}` });
      }
    });
  });
}

/** Builds the index for each corpus size in turn (smallest first). */
export async function runCorpusBench(sizes: number[], log: (line: string) => void): Promise<CorpusRun[]> {
  const out: CorpusRun[] = [];
  for (const n of sizes) {
    const t0 = performance.now();
    const r = await runChild(n, Math.max(MIN_TIMEOUT_MS, n * TIMEOUT_MS_PER_ARTICLE));
    log(`  corpus ${n} articles: ${r.ok ? `${((r.totalMs ?? 0) / 1000).toFixed(2)} s build (${((r.cpuMs ?? 0) / 1000).toFixed(2)} s CPU, peak RSS ${Math.round((r.peakRssBytes ?? 0) / 2 ** 20)} MB, load ${r.loadStart?.toFixed(1)}→${r.loadEnd?.toFixed(1)})` : r.error} (${((performance.now() - t0) / 1000).toFixed(1)} s with generation)`);
    out.push(r);
  }
  return out;
}
