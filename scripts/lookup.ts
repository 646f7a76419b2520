/**
 * `npm run --silent lookup -- [--index FILE] FILE|-`
 *
 * Runs the content script's matcher (createMatcher(compileMatcher(index)).scan, then resolveMatch)
 * over a text and prints exactly one JSON document on stdout: {"detections": [...]}. Errors go to
 * stderr with a non-zero exit and nothing on stdout: 1 for a bad argument, file or index, 2 when no
 * index is available at all.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CorpusIndex } from '../src/core/index/types';
import { lookup } from './lib/lookup';

const ROOT = resolve(import.meta.dirname, '..');
const DEFAULT_INDEX = resolve(ROOT, 'src/generated/index.json');

class CliError extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

function parseArgs(argv: string[]): { index: string | null; input: string } {
  let index: string | null = null;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--index') {
      const value = argv[++i];
      if (!value) throw new CliError('lookup: --index needs a file', 1);
      index = value;
    } else if (arg.startsWith('--index=')) index = arg.slice('--index='.length);
    else if (arg === '--help' || arg === '-h') throw new CliError('usage: lookup [--index FILE] FILE|-', 1);
    else if (arg.startsWith('--')) throw new CliError(`lookup: unknown option ${arg}`, 1);
    else rest.push(arg);
  }
  if (rest.length !== 1) throw new CliError('usage: lookup [--index FILE] FILE|-  (one input file, or - for standard input)', 1);
  return { index, input: rest[0] };
}

function readInput(path: string): string {
  try {
    return path === '-' ? readFileSync(0, 'utf8') : readFileSync(path, 'utf8');
  } catch (e) {
    throw new CliError(`lookup: cannot read ${path === '-' ? 'standard input' : path}: ${(e as Error).message}`, 1);
  }
}

/** The validator from src/core/index/validate.ts when it exists (it is written alongside the analysis). */
async function validate(index: unknown, source: string): Promise<CorpusIndex> {
  const path = resolve(ROOT, 'src/core/index/validate.ts');
  if (existsSync(path)) {
    const mod = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
    const fn = mod.validateIndex;
    if (typeof fn === 'function') {
      try {
        const result = fn(index) as unknown;
        // Accept either a throwing validator or one that returns a Result / list of errors.
        if (result && typeof result === 'object' && 'ok' in result) {
          const r = result as { ok: boolean; value?: CorpusIndex; error?: unknown; errors?: unknown };
          if (!r.ok) throw new Error(String(r.error ?? r.errors ?? 'invalid'));
          return (r.value ?? index) as CorpusIndex;
        }
        if (Array.isArray(result) && result.length > 0) throw new Error(result.map(String).join('; '));
        if (result && typeof result === 'object' && 'articles' in result) return result as CorpusIndex;
      } catch (e) {
        throw new CliError(`lookup: ${source} is not a valid index: ${(e as Error).message}`, 1);
      }
      return index as CorpusIndex;
    }
  }
  const i = index as Partial<CorpusIndex> | null;
  if (!i || typeof i !== 'object' || !Array.isArray(i.articles) || !Array.isArray(i.entities) || !Array.isArray(i.claims) || !Array.isArray(i.quotes)) {
    throw new CliError(`lookup: ${source} is not a valid index (articles, entities, claims or quotes missing)`, 1);
  }
  return index as CorpusIndex;
}

function readIndexFile(path: string): unknown {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (e) {
    throw new CliError(`lookup: cannot read index ${path}: ${(e as Error).message}`, 1);
  }
  try {
    return JSON.parse(raw);
  } catch (e) {
    throw new CliError(`lookup: index ${path} is not JSON: ${(e as Error).message}`, 1);
  }
}

/** Builds the seeds index in-process with the corpus analysis, when the analysis exposes it. */
async function buildSeedsIndex(): Promise<CorpusIndex> {
  const candidates = ['scripts/lib/corpus.ts', 'scripts/lib/read-corpus.ts', 'scripts/lib/corpus-reader.ts'];
  const analysisPath = resolve(ROOT, 'src/core/analysis/index.ts');
  const readerPath = candidates.map((c) => resolve(ROOT, c)).find((p) => existsSync(p));
  if (!existsSync(analysisPath) || !readerPath) {
    throw new CliError('lookup: no index at src/generated/index.json and the corpus analysis is not available to build one; run `npm run build:index` or pass --index FILE', 2);
  }
  const analysis = (await import(pathToFileURL(analysisPath).href)) as Record<string, unknown>;
  const reader = (await import(pathToFileURL(readerPath).href)) as Record<string, unknown>;
  const analyse = analysis.analyseCorpus;
  const read = reader.readCorpus ?? reader.readCorpusDir ?? reader.loadCorpus;
  if (typeof analyse !== 'function' || typeof read !== 'function') {
    throw new CliError('lookup: no index at src/generated/index.json and the corpus analysis cannot be run in-process; run `npm run build:index` or pass --index FILE', 2);
  }
  const corpus = (await read(resolve(ROOT, 'seeds'))) as { articles?: unknown } & object;
  const inputs = 'articles' in corpus ? corpus.articles : corpus;
  return (await analyse(inputs)) as CorpusIndex;
}

async function loadIndex(path: string | null): Promise<CorpusIndex> {
  if (path !== null) return validate(readIndexFile(resolve(path)), path);
  if (existsSync(DEFAULT_INDEX)) {
    const index = await validate(readIndexFile(DEFAULT_INDEX), DEFAULT_INDEX);
    // The placeholder committed before the first build has no articles: treat it as not built.
    if (index.articles.length > 0) return index;
  }
  return buildSeedsIndex();
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const text = readInput(args.input);
  const index = await loadIndex(args.index);
  process.stdout.write(JSON.stringify(lookup(text, index)) + '\n');
}

main().catch((e: unknown) => {
  if (e instanceof CliError) {
    process.stderr.write(e.message + '\n');
    process.exitCode = e.code;
  } else {
    process.stderr.write(`lookup: ${(e as Error)?.stack ?? String(e)}\n`);
    process.exitCode = 1;
  }
});
