/**
 * What a streamed install (CorpusStore.installFile) holds besides the rows in flight, measured in
 * Node on a corpus file: the file read record by record into the streamed compile (MatcherCompiler)
 * and the card records' lean copy (DetailsInput), as installFile feeds them, then the matcher parts
 * packed one at a time and the card records built DETAILS_BUCKETS_PER_ROUND buckets a round, each
 * dropped as an install drops it once written. Prints one JSON line: heap live (after a full
 * collection) once the file is read, once the matcher is packed (the compile's data let go, as
 * GenerationRows lets it go), the largest round of card records,
 * peak resident memory, and CPU time.
 * Run: node --expose-gc --import tsx scripts/bench/install-memory.ts FILE
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { SCHEMA_VERSION } from '../../src/core/index/types';
import { MatcherCompiler } from '../../src/core/match/compile';
import { CorpusFileReader, UTF8_TEXTS } from '../../src/store/corpus-file-reader';
import { DETAILS_BUCKETS_PER_ROUND } from '../../src/store/corpus-store';
import { detailsBucketRowsInTurn } from '../../src/store/db';
import { DetailsInput } from '../../src/store/details-input';
import { packMatcherInTurn } from '../../src/store/matcher-row';

const [path] = process.argv.slice(2);
if (!path) throw new Error('usage: install-memory.ts FILE');
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const mib = (b: number): number => Math.round(b / 2 ** 20);
const live = (): number => {
  gc();
  return mib(process.memoryUsage().heapUsed);
};
const cpu0 = process.cpuUsage();
let compiler: MatcherCompiler | null = new MatcherCompiler(UTF8_TEXTS);
const kept = new DetailsInput(SCHEMA_VERSION, UTF8_TEXTS);
const reader = new CorpusFileReader(path, (section, record) => {
  compiler!.add(section, record);
  kept.add(section, record);
});
const fd = openSync(path, 'r');
try {
  const chunk = new Uint8Array(1 << 20);
  for (let n = readSync(fd, chunk); n > 0; n = readSync(fd, chunk)) reader.write(chunk.subarray(0, n));
} finally {
  closeSync(fd);
}
reader.end();
const afterRead = live();
/** The matcher packed a part at a time (as GenerationRows writes it); the compile's data let go after. */
function packMatcher(): number {
  const compiled = compiler!.finishParts();
  compiler = null;
  let bytes = 0;
  for (const part of packMatcherInTurn(compiled.data, compiled)) bytes += part.json.length;
  return bytes;
}
const matcherBytes = packMatcher();
const afterMatcher = live();
let largestRound = 0;
let detailsRows = 0;
for (const rows of detailsBucketRowsInTurn(kept.index, 'x', DETAILS_BUCKETS_PER_ROUND)) {
  detailsRows += rows.length;
  largestRound = Math.max(largestRound, live());
}
const u = process.cpuUsage(cpu0);
const peak = Number(readFileSync('/proc/self/status', 'utf8').match(/^VmHWM:\s+(\d+) kB/m)?.[1]) * 1024;
process.stdout.write(`${JSON.stringify({ liveAfterReadMiB: afterRead, liveAfterMatcherMiB: afterMatcher, liveLargestDetailsRoundMiB: largestRound, matcherMiB: mib(matcherBytes), detailsRows, peakRssMiB: mib(peak), cpuS: Math.round((u.user + u.system) / 1e4) / 100 })}\n`);
