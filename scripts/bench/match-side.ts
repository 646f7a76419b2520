/**
 * The matching side's `matchBlocks` in Node, as the store bench's "matching side per 1,000 words"
 * row measures it in Chromium (issue 11, item 5): a generated 20,000-word page's article blocks in
 * the content script's batches (BATCH_MAX_BLOCKS / BATCH_MAX_CHARS), each request and reply through
 * JSON as extension messaging carries them, against a generated corpus's matcher with the shipped
 * word vectors. CPU ms per 1,000 words for names alone and all kinds, the matcher's scan alone beside
 * the whole handler, and compromise's `people()` on the same text (the like-for-like baseline).
 * `--prof names|all` profiles that pass instead (node:inspector) and prints the top self-time
 * functions (`--save PREFIX` also writes PREFIX-N.cpuprofile).
 *
 * `--store`: names only through the store's corpus source as well (background/store-corpus-source,
 * a real CorpusStore over fake-indexeddb whose matcher read gives the generated data): with the
 * corpus list kept between requests ("kept"), and with a change notice before every request, so
 * every request reads the list from the store again ("read each request", what the matching side
 * did before it kept the list). fake-indexeddb runs in this process, so its reads' CPU is counted
 * here; Chromium's IndexedDB does part of that work in another process.
 *
 * The matcher data is compiled in a child process: compiling runs the same tokenizer over corpus
 * text, and doing it in this process gave the page's tokenising a third more CPU than the matching
 * side (which only deserialises compiled data) pays.
 *
 *   npx tsx scripts/bench/match-side.ts [articles=5,500,5000] [--rounds 7] [--prof names|all] [--top 25] [--store]
 */
import { spawnSync } from 'node:child_process';
import { register } from 'node:module';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Session } from 'node:inspector/promises';
import nlp from 'compromise';
import { generatedMatcherData, pageBlocks, shippedVectors, wordCount } from './match-fixtures';
import { createMatcher, type ScanOptions } from '../../src/core/match/scan';
import type { MatcherData } from '../../src/core/match/data';
import { createMatchingSide } from '../../src/background/matching';
import { BATCH_MAX_BLOCKS, BATCH_MAX_CHARS } from '../../src/page/page-scan';
import type { CorpusIndex, DetectionKind } from '../../src/core/index/types';

const args = process.argv.slice(2);
if (args[0] === '--write-data') {
  writeFileSync(args[2], JSON.stringify(await generatedMatcherData(Number(args[1]))));
  process.exit(0);
}

/** The generated corpus's matcher data, compiled in a child process. */
function matcherData(articles: number): MatcherData {
  const dir = mkdtempSync(join(tmpdir(), 'cl-match-side-'));
  try {
    const file = join(dir, 'data.json');
    const child = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--write-data', String(articles), file], { stdio: ['ignore', 'inherit', 'inherit'] });
    if (child.status !== 0) throw new Error(`compiling the ${articles}-article matcher data failed (exit ${child.status})`);
    return JSON.parse(readFileSync(file, 'utf8')) as MatcherData;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const flag = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const sizes = (args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? '5,500,5000').split(',').map(Number);
const rounds = Number(flag('--rounds') ?? 7);
const prof = flag('--prof');
const viaStore = args.includes('--store');
const top = Number(flag('--top') ?? 25);

const ALL: Record<DetectionKind, boolean> = { person: true, organisation: true, quote: true, claim: true };
const NAMES = { person: true, organisation: true } as Record<DetectionKind, boolean>;

/** Median CPU ms (user + system) of `rounds` runs of `f`, after one warm-up. */
async function cpuMs(f: () => Promise<void> | void): Promise<number> {
  await f();
  const runs: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const c0 = process.cpuUsage();
    await f();
    const c = process.cpuUsage(c0);
    runs.push((c.user + c.system) / 1000);
  }
  runs.sort((a, b) => a - b);
  return runs[Math.floor(runs.length / 2)];
}

/** The content script's batches: closed at BATCH_MAX_BLOCKS blocks or BATCH_MAX_CHARS characters. */
function batches(blocks: string[]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < blocks.length; ) {
    let j = i;
    let chars = 0;
    while (j < blocks.length && j - i < BATCH_MAX_BLOCKS && chars < BATCH_MAX_CHARS) chars += blocks[j++].length;
    out.push(blocks.slice(i, j));
    i = j;
  }
  return out;
}

const blocks = pageBlocks(20_000, 7, 20_000);
const words = wordCount(blocks);
const per1k = (ms: number) => ((ms / words) * 1000).toFixed(3);
const text = blocks.join('\n\n');
const compromise = await cpuMs(() => void nlp(text).people().out('array'));
console.log(`page: ${blocks.length} blocks in ${batches(blocks).length} batches, ${words} words; CPU ms per 1,000 words, median of ${rounds}; compromise people() ${per1k(compromise)}`);

for (const articles of sizes) {
  const data = matcherData(articles);
  const matcher = createMatcher(data, { vectors: shippedVectors() });
  const side = createMatchingSide(() => ({
    active: async () => [{ id: 'bench', name: 'bench', match: async (t: string, o?: ScanOptions) => matcher.scan(t, o), details: async () => null }],
  }));
  const scanOnly = (kinds: Record<DetectionKind, boolean>) => () => {
    for (const b of blocks) matcher.scan(b, { kinds, pageUrl: 'bench.invalid/' });
  };
  const handler = (kinds: Record<DetectionKind, boolean>) => async () => {
    for (const list of batches(blocks)) {
      const payload = JSON.parse(JSON.stringify({ blocks: list, kinds, page: 'https://bench.invalid/' })) as Parameters<typeof side.matchBlocks>[0];
      JSON.parse(JSON.stringify(await side.matchBlocks(payload)));
    }
  };
  if (prof) {
    const kinds = prof === 'all' ? ALL : NAMES;
    const run = handler(kinds);
    await run();
    const session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 100 });
    await session.post('Profiler.start');
    const c0 = process.cpuUsage();
    for (let r = 0; r < rounds; r++) await run();
    const c = process.cpuUsage(c0);
    const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]; samples: number[]; timeDeltas: number[] } };
    session.disconnect();
    if (flag('--save')) writeFileSync(`${flag('--save')}-${articles}.cpuprofile`, JSON.stringify(profile));
    const self = new Map<number, number>();
    profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
    const byFn = new Map<string, number>();
    let total = 0;
    for (const n of profile.nodes) {
      const us = self.get(n.id) ?? 0;
      if (!us || n.callFrame.functionName === '(idle)') continue;
      total += us;
      const fn = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`;
      byFn.set(fn, (byFn.get(fn) ?? 0) + us);
    }
    console.log(`\n${articles} articles, ${prof}: CPU ${per1k((c.user + c.system) / 1000 / rounds)} ms per 1,000 words; self time share:`);
    for (const [f, us] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${((100 * us) / total).toFixed(1).padStart(5)}%  ${f}`);
    continue;
  }
  // Two warm-up passes of each, then the four measured round by round, so every figure sees the same load and JIT state.
  const runs = { names: handler(NAMES), namesScan: scanOnly(NAMES), all: handler(ALL), allScan: scanOnly(ALL) };
  const cpu: Record<keyof typeof runs, number[]> = { names: [], namesScan: [], all: [], allScan: [] };
  for (let r = -2; r < rounds; r++) {
    for (const key of Object.keys(runs) as (keyof typeof runs)[]) {
      const c0 = process.cpuUsage();
      await runs[key]();
      const c = process.cpuUsage(c0);
      if (r >= 0) cpu[key].push((c.user + c.system) / 1000);
    }
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const [names, namesScan, all, allScan] = [med(cpu.names), med(cpu.namesScan), med(cpu.all), med(cpu.allScan)];
  console.log(
    `${articles} articles: names only ${per1k(names)} (scan ${per1k(namesScan)}) = ${(compromise / names).toFixed(0)}x compromise; all kinds ${per1k(all)} (scan ${per1k(allScan)}) = ${(compromise / all).toFixed(1)}x`,
  );
  if (viaStore) {
    const { kept, uncached } = await storeHandlers(data);
    const cpuStore: Record<'kept' | 'uncached', number[]> = { kept: [], uncached: [] };
    for (let r = -2; r < rounds; r++) {
      for (const [key, run] of [['kept', kept], ['uncached', uncached]] as const) {
        const c0 = process.cpuUsage();
        await run();
        const c = process.cpuUsage(c0);
        if (r >= 0) cpuStore[key].push((c.user + c.system) / 1000);
      }
    }
    const [k, u] = [med(cpuStore.kept), med(cpuStore.uncached)];
    console.log(`${articles} articles through the store source, names only: list kept ${per1k(k)} = ${(compromise / k).toFixed(0)}x compromise; list read each request ${per1k(u)} = ${(compromise / u).toFixed(0)}x`);
  }
}

/**
 * `--store`: the page's batches, names only, through createStoreCorpusSource over a CorpusStore in
 * fake-indexeddb holding one (empty) corpus whose matcher read returns `data`. `uncached` sends a
 * change notice before each request (the list is read from the store every time).
 */
async function storeHandlers(data: MatcherData): Promise<{ kept: () => Promise<void>; uncached: () => Promise<void> }> {
  const fakeIndexedDb = 'fake-indexeddb/auto'; // (its types are not reachable through its exports)
  await import(fakeIndexedDb);
  // The background imports packaged files as `…?url` (vite); the word vectors are not needed for names.
  register(`data:text/javascript,${encodeURIComponent(`export async function resolve(s, c, next) { if (s.endsWith('?url')) return { url: 'data:text/javascript,export default "/none"', shortCircuit: true }; return next(s, c); }`)}`);
  const { createStoreCorpusSource } = await import('../../src/background/store-corpus-source');
  const { CorpusStore } = await import('../../src/store/corpus-store');
  const store = await CorpusStore.open(`match-side-${process.pid}-${data.entities.length}`);
  const empty = { schemaVersion: 1, articles: [], entities: [], ambiguous: [], quotes: [], quoteGroups: [], claims: [], claimGroups: [] } as unknown as CorpusIndex;
  await store.install(empty, { name: 'bench', origin: 'imported' });
  store.readMatcher = async (_meta, onNames) => {
    onNames?.(data);
    return { data };
  };
  let notify: () => void = () => undefined;
  const listen = store.onCorporaChange.bind(store);
  store.onCorporaChange = (listener) => {
    notify = listener;
    return listen(listener);
  };
  const source = createStoreCorpusSource(async () => store);
  const side = createMatchingSide(() => source);
  const run = (each: () => void) => async () => {
    for (const list of batches(blocks)) {
      each();
      const payload = JSON.parse(JSON.stringify({ blocks: list, kinds: NAMES, page: 'https://bench.invalid/' })) as Parameters<typeof side.matchBlocks>[0];
      JSON.parse(JSON.stringify(await side.matchBlocks(payload)));
    }
  };
  await run(() => undefined)(); // loads the corpus's matcher
  return { kept: run(() => undefined), uncached: run(() => notify()) };
}
