import { afterEach, describe, expect, it, vi } from 'vitest';
import { Highlighter } from '../../../src/page/highlight';
import { BATCH_MAX_BLOCKS, MAX_BATCHES_IN_FLIGHT, PageScanner } from '../../../src/page/page-scan';
import { FAKE_CORPUS, fakeBackground, findTerms } from './fake-background';
import type { CorpusMatch } from '../../../src/shared/protocol';
import type { BlockMatch } from '../../../src/page/match-client';

/**
 * The paced-reading test waits on real timers (four half-second settles and two waits of up to 10 s),
 * so vitest's 5 s default is shorter than its own waits: on a loaded 2-core machine it took 4.5-5.5 s.
 */
const PACED_TEST_TIMEOUT_MS = 30_000;

const KINDS = { person: true, organisation: true, claim: true, quote: true };
const TERMS = [
  { text: 'Jane Doe', kind: 'person' as const, id: 'person:jane' },
  { text: 'Doe', kind: 'person' as const, id: 'person:jane' },
  { text: 'Town Council', kind: 'organisation' as const, id: 'org:council' },
];

function page(): Element {
  document.body.innerHTML = `<header><nav><a href="#">Jane Doe profile</a></nav></header>
    <article id="a"><h1>Jane Doe speaks</h1>
      <p>Jane <em>Doe</em> addressed the Town Council.</p>
      <script>var s = "Jane Doe";</script>
      <textarea>Jane Doe</textarea>
      <div contenteditable="true">Jane Doe</div>
      <p aria-hidden="true">Jane Doe</p>
      <aside><p>Jane Doe in the sidebar</p></aside>
      <section class="comments"><p>Jane Doe is great</p></section>
    </article>`;
  return document.getElementById('a')!;
}

describe('PageScanner (the scan feature, against a fake background)', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('marks matches in the article only, never in script, textarea, contenteditable, aria-hidden, asides or comments', async () => {
    const root = page();
    const before = document.body.innerHTML;
    const scanner = new PageScanner({ root, match: fakeBackground(TERMS), highlighter: new Highlighter(), kinds: KINDS, maxMarkers: 100 });
    const abort = new AbortController();
    await scanner.start(abort.signal);
    const marks = Array.from(document.querySelectorAll('coverage-lens-mark[data-cl-first]'));
    expect(marks.map((m) => [m.closest('h1,p')?.tagName, m.getAttribute('data-id')])).toEqual([
      ['H1', 'person:jane'],
      ['P', 'person:jane'],
      ['P', 'org:council'],
    ]);
    expect(document.querySelector('script')!.textContent).toBe('var s = "Jane Doe";');
    expect(document.querySelector('textarea')!.value).toBe('Jane Doe');
    expect(document.querySelector('[contenteditable] coverage-lens-mark, aside coverage-lens-mark, .comments coverage-lens-mark, nav coverage-lens-mark')).toBeNull();
    abort.abort();
    expect(document.querySelectorAll('coverage-lens-mark').length).toBe(0);
    expect(document.body.innerHTML).toBe(before);
  });

  it('stops at maxMarkers', async () => {
    document.body.innerHTML = `<article id="a">${'<p>Jane Doe and Jane Doe and Jane Doe.</p>'.repeat(10)}</article>`;
    const scanner = new PageScanner({
      root: document.getElementById('a')!,
      match: fakeBackground(TERMS),
      highlighter: new Highlighter(),
      kinds: KINDS,
      maxMarkers: 7,
    });
    await scanner.start(new AbortController().signal);
    expect(document.querySelectorAll('coverage-lens-mark[data-cl-first]').length).toBe(7);
    expect(scanner.placedMatches().length).toBe(7);
  });

  it('holds back a lone surname until the page names the person in full, and drops it if it never does', async () => {
    document.body.innerHTML = `<article id="a"><p>Doe opened the batting.</p><p>Later Doe was out.</p></article>`;
    const run = async () => {
      const scanner = new PageScanner({
        root: document.getElementById('a')!,
        match: fakeBackground(TERMS),
        highlighter: new Highlighter(),
        kinds: KINDS,
        maxMarkers: 100,
      });
      await scanner.start(new AbortController().signal);
      return Array.from(document.querySelectorAll('coverage-lens-mark')).map((m) => m.textContent);
    };
    expect(await run()).toEqual([]);
    document.body.innerHTML = `<article id="a"><p>Doe opened the batting.</p><p>Later Jane Doe was out.</p></article>`;
    expect(await run()).toEqual(['Doe', 'Jane Doe']);
  });

  it('releases a held lone name into a block that already carries other markers', async () => {
    // The first block is marked (the organisation) before the later block releases "Doe" in it.
    document.body.innerHTML = `<article id="a"><p>Doe addressed the Town Council.</p><p>Jane Doe replied.</p></article>`;
    const scanner = new PageScanner({ root: document.getElementById('a')!, match: fakeBackground(TERMS), highlighter: new Highlighter(), kinds: KINDS, maxMarkers: 100 });
    await scanner.start(new AbortController().signal);
    expect(Array.from(document.querySelectorAll('coverage-lens-mark[data-cl-first]')).map((m) => m.textContent)).toEqual(['Doe', 'Town Council', 'Jane Doe']);
  });

  it('marks the blocks of the batches that were matched when one batch fails, then reports the failure', async () => {
    // Short blocks, so the block count (not the characters) closes the first batch.
    document.body.innerHTML = `<article id="a">${'<p>Jane Doe and the Town Council.</p>'.repeat(BATCH_MAX_BLOCKS + 20)}</article>`;
    let call = 0;
    const good = fakeBackground(TERMS);
    const scanner = new PageScanner({
      root: document.getElementById('a')!,
      match: async (blocks, kinds) => {
        if (call++ === 0) throw new Error('the matching side is gone');
        return good(blocks, kinds);
      },
      highlighter: new Highlighter(),
      kinds: KINDS,
      maxMarkers: 1000,
    });
    await expect(scanner.start(new AbortController().signal)).rejects.toThrow('the matching side is gone');
    // BATCH_MAX_BLOCKS + 20 blocks: the second batch's 20 blocks are marked, two markers each.
    expect(document.querySelectorAll('coverage-lens-mark[data-cl-first]').length).toBe(40);
  });

  it('reads on only while fewer than MAX_BATCHES_IN_FLIGHT batches wait for an answer, and stops at the cap once answers fill it', async () => {
    // Five batches' worth of short blocks, each with two markers.
    document.body.innerHTML = `<article id="a">${'<p>Jane Doe and the Town Council.</p>'.repeat(BATCH_MAX_BLOCKS * 5)}</article>`;
    const good = fakeBackground(TERMS);
    const waiting: (() => void)[] = [];
    const sent: number[] = [];
    const scanner = new PageScanner({
      root: document.getElementById('a')!,
      match: (blocks, kinds) =>
        new Promise((resolve) => {
          sent.push(blocks.length);
          waiting.push(() => resolve(good(blocks, kinds)));
        }),
      highlighter: new Highlighter(),
      kinds: KINDS,
      // Filled by the first two batches' answers.
      maxMarkers: BATCH_MAX_BLOCKS * 2 * 2,
    });
    const done = scanner.start(new AbortController().signal);
    // Time enough for reading on, were it not paused (the whole page reads in far less).
    const settle = () => new Promise((r) => setTimeout(r, 500));
    await vi.waitFor(() => expect(sent.length).toBe(MAX_BATCHES_IN_FLIGHT), { timeout: 10_000 });
    await settle();
    expect(sent).toEqual(Array(MAX_BATCHES_IN_FLIGHT).fill(BATCH_MAX_BLOCKS));
    waiting.shift()!();
    // One answer applied: one more batch read and sent.
    await vi.waitFor(() => expect(sent.length).toBe(MAX_BATCHES_IN_FLIGHT + 1), { timeout: 10_000 });
    while (waiting.length > 0) {
      waiting.shift()!();
      await settle();
    }
    await done;
    // The first two answers filled the cap: nothing was read after the third batch.
    expect(sent.length).toBe(MAX_BATCHES_IN_FLIGHT + 1);
    expect(document.querySelectorAll('coverage-lens-mark[data-cl-first]').length).toBe(BATCH_MAX_BLOCKS * 4);
  }, PACED_TEST_TIMEOUT_MS);

  it('settles when stopped while a batch is on its way, and leaves nothing behind', async () => {
    // Enough blocks that reading takes several frame slices: the stop comes while some are unread.
    document.body.innerHTML = `<article id="a">${'<p>Jane Doe and the Town Council.</p>'.repeat(3000)}</article>`;
    const before = document.body.innerHTML;
    let answer: () => void = () => undefined;
    const good = fakeBackground(TERMS);
    let sentFirst: () => void = () => undefined;
    const firstSent = new Promise<void>((r) => (sentFirst = r));
    const scanner = new PageScanner({
      root: document.getElementById('a')!,
      match: (blocks, kinds) =>
        new Promise((resolve) => {
          answer = () => resolve(good(blocks, kinds));
          sentFirst();
        }),
      highlighter: new Highlighter(),
      kinds: KINDS,
      maxMarkers: 100,
    });
    const abort = new AbortController();
    const started = scanner.start(abort.signal);
    await firstSent;
    abort.abort();
    answer();
    await started;
    await new Promise((r) => setTimeout(r, 20));
    expect(document.body.innerHTML).toBe(before);
  });

  it('nests a name inside a claim sentence, and removing both restores the DOM', async () => {
    document.body.innerHTML = `<article id="a"><p>Before. Jane <em>Doe</em> said the Town Council met twice. After.</p></article>`;
    const before = document.body.innerHTML;
    const terms = [...TERMS, { text: 'Jane Doe said the Town Council met twice.', kind: 'claim' as const, id: 'claim:1' }];
    // the fake refuses overlaps; the real matcher reports names inside claims: merge both
    const background = fakeBackground(terms, (text) => [
      ...findTerms(terms.filter((t) => t.kind !== 'claim'), text),
      ...findTerms(terms.filter((t) => t.kind === 'claim'), text),
    ]);
    const abort = new AbortController();
    const scanner = new PageScanner({ root: document.getElementById('a')!, match: background, highlighter: new Highlighter(), kinds: KINDS, maxMarkers: 100 });
    await scanner.start(abort.signal);
    const claimPieces = Array.from(document.querySelectorAll('coverage-lens-mark[data-kind="claim"]'));
    expect(claimPieces.map((m) => m.textContent).join('')).toBe('Jane Doe said the Town Council met twice.');
    const names = Array.from(document.querySelectorAll('coverage-lens-mark[data-kind="person"], coverage-lens-mark[data-kind="organisation"]'));
    expect(names.map((m) => m.textContent)).toEqual(['Jane ', 'Doe', 'Town Council']);
    expect(names.every((m) => m.parentElement?.closest('coverage-lens-mark[data-kind="claim"]'))).toBe(true);
    expect(document.querySelector('p')!.textContent).toBe('Before. Jane Doe said the Town Council met twice. After.');
    abort.abort();
    expect(document.body.innerHTML).toBe(before);
  });

  /** The DOM a plain scan of `html` (its root `#a`) ends with: what a names-first scan's whole answer must leave. */
  async function plainScanDom(html: string, match: BlockMatch): Promise<string> {
    document.body.innerHTML = html;
    const plain = new PageScanner({ root: document.getElementById('a')!, match, highlighter: new Highlighter(), kinds: KINDS, maxMarkers: 100 });
    await plain.start(new AbortController().signal);
    return document.body.innerHTML;
  }

  it('names first: shows early names at once, then the whole answer takes their place with the same DOM as a plain scan, nothing doubled', async () => {
    const html = `<article id="a"><p>Before. Jane <em>Doe</em> said the Town Council met twice. After.</p><p>Doe left.</p></article>`;
    const terms = [...TERMS, { text: 'Jane Doe said the Town Council met twice.', kind: 'claim' as const, id: 'claim:1' }];
    const all = (text: string) => [...findTerms(terms.filter((t) => t.kind !== 'claim'), text), ...findTerms(terms.filter((t) => t.kind === 'claim'), text)];
    const expected = await plainScanDom(html, fakeBackground(terms, all));

    document.body.innerHTML = html;
    const before = document.body.innerHTML;
    let release: () => void = () => undefined;
    const whole = new Promise<void>((r) => (release = r));
    const match: BlockMatch = async (blocks, _kinds, early) => {
      // Names alone first (lone names and all), as a cold matching side answers them.
      early?.(blocks.map((text) => all(text).filter((m) => m.kind === 'person' || m.kind === 'organisation')));
      await whole;
      return blocks.map(all);
    };
    const abort = new AbortController();
    const scanner = new PageScanner({ root: document.getElementById('a')!, match, highlighter: new Highlighter(), kinds: KINDS, maxMarkers: 100 });
    const started = scanner.start(abort.signal);
    await vi.waitFor(() => expect(document.querySelectorAll('coverage-lens-mark').length).toBeGreaterThan(0));
    // Early: the full name and the organisation, not the lone "Doe" (it waits for a full name), no claim yet.
    const early = Array.from(document.querySelectorAll('coverage-lens-mark[data-cl-first]'));
    expect(early.map((m) => [m.getAttribute('data-kind'), m.textContent])).toEqual([
      ['person', 'Jane '],
      ['organisation', 'Town Council'],
    ]);
    // An early marker is a marker a card can open on.
    expect(scanner.placedFor(early[0])?.match.id).toBe('person:jane');
    expect(scanner.placedMatches()).toEqual([]);
    release();
    await started;
    expect(document.body.innerHTML).toBe(expected);
    expect(scanner.placedMatches().map((p) => p.match.id).sort()).toEqual(['claim:1', 'org:council', 'person:jane', 'person:jane']);
    // The names seen early are the same elements now, inside the claim: what the reader saw stayed.
    expect(early.every((m) => m.isConnected)).toBe(true);
    expect(early.map((m) => scanner.placedFor(m)?.match.id)).toEqual(['person:jane', 'org:council']);
    expect(early[0].parentElement?.closest('coverage-lens-mark[data-kind="claim"]')).not.toBeNull();
    abort.abort();
    expect(document.body.innerHTML).toBe(before);
  });

  it('names first: a whole answer of exactly the early names keeps their markers as they are (no write) and as the answer\'s matches', async () => {
    const html = `<article id="a"><p>Before. Jane Doe met the Town Council. After.</p></article>`;
    const expected = await plainScanDom(html, fakeBackground(TERMS));

    document.body.innerHTML = html;
    const before = document.body.innerHTML;
    let release: () => void = () => undefined;
    const whole = new Promise<void>((r) => (release = r));
    const match: BlockMatch = async (blocks, _kinds, early) => {
      early?.(blocks.map((text) => findTerms(TERMS, text)));
      await whole;
      // The whole answer: the same names, told apart from the early ones by their score.
      return blocks.map((text) => findTerms(TERMS, text).map((m) => ({ ...m, score: 0.5 })));
    };
    const abort = new AbortController();
    const scanner = new PageScanner({ root: document.getElementById('a')!, match, highlighter: new Highlighter(), kinds: KINDS, maxMarkers: 100 });
    const started = scanner.start(abort.signal);
    await vi.waitFor(() => expect(document.querySelectorAll('coverage-lens-mark[data-cl-first]').length).toBe(2));
    const early = Array.from(document.querySelectorAll('coverage-lens-mark[data-cl-first]'));
    const records: MutationRecord[] = [];
    const observer = new MutationObserver((r) => records.push(...r));
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    release();
    await started;
    records.push(...observer.takeRecords());
    observer.disconnect();
    expect(records).toEqual([]);
    expect(document.body.innerHTML).toBe(expected);
    expect(early.map((m) => scanner.placedFor(m)?.match.score)).toEqual([0.5, 0.5]);
    expect(scanner.placedMatches().map((p) => p.match.id).sort()).toEqual(['org:council', 'person:jane']);
    abort.abort();
    expect(document.body.innerHTML).toBe(before);
  });

  it('a page recognised as a copy of corpus articles loses the written markers whose only evidence is them, two recognitions in one batch included', async () => {
    document.body.innerHTML = `<article id="a"><p>Jane Doe spoke.</p><p>Jane Doe again, with Tom Roe.</p><p>Ann Poe spoke.</p></article>`;
    const ref = (article: string) => ({ article, sentence: 0, relation: 'mentions' as const, score: 1 });
    // As an answer carries them: every detection of a name shares its entity's refs list.
    const refs: Record<string, CorpusMatch['refs']> = { jane: [ref('x1')], tom: [ref('x1'), ref('x2')], ann: [ref('x3')] };
    const name = (text: string, block: string, id: string): CorpusMatch => {
      const start = block.indexOf(text);
      return { kind: 'person', text, start, end: start + text.length, id: `person:${id}`, score: 1, refs: refs[id], corpus: FAKE_CORPUS };
    };
    const claim = (block: string, article: string): CorpusMatch => ({ kind: 'claim', text: block, start: 0, end: block.length, id: `claim:${block}`, score: 1, refs: [ref(article)], corpus: FAKE_CORPUS, restates: article });
    const answer = (block: string): CorpusMatch[] => {
      if (block.startsWith('Jane Doe spoke')) return [name('Jane Doe', block, 'jane')];
      if (block.startsWith('Jane Doe again')) return [name('Jane Doe', block, 'jane'), name('Tom Roe', block, 'tom')];
      if (block.startsWith('Ann Poe')) return [name('Ann Poe', block, 'ann')];
      if (block.startsWith('First') || block.startsWith('Second')) return [claim(block, 'x1')];
      if (block.startsWith('Third') || block.startsWith('Fourth')) return [claim(block, 'x2')];
      return [];
    };
    const root = document.getElementById('a')!;
    const scanner = new PageScanner({ root, match: async (blocks) => blocks.map(answer), highlighter: new Highlighter(), kinds: KINDS, maxMarkers: 100, eager: true });
    const abort = new AbortController();
    void scanner.start(abort.signal);
    await vi.waitFor(() => expect(document.querySelectorAll('coverage-lens-mark').length).toBe(4));
    // The page goes on with sentences of two corpus articles (a live page): both are recognised in one batch.
    root.insertAdjacentHTML('beforeend', '<p>First restating sentence.</p><p>Second restating sentence.</p><p>Third restating sentence.</p><p>Fourth restating sentence.</p>');
    // Jane's only evidence is x1, Tom's x1 and x2, the claims' their own twin: their markers, already written, go.
    await vi.waitFor(() => expect(Array.from(document.querySelectorAll('coverage-lens-mark')).map((m) => m.textContent)).toEqual(['Ann Poe']), { timeout: 5000 });
    expect(scanner.placedMatches().map((p) => p.match.id)).toEqual(['person:ann']);
    abort.abort();
  });

  it('names first: a whole answer that fails takes the early names away', async () => {
    document.body.innerHTML = `<article id="a"><p>Jane Doe addressed the Town Council.</p></article>`;
    const before = document.body.innerHTML;
    const match: BlockMatch = async (blocks, _kinds, early) => {
      early?.(blocks.map((text) => findTerms(TERMS, text)));
      throw new Error('matching failed after 5 attempts: busy');
    };
    const scanner = new PageScanner({ root: document.getElementById('a')!, match, highlighter: new Highlighter(), kinds: KINDS, maxMarkers: 100 });
    await expect(scanner.start(new AbortController().signal)).rejects.toThrow('busy');
    await scanner.idle();
    await vi.waitFor(() => expect(document.body.innerHTML).toBe(before));
  });

  it('respects the kinds setting', async () => {
    page();
    const scanner = new PageScanner({
      root: document.getElementById('a')!,
      match: fakeBackground(TERMS),
      highlighter: new Highlighter(),
      kinds: { ...KINDS, person: false },
      maxMarkers: 100,
    });
    await scanner.start(new AbortController().signal);
    expect(Array.from(document.querySelectorAll('coverage-lens-mark')).map((m) => m.getAttribute('data-kind'))).toEqual(['organisation']);
  });

  it('rescans only added or changed blocks, after a throttle, and ignores its own mutations', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      document.body.innerHTML = `<article id="a"><p>Jane Doe one.</p><p>Nothing here.</p></article>`;
      const root = document.getElementById('a')!;
      const background = fakeBackground(TERMS);
      const scanner = new PageScanner({ root, match: background, highlighter: new Highlighter(), kinds: KINDS, maxMarkers: 100 });
      const abort = new AbortController();
      const started = scanner.start(abort.signal);
      await vi.runAllTimersAsync();
      await started;
      expect(background.calls).toEqual(['Jane Doe one.', 'Nothing here.']);
      background.calls.length = 0;
      // our own marking produced no rescan
      await vi.advanceTimersByTimeAsync(1000);
      expect(background.calls).toEqual([]);
      const added = document.createElement('p');
      added.textContent = 'Later, Jane Doe returned.';
      root.appendChild(added);
      root.querySelectorAll('p')[1].firstChild!.textContent = 'Now the Town Council.';
      await vi.advanceTimersByTimeAsync(100);
      expect(background.calls).toEqual([]); // throttled
      await vi.advanceTimersByTimeAsync(600);
      await scanner.idle();
      expect(background.calls.sort()).toEqual(['Later, Jane Doe returned.', 'Now the Town Council.']);
      expect(document.querySelectorAll('coverage-lens-mark[data-cl-first]').length).toBe(3);
      abort.abort();
      expect(document.querySelectorAll('coverage-lens-mark').length).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('bounds the work on a block that keeps changing (a live ticker)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      document.body.innerHTML = `<article id="a"><p>Intro text.</p><p id="tick">Jane Doe 0</p></article>`;
      const background = fakeBackground(TERMS);
      const scanner = new PageScanner({ root: document.getElementById('a')!, match: background, highlighter: new Highlighter(), kinds: KINDS, maxMarkers: 100 });
      const started = scanner.start(new AbortController().signal);
      await vi.runAllTimersAsync();
      await started;
      background.calls.length = 0;
      for (let i = 1; i <= 100; i++) {
        document.getElementById('tick')!.textContent = `Jane Doe ${i}`;
        await vi.advanceTimersByTimeAsync(100);
      }
      await vi.advanceTimersByTimeAsync(1000);
      await scanner.idle();
      // 10 s of changes every 100 ms: at most 2 rescans a second, and at most 8 in all for one block
      expect(background.calls.length).toBeLessThanOrEqual(8);
      expect(background.calls.length).toBeGreaterThan(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
