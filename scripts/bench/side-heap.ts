/**
 * What the matching side's heap holds for a corpus (issue 11, item 5: its memory per corpus size),
 * in Node, step by step: the stored parts (matcher-row.ts) read and validated as the store reads
 * them, the matcher built with its claims deferred, the claim scorer and quote matcher built, then
 * the generated 20k and 200k pages matched, all kinds; the live heap after a full collection at each
 * step, and the CPU time of each. Node has no pointer compression: its figures are about twice
 * Chromium's (the store bench's service-worker row), and typed arrays count outside the heap.
 *
 *   node --expose-gc --max-old-space-size=8000 --import tsx scripts/bench/side-heap.ts MATCHER.json
 *
 * MATCHER.json: MatcherData as compile-child.ts or `match-side.ts --write-data` writes it (its
 * version is taken as this code's).
 */
import { readFileSync } from 'node:fs';
import { MATCHER_DATA_VERSION, type MatcherData } from '../../src/core/match/data';
import { createMatcher } from '../../src/core/match/scan';
import { packMatcher, type MatcherPart } from '../../src/store/matcher-row';
import { MatcherPartsReader } from '../../src/store/validate-stored';
import { pageBlocks, shippedVectors } from './match-fixtures';

const [file] = process.argv.slice(2);
if (!file) throw new Error('usage: side-heap.ts MATCHER.json');
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const liveMiB = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
};
const cpuMs = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1000;

/** The stored parts of the file's data (the data itself let go). */
function storedParts(): Map<string, MatcherPart> {
  const data = JSON.parse(readFileSync(file, 'utf8')) as MatcherData;
  data.schemaVersion = MATCHER_DATA_VERSION;
  return new Map(packMatcher(data).map((p) => [p.shard, p]));
}
const byShard = storedParts();
const vectors = shippedVectors();
const pages = [pageBlocks(20_000, 7), pageBlocks(200_000, 7)];
const base = liveMiB();
let last = base;
const step = <T>(label: string, f: () => T): T => {
  const c0 = process.cpuUsage();
  const out = f();
  const cpu = cpuMs(process.cpuUsage(c0));
  const now = liveMiB();
  console.log(`${label.padEnd(40)} ${cpu.toFixed(0).padStart(6)} ms CPU  ${(now - last >= 0 ? '+' : '') + (now - last).toFixed(1)} MB`);
  last = now;
  return out;
};
console.log(`base (parts as bytes, vectors, pages): ${base.toFixed(1)} MB`);
const stored = step(`read ${byShard.size} parts`, () => {
  const reader = new MatcherPartsReader(byShard.get('core')!);
  for (const shard of reader.parts) reader.add(byShard.get(shard));
  return reader.finish();
});
const matcher = step('matcher, claims deferred', () => createMatcher(stored.data, { vectors, quoteBigrams: stored.quoteBigrams, deferClaims: true }));
step('claim scorer and quote matcher', () => matcher.prepare());
pages.forEach((blocks, k) => step(`match the ${k === 0 ? '20k' : '200k'} page, all kinds`, () => blocks.reduce((n, b) => n + matcher.scan(b).length, 0)));
console.log(`matching side's heap above the base: ${(liveMiB() - base).toFixed(1)} MB (${stored.data.claims.length} claims)`);
