/**
 * Matcher quality on the development set (tests/fixtures/devset/devset.json), through the same
 * lookup the CLI runs, against the seeds index (built in-process from seeds/ as the build does, or
 * the index named by COVERAGE_LENS_INDEX).
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
 * The test fails below precision 0.9 or recall 0.8 for people or for claims.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CorpusIndex } from '../../../src/core/index/types';
import { seedsIndex } from '../../fixtures/seeds-index/seeds-index';
import { lookup } from '../../../scripts/lib/lookup';

interface DevItem {
  id: string;
  kind: 'name' | 'claim' | 'quote' | 'none';
  text: string;
  people: string[];
  articles: string[];
  relations?: Record<string, string>;
}

const ROOT = resolve(import.meta.dirname, '../../..');
// COVERAGE_LENS_INDEX points the test at another index build (e.g. while tuning).
const INDEX = process.env.COVERAGE_LENS_INDEX ?? '';
// Without an override, the seeds index is built in this process exactly as `npm run build:index`
// does, so the test never depends on (or skips for) the state of src/generated/.
const index: CorpusIndex = process.env.COVERAGE_LENS_INDEX
  ? (JSON.parse(readFileSync(INDEX, 'utf8')) as CorpusIndex)
  : seedsIndex().index;
const items = (JSON.parse(readFileSync(resolve(ROOT, 'tests/fixtures/devset/devset.json'), 'utf8')) as { items: DevItem[] }).items;

interface Tally {
  tp: number;
  predicted: number;
  expected: number;
  errors: string[];
}

function tally(): Tally {
  return { tp: 0, predicted: 0, expected: 0, errors: [] };
}

function score(t: Tally, id: string, predicted: Set<string>, expected: Set<string>) {
  t.predicted += predicted.size;
  t.expected += expected.size;
  for (const p of predicted) {
    if (expected.has(p)) t.tp++;
    else t.errors.push(`${id}: unexpected ${p}`);
  }
  for (const e of expected) if (!predicted.has(e)) t.errors.push(`${id}: missed ${e}`);
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

describe('matcher quality on the dev set', () => {
  it('has enough items of each sort', () => {
    expect(items.length).toBeGreaterThanOrEqual(60);
    expect(items.filter((i) => i.kind === 'none').length).toBeGreaterThanOrEqual(15);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
  });

  it('reaches precision ≥ 0.9 and recall ≥ 0.8 for people and for claims', () => {
    const people = tally();
    const claims = tally();
    let relationsRight = 0;
    let relationsTotal = 0;
    const relationErrors: string[] = [];
    for (const item of items) {
      const { detections } = lookup(item.text, index);
      for (const d of detections) expect(item.text.slice(d.start, d.end)).toBe(d.text);
      score(people, item.id, new Set(detections.filter((d) => d.kind === 'person').map((d) => d.entity!)), new Set(item.people));
      const statements = detections.filter((d) => d.kind === 'claim' || d.kind === 'quote');
      score(claims, item.id, new Set(statements.flatMap((d) => d.coverage.map((c) => c.article))), new Set(item.articles));
      for (const [article, relation] of Object.entries(item.relations ?? {})) {
        relationsTotal++;
        const best = statements
          .flatMap((d) => d.coverage)
          .filter((c) => c.article === article)
          .sort((a, b) => b.score - a.score)[0];
        if (best?.relation === relation) relationsRight++;
        else relationErrors.push(`${item.id}: ${article} expected ${relation}, got ${best?.relation ?? 'nothing'}`);
      }
    }
    const row = (name: string, t: Tally) => ({ units: name, expected: t.expected, predicted: t.predicted, correct: t.tp, precision: +ratio(t.tp, t.predicted).toFixed(3), recall: +ratio(t.tp, t.expected).toFixed(3) });
    console.log(`dev set: ${items.length} sentences (${items.filter((i) => i.kind === 'none').length} unrelated)`);
    console.table([row('people (sentence, name)', people), row('claims (sentence, article)', claims)]);
    console.log(`relations: ${relationsRight}/${relationsTotal} as expected`);
    if (people.errors.length + claims.errors.length + relationErrors.length) console.log([...people.errors, ...claims.errors, ...relationErrors].join('\n'));
    expect(ratio(people.tp, people.predicted)).toBeGreaterThanOrEqual(0.9);
    expect(ratio(people.tp, people.expected)).toBeGreaterThanOrEqual(0.8);
    expect(ratio(claims.tp, claims.predicted)).toBeGreaterThanOrEqual(0.9);
    expect(ratio(claims.tp, claims.expected)).toBeGreaterThanOrEqual(0.8);
  });
});
