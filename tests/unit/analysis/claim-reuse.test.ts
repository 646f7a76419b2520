/**
 * An add given the previous analysis's state (claim-reuse.ts) takes the kept claims of the
 * articles whose claim inputs did not change and re-extracts the rest; the index stays the one a
 * full analysis of all the articles gives, byte for byte, on real and generated corpora, for one
 * add and for two in a row.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseCorpus, type AnalysisState, type ArticleInput } from '../../../src/core/analysis/index';
import { analyseIncrement } from '../../../src/core/analysis/incremental';
import { digest } from '../../../src/core/match/symbols';
import { readCorpus, serialiseIndex } from '../../../scripts/lib/read-corpus';
import { generateCorpus } from '../../../scripts/bench/generate-corpus';
import { ROOT } from './helpers';

const folder = (dir: string): ArticleInput[] => readCorpus(resolve(ROOT, dir)).articles;
/** Generating and analysing 60 articles several times takes tens of seconds on a loaded 2-core machine. */
const GENERATION_TIMEOUT_MS = 240_000;

/** The articles of `all` taken out from the middle of the id order (so they interleave with the rest), and the rest. */
function split(all: ArticleInput[], added: number, at = 0.5): { oldOnes: ArticleInput[]; newOnes: ArticleInput[] } {
  const sorted = [...all].sort((a, b) => (a.id < b.id ? -1 : 1));
  const from = Math.floor((sorted.length - added) * at);
  const newOnes = sorted.slice(from, from + added);
  return { oldOnes: sorted.filter((a) => !newOnes.includes(a)), newOnes };
}

/** How many of `next`'s articles have the very entry `previous` kept (claims taken, not made again). */
function taken(previous: AnalysisState, next: AnalysisState): number {
  let n = 0;
  for (const [id, kept] of next.claims) if (previous.claims.get(id) === kept) n++;
  return n;
}

/** `reuses`: whether some held article keeps its claims (3 seeds added to 2 change what both held ones name and quote). */
const cases: { name: string; articles: () => ArticleInput[]; added: number; reuses: boolean }[] = [
  { name: 'seeds, 1 added to 4', articles: () => folder('seeds'), added: 1, reuses: true },
  { name: 'seeds, 3 added to 2', articles: () => folder('seeds'), added: 3, reuses: false },
  { name: 'second corpus, 2 added', articles: () => folder('tests/fixtures/corpora/second'), added: 2, reuses: true },
  { name: 'generated, 10 added to 50', articles: () => generateCorpus({ articles: 60, seed: 23 }), added: 10, reuses: true },
];

describe('analysis state', () => {
  it.each(cases)('$name: an add with the previous state equals the full analysis', ({ articles, added, reuses }) => {
    const all = articles();
    const { oldOnes, newOnes } = split(all, added);
    let state: AnalysisState | undefined;
    const previous = analyseCorpus(oldOnes, undefined, undefined, { onState: (s) => (state = s) });
    expect(state!.claims.size).toBe(oldOnes.length);
    let next: AnalysisState | undefined;
    const index = analyseIncrement(previous.articles, newOnes, undefined, { previous: state, onState: (s) => (next = s) });
    expect(serialiseIndex(index)).toBe(serialiseIndex(analyseCorpus(all)));
    expect(next!.claims.size).toBe(all.length);
    // Held articles' claims were taken, not made again (the added ones cannot be).
    if (reuses) expect(taken(state!, next!)).toBeGreaterThan(0);
    expect(taken(state!, next!)).toBeLessThanOrEqual(oldOnes.length);
  }, GENERATION_TIMEOUT_MS);

  it('two adds in a row, each with the state the last left, equal the full analysis', () => {
    const all = generateCorpus({ articles: 60, seed: 29 });
    const { oldOnes, newOnes: first } = split(all, 8, 0.3);
    const { oldOnes: start, newOnes: second } = split(oldOnes, 8, 0.7);
    let state: AnalysisState | undefined;
    const a = analyseCorpus(start, undefined, undefined, { onState: (s) => (state = s) });
    const b = analyseIncrement(a.articles, second, undefined, { previous: state, onState: (s) => (state = s) });
    expect(serialiseIndex(b)).toBe(serialiseIndex(analyseCorpus([...start, ...second])));
    const c = analyseIncrement(b.articles, first, undefined, { previous: state, onState: (s) => (state = s) });
    expect(serialiseIndex(c)).toBe(serialiseIndex(analyseCorpus(all)));
  }, GENERATION_TIMEOUT_MS);

  it('re-extracts a held article whose adds changed its inputs: a name the added articles make a person', () => {
    // "Orla Vance" is named once in the held article with nothing saying what she is; the added
    // articles give her a title and a speech verb, so she becomes a person and the held article
    // gains a mention: its kept claims no longer fit and must be made again.
    const held: ArticleInput[] = [
      { id: 'h1', text: 'Harbour plan delayed\n\nThe harbour plan was delayed again on Monday after Orla Vance and the council disagreed over the budget of 40 million pounds.', meta: { outlet: 'Outlet One', date: '2024-03-04' } },
      { id: 'h2', text: 'Council meets\n\nThe council met on Tuesday to discuss the harbour plan and its budget of 40 million pounds, which officials said was too high.', meta: { outlet: 'Outlet Two', date: '2024-03-05' } },
    ];
    const added: ArticleInput[] = [
      { id: 'a1', text: 'Vance speaks\n\nMs Orla Vance said the harbour plan would go ahead. Orla Vance said the budget of 40 million pounds was fair.', meta: { outlet: 'Outlet Three', date: '2024-03-06' } },
    ];
    let state: AnalysisState | undefined;
    const previous = analyseCorpus(held, undefined, undefined, { onState: (s) => (state = s) });
    let next: AnalysisState | undefined;
    const index = analyseIncrement(previous.articles, added, undefined, { previous: state, onState: (s) => (next = s) });
    const whole = analyseCorpus([...held, ...added]);
    expect(serialiseIndex(index)).toBe(serialiseIndex(whole));
    // The premise: h1 names her as a person only after the add.
    const person = whole.entities.find((e) => e.name === 'Orla Vance');
    expect(person?.kind).toBe('person');
    expect(previous.entities.some((e) => e.name === 'Orla Vance' && e.kind === 'person')).toBe(false);
    expect(next!.claims.get('h1')).not.toBe(state!.claims.get('h1'));
    expect(next!.claims.get('h2')).toBe(state!.claims.get('h2'));
  });

  it('re-extracts an article when a place word it asked about is answered otherwise', () => {
    const seeds = folder('seeds');
    let state: AnalysisState | undefined;
    const previous = analyseCorpus(seeds.slice(0, 4), undefined, undefined, { onState: (s) => (state = s) });
    // A state whose first article asked about places, with its first answer turned round.
    const [id, kept] = [...state!.claims].find(([, k]) => k.asked.length > 0)!;
    const flipped = (kept.answers[0] === '1' ? '0' : '1') + kept.answers.slice(1);
    const stale: AnalysisState = { claims: new Map([...state!.claims, [id, { ...kept, answers: flipped, claims: [] }]]), diffs: state!.diffs };
    let next: AnalysisState | undefined;
    const index = analyseIncrement(previous.articles, seeds.slice(4), undefined, { previous: stale, onState: (s) => (next = s) });
    expect(serialiseIndex(index)).toBe(serialiseIndex(analyseCorpus(seeds)));
    expect(next!.claims.get(id)!.claims.length).toBeGreaterThan(0);
  });
});

describe('claim groups kept in the state', () => {
  it('an add groups again only what it can change: the rest are the groups the state names', () => {
    const all = generateCorpus({ articles: 60, seed: 23 });
    const { oldOnes, newOnes } = split(all, 10);
    let state: AnalysisState | undefined;
    const previous = analyseCorpus(oldOnes, undefined, undefined, { onState: (s) => (state = s) });
    const kept = state!.claimGroups!;
    // The premise: the state holds every claim's group and component, and some groups of several claims.
    expect(kept.group.length).toBe(previous.claims.length);
    expect(kept.component.length).toBe(previous.claims.length);
    expect(new Set(kept.group).size).toBeLessThan(previous.claims.length);
    let next: AnalysisState | undefined;
    const index = analyseIncrement(previous.articles, newOnes, undefined, { previous: state, onState: (s) => (next = s) });
    const full = analyseCorpus(all);
    expect(serialiseIndex(index)).toBe(serialiseIndex(full));
    expect(next!.claimGroups!.group.length).toBe(full.claims.length);
    // A state whose groups are all single claims: the groups the add left alone come out single,
    // so they were taken from the state, not grouped again; what it groups again is as the full analysis's.
    const alone: AnalysisState = { ...state!, claimGroups: { ...kept, group: Int32Array.from(kept.group, (_, i) => i) } };
    const taken = analyseIncrement(previous.articles, newOnes, undefined, { previous: alone });
    expect(taken.claims.map((c) => c.text)).toEqual(full.claims.map((c) => c.text));
    expect(taken.claimGroups.length).toBeGreaterThan(full.claimGroups.length);
    const fullMembers = new Set(full.claimGroups.map((g) => g.members.map((m) => m.claim).join(' ')));
    const regrouped = taken.claimGroups.filter((g) => g.members.length > 1);
    expect(regrouped.every((g) => fullMembers.has(g.members.map((m) => m.claim).join(' ')))).toBe(true);
  }, GENERATION_TIMEOUT_MS);
});

describe('digest', () => {
  it('gives 32 hex digits, the same for the same text, another for a text one unit, one unit longer or one pair of units apart', () => {
    const text = 'abc' + JSON.stringify([[['person:orla-vance', 10, 20, 1, 'Orla Vance', 2, 4, false]], [], [], []]);
    expect(digest(text)).toMatch(/^[0-9a-f]{32}$/);
    expect(digest(text)).toBe(digest(`${text}`));
    const others = new Set<string>([digest(text)]);
    for (let k = 0; k < text.length; k++) others.add(digest(text.slice(0, k) + String.fromCharCode(text.charCodeAt(k) ^ 1) + text.slice(k + 1)));
    others.add(digest(`${text}\u0000`));
    others.add(digest(text.slice(0, -1)));
    // Two units swapped, within a pair and across two (the hash reads units two at a time).
    others.add(digest(text[1] + text[0] + text.slice(2)));
    others.add(digest(text[0] + text[2] + text[1] + text.slice(3)));
    expect(others.size).toBe(text.length + 5);
  });
});
