/**
 * Properties of the page's text map and markers over generated DOM trees (nested inline elements,
 * line breaks, awkward text, names): block text maps back to the right nodes, marking changes no
 * text, every marker wraps exactly its range, and unmarking restores the DOM exactly, text-node
 * boundaries included, whatever the order of removal. Ranges come from random cuts and from the
 * real seeds matcher.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { Highlighter, removeStaleMarkers, type MarkSpec } from '../../../src/page/highlight';
import { collectBlocks, slicesFor, type TextBlock } from '../../../src/page/text-map';
import { seedsIndex } from '../../fixtures/seeds-index/seeds-index';
import { grammarText, NAMES } from '../../unit/property/grammar';
import { snapshot } from '../helpers/snapshot';

type InlineNode = { t: 'text'; data: string } | { t: 'el'; tag: string; children: InlineNode[] };
interface BlockSpec {
  tag: string;
  children: InlineNode[];
}

const textData = fc.oneof(grammarText, fc.constantFrom(...NAMES), fc.constantFrom('', ' ', '  ', '\n'));
const { inline } = fc.letrec<{ inline: InlineNode; text: InlineNode; el: InlineNode }>((tie) => ({
  inline: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('text'), tie('text'), tie('el')),
  text: fc.record({ t: fc.constant('text' as const), data: textData }),
  el: fc.record({
    t: fc.constant('el' as const),
    tag: fc.constantFrom('em', 'strong', 'a', 'span', 'b', 'i', 'br', 'q', 'small', 'div'),
    children: fc.array(tie('inline'), { maxLength: 3 }),
  }),
}));
const blocks = fc.array(
  fc.record({ tag: fc.constantFrom('p', 'li', 'h2', 'blockquote', 'div', 'td'), children: fc.array(inline, { maxLength: 6 }) }),
  { minLength: 1, maxLength: 4 },
);

function build(parent: Node, nodes: InlineNode[]): void {
  const doc = document;
  for (const n of nodes) {
    if (n.t === 'text') {
      // Adjacent text nodes are kept apart on purpose: page scripts create them, and unmarking
      // must not merge what the page had separate.
      parent.appendChild(doc.createTextNode(n.data));
      continue;
    }
    const el = doc.createElement(n.tag);
    if (n.tag === 'a') el.setAttribute('href', '/elsewhere');
    if (n.tag !== 'br') build(el, n.children);
    parent.appendChild(el);
  }
}

function mount(spec: BlockSpec[]): HTMLElement {
  const root = document.createElement('article');
  for (const b of spec) {
    const el = document.createElement(b.tag);
    build(el, b.children);
    root.appendChild(el);
  }
  document.body.replaceChildren(root);
  return root;
}

/** Non-overlapping ranges inside a block, from a list of random numbers. */
function randomSpecs(block: TextBlock, seeds: number[]): MarkSpec[] {
  const n = block.text.length;
  if (n === 0) return [];
  const cuts = [...new Set(seeds.map((s) => s % (n + 1)))].sort((a, b) => a - b);
  const specs: MarkSpec[] = [];
  for (let i = 0; i + 1 < cuts.length; i += 2) {
    if (cuts[i + 1] > cuts[i]) specs.push({ kind: i % 4 === 0 ? 'person' : 'claim', id: `r${i}`, start: cuts[i], end: cuts[i + 1] });
  }
  return specs;
}

const squash = (s: string) => s.replace(/\s+/g, '');

/** Marks the specs, checks the markers, then unmarks in a shuffled order and checks the DOM. */
function markCheckUnmark(root: HTMLElement, perBlock: (block: TextBlock, i: number) => MarkSpec[], order: number[]): void {
  const before = snapshot(root);
  const textBefore = root.textContent;
  const list = collectBlocks(root, { checkVisibility: false });
  const h = new Highlighter(() => 'described');
  const all: HTMLElement[] = [];
  const plans = list.map((block, i) => ({ block, specs: perBlock(block, i) }));
  // Markers of every block are placed against the text map read before any marking (the scanner does the same per slice).
  for (const { block, specs } of plans) {
    const marks = h.markBlock(block, specs);
    specs.forEach((spec, k) => {
      const pieces = marks[k];
      const expected = block.text.slice(spec.start, spec.end);
      expect(squash(pieces.map((m) => m.textContent).join(''))).toBe(squash(expected));
      for (const m of pieces) {
        expect(m.getAttribute('data-kind')).toBe(spec.kind);
        expect(m.getAttribute('data-id')).toBe(spec.id);
        expect(m.childNodes.length).toBe(1);
        expect(m.firstChild!.nodeType).toBe(3);
        expect(/\S/.test(m.textContent ?? '')).toBe(true);
      }
      if (pieces.length > 0) expect(pieces[0].hasAttribute('data-cl-first')).toBe(true);
      all.push(...pieces);
    });
  }
  expect(root.textContent).toBe(textBefore);
  const shuffled = all.map((m, i) => ({ m, k: order[i % Math.max(1, order.length)] ?? i })).sort((a, b) => a.k - b.k).map((x) => x.m);
  h.unmark(shuffled);
  expect(root.querySelectorAll('coverage-lens-mark').length).toBe(0);
  expect(snapshot(root)).toBe(before);
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('text map (property)', () => {
  it('reads each block as the concatenation of its text nodes, and maps every span back to those nodes', () => {
    fc.assert(
      fc.property(blocks, fc.nat(), fc.nat(), (spec, x, y) => {
        const root = mount(spec);
        for (const block of collectBlocks(root, { checkVisibility: false })) {
          let last = -1;
          for (const piece of block.pieces) {
            expect(piece.start).toBeGreaterThan(last);
            last = piece.start;
            // Source line breaks and tabs read as spaces (same length); nothing else changes.
            expect(block.text.slice(piece.start, piece.start + piece.node.data.length)).toBe(piece.node.data.replace(/[\n\r\t\f]/g, ' '));
          }
          const n = block.text.length;
          const s = x % (n + 1);
          const e = s + (y % (n - s + 1));
          const covered = slicesFor(block, s, e).map((sl) => sl.node.data.slice(sl.from, sl.to)).join('');
          // Only <br> separators ("\n" not inside any text node) are left out; white space aside, the text is the same.
          const bare = (t: string) => t.replace(/[\n\r\t\f ]/g, '');
          expect(covered.length).toBeLessThanOrEqual(e - s);
          expect(bare(covered)).toBe(bare(block.text.slice(s, e)));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('marking then unmarking (property)', () => {
  it('restores any generated DOM exactly, for random non-overlapping ranges, in any removal order', () => {
    fc.assert(
      fc.property(blocks, fc.array(fc.nat(), { maxLength: 12 }), fc.array(fc.nat(), { maxLength: 40 }), (spec, seeds, order) => {
        const root = mount(spec);
        markCheckUnmark(root, (block) => randomSpecs(block, seeds), order);
      }),
      { numRuns: 300 },
    );
  });

  it('restores any generated DOM exactly for the real matcher\'s names, claims and quotes', () => {
    const { matcher } = seedsIndex();
    const withSentences = fc.array(
      fc.record({
        tag: fc.constantFrom('p', 'li', 'blockquote'),
        children: fc.array(
          fc.oneof(
            inline,
            fc.constantFrom(...seedsIndex().index.articles.flatMap((a) => a.text.split('\n').filter((p) => p.length > 40).slice(0, 6))).map((data) => ({ t: 'text' as const, data })),
          ),
          { maxLength: 5 },
        ),
      }),
      { minLength: 1, maxLength: 3 },
    );
    let marked = 0;
    fc.assert(
      fc.property(withSentences, fc.constantFrom<MarkSpec['kind'][]>(['person', 'organisation'], ['claim'], ['quote']), fc.array(fc.nat(), { maxLength: 20 }), (spec, kinds, order) => {
        const root = mount(spec);
        markCheckUnmark(
          root,
          (block) => {
            // One layer at a time, as markers of one layer never overlap: names, or claims, or quotes.
            const specs: MarkSpec[] = [];
            let end = 0;
            for (const m of matcher.scan(block.text, { kinds: Object.fromEntries(kinds.map((k) => [k, true])) })) {
              if (m.start < end) continue;
              specs.push({ kind: m.kind, id: m.id, start: m.start, end: m.end });
              end = m.end;
            }
            marked += specs.length;
            return specs;
          },
          order,
        );
      }),
      { numRuns: 200 },
    );
    expect(marked).toBeGreaterThan(50); // the generator does reach the matcher's vocabulary
  });

  it('removes an orphaned instance\'s markers (split nodes unknown) and leaves the same serialisation', () => {
    fc.assert(
      fc.property(blocks, fc.array(fc.nat(), { maxLength: 12 }), (spec, seeds) => {
        const root = mount(spec);
        const html = root.innerHTML;
        const text = root.textContent;
        const h = new Highlighter();
        for (const block of collectBlocks(root, { checkVisibility: false })) h.markBlock(block, randomSpecs(block, seeds));
        const placed = document.querySelectorAll('coverage-lens-mark').length;
        expect(removeStaleMarkers(document)).toBe(placed);
        expect(root.querySelectorAll('coverage-lens-mark').length).toBe(0);
        expect(root.textContent).toBe(text);
        expect(root.innerHTML).toBe(html);
      }),
      { numRuns: 200 },
    );
  });
});
