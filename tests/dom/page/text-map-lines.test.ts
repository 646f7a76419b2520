/**
 * The text walk reads a paragraph that holds only text and plain inline elements as its textContent
 * and maps its nodes only when asked (text-map.ts LineBlock). Compared here with the node-by-node
 * walk it replaces (written out below as it was: every element judged on entry, every text node
 * appended): the same blocks, texts and pieces on every fixture page, a generated bench page, and
 * the shapes the short way must leave to the full tests.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatePage } from '../../../scripts/bench/generate-page';
import { findArticleRoot } from '../../../src/page/article-root';
import { isBlockElement, isExcluded } from '../../../src/page/dom-filters';
import { blockPlace, collectBlocks, piecesLength, walkBlocks, type TextBlock } from '../../../src/page/text-map';

/** The node-by-node walk before plain lines (visibility not read: happy-dom lays nothing out). */
function referenceBlocks(root: Element): TextBlock[] {
  const out: TextBlock[] = [];
  const blockOf = (node: Node): Element => {
    let el = node.parentElement;
    while (el && el !== root && !isBlockElement(el)) el = el.parentElement;
    return el ?? root;
  };
  const walker = root.ownerDocument.createTreeWalker(root, 0x1 | 0x4);
  let current: TextBlock | null = null;
  let hasText = false;
  let node = walker.nextNode();
  const outside = (): Node | null => {
    for (;;) {
      const sibling = walker.nextSibling();
      if (sibling) return sibling;
      if (!walker.parentNode()) return null;
    }
  };
  while (node) {
    if (node.nodeType !== 3) {
      const el = node as Element;
      if (el.tagName === 'BR') {
        if (current && blockOf(el) === current.element) current.text += '\n';
        node = walker.nextNode();
        continue;
      }
      node = isExcluded(el) ? outside() : walker.nextNode();
      continue;
    }
    const text = node as Text;
    node = walker.nextNode();
    if (text.data.length === 0) continue;
    const element = blockOf(text);
    if (!current || current.element !== element) {
      if (current && hasText) out.push(current);
      current = { element, text: '', pieces: [] };
      hasText = false;
    }
    current.pieces.push({ node: text, start: current.text.length });
    current.text += element.tagName === 'PRE' ? text.data : text.data.replace(/[\n\r\t\f]/g, ' ');
    if (/\S/.test(text.data)) hasText = true;
  }
  if (current && hasText) out.push(current);
  return out;
}

/** Blocks as comparable rows: element, text, and each piece's node index in document order and start. */
function rows(blocks: TextBlock[], root: Element): unknown[] {
  const nodes: Text[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, 0x4);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  return blocks.map((b) => ({ element: b.element, text: b.text, pieces: b.pieces.map((p) => [nodes.indexOf(p.node), p.start]) }));
}

function expectSameAsReference(root: Element): number {
  const blocks = collectBlocks(root, { checkVisibility: false });
  // The pieces' length is known before they are mapped, and is the mapped pieces' length.
  const lengths = blocks.map((b) => piecesLength(b));
  expect(rows(blocks, root)).toEqual(rows(referenceBlocks(root), root));
  expect(blocks.map((b) => piecesLength(b))).toEqual(lengths);
  return blocks.length;
}

const PAGES = resolve(import.meta.dirname, '../../fixtures/pages');
const fixtureFiles = readdirSync(PAGES, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));

describe('plain lines read whole: the same blocks as the node-by-node walk', () => {
  it('finds the fixture pages', () => expect(fixtureFiles.length).toBeGreaterThanOrEqual(20));

  for (const file of fixtureFiles) {
    it(`${file}: the article root and the whole body`, () => {
      const html = readFileSync(resolve(PAGES, file), 'utf8').replace(/<script[\s\S]*?<\/script>|<iframe[\s\S]*?<\/iframe>/g, '');
      document.body.innerHTML = new DOMParser().parseFromString(html, 'text/html').body.innerHTML;
      expectSameAsReference(findArticleRoot(document));
      expectSameAsReference(document.body);
    });
  }

  it('a generated bench page (paragraphs with links and emphasis, asides, ads, comments)', () => {
    document.body.innerHTML = new DOMParser().parseFromString(generatePage({ words: 3000, seed: 7 }).html, 'text/html').body.innerHTML;
    expect(expectSameAsReference(findArticleRoot(document))).toBeGreaterThan(20);
    expectSameAsReference(document.body);
  });

  const shapes: [string, string][] = [
    ['a line break', '<p>one<br>two <em>three</em></p>'],
    ['source line breaks and tabs', '<p>one\n  two\t<a href="/x">three\nfour</a></p>'],
    ['white space kept in pre', '<pre>one\n  two <b>three</b>\n</pre>'],
    ['an inline element with two elements inside (a label grid)', '<p>Turnout <span><b>Yes</b> <b>41%</b></span> and more text in the line.</p>'],
    ['a chart grid in a div', '<div><span>Ann Example</span><span>41%</span><span>Bob Example</span><span>12%</span></div>'],
    ['nested plain inline elements', '<p>Said <a href="/x"><em>Ann</em></a> and <strong><i>Bob</i></strong>.</p>'],
    ['an inline byline', '<p>Text <span class="byline">By Ann Example</span> more text.</p>'],
    ['hidden inline text', '<p>Seen <span hidden>unseen</span> <span aria-hidden="true">unheard</span> seen.</p>'],
    ['an inline attribute in another case', '<p>Body <span id="x">text</span>.</p>'],
    ['svg and a script inside a paragraph', '<p>Before <svg><text>svg text</text></svg> middle <script>var x = 1;</script> after</p>'],
    ['our markers', '<p>A <coverage-lens-mark>marked</coverage-lens-mark> line</p>'],
    ['a block inside an inline element', '<p>Text <span>inline <div>block</div> tail</span> end</p>'],
    ['white space only', '<p> \n </p><p><em> </em></p><h2>Heading</h2>'],
    ['empty text nodes', '<p>one</p>'],
    ['a list of links and a teaser', '<ul><li><a href="/a">Share</a></li><li><a href="/b">Follow</a></li></ul><h2><a href="/other">Other story</a></h2><p>Its summary here.</p><p>Body text that is long enough to be read as the story itself.</p>'],
    ['a credit and a byline line', '<p>By Ann Example</p><p>Photograph: Agency</p><p>A body paragraph.</p>'],
    ['a closing note in italics', '<p>Body text of the story, long enough to count as a body paragraph of this story here.</p><p><em>Ann Example is our political editor</em></p>'],
    ['a list item before a nested list', '<ul><li>first <b>bold</b><ul><li>inner</li></ul> after</li></ul>'],
  ];
  for (const [name, html] of shapes) {
    it(name, () => {
      document.body.innerHTML = `<article>${html}</article>`;
      // An empty text node (the parser makes none): read as the walk reads it, not at all.
      if (name === 'empty text nodes') document.querySelector('p')!.appendChild(document.createTextNode(''));
      expectSameAsReference(document.querySelector('article')!);
    });
  }

  it('a paragraph asked for alone (the root) is read whole, and judged only inside', () => {
    document.body.innerHTML = '<p class="byline">By <a href="/ann">Ann Example</a></p>';
    const p = document.querySelector('p')!;
    expect(rows([...walkBlocks(p, { checkVisibility: false })], p)).toEqual(rows(referenceBlocks(p), p));
  });

  it('an SVG-namespace element named like an inline one is not read as a plain line', () => {
    document.body.innerHTML = '<article><p>Before after</p></article>';
    const p = document.querySelector('p')!;
    const foreign = document.createElementNS('http://www.w3.org/2000/svg', 'a');
    foreign.textContent = ' foreign ';
    p.insertBefore(foreign, (p.firstChild as Text).splitText(6));
    expectSameAsReference(document.querySelector('article')!);
  });
});

describe('a plain line mapped after the page changed it', () => {
  it('maps its nodes when first asked, to the text read', () => {
    document.body.innerHTML = '<article><p>Ann <em>Example</em> spoke.</p></article>';
    const [block] = collectBlocks(document.querySelector('article')!, { checkVisibility: false });
    expect(block.pieces.map((p) => [p.node.data, p.start])).toEqual([
      ['Ann ', 0],
      ['Example', 4],
      [' spoke.', 11],
    ]);
    // The same array each time: the highlighter keeps it in step as markers split nodes.
    expect(block.pieces).toBe(block.pieces);
  });

  it('has no pieces when its text is no longer what was read (the scan takes it for changed)', () => {
    document.body.innerHTML = '<article><p>Ann <em>Example</em> spoke.</p><p>Bob spoke.</p></article>';
    const [first, second] = collectBlocks(document.querySelector('article')!, { checkVisibility: false });
    expect(piecesLength(first)).toBe(first.text.length);
    document.querySelector('em')!.textContent = 'Other';
    expect(first.pieces).toEqual([]);
    expect(piecesLength(first)).toBe(0);
    document.querySelectorAll('p')[1].append(' Later.');
    expect(second.pieces).toEqual([]);
  });

  it('keeps its place in the document without mapping, even when its text changed (blockPlace)', () => {
    document.body.innerHTML = '<article><p>Ann <em>Example</em> spoke.</p><div>Bob <br>left.</div></article>';
    const [line, other] = collectBlocks(document.querySelector('article')!, { checkVisibility: false });
    document.querySelector('em')!.textContent = 'Other';
    // The plain line's place is its element; its pieces, asked for after the change, are none.
    expect(blockPlace(line)).toBe(document.querySelector('p'));
    expect(line.pieces).toEqual([]);
    expect(blockPlace(line)).toBe(document.querySelector('p'));
    // A block walked node by node is placed at its first text node.
    expect(blockPlace(other)).toBe(document.querySelector('div')!.firstChild);
    expect(blockPlace(line).compareDocumentPosition(blockPlace(other)) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });
});
