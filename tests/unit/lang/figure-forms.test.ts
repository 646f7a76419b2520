/** Number forms the relations compare: fractions as shares, "X and N others" (core/lang/figures). */
import { describe, expect, it } from 'vitest';
import { FigureClass, QUALIFIERS, parseFigures, type ParsedFigure } from '../../../src/core/lang/figures';
import { wordRun } from '../../../src/core/lang/segment';

function figures(text: string) {
  const run = wordRun(text);
  const out: ParsedFigure[] = [];
  parseFigures(run, 0, run.norm.length, out);
  return out.map((f) => ({ text: text.slice(f.start, f.end), value: +f.value.toFixed(2), cls: f.cls, qualifier: QUALIFIERS[f.qualifier] }));
}

describe('number forms', () => {
  it.each([
    ['Half of the members voted.', 'Half', 50, FigureClass.percent, 'exact'],
    ['Around half the crews walked out.', 'Around half', 50, FigureClass.percent, 'about'],
    ['A third of the ferries stopped.', 'A third', 33.33, FigureClass.percent, 'exact'],
    ['Two-thirds of the staff backed it.', 'Two-thirds', 66.67, FigureClass.percent, 'exact'],
    ['Three quarters of the boats stayed in port.', 'Three quarters', 75, FigureClass.percent, 'exact'],
    ['Ms Vale and 12 others were arrested.', '12', 13, FigureClass.count, 'exact'],
    ['Ms Vale and twelve others were arrested.', 'twelve', 13, FigureClass.count, 'exact'],
  ])('%s → %s = %d', (text, written, value, cls, qualifier) => {
    expect(figures(text)).toEqual([{ text: written, value, cls, qualifier }]);
  });

  it.each([
    ['Between 30 and 40 crews walked out.', 'Between 30 and 40', 30, 40, FigureClass.count],
    ['30 to 40 crews walked out.', '30 to 40', 30, 40, FigureClass.count],
    ['Some 30-40 crews walked out.', 'Some 30-40', 30, 40, FigureClass.count],
    ['Between 2.5 and 3% of crews walked out.', 'Between 2.5 and 3%', 2.5, 3, FigureClass.percent],
  ])('%s → a range %s', (text, written, low, high, cls) => {
    const run = wordRun(text);
    const out: ParsedFigure[] = [];
    parseFigures(run, 0, run.norm.length, out);
    expect(out.map((f) => ({ text: text.slice(f.start, f.end), low: f.value, high: f.high, cls: f.cls }))).toEqual([{ text: written, low, high, cls }]);
  });

  it.each([
    ['Crews rose from 30 to 40.', [30, 40]],
    ['The home side won 2-1.', [2, 1]],
    ['Between 2.5 and 3 million people watched.', [2.5, 3e6]],
  ])('reads no range in %j', (text, values) => {
    const run = wordRun(text);
    const out: ParsedFigure[] = [];
    parseFigures(run, 0, run.norm.length, out);
    expect(out.map((f) => [f.value, f.high])).toEqual(values.map((v) => [v, undefined]));
  });

  it.each(['The second half of the season.', 'He was one of the others.', 'Half-time came.'])('reads no fraction in %j', (text) => {
    expect(figures(text).filter((f) => f.cls === FigureClass.percent)).toEqual([]);
  });
});
