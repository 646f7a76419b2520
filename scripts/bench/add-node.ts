/**
 * The analysis half of "add 10 articles to 5,000" in Node, step by step: reads a corpus file's
 * article records (the cached generated corpus, or --corpus FILE), adds N generated articles with
 * analyseIncrement, compiles the matcher, and prints each step's wall and CPU seconds (CPU counts
 * the collector's helper threads too) and the load average. For profiling an add without a
 * browser: run with `node --cpu-prof --import tsx` or `--trace-gc`. The browser row is add-profile.ts.
 * --ids also analyses the held articles alone and counts the quote and claim group ids the add kept.
 * --state gives the add the held articles' analysis state (made first, not timed) as the store keeps
 * it: compacted into its rows (store/analysis-state.ts), structured-cloned, and made again from the
 * corpus file's claim records (stored-state.ts); prints the rows' size (v8.serialize, the structured
 * clone format) and the CPU of writing and reading them back (the add reads them back before it starts).
 * --reuse gives the compile the held articles' compiled claims as the store keeps them (the held
 * articles analysed and compiled first, not timed; their claim parts read back, timed, as
 * corpus-store.ts does before an add's compile: matcher-row.ts readPreviousClaims).
 * --install (with --state) then installs the add as the import worker does, into a store over
 * fake-indexeddb holding the held articles' generation (installed first with their tokens and state,
 * not timed), and prints the install's CPU split: the per-record compile, the card records built,
 * the matcher's finishParts, and the rest (rows hashed, cloned and put), and the rows the new
 * generation wrote in each store. fake-indexeddb's costs are not a browser's: for comparing versions.
 * --digest prints a hash of the add's index and matcher data (two versions of the code that should give the same can be compared).
 * Run: node --max-old-space-size=6144 --import tsx scripts/bench/add-node.ts [--into 5000] [--add 10] [--corpus FILE] [--tokens] [--ids] [--state] [--reuse] [--install] [--digest]
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { serialize } from 'node:v8';
import { tokenize } from '../../src/core/analysis/02-segment';
import { analyseIncrement } from '../../src/core/analysis/incremental';
import { storeTokens, type StoredTokens } from '../../src/core/analysis/stored-tokens';
import { SCHEMA_VERSION, type ArticleRecord, type ClaimRecord, type CorpusIndex } from '../../src/core/index/types';
import { restoredState, storedState } from '../../src/core/analysis/stored-state';
import { analysisStateRows } from '../../src/store/analysis-state';
import type { AnalysisState } from '../../src/core/analysis/index';
import { compileMatcherReusing } from '../../src/core/match/compile';
import { claimInputsPart, packMatcher, readPreviousClaims, type MatcherPart } from '../../src/store/matcher-row';
import { CorpusStore } from '../../src/store/corpus-store';
import { DATA_STORES, articleGenerations, generationRange } from '../../src/store/db';
import { DetailsInput } from '../../src/store/details-input';
import { MatcherCompiler } from '../../src/core/match/compile';
import { cachedCorpusFile } from './corpus-cache';
import { generateCorpus } from './generate-corpus';

function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

/** Seconds of CPU since `from`. */
function cpuSince(from: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1e6;
}

async function main(): Promise<void> {
  const into = Number(flag('into', '5000'));
  const add = Number(flag('add', '10'));
  const path = flag('corpus', '') || (await cachedCorpusFile(into, console.log)).path;
  const file = JSON.parse(readFileSync(path, 'utf8')) as { articles: ArticleRecord[]; claims: ClaimRecord[] };
  const held = file.articles;
  // Only --state reads the claim records (the drafts of the kept state are made again from them).
  const claimRecords = process.argv.includes('--state') ? file.claims : [];
  (file as { claims?: unknown }).claims = undefined;
  // Ids and addresses of their own: the add refuses an id the corpus holds.
  const added = generateCorpus({ articles: add, seed: 31 }).map((a, k) => ({ ...a, id: `added-${k}`, meta: { ...a.meta, url: `https://add-node.example.org/${k}` } }));
  const heldTokens = new Map<string, StoredTokens>();
  const tokensCpu = process.cpuUsage();
  if (process.argv.includes('--tokens')) {
    for (const record of held) {
      const { tokens, sentenceTokenStart } = tokenize(record.text, record.sentences);
      const kept = storeTokens(tokens, sentenceTokenStart);
      if (kept) heldTokens.set(record.id, kept);
    }
  }
  let tokenCount = 0;
  for (const kept of heldTokens.values()) tokenCount += kept.words.length;
  // What the store's install of a corpus file spends making the same kept tokens (corpus-store.ts keptTokensOf).
  const kept = heldTokens.size ? ` (${heldTokens.size} with kept tokens, ${tokenCount} tokens, made in ${cpuSince(tokensCpu).toFixed(2)} s CPU)` : '';
  console.log(`adding ${add} to ${held.length}${kept} (load ${loadavg()[0].toFixed(2)})`);
  // --state: the held articles analysed alone first (not timed), their analysis state given to the
  // add, as a store that kept the last analysis's state would (claim-reuse.ts).
  let previous: AnalysisState | undefined;
  let heldIndex: CorpusIndex | undefined;
  let heldState: AnalysisState | undefined;
  if (process.argv.includes('--state')) {
    const stateCpu = process.cpuUsage();
    let made: AnalysisState | undefined;
    heldIndex = analyseIncrement(held, [], undefined, { heldTokens, onState: (state) => (made = state) });
    console.log(`  (the held articles' state made in ${cpuSince(stateCpu).toFixed(2)} s CPU, not counted)`);
    const writeCpu = process.cpuUsage();
    if (process.argv.includes('--install')) heldState = made;
    const rows = analysisStateRows(made!, { code: 'add-node', schemaVersion: SCHEMA_VERSION });
    const bytes = rows.reduce((n, row) => n + serialize(row).length, 0);
    const writeS = cpuSince(writeCpu);
    const kept = storedState(made!);
    made = undefined;
    const parts = (['words', 'places', 'articles'] as const).map((k) => `${k} ${(serialize(kept.claims[k]).length / 1e6).toFixed(2)}`).join(', ');
    console.log(`  state rows: ${rows.length}, ${(bytes / 1e6).toFixed(1)} MB structured-clone (claims: ${parts}; diffs ${(serialize(kept.diffs).length / 1e6).toFixed(2)} MB), compacted and cut in ${writeS.toFixed(2)} s CPU (with measuring)`);
    const readCpu = process.cpuUsage();
    previous = restoredState(structuredClone(kept), claimRecords) ?? undefined;
    const records = claimRecords.length;
    // Held no longer, as in the worker (the drafts keep what they need of the records).
    claimRecords.length = 0;
    console.log(`  state read back (cloned, drafts made again from ${records} claim records) in ${cpuSince(readCpu).toFixed(2)} s CPU; ${previous?.claims.size ?? 0} articles`);
  }
  // --reuse: the held corpus's matcher parts and claim input keys, as its stored generation holds them.
  let heldParts: Map<string, MatcherPart> | undefined;
  if (process.argv.includes('--reuse')) {
    const partsCpu = process.cpuUsage();
    const compiled = compileMatcherReusing(heldIndex ?? analyseIncrement(held, [], undefined, { heldTokens }));
    heldParts = new Map([...packMatcher(compiled.data), claimInputsPart(compiled.claimInputs, compiled.claimScan)].map((part) => [part.shard, part]));
    console.log(`  (the held articles' matcher compiled in ${cpuSince(partsCpu).toFixed(2)} s CPU, not counted)`);
  }
  let step = '';
  let wall = performance.now();
  let cpu = process.cpuUsage();
  const report = () => {
    if (step) console.log(`  ${step.padEnd(13)} ${((performance.now() - wall) / 1000).toFixed(2).padStart(6)} s wall ${cpuSince(cpu).toFixed(2).padStart(6)} s CPU`);
  };
  const started = { wall: performance.now(), cpu: process.cpuUsage() };
  const keptTokens = new Map<string, StoredTokens>();
  let addState: AnalysisState | undefined;
  const index = analyseIncrement(held, added, (next) => {
    if (next === step) return;
    report();
    [step, wall, cpu] = [next, performance.now(), process.cpuUsage()];
  }, { heldTokens, previous, keptTokens, onState: (state) => (addState = state) });
  report();
  [step, wall, cpu] = ['compile', performance.now(), process.cpuUsage()];
  const previousClaims = heldParts && (await readPreviousClaims((shard) => Promise.resolve(heldParts.get(shard))));
  if (heldParts && !previousClaims) throw new Error('add-node: the held claims could not be read back');
  const compiled = process.argv.includes('--install') ? null : compileMatcherReusing(index, previousClaims);
  report();
  if (process.argv.includes('--install')) {
    if (!heldIndex || !heldState || !addState) throw new Error('add-node: --install needs --state');
    await installAdd(heldIndex, heldTokens, heldState, index, keptTokens, addState);
  }
  console.log(`  total         ${((performance.now() - started.wall) / 1000).toFixed(2).padStart(6)} s wall ${cpuSince(started.cpu).toFixed(2).padStart(6)} s CPU (load ${loadavg()[0].toFixed(2)})`);
  // The whole run's peak, the corpus file's text and records included: for comparing two versions of the add, not an absolute figure.
  console.log(`  peak RSS      ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  // --digest: a hash of the add's index and matcher data, for checking that two versions of the code give the same.
  if (process.argv.includes('--digest')) console.log(`  digest        index ${digest(index)}, matcher ${compiled ? digest(compiled.data) : '(--install)'}`);
  if (process.argv.includes('--ids')) {
    // How many group ids the add kept: the held articles analysed alone against the add's index.
    const alone = analyseIncrement(held, [], undefined, { heldTokens });
    for (const kind of ['quoteGroups', 'claimGroups'] as const) {
      const before = new Set(alone[kind].map((g) => g.id));
      const kept = index[kind].filter((g) => before.has(g.id)).length;
      const same = new Set(alone[kind].map((g) => `${g.id} ${g.members.map((m) => ('quote' in m ? m.quote : m.claim)).join(' ')}`));
      const sameMembers = index[kind].filter((g) => same.has(`${g.id} ${g.members.map((m) => ('quote' in m ? m.quote : m.claim)).join(' ')}`)).length;
      console.log(`  ${kind}: ${kept} of ${before.size} ids kept (${sameMembers} with the same members), ${index[kind].length} after the add`);
    }
  }
}

/** SHA-256 (first 16 hex digits) of an object's JSON, made field by field and array item by item (no string of the whole). */
function digest(value: object): string {
  const hash = createHash('sha256');
  for (const [field, part] of Object.entries(value)) {
    hash.update(`${field}:`);
    if (Array.isArray(part)) for (const item of part) hash.update(`${JSON.stringify(item)}\n`);
    else hash.update(`${JSON.stringify(part)}\n`);
  }
  return hash.digest('hex').slice(0, 16);
}

/** Seconds of CPU spent in `proto[method]` (patched to count), by name. */
function timed<T extends object>(proto: T, method: keyof T & string, name: string, spent: Map<string, number>): void {
  const inner = proto[method] as unknown as (...args: unknown[]) => unknown;
  (proto as Record<string, unknown>)[method] = function (this: unknown, ...args: unknown[]) {
    const from = process.cpuUsage();
    try {
      return inner.apply(this, args);
    } finally {
      spent.set(name, (spent.get(name) ?? 0) + cpuSince(from));
    }
  };
}

/** --install: the held generation installed (not timed), then the add's install, timed and split. */
async function installAdd(heldIndex: CorpusIndex, heldTokens: Map<string, StoredTokens>, heldState: AnalysisState, index: CorpusIndex, keptTokens: Map<string, StoredTokens>, addState: AnalysisState): Promise<void> {
  // @ts-expect-error: its types are not reachable through its package exports from a script (the tests import it bare, untyped)
  await import('fake-indexeddb/auto');
  const store = await CorpusStore.open(`add-node-${process.pid}`, { gazetteer: () => Promise.resolve(null) });
  const fingerprint = { code: 'add-node', schemaVersion: SCHEMA_VERSION };
  let cpu = process.cpuUsage();
  const { id } = await store.install(heldIndex, { name: 'Held', origin: 'imported', tokens: heldTokens, state: analysisStateRows(heldState, fingerprint) });
  console.log(`  (the held generation installed in ${cpuSince(cpu).toFixed(2)} s CPU, not counted)`);
  const meta = (await store.meta(id))!;
  const state = analysisStateRows(addState, fingerprint);
  const spent = new Map<string, number>();
  timed(MatcherCompiler.prototype, 'add', 'compile.add', spent);
  timed(MatcherCompiler.prototype, 'finishParts', 'compile', spent);
  timed(DetailsInput.prototype, 'add', 'cards.add', spent);
  cpu = process.cpuUsage();
  const wall = performance.now();
  await store.install(index, { id, name: 'Held', origin: 'imported', tokens: keptTokens, state, heldArticles: { from: articleGenerations(meta), ids: new Set(heldIndex.articles.map((a) => a.id)) } });
  const total = cpuSince(cpu);
  const split = [...spent].map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ');
  const rest = total - [...spent.values()].reduce((a, b) => a + b, 0);
  console.log(`  install       ${((performance.now() - wall) / 1000).toFixed(2).padStart(6)} s wall ${total.toFixed(2).padStart(6)} s CPU (${split}, the rest ${rest.toFixed(2)})`);
  const after = (await store.meta(id))!;
  const counts: string[] = [];
  for (const s of DATA_STORES) counts.push(`${s} ${await store.db.count(s, generationRange(after.data))}`);
  console.log(`  rows written  ${counts.join(', ')} (the database now holds ${await store.db.count('records')} record rows, ${await store.db.count('details')} card rows)`);
  store.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
