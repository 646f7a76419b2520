/**
 * Claim retrieval, pruned against exhaustive, in one process (so both see the same machine load):
 * CPU ms per 1,000 words of claim matching over a generated page, passes alternating, and whether
 * both give the same matches. `npx tsx scripts/bench/retrieval-ab.ts [articles=5000]`
 */
import { generatedMatcherData, pageBlocks, shippedVectors, wordCount } from './match-fixtures';
import { createMatcher } from '../../src/core/match/scan';

const articles = Number(process.argv[2] ?? 5000);
const data = await generatedMatcherData(articles);
const blocks = pageBlocks(20_000, 7, 20_000);
const words = wordCount(blocks);
const pruned = createMatcher(data, { vectors: shippedVectors(true) });
const exhaustive = createMatcher(data, { vectors: shippedVectors(true), exhaustiveRetrieval: true });
const claims = { kinds: { claim: true } };
const same = JSON.stringify(blocks.map((b) => pruned.scan(b, claims))) === JSON.stringify(blocks.map((b) => exhaustive.scan(b, claims)));
const times: Record<string, number[]> = { pruned: [], exhaustive: [] };
for (let r = 0; r < 7; r++) {
  // The order flips round by round: the first scan of a round pays for the garbage of the last.
  const pair = [['pruned', pruned], ['exhaustive', exhaustive]] as const;
  for (const [name, m] of r % 2 ? [pair[1], pair[0]] : pair) {
    const c0 = process.cpuUsage();
    for (const b of blocks) m.scan(b, claims);
    const c = process.cpuUsage(c0);
    times[name].push((c.user + c.system) / 1000);
  }
}
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const per1k = (ms: number) => ((ms / words) * 1000).toFixed(2);
console.log(`${articles} articles, ${words} words: claims (+tokenise, names) pruned ${per1k(med(times.pruned))}, exhaustive ${per1k(med(times.exhaustive))} CPU ms per 1,000 words (median of 7, alternating, order flipped each round); same matches: ${same}`);
