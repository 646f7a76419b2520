/**
 * The article-structure fixture pages (an article split across sibling sections, a continuation in a
 * "read more" container, a chart with labels...) read with the real matcher (as a fake background) compiled from the bundled
 * corpus's golden index: the markers' entities are exactly the ones each page's .expected.json lists
 * (worked out by hand from the page), every marker sits in the article's own text, and none of the
 * corpus names that the page prints only outside its article (bylines, captions, feeds...) is marked.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileMatcher } from '../../../src/core/match/compile';
import { createMatcher, type Matcher } from '../../../src/core/match/scan';
import type { CorpusIndex } from '../../../src/core/index/types';
import { findArticleRoot } from '../../../src/page/article-root';
import { Highlighter } from '../../../src/page/highlight';
import { PageScanner } from '../../../src/page/page-scan';
import { fakeBackground } from './fake-background';

const ROOT = resolve(import.meta.dirname, '../../..');
const NEWS = resolve(ROOT, 'tests/fixtures/pages/news');
const PAGES = ['split-sections', 'read-more', 'chart-story', 'hustings-wire', 'story-cards'];

interface Expected {
  page: string;
  articleRoot: string;
  articleText: string[];
  entities: string[];
  people: string[];
  organisations: string[];
  outsideOnly: string[];
}

function load(name: string): Expected {
  const expected = JSON.parse(readFileSync(resolve(NEWS, `${name}.expected.json`), 'utf8')) as Expected;
  const html = readFileSync(resolve(NEWS, '..', expected.page), 'utf8');
  const doc = new DOMParser().parseFromString(html, 'text/html');
  // The page's own styles come too: a continuation hidden by a stylesheet rule must stay hidden.
  document.head.innerHTML = doc.head.innerHTML;
  document.body.innerHTML = doc.body.innerHTML;
  return expected;
}

const normalise = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('article-structure fixture pages with the bundled corpus', () => {
  let matcher: Matcher;
  beforeAll(() => {
    const index = JSON.parse(readFileSync(resolve(ROOT, 'tests/golden/seeds-index.json'), 'utf8')) as CorpusIndex;
    matcher = createMatcher(compileMatcher(index));
  });

  it('has an expectation for every structure issue 14 lists', () => {
    const about = PAGES.map((name) => load(name)).map((e) => JSON.stringify(e)).join(' ');
    for (const structure of ['sibling sections', 'read-more', 'feed', 'share list', 'caption', 'credit', 'bio', 'chart', 'video', 'sponsor']) {
      expect(about, structure).toContain(structure);
    }
  });

  for (const name of PAGES) {
    it(`${name}: marks exactly the article's people and organisations, and nothing outside the article`, async () => {
      const expected = load(name);
      const root = findArticleRoot(document);
      expect(root).toBe(document.querySelector(expected.articleRoot));
      const before = document.body.innerHTML;
      const abort = new AbortController();
      await new PageScanner({
        root,
        // The matching side, answered in the test from the real matcher.
        match: fakeBackground([], (text, kinds) => matcher.scan(text, { kinds }).map((m) => ({ ...m, corpus: 'bundled' }))),
        highlighter: new Highlighter(),
        kinds: { person: true, organisation: true, claim: true, quote: true },
        maxMarkers: 300,
      }).start(abort.signal);

      const marks = Array.from(document.querySelectorAll('coverage-lens-mark'));
      const outside = marks.filter((m) => !expected.articleText.some((selector) => m.closest(selector)));
      expect(outside.map((m) => `${m.getAttribute('data-kind')}: ${normalise(m.textContent ?? '')}`)).toEqual([]);

      const names = marks.filter((m) => ['person', 'organisation'].includes(m.getAttribute('data-kind') ?? ''));
      const ids = [...new Set(names.map((m) => m.getAttribute('data-id')))].sort();
      expect(ids).toEqual(expected.entities.slice().sort());
      const texts = new Set(names.map((m) => normalise(m.textContent ?? '').replace(/['’]s$/, '')));
      for (const written of [...expected.people, ...expected.organisations]) expect(texts, written).toContain(written);
      for (const written of expected.outsideOnly) expect(texts, written).not.toContain(written);

      abort.abort();
      expect(document.body.innerHTML).toBe(before);
    });
  }
});
