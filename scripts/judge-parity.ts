/**
 * `tsx scripts/judge-parity.ts [--index FILE | --corpus DIR]` — whether the card's two parts can disagree: for every
 * pair (reference, member) of a claim group with values compared, the member's sentence is looked up
 * as a page sentence (with its article's date) and the matcher's relation to the reference's article
 * is set beside the group's: a group conflict should be a page contradiction and a page
 * contradiction a group conflict (tests/unit/lang/one-rule.test.ts). Prints each pair that disagrees
 * and a count per attribute. Reads the index (src/generated/index.json by default), never the dev set's held-back split.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CorpusIndex } from '../src/core/index/types';
import { analyseCorpus } from '../src/core/analysis';
import { loadGazetteer } from './lib/gazetteer';
import { recognise } from './lib/lookup';
import { readCorpus } from './lib/read-corpus';

const option = (name: string) => (process.argv.indexOf(name) > 0 ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const corpus = option('--corpus');
// A corpus directory is analysed here, with the gazetteer, as the build analyses the bundled one.
const index = corpus
  ? (JSON.parse(JSON.stringify(analyseCorpus(readCorpus(resolve(corpus)).articles, undefined, undefined, { gazetteer: loadGazetteer() }))) as CorpusIndex)
  : (JSON.parse(readFileSync(resolve(option('--index') ?? 'src/generated/index.json'), 'utf8')) as CorpusIndex);
const claims = new Map(index.claims.map((c) => [c.id, c]));
const dates = new Map(index.articles.map((a) => [a.id, a.date ?? undefined]));
let pairs = 0;
const disagree = new Map<string, number>();
for (const g of index.claimGroups) {
  if (g.members.length < 2) continue;
  const ref = claims.get(g.reference)!;
  for (const m of g.members) {
    if (m.claim === g.reference) continue;
    const c = claims.get(m.claim)!;
    const groupConflict = g.differences.filter((d) => (d.kind ?? 'contradiction') === 'contradiction' && d.values.some((v) => v.claim === m.claim) && m.relation === 'differs').map((d) => d.attribute);
    const found = recognise(c.text, index, dates.get(c.article) ? { pageDate: dates.get(c.article) } : undefined)
      .filter((d) => d.kind === 'claim')
      .flatMap((d) => d.coverage.filter((v) => v.article === ref.article));
    if (!found.length) continue;
    pairs++;
    const pageContradiction = [...new Set(found.flatMap((v) => (v.differences ?? (v.values ? [v.values] : [])).filter((x) => x.kind === 'contradiction').map((x) => x.attribute)))];
    for (const attr of new Set([...groupConflict, ...pageContradiction])) {
      if (groupConflict.includes(attr as never) === pageContradiction.includes(attr)) continue;
      disagree.set(attr, (disagree.get(attr) ?? 0) + 1);
      const kinds = found.map((v) => `${v.relation}:${(v.differences ?? (v.values ? [v.values] : [])).map((x) => `${x.attribute}/${x.kind} "${x.page}"|"${x.corpus}"`).join(',')}`).join(' ; ');
      console.log(`${g.id} ${attr}: group ${groupConflict.includes(attr as never) ? 'conflict' : 'no conflict'}, page ${kinds}\n  member: ${c.text.slice(0, 120)}\n  ref:    ${ref.text.slice(0, 120)}`);
    }
  }
}
console.log(`\n${pairs} pairs looked up; disagreements by attribute:`, Object.fromEntries(disagree));
