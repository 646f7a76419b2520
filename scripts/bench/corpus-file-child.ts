/**
 * Child of corpus-cache.ts: generates N articles (generate-corpus.ts, the build rows' seed), analyses
 * them and writes the corpus file as compact JSON to OUT, record by record (streamIndex and
 * writeJsonFile, as `npm run corpus` writes it: a 20,000-article index as one JSON string would be
 * longer than V8 lets a string be).
 * Run: node --import tsx corpus-file-child.ts N OUT
 */
import { analyseParts, streamIndex } from '../../src/core/analysis/index';
import { validateIndexStream } from '../../src/core/index/validate';
import { writeJsonFile } from '../lib/write-json';
import { generateCorpus } from './generate-corpus';

const articles = Number(process.argv[2]);
const out = process.argv[3];
if (!Number.isInteger(articles) || articles <= 0 || !out) throw new Error('usage: corpus-file-child.ts N OUT');
writeJsonFile(out, validateIndexStream(streamIndex(analyseParts(generateCorpus({ articles, seed: 11 })))), 0);
