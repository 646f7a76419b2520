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

  it.each(['The second half of the season.', 'He was one of the others.', 'Half-time came.'])('reads no fraction in %j', (text) => {
    expect(figures(text).filter((f) => f.cls === FigureClass.percent)).toEqual([]);
  });
});
