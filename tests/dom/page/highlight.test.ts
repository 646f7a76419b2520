import { describe, expect, it } from 'vitest';
import { Highlighter, removeStaleMarkers, type MarkSpec } from '../../../src/page/highlight';
import { collectBlocks } from '../../../src/page/text-map';
import { snapshot } from '../helpers/snapshot';

function spec(text: string, phrase: string, kind: MarkSpec['kind'] = 'person', id = 'x', from = 0): MarkSpec {
  const start = text.indexOf(phrase, from);
  if (start < 0) throw new Error(`"${phrase}" not in "${text}"`);
  return { kind, id, start, end: start + phrase.length };
}

const PAGE = `<article><h1>Leader to <em>rally</em> activists</h1>
  <p>Jane <em>Doe</em> told the rally in <a href="/town">North Town</a> that 40 MPs wrote to her.</p>
  <p>Mr Doe's 👍🏽 rival, <strong>John   Roe</strong>, said: "We will win." Jane Doe agreed.</p>
  <p>   </p><p>Ab<b>cd</b>ef and <i>Doe</i></p></article>`;

describe('highlight', () => {
  it('wraps a match that spans several text nodes with one marker per piece, sharing kind and id', () => {
    document.body.innerHTML = PAGE;
    const [, p1] = collectBlocks(document.body, { checkVisibility: false });
    const h = new Highlighter(() => 'Coverage Lens: press Enter');
    const [pieces] = h.markBlock(p1, [spec(p1.text, 'Jane Doe told')]);
    expect(pieces.map((m) => m.textContent)).toEqual(['Jane ', 'Doe', ' told']);
    expect(pieces.every((m) => m.tagName === 'COVERAGE-LENS-MARK' && m.dataset.kind === 'person' && m.dataset.id === 'x')).toBe(true);
    expect(pieces[0].getAttribute('tabindex')).toBe('0');
    expect(pieces[0].getAttribute('aria-description')).toBe('Coverage Lens: press Enter');
    expect(pieces[1].hasAttribute('tabindex')).toBe(false);
    // the middle piece sits inside the page's own <em>
    expect(pieces[1].parentElement?.tagName).toBe('EM');
    // no text added or lost
    expect(document.querySelector('p')!.textContent).toBe(p1.text);
  });

  it('unmarking restores the DOM exactly, text-node boundaries included, whatever the order', () => {
    document.body.innerHTML = PAGE;
    const before = snapshot(document.body);
    const htmlBefore = document.body.innerHTML;
    const h = new Highlighter();
    const blocks = collectBlocks(document.body, { checkVisibility: false });
    const all: HTMLElement[] = [];
    for (const block of blocks) {
      const specs: MarkSpec[] = [];
      for (const phrase of ['Doe', 'North Town', 'John   Roe', 'rally', '40 MPs', 'Abcdef', 'We will win.']) {
        let at = block.text.indexOf(phrase);
        while (at >= 0) {
          const s = { kind: 'claim' as const, id: phrase, start: at, end: at + phrase.length };
          if (!specs.some((o) => s.start < o.end && s.end > o.start)) specs.push(s);
          at = block.text.indexOf(phrase, at + 1);
        }
      }
      for (const marks of h.markBlock(block, specs)) all.push(...marks);
    }
    expect(all.length).toBeGreaterThan(10);
    expect(document.body.innerHTML).not.toBe(htmlBefore);
    expect(document.body.textContent).toBe(new DOMParser().parseFromString(htmlBefore, 'text/html').body.textContent);
    // remove in a scrambled order
    const scrambled = all.filter((_, i) => i % 2 === 1).concat(all.filter((_, i) => i % 2 === 0).reverse());
    h.unmark(scrambled);
    expect(snapshot(document.body)).toBe(before);
    expect(document.body.innerHTML).toBe(htmlBefore);
  });

  it('marking right to left keeps earlier offsets valid (several matches in one text node)', () => {
    document.body.innerHTML = '<p>Doe met Doe and Doe.</p>';
    const [block] = collectBlocks(document.body, { checkVisibility: false });
    const h = new Highlighter();
    const specs = [0, 1, 2].map((n) => {
      let at = -1;
      for (let i = 0; i <= n; i++) at = block.text.indexOf('Doe', at + 1);
      return { kind: 'person' as const, id: 'p', start: at, end: at + 3 };
    });
    const marks = h.markBlock(block, specs);
    expect(marks.map((m) => m.map((e) => e.textContent).join(''))).toEqual(['Doe', 'Doe', 'Doe']);
    const p = document.querySelector('p')!;
    expect(Array.from(p.childNodes).map((n) => (n.nodeType === 3 ? n.textContent : `[${n.textContent}]`))).toEqual([
      '[Doe]',
      ' met ',
      '[Doe]',
      ' and ',
      '[Doe]',
      '.',
    ]);
    expect(document.querySelector('p')!.textContent).toBe('Doe met Doe and Doe.');
    h.unmarkAll(document);
    expect(document.querySelector('p')!.childNodes.length).toBe(1);
  });

  it('never wraps whitespace-only pieces', () => {
    document.body.innerHTML = '<p><b>Jane</b> <i>Doe</i></p>';
    const [block] = collectBlocks(document.body, { checkVisibility: false });
    const [marks] = new Highlighter().markBlock(block, [spec(block.text, 'Jane Doe')]);
    expect(marks.map((m) => m.textContent)).toEqual(['Jane', 'Doe']);
    expect(document.querySelector('p')!.childNodes[1].nodeType).toBe(3);
  });

  it('keeps links working: the link still wraps the text, a marker inside it is not a second tab stop', () => {
    document.body.innerHTML = '<p>In <a href="/town">North Town</a> today</p>';
    const [block] = collectBlocks(document.body, { checkVisibility: false });
    const [marks] = new Highlighter().markBlock(block, [spec(block.text, 'North Town')]);
    const a = document.querySelector('a')!;
    expect(a.getAttribute('href')).toBe('/town');
    expect(marks[0].parentElement).toBe(a);
    expect(marks[0].getAttribute('tabindex')).toBe('-1');
    expect(a.textContent).toBe('North Town');
  });

  it('styles markers inline with !important and only paint properties', () => {
    document.body.innerHTML = '<p>Jane Doe</p>';
    const [block] = collectBlocks(document.body, { checkVisibility: false });
    const [[mark]] = new Highlighter().markBlock(block, [spec(block.text, 'Jane Doe')]);
    const css = mark.getAttribute('style') ?? '';
    expect(css).toMatch(/display:\s*inline\s*!important/);
    expect(css).toMatch(/margin:\s*0(px)?\s*!important/);
    expect(css).not.toMatch(/font-size|padding:\s*[1-9]/);
  });

  it('removes markers left by an earlier instance and merges the text back', () => {
    document.body.innerHTML = '<p>Hello <coverage-lens-mark data-kind="person">Jane</coverage-lens-mark> Doe</p>';
    expect(removeStaleMarkers(document)).toBe(1);
    const p = document.querySelector('p')!;
    expect(p.innerHTML).toBe('Hello Jane Doe');
    expect(p.childNodes.length).toBe(1);
  });
});
