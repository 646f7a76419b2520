/**
 * Event verbs on the matching side: whether a word is a verb form that makes an event ("backed",
 * "launched", not "said" or "is"), read from its word vector by a logistic probe that
 * scripts/fit-verb-probe.ts fits at build time on the part-of-speech lexicon's verdicts (the lexicon
 * itself, compromise, stays out of the extension). The claim re-ranker reads a page sentence's
 * predicates with it.
 */
import fitted from './fitted-verb-probe.json';
import { SPEECH_VERBS } from './reporting-verbs';

/**
 * Word endings the probe reads beside the vector, one input each (1 when the word ends so): the
 * vector alone places many past forms among nouns and adjectives ("launched", "accused": held-out
 * recall 0.53 before these inputs), and adverbs of manner among verbs; inflection says which.
 */
export const PROBE_ENDINGS = ['ed', 'ing', 'ly', 'en', 's'] as const;

/** The probe's input from a word and its vector: the vector at unit length times √dimensions (components about 1), then one input per PROBE_ENDINGS. */
export function probeInput(norm: string, v: Float32Array): Float64Array {
  let n = 0;
  for (let i = 0; i < v.length; i++) n += v[i] * v[i];
  const k = n > 0 ? Math.sqrt(v.length / n) : 0;
  const x = new Float64Array(v.length + PROBE_ENDINGS.length);
  for (let i = 0; i < v.length; i++) x[i] = v[i] * k;
  for (let e = 0; e < PROBE_ENDINGS.length; e++) x[v.length + e] = norm.length > PROBE_ENDINGS[e].length + 2 && norm.endsWith(PROBE_ENDINGS[e]) ? 1 : 0;
  return x;
}

/** Whether the fitted probe was fitted on these endings (else it reads nothing: the fit is stale). */
const fittedEndings: readonly string[] = (fitted as { endings?: string[] }).endings ?? [];
const ENDINGS_FIT = fittedEndings.length === PROBE_ENDINGS.length && fittedEndings.every((e, i) => e === PROBE_ENDINGS[i]);

/** Whether a normalised word with vector `v` is an event verb form; false when the probe does not fit the vectors' dimensions or endings. */
export function isEventVerb(norm: string, v: Float32Array | null): boolean {
  if (!v || v.length !== fitted.dimensions || !ENDINGS_FIT || SPEECH_VERBS.has(norm)) return false;
  const x = probeInput(norm, v);
  let z = fitted.bias;
  for (let i = 0; i < x.length; i++) z += fitted.weights[i] * x[i];
  return z >= 0;
}
