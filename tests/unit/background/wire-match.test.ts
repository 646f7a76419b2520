/**
 * What a match carries to the page: entity refs stay behind (counted) unless the entity is in few
 * articles (then one per article); claim and quote refs are sent strongest first up to the cap,
 * with the number left out.
 */
import { describe, expect, it } from 'vitest';
import { MAX_ENTITY_ARTICLES_SENT, MAX_PAGE_REFS_PER_MATCH, toWireMatch } from '../../../src/background/wire-match';
import type { CoverageRef, DetectionKind, Match } from '../../../src/core/index/types';

function ref(article: string, sentence: number, score = 1): CoverageRef {
  return { article, sentence, relation: 'mentions', score };
}

function match(kind: DetectionKind, refs: CoverageRef[]): Match {
  return { kind, id: `${kind}:x`, text: 'Ada Quill', start: 3, end: 12, score: 0.9, refs };
}

describe('toWireMatch', () => {
  it.each(['person', 'organisation'] as const)('a %s match in few articles sends its first ref in each and the distinct-article count', (kind) => {
    const refs = [ref('a1', 0), ref('a1', 4), ref('a2', 1), ref('a3', 2)];
    expect(toWireMatch(match(kind, refs), 'c1')).toEqual({ kind, id: `${kind}:x`, text: 'Ada Quill', start: 3, end: 12, score: 0.9, corpus: 'c1', articles: 3, refs: [ref('a1', 0), ref('a2', 1), ref('a3', 2)], refsLeft: 1 });
  });

  it.each(['person', 'organisation'] as const)('a %s match in more than MAX_ENTITY_ARTICLES_SENT articles sends no refs', (kind) => {
    const n = MAX_ENTITY_ARTICLES_SENT + 1;
    const refs = Array.from({ length: n }, (_, i) => ref(`a${i}`, i));
    expect(toWireMatch(match(kind, refs), 'c1')).toMatchObject({ articles: n, refs: [], refsLeft: n });
    // At the limit, every article is sent.
    expect(toWireMatch(match(kind, refs.slice(1)), 'c1').refs).toEqual(refs.slice(1));
  });

  it('counts a shared entity refs array the same on every detection', () => {
    const refs = [ref('a1', 0), ref('a2', 0)];
    expect(toWireMatch(match('person', refs), 'c1').articles).toBe(2);
    expect(toWireMatch({ ...match('person', refs), start: 20, end: 29 }, 'c1').articles).toBe(2);
  });

  it.each(['claim', 'quote'] as const)('a %s match under the cap sends every ref unchanged', (kind) => {
    const refs = [ref('a1', 2, 0.4), ref('a2', 5, 0.8)];
    const wire = toWireMatch(match(kind, refs), 'c2');
    expect(wire.refs).toEqual(refs);
    expect(wire.articles).toBe(2);
    expect('refsLeft' in wire).toBe(false);
  });

  it.each(['claim', 'quote'] as const)('a %s match over the cap sends the strongest refs and counts the rest', (kind) => {
    const n = MAX_PAGE_REFS_PER_MATCH + 7;
    // Scores rise with the article number: the last MAX_PAGE_REFS_PER_MATCH are the strongest.
    const refs = Array.from({ length: n }, (_, i) => ref(`a${i}`, 0, i / n));
    const wire = toWireMatch(match(kind, refs), 'c2');
    expect(wire.refs).toHaveLength(MAX_PAGE_REFS_PER_MATCH);
    expect(wire.refs[0].article).toBe(`a${n - 1}`);
    expect(new Set(wire.refs.map((r) => r.article)).has('a6')).toBe(false);
    expect(new Set(wire.refs.map((r) => r.article)).has('a7')).toBe(true);
    expect(wire.refsLeft).toBe(7);
    expect(wire.articles).toBe(n);
  });

  it('a claim that restates a corpus article says which; a match that restates none has no such field', () => {
    expect(toWireMatch({ ...match('claim', [ref('a1', 0)]), restates: 'a1' }, 'c2').restates).toBe('a1');
    expect('restates' in toWireMatch(match('claim', [ref('a1', 0)]), 'c2')).toBe(false);
  });
});
