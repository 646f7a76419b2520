/** Matcher throughput in Node: the real matcher and matcher data on long text, words per second; and the claim re-ranker's cost. */
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { createMatcher, type MatcherData } from '../../src/core/match';
import { median } from './stats';
import { loadWordVectorsBinary } from '../../src/core/lang/vectors';

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

/** Cost of the claim re-ranker's word vectors and of claim matching with them, in Node. */
export interface RerankerCost {
  /** Size of the packed vectors file (bytes) the extension ships. */
  vectorsBytes: number;
  /** Median ms to decode the packed vectors (what the matching side does once, on its first match). */
  vectorsLoadMs: number;
  words: number;
  /** Median CPU ms per 1,000 page words to find claims (retrieval and re-ranking), with the vectors. */
  claimsMsPer1000Words: number;
  /** The same without vectors (identical words align only): the difference is the soft alignment's cost. */
  claimsNoVectorsMsPer1000Words: number;
  /** Median CPU ms per 1,000 words of the whole scan (names, quotes, claims), with the vectors. */
  scanMsPer1000Words: number;
  runs: number;
}

/** Measures RerankerCost over `text` scanned paragraph by paragraph, `runs` times after two warm-ups. */
export function measureReranker(matcherPath: string, vectorsPath: string, text: string, runs = 5): RerankerCost {
  const data = JSON.parse(readFileSync(matcherPath, 'utf8')) as MatcherData;
  const bytes = new Uint8Array(readFileSync(vectorsPath));
  const loads: number[] = [];
  let vectors = loadWordVectorsBinary(bytes);
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    vectors = loadWordVectorsBinary(bytes);
    loads.push(performance.now() - t0);
  }
  const withVectors = createMatcher(data, { vectors });
  const without = createMatcher(data);
  const words = text.match(/\S+/g)?.length ?? 0;
  const blocks = text.split(/\n\n/);
  const claimsOnly = { kinds: { claim: true } };
  // CPU time of this process (the machine is shared), the three scans alternating so they see the same load.
  const scans: [string, () => void][] = [
    ['claims', () => blocks.forEach((b) => withVectors.scan(b, claimsOnly))],
    ['claimsNoVectors', () => blocks.forEach((b) => without.scan(b, claimsOnly))],
    ['scan', () => blocks.forEach((b) => withVectors.scan(b))],
  ];
  const cpu: Record<string, number[]> = { claims: [], claimsNoVectors: [], scan: [] };
  for (let i = 0; i < runs + 2; i++) {
    // Rotated round by round: the first scan of a round pays for the garbage of the last.
    for (let j = 0; j < scans.length; j++) {
      const [name, f] = scans[(i + j) % scans.length];
      const c0 = process.cpuUsage();
      f();
      const c = process.cpuUsage(c0);
      if (i >= 2) cpu[name].push((c.user + c.system) / 1000);
    }
  }
  const per1k = (name: string) => (median(cpu[name]) * 1000) / Math.max(1, words);
  return {
    vectorsBytes: bytes.length,
    vectorsLoadMs: median(loads),
    words,
    claimsMsPer1000Words: per1k('claims'),
    claimsNoVectorsMsPer1000Words: per1k('claimsNoVectors'),
    scanMsPer1000Words: per1k('scan'),
    runs,
  };
}

/**
 * The re-ranker row's text: every seed article and every dev-split sentence (pages about the
 * corpus's own story, where most sentences have candidates: the costly case).
 */
export function rerankerText(root: string): string {
  const seeds = readdirSync(resolve(root, 'seeds'))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(resolve(root, 'seeds', f), 'utf8'));
  const dev = (JSON.parse(readFileSync(resolve(root, 'tests/fixtures/devset/devset.json'), 'utf8')) as { items: { text: string }[] }).items.map((i) => i.text);
  return [...seeds, ...dev].join('\n\n');
}
