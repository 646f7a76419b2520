/**
 * Properties of the matcher's scan over arbitrary and awkward text, with the real seeds matcher
 * and the invented mini corpus: it never throws, every match is a true slice of the input within
 * bounds and on code-point boundaries, matches of one kind never overlap, results are
 * deterministic, and a name set in awkward surroundings is matched exactly.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DetectionKind, Match } from '../../../src/core/index/types';
import { compileMatcher, createMatcher, type Matcher } from '../../../src/core/match';
import { buildMiniIndex } from '../../fixtures/mini-corpus/mini-index';
import { wordVectors } from '../../../scripts/lib/word-vectors';
import { seedsIndex } from '../../fixtures/seeds-index/seeds-index';
import { anyText, AWKWARD, grammarText, splitsSurrogatePair } from './grammar';

const RUNS = { numRuns: 300 };
const KINDS: DetectionKind[] = ['person', 'organisation', 'claim', 'quote'];

const matchers: [string, () => Matcher][] = [
  ['seeds', () => seedsIndex().matcher],
  ['mini corpus', () => createMatcher(compileMatcher(buildMiniIndex()))],
];

/** Text that mentions the corpus's people in odd company, plus whole corpus sentences. */
const corpusish = fc.oneof(
  anyText,
  grammarText,
  fc.constantFrom(...seedsIndex().index.articles.flatMap((a) => a.text.split('\n').filter((p) => p.length > 0).slice(0, 12))),
  fc.tuple(fc.constantFrom(...seedsIndex().index.articles.map((a) => a.text)), fc.nat(), fc.nat(500)).map(([t, a, len]) => t.slice(a % t.length, (a % t.length) + len)),
);

function checkMatches(input: string, matches: Match[]): void {
  for (const m of matches) {
    expect(m.start).toBeGreaterThanOrEqual(0);
    expect(m.start).toBeLessThan(m.end);
    expect(m.end).toBeLessThanOrEqual(input.length);
    expect(m.text).toBe(input.slice(m.start, m.end));
    expect(splitsSurrogatePair(input, m.start)).toBe(false);
    expect(splitsSurrogatePair(input, m.end)).toBe(false);
    expect(KINDS).toContain(m.kind);
    expect(typeof m.id).toBe('string');
  }
  for (const kind of KINDS) {
    const same = matches.filter((m) => m.kind === kind).sort((a, b) => a.start - b.start);
    for (let i = 1; i < same.length; i++) expect(same[i].start).toBeGreaterThanOrEqual(same[i - 1].end);
  }
}

describe.each(matchers)('scan with the %s matcher (property)', (_name, make) => {
  const matcher = make();

  it('never throws; matches are in-bounds slices of the input on code-point boundaries, one kind never overlapping', () => {
    fc.assert(
      fc.property(corpusish, (input) => {
        checkMatches(input, matcher.scan(input));
      }),
      RUNS,
    );
  });

  it('is deterministic: the same text gives the same matches, from this matcher and a fresh one', () => {
    const fresh = make === matchers[0][1] ? createMatcher(seedsIndex().data, { vectors: wordVectors() }) : make();
    fc.assert(
      fc.property(corpusish, (input) => {
        const a = matcher.scan(input);
        const b = matcher.scan(input);
        const c = fresh.scan(input);
        expect(b).toEqual(a);
        expect(c).toEqual(a);
      }),
      { numRuns: 150 },
    );
  });

  it('with a kinds filter returns exactly the unfiltered matches of those kinds', () => {
    fc.assert(
      fc.property(corpusish, fc.subarray(KINDS, { minLength: 1 }), (input, kinds) => {
        const all = matcher.scan(input);
        const some = matcher.scan(input, { kinds: Object.fromEntries(kinds.map((k) => [k, true])) });
        const key = (m: Match) => `${m.kind}|${m.id}|${m.start}|${m.end}`;
        for (const m of some) expect(kinds).toContain(m.kind);
        // Names and quotes are found independently of other kinds; claims may defer to quotes.
        const independent = (m: Match) => m.kind === 'person' || m.kind === 'organisation' || m.kind === 'quote';
        expect(some.filter(independent).map(key)).toEqual(all.filter((m) => kinds.includes(m.kind) && independent(m)).map(key));
      }),
      { numRuns: 150 },
    );
  });
});

describe('names among awkward characters (property, seeds matcher)', () => {
  const { matcher } = seedsIndex();
  const decoration = fc.array(fc.constantFrom(...AWKWARD.filter((a) => a !== '\u0301' && a !== '\u20DD' && a !== '’s'), 'said', 'the', '10,000', '.'), { maxLength: 6 }).map((p) => p.join(' '));

  it('marks exactly "Jeremy Corbyn" and "Owen Smith" wherever they stand between emoji, marks, ZW characters and RTL text', () => {
    fc.assert(
      fc.property(decoration, decoration, decoration, fc.constantFrom('', '\u200B', '\u00AD', '\u2060'), (a, b, c, after) => {
        const input = `${a} Jeremy Corbyn${after} ${b} Owen Smith${after} ${c}`;
        const people = matcher.scan(input, { kinds: { person: true } });
        const j = input.indexOf('Jeremy Corbyn');
        const o = input.indexOf('Owen Smith');
        expect(people.map((m) => [m.text, m.start, m.end])).toEqual(
          expect.arrayContaining([
            ['Jeremy Corbyn', j, j + 'Jeremy Corbyn'.length],
            ['Owen Smith', o, o + 'Owen Smith'.length],
          ]),
        );
      }),
      RUNS,
    );
  });
});
