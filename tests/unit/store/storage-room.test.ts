/** The storage check before an import: estimates from text or file size, against the browser's estimate. */
import { describe, expect, it } from 'vitest';
import { ESTIMATE_MARGIN, STORED_BYTES_PER_CORPUS_FILE_BYTE, STORED_BYTES_PER_TEXT_CHAR, bytesForCorpusFile, bytesForText, checkRoom, megabytes, type StorageEstimateLike } from '../../../src/store/storage-room';

describe('bytesForText / bytesForCorpusFile', () => {
  it.each([
    { chars: 0, want: 0 },
    { chars: 1_000, want: Math.ceil(1_000 * STORED_BYTES_PER_TEXT_CHAR * ESTIMATE_MARGIN) },
    { chars: 20_000_000, want: Math.ceil(20_000_000 * STORED_BYTES_PER_TEXT_CHAR * ESTIMATE_MARGIN) },
  ])('$chars characters of text → $want bytes', ({ chars, want }) => {
    expect(bytesForText(chars)).toBe(want);
  });

  it('grows with the text, and is more than the text itself', () => {
    expect(bytesForText(2_000)).toBeGreaterThan(bytesForText(1_000));
    expect(bytesForText(1_000)).toBeGreaterThan(1_000);
    expect(bytesForCorpusFile(1_000)).toBe(Math.ceil(1_000 * STORED_BYTES_PER_CORPUS_FILE_BYTE * ESTIMATE_MARGIN));
  });
});

describe('checkRoom', () => {
  const cases: { name: string; estimate: StorageEstimateLike | null; needed: number; fits: boolean; free: number | null }[] = [
    { name: 'fits with room to spare', estimate: { usage: 100, quota: 10_000 }, needed: 5_000, fits: true, free: 9_900 },
    { name: 'fits exactly', estimate: { usage: 5_000, quota: 10_000 }, needed: 5_000, fits: true, free: 5_000 },
    { name: 'one byte too many', estimate: { usage: 5_001, quota: 10_000 }, needed: 5_000, fits: false, free: 4_999 },
    { name: 'usage over quota counts as none free', estimate: { usage: 12_000, quota: 10_000 }, needed: 1, fits: false, free: 0 },
    { name: 'no usage reported: all of the quota is free', estimate: { quota: 10_000 }, needed: 10_000, fits: true, free: 10_000 },
    { name: 'no quota reported: cannot tell, goes ahead', estimate: { usage: 10 }, needed: 1e12, fits: true, free: null },
    { name: 'no estimate at all: cannot tell, goes ahead', estimate: null, needed: 1e12, fits: true, free: null },
  ];
  it.each(cases)('$name', async ({ estimate, needed, fits, free }) => {
    expect(await checkRoom(needed, async () => estimate)).toEqual({ fits, needed, free });
  });
});

describe('megabytes', () => {
  it.each([
    { bytes: 0, want: '1' },
    { bytes: 1_000_000, want: '1' },
    { bytes: 1_000_001, want: '2' },
    { bytes: 73_400_000, want: '74' },
  ])('$bytes bytes → $want MB', ({ bytes, want }) => {
    expect(megabytes(bytes)).toBe(want);
  });
});
