/**
 * Matcher quality on the second corpus (tests/fixtures/corpora/second: four invented articles about
 * a food company's results, another domain than the seeds), through the same lookup and scoring as
 * the seeds' dev set (scripts/lib/claim-eval.ts; definitions in tests/unit/match/quality.test.ts).
 * The labelled set, tests/fixtures/devset/second-corpus.json, was written fresh and labelled from
 * the four article texts before the matcher was run on it; no threshold was fitted or tuned on it.
 */
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { ratio, readDevItems, scoreDev } from '../../../scripts/lib/claim-eval';
import { indexOf, ROOT } from '../analysis/helpers';

const index = indexOf('tests/fixtures/corpora/second');
const items = readDevItems(resolve(ROOT, 'tests/fixtures/devset/second-corpus.json'));

/**
 * Floors: what the matcher achieved when the set was made (2026-12-06, after the extraction of
 * issue 13 item 1, claim threshold 0.345: claims precision 27/32 = 0.844, recall 27/29 = 0.931;
 * people 17/17 = 1.0). With the fitted re-ranker the same day: 26/28 = 0.929 and 26/29 = 0.897;
 * the floors are those minus about two links (0.08 of precision, 0.05 of recall), and people at the
 * issue's target 0.97. Floors to raise as the matcher improves.
 */
const FLOORS = { claimPrecision: 0.85, claimRecall: 0.85, peoplePrecision: 0.97, peopleRecall: 0.97 };

/**
 * Unrelated sentences that may link something: none. Before the fitted re-ranker two did, each
 * through words it shares with one corpus sentence ("rival … cut prices … stores", "shareholders …
 * voted against … board"); with it (2026-12-06) no unrelated sentence links, and none may.
 */
const KNOWN_FALSE_ALARMS: string[] = [];

describe('matcher quality on the second corpus', () => {
  const s = scoreDev(items, index);

  it('has at least 25 items, a quarter of them unrelated, with unique ids and only corpus articles', () => {
    expect(items.length).toBeGreaterThanOrEqual(25);
    expect(items.filter((i) => i.kind === 'none').length).toBeGreaterThanOrEqual(Math.ceil(items.length / 4) - 1);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    const ids = new Set(index.articles.map((a) => a.id));
    expect(items.flatMap((i) => i.articles).filter((a) => !ids.has(a))).toEqual([]);
  });

  it('stays above the floors for claims and people', () => {
    const row = (t: typeof s.claims) => ({ expected: t.expected, predicted: t.predicted, correct: t.tp, precision: +ratio(t.tp, t.predicted).toFixed(3), recall: +ratio(t.tp, t.expected).toFixed(3) });
    console.log(`second corpus: ${s.items} sentences (${s.unrelated} unrelated); relations ${s.relationsRight}/${s.relationsTotal} as expected`);
    console.table({ 'people (sentence, name)': row(s.people), 'claims (sentence, article)': row(s.claims) });
    console.log([...s.claims.errors, ...s.people.errors, ...s.relationErrors].join('\n'));
    expect(ratio(s.claims.tp, s.claims.predicted)).toBeGreaterThanOrEqual(FLOORS.claimPrecision);
    expect(ratio(s.claims.tp, s.claims.expected)).toBeGreaterThanOrEqual(FLOORS.claimRecall);
    expect(ratio(s.people.tp, s.people.predicted)).toBeGreaterThanOrEqual(FLOORS.peoplePrecision);
    expect(ratio(s.people.tp, s.people.expected)).toBeGreaterThanOrEqual(FLOORS.peopleRecall);
  });

  it('links nothing on unrelated sentences beyond the known word-overlap false alarms', () => {
    expect(s.falseAlarms.filter((id) => !KNOWN_FALSE_ALARMS.includes(id))).toEqual([]);
  });

  it('finds the disagreements of the corpus: the job figure and the plant\'s site', () => {
    // k-claim-01/02: about 1,200 (a1) against more than 2,000 (a2); k-claim-03/04: Brackwater (a1)
    // against Eastholm (a2). Every "differs" these four expect must be found; their "agrees" are
    // reported, not gated here (k-claim-02's a2, "would come" against "will be created", is read as a
    // certainty difference today).
    const missed = s.relationErrors.filter((e) => /^k-claim-0[1-4]: \S+ expected differs/.test(e));
    expect(s.relationsTotal).toBeGreaterThanOrEqual(14);
    expect(missed).toEqual([]);
  });
});
