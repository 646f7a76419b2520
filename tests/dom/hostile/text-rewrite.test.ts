/**
 * Pages that keep a reference to a text node and write its `data` (React, Preact and hand-written
 * tickers do): after we split that node to place a marker, the page's write must not leave our
 * stale pieces beside its new text. Found by tests/e2e/hostile.test.ts (ticker page), where the
 * ticker's paragraph grew a copy of every old update.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Highlighter } from '../../../src/page/highlight';
import { PageScanner } from '../../../src/page/page-scan';
import { collectBlocks } from '../../../src/page/text-map';
import { fakeBackground } from '../page/fake-background';

const KINDS = { person: true, organisation: true, claim: true, quote: true };
const TERMS = [
  { text: 'Ada Quill', kind: 'person' as const, id: 'p:ada' },
  { text: 'Tomas Berg', kind: 'person' as const, id: 'p:tomas' },
  { text: 'Ada Quill speaks to the harbour union', kind: 'claim' as const, id: 'c:1' },
];
const microtasks = () => new Promise((r) => setTimeout(r, 0));

afterEach(() => {
  document.body.innerHTML = '';
});

describe('a page rewriting a text node we split', () => {
  it('Highlighter: unmarking after the rewrite drops the stale pieces instead of merging them back', () => {
    document.body.innerHTML = '<p id="t">Live: Ada Quill arrives at the rally (update 0)</p>';
    const p = document.getElementById('t')!;
    const own = p.firstChild as Text;
    const h = new Highlighter();
    const [block] = collectBlocks(document.body, { checkVisibility: false });
    const start = block.text.indexOf('Ada Quill');
    const [marks] = h.markBlock(block, [{ kind: 'person', id: 'p:ada', start, end: start + 9 }]);
    expect(marks.map((m) => m.textContent)).toEqual(['Ada Quill']);
    expect(h.isRewritten(own)).toBe(false);
    own.data = 'Live: Tomas Berg answers questions (update 1)';
    expect(h.isRewritten(own)).toBe(true);
    h.unmark(marks);
    expect(p.textContent).toBe('Live: Tomas Berg answers questions (update 1)');
    expect(p.childNodes.length).toBe(1);
    expect(p.firstChild).toBe(own);
  });

  it('Highlighter: a page node that sits inside our marker (match at its start) is rewritten and restored right', () => {
    document.body.innerHTML = '<p id="t">Ada Quill arrives at the rally</p>';
    const p = document.getElementById('t')!;
    const own = p.firstChild as Text;
    const h = new Highlighter();
    const [block] = collectBlocks(document.body, { checkVisibility: false });
    const [marks] = h.markBlock(block, [{ kind: 'person', id: 'p:ada', start: 0, end: 9 }]);
    expect(own.parentElement!.tagName).toBe('COVERAGE-LENS-MARK');
    own.data = 'Tomas Berg has left';
    h.unmark(marks);
    expect(p.textContent).toBe('Tomas Berg has left');
  });

  it('Highlighter: without a rewrite, unmarking still restores the split text exactly', () => {
    document.body.innerHTML = '<p id="t">Live: Ada Quill arrives</p>';
    const p = document.getElementById('t')!;
    const h = new Highlighter();
    const [block] = collectBlocks(document.body, { checkVisibility: false });
    const [marks] = h.markBlock(block, [{ kind: 'person', id: 'p:ada', start: 6, end: 15 }]);
    h.unmark(marks);
    expect(p.childNodes.length).toBe(1);
    expect(p.textContent).toBe('Live: Ada Quill arrives');
  });

  it('PageScanner: the page never shows stale text, not even before the throttled rescan, and a busy block is left alone', async () => {
    document.body.innerHTML = '<article id="a"><p>Intro paragraph about Tomas Berg for the article root.</p><p id="t">Ada Quill speaks to the harbour union (update 0)</p></article>';
    const root = document.getElementById('a')!;
    const p = document.getElementById('t')!;
    const own = p.firstChild as Text;
    const scanner = new PageScanner({ root, match: fakeBackground(TERMS), highlighter: new Highlighter(), kinds: KINDS, maxMarkers: 100 });
    const abort = new AbortController();
    await scanner.start(abort.signal);
    expect(p.querySelectorAll('coverage-lens-mark').length).toBeGreaterThan(0);
    for (let n = 1; n <= 14; n++) {
      const text = `${n % 2 ? 'Tomas Berg' : 'Ada Quill'} speaks to the harbour union (update ${n})`;
      own.data = text;
      await microtasks(); // the observer's callback has run; no rescan yet (it is throttled)
      expect(p.textContent).toBe(text);
      await new Promise((r) => setTimeout(r, 120));
      await scanner.idle();
      expect(p.textContent).toBe(text);
    }
    // Wait out the throttle: the last rescans run, then the block is past its rescan budget.
    await new Promise((r) => setTimeout(r, 700));
    await scanner.idle();
    own.data = 'Final words from Ada Quill';
    await microtasks();
    expect(p.textContent).toBe('Final words from Ada Quill');
    abort.abort();
    expect(p.textContent).toBe('Final words from Ada Quill');
    expect(document.querySelectorAll('coverage-lens-mark').length).toBe(0);
  });
});
