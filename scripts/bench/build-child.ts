/**
 * Child process of the corpus-scaling bench: generates a corpus of N articles, then builds the
 * index from it as `npm run corpus` does (analyseParts, then streamIndex: each record made, checked
 * and written in turn, never the whole index in memory) plus the matcher data (compile-child.ts,
 * a process of its own with the compile's heap cap: the index file read back record by record into
 * the small copy compileMatcher reads, as an install reads it; written the same way), and prints
 * one JSON line with the times, CPU time, peak resident memory, counts and file sizes; a line
 * before it, when the index is written, holds what `npm run corpus` alone costs.
 * Run: node --expose-gc $(BUILD_NODE_FLAGS) --import tsx build-child.ts N
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateIndexStream } from '../../src/core/index/validate';
import { COMPILE_NODE_FLAGS } from '../lib/build-heap';
import { writeJsonFile } from '../lib/write-json';
import { readCorpus } from '../lib/read-corpus';
import { ROOT } from './seed-text';

/**
 * Writes the generated corpus as a folder (write-corpus.ts, in a process of its own: generating
 * it here left hundreds of megabytes of heap that the build's peak then counted, which
 * `npm run corpus` on a folder never has) and returns its word count.
 */
function writeGenerated(articles: number, dir: string): number {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/bench/write-corpus.ts'), String(articles), dir], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`write-corpus.ts failed: ${r.stderr || r.error?.message || `exit ${r.status}`}`);
  let words = 0;
  for (const name of readdirSync(dir)) if (name.endsWith('.txt')) words += readFileSync(join(dir, name), 'utf8').match(/\S+/g)?.length ?? 0;
  return words;
}

function vm(field: 'VmRSS' | 'VmHWM'): number {
  const m = readFileSync('/proc/self/status', 'utf8').match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
  return m ? Number(m[1]) * 1024 : Number.NaN;
}

const cpuMs = (u: NodeJS.CpuUsage): number => (u.user + u.system) / 1000;

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

/** What compile-child.ts reports. */
interface Compiled {
  readCpuMs: number;
  compileCpuMs: number;
  peakRssBytes: number;
  keptLiveBytes: number;
}

/** Compiles the matcher data from an index file in a child process (compile-child.ts); throws with its error output if it fails. */
function compileFromFile(indexPath: string, matcherPath: string): Compiled {
  const r = spawnSync(process.execPath, ['--expose-gc', ...COMPILE_NODE_FLAGS, '--import', 'tsx', join(ROOT, 'scripts/bench/compile-child.ts'), indexPath, matcherPath], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`compile-child.ts failed: ${(r.stderr || r.error?.message || `exit ${r.status}`).trim()}`);
  return JSON.parse(r.stdout.trim().split('\n').pop() ?? '') as Compiled;
}

async function main(): Promise<void> {
  const articles = Number(process.argv[2]);
  if (!Number.isInteger(articles) || articles < 1) throw new Error('usage: build-child.ts <articles>');
  const dir = mkdtempSync(join(tmpdir(), 'cl-build-child-'));
  try {
    // The corpus goes to a folder and is read back as `npm run corpus` reads it (texts re-read
    // when analysed, not held), so the generated articles are never in this process's memory.
    const g0 = performance.now();
    const words = writeGenerated(articles, join(dir, 'corpus'));
    const generateMs = performance.now() - g0;
    const { articles: inputs, problems } = readCorpus(join(dir, 'corpus'), { lazy: true });
    if (problems.length) throw new Error(`generated corpus rejected: ${problems[0].file}: ${problems[0].reason}`);
    const { analyseParts, streamIndex } = await import('../../src/core/analysis/index');
    gc();
    try {
      writeFileSync('/proc/self/clear_refs', '5'); // resets the peak (VmHWM) to the current RSS
    } catch {
      // older kernels: the peak then includes corpus generation
    }
    const rssBefore = vm('VmRSS');
    const loadStart = loadavg()[0];
    const cpu0 = process.cpuUsage();
    // CPU time of each step (what grows faster than the corpus shows up here first).
    const stepCpuMs: Record<string, number> = {};
    // Memory at the end of each step: the resident peak so far (the step where it jumps is where
    // the build peaks) and, with CL_BUILD_LIVE=1, the heap still live after a full collection.
    const stepMemMiB: Record<string, { peakRss: number; rss: number; heapUsed: number; arrayBuffers: number; live?: number }> = {};
    const liveEachStep = process.env.CL_BUILD_LIVE === '1';
    const mib = (b: number): number => Math.round(b / 2 ** 20);
    let step = '';
    let stepCpu = 0;
    const enter = (next: string): void => {
      const now = cpuMs(process.cpuUsage(cpu0));
      if (step) stepCpuMs[step] = (stepCpuMs[step] ?? 0) + now - stepCpu;
      if (step) {
        const m = process.memoryUsage();
        stepMemMiB[step] = { peakRss: mib(vm('VmHWM')), rss: mib(m.rss), heapUsed: mib(m.heapUsed), arrayBuffers: mib(m.arrayBuffers) };
        if (liveEachStep) {
          gc();
          stepMemMiB[step].live = mib(process.memoryUsage().heapUsed);
        }
        if (process.env.CL_BUILD_STEPS === '1') process.stderr.write(`${step}: ${JSON.stringify(stepMemMiB[step])} cpu ${Math.round(now)} ms\n`);
      }
      step = next;
      stepCpu = now;
    };
    const t0 = performance.now();
    const indexPath = join(dir, 'index.json');
    let t1 = 0;
    // No variable holds the analysis' parts: the stream lets each go once its sections are written.
    const writeIndex = (): { entities: number; claims: number; quotes: number } => {
      const stream = streamIndex(analyseParts(inputs, (s) => s !== step && enter(s)));
      enter('write index');
      t1 = performance.now();
      const counted = { entities: 0, claims: 0, quotes: 0 };
      const counting = <T>(key: keyof typeof counted, records: Iterable<T>): Iterable<T> => ({
        *[Symbol.iterator]() {
          for (const r of records) {
            counted[key]++;
            yield r;
          }
        },
      });
      const checked = validateIndexStream(stream);
      writeJsonFile(indexPath, { ...checked, entities: counting('entities', checked.entities), quotes: counting('quotes', checked.quotes), claims: counting('claims', checked.claims) }, 0);
      return counted;
    };
    const counts = writeIndex();
    const t2 = performance.now();
    enter('');
    // What `npm run corpus` does ends here (it writes the index; the extension compiles the matcher
    // when it installs the corpus): its figures go out first, on a line of their own, so they are
    // there even if the compile below runs out of memory.
    const corpus = { corpusCpuMs: cpuMs(process.cpuUsage(cpu0)), corpusPeakRssBytes: vm('VmHWM') };
    process.stdout.write(`${JSON.stringify({ phase: 'corpus', articles, words, analyseMs: t1 - t0, serialiseMs: t2 - t1, ...corpus, stepCpuMs, stepMemMiB, loadStart, rssBeforeBytes: rssBefore, ...counts, indexBytes: statSync(indexPath).size })}\n`);
    // The compile reads the index back from its file in a process of its own, as an install does.
    const compiled = compileFromFile(indexPath, join(dir, 'matcher.json'));
    stepCpuMs['read index back'] = compiled.readCpuMs;
    stepCpuMs['compile matcher'] = compiled.compileCpuMs;
    const t3 = performance.now();
    const cpu = cpuMs(process.cpuUsage(cpu0)) + compiled.readCpuMs + compiled.compileCpuMs;
    const peakRss = Math.max(vm('VmHWM'), compiled.peakRssBytes);
    process.stdout.write(
      `${JSON.stringify({
        articles,
        words,
        generateMs,
        analyseMs: t1 - t0,
        // Assembling, checking and writing the index, record by record.
        serialiseMs: t2 - t1,
        compileMs: t3 - t2,
        totalMs: t3 - t0,
        // CPU time of this process and the compile's (user + system): what the build costs, whatever else the machine runs.
        cpuMs: cpu,
        ...corpus,
        stepCpuMs,
        stepMemMiB,
        // The machine's 1-minute load average at the start and end (2 cores, shared).
        loadStart,
        loadEnd: loadavg()[0],
        rssBeforeBytes: rssBefore,
        // The larger of the two processes' peaks (the compile's: compilePeakRssBytes).
        peakRssBytes: peakRss,
        compilePeakRssBytes: compiled.peakRssBytes,
        compileKeptLiveBytes: compiled.keptLiveBytes,
        ...counts,
        indexBytes: statSync(indexPath).size,
        matcherBytes: statSync(join(dir, 'matcher.json')).size,
      })}\n`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
