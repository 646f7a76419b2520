/** The marking policy (core/match/select), table-driven: nesting, lone names, kinds, the cap, batches. */
import { describe, expect, it } from 'vitest';
import type { DetectionKind } from '../../../src/core/index/types';
import { MarkSelection, isLoneName, nestable, selectMatches, type Selectable, type SelectOptions } from '../../../src/core/match/select';

const ALL: Record<DetectionKind, boolean> = { person: true, organisation: true, claim: true, quote: true };
const opts = (over: Partial<SelectOptions> = {}): SelectOptions => ({ kinds: ALL, maxMarkers: 100, ...over });

/** Every occurrence of `text` in `block` as a match (a tiny stand-in for the matcher). */
function m(block: string, text: string, kind: DetectionKind, id: string, nth = 0, corpus?: string): Selectable {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = block.indexOf(text, at + 1);
  if (at < 0) throw new Error(`"${text}" not in "${block}"`);
  return { kind, text, start: at, end: at + text.length, id, ...(corpus ? { corpus } : {}) };
}
const texts = (out: Selectable[][]) => out.map((list) => list.map((x) => `${x.kind}:${x.text}`));

const P1 = 'Ada Quint opened the bridge.';
const P2 = 'Later Quint said it would close.';
const P3 = 'Quint and Berg argued.';
const CLAIM = 'The bridge will close for fourteen weeks, Ada Quint said.';

describe('selectMatches (all at once)', () => {
  it.each<[string, { text: string; matches: Selectable[] }[], SelectOptions, string[][]]>([
    ['a full name is marked', [{ text: P1, matches: [m(P1, 'Ada Quint', 'person', 'p:q')] }], opts(), [['person:Ada Quint']]],
    ['a lone surname with no full name anywhere is held and dropped', [{ text: P2, matches: [m(P2, 'Quint', 'person', 'p:q')] }], opts(), [[]]],
    [
      'a lone surname before the full name (later block) is released',
      [
        { text: P2, matches: [m(P2, 'Quint', 'person', 'p:q')] },
        { text: P1, matches: [m(P1, 'Ada Quint', 'person', 'p:q')] },
      ],
      opts(),
      [['person:Quint'], ['person:Ada Quint']],
    ],
    [
      'a lone surname after the full name is marked',
      [
        { text: P1, matches: [m(P1, 'Ada Quint', 'person', 'p:q')] },
        { text: P2, matches: [m(P2, 'Quint', 'person', 'p:q')] },
      ],
      opts(),
      [['person:Ada Quint'], ['person:Quint']],
    ],
    [
      'one full name does not release another person’s lone name',
      [
        { text: P3, matches: [m(P3, 'Quint', 'person', 'p:q'), m(P3, 'Berg', 'person', 'p:b')] },
        { text: P1, matches: [m(P1, 'Ada Quint', 'person', 'p:q')] },
      ],
      opts(),
      [['person:Quint'], ['person:Ada Quint']],
    ],
    [
      'the same id in another corpus is another person',
      [
        { text: P2, matches: [m(P2, 'Quint', 'person', 'p:q', 0, 'c2')] },
        { text: P1, matches: [m(P1, 'Ada Quint', 'person', 'p:q', 0, 'c1')] },
      ],
      opts(),
      [[], ['person:Ada Quint']],
    ],
    ['lone organisation names are not held', [{ text: P3, matches: [m(P3, 'Berg', 'organisation', 'o:b')] }], opts(), [['organisation:Berg']]],
    [
      'a name inside a claim sentence nests; both are kept, outer first',
      [{ text: CLAIM, matches: [m(CLAIM, 'Ada Quint', 'person', 'p:q'), m(CLAIM, CLAIM, 'claim', 'c:1')] }],
      opts(),
      [[`claim:${CLAIM}`, 'person:Ada Quint']],
    ],
    [
      'a match straddling another’s edge is dropped (the earlier, longer one wins)',
      [{ text: P1, matches: [m(P1, 'Ada Quint opened', 'claim', 'c:1'), m(P1, 'Quint opened the bridge', 'quote', 'q:1')] }],
      opts(),
      [['claim:Ada Quint opened']],
    ],
    [
      'a repeat of one kind on one span is dropped',
      [{ text: P1, matches: [m(P1, 'Ada Quint', 'person', 'p:q'), m(P1, 'Ada Quint', 'person', 'p:other')] }],
      opts(),
      [['person:Ada Quint']],
    ],
    [
      'kinds switched off are dropped',
      [{ text: CLAIM, matches: [m(CLAIM, 'Ada Quint', 'person', 'p:q'), m(CLAIM, CLAIM, 'claim', 'c:1')] }],
      opts({ kinds: { ...ALL, claim: false } }),
      [['person:Ada Quint']],
    ],
    [
      'a switched-off full name does not release a lone name',
      [
        { text: P2, matches: [m(P2, 'Quint', 'person', 'p:q')] },
        { text: P1, matches: [m(P1, 'Ada Quint', 'person', 'p:q')] },
      ],
      opts({ kinds: { ...ALL, person: false } }),
      [[], []],
    ],
    [
      'offsets beyond the block are dropped',
      [{ text: 'Ada', matches: [m(P1, 'Ada Quint', 'person', 'p:q')] }],
      opts(),
      [[]],
    ],
    [
      'the cap counts markers in page order',
      [
        { text: P1, matches: [m(P1, 'Ada Quint', 'person', 'p:q'), m(P1, 'bridge', 'organisation', 'o:b')] },
        { text: P2, matches: [m(P2, 'Quint', 'person', 'p:q')] },
      ],
      opts({ maxMarkers: 2 }),
      [['person:Ada Quint', 'organisation:bridge'], []],
    ],
    [
      'a released lone name takes its room under the cap before the releasing block',
      [
        { text: P2, matches: [m(P2, 'Quint', 'person', 'p:q')] },
        { text: P1, matches: [m(P1, 'Ada Quint', 'person', 'p:q'), m(P1, 'bridge', 'organisation', 'o:b')] },
      ],
      opts({ maxMarkers: 2 }),
      [['person:Quint'], ['person:Ada Quint']],
    ],
  ])('%s', (_name, blocks, options, expected) => {
    expect(texts(selectMatches(blocks, options))).toEqual(expected);
  });
});

describe('MarkSelection (batch by batch)', () => {
  it('returns what to mark now: a later batch releases a held name of an earlier block', () => {
    const sel = new MarkSelection<string>(opts());
    expect(sel.add('b2', [m(P2, 'Quint', 'person', 'p:q')], P2.length)).toEqual([]);
    const out = sel.add('b1', [m(P1, 'Ada Quint', 'person', 'p:q')], P1.length);
    expect(out.map((a) => [a.block, a.matches.map((x) => x.text)])).toEqual([
      ['b2', ['Quint']],
      ['b1', ['Ada Quint']],
    ]);
    // Once confirmed, later lone names pass at once.
    expect(sel.add('b3', [m(P3, 'Quint', 'person', 'p:q')], P3.length).map((a) => a.block)).toEqual(['b3']);
  });

  it('does not release a held name in a block that is gone', () => {
    const live = new Set(['b1']);
    const sel = new MarkSelection<string>(opts(), (b) => live.has(b));
    sel.add('b2', [m(P2, 'Quint', 'person', 'p:q')], P2.length);
    expect(sel.add('b1', [m(P1, 'Ada Quint', 'person', 'p:q')], P1.length).map((a) => a.block)).toEqual(['b1']);
  });

  it('frees room under the cap when markers are released', () => {
    const sel = new MarkSelection<string>(opts({ maxMarkers: 1 }));
    expect(sel.add('b1', [m(P1, 'Ada Quint', 'person', 'p:q')], P1.length)).toHaveLength(1);
    expect(sel.remaining()).toBe(0);
    expect(sel.add('b2', [m(P1, 'Ada Quint', 'person', 'p:q')], P1.length)).toEqual([]);
    sel.release(1);
    expect(sel.remaining()).toBe(1);
    expect(sel.add('b3', [m(P1, 'Ada Quint', 'person', 'p:q')], P1.length)).toHaveLength(1);
  });
});

describe('helpers', () => {
  it.each<[Selectable, boolean]>([
    [{ kind: 'person', text: 'Quint', start: 0, end: 5, id: 'p' }, true],
    [{ kind: 'person', text: 'Quint’s ', start: 0, end: 8, id: 'p' }, true],
    [{ kind: 'person', text: 'Ms Quint', start: 0, end: 8, id: 'p' }, false],
    [{ kind: 'organisation', text: 'Berg', start: 0, end: 4, id: 'o' }, false],
  ])('isLoneName(%j) is %s', (match, expected) => {
    expect(isLoneName(match)).toBe(expected);
  });

  it('nestable sorts outer first', () => {
    const inner = m(CLAIM, 'Ada Quint', 'person', 'p');
    const outer = m(CLAIM, CLAIM, 'claim', 'c');
    expect(nestable([inner, outer])).toEqual([outer, inner]);
  });
});

describe('a page that restates a corpus article (RESTATED_TWICE)', () => {
  /** A claim match over a whole block citing `articles`, restating `restates` when given. */
  const claim = (block: string, id: string, articles: string[], restates?: string, corpus?: string): Selectable => ({
    kind: 'claim',
    text: block,
    start: 0,
    end: block.length,
    id,
    refs: articles.map((article) => ({ article })),
    ...(restates ? { restates } : {}),
    ...(corpus ? { corpus } : {}),
  });
  const B = ['First copied claim.', 'Second copied claim.', 'A claim others cover too.', 'A claim only the copy states.'];

  it.each([
    [
      'two restating sentences: the page is a copy, and the first sentence marked before it was recognised is withdrawn',
      [claim(B[0], 'g1', ['a'], 'a'), claim(B[1], 'g2', ['a'], 'a'), claim(B[2], 'g3', ['a', 'b']), claim(B[3], 'g4', ['a'])],
      [[], [], ['g3:b'], []],
    ],
    [
      'one restating sentence is not a copy: nothing is left out',
      [claim(B[0], 'g1', ['a'], 'a'), claim(B[1], 'g2', ['a']), claim(B[2], 'g3', ['a', 'b']), claim(B[3], 'g4', ['a'])],
      [['g1:a'], ['g2:a'], ['g3:a,b'], ['g4:a']],
    ],
    [
      'restating two different articles once each is not a copy of either',
      [claim(B[0], 'g1', ['a'], 'a'), claim(B[1], 'g2', ['b'], 'b'), claim(B[2], 'g3', ['a', 'b']), claim(B[3], 'g4', ['a'])],
      [['g1:a'], ['g2:b'], ['g3:a,b'], ['g4:a']],
    ],
    [
      'article ids are per corpus: a copy of one corpus article leaves the other corpus alone',
      [claim(B[0], 'g1', ['a'], 'a', 'c1'), claim(B[1], 'g2', ['a'], 'a', 'c1'), claim(B[2], 'g3', ['a'], undefined, 'c2'), claim(B[3], 'g4', ['a'], undefined, 'c1')],
      [[], [], ['g3:a'], []],
    ],
  ])('%s', (_name, matches, expected) => {
    const out = selectMatches(
      B.map((text, i) => ({ text, matches: [matches[i]] })),
      opts(),
    );
    expect(out.map((list) => list.map((x) => `${x.id}:${(x.refs ?? []).map((r) => r.article).join(',')}`))).toEqual(expected);
    // The same blocks in another order (the page sends the viewport first) end with the same marks
    // (their evidence may still name the copied article when marked before it was recognised).
    const order = [3, 1, 2, 0];
    const reordered = selectMatches(
      order.map((i) => ({ text: B[i], matches: [matches[i]] })),
      opts(),
    );
    const ids: string[][] = [];
    order.forEach((i, k) => (ids[i] = reordered[k].map((x) => x.id)));
    expect(ids).toEqual(expected.map((list) => list.map((e) => e.split(':')[0])));
  });

  it('a name whose only article is the copy is not marked; one also in another article keeps it, counted without the copy', () => {
    // As the matching side sends names: one ref per article and the article count.
    const name = (id: string, articles: string[]): Selectable => ({ kind: 'person', text: 'Ada Quill', start: 0, end: 9, id, refs: articles.map((article) => ({ article })), articles: articles.length });
    const blocks = [
      { text: B[0], matches: [claim(B[0], 'g1', ['a'], 'a')] },
      { text: B[1], matches: [claim(B[1], 'g2', ['a'], 'a')] },
      { text: 'Ada Quill spoke.', matches: [name('person:only-copy', ['a'])] },
      { text: 'Ada Quill spoke.', matches: [name('person:also-b', ['a', 'b', 'c'])] },
    ];
    const out = selectMatches(blocks, opts());
    expect(out[2]).toEqual([]);
    expect(out[3].map((m) => [m.id, (m.refs ?? []).map((r) => r.article), m.articles])).toEqual([['person:also-b', ['b', 'c'], 2]]);
  });
});
