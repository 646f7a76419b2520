/**
 * Matcher quality on the development set, through the same lookup the CLI runs (scoring in
 * scripts/lib/claim-eval.ts), against the seeds index (built in-process from seeds/ as the build
 * does, or the index named by COVERAGE_LENS_INDEX).
 *
 * Definitions (micro-averaged over all items):
 * - People: one unit per (sentence, canonical name) pair. Predicted pairs come from "person"
 *   detections; expected pairs from the item's `people`. Precision = correct predicted pairs /
 *   predicted pairs; recall = correct predicted pairs / expected pairs.
 * - Claims: one unit per (sentence, corpus article) link. Predicted links are the coverage articles
 *   of the sentence's "claim" and "quote" detections (both say "the corpus states this"); expected
 *   links the item's `articles`. Precision and recall as above.
 * - Relations (reported, not gated): for each item's expected `relations`, whether the best-scoring
 *   claim/quote coverage of that article has that relation.
 *
 * Three gates:
 * - The original items (those without a `hard` kind, the ones the matcher was first tuned on) keep
 *   their fixed bar: precision ≥ 0.9 and recall ≥ 0.8 for people and for claims.
 * - The held-back split (tests/fixtures/devset/heldback.json) must not fall below HELD_BACK_FLOORS.
 *   The hard-kind items of the dev split are reported, not gated (`npm run eval` prints them).
 * - Leave-one-outlet-out over the seeds must not fall below LOO_FLOORS.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { CorpusIndex } from '../../../src/core/index/types';
import { seedsIndex } from '../../fixtures/seeds-index/seeds-index';
import { addLoo, ALIGNMENT_FILE, DEVSET_FILE, HELDBACK_FILE, leaveOneOutletOut, looScore, ratio, readAlignment, readDevItems, scoreDev, type DevScore } from '../../../scripts/lib/claim-eval';
import { readCorpus } from '../../../scripts/lib/read-corpus';
import { ROOT } from '../analysis/helpers';
import { resolve } from 'node:path';
import { isHeldBack } from '../../../scripts/lib/devset-split';

// COVERAGE_LENS_INDEX points the test at another index build (e.g. while tuning).
const index: CorpusIndex = process.env.COVERAGE_LENS_INDEX
  ? (JSON.parse(readFileSync(process.env.COVERAGE_LENS_INDEX, 'utf8')) as CorpusIndex)
  : seedsIndex().index;
const dev = readDevItems(DEVSET_FILE);
const held = readDevItems(HELDBACK_FILE);

/**
 * The bar of the original items: precision 0.9 and recall 0.8 since the dev set's first round; with
 * every check-worthy sentence a claim and the fitted re-ranker together (2026-12-06) they are at
 * 46/46 = 1.000 and 46/54 = 0.852. (The re-ranker over the old claims alone kept 43 of 54, 0.796.)
 */
const ORIGINAL_BAR = { precision: 0.9, recall: 0.8 };

/**
 * Floors on the held-back split: what the matcher achieved on it, minus a margin of 0.05 (two to
 * three links) for claims, and people at the target 0.97. When the split was made
 * (2026-12-06, 60 items): claims precision 30/39 = 0.769, recall 30/58 = 0.517; people 38/38 = 1.0.
 * Raised the same day with the broadened claims and the fitted re-ranker: precision 39/43 = 0.907,
 * recall 39/58 = 0.672. With the clause and predicate features (same day, second round): 38/42 =
 * 0.905, 38/58 = 0.655; the floors were left where they were (still met, not lowered). With clause
 * claims of long sentences, quotes of other groups and the refit (same day, read once): 40/44 =
 * 0.909, 40/58 = 0.690; recall's floor raised to 0.64. Seventh session (read once): 39/43 =
 * 0.907, 39/58 = 0.672; the floors stay (still met, not lowered). Eighth session (roles round; the
 * split grew to 68 with 8 new role and pronoun items the seeded split placed there; read once at the
 * end): 47/53 = 0.887, 47/67 = 0.701; the floors stay.
 * They are floors to raise as the matcher improves: set them to the new figure minus the same margin.
 */
const HELD_BACK_FLOORS = { claimPrecision: 0.85, claimRecall: 0.64, peoplePrecision: 0.97, peopleRecall: 0.97 };

/**
 * Floors on leave-one-outlet-out over the seeds (real news by five outlets, scored against the
 * hand-made alignment; `npm run eval`), the nearest thing to real pages the project has: on
 * 2026-12-06 with clause claims of long sentences and the refitted re-ranker, links 39/43 = 0.907
 * correct and 37/66 = 0.561 of the aligned units found (before them: 32/34 = 0.941, 33/66 = 0.500).
 * Floors: those figures less about two links (precision) and three units (recall). Raised the same
 * day (seventh session: clause-read modality, time words, shared keys, a confident link probability)
 * from 0.85 / 0.52 at 42/43 = 0.977 and 40/66 = 0.606. Raised again (eighth session, roles round:
 * described people in corpus claims, pronoun subjects, the dev split's role and pronoun items,
 * refitted) from 0.92 / 0.56 at 48/49 = 0.980 and 45/66 = 0.682; flagged from 0.45 at 39/64 = 0.609
 * (less two units: 0.57). The same session's fit rule then took the highest link probability on the
 * out-of-fold F1 plateau (scripts/fit-reranker.ts oneLinkOfF1: 0.49 → 0.61), which gave 44/44 =
 * 1.000, 42/66 = 0.636 and flagged 33/64 = 0.516: precision and recall floors hold; flagged is
 * that figure less two units (0.48), above the 0.45 the session began with. Ninth session (the fit
choosing each expected article's positive claim, one judge of places, figures and dates, the
page's people): 48/48 = 1.000, 45/66 = 0.682, flagged 39/64 = 0.609; flagged raised to that less
two units (37/64 = 0.578 → 0.57); precision and recall floors kept.
 */
const LOO_FLOORS = { precision: 0.93, recall: 0.63, flagged: 0.57 };

/**
 * Floors on relations (the kind of difference named, issue 13 item 3): real differences of the
 * alignment flagged "differs" in leave-one-outlet-out (LOO_FLOORS.flagged: 31/64 = 0.484 on
 * 2026-12-06 after the relations round over the fourth round, 23/64 before it; less two units), and
 * the dev set's expected relations: dev split 40/43 = 0.930 (35/43 before; less about two),
 * held-back split 9/18 = 0.5 (read once per change, never tuned on; less one). Ninth session: dev
50/56 = 0.893 (floor kept), held-back 14/23 = 0.609, floor raised to that less one (13/23 = 0.565
→ 0.56).
 */
const RELATION_FLOORS = { dev: 0.88, heldBack: 0.56 };

/**
 * Leave-one-outlet-out analyses the seeds five times over and matches every sentence: about 2 s on
 * a quiet machine, 7 s seen with other work running, over vitest's default 5 s. A limit, not a
 * timing assertion.
 */
const LOO_TIMEOUT_MS = 60_000;

function report(name: string, s: DevScore, figuresOnly = false) {
  const row = (units: string, t: DevScore['claims']) => ({ units, expected: t.expected, predicted: t.predicted, correct: t.tp, precision: +ratio(t.tp, t.predicted).toFixed(3), recall: +ratio(t.tp, t.expected).toFixed(3) });
  console.log(`${name}: ${s.items} sentences (${s.unrelated} unrelated); relations ${s.relationsRight}/${s.relationsTotal} as expected`);
  console.table([row('people (sentence, name)', s.people), row('claims (sentence, article)', s.claims)]);
  const errors = [...s.people.errors, ...s.claims.errors, ...s.relationErrors];
  if (errors.length && !figuresOnly) console.log(errors.join('\n'));
}

describe('matcher quality on the dev set', () => {
  it('has enough items of each sort, a held-back split of the hard kinds, and unique ids', () => {
    const all = [...dev, ...held];
    expect(all.length).toBeGreaterThanOrEqual(150);
    expect(all.filter((i) => i.kind === 'none').length).toBeGreaterThanOrEqual(30);
    expect(new Set(all.map((i) => i.id)).size).toBe(all.length);
    expect(held.length).toBeGreaterThanOrEqual(30);
    // The split is the seeded one of scripts/split-devset.ts: nothing was placed by hand.
    expect(dev.filter((i) => isHeldBack(i)).map((i) => i.id)).toEqual([]);
    expect(held.filter((i) => !isHeldBack(i)).map((i) => i.id)).toEqual([]);
  });

  it('keeps precision ≥ 0.9 and recall ≥ 0.8 for people and for claims on the original items', () => {
    const s = scoreDev(dev.filter((i) => i.hard === undefined), index);
    report('original items', s);
    expect(ratio(s.people.tp, s.people.predicted)).toBeGreaterThanOrEqual(ORIGINAL_BAR.precision);
    expect(ratio(s.people.tp, s.people.expected)).toBeGreaterThanOrEqual(ORIGINAL_BAR.recall);
    expect(ratio(s.claims.tp, s.claims.predicted)).toBeGreaterThanOrEqual(ORIGINAL_BAR.precision);
    expect(ratio(s.claims.tp, s.claims.expected)).toBeGreaterThanOrEqual(ORIGINAL_BAR.recall);
  });

  it('stays above the floors on the held-back split', () => {
    const s = scoreDev(held, index);
    report('held-back split', s, true);
    expect(ratio(s.claims.tp, s.claims.predicted)).toBeGreaterThanOrEqual(HELD_BACK_FLOORS.claimPrecision);
    expect(ratio(s.claims.tp, s.claims.expected)).toBeGreaterThanOrEqual(HELD_BACK_FLOORS.claimRecall);
    expect(ratio(s.people.tp, s.people.predicted)).toBeGreaterThanOrEqual(HELD_BACK_FLOORS.peoplePrecision);
    expect(ratio(s.people.tp, s.people.expected)).toBeGreaterThanOrEqual(HELD_BACK_FLOORS.peopleRecall);
    expect(ratio(s.relationsRight, s.relationsTotal)).toBeGreaterThanOrEqual(RELATION_FLOORS.heldBack);
  });

  it('names the expected relation (agrees, differs) for most labelled pairs of the dev split', () => {
    const s = scoreDev(dev, index);
    expect(ratio(s.relationsRight, s.relationsTotal)).toBeGreaterThanOrEqual(RELATION_FLOORS.dev);
  });

  it('stays above the floors on leave-one-outlet-out over the seeds', () => {
    const { articles } = readCorpus(resolve(ROOT, 'seeds'));
    const alignment = readAlignment(ALIGNMENT_FILE, new Map(articles.map((a) => [a.id, a.text])));
    const total = looScore();
    for (const s of leaveOneOutletOut(articles, alignment).values()) addLoo(total, s);
    console.log(`leave-one-outlet-out: links ${total.correct}/${total.predicted}, found ${total.found}/${total.expected}, differences flagged ${total.flagged}/${total.differences}`);
    expect(ratio(total.correct, total.predicted)).toBeGreaterThanOrEqual(LOO_FLOORS.precision);
    expect(ratio(total.found, total.expected)).toBeGreaterThanOrEqual(LOO_FLOORS.recall);
    expect(ratio(total.flagged, total.differences)).toBeGreaterThanOrEqual(LOO_FLOORS.flagged);
  }, LOO_TIMEOUT_MS);
});
