/**
 * Focused measurements of the matching side over a generated corpus (issue 11, items 2, 3, 5), in
 * Node: the size of one matchBlocks reply, what a cold matching side does before its first answer
 * (read the matcher's rows — approximated by V8's structured-clone deserialisation, which is what
 * IndexedDB does — parse and validate them part by part, the names-only matcher first, decode the
 * word vectors, build the matcher; CPU time, and layout 3's one row for comparison), and what one card's details cost (row size,
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
import { MatcherPartsReader, validateDetails, validateMatcherCore } from '../src/store/validate-stored';
import { namesOnly, packMatcher, type MatcherPart } from '../src/store/matcher-row';
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
// The rows as the store keeps them (src/store/matcher-row.ts, layout 4): `core` (names), then
// `meta` and the claim and quote parts, each the UTF-8 bytes of its JSON text, the quote bigram
// index prebuilt. The store reads `core`, builds a names-only matcher (answers names at once), then
// reads the other parts one at a time (a request waits for one part at most), then builds the whole.
const [packed, packMs] = time(() => packMatcher(data));
const partRows = packed.map((p) => serialize(p));
const rowBytes = partRows.reduce((n, r) => n + r.length, 0);
console.log(`stored rows: ${partRows.length} parts, ${mb(rowBytes)} in all (structured clone), core ${mb(partRows[0].length)}, largest other ${mb(Math.max(...partRows.slice(1).map((r) => r.length)))}; packed in ${packMs.toFixed(0)} ms`);
const vectorFile = new Uint8Array(readFileSync(new URL('../src/generated/word-vectors.bin', import.meta.url)));
// CPU time (process.cpuUsage) of each step: the machine may be shared, and wall time then counts others' work.
const coldCpu = { clone: [] as number[], namesReady: [] as number[], partsRead: [] as number[], worstPart: [] as number[], vectors: [] as number[], build: [] as number[], firstScan: [] as number[] };
const page = generatePage({ words: 20_000, seed: 7 });
const blocks = [...page.html.matchAll(/<p[^>]*>([\s\S]*?)<\/p>/g)]
  .map((m) => m[1].replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&#39;|&rsquo;/g, '’').replace(/&quot;/g, '"').trim())
  .filter((t) => t.length > 0)
  .slice(0, blockCount);
const NAMES = { person: true, organisation: true, claim: false, quote: false };
for (let round = 0; round < 3; round++) {
  const read = cpu(coldCpu.clone, () => partRows.map((r) => deserialize(r) as MatcherPart));
  // What the page's first batch waits for on a cold side with names first: `core` parsed, checked, a names-only matcher built, one block scanned.
  const reader = cpu(coldCpu.namesReady, () => {
    const r = new MatcherPartsReader(read[0]);
    createMatcher(namesOnly(r.namesPart()!)).scan(blocks[0], { kinds: NAMES });
    return r;
  });
  const perPart: number[] = [];
  cpu(coldCpu.partsRead, () => {
    for (const part of read.slice(1)) cpu(perPart, () => reader.add(part));
  });
  coldCpu.worstPart.push(Math.max(...perPart));
  const stored = reader.finish();
  const vectors = cpu(coldCpu.vectors, () => loadWordVectorsBinary(vectorFile));
  const m = cpu(coldCpu.build, () => createMatcher(stored.data, { quoteBigrams: stored.quoteBigrams, vectors }));
  cpu(coldCpu.firstScan, () => m.scan(blocks[0], { kinds: KINDS }));
}
const cpuLine = Object.entries(coldCpu).map(([k, v]) => `${k} ${median(v).toFixed(1)}`);
console.log(`cold (median of 3, ms CPU): ${cpuLine.join(', ')}`);
console.log(`  names first: the first batch's names wait for clone + namesReady; the whole answer for clone + namesReady + partsRead + build (+ vectors, decoded while the parts load); a request arriving meanwhile waits for worstPart at most, or the build`);
// Layout 3, for comparison: the whole MatcherData as one row, one JSON.parse before anything can answer.
const whole = serialize({ json: new TextEncoder().encode(JSON.stringify(data)) });
const layout3 = { clone: [] as number[], decodeParse: [] as number[], validate: [] as number[] };
for (let round = 0; round < 3; round++) {
  const r = cpu(layout3.clone, () => deserialize(whole) as { json: Uint8Array });
  const parsed = cpu(layout3.decodeParse, () => JSON.parse(new TextDecoder().decode(r.json)) as unknown);
  cpu(layout3.validate, () => validateMatcherCore(parsed));
}
console.log(`layout 3 (one row, median of 3, ms CPU): ${Object.entries(layout3).map(([k, v]) => `${k} ${median(v).toFixed(1)}`).join(', ')}`);

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
