/**
 * `npm run build:index`: analyses seeds/ into src/generated/index.json (the full index) and
 * src/generated/matcher.json (the compact data the content script matches with).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyseCorpus } from '../src/core/analysis/index';
import { validateIndex } from '../src/core/index/validate';
import { compileMatcher } from '../src/core/match/index';
import { gazetteerContainment } from '../src/core/lang/gazetteer';
import { loadGazetteer } from './lib/gazetteer';
import { printableName, readCorpus, serialiseIndex } from './lib/read-corpus';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const started = performance.now();
const { articles, problems } = readCorpus(resolve(ROOT, 'seeds'));
for (const p of problems) process.stderr.write(`build-index: ${printableName(p.file)}: ${printableName(p.reason)}\n`);
// The gazetteer relates places for the claim groups' differences and the matcher's alike (one judge: core/lang/places).
const gazetteer = loadGazetteer();
const index = validateIndex(JSON.parse(JSON.stringify(analyseCorpus(articles, undefined, undefined, { gazetteer }))));
const out = resolve(ROOT, 'src/generated');
mkdirSync(out, { recursive: true });
writeFileSync(resolve(out, 'index.json'), serialiseIndex(index));
const matcher = compileMatcher(index);
// Place containment by a gazetteer, beside what the corpus text says (relate.ts): found here, at
// build time, so the extension ships the pairs and never the gazetteer.
matcher.placeWithinGazetteer = gazetteerContainment(matcher.places, gazetteer);
writeFileSync(resolve(out, 'matcher.json'), JSON.stringify(matcher) + '\n');
const ms = Math.round(performance.now() - started);
process.stderr.write(
  `build-index: ${index.articles.length} articles, ${index.entities.length} entities, ${index.quotes.length} quotes in ${index.quoteGroups.length} groups, ` +
    `${index.claims.length} claims in ${index.claimGroups.length} groups (${ms} ms)\n`,
);
process.exit(problems.length ? 1 : 0);
