/**
 * `npm run --silent eval:sweep -- [--json] [--verbose] [--from 0.05] [--to 0.95] [--step 0.05]`
 *
 * A precision–recall sweep of the claim re-ranker's link probability, through the eval's own code
 * (scripts/lib/claim-eval.ts, the lookup code path): for each threshold from low to high, the
 * leave-one-outlet-out figures on the seeds (units found of those expected, links right of those
 * made, wrong links), the dev split's (links right, recall, precision, false-alarm sentences) and,
 * beside them, the held-back split's. Only the threshold moves: the fitted weights, the quote
 * matcher and the rules that link by themselves (claims.ts citesQuotation) stay as they are, so at
 * a threshold of 1 what is left is what links without the re-ranker.
 *
 * The held-back split is read to report only: nothing here is chosen on it. The summary lines
 * (where recall reaches a target, the most recall at a precision) are computed for
 * leave-one-outlet-out and the dev split alone; the held-back column is printed at every threshold
 * and at theirs. --verbose lists, per threshold, the leave-one-outlet-out units gained and the wrong
 * links made since the previous threshold (never the held-back split's items).
 * Exit code 0, or 1 on a bad fixture or argument (named on stderr).
 */
import { resolve } from 'node:path';
import { fittedModel } from '../src/core/match/rerank';
import {
  addLoo,
  ALIGNMENT_FILE,
  DEVSET_FILE,
  HELDBACK_FILE,
  indexArticles,
  looScore,
  ratio,
  readAlignment,
  readDevItems,
  scoreDev,
  scoreHeldOut,
  type DevScore,
  type LooScore,
} from './lib/claim-eval';
import { readCorpus } from './lib/read-corpus';

const SEEDS = resolve(import.meta.dirname, '..', 'seeds');
/** Issue 13's targets, measured on real news: claims recall ≥ 0.85 at precision ≥ 0.90. */
const TARGET_RECALL = 0.85;
const TARGET_PRECISION = 0.9;
const r3 = (x: number) => +x.toFixed(3);

function numberArg(args: string[], name: string, fallback: number): number {
  const at = args.indexOf(name);
  if (at < 0) return fallback;
  const v = Number(args[at + 1]);
  if (!Number.isFinite(v) || v < 0 || v > 1) throw new Error(`eval:sweep: ${name} needs a number from 0 to 1, got ${args[at + 1]}`);
  return v;
}

interface Row {
  threshold: number;
  loo: { found: number; expected: number; recall: number; links: number; correct: number; precision: number; wrong: number; nearMiss: number; flagged: number; differences: number };
  dev: { correct: number; expected: number; predicted: number; recall: number; precision: number; wrong: number; falseAlarms: number };
  heldback: { correct: number; expected: number; predicted: number; recall: number; precision: number; wrong: number; falseAlarms: number };
}

const devFigures = (s: DevScore) => ({
  correct: s.claims.tp,
  expected: s.claims.expected,
  predicted: s.claims.predicted,
  recall: r3(ratio(s.claims.tp, s.claims.expected)),
  precision: r3(ratio(s.claims.tp, s.claims.predicted)),
  wrong: s.claims.predicted - s.claims.tp,
  falseAlarms: s.falseAlarms.length,
});

function main(): void {
  const args = process.argv.slice(2);
  const known = new Set(['--json', '--verbose', '--from', '--to', '--step']);
  args.forEach((a, i) => {
    if (!known.has(a) && !known.has(args[i - 1])) throw new Error(`eval:sweep: unknown argument ${a} (usage: eval:sweep [--json] [--verbose] [--from P] [--to P] [--step P])`);
  });
  const from = numberArg(args, '--from', 0.05);
  const to = numberArg(args, '--to', 0.95);
  const step = numberArg(args, '--step', 0.05);
  if (step <= 0 || from > to) throw new Error('eval:sweep: needs --from ≤ --to and --step > 0');
  const fitted = fittedModel().threshold;
  const thresholds = [...new Set([...Array.from({ length: Math.floor((to - from) / step + 1e-9) + 1 }, (_, i) => r3(from + i * step)), fitted, 1])].sort((a, b) => a - b);

  const { articles, problems } = readCorpus(SEEDS);
  if (problems.length) throw new Error(`eval:sweep: seeds/ has problems: ${problems.map((p) => `${p.file}: ${p.reason}`).join('; ')}`);
  const alignment = readAlignment(ALIGNMENT_FILE, new Map(articles.map((a) => [a.id, a.text])));
  // Each held-out article's index once (lookup.ts caches the matcher per index), then every threshold.
  const looIndexes = articles.map((held) => ({ held, index: indexArticles(articles.filter((a) => a.id !== held.id)) }));
  const index = indexArticles(articles);
  const devItems = readDevItems(DEVSET_FILE);
  const heldItems = readDevItems(HELDBACK_FILE);

  const rows: Row[] = [];
  const verbose: string[] = [];
  let before = new Set<string>();
  for (const threshold of thresholds) {
    const loo: LooScore = looScore();
    for (const { held, index: others } of looIndexes) addLoo(loo, scoreHeldOut(held.id, held.text, others, alignment, threshold));
    const dev = scoreDev(devItems, index, { claimThreshold: threshold });
    const heldback = scoreDev(heldItems, index, { claimThreshold: threshold });
    rows.push({
      threshold,
      loo: {
        found: loo.found,
        expected: loo.expected,
        recall: r3(ratio(loo.found, loo.expected)),
        links: loo.predicted,
        correct: loo.correct,
        precision: r3(ratio(loo.correct, loo.predicted)),
        wrong: loo.predicted - loo.correct,
        nearMiss: loo.nearMiss,
        flagged: loo.flagged,
        differences: loo.differences,
      },
      dev: devFigures(dev),
      heldback: devFigures(heldback),
    });
    if (args.includes('--verbose')) {
      // Misses and false links of leave-one-outlet-out and the dev split: what changes from the previous (lower) threshold.
      const now = new Set([...loo.errors.filter((e) => / missed | false link/.test(e)), ...dev.claims.errors]);
      if (before.size) {
        const lost = [...now].filter((e) => !before.has(e));
        const gone = [...before].filter((e) => !now.has(e));
        if (lost.length || gone.length) verbose.push(`from ${threshold}: ` + [...lost.map((e) => `+ ${e}`), ...gone.map((e) => `- ${e}`)].join('\n  '));
      }
      before = now;
    }
  }

  // Summaries on leave-one-outlet-out and the dev split only (never chosen on the held-back split).
  const summary = (name: 'loo' | 'dev') => {
    const reach = rows.filter((r) => r[name].recall >= TARGET_RECALL).at(-1);
    const ok = rows.filter((r) => r[name].precision >= TARGET_PRECISION);
    const best = ok.length ? ok.reduce((a, b) => (b[name].recall > a[name].recall || (b[name].recall === a[name].recall && b.threshold > a.threshold) ? b : a)) : undefined;
    return {
      recallReached: reach ? { threshold: reach.threshold, recall: reach[name].recall, precision: reach[name].precision, heldback: reach.heldback } : null,
      bestRecallAtPrecision: best ? { threshold: best.threshold, recall: best[name].recall, precision: best[name].precision, heldback: best.heldback } : null,
    };
  };
  const doc = { fittedLinkProbability: fitted, targets: { recall: TARGET_RECALL, precision: TARGET_PRECISION }, rows, loo: summary('loo'), dev: summary('dev') };
  if (args.includes('--json')) {
    process.stdout.write(JSON.stringify(doc, null, 1) + '\n');
    return;
  }
  console.log(`Link probability sweep (fitted: ${fitted}). LOO: units found/expected, links right/made, wrong links. Dev and held-back (held-back read to report only): links right/expected, precision, false-alarm sentences.`);
  console.table(
    rows.map((r) => ({
      p: r.threshold + (r.threshold === fitted ? ' *' : ''),
      'LOO found': `${r.loo.found}/${r.loo.expected}`,
      'LOO R': r.loo.recall,
      'LOO P': r.loo.precision,
      'LOO wrong': r.loo.wrong,
      'LOO flagged': `${r.loo.flagged}/${r.loo.differences}`,
      'dev right': `${r.dev.correct}/${r.dev.expected}`,
      'dev R': r.dev.recall,
      'dev P': r.dev.precision,
      'dev FA': r.dev.falseAlarms,
      'held R': r.heldback.recall,
      'held P': r.heldback.precision,
      'held FA': r.heldback.falseAlarms,
    })),
  );
  for (const name of ['loo', 'dev'] as const) {
    const s = doc[name];
    const reach = s.recallReached;
    const best = s.bestRecallAtPrecision;
    console.log(
      `${name === 'loo' ? 'Leave-one-outlet-out' : 'Dev split'}: recall ≥ ${TARGET_RECALL} ` +
        (reach ? `up to p ${reach.threshold}, precision there ${reach.precision} (held-back ${reach.heldback.recall} / ${reach.heldback.precision})` : 'at no threshold swept') +
        `; most recall at precision ≥ ${TARGET_PRECISION}: ` +
        (best ? `${best.recall} at p ${best.threshold} (precision ${best.precision}; held-back ${best.heldback.recall} / ${best.heldback.precision})` : 'none'),
    );
  }
  if (verbose.length) console.log('\nChanges from the previous threshold (+ appears, - goes away):\n' + verbose.join('\n'));
}

try {
  main();
} catch (e) {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exitCode = 1;
}
