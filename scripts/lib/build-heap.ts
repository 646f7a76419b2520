/**
 * The heap cap of a process that builds a corpus (`npm run corpus`, the bench's build child).
 * Node's default lets V8 grow the heap to several gigabytes before it collects hard, so a build
 * whose live data is a few hundred megabytes still reached 2.5 GB of resident memory at 20,000
 * articles, most of it garbage not yet collected. Under the cap V8 collects as the heap nears it.
 */
import { spawnSync } from 'node:child_process';

/**
 * Old-space cap in MB. Issue 11's budget is 1 GB resident at 20,000 generated articles; besides
 * the old space the process holds the young generation, code, and the analysis' packed tokens
 * (ArrayBuffers outside the heap, 8 bytes a token, ~95 MB at 20,000 articles). The live heap,
 * measured after a full gc at every step, is largest from the claims step to the matcher compile
 * (135 MB at 5,000 articles after writing the index). A 650 MB cap once ran out of memory at
 * 20,000 articles (638 MB live at its last collection), so the cap stays 800 MB: at 20,000 articles
 * the analysis and the index write now fit under it (1,043 MB resident by the end of the write),
 * and the matcher compile the bench child runs after it still does not (787 MB live when it ran out).
 */
export const BUILD_HEAP_MB = 800;

/**
 * Node flags for a build process. `--heap-growing-percent=25` (the old space grown by a quarter past
 * the live data rather than by V8's own factor) was tried and left out: +10% CPU on a 2,000-article
 * build (27.3 against 24.8 s, same run) for 314 against 320 MB peak, and at 20,000 articles the heap
 * in use (550-710 MB at the ends of the steps from quote groups to the index write) keeps it at the
 * cap either way. A smaller young generation (`--max-semi-space-size`) was tried at 20,000 articles
 * (one run each, `npm run bench -- --only build --articles 500,20000`): V8's default 1,034 MB peak
 * and 1.03x CPU per article against 500; 8 MB 1,027 MB and 1.08x; 4 MB 1,055 MB and 1.43x (more
 * scavenges promote more): not adopted.
 */
export const BUILD_NODE_FLAGS = [`--max-old-space-size=${BUILD_HEAP_MB}`];

/**
 * Runs the current script again in a child Node with BUILD_NODE_FLAGS (same loader, arguments and
 * terminal) and exits with its status, unless this process already has them; then returns.
 */
export function withBuildHeap(): void {
  if (BUILD_NODE_FLAGS.every((f) => process.execArgv.includes(f))) return;
  const r = spawnSync(process.execPath, [...BUILD_NODE_FLAGS, ...process.execArgv, process.argv[1], ...process.argv.slice(2)], { stdio: 'inherit' });
  if (r.error) throw r.error;
  process.exit(r.status ?? 1);
}
