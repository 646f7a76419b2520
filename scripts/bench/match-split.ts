/**
 * Where the matching side's time per 1,000 page words goes, in Node (issue 11, item 5): a generated
 * 20,000-word page's article blocks matched against generated corpora, CPU time per kind (names
 * alone, quotes, claims with and without word vectors, all kinds), then a CPU profile of the
 * all-kinds scan with its self time split by part (tokenising, entity matching, quotes, claim
 * retrieval, re-ranking, relating, building replies).
 *
 *   npx tsx scripts/bench/match-split.ts [articles=5,500,5000] [--top N]
 */
import { Session } from 'node:inspector/promises';
import { generatedMatcherData, pageBlocks, shippedVectors, wordCount } from './match-fixtures';
import { createMatcher, type ScanOptions } from '../../src/core/match/scan';

const args = process.argv.slice(2);
const sizes = (args.find((a) => !a.startsWith('--')) ?? '5,500,5000').split(',').map(Number);
const topAt = args.indexOf('--top');
const top = topAt >= 0 ? Number(args[topAt + 1]) : 15;
const ROUNDS = 5;

/** Median CPU ms (user + system) of `rounds` runs of `f`, after one warm-up. */
function cpuMs(f: () => void, rounds = ROUNDS): number {
  f();
  const runs: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const c0 = process.cpuUsage();
    f();
    const c = process.cpuUsage(c0);
    runs.push((c.user + c.system) / 1000);
  }
  runs.sort((a, b) => a - b);
  return runs[Math.floor(runs.length / 2)];
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

/** The part of the matcher a profiled function belongs to (by file, then by function). */
function partOf(fn: string, url: string): string {
  const file = url.split('/').pop()?.replace(/\?.*$/, '') ?? '';
  if (file === 'tokens.ts' || file === 'symbols.ts' || file === 'normalize.ts') return 'tokenise';
  if (file === 'names.ts' || file === 'aho-corasick.ts') return 'entity matching';
  if (file === 'quotes.ts') return 'quotes';
  if (file === 'sentences.ts') return 'sentences';
  if (file === 'claims.ts') {
    if (/features|pairCosine|alignClaimWord|probabilityOf|keyIsFigure/.test(fn)) return 're-ranking';
    if (fn === 'mayMatch') return 'claim prefilter';
    return 'claim retrieval';
  }
  if (file === 'bm25.ts') return 'claim retrieval';
  if (file === 'vectors.ts' || file === 'logistic.ts' || file === 'rerank.ts' || file === 'rerank-words.ts') return 're-ranking';
  if (file === 'figures.ts') return 'figures';
  if (['relate.ts', 'certainty.ts', 'date-spans.ts', 'keywords.ts', 'stem.ts'].includes(file)) return 'relating';
  if (file === 'scan.ts') return 'scan + replies';
  if (fn === '(garbage collector)') return 'gc';
  if (fn === '(program)' || fn === '(idle)' || fn === '(root)') return 'other';
  return `other: ${file || fn}`;
}

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 500 });

const blocks = pageBlocks(20_000, 7, 20_000);
const words = wordCount(blocks);
console.log(`page: ${blocks.length} blocks, ${words} words (generated, seed 7); CPU ms per 1,000 words, median of ${ROUNDS}`);
for (const articles of sizes) {
  const data = await generatedMatcherData(articles);
  const vectors = shippedVectors();
  const m = createMatcher(data, { vectors });
  const bare = createMatcher(data);
  const per1k = (ms: number) => ((ms / words) * 1000).toFixed(2);
  const run = (matcher: typeof m, options: ScanOptions) => () => {
    for (const b of blocks) matcher.scan(b, options);
  };
  const names = cpuMs(run(m, { kinds: { person: true, organisation: true } }));
  const quotes = cpuMs(run(m, { kinds: { quote: true } }));
  const claims = cpuMs(run(m, { kinds: { claim: true } }));
  const claimsBare = cpuMs(run(bare, { kinds: { claim: true } }));
  const all = cpuMs(run(m, { kinds: { person: true, organisation: true, quote: true, claim: true } }));
  console.log(`\n${articles} articles: names only ${per1k(names)}, quotes (+tokenise, names) ${per1k(quotes)}, claims (+tokenise, names) ${per1k(claims)}, claims without vectors ${per1k(claimsBare)}, all kinds ${per1k(all)}`);
  // Profile of the all-kinds scan: self time by part.
  await session.post('Profiler.start');
  for (let r = 0; r < ROUNDS; r++) run(m, { kinds: { person: true, organisation: true, quote: true, claim: true } })();
  const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byPart = new Map<string, number>();
  const byFn = new Map<string, number>();
  let total = 0;
  for (const n of profile.nodes) {
    const us = self.get(n.id) ?? 0;
    if (!us) continue;
    const part = partOf(n.callFrame.functionName, n.callFrame.url);
    if (part === 'other' && n.callFrame.functionName === '(idle)') continue;
    total += us;
    byPart.set(part, (byPart.get(part) ?? 0) + us);
    const fn = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`;
    byFn.set(fn, (byFn.get(fn) ?? 0) + us);
  }
  const perRun = (us: number) => ((us / 1000 / ROUNDS / words) * 1000).toFixed(2);
  console.log(`  profile (self time, ms per 1,000 words): ${[...byPart].sort((a, b) => b[1] - a[1]).map(([p, us]) => `${p} ${perRun(us)} (${((100 * us) / total).toFixed(0)}%)`).join(', ')}`);
  console.log(`  top functions: \n${[...byFn].sort((a, b) => b[1] - a[1]).slice(0, top).map(([f, us]) => `    ${perRun(us)}  ${f}`).join('\n')}`);
}
session.disconnect();
