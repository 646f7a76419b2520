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
  return { weights: [...w], bias: b, loss: meanLogLoss(x, y, d, w, b), iterations: it };
}

/** A fit's mean log loss over rows `x` (weights `w`, the first `d` values used, and bias `b`), each p kept within 1e-12 of 0 and 1. */
function meanLogLoss(x: Float64Array, y: Uint8Array, d: number, w: ArrayLike<number>, b: number): number {
  let loss = 0;
  for (let i = 0; i < y.length; i++) {
    let z = b;
    for (let f = 0; f < d; f++) z += w[f] * x[i * d + f];
    const p = Math.min(1 - 1e-12, Math.max(1e-12, sigmoid(z)));
    loss -= y[i] ? Math.log(p) : Math.log(1 - p);
  }
  return loss / y.length;
}

/** Newton steps at most (fitLogisticNewton): with an L2 penalty the loss is strongly convex and a fit settles within about ten. */
const NEWTON_STEPS = 50;
/** Newton stops when the gradient's largest component falls below this. */
const NEWTON_TOLERANCE = 1e-10;

/** Mean log loss plus the L2 penalty (½·l2·|w|², not on the bias) at weights `w` and bias `b`. */
function penalisedLoss(x: Float64Array, y: Uint8Array, d: number, w: Float64Array, b: number, l2: number): number {
  let loss = 0;
  for (let i = 0; i < y.length; i++) {
    let z = b;
    for (let f = 0; f < d; f++) z += w[f] * x[i * d + f];
    // log(1 + e^z) − y·z, written so large |z| does not overflow.
    loss += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - (y[i] ? z : 0);
  }
  let penalty = 0;
  for (let f = 0; f < d; f++) penalty += w[f] * w[f];
  return loss / y.length + 0.5 * l2 * penalty;
}

/**
 * The same objective as fitLogistic (mean log loss, L2 penalty on the weights, not the bias) solved by
 * Newton's method with a halving line search: a few dozen passes where gradient descent needs
 * thousands, so a fit can be repeated over cross-validation folds and resamples (scripts/fit-reranker.ts).
 * Needs l2 > 0 (a separable set has no finite optimum without it). Deterministic.
 */
export function fitLogisticNewton(x: Float64Array, y: Uint8Array, d: number, l2: number): LogisticFit {
  const n = y.length;
  if (x.length !== n * d) throw new Error(`fitLogisticNewton: x holds ${x.length} values, expected ${n} rows × ${d} features`);
  if (n === 0) throw new Error('fitLogisticNewton: no rows');
  if (!(l2 > 0)) throw new Error(`fitLogisticNewton: l2 must be > 0, got ${l2}`);
  const m = d + 1; // the weights, then the bias
  const theta = new Float64Array(m);
  const grad = new Float64Array(m);
  const hess = new Float64Array(m * m);
  const row = new Float64Array(m);
  let steps = 0;
  for (; steps < NEWTON_STEPS; steps++) {
    grad.fill(0);
    hess.fill(0);
    for (let i = 0; i < n; i++) {
      for (let f = 0; f < d; f++) row[f] = x[i * d + f];
      row[d] = 1;
      let z = 0;
      for (let f = 0; f < m; f++) z += theta[f] * row[f];
      const p = sigmoid(z);
      const err = p - y[i];
      const v = p * (1 - p);
      for (let a = 0; a < m; a++) {
        grad[a] += err * row[a];
        const va = v * row[a];
        for (let c = 0; c <= a; c++) hess[a * m + c] += va * row[c];
      }
    }
    let largest = 0;
    for (let a = 0; a < m; a++) {
      grad[a] /= n;
      if (a < d) grad[a] += l2 * theta[a];
      largest = Math.max(largest, Math.abs(grad[a]));
      for (let c = 0; c <= a; c++) {
        hess[a * m + c] = hess[a * m + c] / n + (a === c && a < d ? l2 : 0);
        hess[c * m + a] = hess[a * m + c];
      }
    }
    if (largest < NEWTON_TOLERANCE) break;
    const step = solveSymmetric(hess, grad, m);
    const before = penalisedLoss(x, y, d, theta.subarray(0, d), theta[d], l2);
    let scale = 1;
    const next = new Float64Array(m);
    for (let half = 0; half < 30; half++, scale /= 2) {
      for (let a = 0; a < m; a++) next[a] = theta[a] - scale * step[a];
      if (penalisedLoss(x, y, d, next.subarray(0, d), next[d], l2) <= before) break;
    }
    theta.set(next);
  }
  return { weights: [...theta.subarray(0, d)], bias: theta[d], loss: meanLogLoss(x, y, d, theta, theta[d]), iterations: steps };
}

/** Solves A·s = g for a symmetric positive definite `m`×`m` matrix A (Cholesky). */
function solveSymmetric(a: Float64Array, g: Float64Array, m: number): Float64Array {
  const l = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * m + j];
      for (let k = 0; k < j; k++) s -= l[i * m + k] * l[j * m + k];
      if (i === j) {
        if (!(s > 0)) throw new Error('fitLogisticNewton: the Hessian is not positive definite');
        l[i * m + i] = Math.sqrt(s);
      } else l[i * m + j] = s / l[j * m + j];
    }
  }
  const z = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    let s = g[i];
    for (let k = 0; k < i; k++) s -= l[i * m + k] * z[k];
    z[i] = s / l[i * m + i];
  }
  const out = new Float64Array(m);
  for (let i = m - 1; i >= 0; i--) {
    let s = z[i];
    for (let k = i + 1; k < m; k++) s -= l[k * m + i] * out[k];
    out[i] = s / l[i * m + i];
  }
  return out;
}
