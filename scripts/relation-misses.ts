/**
 * `tsx scripts/relation-misses.ts` — diagnostics for the relations of leave-one-outlet-out on the
 * seeds: for each real difference of the alignment between a held-out article and another, the
 * held-out sentences' detections that cover it and every coverage they carry for the other article
 * (relation, kinds, values side by side, excerpt). Then the false alarms: units (fact, held-out
 * article, other article) with no real difference between the two that a covering link still calls
 * "differs", each with the kinds it names. Reads the alignment, never the dev set's held-back split.
 */
import { resolve } from 'node:path';
import { ALIGNMENT_FILE, indexArticles, NOT_A_DIFFERENCE, readAlignment } from './lib/claim-eval';
import { lookup } from './lib/lookup';
import { readCorpus } from './lib/read-corpus';

const { articles } = readCorpus(resolve(import.meta.dirname, '..', 'seeds'));
const alignment = readAlignment(ALIGNMENT_FILE, new Map(articles.map((a) => [a.id, a.text])));
const short = (a: string) => a.slice(0, 3);
const falseAlarms: string[] = [];
let agreeingUnits = 0;
for (const held of articles) {
  const index = indexArticles(articles.filter((a) => a.id !== held.id));
  const { detections } = lookup(held.text, index);
  for (const fact of alignment.facts) {
    const spans = fact.members.filter((m) => m.article === held.id).map((m) => ({ start: held.text.indexOf(m.text), end: held.text.indexOf(m.text) + m.text.length }));
    if (!spans.length) continue;
    const covering = detections.filter((d) => (d.kind === 'claim' || d.kind === 'quote') && spans.some((s) => d.start < s.end && s.start < d.end));
    for (const other of new Set(fact.members.map((m) => m.article).filter((a) => a !== held.id))) {
      const real = fact.differences.some((d) => d.articles.includes(held.id) && d.articles.includes(other) && !NOT_A_DIFFERENCE.has(d.kind));
      if (real) continue;
      agreeingUnits++;
      const differs = covering.flatMap((d) => d.coverage.filter((c) => c.article === other && c.relation === 'differs').map((c) => ({ d, c })));
      if (differs.length) falseAlarms.push(`${short(held.id)} -> ${short(other)} ${fact.id}: ${differs.map(({ d, c }) => `"${d.text.slice(0, 60)}" ${(c.differences ?? (c.values ? [c.values] : [])).map((v) => `${v.attribute}/${v.kind}: "${v.page}" vs "${v.corpus}"`).join('; ')}`).join(' | ')}`);
    }
    for (const diff of fact.differences) {
      if (!diff.articles.includes(held.id) || NOT_A_DIFFERENCE.has(diff.kind)) continue;
      const other = diff.articles.find((a) => a !== held.id)!;
      console.log(`\n${short(held.id)} -> ${short(other)} ${fact.id} [${diff.kind}] ${JSON.stringify(diff.values ?? null)}`);
      for (const d of covering) {
        for (const c of d.coverage.filter((c) => c.article === other)) {
          const vs = (c.differences ?? (c.values ? [c.values] : [])).map((v) => `${v.attribute}/${v.kind}: "${v.page}" vs "${v.corpus}"`).join('; ');
          console.log(`  ${d.kind} "${d.text.slice(0, 100)}"\n    ${c.relation} ${c.score} ${vs}\n    <- "${c.excerpt.slice(0, 140)}"`);
        }
      }
    }
  }
}
console.log(`\nFalse alarms: ${falseAlarms.length} of ${agreeingUnits} units with no real difference are called "differs" by a covering link`);
for (const f of falseAlarms) console.log(`  ${f}`);
