/**
 * Second child of the corpus-scaling bench (build-child.ts starts it once the index is written):
 * reads the index file back record by record straight into the streamed compile (CorpusFileReader
 * into MatcherCompiler, texts kept as UTF-8 bytes), compiles the matcher data and writes it, as an
 * install does, in a process of its own with the compile's heap cap (build-heap.ts), so neither the
 * analysis nor the compile counts in the other's memory. Prints one JSON line: CPU time of the
 * read-back and of the compile, peak resident memory, the heap live after the read-back and at the
 * end of the compile (the claims' signatures and traits still packed: they are made a part at a
 * time as they are written).
 * Run: node --expose-gc $(COMPILE_NODE_FLAGS) --import tsx compile-child.ts INDEX MATCHER
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { MatcherCompiler } from '../../src/core/match/compile';
import { CorpusFileReader, UTF8_TEXTS } from '../../src/store/corpus-file-reader';
import { CLAIMS_PER_PART } from '../../src/store/matcher-row';
import { writeJsonFile } from '../lib/write-json';

/** Bytes of the index file read at a time. */
const READ_CHUNK_BYTES = 1 << 20;

const [indexPath, matcherPath] = process.argv.slice(2);
if (!indexPath || !matcherPath) throw new Error('usage: compile-child.ts INDEX MATCHER');
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const peakRss = (): number => Number(readFileSync('/proc/self/status', 'utf8').match(/^VmHWM:\s+(\d+) kB/m)?.[1] ?? Number.NaN) * 1024;
const cpuMs = (u: NodeJS.CpuUsage): number => (u.user + u.system) / 1000;

const cpu0 = process.cpuUsage();
const compiler = new MatcherCompiler(UTF8_TEXTS);
const reader = new CorpusFileReader(indexPath, (section, record) => compiler.add(section, record));
const fd = openSync(indexPath, 'r');
try {
  const chunk = new Uint8Array(READ_CHUNK_BYTES);
  for (let n = readSync(fd, chunk); n > 0; n = readSync(fd, chunk)) reader.write(chunk.subarray(0, n));
} finally {
  closeSync(fd);
}
reader.end();
const readCpuMs = cpuMs(process.cpuUsage(cpu0));
gc();
const keptLiveBytes = process.memoryUsage().heapUsed;
const parts = compiler.finishParts();
gc();
const outputLiveBytes = process.memoryUsage().heapUsed;
/** The claims' signatures or traits, a part (CLAIMS_PER_PART) at a time, as the store writes them. */
function* claimRange<T>(read: (from: number, to: number) => T[]): Generator<T> {
  for (let from = 0; from < parts.claimCount; from += CLAIMS_PER_PART) yield* read(from, Math.min(parts.claimCount, from + CLAIMS_PER_PART));
}
writeJsonFile(matcherPath, { ...parts.data, claims: claimRange(parts.claims), claimTraits: claimRange(parts.claimTraits) }, 0);
process.stdout.write(`${JSON.stringify({ readCpuMs, compileCpuMs: cpuMs(process.cpuUsage(cpu0)) - readCpuMs, peakRssBytes: peakRss(), keptLiveBytes, outputLiveBytes })}\n`);
