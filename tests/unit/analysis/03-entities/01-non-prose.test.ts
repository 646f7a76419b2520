import { describe, expect, it } from 'vitest';
import { isAllCaps, nonProseSpans } from '../../../../src/core/analysis/03-entities/01-non-prose';
import { draft } from './helpers';

describe('3.1 non-prose spans', () => {
  it.each([
    ['BREAKING NEWS', true],
    ['PHOTO BY A PERSON/SOME PRESS AGENCY', true],
    ['NATO SUMMIT 2031', true],
    ['The NATO summit opened.', false],
    ['2031', false],
  ])('isAllCaps(%j) is %s', (line, expected) => {
    expect(isAllCaps(line)).toBe(expected);
  });

  it.each([
    ['GLENHAVEN (Wirefeed) - The bank said …', 'GLENHAVEN (Wirefeed) - '],
    ['PORT ELLIS, Avonia — Talks resumed …', 'PORT ELLIS, Avonia — '],
    ['LONDON - Talks resumed …', 'LONDON - '], // a place the lexicon knows
    ['IWA – which speaks for manufacturers – said …', null], // an acronym opening prose
    ['Talks resumed - slowly.', null],
  ])('dateline of %j: %j', (body, expected) => {
    const d = draft(body);
    const spans = nonProseSpans(d);
    expect(spans.length ? d.text.slice(spans[0].start, spans[0].end) : null).toBe(expected);
  });

  it('an all-caps paragraph is one span; the headline is never one', () => {
    const d = draft('Prose here.\n\nEXCLUSIVE\n\nMore prose.');
    expect(nonProseSpans(d).map((s) => d.text.slice(s.start, s.end))).toEqual(['EXCLUSIVE']);
  });
});
