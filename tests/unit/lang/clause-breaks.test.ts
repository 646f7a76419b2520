import { describe, expect, it } from 'vitest';
import { isClauseBreak } from '../../../src/core/lang/clause-breaks';

describe('isClauseBreak: the one rule extraction and matching both cut clauses by', () => {
  it.each([
    [',', false, true],
    [';', false, true],
    [':', true, true],
    ['(', false, true],
    ['—', false, true],
    ['–', true, true],
    // A hyphen breaks only with a space before it: "long-term" is one word, "the vote - and" breaks.
    ['-', true, true],
    ['-', false, false],
    ['.', true, false],
    ['"', true, false],
    ['%', false, false],
  ])('%j (space before: %j) -> %j', (norm, spaced, expected) => {
    expect(isClauseBreak(norm, spaced)).toBe(expected);
  });
});
