/** Matcher throughput in Node: the real matcher and matcher data on long text, words per second. */
import { readFileSync } from 'node:fs';
import { createMatcher, type MatcherData } from '../../src/core/match';
import { median } from './stats';

/** Throughput figures. */
export interface ThroughputResult {
  words: number;
  chars: number;
  /** Median ms to scan the text as one string. */
  wholeMs: number;
  wholeWordsPerSecond: number;
  /** Median ms to scan it paragraph by paragraph (as the page does, block by block). */
  blocksMs: number;
  blocksWordsPerSecond: number;
  matches: number;
  runs: number;
}

/** Scans `text` `runs` times after two warm-up runs, whole and by paragraph. */
export function measureThroughput(matcherPath: string, text: string, runs = 5): ThroughputResult {
  const matcher = createMatcher(JSON.parse(readFileSync(matcherPath, 'utf8')) as MatcherData);
  const words = text.match(/\S+/g)?.length ?? 0;
  const blocks = text.split(/\n\n/);
  const whole: number[] = [];
  const byBlock: number[] = [];
  let matches = 0;
  for (let i = 0; i < runs + 2; i++) {
    const t0 = performance.now();
    matches = matcher.scan(text).length;
    const t1 = performance.now();
    for (const b of blocks) matcher.scan(b);
    const t2 = performance.now();
    if (i >= 2) {
      whole.push(t1 - t0);
      byBlock.push(t2 - t1);
    }
  }
  const wholeMs = median(whole);
  const blocksMs = median(byBlock);
  return {
    words,
    chars: text.length,
    wholeMs,
    wholeWordsPerSecond: words / (wholeMs / 1000),
    blocksMs,
    blocksWordsPerSecond: words / (blocksMs / 1000),
    matches,
    runs,
  };
}
