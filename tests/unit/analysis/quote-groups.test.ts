import { describe, expect, it } from 'vitest';
import type { QuoteDraft } from '../../../src/core/analysis/05-quotes';
import { groupQuotes, type KeptQuoteGroups } from '../../../src/core/analysis/06-quote-groups';
import { wordDiff } from '../../../src/core/lang/word-diff';

const quote = (article: string, speaker: string | null, text: string): QuoteDraft => ({
  article,
  speaker,
  speakerText: null,
  text,
  spans: [{ start: 0, end: text.length }],
  sentences: [0],
  tense: 'past',
});

describe('groupQuotes', () => {
  // Invented speakers and wordings. The unattributed quote matches both speakers' wordings
  // (9/9 and 7/9 of its words in order), the two speakers' wordings do not match each other (7/14).
  const quotes = [
    quote('a', 'person:ada-x', 'We will build the new harbour wall before the winter storms arrive in the bay'),
    quote('b', 'person:bo-y', 'We will build the new harbour wall and the bridge that the town has long wanted'),
    quote('c', null, 'We will build the new harbour wall before winter'),
  ];

  it.each([
    ['joins an unattributed quote to the wording it matches best, never two speakers into one group', quotes, [[0, 2], [1]]],
    ['still joins it when only one speaker is in play', [quotes[0], quotes[2]], [[0, 1]]],
    ['joins nothing below the shared-words share', [quotes[0], quotes[1]], [[0], [1]]],
  ])('%s', (_, input, expected) => {
    const groups = groupQuotes(input);
    expect(groups.map((g) => g.members)).toEqual(expected);
    for (const g of groups) expect(new Set(g.members.map((m) => input[m].speaker).filter((s) => s !== null)).size).toBeLessThanOrEqual(1);
  });
});

describe('wordDiff', () => {
  it.each([
    ['case and curly marks are not differences', 'We said “Yes” – now', 'we said "yes" - now', [{ op: 'same', text: 'we said "yes" - now' }]], // the other wording's text, as the diff package gives it
    ['a word added', 'the new wall', 'the new harbour wall', [{ op: 'same', text: 'the new ' }, { op: 'added', text: 'harbour ' }, { op: 'same', text: 'wall' }]],
  ])('%s', (_, reference, other, expected) => {
    // Twice: the second call reuses the reference's kept tokens and must give the same parts.
    expect(wordDiff(reference, other)).toEqual(expected);
    expect(wordDiff(reference, other)).toEqual(expected);
  });
});

describe('groupQuotes given the last grouping', () => {
  // Invented wordings from a few utterances, cut and varied, some opening with a stock phrase whose
  // trigrams are held by about MAX_BLOCK quotes (so adds push blocks across the cap both ways).
  const utterances = [
    'we will build the new harbour wall before the winter storms arrive in the bay',
    'the council has no money left for the bridge that the town wanted for years',
    'our plan keeps every library open and every school bus running until next spring',
    'nobody told the fishermen that the quay would close for the whole summer season',
    'the rail line will reach the valley towns within three years of the vote',
  ];
  const stock = 'at the end of the day';
  const speakers = [null, null, 'person:ada-x', 'person:bo-y', 'person:cy-z'];

  /** A pseudo-random stream (a linear congruential generator) of numbers in [0, 1). */
  function stream(seed: number): () => number {
    let s = seed;
    return () => {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      return s / 2 ** 32;
    };
  }

  /** Quotes of `articles` articles (ids in order), 0-3 each. */
  function corpus(seed: number, articles: number): QuoteDraft[] {
    const next = stream(seed);
    const out: QuoteDraft[] = [];
    for (let a = 0; a < articles; a++) {
      const count = Math.floor(next() * 4);
      for (let k = 0; k < count; k++) {
        const words = utterances[Math.floor(next() * utterances.length)].split(' ');
        const from = Math.floor(next() * 4);
        const cut = words.slice(from, words.length - Math.floor(next() * 4)).filter(() => next() > 0.08);
        const text = `${next() < 0.45 ? `${stock} ` : ''}${cut.join(' ')}`;
        out.push(quote(`a${String(a).padStart(3, '0')}`, speakers[Math.floor(next() * speakers.length)], text));
      }
    }
    return out;
  }

  /** The quotes of `all` as they were before an add: without the `added` articles, and with the speakers of the `changed` ones otherwise. */
  function before(all: QuoteDraft[], added: Set<string>, changed: Set<string>): QuoteDraft[] {
    return all.filter((q) => !added.has(q.article)).map((q) => (changed.has(q.article) ? { ...q, speaker: q.speaker === null ? 'person:ada-x' : null } : q));
  }

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('seed %i: the groups and the state left are those of grouping every quote', (seed) => {
    const all = corpus(seed, 80);
    const ids = [...new Set(all.map((q) => q.article))];
    const next = stream(seed + 100);
    const added = new Set(ids.filter(() => next() < 0.12));
    const changed = new Set(ids.filter((id) => !added.has(id) && next() < 0.05));
    // The premise: a trigram of the stock phrase is near the cap (MAX_BLOCK = 50) before and after.
    const stocked = (qs: QuoteDraft[]) => qs.filter((q) => q.text.startsWith(stock)).length;
    expect(Math.abs(stocked(all) - 50)).toBeLessThan(20);
    let previous: KeptQuoteGroups | undefined;
    groupQuotes(before(all, added, changed), { keep: (k) => (previous = k) });
    let fullKept: KeptQuoteGroups | undefined;
    const full = groupQuotes(all, { keep: (k) => (fullKept = k) });
    let reusedKept: KeptQuoteGroups | undefined;
    const reused = groupQuotes(all, { previous, keep: (k) => (reusedKept = k) });
    expect(reused).toEqual(full);
    expect(reusedKept).toEqual(fullKept);
    expect(full.some((g) => g.members.length > 2)).toBe(true);
  });

  // Quotes that share only the stock phrase (6 of their 10 words: a pair) while its blocks hold at most MAX_BLOCK (50).
  const stockOnly = (from: number, count: number): QuoteDraft[] => Array.from({ length: count }, (_, k) => quote(`s${String(from + k).padStart(3, '0')}`, null, `${stock} w${from + k}a w${from + k}b w${from + k}c w${from + k}d`));
  it.each([
    ['pushed over the cap by an added quote: the pairs it made are gone', stockOnly(0, 50), stockOnly(0, 51)],
    // An article that quoted one wording twice, and once after the add (its quotes read again).
    ['brought under the cap by a quote gone: its pairs are made', [...stockOnly(0, 50), stockOnly(49, 1)[0]], stockOnly(0, 50)],
  ])('a block %s', (_, held, all) => {
    let previous: KeptQuoteGroups | undefined;
    const last = groupQuotes(held, { keep: (k) => (previous = k) });
    const full = groupQuotes(all);
    // The premise: the grouping before and the one after differ in the quotes they share.
    const largest = (groups: { members: number[] }[]) => Math.max(...groups.map((g) => g.members.length));
    expect(Math.min(largest(last), largest(full))).toBeLessThanOrEqual(2);
    expect(Math.max(largest(last), largest(full))).toBe(50);
    expect(groupQuotes(all, { previous })).toEqual(full);
  });

  it('groups again the quotes a quote now gone joined', () => {
    // g joined a and b (each shares all its words with g, none with the other); read again with
    // another speaker, it joins neither, and a and b are not one group any more.
    const a = quote('a', 'person:ada-x', 'alpha beta gamma delta epsilon zeta');
    const b = quote('c', 'person:ada-x', 'eta theta iota kappa lambda mu');
    const g = quote('b', null, 'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu');
    let previous: KeptQuoteGroups | undefined;
    expect(groupQuotes([a, g, b], { keep: (k) => (previous = k) }).map((x) => x.members)).toEqual([[0, 1, 2]]);
    const all = [a, { ...g, speaker: 'person:bo-y' }, b];
    expect(groupQuotes(all, { previous }).map((x) => x.members)).toEqual([[0], [1], [2]]);
  });

  it('takes the groups the add cannot change from the state', () => {
    const all = corpus(3, 80);
    const added = new Set(['a040', 'a041']);
    let previous: KeptQuoteGroups | undefined;
    groupQuotes(before(all, added, new Set()), { keep: (k) => (previous = k) });
    // A state whose groups are all single quotes: the groups the add left alone come out single.
    const alone = { ...previous!, group: Int32Array.from(previous!.group, (_, i) => i) };
    const full = groupQuotes(all);
    const taken = groupQuotes(all, { previous: alone });
    expect(taken.length).toBeGreaterThan(full.length);
    const fullMembers = new Set(full.map((g) => g.members.join(' ')));
    expect(taken.filter((g) => g.members.length > 1).every((g) => fullMembers.has(g.members.join(' ')))).toBe(true);
  });

  it('groups every quote again when the state is not of its shape', () => {
    const all = corpus(5, 40);
    let previous: KeptQuoteGroups | undefined;
    groupQuotes(all.slice(0, 30), { keep: (k) => (previous = k) });
    const broken = { ...previous!, group: Int32Array.from(previous!.group, () => 9999) };
    expect(groupQuotes(all, { previous: broken })).toEqual(groupQuotes(all));
  });
});
