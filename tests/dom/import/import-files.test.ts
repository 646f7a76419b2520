// @vitest-environment jsdom
// jsdom, not happy-dom: happy-dom 21's parser drops everything after a <script> inside an <svg>,
// which would hide what the hostile fixture is there to test. Browsers parse it as jsdom does.
import { describe, expect, it } from 'vitest';
import { readImportFiles, type ReportEntry } from '../../../src/store/import';
import { fixtures } from './helpers';

const rejected = (code: ReportEntry['code'], file: string, reason: string, row?: number): ReportEntry =>
  row === undefined ? { level: 'rejected', code, file, reason } : { level: 'rejected', code, file, row, reason };
const warning = (code: ReportEntry['code'], file: string, reason: string, row?: number): ReportEntry =>
  row === undefined ? { level: 'warning', code, file, reason } : { level: 'warning', code, file, row, reason };

describe('a folder of article files, good and bad', () => {
  const result = readImportFiles(
    fixtures(
      'ferry-timetable.txt',
      'ferry-copy.txt',
      'library-hours.md',
      'bad-date.md',
      'saved-article.html',
      'time-element.htm',
      'hostile.html',
      'no-article.html',
      'archive.zip',
      'empty.txt',
      'blank.txt',
      'binary.txt',
      'latin1.txt',
      'picture.png',
    ),
  );

  it('reports every rejected file by name and reason, and every warning, in the order given', () => {
    expect(result.report).toEqual([
      // Same text with CRLF line ends: one article.
      rejected('duplicate-text', 'ferry-copy.txt', 'same text as ferry-timetable.txt'),
      warning('unknown-date', 'bad-date.md', 'date "sometime last spring" could not be read; kept as "unknown"'),
      warning('bad-url', 'bad-date.md', 'url "javascript:alert(1)" is not an http(s) address; left empty'),
      warning('unknown-date', 'hostile.html', 'date "not a date at all" could not be read; kept as "unknown"'),
      rejected('no-text', 'no-article.html', 'no article text found on the page (4 characters; an article has at least 80)'),
      rejected('duplicate-text', 'archive.zip/station/ferry-again.txt', 'same text as ferry-timetable.txt'),
      rejected('not-utf8', 'archive.zip/station/latin1.txt', 'not valid UTF-8 text'),
      rejected('unsupported', 'archive.zip/station/nested.zip', 'a .zip inside a .zip is not opened'),
      rejected('empty', 'empty.txt', 'empty file'),
      rejected('empty', 'blank.txt', 'empty file (whitespace only)'),
      rejected('binary', 'binary.txt', 'binary file (contains NUL bytes)'),
      rejected('not-utf8', 'latin1.txt', 'not valid UTF-8 text'),
      rejected('unsupported', 'picture.png', 'not a file type the import reads (.txt, .md, .html, .htm, .zip, .csv, .json, .jsonl)'),
    ]);
    expect(result.mappings).toEqual([]);
  });

  it('accepts everything else, with ids from the file names', () => {
    expect(result.articles.map((a) => [a.id, a.source])).toEqual([
      ['ferry-timetable', 'ferry-timetable.txt'],
      ['library-hours', 'library-hours.md'],
      ['bad-date', 'bad-date.md'],
      ['saved-article', 'saved-article.html'],
      ['time-element', 'time-element.htm'],
      ['hostile', 'hostile.html'],
      ['archive.zip/station/station-cafe', 'archive.zip/station/station-cafe.txt'],
      ['archive.zip/station/station-clock', 'archive.zip/station/station-clock.html'],
    ]);
  });

  const article = (id: string) => result.articles.find((a) => a.id === id)!;

  it('keeps a .txt exactly as the CLI reads it, headline from the first line', () => {
    expect(article('ferry-timetable').meta).toEqual({
      headline: 'Ferry timetable cut to two sailings a day from March',
      outlet: '',
      date: 'unknown',
      url: '',
      author: '',
    });
    expect(article('ferry-timetable').text.split('\n\n')).toHaveLength(4);
  });

  it('reads Markdown front matter and reduces Markdown and inline HTML to text', () => {
    expect(article('library-hours')).toEqual({
      id: 'library-hours',
      source: 'library-hours.md',
      text: [
        'Library opens on Sundays after a year of campaigning',
        'The central library in Westmoor will open on Sundays from next month, the council said, after a campaign by parents and students that gathered 3,000 names.',
        'Opening hours: 10am to 4pm.',
        'Staffed by four librarians on overtime.',
        'Councillor Ilse Varga said the cost, about £40,000 a year, would come from the parking budget.',
      ].join('\n\n'),
      meta: {
        headline: 'Library opens on Sundays after a year of campaigning',
        outlet: 'Westmoor Weekly',
        date: '2025-11-02',
        url: 'https://westmoor.example.com/news/library-sundays#top',
        author: 'Nia Castellane',
      },
    });
  });

  it('takes a saved page\'s article with Readability and its metadata from og, JSON-LD and the page', () => {
    const saved = article('saved-article');
    expect(saved.meta).toEqual({
      headline: 'Bridge repairs to close the river crossing for six weeks',
      outlet: 'The Riverside Courier', // og:site_name, before JSON-LD's publisher
      date: '2025-06-14', // article:published_time, before JSON-LD's 2025-06-13
      url: 'https://riverside-courier.example.com/news/bridge-repairs', // the canonical link
      author: 'Tomas Eriksen',
    });
    const paragraphs = saved.text.split('\n\n');
    expect(paragraphs[0]).toBe('Bridge repairs to close the river crossing for six weeks');
    expect(paragraphs[1]).toMatch(/^The old stone bridge over the river/);
    expect(paragraphs).toHaveLength(5); // headline + four paragraphs: no byline, menu or footer
    expect(saved.text).not.toMatch(/Home|Sport|All rights reserved|By Tomas|changed by a script/);
  });

  it('dates a page from <time datetime> and from JSON-LD inside a list', () => {
    expect(article('time-element').meta.date).toBe('2024-10-05');
    expect(article('archive.zip/station/station-clock').meta).toEqual({
      headline: 'Station clock restored',
      outlet: 'Junction Journal',
      date: '2025-09-09',
      url: '',
      author: '',
    });
  });

  it('leaves no markup of a hostile page: scripts, SVG, frames, handlers and javascript: links are gone', () => {
    const hostile = article('hostile');
    expect(hostile.text).toBe(
      [
        'Council budget passes after a long night',
        'The council passed its budget at two in the morning after a debate of nine hours, with three members voting against.',
        'The budget raises the council tax by four per cent. Members said the rise was the smallest in the region.',
        'Opposition members said the rise would hurt pensioners on fixed incomes.',
        // The page showed these characters (they were escaped in its source): they stay characters.
        "<script>alert('escaped')</script> was printed in the minutes by mistake, the clerk said.",
      ].join('\n\n'),
    );
    // og:site_name held an <img onerror>: only its text is kept.
    expect(hostile.meta.outlet).toBe('Hilltop Herald');
    expect((globalThis as { __imported?: unknown }).__imported).toBeUndefined();
    // Shown as text, the article is one text node: nothing in it becomes an element.
    const shown = document.createElement('div');
    shown.textContent = hostile.text;
    expect(shown.children).toHaveLength(0);
    expect(shown.textContent).toBe(hostile.text);
  });
});

describe('duplicates and ids', () => {
  it('rejects an article already in the corpus by address or by text, and avoids its ids', () => {
    const result = readImportFiles(fixtures('saved-article.html', 'ferry-timetable.txt', 'time-element.htm'), {
      existing: {
        urls: ['https://riverside-courier.example.com/news/bridge-repairs/#section'],
        texts: ['Ferry timetable cut to two sailings a day from March\n\nThe harbour board of Eastwick voted on Tuesday to cut the island ferry to two sailings a day from the first of March, saying fuel costs had risen by a third in a year.\n\n"We cannot run an empty boat at noon," said Dorian Pell, who chairs the board. He said the morning and evening sailings carried nine in ten passengers.\n\nIslanders said the change would leave no way back from the mainland hospital on the same day.    A petition against it has 1,200 signatures.'],
        ids: ['time-element'],
      },
    });
    expect(result.report).toEqual([
      rejected(
        'duplicate-url',
        'saved-article.html',
        'same address as an article already in the corpus (https://riverside-courier.example.com/news/bridge-repairs)',
      ),
      rejected('duplicate-text', 'ferry-timetable.txt', 'same text as an article already in the corpus'),
    ]);
    expect(result.articles.map((a) => a.id)).toEqual(['time-element-2']);
  });

  it('gives two files with one stem different ids', () => {
    const result = readImportFiles(fixtures('ferry-timetable.txt', 'library-hours.md').map((f, i) => ({ ...f, name: i ? 'same.md' : 'same.txt' })));
    expect(result.articles.map((a) => a.id)).toEqual(['same', 'same-2']);
  });

  it('prints control characters in file names as escapes, so a name cannot forge report lines', () => {
    const result = readImportFiles([{ name: 'evil\nfile.txt', bytes: new Uint8Array() }]);
    expect(result.report).toEqual([rejected('empty', 'evil\\u000afile.txt', 'empty file')]);
  });
});

describe('a folder in the CLI corpus format (.txt files and sources.json)', () => {
  it('takes metadata from sources.json through the same reader as the CLI, reporting a bad entry and keeping its article', () => {
    const names = ['cli-folder/tram-fares.txt', 'cli-folder/canal-path.txt', 'cli-folder/sources.json'];
    const { articles, report } = readImportFiles(fixtures(...names));
    expect(report).toEqual([
      warning(
        'bad-metadata',
        'cli-folder/sources.json',
        'entry "canal-path": field "date" must be YYYY-MM-DD or "unknown", got "8th October"; metadata for this article ignored',
      ),
      warning(
        'bad-url',
        'cli-folder/sources.json',
        'entry "missing-file": field "url" must be an http(s) address or "unknown", got "mailto:desk@canalside.example.org"; url recorded as "unknown"',
      ),
    ]);
    expect(articles.map((a) => [a.id, a.meta])).toEqual([
      [
        'cli-folder/tram-fares',
        { headline: 'Tram fares frozen for another year', outlet: 'Canalside Chronicle', date: '2025-10-08', url: 'https://canalside.example.org/tram-fares', author: '' },
      ],
      // Its entry was rejected whole, as the CLI rejects it: only what the file itself says.
      ['cli-folder/canal-path', { headline: 'Canal towpath resurfaced', outlet: '', date: 'unknown', url: '', author: '' }],
    ]);
  });
});
