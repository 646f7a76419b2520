/**
 * Second child of the corpus-scaling bench (build-child.ts starts it once the index is written):
 * reads the index file back record by record into the copy compileMatcher reads (CorpusFileReader,
 * MatcherInput with texts as UTF-8 bytes), compiles the matcher data and writes it, as an install
 * does, in a process of its own with the compile's heap cap (build-heap.ts), so neither the
 * analysis nor the compile counts in the other's memory. Prints one JSON line: CPU time of the
 * read-back and of the compile, peak resident memory, the heap live after the read-back.
 * Run: node --expose-gc $(COMPILE_NODE_FLAGS) --import tsx compile-child.ts INDEX MATCHER
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { MatcherInput } from '../../src/core/index/matcher-input';
import { SCHEMA_VERSION } from '../../src/core/index/types';
import { compileMatcher } from '../../src/core/match';
import { CorpusFileReader, UTF8_TEXTS } from '../../src/store/corpus-file-reader';
import { writeJsonFile } from '../lib/write-json';

/** Bytes of the index file read at a time. */
const READ_CHUNK_BYTES = 1 << 20;

const [indexPath, matcherPath] = process.argv.slice(2);
if (!indexPath || !matcherPath) throw new Error('usage: compile-child.ts INDEX MATCHER');
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const peakRss = (): number => Number(readFileSync('/proc/self/status', 'utf8').match(/^VmHWM:\s+(\d+) kB/m)?.[1] ?? Number.NaN) * 1024;
const cpuMs = (u: NodeJS.CpuUsage): number => (u.user + u.system) / 1000;

const cpu0 = process.cpuUsage();
const kept = new MatcherInput(SCHEMA_VERSION, UTF8_TEXTS);
const reader = new CorpusFileReader(indexPath, (section, record) => kept.add(section, record));
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
writeJsonFile(matcherPath, compileMatcher(kept.index), 0);
process.stdout.write(`${JSON.stringify({ readCpuMs, compileCpuMs: cpuMs(process.cpuUsage(cpu0)) - readCpuMs, peakRssBytes: peakRss(), keptLiveBytes })}\n`);
