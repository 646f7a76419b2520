/**
 * Moving between markers (the next/previous-marker keyboard commands) and revealing the first
 * marker of a record (a click in the popup). Focusing a marker opens its card.
 */
import type { DetectionKind } from '../core/index/types';
import { MARK_TAG } from './site-knowledge';

/** Marker focus targets (the first piece of each match) in document order. */
export function markerTargets(doc: Document): HTMLElement[] {
  return Array.from(doc.querySelectorAll<HTMLElement>(`${MARK_TAG}[data-cl-first]`));
}

function show(marker: HTMLElement): void {
  const reduce = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
  marker.scrollIntoView({ block: 'center', inline: 'nearest', behavior: reduce ? 'auto' : 'smooth' });
  marker.focus({ preventScroll: true });
}

/**
 * Focuses the next (1) or previous (-1) marker after `from` (the focused or open marker); without
 * one, the first marker below the top of the viewport (or the last above it). Wraps around.
 */
export function moveToMarker(doc: Document, direction: 1 | -1, from: Element | null): HTMLElement | null {
  const targets = markerTargets(doc);
  if (targets.length === 0) return null;
  let index = from ? targets.indexOf(from as HTMLElement) : -1;
  if (index >= 0) {
    index = (index + direction + targets.length) % targets.length;
  } else {
    // First marker whose top is in or below the viewport (a binary search: markers are in page order).
    let lo = 0;
    let hi = targets.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (targets[mid].getBoundingClientRect().top < 0) lo = mid + 1;
      else hi = mid;
    }
    index = direction === 1 ? lo % targets.length : (lo - 1 + targets.length) % targets.length;
  }
  const target = targets[index];
  show(target);
  return target;
}

/** Scrolls to and focuses the first marker of a record; null when the page has none. */
export function revealMarker(doc: Document, kind: DetectionKind, id: string): HTMLElement | null {
  const target = markerTargets(doc).find((m) => m.getAttribute('data-kind') === kind && m.getAttribute('data-id') === id);
  if (!target) return null;
  show(target);
  return target;
}
