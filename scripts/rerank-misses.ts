/**
 * `tsx scripts/rerank-misses.ts` — diagnostics for the claim re-ranker on the dev split (never the
 * held-back split): for each expected (item, corpus article) that the fitted model does not link,
 * the best link probability among that article's retrieved claims, its features, and the claim;
 * and for each link to an unexpected article, the same. Reads what fit:rerank reads.
 */
import { resolve } from 'node:path';
import { compileMatcher, createMatcher, type MatcherData } from '../src/core/match';
import { FEATURES, fittedModel, probability } from '../src/core/match/rerank';
import { DEVSET_FILE, indexArticles, readDevItems } from './lib/claim-eval';
import { readCorpus } from './lib/read-corpus';
import { wordVectors } from './lib/word-vectors';

const ROOT = resolve(import.meta.dirname, '..');
const { articles } = readCorpus(resolve(ROOT, 'seeds'));
const index = indexArticles(articles);
const data = JSON.parse(JSON.stringify(compileMatcher(index))) as MatcherData;
const model = fittedModel();
const matcher = createMatcher(data, { vectors: wordVectors() });
const items = readDevItems(DEVSET_FILE);
const fmt = (row: Float64Array) => FEATURES.map((n, i) => (row[i] ? `${n}=${+row[i].toFixed(2)}` : '')).filter(Boolean).join(' ');
for (const item of process.argv.includes("--loo") ? [] : items) {
  if (item.kind === 'quote') continue;
  const best = new Map<string, { p: number; row: Float64Array; claim: number }>();
  matcher.scan(item.text, {
    kinds: { claim: true },
    claimThreshold: 0,
    claimProbe: (claim, f) => {
      const a = data.articles[data.claims[claim][0]];
      const p = probability(model, f, 0);
      if (!best.has(a) || best.get(a)!.p < p) best.set(a, { p, row: Float64Array.from(f), claim });
    },
  });
  const show = (a: string, what: string) => {
    const b = best.get(a);
    const text = b ? index.claims[b.claim].text : '';
    process.stdout.write(`${what} ${item.id} [${item.hard ?? item.kind}] ${a.slice(0, 3)} p=${b ? b.p.toFixed(2) : '-'}\n  page:  ${item.text}\n  claim: ${text}\n  ${b ? fmt(b.row) : ''}\n`);
  };
  for (const a of item.articles) if ((best.get(a)?.p ?? 0) < model.threshold) show(a, 'MISS');
  for (const [a, b] of best) if (!item.articles.includes(a) && b.p >= model.threshold) show(a, 'FALSE');
}

// `--loo ID`: the same for one seed article looked up against the other four (every candidate
// from probability 0.3, per sentence), to read what leave-one-outlet-out links and misses.
const looAt = process.argv.indexOf('--loo');
if (looAt > 0) {
  const held = articles.find((a) => a.id.startsWith(process.argv[looAt + 1]))!;
  const others = indexArticles(articles.filter((a) => a !== held));
  const d = JSON.parse(JSON.stringify(compileMatcher(others))) as MatcherData;
  const m = createMatcher(d, { vectors: wordVectors() });
  const text = held.text;
  m.scan(text, {
    kinds: { claim: true },
    claimThreshold: 0,
    claimProbe: (claim, f, sentence) => {
      const p = probability(model, f, 0);
      if (p < 0.3) return;
      process.stdout.write(`${p.toFixed(2)} @${sentence} ${d.articles[d.claims[claim][0]].slice(0, 3)}: ${others.claims[claim].text.slice(0, 120)}\n  ${fmt(f)}\n`);
    },
  });
}
