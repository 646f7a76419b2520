/**
 * `npm run --silent lookup -- [--index FILE] [--date YYYY-MM-DD] FILE|-`
 *
 * `--date` is the input's own date: its relative dates ("yesterday", "on Wednesday") are resolved
 * against it before they are compared with the corpus's.
 *
 * Runs the content script's matcher (createMatcher(compileMatcher(index)).scan, then buildDetection)
 * over a text and prints exactly one JSON document on stdout: {"detections": [...]}. Errors go to
 * stderr with a non-zero exit and nothing on stdout: 1 for a bad argument, file or index, 2 when no
 * index is available at all.
 */
import { loadGazetteer } from './lib/gazetteer';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyseCorpus } from '../src/core/analysis';
import type { CorpusIndex } from '../src/core/index/types';
import { validateIndex } from '../src/core/index/validate';
import { lookup } from './lib/lookup';
import { readCorpus } from './lib/read-corpus';

const ROOT = resolve(import.meta.dirname, '..');
const DEFAULT_INDEX = resolve(ROOT, 'src/generated/index.json');
const SEEDS = resolve(ROOT, 'seeds');

class CliError extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

function parseArgs(argv: string[]): { index: string | null; input: string; date?: string } {
  let index: string | null = null;
  let date: string | undefined;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--index') {
      const value = argv[++i];
      if (!value) throw new CliError('lookup: --index needs a file', 1);
      index = value;
    } else if (arg.startsWith('--index=')) index = arg.slice('--index='.length);
    else if (arg === '--date' || arg.startsWith('--date=')) {
      date = arg === '--date' ? argv[++i] : arg.slice('--date='.length);
      if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) throw new CliError(`lookup: --date needs a date as YYYY-MM-DD, got ${date ?? 'nothing'}`, 1);
    }
    else if (arg === '--help' || arg === '-h') throw new CliError('usage: lookup [--index FILE] [--date YYYY-MM-DD] FILE|-', 1);
    else if (arg.startsWith('--')) throw new CliError(`lookup: unknown option ${arg}`, 1);
    else rest.push(arg);
  }
  if (rest.length !== 1) throw new CliError('usage: lookup [--index FILE] [--date YYYY-MM-DD] FILE|-  (one input file, or - for standard input)', 1);
  return { index, input: rest[0], ...(date ? { date } : {}) };
}

function readInput(path: string): string {
  try {
    return path === '-' ? readFileSync(0, 'utf8') : readFileSync(path, 'utf8');
  } catch (e) {
    throw new CliError(`lookup: cannot read ${path === '-' ? 'standard input' : path}: ${(e as Error).message}`, 1);
  }
}

/** Validates a parsed index, naming the wrong field when it is not one. */
function validate(index: unknown, source: string): CorpusIndex {
  try {
    return validateIndex(index);
  } catch (e) {
    throw new CliError(`lookup: ${source} is not a valid index: ${(e as Error).message}`, 1);
  }
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

/** Builds the seeds index in-process with the corpus analysis (when the build has not run). */
function buildSeedsIndex(): CorpusIndex {
  const { articles, problems } = readCorpus(SEEDS);
  if (articles.length === 0) {
    throw new CliError(`lookup: no index at src/generated/index.json and no readable articles in seeds/ (${problems.map((p) => `${p.file}: ${p.reason}`).join('; ') || 'empty'}); run \`npm run build:index\` or pass --index FILE`, 2);
  }
  // With the gazetteer, as scripts/build-index.ts builds it.
  return analyseCorpus(articles, undefined, undefined, { gazetteer: loadGazetteer() });
}

function loadIndex(path: string | null): CorpusIndex {
  if (path !== null) return validate(readIndexFile(resolve(path)), path);
  if (existsSync(DEFAULT_INDEX)) {
    const index = validate(readIndexFile(DEFAULT_INDEX), DEFAULT_INDEX);
    // An index with no articles is a placeholder, not a build of seeds/.
    if (index.articles.length > 0) return index;
  }
  return buildSeedsIndex();
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const text = readInput(args.input);
  const index = loadIndex(args.index);
  process.stdout.write(JSON.stringify(lookup(text, index, undefined, args.date)) + '\n');
}

try {
  main();
} catch (e: unknown) {
  if (e instanceof CliError) {
    process.stderr.write(e.message + '\n');
    process.exitCode = e.code;
  } else {
    process.stderr.write(`lookup: ${(e as Error)?.stack ?? String(e)}\n`);
    process.exitCode = 1;
  }
}
