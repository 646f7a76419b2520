/** Entity refs cross once per reply: packed on the matching side, put back on the page, unchanged. */
import { describe, expect, it } from 'vitest';
import { entityRefsKey, packEntityRefs, unpackEntityRefs } from '../../../src/shared/entity-refs';
import type { CoverageRef } from '../../../src/core/index/types';
import type { CorpusMatch } from '../../../src/shared/protocol';

function ref(article: string, score = 1): CoverageRef {
  return { article, sentence: 0, relation: 'mentions', score };
}

function m(kind: CorpusMatch['kind'], id: string, refs: CoverageRef[], corpus = 'c1', start = 0): CorpusMatch {
  return { kind, id, text: 'x', start, end: start + 1, score: 1, refs, corpus, articles: refs.length };
}

describe('packEntityRefs / unpackEntityRefs', () => {
  it('sends an entity’s refs once for all its detections, and the page gets equal matches back', () => {
    const ada = [ref('a1'), ref('a2')];
    const claim = m('claim', 'cg1', [ref('a1', 0.8)]);
    const matches = [[m('person', 'p:ada', ada), claim], [m('person', 'p:ada', [...ada], 'c1', 9), m('organisation', 'o:ada', ada, 'c2')]];
    const before = structuredClone(matches);
    const table = packEntityRefs(matches);
    expect(Object.keys(table ?? {}).sort()).toEqual([entityRefsKey('c1', 'p:ada'), entityRefsKey('c2', 'o:ada')].sort());
    // Entity detections go without refs; a claim keeps its own (page-specific relations).
    expect(matches.flat().filter((x) => x.kind !== 'claim').map((x) => [x.refs.length, x.sharedRefs])).toEqual([[0, true], [0, true], [0, true]]);
    expect(matches[0][1].refs).toEqual([ref('a1', 0.8)]);
    const wire = JSON.parse(JSON.stringify({ matches, entityRefs: table })) as { matches: CorpusMatch[][]; entityRefs: typeof table };
    unpackEntityRefs(wire.matches, wire.entityRefs);
    expect(wire.matches).toEqual(before);
  });

  it('keeps inline the refs of a detection that differ from its entity’s first in the reply', () => {
    const matches = [[m('person', 'p:ada', [ref('a1'), ref('a2')])], [m('person', 'p:ada', [ref('a2')], 'c1', 5)]];
    packEntityRefs(matches);
    expect(matches[1][0].refs).toEqual([ref('a2')]);
    expect(matches[1][0].sharedRefs).toBeUndefined();
  });

  it.each([
    ['one relation and score', [ref('a1'), ref('a2')], { article: ['a1', 'a2'], sentence: [0, 0], relation: 'mentions', score: 1 }],
    ['mixed scores', [ref('a1', 0.5), ref('a2')], { article: ['a1', 'a2'], sentence: [0, 0], relation: 'mentions', score: [0.5, 1] }],
    ['mixed relations', [ref('a1'), { ...ref('a2'), relation: 'agrees' as const }], { article: ['a1', 'a2'], sentence: [0, 0], relation: ['mentions', 'agrees'], score: 1 }],
  ])('packs refs as columns (%s) and puts the same refs back', (_name, refs, packed) => {
    const matches = [[m('person', 'p:ada', refs)]];
    const before = structuredClone(matches);
    const table = packEntityRefs(matches);
    expect(table?.[entityRefsKey('c1', 'p:ada')]).toEqual(packed);
    const wire = JSON.parse(JSON.stringify({ matches, entityRefs: table })) as { matches: CorpusMatch[][]; entityRefs: typeof table };
    unpackEntityRefs(wire.matches, wire.entityRefs);
    expect(wire.matches).toEqual(before);
  });

  it('keeps inline the refs of an entity whose refs carry more than the four fields', () => {
    const rich = { ...ref('a1'), relation: 'differs', values: { attribute: 'figure' } } as CoverageRef;
    const matches = [[m('person', 'p:ada', [rich]), m('person', 'p:ada', [rich], 'c1', 4)]];
    expect(packEntityRefs(matches)).toBeUndefined();
    expect(matches[0].map((x) => [x.refs, x.sharedRefs])).toEqual([[[rich], undefined], [[rich], undefined]]);
  });

  it('gives no refs for a malformed table entry', () => {
    const matches: CorpusMatch[][] = [[{ ...m('person', 'p:ada', []), sharedRefs: true }]];
    unpackEntityRefs(matches, { [entityRefsKey('c1', 'p:ada')]: { article: 'a1' } as never });
    expect(matches[0][0].refs).toEqual([]);
  });

  it('makes no table for a reply without entity refs', () => {
    expect(packEntityRefs([[m('claim', 'cg1', [ref('a1')])], [m('person', 'p:x', [])]])).toBeUndefined();
  });
});
