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
 * measured after a full gc at every step, grows linearly with the corpus and is largest from the
 * claims step to the matcher compile (153-162 MB at 5,000 articles before the claim groups' and
 * quote diffs' comparisons moved to write time, ~3.7x that at 20,000). A 650 MB cap once ran out
 * of memory at 20,000 articles (638 MB live at its last collection, before those cuts), so the
 * cap stays 800 MB as the ceiling that keeps the build from failing.
 */
export const BUILD_HEAP_MB = 800;

/**
 * How far V8 lets the old space grow past what a full collection left live before the next one, in
 * percent. V8's own factor (about 2x at this cap) had the heap fill up to the cap whenever the live
 * data passed ~400 MB, so the resident peak sat at the cap plus the tokens and the young generation
 * (1.1 GB); growing by a quarter keeps it near 1.25x the live data. The cost is more full
 * collections: +10% CPU on a 2,000-article build (27.3 against 24.8 s, same run), where it saved
 * little (314 against 320 MB peak) because the heap was far from the cap.
 */
export const BUILD_HEAP_GROWING_PERCENT = 25;

/** Node flags for a build process. */
export const BUILD_NODE_FLAGS = [`--max-old-space-size=${BUILD_HEAP_MB}`, `--heap-growing-percent=${BUILD_HEAP_GROWING_PERCENT}`];

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
