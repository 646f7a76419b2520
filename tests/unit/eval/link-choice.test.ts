/**
 * The re-ranker fit's choice of the link probability (scripts/lib/link-choice.ts) on made-up
 * out-of-fold counts, each expected value worked out from the counts by hand.
 */
import { describe, expect, it } from 'vitest';
import { chooseL2, chooseLink, choosePoint, chooseStrong, chooseStrongPoint, GRID, gridFigures, MIN_BAND, type Cell } from '../../../scripts/lib/link-choice';

/** One item's cells over GRID from a function of the probability t. */
const item = (at: (t: number) => Cell): Cell[] => GRID.map((t) => at(t));

describe('gridFigures', () => {
  it('adds the picked items, a repeated index counting twice', () => {
    const a = item(() => ({ tp: 1, predicted: 2, expected: 2 }));
    const b = item(() => ({ tp: 2, predicted: 2, expected: 2 }));
    const g = gridFigures([a, b], [0, 1, 1])[0];
    expect([g.tp, g.predicted, g.expected]).toEqual([5, 6, 6]);
    expect(g.precision).toBeCloseTo(5 / 6, 12);
    expect(g.recall).toBeCloseTo(5 / 6, 12);
  });
});

describe('choosePoint', () => {
  // 200 expected links; every link right (precision 1, its Wilson lower bound above 0.9) unless said.
  const curve = (tpAt: (t: number) => number, predictedAt: (t: number) => number = tpAt) =>
    gridFigures([item((t) => ({ tp: tpAt(t), predicted: predictedAt(t), expected: 200 }))], [0]);
  it.each<[string, ReturnType<typeof curve>, number]>([
    ['one best point: the most right links, all correct', curve((t) => (Math.abs(t - 0.3) < 1e-9 ? 180 : 150)), 0.3],
    // F1 is the same from 0.05 to 0.55 (51 grid points): the middle one, 0.30.
    ['a tie: the middle of the tied probabilities, not an edge', curve((t) => (t <= 0.55 ? 180 : 150)), 0.3],
    // Below 0.4 half the links are wrong (the lower bound far under 0.9); from 0.4 all are right, the
    // most recall of those tied from 0.40 to 0.59 (20 points: the tenth, 0.49).
    ['the best F1 under the precision target is passed over', curve((t) => (t < 0.4 ? 190 : t < 0.6 ? 170 : 120), (t) => (t < 0.4 ? 380 : t < 0.6 ? 170 : 120)), 0.49],
    // Below 0.5 precision 0.95 on 200 links (Wilson lower bound 0.918, above 0.9), recall 0.95, F1 0.95;
    // from 0.5 precision 1, recall 0.945, F1 0.972: the most recall wins over the better F1 (45 tied
    // points from 0.05 to 0.49: the 23rd, 0.27).
    ['most recall at the target, not the best F1', curve((t) => (t < 0.5 ? 190 : 189), (t) => (t < 0.5 ? 200 : 189)), 0.27],
    // Never precise enough: the best F1 overall (t < 0.5: 150 of 300; from 0.5: 40 of 80, a lower F1).
    ['none reaches the target: the highest F1 overall', curve((t) => (t < 0.5 ? 150 : 40), (t) => (t < 0.5 ? 300 : 80)), 0.27],
  ])('%s', (_name, scored, expected) => {
    expect(choosePoint(scored)).toBe(expected);
  });
});

describe('chooseLink', () => {
  it('on items all alike, every resample chooses as the whole set does', () => {
    const one = item((t) => ({ tp: t <= 0.6 ? 9 : 6, predicted: t <= 0.6 ? 9 : 6, expected: 10 }));
    const items = Array.from({ length: 30 }, () => one);
    const whole = choosePoint(gridFigures(items, items.map((_, i) => i)));
    expect(chooseLink(items, 50)).toEqual({ t: whole, low: whole, high: whole });
  });

  it('is deterministic and its median lies within its spread', () => {
    const items = Array.from({ length: 40 }, (_, i) => item((t) => ({ tp: t < 0.3 + (i % 7) * 0.05 ? 2 : 1, predicted: t < 0.2 + (i % 5) * 0.1 ? 3 : 1, expected: 2 })));
    const a = chooseLink(items, 200);
    expect(chooseLink(items, 200)).toEqual(a);
    expect(a.low).toBeLessThanOrEqual(a.t);
    expect(a.t).toBeLessThanOrEqual(a.high);
  });
});

describe('chooseL2', () => {
  it('takes the largest penalty within one standard error of the lowest loss', () => {
    // Lowest 0.180 ± 0.010 at 0.001: 0.003 (0.189) is within, 0.01 (0.215) is not.
    const table = [
      { l2: 0.0003, loss: 0.185, se: 0.011 },
      { l2: 0.001, loss: 0.18, se: 0.01 },
      { l2: 0.003, loss: 0.189, se: 0.009 },
      { l2: 0.01, loss: 0.215, se: 0.008 },
    ];
    expect(chooseL2(table)).toBe(0.003);
    // With a tight minimum only the best one is within.
    expect(chooseL2(table.map((r) => ({ ...r, se: 0.001 })))).toBe(0.001);
  });
});

describe('chooseStrongPoint', () => {
  // Links counted at each probability t (the links at or above it); the link probability is 0.50.
  const curve = (tpAt: (t: number) => number, predictedAt: (t: number) => number) =>
    gridFigures([item((t) => ({ tp: tpAt(t), predicted: predictedAt(t), expected: 200 }))], [0]);
  it.each<[string, ReturnType<typeof curve>, number]>([
    // From 0.50: 100 links, 90 right. From 0.60: 80, all right; from 0.70: 50, all right.
    // Cut at 0.60-0.69: strong 80/80 against plain 10/20, pooled 0.9: z = 0.5 / sqrt(0.09 × (1/80 + 1/20)) = 6.67.
    // Cut at 0.70 and up: strong 50/50 against plain 40/50: z = 0.2 / sqrt(0.09 × (1/50 + 1/50)) = 3.33.
    // Cuts 0.51-0.59 leave the plain band empty. The ten tied cuts 0.60-0.69: the middle (fifth), 0.64.
    ['the cut whose bands differ most surely, the middle of a tie', curve((t) => (t < 0.6 ? 90 : t < 0.7 ? 80 : 50), (t) => (t < 0.6 ? 100 : t < 0.7 ? 80 : 50)), 0.64],
    // Every link right: no band is more precise than the other, so every link is strong.
    ['no wrong link: the link probability', curve((t) => (t < 0.6 ? 100 : 60), (t) => (t < 0.6 ? 100 : 60)), 0.5],
    // The only cut that separates leaves fewer than MIN_BAND links in the plain band (3): not compared.
    ['a plain band under MIN_BAND links is not a band', curve(() => 97, (t) => (t < 0.6 ? 100 : 97)), 0.5],
    // The strong band less precise than the plain one (z < 0) is no strong band.
    ['a cut with the plain band more precise is passed over', curve((t) => (t < 0.6 ? 90 : 70), (t) => (t < 0.6 ? 100 : 80)), 0.5],
  ])('%s', (_name, scored, expected) => {
    expect(MIN_BAND).toBe(5);
    expect(chooseStrongPoint(scored, 0.5)).toBe(expected);
  });
  it('names a link probability off the grid', () => {
    expect(() => chooseStrongPoint(gridFigures([item(() => ({ tp: 1, predicted: 1, expected: 1 }))], [0]), 0.505)).toThrow(/not on the grid/);
  });
});

describe('chooseStrong', () => {
  it('on items all alike, every resample chooses as the whole set does', () => {
    const one = item((t) => ({ tp: t < 0.6 ? 9 : t < 0.7 ? 8 : 5, predicted: t < 0.6 ? 10 : t < 0.7 ? 8 : 5, expected: 20 }));
    const items = Array.from({ length: 30 }, () => one);
    const whole = chooseStrongPoint(gridFigures(items, items.map((_, i) => i)), 0.5);
    expect(whole).toBe(0.64);
    expect(chooseStrong(items, 0.5, 50)).toEqual({ t: whole, low: whole, high: whole });
  });
});
