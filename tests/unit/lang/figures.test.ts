import { describe, expect, it } from 'vitest';
import { ABOUT_TOLERANCE, FigureClass, OPEN_ABOVE, OPEN_BELOW, QUALIFIERS, figureInterval, figuresAgree, formatFigure, parseFigures, type ParsedFigure } from '../../../src/core/lang/figures';
import { wordRun } from '../../../src/core/lang/segment';
import { Tokens, tokenize } from '../../../src/core/match/tokens';

function figures(text: string) {
  const t = tokenize(text, new Tokens());
  const out: ParsedFigure[] = [];
  parseFigures(t, 0, t.count, out);
  return out.map((f) => ({ text: text.slice(f.start, f.end), value: f.value, qualifier: QUALIFIERS[f.qualifier], cls: f.cls }));
}

/** The same text through the corpus side's word segmenter (Intl.Segmenter) instead of the page tokenizer. */
function figuresBySegmenter(text: string) {
  const t = wordRun(text);
  const out: ParsedFigure[] = [];
  parseFigures(t, 0, t.norm.length, out);
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
    ['no fewer than 12 seats', [{ text: 'no fewer than 12', value: 12, qualifier: 'at-least', cls: count }]],
    ['an estimated 3,000 fans', [{ text: 'an estimated 3,000', value: 3000, qualifier: 'about', cls: count }]],
    ['up to $3 million', [{ text: 'up to $3 million', value: 3_000_000, qualifier: 'up-to', cls: FigureClass.money }]],
    ['€2.5bn deal', [{ text: '€2.5bn', value: 2_500_000_000, qualifier: 'exact', cls: FigureClass.money }]],
    ['in 2020', [{ text: '2020', value: 2020, qualifier: 'exact', cls: FigureClass.year }]],
    ['the 1984-85 strike', [{ text: '1984-85', value: 1984, qualifier: 'exact', cls: FigureClass.year }]],
    ['one of his allies', []],
    // A day of the month reads alike as an ordinal and a cardinal ("24 September"), so the forms share one figure.
    ['on 24 September', [{ text: '24', value: 24, qualifier: 'exact', cls: count }]],
    ['on 24th September', [{ text: '24th', value: 24, qualifier: 'exact', cls: count }]],
    ['on the 24th of September', [{ text: '24th', value: 24, qualifier: 'exact', cls: count }]],
    ['on September 24th', [{ text: '24th', value: 24, qualifier: 'exact', cls: count }]],
    ['the 3rd of May', [{ text: '3rd', value: 3, qualifier: 'exact', cls: count }]],
    // An ordinal that is no day of a month is no figure.
    ['the 5th time', []],
    ['the 40th of them', []],
    ['they may 3rd', []],
    ['in the 1970s', []],
    // "N in M" and "N out of M" are shares, N × 100 / M, the whole phrase the figure.
    ['One in five nurses left', [{ text: 'One in five', value: 20, qualifier: 'exact', cls: FigureClass.percent }]],
    ['two out of three voters', [{ text: 'two out of three', value: 200 / 3, qualifier: 'exact', cls: FigureClass.percent }]],
    ['1 in 4 homes', [{ text: '1 in 4', value: 25, qualifier: 'exact', cls: FigureClass.percent }]],
    ['nine in ten riders', [{ text: 'nine in ten', value: 90, qualifier: 'exact', cls: FigureClass.percent }]],
    ['nearly one in three tenants', [{ text: 'nearly one in three', value: 100 / 3, qualifier: 'about', cls: FigureClass.percent }]],
    ['one in twenty-five adults', [{ text: 'one in twenty-five', value: 4, qualifier: 'exact', cls: FigureClass.percent }]],
    ['1 in 10,000 births', [{ text: '1 in 10,000', value: 0.01, qualifier: 'exact', cls: FigureClass.percent }]],
    ['a one-in-five chance', [{ text: 'one-in-five', value: 20, qualifier: 'exact', cls: FigureClass.percent }]],
    ['a 1-in-4 chance', [{ text: '1-in-4', value: 25, qualifier: 'exact', cls: FigureClass.percent }]],
    ['a two-out-of-three vote', [{ text: 'two-out-of-three', value: 200 / 3, qualifier: 'exact', cls: FigureClass.percent }]],
    ['one in 3 of the crews', [{ text: 'one in 3', value: 100 / 3, qualifier: 'exact', cls: FigureClass.percent }]],
    // Not shares: a year, a word after "in", a first number not smaller, a span or occasions after it (a frequency or a record).
    ['3 in 2019', [{ text: '3', value: 3, qualifier: 'exact', cls: count }, { text: '2019', value: 2019, qualifier: 'exact', cls: FigureClass.year }]],
    ['at two in the morning', [{ text: 'two', value: 2, qualifier: 'exact', cls: count }]],
    ['one in the eye', []],
    ['five in a row', [{ text: 'five', value: 5, qualifier: 'exact', cls: count }]],
    ['one in a million', [{ text: 'a million', value: 1_000_000, qualifier: 'exact', cls: count }]],
    ['five in three', [{ text: 'five', value: 5, qualifier: 'exact', cls: count }, { text: 'three', value: 3, qualifier: 'exact', cls: count }]],
    ['a 1 in 100 years flood', [{ text: '1', value: 1, qualifier: 'exact', cls: count }, { text: '100', value: 100, qualifier: 'exact', cls: count }]],
    ['a 1-in-100-year flood', [{ text: '1', value: 1, qualifier: 'exact', cls: count }, { text: '100', value: 100, qualifier: 'exact', cls: count }]],
    ['scored 3 in 5 games', [{ text: '3', value: 3, qualifier: 'exact', cls: count }, { text: '5', value: 5, qualifier: 'exact', cls: count }]],
  ])('%j', (text, expected) => {
    expect(figures(text)).toEqual(expected);
    // Corpus and page read figures alike, whichever tokenizer split the words.
    expect(figuresBySegmenter(text)).toEqual(expected);
  });
});

describe('figures agree or differ', () => {
  const q = (name: string) => QUALIFIERS.indexOf(name as (typeof QUALIFIERS)[number]);
  it.each([
    [28, 'exact', 40, 'more-than', false],
    [44, 'exact', 40, 'more-than', true],
    [40, 'more-than', 40, 'more-than', true],
    [1800, 'about', 1800, 'exact', true],
    // "about" reaches ±ABOUT_TOLERANCE (10%): 1,980 is inside "about 1,800", 2,000 is not.
    [1800, 'about', 1980, 'exact', true],
    [1800, 'about', 2000, 'exact', false],
    [40, 'about', 43, 'exact', true],
    [100, 'exact', 100, 'exact', true],
    [100, 'exact', 101, 'exact', false],
    [90, 'up-to', 100, 'up-to', true],
    // Open-ended qualifiers reach OPEN_ABOVE (1.5×) above and OPEN_BELOW (0.5×) below their figure.
    [1000, 'more-than', 1400, 'exact', true],
    [1000, 'more-than', 5000, 'exact', false],
    [40, 'at-least', 60, 'exact', true],
    [40, 'at-least', 61, 'exact', false],
    [40, 'less-than', 25, 'exact', true],
    [40, 'less-than', 19, 'exact', false],
    [40, 'less-than', 40, 'exact', false],
    [40, 'at-most', 40, 'exact', true],
  ])('%d %s vs %d %s → %s', (a, qa, b, qb, agree) => {
    expect(figuresAgree(a, q(qa), b, q(qb))).toBe(agree);
    expect(figuresAgree(b, q(qb), a, q(qa))).toBe(agree);
  });
});

describe('shares written "N in M" against other figures', () => {
  const share = (text: string) => figures(text).filter((f) => f.cls === FigureClass.percent);
  it.each([
    ['One in five nurses left.', '20% of nurses left.', true],
    ['One in five nurses left.', 'A fifth of the nurses left.', true],
    ['One in three nurses left.', 'A third of the nurses left.', true],
    ['Nine in ten riders paid.', '90 per cent of riders paid.', true],
    ['About one in four homes flooded.', '27% of homes flooded.', true],
    ['One in five nurses left.', 'One in three nurses left.', false],
    ['Two out of three voters agreed.', 'Half of the voters agreed.', false],
  ])('%s / %s → %s', (a, b, agree) => {
    const [x] = share(a);
    const [y] = share(b);
    expect(figuresAgree(x.value, QUALIFIERS.indexOf(x.qualifier), y.value, QUALIFIERS.indexOf(y.qualifier))).toBe(agree);
  });

  it('is no count of the group, so "one in five nurses" is not the figure of "five nurses"', () => {
    expect(figures('One in five nurses left.').filter((f) => f.cls === FigureClass.count)).toEqual([]);
  });
});

describe('figure intervals', () => {
  const q = (name: string) => QUALIFIERS.indexOf(name as (typeof QUALIFIERS)[number]);
  it.each([
    ['exact', [50, 50]],
    ['about', [50 * (1 - ABOUT_TOLERANCE), 50 * (1 + ABOUT_TOLERANCE)]],
    ['at-least', [50, 50 * OPEN_ABOVE]],
    ['up-to', [50 * OPEN_BELOW, 50]],
    ['at-most', [50 * OPEN_BELOW, 50]],
  ])('50 %s → %j', (qualifier, expected) => {
    expect(figureInterval(50, q(qualifier))).toEqual(expected);
  });
});

describe('figures written back for display', () => {
  it('keeps the digits a figure was written with', () => {
    expect(formatFigure(0.125, 0, FigureClass.percent)).toBe('0.125%');
    expect(formatFigure(2.75, 1, FigureClass.count)).toBe('more than 2.75');
    expect(formatFigure(12345, 0, FigureClass.count)).toBe('12,345');
    expect(formatFigure(30, 0, FigureClass.count, 40)).toBe('30–40');
  });

  it('shows a share computed from a fraction with one decimal, not every digit of the float', () => {
    // "a third" and "two thirds" as shares, as the parser gives them.
    const third = figures('A third of members voted.').find((f) => f.cls === FigureClass.percent);
    expect(third?.value).toBeCloseTo(100 / 3, 9);
    expect(formatFigure(100 / 3, 0, FigureClass.percent)).toBe('33.3%');
    expect(formatFigure(200 / 3, 6, FigureClass.percent)).toBe('about 66.7%');
  });
});
