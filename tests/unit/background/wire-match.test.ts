/**
 * What a match carries to the page: entity refs stay behind (counted), claim and quote refs are sent
 * strongest first up to the cap, with the number left out.
 */
import { describe, expect, it } from 'vitest';
import { MAX_PAGE_REFS_PER_MATCH, toWireMatch } from '../../../src/background/wire-match';
import type { CoverageRef, DetectionKind, Match } from '../../../src/core/index/types';

function ref(article: string, sentence: number, score = 1): CoverageRef {
  return { article, sentence, relation: 'mentions', score };
}

function match(kind: DetectionKind, refs: CoverageRef[]): Match {
  return { kind, id: `${kind}:x`, text: 'Ada Quill', start: 3, end: 12, score: 0.9, refs };
}

describe('toWireMatch', () => {
  it.each(['person', 'organisation'] as const)('a %s match sends one ref per article and the distinct-article count', (kind) => {
    const refs = [ref('a1', 0), ref('a1', 4), ref('a2', 1), ref('a3', 2)];
    expect(toWireMatch(match(kind, refs), 'c1')).toEqual({ kind, id: `${kind}:x`, text: 'Ada Quill', start: 3, end: 12, score: 0.9, corpus: 'c1', articles: 3, refs: [ref('a1', 0), ref('a2', 1), ref('a3', 2)] });
  });

  it('an entity in more articles than the cap sends the first articles and how many were left out', () => {
    const refs = Array.from({ length: MAX_PAGE_REFS_PER_MATCH + 7 }, (_, i) => ref(`a${i}`, 0));
    const wire = toWireMatch(match('person', refs), 'c1');
    expect(wire.refs.map((r) => r.article)).toEqual(refs.slice(0, MAX_PAGE_REFS_PER_MATCH).map((r) => r.article));
    expect(wire.refsLeft).toBe(7);
  });

  it('keeps the article a claim restates (the marking policy reads it) and adds no such field otherwise', () => {
    const claim = { ...match('claim', [ref('a1', 2, 0.9)]), restates: 'a1' };
    expect(toWireMatch(claim, 'c1').restates).toBe('a1');
    expect('restates' in toWireMatch(match('claim', [ref('a1', 2, 0.9)]), 'c1')).toBe(false);
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
});
