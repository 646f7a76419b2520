/**
 * `npm run golden`: regenerates tests/golden/seeds-index.json, the reviewed copy of the seeds
 * index. Commit it with the change that caused the difference, so the diff is reviewed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyseCorpus } from '../src/core/analysis/index';
import { validateIndex } from '../src/core/index/validate';
import { readCorpus, serialiseIndex } from './lib/read-corpus';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { articles, problems } = readCorpus(resolve(ROOT, 'seeds'));
if (problems.length) {
  for (const p of problems) process.stderr.write(`golden: ${p.file}: ${p.reason}\n`);
  process.exit(1);
}
const out = resolve(ROOT, 'tests/golden/seeds-index.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, serialiseIndex(validateIndex(JSON.parse(JSON.stringify(analyseCorpus(articles))))));
process.stderr.write(`golden: wrote ${out}\n`);
