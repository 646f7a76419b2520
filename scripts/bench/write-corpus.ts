/**
 * Writes a generated corpus of N articles (generate-corpus.ts) as a folder `npm run corpus` reads:
 * one <id>.txt per article (headline first) and sources.json with outlet, headline, date and url.
 * Run: npx tsx scripts/bench/write-corpus.ts N DIR
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generateCorpus } from './generate-corpus';

const articles = Number(process.argv[2]);
const dir = process.argv[3];
if (!Number.isInteger(articles) || articles < 1 || !dir) {
  process.stderr.write('usage: npx tsx scripts/bench/write-corpus.ts N DIR\n');
  process.exit(2);
}
const out = resolve(dir);
mkdirSync(out, { recursive: true });
const sources: Record<string, unknown> = {};
for (const a of generateCorpus({ articles, seed: 11 })) {
  writeFileSync(join(out, `${a.id}.txt`), `${a.text}\n`);
  sources[a.id] = a.meta;
}
writeFileSync(join(out, 'sources.json'), `${JSON.stringify(sources, null, 1)}\n`);
process.stderr.write(`wrote ${articles} articles to ${out}\n`);
