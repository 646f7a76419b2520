// @vitest-environment jsdom
import { Zip, ZipDeflate, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, readImportFiles } from '../../../src/store/import';
import { unzipFiles } from '../../../src/store/import/read-zip';

const encode = (text: string) => new TextEncoder().encode(text);
const ARTICLE = 'Pier reopens\n\nThe pier reopened on Saturday after a winter of repairs to its deck.';

/** A zip written as a stream: no sizes in its local headers, so only the real count can stop a bomb. */
function streamedZip(files: Array<[string, Uint8Array]>): Uint8Array {
  const parts: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    parts.push(chunk);
  });
  for (const [name, data] of files) {
    const file = new ZipDeflate(name, { level: 9 });
    zip.add(file);
    file.push(data, true);
  }
  zip.end();
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) out.set(p, at), (at += p.length);
  return out;
}

describe('a .zip', () => {
  it('stops an entry at the file limit, by its declared size', () => {
    const bytes = zipSync({ 'a.txt': encode(ARTICLE), 'bomb.txt': new Uint8Array(MAX_FILE_BYTES + 1).fill(65) }, { level: 9 });
    const { articles, report } = readImportFiles([{ name: 'b.zip', bytes }]);
    expect(articles.map((a) => a.id)).toEqual(['b.zip/a']);
    expect(report).toEqual([
      { level: 'rejected', code: 'too-large', file: 'b.zip/bomb.txt', reason: `file too large (${MAX_FILE_BYTES + 1} bytes; the limit is ${MAX_FILE_BYTES})` },
    ]);
  });

  it('stops an entry at the file limit by counting as it inflates when no size is declared, and reads the files after it', () => {
    const bytes = streamedZip([
      ['bomb.txt', new Uint8Array(4 * MAX_FILE_BYTES).fill(65)],
      ['after.txt', encode(ARTICLE)],
    ]);
    expect(bytes.length).toBeLessThan(100_000); // a real bomb: tiny packed, 20 MB unpacked
    const { articles, report } = readImportFiles([{ name: 's.zip', bytes }]);
    expect(report).toEqual([
      { level: 'rejected', code: 'too-large', file: 's.zip/bomb.txt', reason: `file too large (more than ${MAX_FILE_BYTES} bytes unpacked; the limit is ${MAX_FILE_BYTES})` },
    ]);
    expect(articles.map((a) => a.id)).toEqual(['s.zip/after']);
  });

  it('stops the whole archive when it unpacks to more than the archive cap (a smaller cap, the same code)', () => {
    const big = new Uint8Array(400).fill(44);
    const bytes = zipSync({ '1.csv': big, '2.csv': big, '3.csv': big, '4.txt': encode(ARTICLE) }, { level: 1 });
    const { files, entries } = unzipFiles({ name: 'many.zip', bytes }, { maxTotal: 1000 });
    expect(files.map((f) => f.name)).toEqual(['many.zip/1.csv', 'many.zip/2.csv']);
    const reason = 'the archive unpacks to more than 1000 bytes; the rest was not read';
    expect(entries).toEqual([{ level: 'rejected', code: 'too-large', file: 'many.zip/3.csv', reason }]);
  });

  it('stops reading after the most entries an archive may hold', () => {
    const bytes = zipSync({ 'a.txt': encode('a'), 'b.txt': encode('b'), 'c.txt': encode('c') });
    const { files, entries } = unzipFiles({ name: 'wide.zip', bytes }, { maxEntries: 2 });
    expect(files.map((f) => f.name)).toEqual(['wide.zip/a.txt', 'wide.zip/b.txt']);
    expect(entries).toEqual([{ level: 'rejected', code: 'too-large', file: 'wide.zip', reason: 'the archive holds more than 2 files; the rest were not read' }]);
  });

  it('reports a file that is not a zip, an empty one, and a damaged one (keeping what came before the damage)', () => {
    const whole = zipSync({ 'first.txt': encode(ARTICLE), 'second.txt': encode(ARTICLE.replace('Saturday', 'Sunday')) });
    // Cut inside the second file's data: its local header (signature PK\x03\x04) is 40 bytes with the name.
    const second = whole.findIndex((b, i) => i > 0 && b === 0x50 && whole[i + 1] === 0x4b && whole[i + 2] === 3 && whole[i + 3] === 4);
    const cut = whole.subarray(0, second + 50);
    const { articles, report } = readImportFiles([
      { name: 'fake.zip', bytes: encode('just text') },
      { name: 'none.zip', bytes: new Uint8Array() },
      { name: 'cut.zip', bytes: cut },
      // Cut exactly between two files: nothing in it is broken, but the archive has no end.
      { name: 'short.zip', bytes: whole.subarray(0, second) },
    ]);
    expect(articles.map((a) => a.id)).toEqual(['cut.zip/first']);
    expect(report).toEqual([
      { level: 'rejected', code: 'unreadable', file: 'fake.zip', reason: 'not a ZIP archive' },
      { level: 'rejected', code: 'empty', file: 'none.zip', reason: 'empty file' },
      { level: 'rejected', code: 'unreadable', file: 'cut.zip', reason: 'the archive is damaged (invalid zip data); files before the damage were read' },
      { level: 'rejected', code: 'unreadable', file: 'cut.zip/second.txt', reason: 'the archive ends inside this file' },
      {
        level: 'rejected',
        code: 'unreadable',
        file: 'short.zip',
        reason: 'the archive is incomplete (it has no end record); the files read before its end were kept',
      },
      // Its first file was read, and is the same article as cut.zip's.
      { level: 'rejected', code: 'duplicate-text', file: 'short.zip/first.txt', reason: 'same text as cut.zip/first.txt' },
    ]);
  });

  it('skips folders and macOS metadata, and names entries inside by their path', () => {
    const bytes = zipSync({ 'dir/': new Uint8Array(), '__MACOSX/dir/._a.txt': new Uint8Array([0, 5, 22, 7]), '.DS_Store': new Uint8Array([0, 0, 0, 1]), 'dir/a.txt': encode(ARTICLE) });
    const { articles, report } = readImportFiles([{ name: 'mac.zip', bytes }]);
    expect(report).toEqual([]);
    expect(articles.map((a) => [a.id, a.source])).toEqual([['mac.zip/dir/a', 'mac.zip/dir/a.txt']]);
  });
});
