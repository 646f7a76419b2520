/** The re-ranker's fit: logistic regression by gradient descent recovers what generated the labels. */
import { describe, expect, it } from 'vitest';
import { fitLogistic, fitLogisticNewton } from '../../../src/core/match/logistic';
import { sigmoid } from '../../../src/core/match/rerank';

/** A small deterministic generator (LCG), so the test data is the same on every run. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('fitLogistic', () => {
  it('separates a separable set: every row on the right side of 0.5', () => {
    const next = rng(7);
    const n = 200;
    const x = new Float64Array(n * 2);
    const y = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      x[i * 2] = next();
      x[i * 2 + 1] = next();
      y[i] = x[i * 2] - x[i * 2 + 1] > 0.1 ? 1 : x[i * 2] - x[i * 2 + 1] < -0.1 ? 0 : 2;
    }
    // Keep a margin around the boundary x0 − x1 = 0.
    const keep = [...y.keys()].filter((i) => y[i] !== 2);
    const xs = Float64Array.from(keep.flatMap((i) => [x[i * 2], x[i * 2 + 1]]));
    const ys = Uint8Array.from(keep.map((i) => y[i]));
    const fit = fitLogistic(xs, ys, 2, { l2: 0 });
    for (let i = 0; i < ys.length; i++) {
      const p = sigmoid(fit.bias + fit.weights[0] * xs[i * 2] + fit.weights[1] * xs[i * 2 + 1]);
      expect(p > 0.5 ? 1 : 0).toBe(ys[i]);
    }
    // The boundary it found is x0 ≈ x1: opposite weights, bias near 0.
    expect(fit.weights[0]).toBeGreaterThan(0);
    expect(fit.weights[1]).toBeLessThan(0);
    expect(Math.abs(fit.weights[0] + fit.weights[1]) / fit.weights[0]).toBeLessThan(0.15);
  });

  it('recovers the weights that generated noisy labels', () => {
    const next = rng(11);
    const truth = { w: [3, -2, 0], b: -0.5 };
    const n = 4000;
    const x = new Float64Array(n * 3);
    const y = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      let z = truth.b;
      for (let f = 0; f < 3; f++) {
        x[i * 3 + f] = next() * 2 - 1;
        z += truth.w[f] * x[i * 3 + f];
      }
      y[i] = next() < sigmoid(z) ? 1 : 0;
    }
    const fit = fitLogistic(x, y, 3, { l2: 0 });
    truth.w.forEach((w, f) => expect(Math.abs(fit.weights[f] - w)).toBeLessThan(0.4));
    expect(Math.abs(fit.bias - truth.b)).toBeLessThan(0.3);
  });

  it('names the shape that is wrong', () => {
    expect(() => fitLogistic(new Float64Array(5), new Uint8Array(2), 3)).toThrow(/5 values, expected 2 rows × 3 features/);
    expect(() => fitLogistic(new Float64Array(0), new Uint8Array(0), 3)).toThrow(/no rows/);
  });
});

describe('fitLogisticNewton', () => {
  /** 600 noisy rows of 3 features in [0, 1] from weights (2, −3, 0.5) and bias −0.2. */
  const data = () => {
    const next = rng(5);
    const n = 600;
    const x = new Float64Array(n * 3);
    const y = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      let z = -0.2;
      [2, -3, 0.5].forEach((w, f) => {
        x[i * 3 + f] = next();
        z += w * x[i * 3 + f];
      });
      y[i] = next() < sigmoid(z) ? 1 : 0;
    }
    return { x, y };
  };
  it('reaches the optimum gradient descent converges to, in a few dozen steps at most', () => {
    const { x, y } = data();
    const newton = fitLogisticNewton(x, y, 3, 0.01);
    const descent = fitLogistic(x, y, 3, { l2: 0.01, iterations: 200_000, tolerance: 1e-9 });
    newton.weights.forEach((w, f) => expect(w).toBeCloseTo(descent.weights[f], 4));
    expect(newton.bias).toBeCloseTo(descent.bias, 4);
    expect(newton.iterations).toBeLessThan(50);
  });
  it('shrinks the weights as the penalty grows', () => {
    const { x, y } = data();
    const norm = (l2: number) => Math.hypot(...fitLogisticNewton(x, y, 3, l2).weights);
    expect(norm(0.1)).toBeLessThan(norm(0.01));
    expect(norm(0.01)).toBeLessThan(norm(0.001));
  });
  it('names what is wrong', () => {
    expect(() => fitLogisticNewton(new Float64Array(5), new Uint8Array(2), 3, 0.1)).toThrow(/5 values, expected 2 rows × 3 features/);
    expect(() => fitLogisticNewton(new Float64Array(3), new Uint8Array(1), 3, 0)).toThrow(/l2 must be > 0/);
  });
});
