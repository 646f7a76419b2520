/**
 * What a streamed install (CorpusStore.installFile) holds besides the rows in flight, measured in
 * Node on a corpus file: the file read record by record into the streamed compile (MatcherCompiler)
 * and the card records (DetailsInput: built and handed on as their records pass, each row dropped as
 * an install drops it once written), then the card records' last rows and directory and the matcher
 * parts packed one at a time. Prints one JSON line: heap live (after a full collection) at each
 * section's end and its largest, and the memory outside the heap (packed texts) then; once the file
 * is read; once the matcher is packed (the compile's data let go, as GenerationRows lets it go);
 * card rows; peak resident memory; CPU time.
 * Run: node --expose-gc --import tsx scripts/bench/install-memory.ts FILE
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { MatcherCompiler } from '../../src/core/match/compile';
import { CorpusFileReader, UTF8_TEXTS, type CorpusSection } from '../../src/store/corpus-file-reader';
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
const outside = (): number => mib(process.memoryUsage().arrayBuffers);
const cpu0 = process.cpuUsage();
let compiler: MatcherCompiler | null = new MatcherCompiler(UTF8_TEXTS);
let cardRows = 0;
const cards = new DetailsInput(UTF8_TEXTS, () => cardRows++);
const sections: Record<string, { liveMiB: number; outsideMiB: number }> = {};
let section: CorpusSection | null = null;
const reader = new CorpusFileReader(path, (s, record) => {
  if (s !== section) {
    if (section) sections[section] = { liveMiB: live(), outsideMiB: outside() };
    section = s;
  }
  compiler!.add(s, record);
  cards.add(s, record);
});
const fd = openSync(path, 'r');
try {
  const chunk = new Uint8Array(1 << 20);
  for (let n = readSync(fd, chunk); n > 0; n = readSync(fd, chunk)) reader.write(chunk.subarray(0, n));
} finally {
  closeSync(fd);
}
const { schemaVersion } = reader.end();
if (section) sections[section] = { liveMiB: live(), outsideMiB: outside() };
cards.finish(schemaVersion);
const afterRead = live();
const outsideAfterRead = outside();
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
const u = process.cpuUsage(cpu0);
const peak = Number(readFileSync('/proc/self/status', 'utf8').match(/^VmHWM:\s+(\d+) kB/m)?.[1]) * 1024;
const largest = Math.max(afterRead, ...Object.values(sections).map((s) => s.liveMiB));
process.stdout.write(`${JSON.stringify({ sections, largestLiveMiB: largest, liveAfterReadMiB: afterRead, outsideAfterReadMiB: outsideAfterRead, liveAfterMatcherMiB: afterMatcher, matcherMiB: mib(matcherBytes), cardRows, peakRssMiB: mib(peak), cpuS: Math.round((u.user + u.system) / 1e4) / 100 })}\n`);
