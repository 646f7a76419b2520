/**
 * Feature: content the page adds or rewrites after the scan (live blogs, single-page apps, tickers),
 * or shows after it (a collapsed "read more" opened by a class or style change), is found and handed
 * back to the scan, block by block, after a short throttle. Our own marker
 * writes are never mistaken for the page's changes, and a block the page keeps rewriting (a live
 * ticker) is left alone after a few rescans.
 */
import { isInArticle } from './article-root';
import { isBlockElement } from './dom-filters';
import type { MarkerRegistry } from './marker-registry';
import { CARD_TAG, MARK_TAG } from './site-knowledge';
import { blockElementOf } from './text-map';

/** Throttle of mutation-driven rescans (ms): at most two a second, however often the page writes. */
export const MUTATION_THROTTLE_MS = 500;
/** A block rewritten more often than this (a live ticker) is left alone for the rest of the page's life. */
export const MAX_RESCANS_PER_BLOCK = 8;

const MARK_TAG_UPPER = MARK_TAG.toUpperCase();
const CARD_TAG_UPPER = CARD_TAG.toUpperCase();
/**
 * Attributes whose change can show text that was hidden when the page was scanned (a collapsed
 * "read more" opened by a class, a style, the hidden attribute or a <details> element's open).
 */
const REVEAL_ATTRIBUTES = ['class', 'style', 'hidden', 'aria-hidden', 'open'];

/** What the watcher needs. */
export interface WatchOptions {
  root: Element;
  registry: MarkerRegistry;
  /** Called with the outermost changed block elements, after the throttle. */
  onChanged(units: Element[]): void;
}

/**
 * True for an element whose attributes changed that now shows text the scan skipped: it is
 * rendered, has text, and holds no marker of ours (a block read before keeps its markers, and one
 * read with no match is read again at most MAX_RESCANS_PER_BLOCK times, like any changed block).
 */
function isNewlyShown(el: Element): boolean {
  if (!el.isConnected || el.querySelector(MARK_TAG) !== null) return false;
  const check = (el as { checkVisibility?: () => boolean }).checkVisibility;
  if (typeof check === 'function' && !check.call(el)) return false;
  return /\S/.test(el.textContent ?? '');
}

/** Watches `root` until `signal` aborts. */
export function initWatchChanges({ root, registry, onChanged }: WatchOptions, signal: AbortSignal): void {
  if (typeof MutationObserver !== 'function') return;
  const rescans = new WeakMap<Element, number>();
  let dirty = new Set<Node>();
  let revealed = new Set<Element>();
  let throttle: ReturnType<typeof setTimeout> | null = null;

  const settle = () => {
    throttle = null;
    for (const el of revealed) if (isNewlyShown(el)) dirty.add(el);
    revealed = new Set();
    if (dirty.size === 0 || signal.aborted) return;
    const nodes = dirty;
    dirty = new Set();
    const units = new Set<Element>();
    for (const node of nodes) {
      if (!node.isConnected || !root.contains(node)) continue;
      let unit: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement;
      if (!unit) continue;
      if (!isBlockElement(unit)) unit = blockElementOf(unit, root);
      if (!isInArticle(unit, root)) continue;
      const count = (rescans.get(unit) ?? 0) + 1;
      rescans.set(unit, count);
      if (count > MAX_RESCANS_PER_BLOCK) continue;
      units.add(unit);
    }
    const outermost = [...units].filter((u) => ![...units].some((other) => other !== u && other.contains(u)));
    if (outermost.length > 0) onChanged(outermost);
  };

  /**
   * The page wrote to a text node we had split: what our markers hold next to it is stale and
   * would show beside the new text. Unmark at once (observer callbacks run before the page paints);
   * the throttled rescan marks the new text later.
   */
  const dropRewritten = (node: Node) => {
    let container = node.parentNode;
    while (container && container.nodeType === 1 && (container as Element).tagName === MARK_TAG_UPPER) container = container.parentNode;
    if (!container) return;
    const box = container;
    registry.remove((placed) => placed.marks.some((m) => box.contains(m)));
  };

  const collect = (records: MutationRecord[]) => {
    if (records.length === 0) return;
    for (const record of records) {
      if (record.type === 'characterData') {
        dirty.add(record.target);
        if (registry.isRewritten(record.target)) dropRewritten(record.target);
      } else if (record.type === 'attributes') {
        // Text shown by an attribute change: read once it is visible, if no marker shows it was read.
        const target = record.target as Element;
        if (target.tagName !== MARK_TAG_UPPER && target.tagName !== CARD_TAG_UPPER) revealed.add(target);
      } else
        for (const node of Array.from(record.addedNodes)) {
          if (node.nodeType === 1 && (node as Element).tagName === MARK_TAG_UPPER) continue;
          dirty.add(node);
        }
    }
    if ((dirty.size > 0 || revealed.size > 0) && throttle === null && !signal.aborted) throttle = setTimeout(settle, MUTATION_THROTTLE_MS);
  };

  const observer = new MutationObserver(collect);
  const watch = () => observer.observe(root, { childList: true, characterData: true, subtree: true, attributes: true, attributeFilter: REVEAL_ATTRIBUTES });
  watch();
  // Page changes queued before our write are handled first; our write is made unobserved, so the
  // browser does not build a record for each of its splits and insertions only to have it dropped.
  registry.ownWrites = (write) => {
    collect(observer.takeRecords());
    observer.disconnect();
    try {
      write();
    } finally {
      if (!signal.aborted) watch();
    }
  };
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      registry.ownWrites = (write) => write();
      if (throttle !== null) clearTimeout(throttle);
    },
    { once: true },
  );
}
