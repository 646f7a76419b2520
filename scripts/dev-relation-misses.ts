/**
 * `tsx scripts/dev-relation-misses.ts` — the dev split's relation misses: each item whose expected
 * relation (or kind of difference) to an article the lookup does not give.
 * Reads the dev split and the kinds set (tests/fixtures/devset/kinds.json), never the held-back split.
 */
import { resolve } from 'node:path';
import { DEVSET_FILE, KINDS_FILE, indexArticles, readDevItems, scoreDev } from './lib/claim-eval';
import { readCorpus } from './lib/read-corpus';

const { articles } = readCorpus(resolve(import.meta.dirname, '..', 'seeds'));
const items = [...readDevItems(DEVSET_FILE), ...readDevItems(KINDS_FILE)];
const s = scoreDev(items, indexArticles(articles));
for (const e of [...s.relationErrors, ...s.kindErrors]) {
  const item = items.find((i) => e.startsWith(`${i.id}:`))!;
  console.log(`${e}\n  ${item.text}\n  note: ${item.note ?? ''}`);
}
