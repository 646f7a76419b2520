import { beforeEach, describe, expect, it } from 'vitest';
import { collectBlocks, positionAt, slicesFor, type TextBlock } from '../../../src/page/text-map';

/** The text the DOM nodes hold for block offsets [start, end), as the highlighter wraps them. */
const textOf = (block: TextBlock, start: number, end: number) => slicesFor(block, start, end).map((sl) => sl.node.data.slice(sl.from, sl.to)).join('');

function setBody(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

describe('text-map: blocks', () => {
  beforeEach(() => setBody(''));

  it('reads paragraph-level blocks in document order, inline elements joined', () => {
    const root = setBody('<p>One <em>two</em> three</p><ul><li>four <a href="#">five</a></li></ul><h2>six</h2>');
    const blocks = collectBlocks(root, { checkVisibility: false });
    expect(blocks.map((b) => b.text)).toEqual(['One two three', 'four five', 'six']);
    expect(blocks.map((b) => b.element.tagName)).toEqual(['P', 'LI', 'H2']);
    expect(blocks[0].pieces.map((p) => p.start)).toEqual([0, 4, 7]);
  });

  it('skips script, style, noscript, textarea, input, select, template, svg, contenteditable, aria-hidden and hidden', () => {
    const root = setBody(`
      <p>keep one</p>
      <script>var notText = 1;</script><style>p{color:red}</style><noscript>no script</noscript>
      <textarea>typed</textarea><select><option>opt</option></select><template><p>tpl</p></template>
      <svg><text>svg text</text></svg>
      <div contenteditable="true"><p>editable</p></div>
      <div aria-hidden="true"><p>hidden from AT</p></div>
      <p hidden>hidden para</p>
      <coverage-lens-mark data-kind="person">ours</coverage-lens-mark>
      <p>keep two</p>`);
    const texts = collectBlocks(root, { checkVisibility: false }).map((b) => b.text.trim());
    expect(texts).toEqual(['keep one', 'keep two']);
  });

  it('skips furniture below the root (nav, aside, footer, comments) but not the root itself', () => {
    const root = setBody(`<article><p>body text</p><nav><p>nav</p></nav><aside><p>aside</p></aside>
      <div class="comments-section"><p>comment</p></div><footer><p>foot</p></footer></article>`);
    expect(collectBlocks(root, { checkVisibility: false }).map((b) => b.text.trim())).toEqual(['body text']);
    const aside = document.querySelector('aside')!;
    expect(collectBlocks(aside, { checkVisibility: false }).map((b) => b.text.trim())).toEqual(['aside']);
  });

  it('reads source line breaks as spaces (same offsets), but keeps them in <pre> and for <br>', () => {
    const root = setBody('<p>one\n   two\tthree</p><pre>a\nb</pre>');
    expect(collectBlocks(root, { checkVisibility: false }).map((b) => b.text)).toEqual(['one    two three', 'a\nb']);
  });

  it('never yields whitespace-only blocks; a <br> separates words', () => {
    const root = setBody('<div>   \n  </div><p>line one<br>line two</p>');
    const blocks = collectBlocks(root, { checkVisibility: false });
    expect(blocks.map((b) => b.text)).toEqual(['line one\nline two']);
  });

  it('splits a block around a nested block instead of joining text that is not adjacent', () => {
    const root = setBody('<li>before<p>inside</p>after</li>');
    expect(collectBlocks(root, { checkVisibility: false }).map((b) => [b.element.tagName, b.text])).toEqual([
      ['LI', 'before'],
      ['P', 'inside'],
      ['LI', 'after'],
    ]);
  });
});

describe('text-map: offsets', () => {
  it('maps offsets across nodes, with emoji (surrogate pairs) and soft hyphens, to exact DOM ranges', () => {
    const root = setBody('<p>Rally 🎉 for <em>Jer\u00ademy</em> Corbyn 👍🏽 today</p>');
    const [block] = collectBlocks(root, { checkVisibility: false });
    expect(block.text).toBe('Rally 🎉 for Jer\u00ademy Corbyn 👍🏽 today');
    const phrase = 'Jer\u00ademy Corbyn';
    const start = block.text.indexOf(phrase);
    const end = start + phrase.length;
    expect(textOf(block, start, end)).toBe(phrase);
    const slices = slicesFor(block, start, end);
    expect(slices.map((s) => s.node.data.slice(s.from, s.to))).toEqual(['Jer\u00ademy', ' Corbyn']);
    const after = block.text.indexOf('today');
    expect(textOf(block, after, after + 5)).toBe('today');
    // the emoji with a skin-tone modifier is four UTF-16 units; the offsets after it still line up
    const pos = positionAt(block, after);
    expect(pos.node.data.slice(pos.offset)).toBe('today');
  });

  it('at a node boundary, start positions take the next node and end positions the previous one', () => {
    const root = setBody('<p>ab<b>cd</b>ef</p>');
    const [block] = collectBlocks(root, { checkVisibility: false });
    expect(positionAt(block, 2, 'start').node.data).toBe('cd');
    expect(positionAt(block, 2, 'end').node.data).toBe('ab');
    expect(textOf(block, 2, 4)).toBe('cd');
  });
});
