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
 * (ArrayBuffers outside the heap, ~13 bytes a token, ~170 MB at 20,000 articles), so the cap leaves
 * ~200 MB for those. The live heap, measured after a full gc at every step of a 5,000-article
 * build, was largest at the end of the analysis: 200 MB, before furniture stopped holding the raw
 * texts and quoted regions were dropped (about a quarter of it), growing linearly with the corpus.
 * At 20,000 articles a 650 MB cap ran out of memory (638 MB live at its last collection), so the
 * cap is 800 MB; the resident peak there is ~1.1 GB, over the budget until the live data shrinks.
 */
export const BUILD_HEAP_MB = 800;

/** Node flags for a build process. */
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
