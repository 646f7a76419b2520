import { resolve } from 'node:path';
import { compileMatcher, createMatcher, type MatcherData } from '../src/core/match';
import { indexArticles } from '../scripts/lib/claim-eval';
import { readCorpus } from '../scripts/lib/read-corpus';
import { fittedModel, probability } from '../src/core/match/rerank';
import { wordVectors } from '../scripts/lib/word-vectors';
const [heldId, text] = process.argv.slice(2);
const { articles } = readCorpus(resolve('/work/wt/relations/seeds'));
const others = indexArticles(articles.filter((a) => !a.id.startsWith(heldId)));
const data = JSON.parse(JSON.stringify(compileMatcher(others))) as MatcherData;
const m = createMatcher(data, { vectors: wordVectors() });
m.scan(text, { kinds: { claim: true }, claimThreshold: 0, claimProbe: (claim: number, row: Float64Array) => {
  const c = others.claims[claim];
  console.log(claim, +probability(fittedModel(), row, 0).toFixed(3), data.claims[claim][2], c.article.slice(0,3), c.text.slice(0, 120));
}});
for (const x of m.scan(text, { kinds: { claim: true } })) console.log(JSON.stringify(x).slice(0, 1500));
