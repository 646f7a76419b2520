/**
 * Child process of the corpus-scaling bench: generates a corpus of N articles, then builds the
 * index from it as `npm run corpus` does (analyseCorpus, validateIndex, the index written to a file
 * piece by piece) plus the matcher data (compileMatcher, written the same way), and prints one JSON
 * line with the times, CPU time, peak resident memory and file sizes.
 * Run: node --expose-gc --import tsx build-child.ts N
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateIndex } from '../../src/core/index/validate';
import { writeJsonFile } from '../lib/write-json';
import type { ArticleInput } from '../../src/core/analysis/index';
import { readCorpus } from '../lib/read-corpus';
import { generateCorpus } from './generate-corpus';

/** Writes the generated corpus as a folder (write-corpus.ts's layout) and returns its word count. */
function writeGenerated(articles: number, dir: string): number {
  mkdirSync(dir, { recursive: true });
  const sources: Record<string, unknown> = {};
  let words = 0;
  for (const a of generateCorpus({ articles, seed: 11 })) {
    writeFileSync(join(dir, `${a.id}.txt`), `${a.text}\n`);
    sources[a.id] = a.meta;
    words += a.text.match(/\S+/g)?.length ?? 0;
  }
  writeFileSync(join(dir, 'sources.json'), JSON.stringify(sources));
  return words;
}

function vm(field: 'VmRSS' | 'VmHWM'): number {
  const m = readFileSync('/proc/self/status', 'utf8').match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
  return m ? Number(m[1]) * 1024 : Number.NaN;
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

async function main(): Promise<void> {
  const articles = Number(process.argv[2]);
  if (!Number.isInteger(articles) || articles < 1) throw new Error('usage: build-child.ts <articles>');
  const dir = mkdtempSync(join(tmpdir(), 'cl-build-child-'));
  try {
    // The corpus goes to a folder and is read back as `npm run corpus` reads it (texts re-read
    // when analysed, not held), so the generated articles are not in memory during the build.
    const g0 = performance.now();
    const words = writeGenerated(articles, join(dir, 'corpus'));
    const generateMs = performance.now() - g0;
    const { articles: inputs, problems } = readCorpus(join(dir, 'corpus'), { lazy: true });
    if (problems.length) throw new Error(`generated corpus rejected: ${problems[0].file}: ${problems[0].reason}`);
    const analysis = (await import('../../src/core/analysis/index')) as {
      analyseCorpus?: (inputs: ArticleInput[]) => unknown;
    };
    if (typeof analysis.analyseCorpus !== 'function') throw new Error('src/core/analysis does not export analyseCorpus');
    const { compileMatcher } = await import('../../src/core/match');
    gc();
    try {
      writeFileSync('/proc/self/clear_refs', '5'); // resets the peak (VmHWM) to the current RSS
    } catch {
      // older kernels: the peak then includes corpus generation
    }
    const rssBefore = vm('VmRSS');
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const index = validateIndex(analysis.analyseCorpus(inputs));
    const t1 = performance.now();
    const matcher = compileMatcher(index as never);
    const t2 = performance.now();
    writeJsonFile(join(dir, 'index.json'), index, 0);
    writeJsonFile(join(dir, 'matcher.json'), matcher, 0);
    const t3 = performance.now();
    const cpu = process.cpuUsage(cpu0);
    const peakRss = vm('VmHWM');
    process.stdout.write(
      `${JSON.stringify({
        articles,
        words,
        generateMs,
        analyseMs: t1 - t0,
        compileMs: t2 - t1,
        serialiseMs: t3 - t2,
        totalMs: t3 - t0,
        // CPU time of this process (user + system): what the build costs, whatever else the machine runs.
        cpuMs: (cpu.user + cpu.system) / 1000,
        rssBeforeBytes: rssBefore,
        peakRssBytes: peakRss,
        entities: index.entities.length,
        claims: index.claims.length,
        quotes: index.quotes.length,
        indexBytes: statSync(join(dir, 'index.json')).size,
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
