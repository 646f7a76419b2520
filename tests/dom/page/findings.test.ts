/**
 * What the popup lists: one item per record in page order, whichever order the markers were placed
 * in (the scan marks on-screen blocks first), with the page's marker order given or not.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { summarizeFindings } from '../../../src/page/findings';
import type { PlacedMatch } from '../../../src/page/marker-registry';
import { markerTargets } from '../../../src/page/navigate';
import type { CorpusMatch } from '../../../src/shared/protocol';

function placedAt(id: string, kind: CorpusMatch['kind'], text: string): PlacedMatch {
  const mark = document.querySelector<HTMLElement>(`[data-id="${id}"][data-cl-first]`)!;
  return { match: { kind, id, text, start: 0, end: text.length, corpus: 'c' } as CorpusMatch, marks: [mark] };
}

describe('summarizeFindings', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('lists records in page order (a name inside a claim after the claim), with and without the page order given', () => {
    document.body.innerHTML = `<article>
      <p><coverage-lens-mark data-cl-first data-kind="person" data-id="p:ann">Ann Example</coverage-lens-mark> spoke.</p>
      <p><coverage-lens-mark data-cl-first data-kind="claim" data-id="c:1">Rates rose as
        <coverage-lens-mark data-cl-first data-kind="person" data-id="p:bo">Bo Sample</coverage-lens-mark> said</coverage-lens-mark>.</p>
      <p><coverage-lens-mark data-cl-first data-kind="organisation" data-id="o:acme">Acme Board</coverage-lens-mark> met.</p>
    </article>`;
    // Placed out of page order, as a scan that marks the on-screen blocks first does.
    const placed = [placedAt('o:acme', 'organisation', 'Acme Board'), placedAt('p:bo', 'person', 'Bo Sample'), placedAt('c:1', 'claim', 'Rates rose as Bo Sample said'), placedAt('p:ann', 'person', 'Ann Example')];
    const expected = ['p:ann', 'c:1', 'p:bo', 'o:acme'];
    expect(summarizeFindings('https://example.invalid/', 'done', placed, undefined, markerTargets(document)).items.map((i) => i.id)).toEqual(expected);
    expect(summarizeFindings('https://example.invalid/', 'done', placed).items.map((i) => i.id)).toEqual(expected);
    // A page order that lacks a marker (not in it when read) still orders that one by its place.
    const partial = markerTargets(document).filter((m) => m.getAttribute('data-id') !== 'p:bo');
    expect(summarizeFindings('https://example.invalid/', 'done', placed, undefined, partial).items.map((i) => i.id)).toEqual(expected);
  });
});
