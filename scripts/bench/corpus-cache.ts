/**
 * Generated corpus files for the store rows, cached in the OS temp folder: a 20,000-article corpus
 * takes minutes to analyse, so each size is built once per version of the code that makes it. The
 * cache key is a hash of the generator, the seeds and the analysis code (src/core, the corpus file
 * format), so any change there builds afresh. Built in a child process (its own heap), as compact JSON
 * (a corpus file the store's install accepts; the CLI's pretty-printing would make 20,000 articles
 * larger than a string may be).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ROOT } from './seed-text';

/** What the cached file is made from: a change in any of these builds the corpus again. */
const INPUTS = ['scripts/bench/generate-corpus.ts', 'scripts/bench/names.ts', 'scripts/bench/rng.ts', 'scripts/bench/seed-text.ts', 'scripts/bench/corpus-file-child.ts', 'seeds', 'src/core', 'src/store/corpus-file.ts'];

function filesUnder(path: string): string[] {
  const abs = join(ROOT, path);
  if (!existsSync(abs)) return [];
  if (!statSync(abs).isDirectory()) return [abs];
  return readdirSync(abs, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name))
    .sort();
}

/** A short hash of every input file's path and content. */
export function corpusInputsHash(): string {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap(filesUnder)) {
    hash.update(relative(ROOT, file));
    hash.update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 12);
}

/** The cached corpus file of `articles` generated articles, built first when missing. */
export async function cachedCorpusFile(articles: number, log: (line: string) => void): Promise<{ path: string; built: boolean; buildMs: number }> {
  const path = join(tmpdir(), `coverage-lens-bench-corpus-${articles}-${corpusInputsHash()}.json`);
  if (existsSync(path)) return { path, built: false, buildMs: 0 };
  log(`  building a ${articles}-article corpus file (cached as ${path})…`);
  const started = performance.now();
  const partial = `${path}.partial`;
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['--max-old-space-size=8192', '--import', 'tsx', join(ROOT, 'scripts/bench/corpus-file-child.ts'), String(articles), partial], { cwd: ROOT, stdio: ['ignore', 'inherit', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`corpus file of ${articles} articles: exit ${code}: ${err.trim().split('\n').slice(-3).join(' | ')}`))));
  });
  renameSync(partial, path);
  return { path, built: true, buildMs: performance.now() - started };
}
