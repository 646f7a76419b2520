/**
 * `tsx scripts/bench/rerank-cost.ts`: the claim re-ranker's row of the node bench on the bundled
 * corpus (src/generated/, from `npm run build:index`): the packed word vectors' size and decode
 * time, and claim matching per 1,000 page words with and without them. The text: every seed
 * article and every dev-split sentence (pages about the corpus's own story, where most sentences
 * have candidates: the costly case). Prints JSON. `npm run bench` measures the same row (its node part).
 */
import { resolve } from 'node:path';
import { measureReranker, rerankerText } from './node-bench';

const ROOT = resolve(import.meta.dirname, '../..');
const result = measureReranker(resolve(ROOT, 'src/generated/matcher.json'), resolve(ROOT, 'src/generated/word-vectors.bin'), rerankerText(ROOT), 7);
process.stdout.write(JSON.stringify(result, null, 1) + '\n');
