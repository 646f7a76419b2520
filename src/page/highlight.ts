/**
 * Markers: `coverage-lens-mark` elements wrapping matched text. A match that spans several text
 * nodes (across <em>, <a>…) gets one marker per node piece, all sharing data-kind and data-id; the
 * first piece is the focus target. Unmarking puts every node back and merges the text nodes we split,
 * so the DOM serialises exactly as before.
 */
import type { DetectionKind } from '../core/index/types';
import { MARK_TAG } from './site-knowledge';
import { slicesFor, type TextBlock } from './text-map';

const NOT_SPACE = /\S/;

/** What a marker needs to know about the match it marks. */
export interface MarkSpec {
  kind: DetectionKind;
  id: string;
  start: number;
  end: number;
}

// Inline, !important declarations: they beat page rules aimed at custom elements (even
// `* { all: unset !important }`), need no page stylesheet, and CSSOM writes are not blocked by a page
// CSP. Only paint properties change; everything that shapes a line box is inherited or zeroed.
const NEUTRAL =
  'display:inline!important;margin:0!important;padding:0!important;border:0!important;' +
  'font:inherit!important;line-height:inherit!important;letter-spacing:inherit!important;' +
  'word-spacing:inherit!important;text-transform:inherit!important;white-space:inherit!important;' +
  'color:inherit!important;vertical-align:baseline!important;position:static!important;float:none!important;' +
  // Page rules aimed at our element must not hide the page's own words either.
  'visibility:inherit!important;opacity:1!important;filter:none!important;clip-path:none!important;' +
  'box-decoration-break:clone!important;-webkit-box-decoration-break:clone!important;';
const UNDERLINE = 'text-decoration-line:underline!important;text-decoration-thickness:1px!important;text-underline-offset:0.22em!important;';
const MARK_STYLES: Record<DetectionKind, string> = {
  person: `${NEUTRAL}background-color:rgba(250,204,21,.32)!important;border-radius:2px!important;`,
  organisation: `${NEUTRAL}background-color:rgba(56,189,248,.26)!important;border-radius:2px!important;`,
  // Claims and quotes cover whole sentences, so they get a quieter underline instead of a fill.
  claim: `${NEUTRAL}background-color:transparent!important;${UNDERLINE}text-decoration-style:dotted!important;text-decoration-color:rgba(217,119,6,.85)!important;`,
  quote: `${NEUTRAL}background-color:transparent!important;${UNDERLINE}text-decoration-style:dashed!important;text-decoration-color:rgba(147,51,234,.7)!important;`,
};

/** The inline style of a marker of a kind (exported for the focus ring, which extends it). */
export function markStyle(kind: DetectionKind): string {
  return MARK_STYLES[kind];
}

/** Places and removes markers; remembers which text nodes it split so it can merge them back. */
export class Highlighter {
  /** Text nodes this highlighter created by splitting a page text node. */
  private readonly created = new WeakSet<Text>();
  /** For each text node split off, the page's own text node it came from. */
  private readonly origin = new WeakMap<Text, Text>();
  /** For each page text node we split, the text we left in it (to tell when the page rewrites it). */
  private readonly left = new WeakMap<Text, string>();

  /** Per document, kind and piece (first or not), a marker with its attributes set, cloned for each new marker. */
  private readonly templates = new WeakMap<Document, Map<string, HTMLElement>>();

  constructor(
    /** Describes a marker for assistive technology (aria-description): the same text for every marker. */
    private readonly describe: () => string = () => '',
  ) {}

  /**
   * Wraps the block range of each spec. Specs may nest (a name inside a claim sentence) but must
   * not partly overlap; outer ranges are wrapped first, so an inner marker sits inside the outer
   * one. Returns, per spec in the given order, its marker elements (empty when only whitespace
   * matched). The block's piece table is kept in step with every split, so offsets stay valid.
   * `reuse`: per spec, marker elements of an earlier placement of the same match (unmarked since)
   * to put back instead of new ones, piece for piece: the marker the reader saw stays the same element.
   */
  markBlock(block: TextBlock, specs: readonly MarkSpec[], reuse?: readonly (readonly HTMLElement[] | undefined)[]): HTMLElement[][] {
    const order = specs
      .map((_, i) => i)
      .sort((a, b) => specs[a].start - specs[b].start || specs[b].end - specs[a].end);
    const out: HTMLElement[][] = specs.map(() => []);
    for (const i of order) out[i] = this.markOne(block, specs[i], reuse?.[i]);
    return out;
  }

  /**
   * Records text nodes cut from `node` (a page node or one cut from it before) in the piece table
   * and in what unmarking needs: each new node's source, and the text left in the source.
   */
  private recordCuts(block: TextBlock, node: Text, cuts: readonly { node: Text; offset: number }[]): void {
    const source = this.origin.get(node) ?? node;
    for (const cut of cuts) {
      this.created.add(cut.node);
      this.origin.set(cut.node, source);
    }
    if (source === node) this.left.set(node, node.data);
    const pieces = block.pieces;
    const at = pieces.findIndex((p) => p.node === node);
    if (at >= 0) pieces.splice(at + 1, 0, ...cuts.map((c) => ({ node: c.node, start: pieces[at].start + c.offset })));
  }

  private markOne(block: TextBlock, spec: MarkSpec, reuse?: readonly HTMLElement[]): HTMLElement[] {
    const doc = block.element.ownerDocument;
    const slices = slicesFor(block, spec.start, spec.end);
    const pieces: HTMLElement[] = [];
    for (const { node, from, to } of slices) {
      const parent = node.parentNode;
      const data = node.data;
      if (!parent || !NOT_SPACE.test(data.slice(from, to))) continue; // never wrap whitespace
      const isFirst = pieces.length === 0;
      const old = reuse?.[pieces.length];
      const mark = old && !old.isConnected && !old.hasChildNodes() ? old : (this.template(doc, spec.kind, isFirst).cloneNode(false) as HTMLElement);
      mark.setAttribute('data-id', spec.id);
      if (isFirst) {
        // The first piece is the focus target: its attributes come with the template it was cloned
        // from (see template); what depends on the place is written before it joins the page.
        // A marker inside a link is not a second tab stop in the link (nested interactive content);
        // it stays focusable by script, for the next/previous-marker command.
        if (parent.nodeType === 1 && (parent as Element).closest('a[href]')) mark.setAttribute('tabindex', '-1');
      }
      // The same nodes as splitting the page's node at `to` and `from` and wrapping the middle
      // (the page's node keeps the text before the marker, or is the marker's text when it starts
      // it), with fewer writes to the page: one text change and the new nodes inserted, the marked
      // text put in its marker off the page (bench CPU profile, 20,000 words: the two splitText
      // calls, the insertion and the move were about half of the marking time).
      const after = to < data.length ? doc.createTextNode(data.slice(to)) : null;
      const cuts: { node: Text; offset: number }[] = [];
      if (from > 0) {
        const inner = doc.createTextNode(data.slice(from, to));
        mark.appendChild(inner);
        cuts.push({ node: inner, offset: from });
        if (after) cuts.push({ node: after, offset: to });
        node.deleteData(from, data.length - from);
        const next = node.nextSibling;
        parent.insertBefore(mark, next);
        if (after) parent.insertBefore(after, next);
      } else {
        if (after) {
          cuts.push({ node: after, offset: to });
          node.deleteData(to, data.length - to);
          parent.insertBefore(after, node.nextSibling);
        }
        parent.insertBefore(mark, node);
        mark.appendChild(node);
      }
      if (cuts.length > 0) this.recordCuts(block, node, cuts);
      pieces.push(mark);
    }
    return pieces;
  }

  /**
   * A marker element of a kind, style included, and for a match's first piece its focus and role
   * attributes too: cloning it copies the parsed inline style and the attributes natively instead
   * of parsing the long declaration list and writing each attribute again for every marker.
   */
  private template(doc: Document, kind: DetectionKind, first: boolean): HTMLElement {
    let byKind = this.templates.get(doc);
    if (!byKind) {
      byKind = new Map();
      this.templates.set(doc, byKind);
    }
    const key = `${kind}${first ? ' first' : ''}`;
    let mark = byKind.get(key);
    if (!mark) {
      mark = doc.createElement(MARK_TAG) as HTMLElement;
      mark.setAttribute('data-kind', kind);
      mark.style.cssText = MARK_STYLES[kind];
      if (first) {
        mark.setAttribute('data-cl-first', '');
        mark.setAttribute('tabindex', '0');
        // A name is a button that opens its card; a claim or quote may hold names, and a button's
        // children are presentational, so it is a "mark" (highlighted text) that takes focus.
        const isName = kind === 'person' || kind === 'organisation';
        mark.setAttribute('role', isName ? 'button' : 'mark');
        if (isName) {
          mark.setAttribute('aria-haspopup', 'dialog');
          mark.setAttribute('aria-expanded', 'false');
        }
        // Cloned with the rest: written on each marker, the description cost the page's thread
        // about 3 ms a scan of the bench's 20,000-word page (page-trace.ts, thread CPU, paired loads).
        const description = this.describe();
        if (description) mark.setAttribute('aria-description', description);
      }
      byKind.set(key, mark);
    }
    return mark;
  }

  /** Removes markers (any of ours, in any order) and merges the text nodes split for them. */
  unmark(marks: Iterable<Element>): void {
    for (const mark of marks) {
      const parent = mark.parentNode;
      if (!parent) continue;
      const next = mark.nextSibling;
      const children = Array.from(mark.childNodes);
      for (const child of children) parent.insertBefore(child, mark);
      parent.removeChild(mark);
      for (const child of children) this.mergeBack(child);
      if (next) this.mergeBack(next);
    }
  }

  /** Removes every marker under `root` (ours or a previous instance's). */
  unmarkAll(root: ParentNode): void {
    this.unmark(Array.from(root.querySelectorAll(MARK_TAG)));
  }

  /**
   * True when the page has written to a text node since we split it (frameworks keep their text
   * nodes and set `data`): the pieces we split off it then hold stale text.
   */
  isRewritten(node: Node): boolean {
    const left = this.left.get(node as Text);
    return left !== undefined && (node as Text).data !== left;
  }

  private mergeBack(node: Node): void {
    if (node.nodeType !== 3 || !this.created.has(node as Text)) return;
    const source = this.origin.get(node as Text);
    if (source && this.isRewritten(source)) {
      // The page rewrote the node this piece was split from: the piece is stale, so it goes.
      node.parentNode?.removeChild(node);
      this.created.delete(node as Text);
      return;
    }
    const prev = node.previousSibling;
    if (prev && prev.nodeType === 3) {
      (prev as Text).appendData((node as Text).data);
      node.parentNode?.removeChild(node);
      this.created.delete(node as Text);
      if (this.left.has(prev as Text)) this.left.set(prev as Text, (prev as Text).data);
    }
  }
}

/**
 * Removes markers left by an instance of the content script that no longer runs (an extension
 * update or reload). Which nodes it split is unknown, so the unwrapped text is merged with adjacent
 * text nodes: the page looks and serialises as it did.
 */
export function removeStaleMarkers(root: ParentNode): number {
  const stale = Array.from(root.querySelectorAll(MARK_TAG));
  for (const mark of stale) {
    const parent = mark.parentNode;
    if (!parent) continue;
    const children = Array.from(mark.childNodes);
    for (const child of children) parent.insertBefore(child, mark);
    parent.removeChild(mark);
    for (const child of [...children, children[children.length - 1]?.nextSibling ?? null]) {
      if (!child || child.nodeType !== 3) continue;
      const prev = child.previousSibling;
      if (prev && prev.nodeType === 3 && child.parentNode) {
        (prev as Text).appendData((child as Text).data);
        child.parentNode.removeChild(child);
      }
    }
  }
  return stale.length;
}
