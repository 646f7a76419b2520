/** How much of a group a sentence speaks of (core/lang/quantity-scope), on invented sentences. */
import { describe, expect, it } from 'vitest';
import { QuantityLevel, readQuantityScope, scopesDiffer } from '../../../src/core/lang/quantity-scope';
import { wordRun } from '../../../src/core/lang/segment';

function read(text: string) {
  const run = wordRun(text);
  const q = readQuantityScope(run, 0, run.norm.length);
  return q && { level: q.level, keys: q.keys, text: text.slice(q.start, q.end) };
}

describe('readQuantityScope', () => {
  it.each([
    // [sentence, level, group keys, phrase]
    ['All of the big lenders cut their rates.', QuantityLevel.whole, ['big', 'lender'], 'All of the big lenders'],
    ['All the ferry crews walked out.', QuantityLevel.whole, ['ferry', 'crew'], 'All the ferry crews'],
    ['Rallies were held in every town in the region.', QuantityLevel.whole, ['town'], 'every town'],
    ['One of the big lenders cut its rates.', QuantityLevel.part, ['big', 'lender'], 'One of the big lenders'],
    ['Several councillors signed the letter.', QuantityLevel.part, ['councillor'], 'Several councillors'],
    ['A handful of the drivers refused.', QuantityLevel.part, ['driver'], 'A handful of the drivers'],
    ['A majority of members backed the plan.', QuantityLevel.part, ['member'], 'A majority of members'],
    ['Rallies were held in towns across the region, including Westford.', QuantityLevel.part, ['region', 'town'], 'towns across the region, including'],
  ])('%s', (text, level, keys, phrase) => {
    expect(read(text)).toEqual({ level, keys, text: phrase });
  });

  it.each([
    // No quantifier over a group: nothing to compare.
    ['The big lenders cut their rates.'],
    // "most" alone is a superlative, "some" before a figure an approximation.
    ['The most senior drivers walked out.'],
    ['Some 300 drivers walked out.'],
    // "all" with no content word after it names no group.
    ['They came from all around the county.'],
    ['The two crews blamed each other.'],
  ])('%s → none', (text) => {
    expect(read(text)).toBeNull();
  });
});

describe('scopesDiffer', () => {
  const at = (text: string) => {
    const run = wordRun(text);
    return readQuantityScope(run, 0, run.norm.length);
  };
  it.each([
    ['All of the big lenders cut rates.', 'One of the big lenders cut rates.', true],
    ['Every town held a rally.', 'Towns across the region, including Westford, held rallies.', true],
    ['All of the big lenders cut rates.', 'All of the big lenders cut rates.', false],
    ['All of the big lenders cut rates.', 'One of the small brokers cut rates.', false],
    ['All of the big lenders cut rates.', 'The big lenders cut rates.', false],
    // As much of two other groups; not when a quantifier picks members out by a class ("one of his allies").
    ['A majority of the members backed it.', 'A majority of the councillors backed it.', true],
    ['Most of the members backed it.', 'Most of the party members backed it.', false],
    ['One of the big lenders cut rates.', 'One of the oldest banks cut rates.', false],
  ])('%s / %s → %s', (a, b, differ) => {
    expect(scopesDiffer(at(a), at(b))).toBe(differ);
  });
});
