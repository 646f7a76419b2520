/** Small statistics helpers for bench rounds. */

/** Median of the finite values (NaN when there are none). */
export function median(values: readonly number[]): number {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return Number.NaN;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/** Largest finite value (NaN when there are none). */
export function max(values: readonly number[]): number {
  const v = values.filter((x) => Number.isFinite(x));
  return v.length === 0 ? Number.NaN : Math.max(...v);
}
