/**
 * `npm run bench`: builds what it needs into a temporary folder, then measures (issue 6)
 *   1. page scan on generated news pages of 2k / 20k / 200k article words in headless Chromium:
 *      FLOOR, OURS (real content-script modules) and BASELINE (compromise) interleaved per round;
 *   2. card open latency; 3. sizes; 4. corpus build scaling; 5. Node matcher throughput;
 * and prints a fixed-width table with each budget's verdict.
 *
 * Flags: --json FILE (same data as JSON), --check (exit 1 when a budget is missed),
 *        --rounds N (default 7), --quick (2k and 20k pages, 3 rounds, corpora up to 500: a smoke run),
 *        --pages 2,20 (page sizes in thousands of words), --no-corpus, --no-browser,
 *        --only build (the corpus build rows alone, judged on the build budgets alone),
 *        --articles 500,20000 (corpus sizes of the build rows; default 5,500,5000,20000),
 *        --screenshot FILE (the first page after marking),
 *        --only store (the corpus-size table alone: the extension with generated corpora in its store,
 *        plus the import rows), --no-store, --store-rounds N (loads per page and size, default 3),
 *        --imports 1000,10000 (import rows; "none" for none), --articles also sets the table's sizes.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { CHROMIUM_BIN } from '../lib/chromium';
import { launchBenchBrowser, runBrowserBench, screenshotMarkedPage, type BenchPage } from './browser-bench';
import { buildChromeExtension, buildPageBundles, weighScript } from './bundles';
import { runCardBench } from './card-bench';
import { runCorpusBench } from './corpus-bench';
import { runStoreBench } from './store-bench';
import { generatePage } from './generate-page';
import { machineInfo } from './machine';
import { measureReranker, measureThroughput, rerankerText } from './node-bench';
import { formatTable, judge, type BenchResults } from './report';
import { serveDir } from './server';
import { prepareIndex } from './prepare-index';
import { measureSizes, weighFile } from './sizes';
import { ROOT, readSeeds } from './seed-text';


interface Args {
  json: string | null;
  check: boolean;
  rounds: number;
  quick: boolean;
  corpus: boolean;
  browser: boolean;
  screenshot: string | null;
  pages: number[] | null;
  onlyBuild: boolean;
  onlyStore: boolean;
  store: boolean;
  storeRounds: number;
  imports: number[] | null;
  articles: number[] | null;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { json: null, check: false, rounds: 7, quick: false, corpus: true, browser: true, screenshot: null, pages: null, onlyBuild: false, onlyStore: false, store: true, storeRounds: 3, imports: null, articles: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') args.json = argv[++i] ?? null;
    else if (a === '--check') args.check = true;
    else if (a === '--rounds') args.rounds = Math.max(1, Number(argv[++i]));
    else if (a === '--quick') args.quick = true;
    else if (a === '--no-corpus') args.corpus = false;
    else if (a === '--no-browser') args.browser = false;
    else if (a === '--no-store') args.store = false;
    else if (a === '--store-rounds') args.storeRounds = Math.max(1, Number(argv[++i]));
    else if (a === '--imports') {
      const v = argv[++i] ?? '';
      args.imports = v === 'none' ? [] : v.split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
    } else if (a === '--only') {
      const part = argv[++i];
      if (part === 'build') args.onlyBuild = true;
      else if (part === 'store') args.onlyStore = true;
      else throw new Error(`bench: --only takes "build" or "store", got ${part ?? 'nothing'}`);
    } else if (a === '--articles') {
      args.articles = (argv[++i] ?? '').split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
      if (!args.articles.length) throw new Error('bench: --articles needs sizes such as 500,20000');
    }
    else if (a === '--screenshot') args.screenshot = argv[++i] ?? null;
    else if (a === '--pages') args.pages = (argv[++i] ?? '').split(',').map((k) => Math.round(Number(k) * 1000)).filter((n) => n > 0);
    else throw new Error(`bench: unknown argument ${a}`);
  }
  if (args.json === '') throw new Error('bench: --json needs a file name');
  if (args.quick && !argv.includes('--rounds')) args.rounds = 3;
  return args;
}

/** Corpus sizes of the build rows and the store table (issue 11): the bundled corpus's size up to a reader's large corpus. */
const CORPUS_SIZES = [5, 500, 5_000, 20_000];
/** Page sizes (article words) of the store table (issue 11: one scan at 20k and 200k words). */
const STORE_PAGE_WORDS = [20_000, 200_000];
/** Import rows (issue 12): new corpora of these many articles, and 10 articles added to 5,000. */
const IMPORT_SIZES = [1_000, 10_000];
const ADD = { into: 5_000, articles: 10 };

const log = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const notes: string[] = [];
  const tmp = mkdtempSync(join(tmpdir(), 'cl-bench-build-'));
  const cleanups: (() => Promise<void>)[] = [async () => rmSync(tmp, { recursive: true, force: true })];
  const results: BenchResults = {
    machine: machineInfo(CHROMIUM_BIN),
    rounds: args.rounds,
    warmup: 1,
    pages: [],
    card: null,
    sizes: null,
    throughput: null,
    reranker: null,
    corpus: [],
    store: [],
    imports: [],
    notes,
  };
  let generatedDir = join(ROOT, 'src/generated');
  try {
    if (args.onlyBuild) notes.push('--only build: page scan, card, sizes and throughput not measured; only the build budgets judged');
    if (args.onlyStore) notes.push('--only store: the corpus-size table and import rows (and sizes) alone; only their budgets judged');
    // --- build ---------------------------------------------------------------------------------
    if (args.onlyStore) {
      log('building a Chrome build of the extension…');
      await buildChromeExtension(join(tmp, 'ext'));
      results.sizes = measureSizes(join(tmp, 'ext'), generatedDir);
    }
    if (!args.onlyBuild && !args.onlyStore) {
      log('building the index…');
      const generated = await prepareIndex(tmp);
      generatedDir = generated.dir;
      if (generated.how === 'in-process') {
        notes.push('scripts/build-index.ts does not exist yet: the bench built the index from seeds/ itself (analyseCorpus + compileMatcher); the Chrome build it weighed holds placeholder matcher data, so the matcher data is added to the injected total');
      }
      log('building the bench page bundles and a Chrome build of the extension…');
      await buildPageBundles(tmp, generated.dir);
      await buildChromeExtension(join(tmp, 'ext'));
      results.sizes = measureSizes(join(tmp, 'ext'), generated.dir);
      results.sizes.contentShares = await weighScript(join(ROOT, 'src/page/index.ts'), join(tmp, 'weigh'), 'content.js', generated.dir);
      if (existsSync(join(ROOT, 'src/page/card-ui.ts'))) {
        results.sizes.cardUiShares = await weighScript(join(ROOT, 'src/page/card-ui.ts'), join(tmp, 'weigh'), 'card-ui.js', generated.dir);
        results.sizes.cardUi = weighFile(join(tmp, 'weigh', 'card-ui.js'), 'src/page/card-ui.ts (bench build)');
      }

      // --- pages ---------------------------------------------------------------------------------
      const seeds = readSeeds();
      const targets = args.pages ?? (args.quick ? [2_000, 20_000] : [2_000, 20_000, 200_000]);
      const pages: BenchPage[] = [];
      let longText = '';
      for (const words of targets) {
        const page = generatePage({ words, seed: 2016 + words, seeds });
        const path = `page-${words / 1000}k.html`;
        writeFileSync(join(tmp, path), page.html);
        pages.push({ path, targetWords: words, articleWords: page.articleWords, pageWords: page.pageWords, htmlBytes: page.html.length });
        longText = page.articleText;
      }

      if (args.browser) {
        const server = await serveDir(tmp);
        cleanups.unshift(() => server.close());
        log(`launching ${CHROMIUM_BIN} (headless)…`);
        const chromium = await launchBenchBrowser(CHROMIUM_BIN);
        cleanups.unshift(() => chromium.close());
        log('page scan:');
        results.pages = await runBrowserBench(chromium.browser, {
          origin: server.origin,
          pages,
          rounds: args.rounds,
          warmup: 1,
          chromiumBin: CHROMIUM_BIN,
          log,
        });
        if (args.screenshot) mkdirSync(dirname(resolve(args.screenshot)), { recursive: true });
        log('card open latency:');
        const cardShot = args.screenshot ? resolve(args.screenshot).replace(/(\.png)?$/, '-card.png') : null;
        results.card = await runCardBench(chromium.browser, server.origin, pages[0].path, notes, log, cardShot);
        if (args.screenshot) {
          const markers = await screenshotMarkedPage(chromium.browser, server.origin, pages[0].path, resolve(args.screenshot));
          log(`screenshot of the 2k page with ${markers} markers: ${args.screenshot}`);
        }
        await chromium.close();
        cleanups.shift();
      }

      // --- node ----------------------------------------------------------------------------------
      log('matcher throughput in Node…');
      try {
        results.throughput = measureThroughput(join(generatedDir, 'matcher.json'), longText);
      } catch (error) {
        notes.push(`matcher throughput: the matcher could not be created from src/generated/matcher.json (${String(error)})`);
      }
      // Issue 13: the claim re-ranker's cost, claim matching with and without the word vectors.
      log('claim re-ranker cost in Node…');
      const vectorsFile = join(ROOT, 'src/generated/word-vectors.bin');
      try {
        if (!existsSync(vectorsFile)) throw new Error(`${vectorsFile} is missing (npm run build:index packs it)`);
        results.reranker = measureReranker(join(generatedDir, 'matcher.json'), vectorsFile, rerankerText(ROOT), 7);
      } catch (error) {
        notes.push(`claim re-ranker cost: not measured (${String(error)})`);
      }
    }

    if ((args.store || args.onlyStore) && !args.onlyBuild && args.browser) {
      const pages = STORE_PAGE_WORDS.map((words) => {
        const page = generatePage({ words, seed: 2016 + words, seeds: readSeeds() });
        const path = `store-page-${words / 1000}k.html`;
        writeFileSync(join(tmp, path), page.html);
        return { path, targetWords: words };
      });
      const server = await serveDir(tmp);
      cleanups.unshift(() => server.close());
      results.storeLoad = loadavg()[0];
      log(`corpus-size table (extension with generated corpora in its store; load ${results.storeLoad.toFixed(2)}):`);
      const sizes = args.articles ?? (args.quick ? [5, 500] : CORPUS_SIZES);
      const imports = args.imports ?? (args.quick ? [1_000] : IMPORT_SIZES);
      const store = await runStoreBench({
        extDir: join(tmp, 'ext'),
        chromiumBin: CHROMIUM_BIN,
        origin: server.origin,
        pages,
        articles: sizes,
        rounds: args.quick ? 1 : args.storeRounds,
        imports,
        add: ADD,
        tmp,
        log,
      });
      results.store = store.rows;
      results.imports = store.imports;
      await server.close();
      cleanups.shift();
    }

    if ((args.corpus && !args.onlyStore) || args.onlyBuild) {
      log('corpus build scaling:');
      const sizes = args.articles ?? (args.quick ? [5, 50, 500] : CORPUS_SIZES);
      results.corpus = await runCorpusBench(sizes, log);
    }
  } finally {
    for (const c of cleanups) await c().catch(() => undefined);
  }

  results.durationSeconds = (performance.now() - started) / 1000;
  results.machine.loadEnd = loadavg()[0];
  const verdicts = judge(results).filter((v) => (!args.onlyBuild || v.part === 'build') && (!args.onlyStore || v.part === 'store') && (args.store || args.onlyStore || v.part !== 'store'));
  process.stdout.write(`${formatTable(results, verdicts)}\n`);
  if (args.json) {
    mkdirSync(dirname(resolve(args.json)), { recursive: true });
    writeFileSync(resolve(args.json), `${JSON.stringify({ ...results, verdicts }, null, 2)}\n`);
    log(`wrote ${args.json}`);
  }
  if (args.check) {
    const missed = verdicts.filter((v) => !v.pass);
    if (missed.length) {
      process.stderr.write(`\nbench --check: ${missed.length} budget(s) missed:\n${missed.map((v) => `  - ${v.name}: ${v.missing ? 'not measured' : `${v.measured.toFixed(2)} ${v.unit}`} (budget ${v.kind === 'max' ? '<=' : '>='} ${v.limit} ${v.unit})`).join('\n')}\n`);
      return 1;
    }
    process.stderr.write('\nbench --check: every budget met\n');
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exit(2);
  },
);
