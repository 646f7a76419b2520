/**
 * `npm run --silent fit:verbs [-- --check]`
 *
 * Fits the event-verb probe (src/core/lang/event-verbs.ts) and writes
 * src/core/lang/fitted-verb-probe.json: a logistic model over a word's vector (unit length, times
 * √dimensions so components are about 1) that tells whether the word is an event verb form. The
 * claim re-ranker reads a page sentence's predicates with it on the matching side, where the
 * part-of-speech lexicon (compromise, build time only) is not loaded.
 *
 * Labels: every content word of the shipped vectors (src/core/lang/data/word-vectors.json; keyword
 * rule of core/lang/keywords) is 1 when compromise's lexicon reads it as a verb form
 * (core/lang/clauses isVerbForm) that is neither a speech verb nor a copula/auxiliary, else 0.
 * Every VALIDATE_EVERY-th word is kept out of the fit and scored, and the file records the figures.
 * `--check` exits 1 when the committed file is not what the fit gives.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isVerbForm, NON_EVENT_VERBS } from '../src/core/lang/clauses';
import { SPEECH_VERBS } from '../src/core/lang/reporting-verbs';
import { wordKey } from '../src/core/lang/keywords';
import { loadWordVectors, type WordVectorsData } from '../src/core/lang/vectors';
import { fitLogistic } from '../src/core/match/logistic';
import { probeInput } from '../src/core/lang/event-verbs';
import { VECTORS_FILE } from './lib/word-vectors';

const OUT = resolve(import.meta.dirname, '../src/core/lang/fitted-verb-probe.json');
/** Every this-many-th content word is held out of the fit and scored (the figures in the file). */
const VALIDATE_EVERY = 5;
/** Full passes of gradient descent: 1,000 and 3,000 gave the same held-out figures to three decimals. */
const ITERATIONS = 300;
/** L2 penalty: 100 weights against thousands of words, a light one. */
const L2 = 1e-3;
/** Decimals kept of each weight. */
const DECIMALS = 4;

const check = process.argv.includes('--check');
const data = JSON.parse(readFileSync(VECTORS_FILE, 'utf8')) as WordVectorsData;
const vectors = loadWordVectors(data);
const words = data.words.split(' ').filter((w) => wordKey(w) !== null);
const label = (w: string) => (!SPEECH_VERBS.has(w) && !NON_EVENT_VERBS.has(w) && isVerbForm(w) ? 1 : 0);
const d = vectors.dimensions;
const rows = (list: string[]) => {
  const x = new Float64Array(list.length * d);
  list.forEach((w, i) => x.set(probeInput(vectors.vector(w)!), i * d));
  return x;
};
const train = words.filter((_, i) => i % VALIDATE_EVERY !== 0);
const held = words.filter((_, i) => i % VALIDATE_EVERY === 0);
const fit = fitLogistic(rows(train), Uint8Array.from(train, label), d, { iterations: ITERATIONS, l2: L2, rate: 1 });
const weights = fit.weights.map((w) => +w.toFixed(DECIMALS));
const bias = +fit.bias.toFixed(DECIMALS);
let tp = 0;
let fp = 0;
let fn = 0;
let right = 0;
const x = rows(held);
held.forEach((w, i) => {
  let z = bias;
  for (let k = 0; k < d; k++) z += weights[k] * x[i * d + k];
  const y = label(w);
  const p = z >= 0 ? 1 : 0;
  if (p === y) right++;
  if (p && y) tp++;
  if (p && !y) fp++;
  if (!p && y) fn++;
});
const r3 = (v: number) => +v.toFixed(3);
const out = {
  '//': 'Written by scripts/fit-verb-probe.ts (npm run fit:verbs); do not edit by hand.',
  dimensions: d,
  weights,
  bias,
  fittedOn: { words: train.length, verbs: train.filter((w) => label(w)).length, iterations: fit.iterations, meanLogLoss: r3(fit.loss) },
  heldOut: { words: held.length, accuracy: r3(right / held.length), precision: r3(tp / (tp + fp)), recall: r3(tp / (tp + fn)) },
};
const text = JSON.stringify(out, null, 2) + '\n';
if (check) {
  if (readFileSync(OUT, 'utf8') !== text) {
    process.stderr.write(`fit:verbs: ${OUT} is not what the fit gives\n`);
    process.exit(1);
  }
  process.stdout.write('fit:verbs: the committed verb probe is the fitted one\n');
} else {
  writeFileSync(OUT, text);
  process.stdout.write(`fit:verbs: ${JSON.stringify(out.heldOut)} (${out.fittedOn.words} words)\n`);
}
