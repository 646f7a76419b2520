/**
 * `tsx scripts/second-misses.ts` — the second test corpus's labelled set scored as
 * tests/unit/match/quality-second.test.ts scores it, with every miss, false link and relation error
 * listed, and for each missed (item, article) the best link probability among that article's claims.
 */
import { resolve } from 'node:path';
import { analyseCorpus } from '../src/core/analysis';
import { compileMatcher, createMatcher, type MatcherData } from '../src/core/match';
import { FEATURES, fittedModel, probability } from '../src/core/match/rerank';
import { validateIndex } from '../src/core/index/validate';
import { ratio, readDevItems, scoreDev } from './lib/claim-eval';
import { readCorpus } from './lib/read-corpus';
import { wordVectors } from './lib/word-vectors';

const ROOT = resolve(import.meta.dirname, '..');
const { articles } = readCorpus(resolve(ROOT, 'tests/fixtures/corpora/second'));
const index = validateIndex(JSON.parse(JSON.stringify(analyseCorpus(articles))));
const items = readDevItems(resolve(ROOT, 'tests/fixtures/devset/second-corpus.json'));
const s = scoreDev(items, index);
process.stdout.write(`claims ${s.claims.tp}/${s.claims.predicted} = ${ratio(s.claims.tp, s.claims.predicted).toFixed(3)}, recall ${s.claims.tp}/${s.claims.expected} = ${ratio(s.claims.tp, s.claims.expected).toFixed(3)}; relations ${s.relationsRight}/${s.relationsTotal}; false alarms ${s.falseAlarms.join(' ')}\n`);
process.stdout.write([...s.claims.errors, ...s.relationErrors].join('\n') + '\n');
const data = JSON.parse(JSON.stringify(compileMatcher(index))) as MatcherData;
const matcher = createMatcher(data, { vectors: wordVectors() });
const model = fittedModel();
for (const e of s.claims.errors) {
  const [id, what, article] = e.split(/:? /);
  const item = items.find((i) => i.id === id)!;
  process.stdout.write(`\n${what} ${id} ${article.slice(0, 4)}: ${item.text}\n`);
  matcher.scan(item.text, {
    kinds: { claim: true },
    claimThreshold: 0,
    claimProbe: (c, f) => {
      if (data.articles[data.claims[c][0]] !== article) return;
      const p = probability(model, f, 0);
      process.stdout.write(`  ${p.toFixed(2)} ${index.claims[c].text.slice(0, 110)}\n    ${FEATURES.map((n, i) => (f[i] ? `${n}=${+f[i].toFixed(2)}` : '')).filter(Boolean).join(' ')}\n`);
    },
  });
}
