/**
 * Global set-up of the e2e tier: starts a child process building the large corpus files
 * (support/large-corpus.ts) as the run begins, so those minutes of analysis overlap the browser
 * tests that need no large corpus instead of stalling the first test that does (on a clean
 * machine; a cached file is only read). It runs at normal priority: at nice 10, on a machine
 * loaded by other work (load 21), it got almost no CPU while a test waited for it. When the run
 * names test files, it builds only the sizes those files use (none: not started); it is killed at
 * the end of the run if still going, and its lock removed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { BUILD_NODE_FLAGS } from '../../../scripts/lib/build-heap';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
/**
 * The e2e files that install a large corpus, with its sizes in articles (browser-corpora and quota:
 * LARGE_CORPUS_ARTICLES; load: its ARTICLES). Smallest first: two files wait for it.
 */
const USERS: [file: string, articles: number][] = [
  ['tests/e2e/browser-corpora.test.ts', 2_000],
  ['tests/e2e/quota.test.ts', 2_000],
  ['tests/e2e/load.test.ts', 5_000],
];
/** One builder per run, however many projects load this set-up. */
const state = globalThis as unknown as { __coverageLensCorpusBuilder?: ChildProcess | null };

export default function setup(project: TestProject): () => Promise<void> {
  if (state.__coverageLensCorpusBuilder === undefined) state.__coverageLensCorpusBuilder = start(project);
  return async () => {
    const child = state.__coverageLensCorpusBuilder;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    // SIGKILL: the build is one synchronous run, so a JavaScript signal handler would wait for its end.
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGKILL');
    await exited;
    // What it leaves: its lock files (naming its pid) and its half-written file (named with it).
    for (const name of readdirSync(tmpdir()).filter((n) => n.startsWith('coverage-lens-large-corpus-'))) {
      const path = join(tmpdir(), name);
      if (name.endsWith(`.${child.pid}.part`)) rmSync(path, { force: true });
      else if (name.endsWith('.lock') && readFileSync(path, 'utf8') === String(child.pid)) rmSync(path, { force: true });
    }
  };
}

function start(project: TestProject): ChildProcess | null {
  // The run's file filters (vitest runs a file when its path contains one); none: every file.
  const filters = ((project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern ?? []).map((f) => (isAbsolute(f) ? relative(ROOT, f) : f.replace(/^\.\//, '')));
  const wanted = USERS.filter(([file]) => filters.length === 0 || filters.some((f) => file.includes(f))).map(([, articles]) => articles);
  const sizes = [...new Set(wanted)];
  if (sizes.length === 0) return null;
  const child = spawn(process.execPath, [...BUILD_NODE_FLAGS, '--import', 'tsx', 'tests/e2e/support/large-corpus.ts', ...sizes.map(String)], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return child;
}
