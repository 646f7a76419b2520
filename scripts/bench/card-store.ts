/**
 * What a card costs at the store, in Node, for a corpus file: every card record built as an install
 * builds it (a lean copy of the file, DetailsInput; buckets as detailsBucketRowsInTurn makes them),
 * each bucket serialised with V8's serializer (the format Chromium's IndexedDB stores a row in), then
 * for the largest buckets the path of one card: the bucket deserialised (what IndexedDB's get does),
 * the record found and validated (readDetails), cut (cardReply) and put as JSON (the message to the
 * page). `--whole` builds whole records (buildDetails, as installs before card records were cut) for
 * the before/after comparison on the same file. Prints one JSON line: bucket sizes (largest, median),
 * the card path's CPU time for the largest buckets (median of REPEATS) and the build's CPU time.
 * Run: node --expose-gc --import tsx scripts/bench/card-store.ts FILE [--whole]
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { cardReply } from '../../src/background/card-reply';
import { buildCardDetails } from '../../src/core/index/card-details';
import { buildDetails } from '../../src/core/index/details';
import { SCHEMA_VERSION, type DetectionKind } from '../../src/core/index/types';
import { CorpusFileReader, UTF8_TEXTS } from '../../src/store/corpus-file-reader';
import { DETAILS_BUCKETS_PER_ROUND } from '../../src/store/corpus-store';
import { detailsBucket, detailsBucketCount } from '../../src/store/db';
import { DetailsInput } from '../../src/store/details-input';
import { validateDetails } from '../../src/store/validate-stored';

/** Card paths timed per bucket (the median is reported). */
const REPEATS = 7;
/** Largest buckets whose card path is timed. */
const TIMED_BUCKETS = 5;

const [path, flag] = process.argv.slice(2);
if (!path) throw new Error('usage: card-store.ts FILE [--whole]');
const whole = flag === '--whole';
const cpuMs = (from: NodeJS.CpuUsage): number => {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1000;
};

const kept = new DetailsInput(SCHEMA_VERSION, UTF8_TEXTS);
const reader = new CorpusFileReader(path, (section, record) => kept.add(section, record));
const fd = openSync(path, 'r');
try {
  const chunk = new Uint8Array(1 << 20);
  for (let n = readSync(fd, chunk); n > 0; n = readSync(fd, chunk)) reader.write(chunk.subarray(0, n));
} finally {
  closeSync(fd);
}
reader.end();
const index = kept.index;
const keys: [DetectionKind, string][] = [
  ...index.entities.map((e): [DetectionKind, string] => [e.kind, e.id]),
  ...index.claimGroups.map((g): [DetectionKind, string] => ['claim', g.id]),
  ...index.quoteGroups.map((g): [DetectionKind, string] => ['quote', g.id]),
];
const buckets = detailsBucketCount(keys.length);
const build = whole ? buildDetails : buildCardDetails;

// Built DETAILS_BUCKETS_PER_ROUND buckets a round as an install does; kept serialised only.
const built0 = process.cpuUsage();
const stored: { bucket: number; bytes: Uint8Array; keys: [DetectionKind, string][] }[] = [];
for (let from = 0; from < buckets; from += DETAILS_BUCKETS_PER_ROUND) {
  const to = Math.min(buckets, from + DETAILS_BUCKETS_PER_ROUND);
  const rows = Array.from({ length: to - from }, () => ({ records: [] as unknown[], keys: [] as [DetectionKind, string][] }));
  for (const [kind, id] of keys) {
    const b = detailsBucket(kind, id, buckets);
    if (b < from || b >= to) continue;
    const details = build(index, kind, id);
    if (details) {
      rows[b - from]!.records.push(details);
      rows[b - from]!.keys.push([kind, id]);
    }
  }
  rows.forEach((row, k) => {
    if (row.records.length) stored.push({ bucket: from + k, bytes: serialize({ data: 'x', kind: '#bucket', id: String(from + k), records: row.records }), keys: row.keys });
  });
}
const buildCpuMs = cpuMs(built0);
stored.sort((a, b) => b.bytes.length - a.bytes.length);

/** One card's path at the store and the reply, for the key of `bucket` whose record is largest. */
function cardPath(bucket: (typeof stored)[number]): { ms: number; key: string; replyBytes: number } {
  // The largest record of the bucket: the card a reader would wait longest for in it.
  const row0 = deserialize(bucket.bytes) as { records: { id: string }[] };
  let at = 0;
  row0.records.forEach((r, i) => {
    if (JSON.stringify(r).length > JSON.stringify(row0.records[at]).length) at = i;
  });
  const [kind, id] = bucket.keys[at]!;
  const times: number[] = [];
  let replyBytes = 0;
  for (let k = 0; k < REPEATS; k++) {
    const t0 = process.cpuUsage();
    const row = deserialize(bucket.bytes) as { records: { id: string; type: string; kind?: string }[] };
    const found = row.records.find((r) => r.id === id && (r.type === 'entity' ? r.kind : r.type) === kind);
    const reply = JSON.stringify(cardReply(validateDetails(found, kind, id)));
    times.push(cpuMs(t0));
    replyBytes = reply.length;
  }
  times.sort((a, b) => a - b);
  return { ms: Math.round(times[times.length >> 1]! * 100) / 100, key: `${kind}:${id}`, replyBytes };
}

const sizes = stored.map((s) => s.bytes.length);
const kib = (b: number): number => Math.round(b / 102.4) / 10;
process.stdout.write(
  `${JSON.stringify({
    records: whole ? 'whole' : 'cut',
    cardRecords: keys.length,
    buckets: stored.length,
    largestBucketKiB: kib(sizes[0]!),
    medianBucketKiB: kib(sizes[sizes.length >> 1]!),
    allBucketsMiB: Math.round(sizes.reduce((a, b) => a + b, 0) / 2 ** 20),
    largest: stored.slice(0, TIMED_BUCKETS).map((b) => ({ bucketKiB: kib(b.bytes.length), ...cardPath(b) })),
    median: cardPath(stored[stored.length >> 1]!),
    buildCpuS: Math.round(buildCpuMs / 10) / 100,
  })}\n`,
);
