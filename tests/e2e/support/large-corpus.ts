/**
 * A large corpus file for the corpus browser's scale tests: LARGE_CORPUS_ARTICLES generated articles
 * (scripts/bench/generate-corpus.ts) with their dates spread over two years, so the timeline has a
 * long range to group. Built once and cached in the OS temp folder (analysis takes a while), under a
 * name holding a hash of everything the file is made from, so an edit to the analysis or the
 * generator builds it again instead of installing a stale file.
 *
 * One process builds a size at a time (a lock file beside the cache names it); the others wait for
 * it. The e2e tier's global set-up (harness/global-setup.ts) starts a child building every size the
 * tests use as the run begins, so the build overlaps the browser tests that need no large corpus;
 * a test that needs one before it is ready waits, and builds it itself only when no one is.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateCorpus } from '../../../scripts/bench/generate-corpus';
import { analyseCorpus } from '../../../src/core/analysis/index';
import { serialiseCorpusFile } from '../../../src/store/corpus-file';

/** Articles in the large corpus: thousands, as issue 12 asks, and small enough to build in CI in well under a minute (5,000 was measured by hand; see the closing note of issue 12). */
export const LARGE_CORPUS_ARTICLES = 2_000;
/** Every size the e2e tests ask for (browser-corpora and quota: LARGE_CORPUS_ARTICLES; load: 5,000), smallest first: the global set-up builds them in this order. */
export const LARGE_CORPUS_SIZES = [LARGE_CORPUS_ARTICLES, 5_000];
/** Days the generated dates are spread over (two years: long enough for the timeline to group by month). */
const SPREAD_DAYS = 730;
const DAY = 86_400_000;
const START = Date.UTC(2030, 0, 1);
/** How often a waiting process looks for the file another one is building. */
const WAIT_POLL_MS = 500;

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
/** What a large corpus file is made from: the analysis and store code, the generator and the seeds it draws on, the generated assets analysis reads, and this file. */
const INPUTS = ['src/core', 'src/store', 'src/shared', 'src/generated', 'scripts/bench', 'scripts/lib', 'seeds', 'tests/e2e/support/large-corpus.ts'];

let inputsHash: string | undefined;
/** A hash of the contents of every input file (paths sorted), computed once per process. */
function hashInputs(): string {
  if (inputsHash) return inputsHash;
  const hash = createHash('sha256');
  const visit = (path: string) => {
    const full = resolve(ROOT, path);
    if (!existsSync(full)) return;
    if (statSync(full).isDirectory()) {
      for (const name of readdirSync(full).sort()) visit(join(path, name));
      return;
    }
    hash.update(path).update('\0').update(readFileSync(full)).update('\0');
  };
  for (const input of INPUTS) visit(input);
  inputsHash = hash.digest('hex').slice(0, 16);
  return inputsHash;
}

/** Where the corpus file of that size is cached. */
function cachePath(articles: number): string {
  return join(tmpdir(), `coverage-lens-large-corpus-${articles}-${hashInputs()}.json`);
}

/** Whether a lock file's owner is running ('alive'), is gone without removing it ('dead'), or the lock is gone ('free'). */
function lockOwner(lock: string): 'alive' | 'dead' | 'free' {
  let pid: number;
  try {
    pid = Number(readFileSync(lock, 'utf8'));
  } catch {
    return 'free';
  }
  if (!pid) return 'alive'; // just created, its pid not yet written
  try {
    process.kill(pid, 0);
    return 'alive';
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? 'alive' : 'dead';
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Builds the corpus file of that size and writes it to the cache (a whole file or none: written aside, then renamed). */
function build(articles: number, cache: string): void {
  const generated = generateCorpus({ articles }).map((a, k) => ({
    ...a,
    // Stories (five articles) share a day; consecutive stories step about a week apart, wrapping over the spread.
    meta: { ...a.meta, date: new Date(START + ((Math.floor(k / 5) * 7) % SPREAD_DAYS) * DAY).toISOString().slice(0, 10) },
  }));
  const aside = `${cache}.${process.pid}.part`;
  writeFileSync(aside, serialiseCorpusFile(analyseCorpus(generated)));
  renameSync(aside, cache);
}

/** The cache file of that size, built here unless another process is building it (then waited for). */
export function ensureLargeCorpus(articles = LARGE_CORPUS_ARTICLES): string {
  const cache = cachePath(articles);
  const lock = `${cache}.lock`;
  for (;;) {
    if (existsSync(cache)) return cache;
    let fd: number;
    try {
      fd = openSync(lock, 'wx');
    } catch {
      const owner = lockOwner(lock);
      if (owner === 'alive') sleep(WAIT_POLL_MS);
      else if (owner === 'dead') rmSync(lock, { force: true }); // its builder died: take over
      continue;
    }
    try {
      writeSync(fd, String(process.pid));
      closeSync(fd);
      if (!existsSync(cache)) build(articles, cache);
      return cache;
    } finally {
      rmSync(lock, { force: true });
    }
  }
}

/** The corpus file's path on disk, built first if it is not cached (for tests that choose it as a file). */
export function largeCorpusPath(articles = LARGE_CORPUS_ARTICLES): string {
  return ensureLargeCorpus(articles);
}

/** The corpus file's text (built on first use, then read from the cache). */
export function largeCorpusFile(articles = LARGE_CORPUS_ARTICLES): string {
  return readFileSync(ensureLargeCorpus(articles), 'utf8');
}

// `npx tsx tests/e2e/support/large-corpus.ts [SIZE ...]` builds the caches ahead of the tests (every size the tests use by default).
if (process.argv[1]?.endsWith('large-corpus.ts')) {
  const sizes = process.argv.slice(2).map(Number);
  for (const articles of sizes.length ? sizes : LARGE_CORPUS_SIZES) {
    const started = Date.now();
    const path = ensureLargeCorpus(articles);
    console.log(`large corpus of ${articles} articles: ${path} (${Math.round((Date.now() - started) / 1000)} s)`);
  }
}
