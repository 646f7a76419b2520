/**
 * The re-ranker's features on the invented mini corpus, read through the scan's probe: each row
 * changes one thing about a sentence that restates a corpus claim and checks the feature that must
 * see it (and that the unchanged sentence does not).
 */
import { describe, expect, it } from 'vitest';
import { F, FEATURE_COUNT } from '../../../src/core/match/rerank';
import { miniData, miniMatcher } from './helpers';

/** Features of the best-retrieved candidate of claim group `group` for `text`. */
function featuresOf(text: string, group: string): Float64Array {
  let row: Float64Array | null = null;
  miniMatcher.scan(text, {
    kinds: { claim: true },
    claimProbe: (claim, features) => {
      if (!row && miniData.claimGroups[miniData.claims[claim][2]] === group) row = Float64Array.from(features.subarray(0, FEATURE_COUNT));
    },
  });
  if (!row) throw new Error(`no candidate of ${group} for: ${text}`);
  return row;
}

const BASE = 'Repairs will keep the Kessel Bridge closed for fourteen weeks, the mayor said.';

describe('re-ranker features', () => {
  const base = featuresOf(BASE, 'cg:duration');

  it.each([
    ['negationMismatch', 'Repairs will not keep the Kessel Bridge closed for fourteen weeks, the mayor said.'],
  ] as const)('%s changes when the sentence gains such a word', (feature, text) => {
    // A mismatch is a flag on one side only: adding the word to the page flips it either way.
    expect(featuresOf(text, 'cg:duration')[F[feature]]).toBe(1 - base[F[feature]]);
  });

  it('time words: a page event placed again or later is laterOnPage; one placed before is a time-shift mismatch', () => {
    // The march claims state no time word; the duration claim says "from next month".
    const march = 'Dock workers marched through Eastport on Sunday, the union said.';
    expect(featuresOf(march, 'cg:march')[F.laterOnPage]).toBe(0);
    expect(featuresOf(march, 'cg:march')[F.timeShiftMismatch]).toBe(0);
    const again = featuresOf('Dock workers marched through Eastport again on Sunday, the union said.', 'cg:march');
    expect(again[F.laterOnPage]).toBe(1);
    expect(again[F.timeShiftMismatch]).toBe(0);
    const before = featuresOf('Dock workers marched through Eastport last Sunday, the union said.', 'cg:march');
    expect(before[F.laterOnPage]).toBe(0);
    expect(before[F.timeShiftMismatch]).toBe(1);
    // The claim's own "next" matches the page's: neither feature.
    const next = featuresOf('Repairs will keep the Kessel Bridge closed for fourteen weeks again next year, the mayor said.', 'cg:duration');
    expect(next[F.laterOnPage]).toBe(0);
    expect(next[F.timeShiftMismatch]).toBe(0);
    expect(base[F.timeShiftMismatch]).toBe(1);
  });

  it('an identical key aligns at 1 and covers the claim more than a sentence of other words', () => {
    const other = featuresOf('Crews said the Kessel Bridge shut for fourteen weeks of maintenance work.', 'cg:duration');
    expect(base[F.alignClaimToPage]).toBeGreaterThan(other[F.alignClaimToPage]);
    expect(base[F.claimCovered]).toBeGreaterThan(other[F.claimCovered]);
  });

  it('sharedKeys counts the keys in common, more for a restatement than for a sentence sharing a few words', () => {
    const few = featuresOf('Council staff say the Kessel Bridge looked closed all week.', 'cg:duration');
    expect(few[F.sharedKeys]).toBeGreaterThan(0);
    expect(base[F.sharedKeys]).toBeGreaterThan(few[F.sharedKeys]);
  });

  it('a near-synonym aligns closer than an unrelated word (word vectors)', () => {
    const synonym = featuresOf('Repairs will keep the Kessel Bridge shut for fourteen weeks, the mayor said.', 'cg:duration');
    const unrelated = featuresOf('Repairs will keep the Kessel Bridge purple for fourteen weeks, the mayor said.', 'cg:duration');
    expect(synonym[F.alignClaimToPage]).toBeGreaterThan(unrelated[F.alignClaimToPage]);
  });

  it('every feature lies in [0, 1]', () => {
    for (const v of base) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
  });
});

describe('negation and modality are read in the clause that states the claim, time words in the whole sentence', () => {
  it.each([
    // The claim's clause is plain; "will" and "not" belong to another clause.
    ['Dock workers marched through Eastport on Sunday, while the union will not meet the council.', 0],
    // The claim's own clause is modal.
    ['Dock workers will march through Eastport on Sunday, the union said.', 1],
  ] as const)('%s', (text, modal) => {
    const row = featuresOf(text, 'cg:march');
    expect(row[F.modalityMismatch]).toBe(modal);
    if (modal === 0) expect(row[F.negationMismatch]).toBe(0);
  });

  it('a time word after a list comma still dates the clause before it', () => {
    // The Eastport claim (article a1) is stated in the first clause; "again" sits in the last.
    let row: Float64Array | null = null;
    miniMatcher.scan('Dock workers marched through Eastport on Sunday against the closure, with crowds and banners, once again.', {
      kinds: { claim: true },
      claimProbe: (claim, features) => {
        if (!row && miniData.articles[miniData.claims[claim][0]] === 'a1' && miniData.claimGroups[miniData.claims[claim][2]] === 'cg:march') row = Float64Array.from(features.subarray(0, FEATURE_COUNT));
      },
    });
    expect(row).not.toBeNull();
    expect(row![F.clauseCovered]).toBeGreaterThan(0);
    expect(row![F.laterOnPage]).toBe(1);
  });
});

describe('yearOther: the sentence dates its event to a year that is not the claim\'s', () => {
  /** Features of the cg:march claim of `article` (a1 dated 2021; a3 undated) for `text`. */
  function marchOf(text: string, article: string): Float64Array {
    let row: Float64Array | null = null;
    miniMatcher.scan(text, {
      kinds: { claim: true },
      claimProbe: (claim, features) => {
        if (!row && miniData.articles[miniData.claims[claim][0]] === article && miniData.claimGroups[miniData.claims[claim][2]] === 'cg:march') row = Float64Array.from(features.subarray(0, FEATURE_COUNT));
      },
    });
    if (!row) throw new Error(`no cg:march candidate of ${article}`);
    return row;
  }

  it.each([
    ['Dock workers marched through Eastport on Sunday in 2021.', 'a1', 0], // the dated article's year
    ['Dock workers marched through Eastport on Sunday in 2023.', 'a1', 1], // another year than the article's
    ['Dock workers marched on Sunday against the shutdown of the Kessel Bridge in 2023.', 'a3', 1], // undated: no year is the claim's
    ['Dock workers marched on Sunday against the shutdown of the Kessel Bridge.', 'a3', 0], // no year stated
  ] as const)('%s (%s)', (text, article, expected) => {
    expect(marchOf(text, article)[F.yearOther]).toBe(expected);
  });
});

describe('clause and predicate features', () => {
  const base = featuresOf(BASE, 'cg:duration');

  it('a sentence that states the claim in one clause among others keeps its clause covered while the whole is diluted', () => {
    const diluted = featuresOf(
      'Amid storms, rising costs and a long row over budgets at the council, repairs will keep the Kessel Bridge closed for fourteen weeks, the mayor said.',
      'cg:duration',
    );
    expect(diluted[F.pageCovered]).toBeLessThan(base[F.pageCovered]);
    expect(diluted[F.clauseCovered]).toBeGreaterThan(diluted[F.pageCovered]);
    expect(diluted[F.clauseAligned]).toBeGreaterThan(diluted[F.alignPageToClaim]);
  });

  it('a sentence without an event verb has its predicate missing; one whose verb the claim holds has it aligned', () => {
    const caption = featuresOf('The Kessel Bridge in fourteen weeks of repairs', 'cg:duration');
    expect(caption[F.predicateMissing]).toBe(1);
    expect(caption[F.predicateAligned]).toBe(0);
    // "backed" is an event verb to the probe (tests/unit/lang/event-verbs.test.ts); the claim does not hold it.
    const other = featuresOf('Repairs backed by the council will keep the Kessel Bridge closed for fourteen weeks, the mayor said.', 'cg:duration');
    expect(other[F.predicateMissing]).toBe(0);
    expect(other[F.predicateAligned]).toBeGreaterThan(0);
    expect(other[F.predicateAligned]).toBeLessThan(1);
  });

  it('a sentence opening with he or she may be about the claim\'s person: described, not missing', () => {
    // cg:cracks is Ms Quint's claim (a person); the mini corpus gives her no descriptors.
    const byName = featuresOf('Ms Quint said engineers had found cracks in three of the bridge supports.', 'cg:cracks');
    expect([byName[F.actorShared], byName[F.actorByDescriptor], byName[F.actorMissing]]).toEqual([1, 0, 0]);
    for (const text of ['She said engineers had found cracks in three of the bridge supports.', 'But she said engineers had found cracks in three of the bridge supports.']) {
      const row = featuresOf(text, 'cg:cracks');
      expect([row[F.actorShared], row[F.actorByDescriptor], row[F.actorMissing]]).toEqual([0, 1, 0]);
    }
    const nobody = featuresOf('Engineers had found cracks in three of the bridge supports, officials said.', 'cg:cracks');
    expect([nobody[F.actorShared], nobody[F.actorByDescriptor], nobody[F.actorMissing]]).toEqual([0, 0, 1]);
  });
});
