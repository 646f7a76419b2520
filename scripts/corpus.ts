/**
 * `npm run --silent corpus -- --in DIR --out FILE`: builds an index from any folder of articles
 * (*.txt, first line the headline; optional sources.json beside them).
 * Each rejected file gets one line on stderr naming it and the reason; the rest are indexed.
 * On a terminal, stderr also shows a progress line (step, articles done, time, memory) while it works.
 * Exit codes: 0 all good, 1 some file or metadata entry rejected, 2 usage error.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { analyseParts, streamIndex } from '../src/core/analysis/index';
import { validateIndexStream } from '../src/core/index/validate';
import { withBuildHeap } from './lib/build-heap';
import { progressLine } from './lib/progress-line';
import { printableName, readCorpus } from './lib/read-corpus';
import { writeJsonFile } from './lib/write-json';

const USAGE = 'usage: npm run --silent corpus -- --in DIR --out FILE';

function usage(message: string): never {
  process.stderr.write(`corpus: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function parseArgs(argv: string[]): { input: string; output: string } {
  let input: string | null = null;
  let output: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') {
      process.stdout.write(USAGE + '\n');
      process.exit(0);
    } else if (a === '--in' || a === '--out') {
      const v = argv[++i];
      if (!v) usage(`${a} needs a value`);
      if (a === '--in') input = v;
      else output = v;
    } else {
      usage(`unknown argument ${JSON.stringify(a)}`);
    }
  }
  if (!input) usage('missing --in DIR');
  if (!output) usage('missing --out FILE');
  return { input, output };
}

/** The stream with the progress line naming each section of the index as it is written. */
function progressBySection<T extends object>(index: T, line: { note: (step: string) => void }): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(index)) {
    out[key] =
      typeof value === 'object' && value !== null && Symbol.iterator in value
        ? (function* () {
            line.note(`writing the index: ${key}`);
            yield* value as Iterable<unknown>;
          })()
        : value;
  }
  return out as T;
}

const { input, output } = parseArgs(process.argv.slice(2));
withBuildHeap(); // the build itself runs in a child with a capped heap (build-heap.ts)
const dir = resolve(input);
if (!existsSync(dir) || !statSync(dir).isDirectory()) usage(`--in ${input}: not a directory`);
const progress = progressLine('corpus');
progress.note('reading articles');
const { articles, problems } = readCorpus(dir, { lazy: true });
progress.done();
for (const p of problems) process.stderr.write(`corpus: ${printableName(p.file)}: ${printableName(p.reason)}\n`);
const out = resolve(output);
mkdirSync(dirname(out), { recursive: true });
// The index is never whole in memory: each record is made, checked and written in turn (streamIndex),
// giving the same bytes as serialiseIndex(validateIndex(analyseCorpus(...))) (read-corpus.ts).
const index = validateIndexStream(streamIndex(analyseParts(articles, progress.report)));
writeJsonFile(out, progressBySection(index, progress), 2, '\n');
progress.done();
process.exit(problems.length ? 1 : 0);
