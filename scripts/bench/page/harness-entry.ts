/**
 * Bench page bundle (not the extension): the FLOOR pass, the compromise BASELINE, and the helpers
 * the harness needs between measurements (restore the pristine DOM, settle layout, force GC).
 * Loaded after ours-entry.ts, so its heap never counts towards ours.
 */
import nlp from 'compromise';

declare global {
  interface Window {
    __clPristine?: HTMLElement;
    __clHarness?: typeof harness;
    gc?: () => void;
  }
}

const memory = (): number => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? NaN;
const frame = (): Promise<number> => new Promise((resolve) => requestAnimationFrame(resolve));

const harness = {
  /** Puts a fresh copy of the page as generated back, with layout done and two frames painted. */
  async restore(): Promise<void> {
    const pristine = window.__clPristine;
    if (!pristine) throw new Error('no pristine copy of the page');
    document.body.replaceWith(pristine.cloneNode(true));
    window.scrollTo(0, 0);
    void document.body.getBoundingClientRect().height;
    await frame();
    await frame();
    window.gc?.();
  },

  /** FLOOR: a bare TreeWalker pass over the page reading every text node's data. */
  floor(): { ms: number; nodes: number; chars: number } {
    const t0 = performance.now();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let nodes = 0;
    let chars = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      chars += (node as Text).data.length;
      nodes++;
    }
    return { ms: performance.now() - t0, nodes, chars };
  },

  /** BASELINE: compromise's people() on the article text (the text is read before timing). */
  baseline(text: string): { ms: number; people: number } {
    const t0 = performance.now();
    const people = nlp(text).people();
    const count = people.length;
    return { ms: performance.now() - t0, people: count };
  },

  memory,
};

window.__clHarness = harness;
