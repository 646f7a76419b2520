/**
 * A .zip to the files inside it, unpacked by fflate's streaming unzipper with every size counted
 * as it inflates: a zip bomb or an entry over the file limit stops there, not at the end of memory.
 */
import { Unzip, UnzipInflate, UnzipPassThrough, type UnzipFile } from 'fflate';
import { MAX_FILE_BYTES, MAX_TABLE_BYTES, MAX_UNZIPPED_BYTES, MAX_ZIP_ENTRIES, ZIP_CHUNK_BYTES } from './limits';
import { printableName } from './decode';
import { entry, type ImportFile, type ReportEntry } from './report';

/** The file limit for a name inside a zip: exports may be larger than single articles. */
export type LimitFor = (name: string) => number;

/** The size limit of a file by its name, in a zip or not: exports get the export limit, everything else the article limit. */
export function limitForName(name: string): number {
  return /\.(csv|jsonl?|ndjson)$/i.test(name) ? MAX_TABLE_BYTES : MAX_FILE_BYTES;
}

// The metadata operating systems and archivers add beside every file (macOS resource forks, Finder and Explorer files).
const SYSTEM_ENTRY = /(^|\/)(__MACOSX\/|\.DS_Store$|Thumbs\.db$|desktop\.ini$)/i;

/** True for a file the system wrote beside the reader's files, in a zip or a dropped folder: skipped, not reported. */
export function isSystemFile(name: string): boolean {
  return SYSTEM_ENTRY.test(name);
}

/** Signature at the start of every ZIP (a local file header, or the end record of an empty one). */
function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));
}

/** The caps one archive is read under; the defaults are the named limits (tests pass smaller ones). */
export interface ZipCaps {
  limitFor: LimitFor;
  maxTotal: number;
  maxEntries: number;
}

const DEFAULT_CAPS: ZipCaps = { limitFor: limitForName, maxTotal: MAX_UNZIPPED_BYTES, maxEntries: MAX_ZIP_ENTRIES };

/** True when the archive ends with its end-of-central-directory record (within the last 22 + 65,535 comment bytes). */
function hasEndRecord(bytes: Uint8Array): boolean {
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 5 && bytes[i + 3] === 6) return true;
  }
  return false;
}

/**
 * The files inside `zip` (named "archive.zip/inner/name"), and a report entry for each one that
 * could not be taken out. Entries are returned in archive order.
 */
export function unzipFiles(zip: ImportFile, caps: Partial<ZipCaps> = {}): { files: ImportFile[]; entries: ReportEntry[] } {
  const { limitFor, maxTotal, maxEntries } = { ...DEFAULT_CAPS, ...caps };
  const files: ImportFile[] = [];
  const entries: ReportEntry[] = [];
  if (!isZip(zip.bytes)) return { files, entries: [entry('rejected', 'unreadable', zip.name, 'not a ZIP archive')] };
  let total = 0;
  let count = 0;
  let stopped = '';
  const unfinished = new Set<string>();
  const unzip = new Unzip();
  unzip.register(UnzipPassThrough);
  unzip.register(UnzipInflate);
  unzip.onfile = (file: UnzipFile) => {
    if (stopped || file.name.endsWith('/')) return;
    const name = `${zip.name}/${printableName(file.name)}`;
    if (isSystemFile(file.name)) return;
    if (++count > maxEntries) {
      stopped = `the archive holds more than ${maxEntries} files; the rest were not read`;
      return;
    }
    const limit = limitFor(file.name);
    if (file.originalSize !== undefined && file.originalSize > limit) {
      entries.push(entry('rejected', 'too-large', name, `file too large (${file.originalSize} bytes; the limit is ${limit})`));
      return;
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    let done = false;
    unfinished.add(name);
    const fail = (code: 'too-large' | 'unreadable', reason: string) => {
      done = true;
      unfinished.delete(name);
      chunks.length = 0;
      file.terminate();
      entries.push(entry('rejected', code, name, reason));
    };
    file.ondata = (err, chunk, final) => {
      if (done) return;
      if (err) return fail('unreadable', `cannot be unpacked (${err.message})`);
      size += chunk.length;
      total += chunk.length;
      // Declared sizes can lie: the real count decides.
      if (size > limit) return fail('too-large', `file too large (more than ${limit} bytes unpacked; the limit is ${limit})`);
      if (total > maxTotal) {
        stopped = `the archive unpacks to more than ${maxTotal} bytes; the rest was not read`;
        return fail('too-large', stopped);
      }
      chunks.push(chunk);
      if (final) {
        done = true;
        unfinished.delete(name);
        const bytes = new Uint8Array(size);
        let at = 0;
        for (const c of chunks) bytes.set(c, at), (at += c.length);
        files.push({ name, bytes });
      }
    };
    try {
      file.start();
    } catch {
      unfinished.delete(name);
      entries.push(entry('rejected', 'unsupported', name, `compressed with a method this reader does not support (${file.compression})`));
    }
  };
  try {
    for (let at = 0; at < zip.bytes.length && !stopped; at += ZIP_CHUNK_BYTES) {
      const end = Math.min(at + ZIP_CHUNK_BYTES, zip.bytes.length);
      unzip.push(zip.bytes.subarray(at, end), end === zip.bytes.length);
    }
  } catch (e) {
    entries.push(entry('rejected', 'unreadable', zip.name, `the archive is damaged (${(e as Error).message}); files before the damage were read`));
  }
  if (!stopped && !hasEndRecord(zip.bytes) && !entries.some((e) => e.file === zip.name)) {
    entries.push(entry('rejected', 'unreadable', zip.name, 'the archive is incomplete (it has no end record); the files read before its end were kept'));
  }
  if (!stopped) for (const name of unfinished) entries.push(entry('rejected', 'unreadable', name, 'the archive ends inside this file'));
  if (stopped && !entries.some((e) => e.reason === stopped)) entries.push(entry('rejected', 'too-large', zip.name, stopped));
  return { files, entries };
}
