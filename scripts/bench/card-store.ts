/**
 * What a card costs at the store, in Node, for a corpus file. By default the card records are built
 * as an install builds them (DetailsInput: cut to what a card shows, DETAILS_PER_BUCKET to a row in
 * build order, found through a directory), each row serialised with V8's serializer (the format
 * Chromium's IndexedDB stores a row in); then for the largest record rows the path of one card: its
 * directory row and its record row deserialised (what IndexedDB's gets do), the record found and
 * validated (readDetails), cut (cardReply) and put as JSON (the message to the page). `--whole`
 * builds the layout before (whole records, buildDetails, in hash buckets: one row read a card) from
 * the file parsed whole, for the before/after comparison on the same file. Prints one JSON line:
 * row sizes (largest, median), the card path's CPU time for the largest rows (median of REPEATS) and
 * the build's CPU time.
 * Run: node --expose-gc --import tsx scripts/bench/card-store.ts FILE [--whole]
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { cardReply } from '../../src/background/card-reply';
import { buildDetails } from '../../src/core/index/details';
import type { CorpusIndex, DetectionKind } from '../../src/core/index/types';
import { CorpusFileReader, UTF8_TEXTS } from '../../src/store/corpus-file-reader';
import { DETAILS_DIRECTORY_KIND, detailsBucket, detailsBucketCount, detailsKey, directoryRow } from '../../src/store/db';
import { DetailsInput, type DetailsRowOut } from '../../src/store/details-input';
import { validateDetails } from '../../src/store/validate-stored';

/** Card paths timed per row (the median is reported). */
const REPEATS = 7;
/** Largest rows whose card path is timed. */
const TIMED_ROWS = 5;

const [path, flag] = process.argv.slice(2);
if (!path) throw new Error('usage: card-store.ts FILE [--whole]');
const whole = flag === '--whole';
const cpuMs = (from: NodeJS.CpuUsage): number => {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1000;
};

/** A stored row of card records: its bytes, the keys of its records, and the directory row bytes that lead to it. */
interface Stored {
  bytes: Uint8Array;
  keys: [DetectionKind, string][];
  directory: (key: string) => Uint8Array | null;
}

const built0 = process.cpuUsage();
const stored: Stored[] = [];
if (whole) {
  const index = JSON.parse(readFileSync(path, 'utf8')) as CorpusIndex;
  const keys: [DetectionKind, string][] = [
    ...index.entities.map((e): [DetectionKind, string] => [e.kind, e.id]),
    ...index.claimGroups.map((g): [DetectionKind, string] => ['claim', g.id]),
    ...index.quoteGroups.map((g): [DetectionKind, string] => ['quote', g.id]),
  ];
  const buckets = detailsBucketCount(keys.length);
  const rows = Array.from({ length: buckets }, () => ({ records: [] as unknown[], keys: [] as [DetectionKind, string][] }));
  for (const [kind, id] of keys) {
    const details = buildDetails(index, kind, id);
    const row = rows[detailsBucket(kind, id, buckets)]!;
    if (details) {
      row.records.push(details);
      row.keys.push([kind, id]);
    }
  }
  for (const row of rows) if (row.records.length) stored.push({ bytes: serialize({ records: row.records }), keys: row.keys, directory: () => null });
} else {
  const out: DetailsRowOut[] = [];
  const cards = new DetailsInput(UTF8_TEXTS, (row) => out.push(row));
  const reader = new CorpusFileReader(path, (section, record) => cards.add(section, record));
  const fd = openSync(path, 'r');
  try {
    const chunk = new Uint8Array(1 << 20);
    for (let n = readSync(fd, chunk); n > 0; n = readSync(fd, chunk)) reader.write(chunk.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  const { directoryRows } = cards.finish(reader.end().schemaVersion);
  const dirs = new Map<string, Uint8Array>();
  for (const row of out) if (row.kind === DETAILS_DIRECTORY_KIND) dirs.set(row.id, serialize(row));
  for (const row of out) {
    if (row.kind === DETAILS_DIRECTORY_KIND) continue;
    const keys = row.records.map((r): [DetectionKind, string] => [r.type === 'entity' ? r.kind : r.type, r.id]);
    stored.push({ bytes: serialize(row), keys, directory: (key) => dirs.get(String(directoryRow(key, directoryRows))) ?? null });
  }
}
const buildCpuMs = cpuMs(built0);
stored.sort((a, b) => b.bytes.length - a.bytes.length);

/** One card's path at the store and the reply, for the largest record of `row`. */
function cardPath(row: Stored): { ms: number; key: string; replyBytes: number } {
  const first = deserialize(row.bytes) as { records: unknown[] };
  let at = 0;
  first.records.forEach((r, i) => {
    if (JSON.stringify(r).length > JSON.stringify(first.records[at]).length) at = i;
  });
  const [kind, id] = row.keys[at]!;
  const dir = row.directory(detailsKey(kind, id));
  const times: number[] = [];
  let replyBytes = 0;
  for (let k = 0; k < REPEATS; k++) {
    const t0 = process.cpuUsage();
    if (dir) {
      const d = deserialize(dir) as { keys: string[]; rows: number[] };
      if (d.keys.indexOf(detailsKey(kind, id)) < 0) throw new Error(`${kind} ${id}: not in its directory row`);
    }
    const records = (deserialize(row.bytes) as { records: { id: string; type: string; kind?: string }[] }).records;
    const found = records.find((r) => r.id === id && (r.type === 'entity' ? r.kind : r.type) === kind);
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
    records: whole ? 'whole, hash buckets' : 'cut, rows and directory',
    rows: stored.length,
    largestRowKiB: kib(sizes[0]!),
    medianRowKiB: kib(sizes[sizes.length >> 1]!),
    allRowsMiB: Math.round(sizes.reduce((a, b) => a + b, 0) / 2 ** 20),
    largest: stored.slice(0, TIMED_ROWS).map((r) => ({ rowKiB: kib(r.bytes.length), ...cardPath(r) })),
    median: cardPath(stored[stored.length >> 1]!),
    buildCpuS: Math.round(buildCpuMs / 10) / 100,
  })}\n`,
);
