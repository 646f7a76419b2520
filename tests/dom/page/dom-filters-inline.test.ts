/**
 * isExcluded's short way for inline elements with no element inside (judged by tag when none of
 * the attributes the tests read is there) gives the verdict of the full tests: each case is an
 * inline leaf the text walk meets, with its expected verdict and the full tests' own.
 */
import { describe, expect, it } from 'vitest';
import { isExcluded, isFurniture, isUntouchable } from '../../../src/page/dom-filters';

const cases: { html: string; excluded: boolean }[] = [
  { html: '<a href="/topic/1">a link</a>', excluded: false },
  { html: '<em>emphasis</em>', excluded: false },
  { html: '<strong>strong</strong>', excluded: false },
  { html: '<a href="/x" title="t" target="_blank">a link with more attributes</a>', excluded: false },
  { html: '<span data-x="1">a span with an unread attribute</span>', excluded: false },
  { html: '<span class="byline">By Ann Example</span>', excluded: true },
  { html: '<span class="note">a span with a plain class</span>', excluded: false },
  { html: '<a href="/staff/ann" rel="author">Ann Example</a>', excluded: true },
  { html: '<span itemprop="author">Ann Example</span>', excluded: true },
  { html: '<span aria-hidden="true">hidden from readers</span>', excluded: true },
  { html: '<span aria-hidden="false">shown to readers</span>', excluded: false },
  { html: '<span hidden>hidden</span>', excluded: true },
  { html: '<span inert>inert</span>', excluded: true },
  { html: '<span contenteditable="true">editable</span>', excluded: true },
  { html: '<span contenteditable="false">not editable</span>', excluded: false },
  { html: '<a href="/share" role="navigation">share</a>', excluded: true },
  { html: '<span id="advert-3">ad</span>', excluded: true },
  { html: '<span data-component="share-tools">share</span>', excluded: true },
  { html: '<span data-testid="comment-count">3</span>', excluded: true },
];

describe('isExcluded on inline elements with no element inside', () => {
  for (const { html, excluded } of cases) {
    it(`${html}: ${excluded ? 'excluded' : 'read'}, as the full tests say`, () => {
      document.body.innerHTML = `<p>Body text ${html} more body text.</p>`;
      const el = document.body.querySelector('p')!.firstElementChild!;
      expect(el.firstElementChild).toBeNull();
      expect(isExcluded(el)).toBe(excluded);
      expect(isUntouchable(el) || isFurniture(el)).toBe(excluded);
    });
  }

  it('an attribute set in another case is read by the full tests', () => {
    document.body.innerHTML = '<p>Body <span>text</span>.</p>';
    const el = document.body.querySelector('span')!;
    el.setAttributeNS(null, 'ROLE', 'navigation');
    expect(isExcluded(el)).toBe(isUntouchable(el) || isFurniture(el));
  });
});
