/**
 * A large corpus file for the corpus browser's scale tests: LARGE_CORPUS_ARTICLES generated articles
 * (scripts/bench/generate-corpus.ts) with their dates spread over two years, so the timeline has a
 * long range to group. Built once and cached in the OS temp folder (analysis takes a while).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCorpus } from '../../../scripts/bench/generate-corpus';
import { analyseCorpus } from '../../../src/core/analysis/index';
import { serialiseCorpusFile } from '../../../src/store/corpus-file';

/** Articles in the large corpus: thousands, as issue 12 asks, and small enough to build in CI in well under a minute (5,000 was measured by hand; see the closing note of issue 12). */
export const LARGE_CORPUS_ARTICLES = 2_000;
/** Days the generated dates are spread over (two years: long enough for the timeline to group by month). */
const SPREAD_DAYS = 730;
const DAY = 86_400_000;
const START = Date.UTC(2030, 0, 1);

/** Where the corpus file of that size is cached. */
function cachePath(articles: number): string {
  return join(tmpdir(), `coverage-lens-large-corpus-${articles}.json`);
}

/** The corpus file's path on disk, built first if it is not cached (for tests that choose it as a file). */
export function largeCorpusPath(articles = LARGE_CORPUS_ARTICLES): string {
  if (!existsSync(cachePath(articles))) largeCorpusFile(articles);
  return cachePath(articles);
}

/** The corpus file's text (built on first use, then read from the cache). */
export function largeCorpusFile(articles = LARGE_CORPUS_ARTICLES): string {
  const cache = cachePath(articles);
  if (existsSync(cache)) return readFileSync(cache, 'utf8');
  const generated = generateCorpus({ articles }).map((a, k) => ({
    ...a,
    // Stories (five articles) share a day; consecutive stories step about a week apart, wrapping over the spread.
    meta: { ...a.meta, date: new Date(START + ((Math.floor(k / 5) * 7) % SPREAD_DAYS) * DAY).toISOString().slice(0, 10) },
  }));
  const file = serialiseCorpusFile(analyseCorpus(generated));
  writeFileSync(cache, file);
  return file;
}

// `npx tsx tests/e2e/support/large-corpus.ts` builds the cache ahead of the tests.
if (process.argv[1]?.endsWith('large-corpus.ts')) {
  const started = Date.now();
  const file = largeCorpusFile();
  console.log(`large corpus: ${file.length} characters in ${Math.round((Date.now() - started) / 1000)} s`);
}
