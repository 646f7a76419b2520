/**
 * The fixture news pages, read the way the content script reads them (happy-dom, no layout): the
 * article root is the one each page's .expected.json names, and no text from the page furniture
 * listed there is ever read, so none of it can be marked.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findArticleRoot } from '../../../src/page/article-root';
import { Highlighter } from '../../../src/page/highlight';
import { PageScanner } from '../../../src/page/page-scan';
import { collectBlocks } from '../../../src/page/text-map';
import { fakeBackground } from './fake-background';

const DIR = resolve(import.meta.dirname, '../../fixtures/pages/news');
const pages = readdirSync(DIR).filter((f) => f.endsWith('.expected.json'));

interface Expected {
  page: string;
  articleRoot: string;
  people: string[];
  unmarked: string[];
}

function load(file: string): Expected {
  const expected = JSON.parse(readFileSync(resolve(DIR, file), 'utf8')) as Expected;
  const html = readFileSync(resolve(DIR, '..', expected.page), 'utf8');
  // Parse without running the page's scripts (the live page's timers are the e2e test's business).
  const doc = new DOMParser().parseFromString(html.replace(/<script[\s\S]*?<\/script>/g, ''), 'text/html');
  document.body.innerHTML = doc.body.innerHTML;
  return expected;
}

describe('fixture pages', () => {
  it('has at least eight pages, each with an expectation file', () => {
    expect(pages.length).toBeGreaterThanOrEqual(8);
  });

  for (const file of pages) {
    it(`${file}: finds the article and never reads page furniture`, async () => {
      const expected = load(file);
      const root = findArticleRoot(document);
      expect(root).toBe(document.querySelector(expected.articleRoot));
      const text = collectBlocks(root, { checkVisibility: false })
        .map((b) => b.text)
        .join('\n');
      for (const name of expected.people) expect(text).toContain(name);
      // A background that finds every expected name everywhere: markers still land only in the article.
      const terms = expected.people.map((name) => ({ text: name, kind: 'person' as const, id: name }));
      if (expected.unmarked.includes('body')) terms.push({ text: 'Smith', kind: 'person', id: 'smith' });
      const before = document.body.innerHTML;
      const abort = new AbortController();
      await new PageScanner({
        root,
        match: fakeBackground(terms),
        highlighter: new Highlighter(),
        kinds: { person: true, organisation: true, claim: true, quote: true },
        maxMarkers: 300,
      }).start(abort.signal);
      for (const selector of expected.unmarked.filter((s) => s !== 'body')) {
        for (const region of Array.from(document.querySelectorAll(selector))) {
          expect(region.querySelector('coverage-lens-mark'), `${selector} in ${expected.page}`).toBeNull();
        }
      }
      for (const name of expected.people) {
        const marks = Array.from(document.querySelectorAll(`coverage-lens-mark[data-id="${name}"]`));
        expect(marks.length, name).toBeGreaterThan(0);
      }
      abort.abort();
      expect(document.body.innerHTML).toBe(before);
    });
  }
});
