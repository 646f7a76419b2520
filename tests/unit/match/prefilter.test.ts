/**
 * The scan's cheap pre-filters must never hide a detection: every sentence the claim pre-filter
 * rejects is one the full scorer finds nothing for, and scanning with them gives what a scan
 * sentence by sentence through the full scorer gives.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedsIndex, readSeeds } from '../../fixtures/seeds-index/seeds-index';
import { ClaimScorer } from '../../../src/core/match/claims';
import { classifyingTable } from '../../../src/core/match/classify';
import { NameHits, NameScanner } from '../../../src/core/match/names';
import { splitSentences } from '../../../src/core/match/sentences';
import { Tokens, tokenize } from '../../../src/core/match/tokens';

const devset = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../fixtures/devset/devset.json'), 'utf8')) as { items: { text: string }[] };

describe('claim pre-filter', () => {
  it('rejects only sentences the full claim scorer matches nothing in (seeds and dev set)', () => {
    const { data } = seedsIndex();
    const claims = new ClaimScorer(data);
    const names = new NameScanner(data);
    const tokens = new Tokens(classifyingTable(data.words, data.keys));
    const hits = new NameHits();
    const buf = [new Int32Array(64)];
    const texts = [...readSeeds().flatMap((a) => a.text.split(/\n\s*\n/)), ...devset.items.map((i) => i.text)];
    let rejected = 0;
    let kept = 0;
    let matched = 0;
    for (const text of texts) {
      tokenize(text, tokens);
      names.scan(text, tokens, hits);
      const n = splitSentences(tokens, buf);
      let h = 0;
      for (let s = 0; s < n; s++) {
        const a = buf[0][s * 2];
        const b = buf[0][s * 2 + 1];
        while (h < hits.count && hits.firstToken[h] < a) h++;
        const may = claims.mayMatch(tokens, a, b, hits, h);
        const result = claims.score(text, tokens, a, b, hits, h);
        if (result) matched++;
        if (may) kept++;
        else {
          rejected++;
          expect(result, text.slice(tokens.start[a], tokens.end[b - 1])).toBeNull();
        }
      }
    }
    // The filter is exercised both ways on this text.
    expect(rejected).toBeGreaterThan(20);
    expect(kept).toBeGreaterThan(matched);
    expect(matched).toBeGreaterThan(20);
  });

  it('a sentence of two claim words passes; one claim word and filler does not', () => {
    const { data, matcher } = seedsIndex();
    const claims = new ClaimScorer(data);
    const tokens = new Tokens(classifyingTable(data.words, data.keys));
    const hits = new NameHits();
    // Distinct claim keys (MIN_CANDIDATE_SHARED = 2 is the least a candidate shares), plus stopwords.
    const keyed = data.keys.filter((k) => /^[a-z]+$/.test(k)).slice(0, 2);
    expect(keyed).toHaveLength(2);
    const withTwo = `It was the ${keyed[0]} and the ${keyed[1]} of it all here.`;
    tokenize(withTwo, tokens);
    expect(claims.mayMatch(tokens, 0, tokens.count, hits, 0)).toBe(true);
    const withOne = `It was the ${keyed[0]} and the rest of it all here.`;
    tokenize(withOne, tokens);
    expect(claims.mayMatch(tokens, 0, tokens.count, hits, 0)).toBe(false);
    expect(matcher.scan(withOne, { kinds: { claim: true } })).toEqual([]);
  });
});

describe('quote-mark gate', () => {
  it('counts quote marks (straight, curly, backtick) so blocks without any skip quote matching', () => {
    const tokens = new Tokens();
    tokenize('No quotation here, none at all.', tokens);
    expect(tokens.quoteMarks).toBe(0);
    tokenize('He said “we will win” and ‘maybe’ and "yes" and `no`.', tokens);
    expect(tokens.quoteMarks).toBe(8);
  });
});
