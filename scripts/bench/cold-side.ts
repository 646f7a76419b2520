/**
 * A cold matching side in Node (issue 11, item 5: first marker with a cold matching side): the real
 * store corpus source and matching side over a generated corpus's matcher parts (store layout 4,
 * read one part at a time as CorpusStore.readMatcher does, each read a macrotask away, as an
 * IndexedDB get is), with the word vectors arriving after VECTORS_MS. From the wake, a page's
 * first batch (names first, as the content script sends it) is sent at each of a range of delays,
 * each on a fresh cold start, and the CPU time the process spent from sending it to its answer is
 * recorded (what ran before the answer: the task it met, then the names); beside it, the longest
 * task (CPU time between two turns of a timer chain) from the wake to that answer, which is what a
 * batch arriving at the wrong moment waits for. CPU time, so a shared machine's load counts less. `--steps` prints the CPU time of each step of the cold start once,
 * and of each piece of the claim scorer's build as the matching side runs it (Matcher.prepareSteps).
 *
 *   node --expose-gc --import tsx scripts/bench/cold-side.ts [articles=5000] [--data FILE] [--rounds 3] [--steps]
 *
 * `--data FILE`: MatcherData JSON to use instead of compiling the generated corpus (in a child
 * process, as match-side.ts does). `--at MS,MS…`: send the first batch at these points only.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { register } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pageBlocks, shippedVectors } from './match-fixtures';
import { createMatcher } from '../../src/core/match/scan';
import type { MatcherData } from '../../src/core/match/data';
import { namesOnly, packMatcher, type MatcherPart } from '../../src/store/matcher-row';
import { MatcherPartsReader } from '../../src/store/validate-stored';
import type { CorpusStore } from '../../src/store/corpus-store';
import type { CorpusMeta } from '../../src/store/db';

// The background imports packaged files as `…?url` (vite): here such an import is the file's URL,
// and fetching a file URL reads the file (the word vectors, as the service worker fetches them).
register(
  `data:text/javascript,${encodeURIComponent(`export async function resolve(s, c, next) { if (s.endsWith('?url')) { const { url } = await next(s.slice(0, -4), c); return { url: 'data:text/javascript,export default ' + encodeURIComponent(JSON.stringify(url)), shortCircuit: true }; } return next(s, c); }`)}`,
);
const realFetch = globalThis.fetch;
globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
  const url = String(input instanceof Request ? input.url : input);
  return url.startsWith('file:') ? new Response(readFileSync(fileURLToPath(url))) : realFetch(input, init);
}) as typeof fetch;
const { createStoreCorpusSource, PREPARE_IDLE_MS = 0 } = (await import('../../src/background/store-corpus-source')) as typeof import('../../src/background/store-corpus-source');
const { createMatchingSide } = await import('../../src/background/matching');

const args = process.argv.slice(2);
const flag = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const articles = Number(args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? 5000);
const rounds = Number(flag('--rounds') ?? 3);
/** The vectors' fetch in the service worker (word-vectors.ts: 170-210 ms measured in Chromium). */
const VECTORS_MS = 200;
/** When the first batch is sent: ms of CPU time after the wake (the whole cold start takes ~700 at 5,000 articles). */
const SEND_AT = flag('--at')?.split(',').map(Number) ?? [0, 25, 50, 100, 150, 200, 300, 400, 500, 550, 600, 650, 700, 750, 800, 900, 1000];
/** Blocks of the first batch: the viewport's (page-scan MAX_VIEWPORT_BLOCKS). */
const VIEWPORT_BLOCKS = 60;

function matcherData(): MatcherData {
  const file = flag('--data');
  if (file) return JSON.parse(readFileSync(resolve(file), 'utf8')) as MatcherData;
  const dir = mkdtempSync(join(tmpdir(), 'cl-cold-side-'));
  try {
    const out = join(dir, 'data.json');
    const child = spawnSync(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, 'match-side.ts'), '--write-data', String(articles), out], { stdio: ['ignore', 'inherit', 'inherit'] });
    if (child.status !== 0) throw new Error(`compiling the ${articles}-article matcher data failed (exit ${child.status})`);
    return JSON.parse(readFileSync(out, 'utf8')) as MatcherData;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Only the parts are kept (the data itself would make this heap, and its collections, far larger than the service worker's).
const parts = packMatcher(matcherData());
const byShard = new Map<string, MatcherPart>(parts.map((p) => [p.shard, p]));
const vectors = shippedVectors();
const meta = { id: 'bench', data: 'gen-1', name: 'bench', active: true, status: 'ready' } as unknown as CorpusMeta;
const macrotask = () => new Promise<void>((r) => setTimeout(r, 0));

/** The store's side of a cold start: readMatcher as CorpusStore reads layout 4, each row a macrotask away. */
const store = {
  async metas() {
    await macrotask();
    return [meta];
  },
  async readMatcher(_meta: CorpusMeta, onNames?: (names: MatcherData) => void) {
    await macrotask();
    const reader = new MatcherPartsReader(byShard.get('core')!);
    onNames?.(namesOnly(reader.namesPart()!));
    for (const shard of reader.parts) {
      await macrotask();
      reader.add(byShard.get(shard));
    }
    return reader.finish();
  },
  onCorporaChange() {
    return () => undefined;
  },
  async markBroken() {
    throw new Error('the bench corpus broke');
  },
  async readDetails() {
    return null;
  },
} as unknown as CorpusStore;

const cpuMs = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1000;

if (args.includes('--steps')) {
  const step = (label: string, f: () => unknown) => {
    const c0 = process.cpuUsage();
    const out = f();
    console.log(`${label.padEnd(44)} ${cpuMs(process.cpuUsage(c0)).toFixed(1).padStart(7)} ms CPU`);
    return out;
  };
  const reader = step('core part: parse and validate', () => new MatcherPartsReader(byShard.get('core')!)) as MatcherPartsReader;
  step('names-only matcher', () => createMatcher(namesOnly(reader.namesPart()!), { deferClaims: true }));
  let worst = { shard: '', ms: 0 };
  let sum = 0;
  for (const shard of reader.parts) {
    const c0 = process.cpuUsage();
    reader.add(byShard.get(shard));
    const ms = cpuMs(process.cpuUsage(c0));
    sum += ms;
    if (ms > worst.ms) worst = { shard, ms };
  }
  console.log(`${`the other ${reader.parts.length} parts (longest: ${worst.shard})`.padEnd(44)} ${sum.toFixed(1).padStart(7)} ms CPU (${worst.ms.toFixed(1)})`);
  const stored = step('join the parts', () => reader.finish()) as ReturnType<MatcherPartsReader['finish']>;
  const m = step('whole matcher, claims deferred', () => createMatcher(stored.data, { vectors, quoteBigrams: stored.quoteBigrams, deferClaims: true })) as ReturnType<typeof createMatcher>;
  step('claim scorer and quote matcher (prepare)', () => m.prepare());
  // The same build in steps, as the matching side runs it (Matcher.prepareSteps): each piece a task.
  const stepped = createMatcher(stored.data, { vectors, quoteBigrams: stored.quoteBigrams, deferClaims: true });
  const pieces: number[] = [];
  const steps = stepped.prepareSteps();
  for (let done = false; !done; ) {
    const c0 = process.cpuUsage();
    done = steps.next().done === true;
    pieces.push(cpuMs(process.cpuUsage(c0)));
  }
  console.log(`${`the same in ${pieces.length} steps (longest)`.padEnd(44)} ${pieces.reduce((a, b) => a + b, 0).toFixed(1).padStart(7)} ms CPU (${Math.max(...pieces).toFixed(1)}: ${pieces.map((p) => p.toFixed(0)).join(' + ')})`);
}

const blocks = pageBlocks(20_000, 7, 20_000).slice(0, VIEWPORT_BLOCKS);
const ALL = { person: true, organisation: true, claim: true, quote: true };

/** One cold start: the first batch sent `sendAt` ms after the wake; its answer time and the start's longest task. */
async function coldStart(sendAt: number): Promise<{ answerMs: number; names: number; longestTaskMs: number }> {
  let vectorsReady: () => void = () => undefined;
  const vectorsArrive = new Promise<void>((r) => (vectorsReady = r));
  setTimeout(vectorsReady, VECTORS_MS);
  const source = createStoreCorpusSource(async () => store, () => vectorsArrive);
  const side = createMatchingSide(() => source, () => vectorsArrive);
  // The longest gap between two turns of a timer chain: the longest task that ran meanwhile.
  // In CPU time (the machine may be shared: wall time would count other processes' turns).
  let longest = 0;
  let last = process.cpuUsage();
  let probing = true;
  const probe = () => {
    const now = process.cpuUsage();
    longest = Math.max(longest, cpuMs(process.cpuUsage(last)));
    last = now;
    if (probing) setTimeout(probe, 0);
  };
  setTimeout(probe, 0);
  const woke = performance.now();
  void source.active(); // the tab starting to load wakes the matching side (background/index.ts)
  // `sendAt` ms of this process's CPU time after the wake (a shared machine stretches wall time).
  const woken = process.cpuUsage();
  while (cpuMs(process.cpuUsage(woken)) < sendAt) await macrotask();
  const sent = process.cpuUsage();
  const reply = await side.matchBlocks({ blocks, kinds: ALL, partial: true, namesFirst: true });
  const answerMs = cpuMs(process.cpuUsage(sent));
  // The longest task a first batch could have met: from the wake to its answer.
  probing = false;
  probe();
  // The rest of the cold start: the page asks for the whole answer.
  await side.matchBlocks({ blocks, kinds: ALL });
  await macrotask();
  void woke;
  // The next start begins from nothing: this one's idle timer has run and its heap is collected.
  await new Promise((r) => setTimeout(r, PREPARE_IDLE_MS + 50));
  (globalThis as { gc?: () => void }).gc?.();
  return { answerMs, names: reply.matches.flat().length, longestTaskMs: longest };
}

console.log(`${articles} articles, ${parts.length} parts; first batch ${blocks.length} blocks, names first; CPU ms from the batch sent to its answer, median of ${rounds} cold starts; longest task from the wake to that answer`);
const all: number[] = [];
for (const at of SEND_AT) {
  const runs: { answerMs: number; names: number; longestTaskMs: number }[] = [];
  for (let r = 0; r < rounds; r++) runs.push(await coldStart(at));
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const answer = med(runs.map((r) => r.answerMs));
  all.push(...runs.map((r) => r.answerMs));
  console.log(`  sent at ${String(at).padStart(5)} ms CPU: answered in ${answer.toFixed(1).padStart(6)} ms (worst ${Math.max(...runs.map((r) => r.answerMs)).toFixed(1)}), ${runs[0].names} matches; longest task ${med(runs.map((r) => r.longestTaskMs)).toFixed(1)} ms`);
}
console.log(`worst answer over every start: ${Math.max(...all).toFixed(1)} ms`);
