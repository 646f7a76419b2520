/**
 * Reads the text under an element as paragraph-level blocks and maps offsets in a block's string
 * back to (text node, offset) pairs, the way hypothesis's text-range.ts does: the matcher works on
 * strings, this module alone knows the DOM.
 */
import { isBlockElement, isExcluded, isPlainLine } from './dom-filters';

/** A text node's place in its block's string. */
export interface TextPiece {
  node: Text;
  /** UTF-16 offset of the node's first character in `TextBlock.text`. */
  start: number;
}

/** A run of text nodes that share one paragraph-level element, read as one string. */
export interface TextBlock {
  /** The paragraph-level element the text belongs to. */
  element: Element;
  text: string;
  /**
   * In document order; `start` increases strictly. A plain line's are mapped when first asked for
   * (LineBlock): empty when its text is no longer what was read.
   */
  pieces: TextPiece[];
}

/** A part of one text node covered by a range of block offsets. */
export interface NodeSlice {
  node: Text;
  /** Offsets inside `node.data`, end exclusive. */
  from: number;
  to: number;
}

/** Options of `walkBlocks`. */
export interface WalkOptions {
  /** Block elements (not inline ones: isBlockElement) whose subtree is skipped as a whole (e.g. blocks already scanned). */
  skip?: (el: Element) => boolean;
  /** Read each block element's visibility (one style read per block); default true. */
  checkVisibility?: boolean;
}

const SHOW_ELEMENT = 0x1;
const SHOW_TEXT = 0x4;
const NEEDS_SPACES = /[\n\r\t\f]/;
const NOT_SPACE = /\S/;

/** The nearest paragraph-level ancestor of a node, never above `root`. */
export function blockElementOf(node: Node, root: Element): Element {
  let el: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement;
  while (el && el !== root && !isBlockElement(el)) el = el.parentElement;
  return el ?? root;
}

function isHidden(el: Element): boolean {
  const check = (el as { checkVisibility?: () => boolean }).checkVisibility;
  return typeof check === 'function' ? !check.call(el) : false;
}

/**
 * A paragraph-level element that holds only text and plain inline elements (dom-filters'
 * isPlainLine), read as its textContent in one native call. Its text nodes are mapped only when the
 * pieces are first asked for, which the scan does for the blocks it marks (a few dozen under the
 * default marker cap, against hundreds read): node by node, the walk's per-node work on every
 * paragraph was most of its cost. Mapped later than read, it checks that the nodes still hold the
 * text read; if not, it has no pieces, so the scan takes it for changed (the change watcher reads
 * it again).
 */
class LineBlock implements TextBlock {
  private mapped: TextPiece[] | null = null;
  constructor(
    readonly element: Element,
    readonly text: string,
  ) {}

  get pieces(): TextPiece[] {
    return (this.mapped ??= mapLine(this.element, this.text));
  }

  /** The pieces' text length: the text's (a plain line has no line break) until mapped, then the pieces'. */
  get mappedLength(): number | null {
    return this.mapped ? null : this.text.length;
  }
}

/** The text nodes under a plain line as pieces of `text`, or none when they no longer hold it. */
function mapLine(element: Element, text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  const keepsSpaces = element.tagName === 'PRE';
  const walker = element.ownerDocument.createTreeWalker(element, SHOW_TEXT);
  let at = 0;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const data = node.data;
    if (data.length === 0) continue;
    const read = keepsSpaces || !NEEDS_SPACES.test(data) ? data : data.replace(/[\n\r\t\f]/g, ' ');
    if (!text.startsWith(read, at)) return [];
    pieces.push({ node, start: at });
    at += data.length;
  }
  return at === text.length ? pieces : [];
}

/** The block of a plain line, or null when its text is white space only. */
function lineBlock(element: Element, raw: string): TextBlock | null {
  const text = element.tagName === 'PRE' || !NEEDS_SPACES.test(raw) ? raw : raw.replace(/[\n\r\t\f]/g, ' ');
  return NOT_SPACE.test(text) ? new LineBlock(element, text) : null;
}

/**
 * The length of a block's text held in its pieces (a line break read for a <br> is in none), without
 * mapping a plain line that is not mapped yet.
 */
export function piecesLength(block: TextBlock): number {
  const unmapped = block instanceof LineBlock ? block.mappedLength : null;
  if (unmapped !== null) return unmapped;
  let sum = 0;
  // The node's length, not its data: reading `data` makes a string of every piece.
  for (const piece of block.pieces) sum += piece.node.length;
  return sum;
}

/**
 * A node that holds the block's place in the document (the page context reads blocks in document
 * order, page-context.ts): a plain line's own element, which maps nothing (it holds no other block),
 * else its first text node (one element may hold several blocks).
 */
export function blockPlace(block: TextBlock): Node {
  return block instanceof LineBlock ? block.element : (block.pieces[0]?.node ?? block.element);
}

/** Moves the walker past the current node's subtree: to its next sibling, or an ancestor's. */
function nextOutside(walker: TreeWalker): Node | null {
  for (;;) {
    const sibling = walker.nextSibling();
    if (sibling) return sibling;
    if (!walker.parentNode()) return null;
  }
}

/**
 * Yields the blocks under `root` in document order. Untouchable elements (script, style, form
 * controls, contenteditable, aria-hidden, hidden, our own elements) and everything below the root
 * that is not article text (furniture, bylines, captions, feeds: dom-filters' isFurniture) are
 * skipped with their subtrees. A block whose text is whitespace only is not yielded. A block not
 * rendered now (display:none, a collapsed "read more") is skipped too: a marker in it could not be
 * seen or hovered; the change watcher reads it when the page shows it.
 *
 * One unfiltered walk (no script callback per node): each element is judged once when the walk
 * enters it, a rejected one is stepped over as a whole, and each element's block is recorded on
 * entry, so a text node's block is one map look-up instead of a walk up its ancestors.
 */
export function* walkBlocks(root: Element, options: WalkOptions = {}): Generator<TextBlock> {
  const doc = root.ownerDocument;
  const skip = options.skip;
  const checkVisibility = options.checkVisibility ?? true;
  // A paragraph asked for alone (the root itself is never judged).
  if (isBlockElement(root) && isPlainLine(root)) {
    const line = lineBlock(root, root.textContent ?? '');
    if (line) yield line;
    return;
  }
  const walker = doc.createTreeWalker(root, SHOW_ELEMENT | SHOW_TEXT);
  const blockOf = new Map<Node, Element>([[root, root]]);
  const blockFor = (el: Element | null): Element => (el && blockOf.get(el)) || (el ? blockElementOf(el, root) : root);
  let current: TextBlock | null = null;
  let hasText = false;
  let keepsSpaces = false;
  let node = walker.nextNode();
  while (node) {
    if (node.nodeType !== 3) {
      const el = node as Element;
      if (el.tagName === 'BR') {
        // A line break separates words visually, so it separates them in the string too.
        if (current && blockFor(el.parentElement) === current.element) current.text += '\n';
        node = walker.nextNode();
        continue;
      }
      const block = isBlockElement(el);
      // A plain line's text is read once, for its furniture tests and as its block's text.
      const text = block && isPlainLine(el) ? el.textContent ?? '' : undefined;
      if (isExcluded(el, text) || (block && ((skip && skip(el)) || (checkVisibility && isHidden(el))))) {
        node = nextOutside(walker);
        continue;
      }
      if (text !== undefined) {
        // Mapped later (LineBlock).
        if (current && hasText) yield current;
        current = null;
        const line = lineBlock(el, text);
        node = nextOutside(walker);
        if (line) yield line;
        continue;
      }
      blockOf.set(el, block ? el : blockFor(el.parentElement));
      node = walker.nextNode();
      continue;
    }
    const text = node as Text;
    node = walker.nextNode();
    const data = text.data;
    if (data.length === 0) continue;
    const element = blockFor(text.parentElement);
    if (!current || current.element !== element) {
      if (current && hasText) yield current;
      current = { element, text: '', pieces: [] };
      hasText = false;
      keepsSpaces = element.tagName === 'PRE';
    }
    current.pieces.push({ node: text, start: current.text.length });
    // Source line breaks in HTML are just spaces on screen: read them as spaces (same length, so
    // offsets still map 1:1), except where white space is kept (pre). A <br> stays a line break.
    current.text += keepsSpaces || !NEEDS_SPACES.test(data) ? data : data.replace(/[\n\r\t\f]/g, ' ');
    if (!hasText && NOT_SPACE.test(data)) hasText = true;
  }
  if (current && hasText) yield current;
}

/** All blocks under `root` (for small subtrees and tests; big pages use the sliced scheduler). */
export function collectBlocks(root: Element, options?: WalkOptions): TextBlock[] {
  return [...walkBlocks(root, options)];
}

/** Index of the piece holding block offset `offset` (the last piece starting at or before it). */
function pieceIndexAt(block: TextBlock, offset: number): number {
  const pieces = block.pieces;
  let lo = 0;
  let hi = pieces.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pieces[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The parts of text nodes that the block range [start, end) covers, in document order. Offsets
 * that fall on separators (line breaks) cover no node.
 */
export function slicesFor(block: TextBlock, start: number, end: number): NodeSlice[] {
  const out: NodeSlice[] = [];
  if (end <= start || block.pieces.length === 0) return out;
  for (let i = pieceIndexAt(block, start); i < block.pieces.length; i++) {
    const piece = block.pieces[i];
    if (piece.start >= end) break;
    const length = piece.node.length;
    const from = Math.max(0, start - piece.start);
    const to = Math.min(length, end - piece.start);
    if (to > from) out.push({ node: piece.node, from, to });
  }
  return out;
}

/** The DOM position of a block offset (`bias: 'end'` prefers the end of the previous node). */
export function positionAt(block: TextBlock, offset: number, bias: 'start' | 'end' = 'start'): { node: Text; offset: number } {
  const clamped = Math.max(0, Math.min(offset, block.text.length));
  let i = pieceIndexAt(block, clamped);
  let piece = block.pieces[i];
  if (bias === 'end' && i > 0 && clamped === piece.start) piece = block.pieces[--i];
  return { node: piece.node, offset: Math.min(piece.node.data.length, Math.max(0, clamped - piece.start)) };
}
