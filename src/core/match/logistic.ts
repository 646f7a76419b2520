/**
 * Logistic regression by full-batch gradient descent on the mean log loss with an L2 penalty on the
 * weights (not the bias). Deterministic: same rows, same result. Build-time only (the re-ranker fit,
 * scripts/fit-reranker.ts); the matcher reads the fitted weights, never this file.
 */
import { sigmoid } from './rerank';

/** How a fit runs. */
export interface LogisticOptions {
  /** L2 penalty on the weights: keeps weights of rare or redundant features small. */
  l2: number;
  /** Gradient step size. */
  rate: number;
  /** Most full passes over the rows. */
  iterations: number;
  /** Stop when the gradient's largest component falls below this. */
  tolerance: number;
}

/** Defaults: features lie in [0, 1], so a unit step converges; the penalty is small against a few hundred rows. */
export const LOGISTIC_DEFAULTS: LogisticOptions = { l2: 1e-3, rate: 1, iterations: 20_000, tolerance: 1e-6 };

/** A fitted model and how the fit went. */
export interface LogisticFit {
  weights: number[];
  bias: number;
  /** Mean log loss on the rows (without the penalty). */
  loss: number;
  iterations: number;
}

/**
 * Fits weights and bias to rows `x` (n rows of `d` features, row after row) and labels `y` (0 or 1).
 * Throws naming the argument when the shapes disagree.
 */
export function fitLogistic(x: Float64Array, y: Uint8Array, d: number, options: Partial<LogisticOptions> = {}): LogisticFit {
  const { l2, rate, iterations, tolerance } = { ...LOGISTIC_DEFAULTS, ...options };
  const n = y.length;
  if (x.length !== n * d) throw new Error(`fitLogistic: x holds ${x.length} values, expected ${n} rows × ${d} features`);
  if (n === 0) throw new Error('fitLogistic: no rows');
  const w = new Float64Array(d);
  let b = 0;
  const grad = new Float64Array(d);
  let it = 0;
  for (; it < iterations; it++) {
    grad.fill(0);
    let gb = 0;
    for (let i = 0; i < n; i++) {
      let z = b;
      const o = i * d;
      for (let f = 0; f < d; f++) z += w[f] * x[o + f];
      const err = sigmoid(z) - y[i];
      gb += err;
      for (let f = 0; f < d; f++) grad[f] += err * x[o + f];
    }
    let largest = Math.abs(gb / n);
    for (let f = 0; f < d; f++) {
      grad[f] = grad[f] / n + l2 * w[f];
      largest = Math.max(largest, Math.abs(grad[f]));
    }
    if (largest < tolerance) break;
    for (let f = 0; f < d; f++) w[f] -= rate * grad[f];
    b -= (rate * gb) / n;
  }
  let loss = 0;
  for (let i = 0; i < n; i++) {
    let z = b;
    for (let f = 0; f < d; f++) z += w[f] * x[i * d + f];
    const p = Math.min(1 - 1e-12, Math.max(1e-12, sigmoid(z)));
    loss -= y[i] ? Math.log(p) : Math.log(1 - p);
  }
  return { weights: [...w], bias: b, loss: loss / n, iterations: it };
}
