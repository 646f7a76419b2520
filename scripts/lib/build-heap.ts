/**
 * The heap cap of a process that builds a corpus (`npm run corpus`, the bench's build child).
 * Node's default lets V8 grow the heap to several gigabytes before it collects hard, so a build
 * whose live data is a few hundred megabytes still reached 2.5 GB of resident memory at 20,000
 * articles, most of it garbage not yet collected. Under the cap V8 collects as the heap nears it.
 */
import { spawnSync } from 'node:child_process';

/**
 * Old-space cap in MB of `npm run corpus`. Issue 11's budget is 1 GB resident at 20,000 generated
 * articles. Resident memory follows the cap, not the live data: V8 lets garbage fill the old space
 * up to it before it collects hard, and besides it the process holds the young generation, code,
 * tsx's loader thread and the analysis' packed tokens (ArrayBuffers outside the heap, 4 bytes a
 * token, ~47 MB at 20,000 articles): ~200 MB in all at 20,000 articles. The heap live after a full
 * collection at the end of each step at 20,000 articles (build child, CL_BUILD_LIVE=1, 11:20 run):
 * prepare 293, entities 358, descriptors 379, quotes 436, quote groups 469, claims 544, claim
 * groups 561 MB, 49 MB once the index is written (before clause claims: those add ~15% to the
 * analysis data at 2,000 articles, 56.0 -> 64.3 MB, so ~645 MB after claim groups at 20,000). At
 * 800 MB the build peaked at 998-1,020 MB resident; 750 MB leaves the largest live heap about a
 * seventh of the cap to spare.
 */
export const BUILD_HEAP_MB = 750;

/**
 * Old-space cap in MB of the bench's matcher compile (compile-child.ts: the index file read back
 * and compiled, as an install does, in a process of its own): the cap issue 11's follow-up set for
 * the compile of a 20,000-article corpus. The streamed compile (MatcherCompiler) fits it with room:
 * at 20,000 articles its heap is 147 MB live after the read and 256 MB once compiled, and it also
 * finished under a 400 MB cap (peak RSS 745 against 834 MB, the same CPU; 2026-12-06).
 */
export const COMPILE_HEAP_MB = 800;

/** Node flags for the bench's matcher compile. */
export const COMPILE_NODE_FLAGS = [`--max-old-space-size=${COMPILE_HEAP_MB}`];

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
