import { describe, expect, it } from 'vitest';
import { isJunkAlias } from '../../../../src/core/analysis/03-entities/10-aliases';

describe('3.10 aliases: forms that name nothing in particular', () => {
  it.each([
    ['That', 'organisation', true],
    ['That party', 'organisation', true],
    ['The', 'person', true],
    ['News', 'organisation', true],
    ['General', 'organisation', true],
    ['West', 'person', false], // a surname that is also a common word
    ['West', 'organisation', true],
    ['US', 'organisation', true],
    ['UK', 'person', false], // only an organisation's alias is checked against country abbreviations
    ['Kestrel News', 'organisation', false],
    ['IWA', 'organisation', false],
    ['Marsh', 'person', false],
    ['Will Doe', 'person', false], // a given name that is also an auxiliary
    ['Civic', 'organisation', false],
  ] as const)('%j as %s: %s', (alias, kind, expected) => {
    expect(isJunkAlias(alias, kind)).toBe(expected);
  });
});
