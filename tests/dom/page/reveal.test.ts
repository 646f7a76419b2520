/**
 * Hidden text and the change watcher: a continuation hidden when the page is scanned gets no marker;
 * once the page shows it (a class, a style or the hidden attribute changes) it is read and marked,
 * and a block already read is not read again for a class change.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Highlighter } from '../../../src/page/highlight';
import { PageScanner } from '../../../src/page/page-scan';
import { fakeBackground } from './fake-background';

const KINDS = { person: true, organisation: true, claim: true, quote: true };
const TERMS = [{ text: 'Jane Doe', kind: 'person' as const, id: 'person:jane' }];

describe('text shown after the scan', () => {
  afterEach(() => {
    document.head.innerHTML = '';
    document.body.innerHTML = '';
  });

  const reveals: [string, string, (el: HTMLElement) => void][] = [
    ['a class', 'class="more is-collapsed"', (el) => el.classList.remove('is-collapsed')],
    ['a style', 'style="display: none"', (el) => el.style.removeProperty('display')],
    ['the hidden attribute', 'hidden', (el) => el.removeAttribute('hidden')],
  ];

  for (const [name, attribute, reveal] of reveals) {
    it(`is read when ${name} shows it, not before`, async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      try {
        document.head.innerHTML = '<style>.is-collapsed { display: none; }</style>';
        document.body.innerHTML = `<article id="a"><p>Jane Doe spoke first.</p>
          <div id="more" ${attribute}><p>Later Jane Doe spoke again.</p></div></article>`;
        const background = fakeBackground(TERMS);
        const scanner = new PageScanner({ root: document.getElementById('a')!, match: background, highlighter: new Highlighter(), kinds: KINDS, maxMarkers: 100 });
        const started = scanner.start(new AbortController().signal);
        await vi.runAllTimersAsync();
        await started;
        expect(background.calls).toEqual(['Jane Doe spoke first.']);
        expect(document.querySelector('#more coverage-lens-mark')).toBeNull();
        background.calls.length = 0;

        reveal(document.getElementById('more')!);
        await vi.advanceTimersByTimeAsync(700);
        await scanner.idle();
        expect(background.calls).toEqual(['Later Jane Doe spoke again.']);
        expect(document.querySelectorAll('#more coverage-lens-mark[data-cl-first]').length).toBe(1);

        // A class change on a block already read and marked does not read it again.
        background.calls.length = 0;
        document.querySelector('p')!.classList.add('highlighted');
        await vi.advanceTimersByTimeAsync(700);
        await scanner.idle();
        expect(background.calls).toEqual([]);
      } finally {
        vi.useRealTimers();
      }
    });
  }
});
