/**
 * `tsx scripts/loo-pairs.ts [--l2 0.001]` — how far the re-ranker's features can separate the
 * leave-one-outlet-out pairs at all: a ceiling on any weights, not a figure of the product.
 *
 * For each seed article held out, its text is scanned block by block as the lookup reads it (the
 * people of earlier blocks handed on) against the other four, and every re-ranked candidate (page
 * sentence, corpus claim) is kept with its features. A (sentence, article) pair is right when the
 * sentence lies in a member of an aligned fact that the article also has a member of (as the eval
 * counts a link), else wrong. Pairs a rule decides (another event, another person's claim, a shared
 * quoted fragment) are left out, as the fit leaves them out.
 * 1. Per feature, the mean over the right pairs and over the wrong ones in the band where the
 *    committed model's probability is from BAND_LOW to the link probability (the pairs a lower
 *    threshold would add): which features tell them apart, if any.
 * 2. An in-sample ceiling: a logistic model fitted on these very pairs (each right pair by its
 *    likeliest candidate under the committed model, every wrong candidate a negative; the seeds'
 *    own labels, so the figure is optimistic), then per threshold the units found and the pairs
 *    linked, right and wrong, for the committed model and for the in-sample one, on top of what the
 *    lookup links with no re-ranker at all (the eval at link probability 1: quotes, shared quoted
 *    fragments). Pairs stand for the lookup's claim links here (no claim-group evidence, no page
 *    marking policy), so the committed model's rows are printed to compare with `npm run eval:sweep`.
 * Reads the seeds and their alignment only, never the dev set.
 */
import { resolve } from 'node:path';
import { compileMatcher, createMatcher, PagePeople, type MatcherData } from '../src/core/match';
import { FEATURE_COUNT, FEATURES, fittedModel, probability, type RerankModel } from '../src/core/match/rerank';
import { fitLogisticNewton } from '../src/core/match/logistic';
import { Tokens, tokenize } from '../src/core/match/tokens';
import { ALIGNMENT_FILE, indexArticles, readAlignment, scoreHeldOut } from './lib/claim-eval';
import { splitBlocks } from './lib/lookup';
import { readCorpus } from './lib/read-corpus';
import { wordVectors } from './lib/word-vectors';

const ROOT = resolve(import.meta.dirname, '..');
/** Lower edge of the band of pairs a lower threshold would add (the sweep's lowest threshold). */
const BAND_LOW = 0.05;
const at = process.argv.indexOf('--l2');
/** The in-sample fit's L2 penalty (the committed fit's grid runs 0.0003 to 0.1). */
const L2 = at > 0 ? Number(process.argv[at + 1]) : 0.001;
const r3 = (x: number) => +x.toFixed(3);

const { articles } = readCorpus(resolve(ROOT, 'seeds'));
const alignment = readAlignment(ALIGNMENT_FILE, new Map(articles.map((a) => [a.id, a.text])));
const model = fittedModel();

/** One re-ranked candidate: its pair, its features, the committed model's probability. */
interface Row {
  pair: string;
  row: Float64Array;
  p: number;
}
/** (held article, sentence start, corpus article) pairs: right or wrong, and which units they find. */
const pairs = new Map<string, { right: boolean; units: string[] }>();
const rows: Row[] = [];
const allUnits = new Set<string>();
/** Units the lookup finds with no claim re-ranked (link probability 1), and its links then (all right on the seeds). */
const baseUnits = new Set<string>();
let baseLinks = 0;
let baseWrong = 0;

for (const held of articles) {
  const others = indexArticles(articles.filter((a) => a.id !== held.id));
  const data = JSON.parse(JSON.stringify(compileMatcher(others))) as MatcherData;
  const matcher = createMatcher(data, { vectors: wordVectors() });
  const members = alignment.facts.flatMap((fact) =>
    fact.members
      .filter((m) => m.article === held.id)
      .map((m) => {
        const start = held.text.indexOf(m.text);
        return { fact, start, end: start + m.text.length };
      }),
  );
  for (const fact of alignment.facts) {
    if (!fact.members.some((m) => m.article === held.id)) continue;
    for (const a of new Set(fact.members.map((m) => m.article))) if (a !== held.id) allUnits.add(`${held.id}|${fact.id}|${a}`);
  }
  const base = scoreHeldOut(held.id, held.text, others, alignment, 1);
  baseLinks += base.correct;
  baseWrong += base.predicted - base.correct;
  for (const fact of alignment.facts) {
    if (!fact.members.some((m) => m.article === held.id)) continue;
    for (const a of new Set(fact.members.map((m) => m.article))) {
      if (a !== held.id && !base.errors.includes(`${held.id.slice(0, 3)}: missed ${fact.id} in ${a.slice(0, 3)}`)) baseUnits.add(`${held.id}|${fact.id}|${a}`);
    }
  }
  const people = new PagePeople();
  for (const block of splitBlocks(held.text)) {
    const tokens = tokenize(block.text, new Tokens());
    matcher.scan(block.text, {
      kinds: { claim: true },
      claimThreshold: 0,
      pagePeople: people,
      claimProbe: (claim, f, sentence, decided) => {
        if (decided) return;
        const s = block.start + tokens.start[sentence];
        const article = data.articles[data.claims[claim][0]];
        const hit = members.filter((m) => m.start <= s && s < m.end);
        const facts = hit.filter((m) => m.fact.members.some((x) => x.article === article)).map((m) => m.fact.id);
        const pair = `${held.id}|${s}|${article}`;
        if (!pairs.has(pair)) pairs.set(pair, { right: facts.length > 0, units: facts.map((id) => `${held.id}|${id}|${article}`) });
        rows.push({ pair, row: Float64Array.from(f), p: probability(model, f, 0) });
      },
    });
  }
}

// 1. Feature means in the band a lower threshold would add: each pair by its likeliest candidate.
const bestOf = (score: (r: Row) => number) => {
  const best = new Map<string, { row: Row; p: number }>();
  for (const r of rows) {
    const p = score(r);
    const had = best.get(r.pair);
    if (!had || p > had.p) best.set(r.pair, { row: r, p });
  }
  return best;
};
const committed = bestOf((r) => r.p);
const band = [...committed].filter(([, b]) => b.p >= BAND_LOW && b.p < model.threshold);
const mean = (xs: Float64Array[], f: number) => (xs.length ? xs.reduce((a, x) => a + x[f], 0) / xs.length : 0);
const right = band.filter(([k]) => pairs.get(k)!.right).map(([, b]) => b.row.row);
const wrong = band.filter(([k]) => !pairs.get(k)!.right).map(([, b]) => b.row.row);
console.log(`Pairs with committed probability ${BAND_LOW} to ${model.threshold}: ${right.length} right, ${wrong.length} wrong. Feature means (right / wrong, and the committed weight):`);
console.table(Object.fromEntries(FEATURES.map((name, f) => [name, { right: r3(mean(right, f)), wrong: r3(mean(wrong, f)), weight: model.weights[f] }])));

// 2. In-sample ceiling: right pairs by their likeliest candidate (committed model), wrong candidates all.
const x: number[] = [];
const y: number[] = [];
for (const [k, b] of committed) {
  if (!pairs.get(k)!.right) continue;
  x.push(...b.row.row);
  y.push(1);
}
for (const r of rows) {
  if (pairs.get(r.pair)!.right) continue;
  x.push(...r.row);
  y.push(0);
}
const fit = fitLogisticNewton(Float64Array.from(x), Uint8Array.from(y), FEATURE_COUNT, L2);
const oracle: RerankModel = { weights: Float64Array.from(fit.weights), bias: fit.bias, threshold: 0 };
const inSample = bestOf((r) => probability(oracle, r.row, 0));

const sweep = (best: Map<string, { p: number }>, name: string) =>
  [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, model.threshold, 0.5, 0.6, 0.7, 0.8, 0.9].map((t) => {
    let ok = baseLinks;
    let bad = baseWrong;
    const found = new Set(baseUnits);
    for (const [k, b] of best) {
      if (b.p < t) continue;
      const info = pairs.get(k)!;
      if (info.right) ok++;
      else bad++;
      for (const u of info.units) found.add(u);
    }
    return { model: name, t, found: `${found.size}/${allUnits.size}`, recall: r3(found.size / allUnits.size), 'links right': ok, 'links wrong': bad, precision: r3(ok / Math.max(1, ok + bad)) };
  });
console.log(`\nUnits found and links (the ${baseLinks} links and ${baseUnits.size} units of the lookup at link probability 1, plus the (sentence, article) pairs at or above t), by threshold: the committed model, and a logistic model fitted in sample on these pairs (L2 ${L2}; ${y.filter((v) => v).length} positives, ${y.filter((v) => !v).length} negatives)`);
console.table([...sweep(committed, 'committed'), ...sweep(inSample, 'in-sample')]);
console.log('In-sample weights: ' + FEATURES.map((n, f) => `${n} ${r3(fit.weights[f])}`).join(', ') + `, bias ${r3(fit.bias)}`);
