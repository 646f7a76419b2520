/**
 * The "add 10 articles to 5,000" import row alone (issue 12), for working on it: builds the Chrome
 * extension (or takes --ext DIR), installs the cached generated corpus (corpus-cache.ts) in a fresh
 * profile, adds a news-please export of N articles through the Corpora page `rounds` times, and
 * prints each add's wall time, the browser's CPU time over it and the load average. Console lines
 * of extension pages and workers that start with "import:" are echoed (timings a developer adds
 * while profiling), each with the browser's CPU time since the add began when the line came (read
 * after it arrives, so a phase's CPU is about the difference of two lines: on a loaded machine a
 * fairer split than the wall times the lines give). The bench's row (`npm run bench -- --only store`) is the judged figure.
 * --corpus FILE installs that corpus file instead (e.g. the cached one of an earlier version of the
 * analysis code, to compare a change without building the corpus again: an add re-reads the
 * articles only, so an older file's articles serve as well). The install keeps each article's
 * tokens as an import does, so the corpus added to is as a reader has it. --rounds 2 or more: the
 * later adds read article rows shared over several generations (CorpusMeta.articlesFrom).
 * --reads N: after the adds, N rounds of the reads an add starts with, each alone from an extension
 * page with the browser's CPU over it: the articles with their tokens (CorpusStore
 * readArticlesWithTokens, validation included), the same article rows as they are stored, the
 * analysis state's rows and the claim record rows its drafts are made from (store/analysis-state.ts
 * readAnalysisState reads both). In the worker the state's and the articles' reads run together.
 * --threads (Linux): each echoed line and each add's figure also give the CPU seconds of the busiest
 * threads of the browser since the add began (/proc): which thread the work was on, so the wall an
 * add would take on an idle machine can be told from a loaded one (a phase takes at least the CPU of
 * its busiest thread; two threads at once, their CPU shared over the two cores).
 * Run: npx tsx scripts/bench/add-profile.ts [--into 5000] [--add 10] [--ext DIR] [--rounds 1] [--corpus FILE] [--reads 0] [--threads]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync, readdirSync } from 'node:fs';
import { buildChromeExtension } from './bundles';
import { cachedCorpusFile } from './corpus-cache';
import { browserCpuMs, importThroughPage, writeNewsPleaseExport } from './import-bench';
import { launchWithExtension } from './launch';
import { MANIFEST } from '../../src/store/db';

/**
 * CPU seconds so far of every thread of the browser's processes (those whose command line names
 * `profile`), by "pid/tid name", from /proc (Linux; empty elsewhere). Which thread did the work: the
 * import worker and its matcher worker are threads named DedicatedWorker in one renderer.
 */
function threadCpu(profile: string): Map<string, number> {
  const out = new Map<string, number>();
  const tick = 100;
  let pids: string[] = [];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return out;
  }
  for (const pid of pids) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(profile)) continue;
      for (const tid of readdirSync(`/proc/${pid}/task`)) {
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        out.set(`${pid}/${tid} ${name}`, (Number(fields[11]) + Number(fields[12])) / tick);
      }
    } catch {
      // A process or thread gone meanwhile.
    }
  }
  return out;
}

/** The threads that used most CPU since `since`, as "name seconds" (top `n`, then the rest summed). */
function busiestThreads(now: Map<string, number>, since: Map<string, number>, n = 4): string {
  const used = [...now].map(([k, v]) => [k, v - (since.get(k) ?? 0)] as const).filter(([, v]) => v > 0).sort((a, b) => b[1] - a[1]);
  const top = used.slice(0, n).map(([k, v]) => `${k.split(' ').slice(1).join(' ')} ${k.split(' ')[0]!.split('/')[1]} ${v.toFixed(2)}`);
  const rest = used.slice(n).reduce((sum, [, v]) => sum + v, 0);
  return [...top, `rest ${rest.toFixed(2)}`].join(', ');
}

function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] ?? fallback : fallback;
}

async function main(): Promise<void> {
  const into = Number(flag('into', '5000'));
  const add = Number(flag('add', '10'));
  const rounds = Number(flag('rounds', '1'));
  const tmp = await mkdtemp(join(tmpdir(), 'cl-add-profile-'));
  let ext = flag('ext', '');
  if (!ext) {
    ext = join(tmp, 'ext');
    console.log('building the extension…');
    await buildChromeExtension(ext);
  }
  const given = flag('corpus', '');
  const file = given ? { path: given } : await cachedCorpusFile(into, console.log);
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
    res.end(readFileSync(file.path));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/corpus.json`;
  const profile = join(tmp, 'profile');
  const context = await launchWithExtension(profile, ext);
  try {
    // The browser's CPU when the current add began (null before the first).
    let cpuStart: number | null = null;
    // Each thread's CPU when the current add began (--threads).
    const threads = process.argv.includes('--threads');
    let threadsStart = new Map<string, number>();
    context.on('console', (m) => {
      const text = m.text();
      if (!text.startsWith('import:')) return;
      const start = cpuStart;
      const byThread = threads ? ` {${busiestThreads(threadCpu(profile), threadsStart)}}` : '';
      void browserCpuMs(context).then((cpu) => console.log(`  ${text}${cpu === null || start === null ? '' : ` [browser CPU ${((cpu - start) / 1000).toFixed(1)} s]`}${byThread}`));
    });
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
    const base = `chrome-extension://${new URL(worker.url()).host}/`;
    const helper = await context.newPage();
    await helper.goto(`${base}src/ui/popup/index.html`);
    const storeChunk = readdirSync(join(ext, 'assets')).find((f) => /^corpus-store-.*\.js$/.test(f));
    if (!storeChunk) throw new Error('no corpus-store chunk');
    const installed = (await helper.evaluate(`(async () => {
      const index = await (await fetch(${JSON.stringify(url)})).json();
      const module = await import(${JSON.stringify(`/assets/${storeChunk}`)});
      const Store = Object.values(module).find((v) => typeof v === 'function' && typeof v.open === 'function' && 'readIndex' in v.prototype);
      const store = await Store.open();
      const started = performance.now();
      const value = await store.install(index, { name: 'Profile ${into}', origin: 'imported' });
      const ms = performance.now() - started;
      store.close();
      return { id: value.id, ms };
    })()`)) as { id: string; ms: number };
    console.log(`installed ${into} in ${(installed.ms / 1000).toFixed(1)} s`);
    for (let r = 0; r < rounds; r++) {
      const export_ = join(tmp, `add-${add}-${r}.jsonl`);
      writeNewsPleaseExport(export_, add, 31 + r);
      const load = loadavg()[0];
      cpuStart = await browserCpuMs(context);
      if (threads) threadsStart = threadCpu(profile);
      const { ms, cpuMs } = await importThroughPage(context, base, export_, { addTo: installed.id });
      console.log(`add ${add} to ${into + r * add}: ${(ms / 1000).toFixed(1)} s wall, browser CPU ${cpuMs === null ? '?' : (cpuMs / 1000).toFixed(1)} s (load ${load.toFixed(2)})`);
      if (threads) console.log(`  CPU s by thread over the add: ${busiestThreads(threadCpu(profile), threadsStart, 8)}`);
    }
    const reads = Number(flag('reads', '0'));
    for (let k = 0; k < reads; k++) {
      for (const what of ['articles with tokens', 'article rows', 'state rows', 'claim record rows'] as const) {
        const cpu = await browserCpuMs(context);
        const wall = performance.now();
        const rows = (await helper.evaluate(`(async () => {
          const module = await import(${JSON.stringify(`/assets/${storeChunk}`)});
          const Store = Object.values(module).find((v) => typeof v === 'function' && typeof v.open === 'function' && 'readIndex' in v.prototype);
          const store = await Store.open();
          try {
            const meta = await store.meta(${JSON.stringify(installed.id)});
            const range = (key) => IDBKeyRange.bound([key], [key, []]);
            switch (${JSON.stringify(what)}) {
              case 'articles with tokens': return (await store.readArticlesWithTokens(meta.id)).articles.length;
              case 'article rows': {
                let n = 0;
                for (const key of [...(meta.articlesFrom ?? []), meta.data]) n += (await store.db.getAll('articles', range(key))).length;
                return n;
              }
              case 'state rows': return (await store.db.getAll('state', range(meta.data))).length;
              default: {
                const manifest = await store.db.get('records', [meta.data, ${JSON.stringify(MANIFEST)}, 0]);
                const refs = manifest.refs.filter((r) => r.coll === 'claims');
                return (await Promise.all(refs.map((r) => store.db.get('records', [r.from, r.coll, r.n])))).length;
              }
            }
          } finally {
            store.close();
          }
        })()`)) as number;
        const used = await browserCpuMs(context);
        console.log(`read ${what}: ${rows} rows, browser CPU ${cpu === null || used === null ? '?' : ((used - cpu) / 1000).toFixed(2)} s, ${((performance.now() - wall) / 1000).toFixed(2)} s wall (load ${loadavg()[0].toFixed(2)})`);
      }
    }
  } finally {
    await context.close();
    server.close();
    await rm(tmp, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
