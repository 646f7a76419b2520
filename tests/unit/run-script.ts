/**
 * Runs a repository script (scripts/*.ts) in a child Node through tsx's loader, as `npx tsx` does
 * but without npx's own start-up (about 0.3-0.6 s of CPU a run on this machine, paid by every CLI
 * test). `flags` go to that Node first: `BUILD_NODE_FLAGS` for the corpus CLI saves the second Node
 * its `withBuildHeap` would otherwise start (another ~0.3 s of CPU); leave them out to run that path.
 */
import { spawnSync, type SpawnSyncOptionsWithStringEncoding, type SpawnSyncReturns } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');

export function runScript(
  script: string,
  args: string[],
  options: Omit<SpawnSyncOptionsWithStringEncoding, 'encoding'> & { flags?: string[] } = {},
): SpawnSyncReturns<string> {
  const { flags = [], ...spawnOptions } = options;
  return spawnSync(process.execPath, [...flags, '--import', 'tsx', script, ...args], { cwd: ROOT, ...spawnOptions, encoding: 'utf8' });
}
