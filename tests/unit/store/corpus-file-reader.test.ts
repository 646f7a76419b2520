/**
 * The corpus file read piece by piece (CorpusFileReader): the same records as parsing it whole,
 * however the file is cut into pieces, and every bad file rejected naming the file, record and field.
 */
import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../../src/core/match/compile';
import { MatcherCompiler } from '../../../src/core/match/compile';
import type { CorpusIndex } from '../../../src/core/index/types';
import { serialiseCorpusFile } from '../../../src/store/corpus-file';
import { CORPUS_SECTIONS, CorpusFileReader, UTF8_TEXTS, type CorpusSection } from '../../../src/store/corpus-file-reader';
import { secondIndex } from './helpers';

/** Reads `text` in pieces of `size` characters (as UTF-8 bytes when `bytes`); returns the records by section. */
function read(text: string, size: number, bytes = false): { records: Record<CorpusSection, unknown[]>; counts: Record<CorpusSection, number> } {
  const records = Object.fromEntries(CORPUS_SECTIONS.map((s) => [s, []])) as unknown as Record<CorpusSection, unknown[]>;
  const reader = new CorpusFileReader('c.json', (section, record, i) => {
    expect(i).toBe(records[section].length);
    records[section].push(record);
  });
  const data = bytes ? new TextEncoder().encode(text) : text;
  for (let k = 0; k < data.length; k += size) reader.write(data.slice(k, k + size) as Uint8Array & string);
  return { records, counts: reader.end().counts };
}

/** The second fixture corpus as a file, with one change made to its parsed value first. */
function fileWith(change: (index: Record<string, unknown> & CorpusIndex) => void): string {
  const index = secondIndex() as Record<string, unknown> & CorpusIndex;
  change(index);
  return JSON.stringify(index);
}

describe('CorpusFileReader', () => {
  const index = secondIndex();
  const text = serialiseCorpusFile(index);

  it.each([
    ['the whole file at once', text.length, false],
    ['pieces of 7 characters', 7, false],
    ['pieces of 5 bytes (characters cut inside)', 5, true],
    ['pieces of 4,096 bytes', 4096, true],
  ])('gives every record of every section, in order, from %s', (_name, size, bytes) => {
    const { records, counts } = read(text, size as number, bytes as boolean);
    for (const s of CORPUS_SECTIONS) {
      expect(records[s]).toEqual(index[s]);
      expect(counts[s]).toBe(index[s].length);
    }
  });

  it('gives the streamed compile (texts as UTF-8) what makes the same matcher data as the whole index does', () => {
    const compiler = new MatcherCompiler(UTF8_TEXTS);
    const reader = new CorpusFileReader('c.json', (section, record) => compiler.add(section, record));
    reader.write(text);
    reader.end();
    expect(JSON.stringify(compiler.finish())).toBe(JSON.stringify(compileMatcher(index)));
  });

  it.each([
    ['an empty file', '  ', 'c.json: the corpus file is empty'],
    ['text that is not JSON', 'not json', /^c\.json: not a corpus file \(not JSON: /],
    ['a JSON array', '[1, 2]', 'c.json: not a corpus file (expected a JSON object)'],
    ['a file cut short', text.slice(0, Math.floor(text.length / 2)), /^c\.json: .*(cut short|not JSON)/],
    ['a section that is not an array', '{"schemaVersion":1,"articles":{}}', 'c.json: index.articles: expected an array'],
    ['a missing section', fileWith((x) => delete (x as Partial<CorpusIndex>).claimGroups), 'c.json: index.claimGroups: expected an array'],
    ['another schema version', fileWith((x) => ((x as { schemaVersion: number }).schemaVersion = 99)), /^c\.json: index\.schemaVersion: expected schema version 1, found 99/],
    ['a record with a bad field', fileWith((x) => ((x.quotes[1] as { text: unknown }).text = 7)), 'c.json: index.quotes[1].text: expected a string'],
    ['an offset past the article text', fileWith((x) => (x.articles[0].sentences[0].end = 10 ** 7)), /^c\.json: index\.articles\[0\]\.sentences\[0\]\.end: offset 10000000 is past the end/],
    ['a reference to a record that never comes', fileWith((x) => (x.claims[0].group = 'cg-missing')), 'c.json: index.claims[0].group: unknown claim group id "cg-missing"'],
    [
      'sections out of order',
      JSON.stringify({ schemaVersion: 1, entities: [], articles: [] }),
      'c.json: index.articles: comes after index.entities; a corpus file gives its sections in the order articles, entities, ambiguous, quotes, quoteGroups, claims, claimGroups',
    ],
    ['a section given twice', '{"schemaVersion":1,"articles":[],"articles":[]}', 'c.json: index.articles: given twice'],
  ])('rejects %s, naming the file and the field', (_name, bad, message) => {
    expect(() => read(bad as string, 64)).toThrow(message as string | RegExp);
  });

  it.each([
    ['plain Latin-1', 'Caf\u00e9 owners met on Friday.', 'bytes'],
    ['typographic quotes (held as bytes)', '\u201cIt is done,\u201d she said \u2014 twice.', 'bytes'],
    ['a BOM first', '\ufeff\u201cQuoted\u201d', 'bytes'],
    ['a character outside the BMP (kept as it is)', 'Harbour \u{1F6A2} \u2019', 'string'],
    ['a lone surrogate (kept as it is)', 'broken \ud800 \u2019', 'string'],
  ])('packs and unpacks article texts with %s to the same text', (_name, text, held) => {
    const packed = UTF8_TEXTS.pack(text);
    expect(typeof packed === 'string' ? 'string' : 'bytes').toBe(held);
    expect(typeof packed === 'string' ? packed : UTF8_TEXTS.unpack(packed)).toBe(text);
  });

  it('passes over a top-level field it does not know, as the whole-file check does', () => {
    const { counts } = read(fileWith((x) => (x.note = [{ any: 'thing' }, 3])), 100);
    expect(counts.articles).toBe(index.articles.length);
  });
});
