/** A stored matcher shard's re-ranker fields (MatcherData version 3) are checked, naming the field that is wrong. */
import { describe, expect, it } from 'vitest';
import { validateMatcherCore } from '../../../src/store/validate-stored';
import { miniData } from '../match/helpers';

const good = JSON.parse(JSON.stringify(miniData)) as Record<string, unknown>;

describe('validateMatcherCore: re-ranker fields', () => {
  it('accepts the compiled data', () => {
    expect(() => validateMatcherCore(good)).not.toThrow();
  });

  it.each([
    ['keyWords', { keyWords: ['one'] }, /keyWords.*one word per key/],
    ['claimFlags', { claimFlags: 'x' }, /claimFlags/],
    ['articleYears', { articleYears: [] }, /articleYears.*one year per article/],
    ['entityDescriptors', { entityDescriptors: [[99999]] }, /entityDescriptors/],
    ['descriptorWords', { descriptorWords: [1] }, /descriptorWords/],
  ])('rejects a bad %s', (_field, patch, message) => {
    expect(() => validateMatcherCore({ ...good, ...patch })).toThrow(message);
  });
});
