/**
 * Event verbs on the matching side: whether a word is a verb form that makes an event ("backed",
 * "launched", not "said" or "is"), read from its word vector by a logistic probe that
 * scripts/fit-verb-probe.ts fits at build time on the part-of-speech lexicon's verdicts (the lexicon
 * itself, compromise, stays out of the extension). The claim re-ranker reads a page sentence's
 * predicates with it.
 */
import fitted from './fitted-verb-probe.json';
import { SPEECH_VERBS } from './reporting-verbs';

/** The probe's input from a word's vector: unit length times √dimensions (components about 1). */
export function probeInput(v: Float32Array): Float64Array {
  let n = 0;
  for (let i = 0; i < v.length; i++) n += v[i] * v[i];
  const k = n > 0 ? Math.sqrt(v.length / n) : 0;
  return Float64Array.from(v, (x) => x * k);
}

/** Whether a normalised word with vector `v` is an event verb form; false when the probe does not fit the vectors' dimensions. */
export function isEventVerb(norm: string, v: Float32Array | null): boolean {
  if (!v || v.length !== fitted.dimensions || SPEECH_VERBS.has(norm)) return false;
  const x = probeInput(v);
  let z = fitted.bias;
  for (let i = 0; i < x.length; i++) z += fitted.weights[i] * x[i];
  return z >= 0;
}
