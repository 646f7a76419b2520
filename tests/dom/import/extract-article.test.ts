// @vitest-environment jsdom
// "Add this page": the extraction over the reader's own tab, as a pure function of a Document and its address.
import { beforeEach, describe, expect, it } from 'vitest';
import { articleFromPage, extractArticle } from '../../../src/store/import';
import { defaultHtmlParser } from '../../../src/store/import/plain-text';

const BODY = `
  <header><a href="/">Front page</a> <a href="/login">Sign in</a></header>
  <article>
    <h1>Lighthouse keeper's cottage to become a museum</h1>
    <div class="byline">By Agnes Thornbury and Kit Ollerenshaw</div>
    <p>The cottage beside the old lighthouse will open as a small museum next spring, the heritage trust said, after a
    bequest from the last keeper's daughter paid for its repair.</p>
    <p>Visitors will see the keeper's logbooks, which record every ship that passed the point for sixty years.</p>
    <aside>Related: <a href="/more">More from the coast</a></aside>
  </article>
  <footer>Terms and privacy</footer>`;

const parse = defaultHtmlParser();

function setPage(head: string): void {
  document.head.innerHTML = head;
  document.body.innerHTML = BODY;
}

describe('extractArticle (Add this page)', () => {
  beforeEach(() => setPage('<title>Lighthouse cottage | Shoreline</title>'));

  it('returns a draft of the article with the outlet from og:site_name and the date from article:published_time', () => {
    setPage(`<title>x</title><meta property="og:site_name" content="The Shoreline"><meta property="article:published_time" content="2025-04-30T23:30:00-05:00">`);
    const draft = extractArticle(document, 'https://news.shoreline.example.com/lighthouse?ref=home#top', parse);
    expect(draft).toEqual({
      text: [
        "Lighthouse keeper's cottage to become a museum",
        "The cottage beside the old lighthouse will open as a small museum next spring, the heritage trust said, after a bequest from the last keeper's daughter paid for its repair.",
        "Visitors will see the keeper's logbooks, which record every ship that passed the point for sixty years.",
      ].join('\n\n'),
      meta: {
        headline: "Lighthouse keeper's cottage to become a museum",
        outlet: 'The Shoreline',
        date: '2025-04-30', // the day the outlet printed, not converted to UTC
        url: 'https://news.shoreline.example.com/lighthouse?ref=home#top',
        author: 'Agnes Thornbury and Kit Ollerenshaw',
      },
      warnings: [],
    });
  });

  it('never changes the page it reads', () => {
    const before = document.documentElement.outerHTML;
    extractArticle(document, 'https://shoreline.example.com/a', parse);
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('falls back to the host for the outlet and to JSON-LD (inside @graph) for the date', () => {
    setPage(`<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2025-05-02T08:00:00Z"}]}</script>`);
    const draft = extractArticle(document, 'https://www.shoreline.example.com/lighthouse', parse);
    expect('meta' in draft && [draft.meta.outlet, draft.meta.date]).toEqual(['shoreline.example.com', '2025-05-02']);
  });

  it('uses <time datetime> when the page declares nothing else; a broken JSON-LD block is ignored', () => {
    setPage(`<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": </script>`);
    document.querySelector('article')!.insertAdjacentHTML('beforeend', '<p><time datetime="2025-05-03">Saturday</time></p>');
    const draft = extractArticle(document, 'https://shoreline.example.com/a', parse);
    expect('meta' in draft && draft.meta.date).toBe('2025-05-03');
  });

  it('keeps an unreadable date as "unknown" and says so; a page address that is not http(s) is left out', () => {
    setPage(`<meta property="article:published_time" content="yesterday">`);
    const draft = extractArticle(document, 'file:///home/reader/page.html', parse);
    expect('meta' in draft && [draft.meta.date, draft.meta.url, draft.meta.outlet]).toEqual(['unknown', '', '']);
    expect('warnings' in draft && draft.warnings).toEqual([
      { code: 'bad-url', reason: 'address "file:///home/reader/page.html" is not an http(s) address; url left empty' },
      { code: 'unknown-date', reason: 'date "yesterday" could not be read; kept as "unknown"' },
    ]);
  });

  it('says so when the page has no article', () => {
    document.body.innerHTML = '<nav><a href="/">Home</a> <a href="/about">About</a></nav>';
    expect(extractArticle(document, 'https://shoreline.example.com/', parse)).toEqual({
      code: 'no-text',
      reason: 'no article text found on the page (10 characters; an article has at least 80)',
    });
  });

  it('resolves a saved page\'s relative canonical link against the address it was saved from', () => {
    const html = `<!-- saved from url=(0044)https://shoreline.example.com/news/lighthouse -->
      <html><head><link rel="canonical" href="/news/lighthouse-cottage"></head><body>${BODY}</body></html>`;
    const draft = extractArticle(parse!(html), '', parse);
    expect('meta' in draft && draft.meta.url).toBe('https://shoreline.example.com/news/lighthouse-cottage');
  });
});

describe('articleFromPage (the confirmed draft)', () => {
  const draft = {
    text: 'Pier reopens\n\nThe pier reopened on Saturday after a winter of repairs.\n\nAnglers were first back.',
    meta: { headline: 'Pier reopens', outlet: 'The Shoreline', date: '2025-04-30', url: 'https://www.shoreline.example.com/news/pier/', author: '' },
  };

  it('becomes an article with an id from its address', () => {
    expect(articleFromPage(draft)).toEqual({
      article: { id: 'shoreline.example.com/news/pier', source: 'https://www.shoreline.example.com/news/pier/', text: draft.text, meta: draft.meta },
      warnings: [],
    });
  });

  it('keeps the reader\'s edits as text, puts an edited headline first, and reads the edited values again', () => {
    const edited = { text: draft.text.replace('Pier reopens\n\n', ''), meta: { ...draft.meta, headline: 'Pier <b>open</b> again', date: 'last week', url: 'ftp://x' } };
    expect(articleFromPage(edited)).toEqual({
      article: {
        id: 'page-pier-b-open-b-again',
        source: 'ftp://x',
        text: 'Pier <b>open</b> again\n\nThe pier reopened on Saturday after a winter of repairs.\n\nAnglers were first back.',
        meta: { headline: 'Pier <b>open</b> again', outlet: 'The Shoreline', date: 'unknown', url: '', author: '' },
      },
      warnings: [
        { level: 'warning', code: 'unknown-date', file: 'ftp://x', reason: 'date "last week" could not be read; kept as "unknown"' },
        { level: 'warning', code: 'bad-url', file: 'ftp://x', reason: 'url "ftp://x" is not an http(s) address; left empty' },
      ],
    });
  });

  it('is refused when the corpus has it already, or when only a headline is left', () => {
    expect(articleFromPage(draft, { urls: ['https://www.shoreline.example.com/news/pier'] })).toEqual({
      rejected: {
        level: 'rejected',
        code: 'duplicate-url',
        file: 'https://www.shoreline.example.com/news/pier/',
        reason: 'same address as an article already in the corpus (https://www.shoreline.example.com/news/pier/)',
      },
    });
    expect(articleFromPage({ ...draft, text: 'Pier reopens' })).toEqual({
      rejected: { level: 'rejected', code: 'no-text', file: 'https://www.shoreline.example.com/news/pier/', reason: 'no article text' },
    });
  });
});
