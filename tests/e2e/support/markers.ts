/** Reading the markers a page shows, for end-to-end tests (the functions run inside the page). */
import type { PageLike } from '../harness/browsers';

/**
 * Has every held marker written before a test reads them all: markers of blocks far from the
 * viewport are held until they come near it or are needed (src/page/held-marks.ts), and a Tab
 * press, as a reader's, is one of those needs (markers are tab stops).
 */
export async function writeHeldMarkers(page: PageLike): Promise<void> {
  await page.keyboard.press('Tab');
}

/** One marked match as read from the page: kind, id and its whole text (nested markers included). */
export interface MarkedMatch {
  kind: string;
  id: string;
  text: string;
}

/**
 * Runs in the page: every marked match, in page order. A match's pieces share data-kind and data-id;
 * the first carries data-cl-first, and the match runs until the next piece that starts a match.
 */
export function readMarkedMatches(): MarkedMatch[] {
  const out: MarkedMatch[] = [];
  for (const first of Array.from(document.querySelectorAll('coverage-lens-mark[data-cl-first]'))) {
    const kind = first.getAttribute('data-kind') ?? '';
    const id = first.getAttribute('data-id') ?? '';
    const all = Array.from(document.querySelectorAll(`coverage-lens-mark[data-kind="${kind}"][data-id="${CSS.escape(id)}"]`));
    let text = '';
    for (let i = all.indexOf(first); i < all.length; i++) {
      if (i > all.indexOf(first) && all[i].hasAttribute('data-cl-first')) break;
      text += all[i].textContent ?? '';
    }
    out.push({ kind, id, text: text.replace(/\s+/g, ' ').trim() });
  }
  return out;
}

/** Runs in the page: the number of markers once it has not changed for `quietMs`. */
export async function markersSettled(quietMs: number): Promise<number> {
  const count = () => document.querySelectorAll('coverage-lens-mark').length;
  let last = count();
  for (;;) {
    await new Promise((r) => setTimeout(r, quietMs));
    const now = count();
    if (now === last) return now;
    last = now;
  }
}
