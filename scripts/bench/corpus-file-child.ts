/**
 * Child of corpus-cache.ts: generates N articles (generate-corpus.ts, the build rows' seed), analyses
 * them and writes the corpus file as compact JSON to OUT.
 * Run: node --import tsx corpus-file-child.ts N OUT
 */
import { writeFileSync } from 'node:fs';
import { analyseCorpus } from '../../src/core/analysis/index';
import { generateCorpus } from './generate-corpus';

const articles = Number(process.argv[2]);
const out = process.argv[3];
if (!Number.isInteger(articles) || articles <= 0 || !out) throw new Error('usage: corpus-file-child.ts N OUT');
writeFileSync(out, JSON.stringify(analyseCorpus(generateCorpus({ articles, seed: 11 }))));
