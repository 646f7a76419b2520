/** The page's publication day as news pages declare it for machines, and nothing when they do not. */
import { describe, expect, it } from 'vitest';
import { isoDay, pageDateReader, readPageDate } from '../../../src/page/page-date';

function page(head: string, body = ''): Document {
  const doc = document.implementation.createHTMLDocument('t');
  doc.head.innerHTML = head;
  doc.body.innerHTML = body;
  return doc;
}

describe('readPageDate', () => {
  it.each<[string, string, string, string | undefined]>([
    ['Open Graph article:published_time, with a time and zone', '<meta property="article:published_time" content="2026-03-04T23:30:00+01:00">', '', '2026-03-04'],
    ['the same as a name attribute', '<meta name="article:published_time" content="2026-03-04">', '', '2026-03-04'],
    ['JSON-LD datePublished', '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-11-30T08:00:00Z"}</script>', '', '2025-11-30'],
    ['JSON-LD inside @graph', '<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2025-01-02"}]}</script>', '', '2025-01-02'],
    ['JSON-LD as an array', '<script type="application/ld+json">[{"@type":"Organization"},{"datePublished":"2024-02-29"}]</script>', '', '2024-02-29'],
    ['malformed JSON-LD: the next source', '<script type="application/ld+json">{"datePublished": </script>', '<time datetime="2026-05-06">6 May</time>', '2026-05-06'],
    ['microdata datePublished', '', '<span itemprop="datePublished" content="2023-07-08">8 July</span>', '2023-07-08'],
    ['the first time element', '', '<p>Posted <time datetime="2026-01-09T12:00">9 January</time></p>', '2026-01-09'],
    ['meta wins over a time element', '<meta property="article:published_time" content="2026-03-04">', '<time datetime="2020-01-01">old</time>', '2026-03-04'],
    ['an impossible day is no date', '<meta property="article:published_time" content="2026-02-30">', '', undefined],
    ['text that only looks like a date is not read', '', '<p>Published 4 March 2026</p>', undefined],
    ['nothing declared', '', '<p>Hello.</p>', undefined],
  ])('%s', (_name, head, body, expected) => {
    expect(readPageDate(page(head, body))).toBe(expected);
  });
});

describe('isoDay', () => {
  it.each<[string | null, string | null]>([
    ['2026-12-06', '2026-12-06'],
    [' 2026-12-06T01:02:03Z ', '2026-12-06'],
    ['2026-13-01', null],
    ['06/12/2026', null],
    [null, null],
  ])('%s → %s', (input, expected) => {
    expect(isoDay(input)).toBe(expected);
  });
});

describe('pageDateReader', () => {
  it('reads again when the address changes (a single-page app), not on every request', () => {
    const doc = page('<meta property="article:published_time" content="2026-03-04">');
    let address = 'https://news.example/a';
    const read = pageDateReader(doc, () => address);
    expect(read()).toBe('2026-03-04');
    doc.head.querySelector('meta')!.setAttribute('content', '2026-03-05');
    expect(read()).toBe('2026-03-04');
    address = 'https://news.example/b';
    expect(read()).toBe('2026-03-05');
  });
});
