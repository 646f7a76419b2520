/**
 * Focused measurements of the matching side over a generated corpus (issue 11, items 2, 3, 5), in
 * Node: the size of one matchBlocks reply, what a cold matching side does before its first answer
 * (read the matcher row — approximated by V8's structured-clone deserialisation, which is what
 * IndexedDB does — parse and validate it, decode the word vectors, build the matcher; wall and CPU
 * time), and what one card's details cost (row size,
 * deserialise, validate). Browser figures come from `npm run bench`; these isolate the parts.
 *
 *   npx tsx scripts/measure-matching-side.ts [articles=5000] [blocks=80]   (CORPUS_FILE=path to use a given corpus file)
 */
import { readFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { cachedCorpusFile } from './bench/corpus-cache';
import { generatePage } from './bench/generate-page';
import { cardReply } from '../src/background/card-reply';
import { createMatchingSide } from '../src/background/matching';
import type { CorpusSource } from '../src/background/corpus-source';
import { buildDetails } from '../src/core/index/details';
import type { DetectionKind } from '../src/core/index/types';
import { compileMatcher } from '../src/core/match/compile';
import { createMatcher } from '../src/core/match/scan';
import { parseCorpusFile } from '../src/store/corpus-file';
import { unpackMatcher, validateDetails, validateMatcherCore, validateQuoteBigrams } from '../src/store/validate-stored';
import { packMatcher, type PackedMatcher } from '../src/store/matcher-row';
import type { MatcherData } from '../src/core/match/data';
import { loadWordVectorsBinary } from '../src/core/lang/vectors';

const articles = Number(process.argv[2] ?? 5000);
const blockCount = Number(process.argv[3] ?? 80);
const KINDS = { person: true, organisation: true, claim: true, quote: true };

function time<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const v = f();
  return [v, performance.now() - t0];
}

/** Runs `f`, adding its CPU time (ms, this process, all threads) to `into`. */
function cpu<T>(into: number[], f: () => T): T {
  const c0 = process.cpuUsage();
  const v = f();
  const d = process.cpuUsage(c0);
  into.push((d.user + d.system) / 1000);
  return v;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(2)} MB`;
}

// CORPUS_FILE: a corpus file to use instead of the cached generated one (to compare two versions of the code on one corpus).
const path = process.env.CORPUS_FILE ?? (await cachedCorpusFile(articles, console.log)).path;
const index = parseCorpusFile(readFileSync(path, 'utf8'), path);
const [data, compileMs] = time(() => compileMatcher(index));
const shard = serialize(data);
console.log(`corpus: ${articles} articles, ${index.entities.length} entities; matcher shard ${mb(shard.length)} (structured clone), compiled in ${compileMs.toFixed(0)} ms`);

// ---- cold start: what happens before the first answer ----
// The row as the store keeps it (src/store/matcher-row.ts): JSON as UTF-8 bytes and a prebuilt quote index.
const [packed, packMs] = time(() => packMatcher(data));
const row = serialize(packed);
console.log(`stored row ${mb(row.length)} (structured clone), packed in ${packMs.toFixed(0)} ms`);
const vectorFile = new Uint8Array(readFileSync(new URL('../src/generated/word-vectors.bin', import.meta.url)));
const cold = { read: [] as number[], validate: [] as number[], build: [] as number[], firstScan: [] as number[] };
// CPU time (process.cpuUsage) of the same steps: the machine may be shared, and wall time then counts others' work.
const coldCpu = { clone: [] as number[], decodeParse: [] as number[], validate: [] as number[], vectors: [] as number[], build: [] as number[], firstScan: [] as number[] };
const page = generatePage({ words: 20_000, seed: 7 });
const blocks = [...page.html.matchAll(/<p[^>]*>([\s\S]*?)<\/p>/g)]
  .map((m) => m[1].replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&#39;|&rsquo;/g, '’').replace(/&quot;/g, '"').trim())
  .filter((t) => t.length > 0)
  .slice(0, blockCount);
for (let round = 0; round < 3; round++) {
  const [read, readMs] = time(() => deserialize(row) as PackedMatcher);
  const [stored, validateMs] = time(() => unpackMatcher(read));
  const [m, buildMs] = time(() => createMatcher(stored.data, { quoteBigrams: stored.quoteBigrams }));
  const [, scanMs] = time(() => m.scan(blocks[0], { kinds: KINDS }));
  cold.read.push(readMs);
  cold.validate.push(validateMs);
  cold.build.push(buildMs);
  cold.firstScan.push(scanMs);
  const read2 = cpu(coldCpu.clone, () => deserialize(row) as PackedMatcher);
  const parsed = cpu(coldCpu.decodeParse, () => JSON.parse(new TextDecoder().decode(read2.json)) as unknown);
  cpu(coldCpu.validate, () => (validateMatcherCore(parsed), validateQuoteBigrams(read2.quoteBigrams, stored.data.quotes.length, stored.data.words.length + 1)));
  const vectors = cpu(coldCpu.vectors, () => loadWordVectorsBinary(vectorFile));
  const m2 = cpu(coldCpu.build, () => createMatcher(parsed as MatcherData, { quoteBigrams: read2.quoteBigrams, vectors }));
  cpu(coldCpu.firstScan, () => m2.scan(blocks[0], { kinds: KINDS }));
}
console.log(`cold (median of 3, ms wall): read ${median(cold.read).toFixed(0)}, parse + validate ${median(cold.validate).toFixed(0)}, build matcher ${median(cold.build).toFixed(0)}, first block ${median(cold.firstScan).toFixed(1)}`);
const cpuLine = Object.entries(coldCpu).map(([k, v]) => `${k} ${median(v).toFixed(0)}`);
console.log(`cold (median of 3, ms CPU): ${cpuLine.join(', ')}; total ${Object.values(coldCpu).reduce((n, v) => n + median(v), 0).toFixed(0)} (vectors: decoding the packaged file, with them the build looks them up)`);

// ---- one matchBlocks reply ----
const matcher = createMatcher(data);
const source: CorpusSource = {
  async active() {
    return [{ id: 'gen', name: 'Generated', match: async (text, options) => matcher.scan(text, options), details: async () => null }];
  },
};
const side = createMatchingSide(() => source);
const replyMs: number[] = [];
const cloneMs: number[] = [];
let reply = await side.matchBlocks({ blocks, kinds: KINDS });
for (let round = 0; round < 3; round++) {
  const t0 = performance.now();
  reply = await side.matchBlocks({ blocks, kinds: KINDS });
  replyMs.push(performance.now() - t0);
  // The reply crosses to the page by structured clone (Chrome serialises extension messages as JSON).
  cloneMs.push(time(() => deserialize(serialize(reply)))[1]);
}
const rawMs: number[] = [];
for (let round = 0; round < 3; round++) rawMs.push(time(() => blocks.map((b) => matcher.scan(b, { kinds: KINDS })))[1]);
console.log(`matcher alone over the ${blocks.length} blocks: ${median(rawMs).toFixed(0)} ms (median of 3)`);
const flat = reply.matches.flat();
const refs = flat.reduce((n, m) => n + m.refs.length, 0);
const json = JSON.stringify(reply).length;
const byKind: Record<string, number> = {};
for (const m of flat) byKind[m.kind] = (byKind[m.kind] ?? 0) + 1;
const maxPageRefs = Math.max(0, ...flat.filter((m) => m.kind === 'claim' || m.kind === 'quote').map((m) => m.refs.length + (m.refsLeft ?? 0)));
console.log(`reply for ${blocks.length} blocks: ${flat.length} matches ${JSON.stringify(byKind)}, ${refs} refs sent, JSON ${mb(json)}; matching ${median(replyMs).toFixed(0)} ms, clone ${median(cloneMs).toFixed(0)} ms (median of 3); most refs of one claim/quote match before the cap ${maxPageRefs}`);

// ---- card details: one record per hover ----
const rows: { kind: DetectionKind; id: string; bytes: Buffer }[] = [];
for (const e of index.entities) {
  const d = buildDetails(index, e.kind, e.id);
  if (d) rows.push({ kind: e.kind, id: e.id, bytes: serialize(d) });
}
for (const g of index.claimGroups) {
  const d = buildDetails(index, 'claim', g.id);
  if (d) rows.push({ kind: 'claim', id: g.id, bytes: serialize(d) });
}
rows.sort((a, b) => b.bytes.length - a.bytes.length);
const sizes = rows.map((r) => r.bytes.length);
const over = (limit: number) => sizes.filter((x) => x > limit).length;
console.log(`details rows over 100 KB: ${over(1e5)}, over 500 KB: ${over(5e5)}`);
console.log(`details rows: ${rows.length}; size median ${mb(median(sizes))}, largest ${mb(sizes[0])} (${rows[0].kind} ${rows[0].id}), 10th ${mb(sizes[9] ?? 0)}`);
for (const r of rows.slice(0, 3)) {
  const [value, readMs] = time(() => deserialize(r.bytes));
  const [, validateMs] = time(() => validateDetails(value, r.kind, r.id));
  const [, jsonMs] = time(() => JSON.stringify(value).length);
  const [reply, replyJsonMs] = time(() => JSON.stringify(cardReply(value as never)).length);
  console.log(`  ${r.kind} ${r.id}: ${mb(r.bytes.length)}, read ${readMs.toFixed(1)} ms, validate ${validateMs.toFixed(1)} ms, JSON ${jsonMs.toFixed(1)} ms; card reply JSON ${mb(reply)} in ${replyJsonMs.toFixed(1)} ms`);
}
