/**
 * A compile given the claims of the compile before (compileMatcherReusing with PreviousClaims) gives
 * exactly the data of a full compile, on adds that keep most claims and on one that changes a held
 * article's records (a name the added articles make a person); and it takes a claim's readers'
 * output from the compile before only when every input they read is the same.
 */
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { analyseCorpus, type ArticleInput } from '../../../src/core/analysis/index';
import { claimInputKey, compileMatcher, compileMatcherReusing, previousClaimsOf, type ClaimScan, type PreviousClaims } from '../../../src/core/match/compile';
import { readCorpus } from '../../../scripts/lib/read-corpus';
import { generateCorpus } from '../../../scripts/bench/generate-corpus';
import { ROOT } from '../analysis/helpers';

/** Analysing and compiling 30 generated articles twice takes seconds on a loaded 2-core machine. */
const TIMEOUT_MS = 120_000;

/** `previous` counting the claims taken from it. */
function counting(previous: PreviousClaims): { previous: PreviousClaims; taken: () => number } {
  let taken = 0;
  return {
    previous: { inputs: previous.inputs, claim: (i) => (taken++, previous.claim(i)) },
    taken: () => taken,
  };
}

/** A claim scan as plain lists: each claim's hits and words (as words, not numbers). */
function scanOf(scan: ClaimScan): { hits: number[][]; words: string[][] } {
  const lists = (l: ClaimScan['hits']) => Array.from({ length: l.starts.length - 1 }, (_, i) => Array.from(l.values.subarray(l.starts[i], l.starts[i + 1])));
  return { hits: lists(scan.hits), words: lists(scan.words).map((ws) => ws.map((w) => scan.wordTable[w])) };
}

/** `previous` with its kept scan, counting the claims whose keys are taken from it. */
function scanning(previous: PreviousClaims): { previous: PreviousClaims; taken: () => number } {
  let taken = 0;
  const scan = previous.scan!;
  return {
    previous: { ...previous, scan: { ...scan, claimKeys: (i) => (taken++, scan.claimKeys(i)) } },
    taken: () => taken,
  };
}

const held: ArticleInput[] = [
  { id: 'h1', text: 'Harbour plan delayed\n\nThe harbour plan was delayed again on Monday after Orla Vance and the council disagreed over the budget of 40 million pounds.', meta: { outlet: 'Outlet One', date: '2024-03-04' } },
  { id: 'h2', text: 'Council meets\n\nThe council met on Tuesday to discuss the harbour plan and its budget of 40 million pounds, which officials said was too high.', meta: { outlet: 'Outlet Two', date: '2024-03-05' } },
];
const addedPerson: ArticleInput[] = [
  { id: 'a1', text: 'Vance speaks\n\nMs Orla Vance said the harbour plan would go ahead. Orla Vance said the budget of 40 million pounds was fair.', meta: { outlet: 'Outlet Three', date: '2024-03-06' } },
];

/** The held and added articles of a case, the added ones interleaved with the held in id order. */
function interleaved(all: ArticleInput[], added: number): { before: ArticleInput[]; after: ArticleInput[] } {
  const sorted = [...all].sort((a, b) => (a.id < b.id ? -1 : 1));
  const step = Math.ceil(all.length / added);
  return { before: sorted.filter((_, k) => k % step !== 1), after: sorted };
}

const cases: { name: string; articles: () => { before: ArticleInput[]; after: ArticleInput[] }; changesHeld: boolean }[] = [
  { name: 'seeds, 2 added to 3', articles: () => interleaved(readCorpus(resolve(ROOT, 'seeds')).articles, 2), changesHeld: false },
  { name: 'generated, 10 added to 20', articles: () => interleaved(generateCorpus({ articles: 30, seed: 11 }), 10), changesHeld: false },
  { name: 'a name the added article makes a person', articles: () => ({ before: held, after: [...held, ...addedPerson] }), changesHeld: true },
];

describe('a compile reusing the claims of the compile before', () => {
  it.each(cases)('$name: equals the full compile', ({ articles, changesHeld }) => {
    const { before, after } = articles();
    const first = analyseCorpus(before);
    const second = analyseCorpus(after);
    const prev = compileMatcherReusing(first);
    const { previous, taken } = counting(previousClaimsOf(prev.data, prev.claimInputs));
    // No claim checked first (REUSE_CHECKS): every claim whose inputs are kept is taken.
    const reused = compileMatcherReusing(second, previous, 0);
    const full = compileMatcherReusing(second);
    expect(JSON.stringify(reused.data)).toBe(JSON.stringify(compileMatcher(second)));
    expect(JSON.stringify(compileMatcherReusing(second, previousClaimsOf(prev.data, prev.claimInputs)).data)).toBe(JSON.stringify(reused.data));
    expect(JSON.stringify(full.data)).toBe(JSON.stringify(reused.data));
    expect(Array.from(reused.claimInputs)).toEqual(Array.from(full.claimInputs));
    // With the name hits kept too, unchanged claims' scan and keys are taken (PreviousScan): the same data, and the same hits for the next compile.
    const scanned = scanning(previousClaimsOf(prev.data, prev.claimInputs, prev.claimScan));
    const withScan = compileMatcherReusing(second, scanned.previous, 0);
    expect(JSON.stringify(withScan.data)).toBe(JSON.stringify(full.data));
    expect(scanOf(withScan.claimScan)).toEqual(scanOf(full.claimScan));
    expect(scanned.taken()).toBeGreaterThan(0);
    expect(JSON.stringify(compileMatcherReusing(second, previousClaimsOf(prev.data, prev.claimInputs, prev.claimScan)).data)).toBe(JSON.stringify(full.data));
    // Claims were taken (the test is not a full compile twice). An added claim can be taken too: the
    // key holds no article, and generated articles repeat sentences on one date.
    expect(taken()).toBeGreaterThan(0);
    if (changesHeld) {
      // The premise: the held article's records changed (she is a person now, and its claim names her).
      expect(first.entities.some((e) => e.name === 'Orla Vance' && e.kind === 'person')).toBe(false);
      expect(second.entities.some((e) => e.name === 'Orla Vance' && e.kind === 'person')).toBe(true);
      const mentionsHer = (index: typeof first) => index.claims.filter((c) => c.article === 'h1' && c.entities.includes('person:orla-vance')).length;
      expect(mentionsHer(first)).toBe(0);
      expect(mentionsHer(second)).toBeGreaterThan(0);
    }
  }, TIMEOUT_MS);

  it('takes a claim from the compile before exactly when its article date, text and sentence lead are the same', () => {
    const index = analyseCorpus(held);
    const prev = compileMatcherReusing(index);
    // Traits no reader makes: where they show up, the claim was taken, not read.
    const marked: PreviousClaims = { inputs: prev.claimInputs, claim: (i) => ({ flags: 0, traits: `["taken ${i}"]`, figures: [] }) };
    const again = compileMatcherReusing(index, marked, 0).data;
    expect(again.claimTraits).toEqual(prev.data.claims.map((_, i) => [`taken ${i}`]));
    // Checked first, such traits are not what the readers read: nothing is taken.
    expect(JSON.stringify(compileMatcherReusing(index, marked, 1).data)).toBe(JSON.stringify(prev.data));
    // Another date for h1: its claims' dates are read against it, so they are read again; h2's are taken.
    const redated = analyseCorpus([{ ...held[0], meta: { ...held[0].meta, date: '2024-04-01' } }, held[1]]);
    const after = compileMatcherReusing(redated, marked, 0).data;
    expect(after.claims.length).toBe(prev.data.claims.length);
    after.claims.forEach((sig, i) => {
      const article = after.articles[sig[0]];
      if (article === 'h1') expect(after.claimTraits![i]).toEqual(compileMatcher(redated).claimTraits![i]);
      else expect(after.claimTraits![i]).toEqual([`taken ${i}`]);
    });
  });

  it('takes the name scan of the compile before only for a text no changed name pattern can hit, and checks it first', () => {
    const first = analyseCorpus(held);
    const second = analyseCorpus([...held, ...addedPerson]);
    const prev = compileMatcherReusing(first);
    const full = compileMatcherReusing(second);
    // Hits of nothing, and no keys: where they are taken, the claim lost its keys.
    const none = { starts: new Int32Array(prev.claimInputs.length + 1), values: new Int32Array(0) };
    const emptied = previousClaimsOf(prev.data, prev.claimInputs, { ...prev.claimScan, hits: none });
    const blank: PreviousClaims = { ...emptied, scan: { ...emptied.scan!, claimKeys: () => [] } };
    const taken = compileMatcherReusing(second, blank, 0).data;
    // Every claim compiled, in the index's order (so claim i's text is the index's).
    expect(taken.claims.length).toBe(second.claims.length);
    let lost = 0;
    let again = 0;
    taken.claims.forEach((sig, i) => {
      // A held claim that does not name Orla Vance, whose patterns the add changed: its scan was taken.
      const held = taken.articles[sig[0]] !== 'a1';
      const text = second.claims[i].text;
      if (held && !/Orla|Vance/.test(text) && sig[3].length < full.data.claims[i][3].length) lost++;
      // One that names her is scanned again.
      if (/Orla|Vance/.test(text)) {
        // (As key strings: the keys the taken claims lost move the numbers of the others.)
        expect(sig[3].map((k) => taken.keys[k])).toEqual(full.data.claims[i][3].map((k) => full.data.keys[k]));
        again++;
      }
    });
    expect(lost).toBeGreaterThan(0);
    expect(again).toBeGreaterThan(0);
    // Checked first, such a scan is found wrong: none of it is taken.
    expect(JSON.stringify(compileMatcherReusing(second, blank, 1).data)).toBe(JSON.stringify(full.data));
  });

  it.each([
    { name: 'another date', a: ['2024-03-04', 'The plan was delayed.', ''], b: ['2024-03-05', 'The plan was delayed.', ''] },
    { name: 'another text', a: ['2024-03-04', 'The plan was delayed.', ''], b: ['2024-03-04', 'The plan was delayed!', ''] },
    { name: 'another lead', a: ['2024-03-04', 'he said', 'Speaking at the launch, he said'], b: ['2024-03-04', 'he said', 'Speaking at a launch, he said'] },
    { name: 'the same words cut elsewhere', a: ['2024-03-04', 'ab', 'c'], b: ['2024-03-04', 'a', 'bc'] },
  ])('input keys differ for $name', ({ a, b }) => {
    expect(claimInputKey(a[0], a[1], a[2])).not.toBe(claimInputKey(b[0], b[1], b[2]));
    expect(claimInputKey(a[0], a[1], a[2])).toBe(claimInputKey(a[0], a[1], a[2]));
  });
});
