/**
 * `tsx scripts/loo-misses.ts [--k N]` — diagnostics for leave-one-outlet-out on the seeds: for each
 * expected unit (fact, held-out article, other article) that the eval misses, which stage lost it:
 * - "extraction": no claim (or quote, for a quote fact) of the other article lies in its member
 *   sentences, so nothing could link;
 * - "retrieval": such claims exist but none is among the held-out sentence's first K candidates;
 * - "re-rank": a member claim is retrieved but its link probability is under the fitted threshold;
 * - "policy": the matcher links it alone but the lookup (page marking policy, block context) does not.
 * Each member sentence is read with the people its page named before it (as the lookup reads the
 * page block by block), so a "he" or "the leader" stands for the person the eval's lookup resolves.
 * Prints each miss with the sentences, the best member claim's rank and probability, and a count
 * per stage. Reads the alignment, never the dev set's held-back split.
 */
import { resolve } from 'node:path';
import { compileMatcher, createMatcher, PagePeople, type Matcher, type MatcherData } from '../src/core/match';
import { RETRIEVE_K } from '../src/core/match/claims';
import { FEATURES, fittedModel, probability } from '../src/core/match/rerank';
import { ALIGNMENT_FILE, indexArticles, leaveOneOutletOut, readAlignment } from './lib/claim-eval';
import { splitBlocks } from './lib/lookup';
import { readCorpus } from './lib/read-corpus';
import { wordVectors } from './lib/word-vectors';

const ROOT = resolve(import.meta.dirname, '..');
const at = process.argv.indexOf('--k');
const DEEP = at > 0 ? Number(process.argv[at + 1]) : 64;
const { articles } = readCorpus(resolve(ROOT, 'seeds'));
const alignment = readAlignment(ALIGNMENT_FILE, new Map(articles.map((a) => [a.id, a.text])));
const model = fittedModel();
const perArticle = leaveOneOutletOut(articles, alignment);
const missed = new Set([...perArticle.values()].flatMap((s) => s.errors).filter((e) => / missed /.test(e)));
/** Each non-zero feature as name=value(weight × value), the terms of the logit. */
const contributions = (row: Float64Array) =>
  FEATURES.map((n, i) => (row[i] ? `${n}=${+row[i].toFixed(2)}(${(model.weights[i] * row[i]).toFixed(2)})` : '')).filter(Boolean).join(' ') + ` bias=${(model as { bias: number }).bias}`;
/**
 * The page's people before `at` in `text`, as the lookup hands them on: the blocks before the
 * member's, then its own block up to the member (a "he" or "the leader" in the member stands for them).
 */
function peopleBefore(matcher: Matcher, text: string, at: number): PagePeople {
  const people = new PagePeople();
  for (const b of splitBlocks(text)) {
    if (b.start + b.text.length <= at) {
      matcher.scan(b.text, { pagePeople: people });
      continue;
    }
    const before = b.text.slice(0, Math.max(0, at - b.start));
    if (before.trim()) matcher.scan(before, { pagePeople: people });
    break;
  }
  return people;
}
const stages = new Map<string, number>();
const count = (s: string) => stages.set(s, (stages.get(s) ?? 0) + 1);

for (const held of articles) {
  const others = indexArticles(articles.filter((a) => a.id !== held.id));
  const data = JSON.parse(JSON.stringify(compileMatcher(others))) as MatcherData;
  const matcher = createMatcher(data, { vectors: wordVectors(), retrieveK: DEEP });
  for (const fact of alignment.facts) {
    const mine = fact.members.filter((m) => m.article === held.id);
    if (!mine.length) continue;
    for (const other of new Set(fact.members.map((m) => m.article).filter((a) => a !== held.id))) {
      if (!missed.has(`${held.id.slice(0, 3)}: missed ${fact.id} in ${other.slice(0, 3)}`)) continue;
      const theirs = fact.members.filter((m) => m.article === other);
      const inMember = (text: string) => theirs.some((m) => m.text.includes(text) || text.includes(m.text) || (text.length > 30 && m.text.includes(text.slice(0, 30))));
      const claimIds = new Set(others.claims.map((c, i) => (c.article === other && inMember(c.text) ? i : -1)).filter((i) => i >= 0));
      const quotes = others.quotes.filter((q) => q.article === other && theirs.some((m) => m.text.includes(q.text.slice(0, 40))));
      let stage: string;
      let detail = '';
      if (!claimIds.size && !(fact.type === 'quote' && quotes.length)) stage = 'extraction';
      else {
        let best = { rank: -1, p: -1, claim: -1, row: new Float64Array(0) };
        for (const m of mine) {
          let last = -1;
          let r = 0;
          matcher.scan(m.text, {
            kinds: { claim: true },
            claimThreshold: 0,
            pagePeople: peopleBefore(matcher, held.text, held.text.indexOf(m.text)),
            claimProbe: (claim, f, sentence) => {
              if (sentence !== last) [last, r] = [sentence, 0];
              if (claimIds.has(claim)) {
                const p = probability(model, f, 0);
                if (p > best.p) best = { rank: r, p, claim, row: Float64Array.from(f) };
              }
              r++;
            },
          });
        }
        if (best.claim < 0) stage = claimIds.size ? 'retrieval (not a candidate)' : 'quote not matched';
        else if (best.rank >= RETRIEVE_K) stage = `retrieval (rank ${best.rank + 1})`;
        else if (best.p < model.threshold) stage = 're-rank';
        else stage = 'policy/context';
        if (best.claim >= 0) detail = `  best: rank ${best.rank + 1} p=${best.p.toFixed(2)}: ${others.claims[best.claim].text.slice(0, 140)}\n  ${contributions(best.row)}\n`;
      }
      count(stage.replace(/ \(rank \d+\)/, ' (below k)'));
      process.stdout.write(`\n${held.id.slice(0, 3)} -> ${other.slice(0, 3)} ${fact.id} [${fact.type}]: ${stage}\n`);
      for (const m of mine) process.stdout.write(`  page:  ${m.text.slice(0, 200)}\n`);
      for (const m of theirs) process.stdout.write(`  there: ${m.text.slice(0, 200)}\n`);
      process.stdout.write(`  member claims: ${claimIds.size}, quotes: ${quotes.length}\n${detail}`);
    }
  }
}
process.stdout.write(`\nmissed ${missed.size}: ${[...stages].map(([s, n]) => `${s} ${n}`).join(', ')}\n`);
