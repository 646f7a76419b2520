// The pure parts of the import, in Node (no DOM): dates, addresses, field values, bytes to text,
// markup without a parser, and what readImportFiles does where there is no DOMParser (the CLI).
import { describe, expect, it } from 'vitest';
import type { ArticleInput } from '../../../src/core/analysis';
import { MAX_FILE_BYTES, readImportFiles, type ImportedArticle } from '../../../src/store/import';
import { decodeText } from '../../../src/store/import/decode';
import { fieldText, parseDate, urlKey } from '../../../src/store/import/fields';
import { hasMarkup, toPlainText } from '../../../src/store/import/plain-text';
import { recogniseFormat, suggestMapping } from '../../../src/store/import/table-formats';

describe('parseDate', () => {
  it.each([
    ['2025-03-05', '2025-03-05'],
    ['2025-03-05T23:30:00-05:00', '2025-03-05'],
    ['2025-03-05 10:00:00', '2025-03-05'],
    ['2025/3/5', '2025-03-05'],
    ['  2024-02-29  ', '2024-02-29'],
    ['Tue, 05 Mar 2024 10:00:00 GMT', '2024-03-05'],
    ['5 March 2024', '2024-03-05'],
    ['5th Sept 2024', '2024-09-05'],
    ['March 5, 2024', '2024-03-05'],
    ['Dec 31 1999', '1999-12-31'],
    ['2023-02-29', null], // not a leap year
    ['2025-13-01', null],
    ['03/04/2025', null], // day and month order depends on the country: not guessed
    ['1714000000', null],
    ['yesterday', null],
    ['5 Marchember 2024', null],
    ['', null],
  ])('%j → %j', (raw, expected) => {
    expect(parseDate(raw)).toBe(expected);
  });
});

describe('urlKey', () => {
  it.each([
    ['https://Example.COM/a/b/#x', 'https://example.com/a/b'],
    ['https://example.com/a?id=3#top', 'https://example.com/a?id=3'],
    ['https://example.com/', 'https://example.com/'],
  ])('%s → %s', (raw, key) => expect(urlKey(raw)).toBe(key));
});

describe('fieldText', () => {
  it.each([
    [null, ''],
    ['  padded  ', 'padded'],
    [42, '42'],
    [['A Writer', 'B Writer'], 'A Writer, B Writer'],
    [{ id: null, name: 'Paper' }, 'Paper'],
    ["['A Writer', 'B Writer']", 'A Writer, B Writer'],
    ['[]', ''],
    ['[Updated] Plan approved', '[Updated] Plan approved'],
    [{ nested: true }, ''],
  ])('%j → %j', (value, expected) => expect(fieldText(value)).toBe(expected));
});

describe('decodeText', () => {
  const bytes = (...b: number[]) => new Uint8Array(b);
  it.each([
    ['empty', bytes(), { code: 'empty', reason: 'empty file' }],
    ['whitespace', bytes(32, 10, 9), { code: 'empty', reason: 'empty file (whitespace only)' }],
    ['NUL byte', bytes(65, 0, 66), { code: 'binary', reason: 'binary file (contains NUL bytes)' }],
    ['Latin-1 é', bytes(0x63, 0x61, 0x66, 0xe9), { code: 'not-utf8', reason: 'not valid UTF-8 text' }],
    ['UTF-8 with BOM', bytes(0xef, 0xbb, 0xbf, 0x63, 0xc3, 0xa9), { text: 'cé' }],
    ['over the limit', bytes(65, 66, 67, 68), { code: 'too-large', reason: 'file too large (4 bytes; the limit is 3)' }],
  ])('%s', (_name, input, expected) => {
    expect(decodeText(input, input.length === 4 && input[0] === 65 ? 3 : MAX_FILE_BYTES)).toEqual(expected);
  });
});

describe('toPlainText without a parser', () => {
  it.each([
    ['no markup at all', 'no markup at all'],
    ['AT&amp;T <b>rises</b>', 'AT&amp;T rises'],
    // Cut tags leave a space, so pieces cannot join into a tag again: "< script>" is text to any HTML parser.
    ['<<b>script>alert(1)<</b>/script>', '< script>alert(1)< /script>'],
    ['<img src=x onerror=alert(1)>caption', 'caption'],
    ['<!-- hidden --> shown', 'shown'],
    ['1 < 2 and 3 > 2', '1 < 2 and 3 > 2'],
  ])('%j → %j', (value, expected) => {
    expect(toPlainText(value, null)).toBe(expected);
    expect(hasMarkup(toPlainText(value, null))).toBe(false);
  });
});

describe('recognising an export', () => {
  it.each([
    [{ title: 't', maintext: 'x', source_domain: 'd' }, 'news-please'],
    [{ title: 't', content: 'x', publishedAt: '2025-01-01', source: { id: null, name: 'P' } }, 'newsapi'],
    [{ title: 't', text: 'x', media_name: 'P', publish_date: '2025-01-01' }, 'mediacloud'],
    [{ title: 't', text: 'x', 'source-hostname': 'P' }, 'trafilatura'],
    [{ title: 't', text: 'x', sitename: 'P' }, 'trafilatura'],
    [{ title: 't', text: 'x' }, null],
  ])('%j → %s', (row, id) => expect(recogniseFormat([row])?.id ?? null).toBe(id));

  it('suggests a mapping from usual column names, ignoring case and separators', () => {
    expect(suggestMapping(['Article Text', 'HEADLINE', 'Published_At', 'permalink', 'By-line', 'other'])).toEqual({
      text: 'Article Text',
      headline: 'HEADLINE',
      date: 'Published_At',
      url: 'permalink',
      author: 'By-line',
    });
  });
});

// An imported article goes to the analysis as it is: this line stops compiling if the shapes part.
export const asAnalysisInput = (article: ImportedArticle): ArticleInput => article;

describe('readImportFiles in Node (no DOMParser)', () => {
  const file = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });

  it('reads .txt and tables, reduces markup in cells by pattern, and rejects .html plainly', () => {
    const csv = 'title,maintext,url\r\n<i>Dock</i> sold,"<p>The dock was sold.</p><script>x()</script>",https://port.example.org/dock\r\n';
    const { articles, report } = readImportFiles([file('a.txt', 'Headline\n\nBody text.'), file('b.html', '<p>x</p>'), file('c.csv', csv)]);
    expect(report).toEqual([{ level: 'rejected', code: 'unsupported', file: 'b.html', reason: 'reading HTML needs a DOMParser, which this environment lacks' }]);
    expect(articles.map((a) => [a.id, a.text, a.meta.headline, a.meta.outlet])).toEqual([
      ['a', 'Headline\n\nBody text.', 'Headline', ''],
      ['c-2', 'Dock sold\n\nThe dock was sold. x()', 'Dock sold', 'port.example.org'],
    ]);
  });

  it('rejects an article file over the article limit, while an export of that size is read', () => {
    const body = 'b'.repeat(MAX_FILE_BYTES);
    const { articles, report } = readImportFiles([file('huge.txt', `Headline\n\n${body}`), file('rows.jsonl', JSON.stringify({ maintext: 'Short text.', filler: body }))]);
    expect(report).toEqual([
      { level: 'rejected', code: 'too-large', file: 'huge.txt', reason: `file too large (${MAX_FILE_BYTES + 10} bytes; the limit is ${MAX_FILE_BYTES})` },
    ]);
    expect(articles.map((a) => a.id)).toEqual(['rows-1']);
  });

  it('reads a CSV with semicolons (spreadsheets in many countries write them), and skips system files of a dropped folder', () => {
    const csv = 'title;maintext;url\r\nKiosk reopens;"The kiosk reopened; it sells papers again.";https://kiosk.example.org/a\r\n';
    const { articles, report } = readImportFiles([file('semi.csv', csv), file('folder/.DS_Store', 'x'), file('folder/Thumbs.db', 'x')]);
    expect(report).toEqual([]);
    expect(articles.map((a) => a.text)).toEqual(['Kiosk reopens\n\nThe kiosk reopened; it sells papers again.']);
  });

  it('rejects an article text over the limit, by row', () => {
    const big = 'a'.repeat(MAX_FILE_BYTES + 1);
    const { report } = readImportFiles([file('big.jsonl', JSON.stringify({ maintext: big }) + '\n')]);
    expect(report).toEqual([
      { level: 'rejected', code: 'too-large', file: 'big.jsonl', row: 1, reason: `text too long (${big.length} characters; the limit is ${MAX_FILE_BYTES})` },
    ]);
  });
});
