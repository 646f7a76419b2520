/**
 * Properties of the one normalize() and its offset map, over arbitrary Unicode, lone surrogates and
 * a grammar of awkward page text: it never throws, the map is monotonic and in bounds, and a
 * normalised range maps back to a source slice that normalises to the same text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mapRangeToSource, normalize, normalizeWithMap } from '../../../src/core/lang/normalize';
import { anyText, grammarText, NAMES, splitsSurrogatePair } from './grammar';

const RUNS = { numRuns: 400 };

/** The chunk (first, last+1 normalised index) that normalised index `i` belongs to. */
function chunkAround(norm: ReturnType<typeof normalizeWithMap>, s: number, e: number): [number, number] {
  let a = s;
  while (a > 0 && norm.map[a - 1] === norm.map[s]) a--;
  let b = e;
  while (b < norm.text.length && norm.endMap[b] === norm.endMap[e - 1]) b++;
  return [a, b];
}

describe('normalizeWithMap (property)', () => {
  it('never throws and gives one map entry per normalised unit, all in bounds and monotonic', () => {
    fc.assert(
      fc.property(anyText, (input) => {
        const norm = normalizeWithMap(input);
        expect(norm.sourceLength).toBe(input.length);
        expect(norm.map.length).toBe(norm.text.length);
        expect(norm.endMap.length).toBe(norm.text.length);
        for (let i = 0; i < norm.text.length; i++) {
          expect(norm.map[i]).toBeLessThan(norm.endMap[i]);
          expect(norm.endMap[i]).toBeLessThanOrEqual(input.length);
          if (i > 0) {
            expect(norm.map[i]).toBeGreaterThanOrEqual(norm.map[i - 1]);
            expect(norm.endMap[i]).toBeGreaterThanOrEqual(norm.endMap[i - 1]);
          }
          // A chunk never starts or ends inside a surrogate pair.
          expect(splitsSurrogatePair(input, norm.map[i])).toBe(false);
          expect(splitsSurrogatePair(input, norm.endMap[i])).toBe(false);
        }
        expect(normalize(input)).toBe(norm.text);
      }),
      RUNS,
    );
  });

  it('maps every normalised range to an in-bounds source range', () => {
    fc.assert(
      fc.property(anyText, fc.nat(), fc.nat(), (input, x, y) => {
        const norm = normalizeWithMap(input);
        const n = norm.text.length;
        const s = n === 0 ? 0 : x % (n + 1);
        const e = n === 0 ? 0 : s + (y % (n - s + 1));
        const r = mapRangeToSource(norm, s, e);
        expect(r.start).toBeGreaterThanOrEqual(0);
        expect(r.start).toBeLessThanOrEqual(r.end);
        expect(r.end).toBeLessThanOrEqual(input.length);
        if (e > s) expect(r.end).toBeGreaterThan(r.start);
      }),
      RUNS,
    );
  });

  it('maps a normalised range to a source slice that normalises back to the same text', () => {
    fc.assert(
      fc.property(anyText, fc.nat(), fc.nat(), (input, x, y) => {
        const norm = normalizeWithMap(input);
        const n = norm.text.length;
        fc.pre(n > 0);
        const s = x % n;
        const e = s + 1 + (y % (n - s));
        // A range can start or end inside the output of one source chunk (a ligature gives two
        // letters); widen it to whole chunks, which is what the source slice covers.
        const [a, b] = chunkAround(norm, s, e);
        const r = mapRangeToSource(norm, s, e);
        expect(r).toEqual({ start: norm.map[a], end: norm.endMap[b - 1] });
        expect(normalize(input.slice(r.start, r.end))).toBe(norm.text.slice(a, b));
      }),
      RUNS,
    );
  });

  it('maps a name found in normalised text to exactly the name in the source, never a trailing invisible', () => {
    fc.assert(
      fc.property(grammarText, fc.constantFrom(...NAMES), grammarText, fc.constantFrom('\u00AD', '\u200B', '\u2060', '', '\uFEFF'), (pre, name, post, invisible) => {
        const input = `${pre} ${name}${invisible} ${post}`;
        const norm = normalizeWithMap(input);
        const at = norm.text.indexOf(` ${normalize(name)} `, normalize(pre).length);
        expect(at).toBeGreaterThanOrEqual(0);
        const r = mapRangeToSource(norm, at + 1, at + 1 + normalize(name).length);
        expect(input.slice(r.start, r.end)).toBe(name);
      }),
      RUNS,
    );
  });

  it('normalize gives the text of normalizeWithMap on mostly-ASCII text with marks, folded ASCII and lone surrogates', () => {
    // normalize has its own paths for plain ASCII text and plain ASCII characters: this mixes them
    // with what those paths must hand on (a combining mark after a letter, a backtick, a tab, a
    // curly quote, a ligature, a lone surrogate).
    const unit = fc.oneof(
      { weight: 6, arbitrary: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) },
      { weight: 1, arbitrary: fc.constantFrom('\u0301', '\u20d7', '`', '\t', '\n', '\r', '\v', '\f', '\u2019', '\u201c', '\ufb01', '\u0130', '\ud800', '\udc00', '\u00ad', '\u00a0', '\u2014', 'É', '\u{1d400}') },
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 60 }).map((units) => units.join('')), (input) => {
        expect(normalize(input)).toBe(normalizeWithMap(input).text);
      }),
      { numRuns: 2000 },
    );
    // Table rows checked by hand: lower case only; a backtick is an apostrophe; a tab a space; a mark composes.
    expect(normalize('Ada OKORO said')).toBe('ada okoro said');
    expect(normalize('it`s\tdone')).toBe("it's done");
    expect(normalize('Cafe\u0301')).toBe('caf\u00e9');
  });
});
