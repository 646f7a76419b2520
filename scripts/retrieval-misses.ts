/**
 * `tsx scripts/retrieval-misses.ts [--k N]` — diagnostics for claim retrieval on the dev split
 * (never the held-back split): for each expected (sentence, corpus article) whose claims do not
 * reach the re-ranker's top RETRIEVE_K, prints the item, the best rank any claim of that article
 * got among the first N candidates (or "not a candidate": fewer than MIN_CANDIDATE_SHARED shared
 * keys), and that article's claims sharing the most words with the sentence. Also prints recall at
 * 8, 12, 16, 24, 32 candidates, so a larger RETRIEVE_K can be weighed against its cost.
 */
import { resolve } from 'node:path';
import { compileMatcher, createMatcher, type MatcherData } from '../src/core/match';
import { RETRIEVE_K } from '../src/core/match/claims';
import { wordKey } from '../src/core/lang/keywords';
import { DEVSET_FILE, indexArticles, readDevItems } from './lib/claim-eval';
import { readCorpus } from './lib/read-corpus';
import { wordVectors } from './lib/word-vectors';

const ROOT = resolve(import.meta.dirname, '..');
const at = process.argv.indexOf('--k');
const DEEP = at > 0 ? Number(process.argv[at + 1]) : 64;
const AT = [8, 12, 16, 24, 32].filter((k) => k <= DEEP);

const words = (s: string) => new Set(s.toLowerCase().split(/[^\p{L}\p{N}']+/u).map((w) => wordKey(w)).filter((k): k is string => k !== null));

const { articles } = readCorpus(resolve(ROOT, 'seeds'));
const index = indexArticles(articles);
const data = JSON.parse(JSON.stringify(compileMatcher(index))) as MatcherData;
const matcher = createMatcher(data, { vectors: wordVectors(), retrieveK: DEEP });
const items = readDevItems(DEVSET_FILE);
const hitAt = new Map(AT.map((k) => [k, 0]));
let expectedTotal = 0;
const causes = new Map<string, number>();
for (const item of items) {
  if (!item.articles.length) continue;
  // Best rank (0-based) of any claim of each article over the item's sentences.
  const rank = new Map<string, number>();
  let last = -1;
  let r = 0;
  matcher.scan(item.text, {
    kinds: { claim: true },
    claimProbe: (claim, _f, sentence) => {
      if (sentence !== last) [last, r] = [sentence, 0];
      const a = data.articles[data.claims[claim][0]];
      if (!rank.has(a) || rank.get(a)! > r) rank.set(a, r);
      r++;
    },
  });
  const page = words(item.text);
  for (const a of item.articles) {
    expectedTotal++;
    const got = rank.get(a);
    for (const k of AT) if (got !== undefined && got < k) hitAt.set(k, hitAt.get(k)! + 1);
    if (got !== undefined && got < RETRIEVE_K) continue;
    const cause = got === undefined ? 'not a candidate' : `rank ${got + 1}`;
    causes.set(got === undefined ? cause : 'ranked below k', (causes.get(got === undefined ? cause : 'ranked below k') ?? 0) + 1);
    process.stdout.write(`\n${item.id} [${item.hard ?? item.kind}] ${a}: ${cause}\n  page: ${item.text}\n`);
    const own = index.claims
      .filter((c) => c.article === a)
      .map((c) => ({ c, shared: [...words(c.text)].filter((w) => page.has(w)) }))
      .sort((x, y) => y.shared.length - x.shared.length)
      .slice(0, 2);
    for (const { c, shared } of own) process.stdout.write(`  claim (${shared.join(' ')}): ${c.text}\n`);
  }
}
process.stdout.write(`\nexpected ${expectedTotal}; ${[...causes].map(([c, n]) => `${c} ${n}`).join(', ')}\n`);
for (const k of AT) process.stdout.write(`recall@${k}: ${(hitAt.get(k)! / expectedTotal).toFixed(3)}\n`);
