/**
 * `tsx scripts/bench/rerank-cost.ts`: the claim re-ranker's row of the node bench on the bundled
 * corpus (src/generated/, from `npm run build:index`): the packed word vectors' size and decode
 * time, and claim matching per 1,000 page words with and without them. The text: every seed
 * article and every dev-split sentence (pages about the corpus's own story, where most sentences
 * have candidates: the costly case). Prints JSON.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { measureReranker } from './node-bench';

const ROOT = resolve(import.meta.dirname, '../..');
const seeds = readdirSync(resolve(ROOT, 'seeds'))
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(resolve(ROOT, 'seeds', f), 'utf8'));
const dev = (JSON.parse(readFileSync(resolve(ROOT, 'tests/fixtures/devset/devset.json'), 'utf8')) as { items: { text: string }[] }).items.map((i) => i.text);
const text = [...seeds, ...dev].join('\n\n');
const result = measureReranker(resolve(ROOT, 'src/generated/matcher.json'), resolve(ROOT, 'src/generated/word-vectors.bin'), text, 7);
process.stdout.write(JSON.stringify(result, null, 1) + '\n');
