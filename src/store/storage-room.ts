/**
 * Whether an import fits in the storage the browser gives the extension, asked before anything is
 * written: an estimate of what the corpus will take (from the amount of article text, with a
 * measured factor) against navigator.storage.estimate(). Where the browser cannot tell (no
 * estimate, or no quota in it), the import goes ahead and a quota error mid-write fails cleanly
 * (corpus-store.ts: nothing of the corpus is kept).
 */

/**
 * Bytes the store takes per character of article text once a corpus is analysed and written
 * (articles, records, card details and matcher data). Measured by installing the generated
 * 5,000-article corpus (scripts/bench/generate-corpus.ts, seed 11: 16,260,237 characters of text,
 * a 160,943,007-byte corpus file) on the Corpora page, as storage.estimate() usage after minus
 * before: 101,941,967 bytes in Chromium (6.3 a character), 317,227,655 in Firefox (19.5). The
 * larger is kept: the same check runs in both, and too high an estimate only refuses an import
 * that would have filled all but the last few hundred megabytes anyway.
 */
export const STORED_BYTES_PER_TEXT_CHAR = 19.5;

/**
 * Bytes the store takes per byte of a corpus file (an export, or what `npm run corpus` writes).
 * Same measurement: 0.63 in Chromium, 1.97 in Firefox; the larger, rounded up, is kept.
 */
export const STORED_BYTES_PER_CORPUS_FILE_BYTE = 2.0;

/**
 * Headroom over the estimate: corpora differ from the generated one (more people or claims per
 * word store more records), and an import should not fill the disk to the last byte.
 */
export const ESTIMATE_MARGIN = 1.25;

/** What navigator.storage.estimate() answers (either field may be missing). */
export interface StorageEstimateLike {
  usage?: number;
  quota?: number;
}

/** The answer to "does it fit": bytes needed, and bytes free (null when the browser cannot tell). */
export interface RoomCheck {
  fits: boolean;
  needed: number;
  free: number | null;
}

/** Bytes a corpus with this many characters of article text will take in the store, with the margin. */
export function bytesForText(chars: number): number {
  return Math.ceil(chars * STORED_BYTES_PER_TEXT_CHAR * ESTIMATE_MARGIN);
}

/** Bytes a corpus file of this many bytes will take in the store, with the margin. */
export function bytesForCorpusFile(bytes: number): number {
  return Math.ceil(bytes * STORED_BYTES_PER_CORPUS_FILE_BYTE * ESTIMATE_MARGIN);
}

/** The environment's storage estimate, or null where there is none. */
async function browserEstimate(): Promise<StorageEstimateLike | null> {
  const storage = (globalThis as { navigator?: { storage?: { estimate?: () => Promise<StorageEstimateLike> } } }).navigator?.storage;
  if (!storage?.estimate) return null;
  try {
    return await storage.estimate();
  } catch {
    return null;
  }
}

/** Whether `needed` more bytes fit, by the browser's estimate (fits when it cannot tell). */
export async function checkRoom(needed: number, estimate: () => Promise<StorageEstimateLike | null> = browserEstimate): Promise<RoomCheck> {
  const got = await estimate();
  if (!got || typeof got.quota !== 'number' || !Number.isFinite(got.quota)) return { fits: true, needed, free: null };
  const free = Math.max(0, got.quota - (got.usage ?? 0));
  return { fits: needed <= free, needed, free };
}

/** An import would not fit in storage; nothing was written. */
export class NotEnoughStorageError extends Error {
  override name = 'NotEnoughStorageError';
}

/** Megabytes, rounded up, for messages. */
export function megabytes(bytes: number): string {
  return String(Math.max(1, Math.ceil(bytes / 1_000_000)));
}
