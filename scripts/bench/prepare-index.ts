/**
 * Makes sure the bench measures the real index: runs the project's index build (scripts/build-index.ts,
 * as `npm run build` does) when it exists; until it does, builds the index from seeds/ in-process
 * with the same analyseCorpus + compileMatcher into the bench's temporary folder.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { analyseCorpus } from '../../src/core/analysis';
import { compileMatcher } from '../../src/core/match';
import { ROOT, SEEDS_DIR } from './seed-text';

const run = promisify(execFile);

/** Where index.json and matcher.json are, and how they got there. */
export interface PreparedIndex {
  dir: string;
  how: 'build-index' | 'in-process';
}

/** Builds the index; returns the folder holding index.json and matcher.json. */
export async function prepareIndex(tmp: string): Promise<PreparedIndex> {
  if (existsSync(join(ROOT, 'scripts/build-index.ts'))) {
    await run('npx', ['tsx', 'scripts/build-index.ts'], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
    return { dir: join(ROOT, 'src/generated'), how: 'build-index' };
  }
  const inputs = readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ id: f.replace(/\.txt$/, ''), text: readFileSync(join(SEEDS_DIR, f), 'utf8') }));
  const index = analyseCorpus(inputs);
  const dir = join(tmp, 'generated');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.json'), JSON.stringify(index));
  writeFileSync(join(dir, 'matcher.json'), JSON.stringify(compileMatcher(index)));
  return { dir, how: 'in-process' };
}
