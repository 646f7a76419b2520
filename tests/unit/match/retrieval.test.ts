/**
 * Claim retrieval prunes the postings of a sentence's common keys (claims.ts, retrieve); reading
 * every posting is the reference. Both must give the same matches and the same re-ranker feature
 * rows, on the seeds, the dev split, and sentences recombined from the seeds' words.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMatcher, type Matcher } from '../../../src/core/match';
import { readSeeds, seedsIndex } from '../../fixtures/seeds-index/seeds-index';
import { miniData } from './helpers';
import { analyseCorpus } from '../../../src/core/analysis';
import { compileMatcher } from '../../../src/core/match';
import { generateCorpus } from '../../../scripts/bench/generate-corpus';
import { generatePage } from '../../../scripts/bench/generate-page';
import { VECTORS_FILE } from '../../../scripts/lib/word-vectors';
import { loadWordVectors, type WordVectorsData } from '../../../src/core/lang/vectors';

const ALL = { kinds: { person: true, organisation: true, quote: true, claim: true } };
const dev = (JSON.parse(readFileSync(resolve(import.meta.dirname, '../../fixtures/devset/devset.json'), 'utf8')) as { items: { text: string }[] }).items.map((i) => i.text);

/** Matches and every re-ranked candidate's features (the fitting probe) of `text`. */
function outputs(m: Matcher, text: string) {
  const rows: string[] = [];
  const matches = m.scan(text, ALL);
  m.scan(text, { ...ALL, claimProbe: (claim, features, sentence) => rows.push(`${claim}@${sentence}: ${Array.from(features).join(',')}`) });
  return { matches, rows };
}

/**
 * A table of its own for each matcher: a table keeps each row's norm once computed (as float32,
 * while the first cosine of a row uses it unrounded), so two matchers sharing one would not see the
 * same values in the same order.
 */
const vectorsJson = JSON.parse(readFileSync(VECTORS_FILE, 'utf8')) as WordVectorsData;
const ownVectors = () => loadWordVectors(vectorsJson);

describe('pruned claim retrieval equals reading every posting', () => {
  const data = seedsIndex().data;
  const pruned = createMatcher(data, { vectors: ownVectors() });
  const exhaustive = createMatcher(data, { vectors: ownVectors(), exhaustiveRetrieval: true });
  const seeds = readSeeds();

  it.each(seeds.map((s) => [s.id, s.text]))('seed %s, paragraph by paragraph', (_id, text) => {
    const blocks = text.split(/\n\s*\n/);
    const a = blocks.map((b) => outputs(pruned, b));
    const b = blocks.map((b) => outputs(exhaustive, b));
    expect(a).toEqual(b);
    // The check has something to compare: the seeds state their own claims.
    expect(a.some((o) => o.matches.some((m) => m.kind === 'claim'))).toBe(true);
  });

  it('the dev split', () => {
    expect(dev.map((t) => outputs(pruned, t))).toEqual(dev.map((t) => outputs(exhaustive, t)));
  });

  it('sentences recombined from the seeds’ words', () => {
    const words = [...new Set(seeds.flatMap((s) => s.text.split(/\s+/)).filter((w) => w.length > 0))];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { minLength: 4, maxLength: 60 }), (ws) => {
        const text = `${ws.join(' ')}.`;
        expect(outputs(pruned, text)).toEqual(outputs(exhaustive, text));
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it('the mini corpus', () => {
    const a = createMatcher(miniData, { vectors: ownVectors() });
    const b = createMatcher(miniData, { vectors: ownVectors(), exhaustiveRetrieval: true });
    const text = readSeeds()[0].text;
    expect(outputs(a, text)).toEqual(outputs(b, text));
  });

  it('a generated corpus of 40 articles, where near-duplicate claims make common keys reach hundreds (the pruning at work)', () => {
    const data = compileMatcher(analyseCorpus(generateCorpus({ articles: 40, seed: 11 })));
    const a = createMatcher(data, { vectors: ownVectors() });
    const b = createMatcher(data, { vectors: ownVectors(), exhaustiveRetrieval: true });
    const blocks = generatePage({ words: 3000, seed: 5 }).articleText.split(/\n\n/);
    const got = blocks.map((t) => outputs(a, t));
    expect(got).toEqual(blocks.map((t) => outputs(b, t)));
    expect(got.some((o) => o.matches.some((m) => m.kind === 'claim'))).toBe(true);
  }, 60_000);
});
