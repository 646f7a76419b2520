import { describe, expect, it } from 'vitest';
import { detect } from './helpers';

const names = (text: string) => detect(text, 'person', 'organisation').map((d) => [d.text, d.entity, d.start, d.end]);

describe('names: whole words with Unicode-aware boundaries', () => {
  it.each([
    ['Quint spoke.', [['Quint', 'Ada Quint', 0, 5]]],
    ['Quintessential viewing.', []],
    ['The Quintet played.', []],
    ['Anti-Quint protesters', [['Quint', 'Ada Quint', 5, 10]]],
    ['superQuint', []],
    ['Quint2 is a robot', []],
    ['Quinté', []],
    ['Quint\u0301 accent', []],
    ['Ada Quint’s plan', [['Ada Quint’s', 'Ada Quint', 0, 11]]],
    ["Ms Quint's plan", [["Ms Quint's", 'Ada Quint', 0, 10]]],
    ['Mr Berg’s union', [['Mr Berg’s', 'Tomas Berg', 0, 9]]],
    ['Dr. Berg said', [['Dr. Berg', 'Tomas Berg', 0, 8]]],
    ['the Harbour Workers Union’s members', [['Harbour Workers Union’s', 'Harbour Workers Union', 4, 27]]],
    ['“Quint”', [['Quint', 'Ada Quint', 1, 6]]],
    ['👍Quint👍', [['Quint', 'Ada Quint', 2, 7]]],
    ['👨‍👩‍👧Quint', [['Quint', 'Ada Quint', 8, 13]]],
    ['❤️Quint', [['Quint', 'Ada Quint', 2, 7]]],
    ['Qu\u00ADint left', [['Qu\u00ADint', 'Ada Quint', 0, 6]]],
    ['Quint\u00AD left', [['Quint', 'Ada Quint', 0, 5]]],
    ['Ada\u00A0Quint', [['Ada\u00A0Quint', 'Ada Quint', 0, 9]]],
    ['Ｑｕｉｎｔ', [['Ｑｕｉｎｔ', 'Ada Quint', 0, 5]]],
  ])('%j', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it('returns offsets into the original text that slice back to the detection text', () => {
    const text = 'Word 😀 then Mr\u00A0Berg’s 🇬🇧 view and Ada Qu\u00ADint.';
    for (const d of detect(text)) expect(text.slice(d.start, d.end)).toBe(d.text);
    expect(names(text).map((n) => n[0])).toEqual(['Mr\u00A0Berg’s', 'Ada Qu\u00ADint']);
  });
});

describe('names: ambiguity and overlaps', () => {
  it.each([
    ['Moss said nothing.', []],
    ['Mr Moss said nothing.', []],
    ['Lena Moss said nothing.', [['Lena Moss', 'Lena Moss', 0, 9]]],
    ['Piet Moss’s shop', [['Piet Moss’s', 'Piet Moss', 0, 11]]],
    // Longest wins: the alias "Mayor Ada Quint" beats "Ada Quint" and "Quint".
    ['Mayor Ada Quint spoke', [['Mayor Ada Quint', 'Ada Quint', 0, 15]]],
    // A given name before a surname alias is someone else; a sentence-initial function word is not.
    ['Delia Quint cooked', []],
    ['Yesterday Quint cooked', [['Quint', 'Ada Quint', 10, 15]]],
    ['But Quint cooked', [['Quint', 'Ada Quint', 4, 9]]],
    // A capitalised role word before a surname is no given name: the surname alone is the person.
    ['Mayor Quint cooked', [['Quint', 'Ada Quint', 6, 11]]],
    ['Councillor Quint cooked', [['Quint', 'Ada Quint', 11, 16]]],
    // A title that is no role word is matched with the surname.
    ['Dr Quint cooked', [['Dr Quint', 'Ada Quint', 0, 8]]],
    // A given-name alias the corpus uses ("Tomas") is that person on its own, but followed directly by
    // a capitalised word it is someone else of that given name.
    ['We back Tomas, she said', [['Tomas', 'Tomas Berg', 8, 13]]],
    ['Tomas Vinter said yes', []],
    ['Tomas Berg said yes', [['Tomas Berg', 'Tomas Berg', 0, 10]]],
    ['We back Tomas. Berg agreed', [['Tomas', 'Tomas Berg', 8, 13], ['Berg', 'Tomas Berg', 15, 19]]],
    // Lower-case common words are not proper names.
    ['a quint of fifths', []],
    ['harbour workers union', []],
  ])('%j', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it('gives one coverage ref per article that mentions the entity, with the corpus sentence', () => {
    const [d] = detect('Berg spoke.');
    expect(d.coverage.map((c) => [c.article, c.relation])).toEqual([
      ['a1', 'mentions'],
      ['a2', 'mentions'],
      ['a3', 'mentions'],
    ]);
    expect(d.coverage[2].excerpt).toBe('Mr Berg said: "Our members did not cause these cracks and they should not pay for them."');
    expect(d.coverage[0].outlet).toBe('Eastport Herald');
  });
});
