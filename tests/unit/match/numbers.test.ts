import { describe, expect, it } from 'vitest';
import { FigureClass, figuresAgree, parseFigures, type ParsedFigure } from '../../../src/core/match/numbers';
import { QUALIFIERS } from '../../../src/core/match/lexicon';
import { Tokens, tokenize } from '../../../src/core/match/tokens';

function figures(text: string) {
  const t = tokenize(text, new Tokens());
  const out: ParsedFigure[] = [];
  parseFigures(t, 0, t.count, out);
  return out.map((f) => ({ text: text.slice(f.start, f.end), value: f.value, qualifier: QUALIFIERS[f.qualifier], cls: f.cls }));
}

const count = FigureClass.count;
describe('figures', () => {
  it.each([
    ['forty-four MPs', [{ text: 'forty-four', value: 44, qualifier: 'exact', cls: count }]],
    ['44 MPs', [{ text: '44', value: 44, qualifier: 'exact', cls: count }]],
    ['forty four MPs', [{ text: 'forty four', value: 44, qualifier: 'exact', cls: count }]],
    ['2.5 million people', [{ text: '2.5 million', value: 2_500_000, qualifier: 'exact', cls: count }]],
    ['two million people', [{ text: 'two million', value: 2_000_000, qualifier: 'exact', cls: count }]],
    ['2m people', [{ text: '2m', value: 2_000_000, qualifier: 'exact', cls: count }]],
    ['a hundred people', [{ text: 'a hundred', value: 100, qualifier: 'exact', cls: count }]],
    ['one hundred and twenty people', [{ text: 'one hundred and twenty', value: 120, qualifier: 'exact', cls: count }]],
    ['around 1,800 supporters', [{ text: 'around 1,800', value: 1800, qualifier: 'about', cls: count }]],
    ['59.5% of the vote', [{ text: '59.5%', value: 59.5, qualifier: 'exact', cls: FigureClass.percent }]],
    ['59.5 per cent of the vote', [{ text: '59.5 per cent', value: 59.5, qualifier: 'exact', cls: FigureClass.percent }]],
    ['We need: £ 10,201', [{ text: '£ 10,201', value: 10201, qualifier: 'exact', cls: FigureClass.money }]],
    ['£10,201 raised', [{ text: '£10,201', value: 10201, qualifier: 'exact', cls: FigureClass.money }]],
    ['more than 40 female MPs', [{ text: 'more than 40', value: 40, qualifier: 'more-than', cls: count }]],
    ['over 1,000 people', [{ text: 'over 1,000', value: 1000, qualifier: 'more-than', cls: count }]],
    ['up to 100,000 members', [{ text: 'up to 100,000', value: 100000, qualifier: 'up-to', cls: count }]],
    ['at least 30 MPs', [{ text: 'at least 30', value: 30, qualifier: 'at-least', cls: count }]],
    ['nearly two dozen', [{ text: 'nearly two dozen', value: 24, qualifier: 'about', cls: count }]],
    ['just 100 people', [{ text: 'just 100', value: 100, qualifier: 'exact', cls: count }]],
    ['no more than 10 seats', [{ text: 'no more than 10', value: 10, qualifier: 'at-most', cls: count }]],
    ['in 2020', [{ text: '2020', value: 2020, qualifier: 'exact', cls: FigureClass.year }]],
    ['the 1984-85 strike', [{ text: '1984-85', value: 1984, qualifier: 'exact', cls: FigureClass.year }]],
    ['one of his allies', []],
    ['on 24th September', []],
    ['in the 1970s', []],
  ])('%j', (text, expected) => {
    expect(figures(text)).toEqual(expected);
  });
});

describe('figures agree or differ', () => {
  const q = (name: string) => QUALIFIERS.indexOf(name as (typeof QUALIFIERS)[number]);
  it.each([
    [28, 'exact', 40, 'more-than', false],
    [44, 'exact', 40, 'more-than', true],
    [40, 'more-than', 40, 'more-than', true],
    [1800, 'about', 1800, 'exact', true],
    [2000, 'about', 1800, 'exact', false],
    [100, 'exact', 100, 'exact', true],
    [100, 'exact', 101, 'exact', false],
    [90, 'up-to', 100, 'up-to', true],
  ])('%d %s vs %d %s → %s', (a, qa, b, qb, agree) => {
    expect(figuresAgree(a, q(qa), b, q(qb))).toBe(agree);
    expect(figuresAgree(b, q(qb), a, q(qa))).toBe(agree);
  });
});
