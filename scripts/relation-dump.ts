/**
 * `tsx scripts/relation-dump.ts > out.txt` — every claim/quote coverage of every lookup the
 * relation rules are checked on (leave-one-outlet-out on the seeds, the dev split, kinds and page
 * context; never the held-back split), one line each: where, page text, article, relation, and each
 * difference's attribute/kind with its values. Diff two runs to see exactly which coverages a
 * relation rule changes, on agreeing pairs as much as on real differences.
 */
import { resolve } from 'node:path';
import type { Detection } from '../src/core/index/types';
import { DEVSET_FILE, KINDS_FILE, PAGE_CONTEXT_FILE, indexArticles, readDevItems } from './lib/claim-eval';
import { lookup, recognise } from './lib/lookup';
import { readCorpus } from './lib/read-corpus';

const { articles } = readCorpus(resolve(import.meta.dirname, '..', 'seeds'));
const short = (a: string) => a.slice(0, 3);
const lines: string[] = [];
const dump = (where: string, detections: Detection[]) => {
  for (const d of detections) {
    if (d.kind !== 'claim' && d.kind !== 'quote') continue;
    for (const c of d.coverage) {
      const vs = (c.differences ?? (c.values ? [c.values] : [])).map((v) => `${v.attribute}/${v.kind}: "${v.page}" vs "${v.corpus}"`).join('; ');
      lines.push(`${where} | ${d.kind} "${d.text.slice(0, 70)}" -> ${short(c.article)} "${c.excerpt.slice(0, 40)}" ${c.relation} ${vs}`);
    }
  }
};
for (const held of articles) {
  const index = indexArticles(articles.filter((a) => a.id !== held.id));
  dump(`loo ${short(held.id)}`, lookup(held.text, index).detections);
}
const index = indexArticles(articles);
for (const [name, file] of [
  ['dev', DEVSET_FILE],
  ['kinds', KINDS_FILE],
  ['page', PAGE_CONTEXT_FILE],
] as const) {
  for (const item of readDevItems(file)) dump(`${name} ${item.id}${item.relations ? ' ' + JSON.stringify(item.relations) : ''}`, recognise(item.text, index));
}
process.stdout.write(lines.join('\n') + '\n');
