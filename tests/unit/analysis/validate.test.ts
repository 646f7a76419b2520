import { describe, expect, it } from 'vitest';
import { validateIndex } from '../../../src/core/index/validate';
import { indexOf } from './helpers';

const fresh = () => JSON.parse(JSON.stringify(indexOf('seeds')));

describe('validateIndex', () => {
  it('accepts the seeds index', () => {
    expect(validateIndex(fresh()).articles).toHaveLength(5);
  });

  it.each<[string, (i: any) => void, string]>([
    ['a negative mention offset', (i) => (i.entities[3].coverage[0].mentions[0].start = -1), 'index.entities[3].coverage[0].mentions[0].start: expected a non-negative integer'],
    ['a mention past the text', (i) => (i.entities[0].coverage[0].mentions[0].end = 1e9), 'index.entities[0].coverage[0].mentions[0].end: offset 1000000000 is past the end of the article text'],
    ['an unknown quote group', (i) => (i.quotes[0].group = 'nope'), 'index.quotes[0].group: unknown quote group id "nope"'],
    ['a bad date', (i) => (i.articles[1].date = '2016/07/01'), 'index.articles[1].date: expected an ISO date YYYY-MM-DD or "unknown"'],
    ['a bad relation', (i) => (i.claimGroups[0].members[0].relation = 'maybe'), 'index.claimGroups[0].members[0].relation: expected one of "agrees", "differs", "adds"'],
    ['a missing array', (i) => delete i.claims, 'index.claims: expected an array'],
    ['a figure value that is not a number', (i) => (i.claims.find((c: any) => c.figures.length).figures[0].value = '28'), '.figures[0].value: expected a finite number'],
  ])('names the field for %s', (_name, corrupt, message) => {
    const index = fresh();
    corrupt(index);
    expect(() => validateIndex(index)).toThrow(message);
  });

  it('explains a schema version mismatch', () => {
    const index = fresh();
    index.schemaVersion = 99;
    expect(() => validateIndex(index)).toThrow(/index\.schemaVersion: expected schema version 1, found 99; rebuild the index/);
  });

  it('rejects something that is not an index', () => {
    expect(() => validateIndex(null)).toThrow('index: expected an object');
  });
});
