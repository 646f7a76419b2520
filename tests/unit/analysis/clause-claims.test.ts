/**
 * Clause claims (step 7): a long sentence's clauses that state an event of their own are claims too,
 * of the sentence's actor, with ids "<article>#c<sentence>.<n>"; a short sentence is one claim. On
 * invented text (no seed words); each expectation is read off the sentence by hand.
 */
import { describe, expect, it } from 'vitest';
import { analyseCorpus } from '../../../src/core/analysis/index';
import { clauseSpans, LONG_SENTENCE_WORDS, MIN_CLAUSE_WORDS } from '../../../src/core/analysis/07-claims';
import type { Token } from '../../../src/core/analysis/context';

const LONG =
  'Ana Ruiz, who took office after the council elections last spring, opened the new ferry terminal on the north quay while hundreds of passengers waited in the rain outside.';
const SHORT = 'Ana Ruiz, the mayor, opened the old ferry terminal on the south quay.';
const index = analyseCorpus([{ id: 'x1', text: ['Ferry terminal opens at the harbour', LONG, SHORT].join('\n\n') }]);
const sentenceOf = (text: string) => index.articles[0].sentences.findIndex((s) => index.articles[0].text.slice(s.start, s.end) === text);

/** Tokens of a plain sentence: words and single punctuation marks, offsets into it. */
function tokens(text: string): Token[] {
  return [...text.matchAll(/[\p{L}\p{N}']+|[^\s\p{L}\p{N}]/gu)].map((m, i) => {
    const isWord = /[\p{L}\p{N}]/u.test(m[0]);
    return { text: m[0], norm: m[0].toLowerCase(), start: m.index!, end: m.index! + m[0].length, isWord, isCap: /^\p{Lu}/u.test(m[0]), isSentenceStart: i === 0, isPossessive: false, sentence: 0 };
  });
}
const clauses = (text: string) => {
  const t = tokens(text);
  return clauseSpans(t, () => false).map(([a, b]) => text.slice(t[a].start, t[b - 1].end));
};

describe('clauseSpans', () => {
  it.each([
    // Cut at commas and before "who"/"while"; a stretch under MIN_CLAUSE_WORDS words ("The mayor",
    // "will open the depot") joins the next; the sentence's last mark stays with its last clause.
    ['The mayor, who took office in May, will open the depot while crews wait outside the gates.', ['The mayor, who took office in May', 'will open the depot while crews wait outside the gates.']],
    ['The mayor, who took office in May, will open the new bus depot while the crews wait outside the gates.', ['The mayor, who took office in May', 'will open the new bus depot', 'while the crews wait outside the gates.']],
    // No break: one clause.
    ['The board approved the new budget for the coming year.', ['The board approved the new budget for the coming year.']],
    // The last short stretch joins the one before it.
    ['The board approved the new budget, she said.', ['The board approved the new budget, she said.']],
  ])('%s', (text, expected) => {
    expect(MIN_CLAUSE_WORDS).toBe(5);
    expect(clauses(text)).toEqual(expected);
  });

  it('never cuts inside quotation marks', () => {
    const text = 'The union, which called the offer "late, costly, and after all unwanted", rejected the pay deal by a large margin.';
    const t = tokens(text);
    const open = text.indexOf('"');
    const close = text.lastIndexOf('"');
    const got = clauseSpans(t, (i) => t[i].start > open && t[i].start < close).map(([a, b]) => text.slice(t[a].start, t[b - 1].end));
    expect(got).toEqual(['The union, which called the offer "late, costly, and after all unwanted"', 'rejected the pay deal by a large margin.']);
  });
});

describe('clause claims', () => {
  it('the long sentence is a claim, and so is each clause with an event of its own, of the sentence\'s actor', () => {
    expect(LONG.split(/\s+/).length).toBeGreaterThan(LONG_SENTENCE_WORDS);
    const s = sentenceOf(LONG);
    const own = index.claims.filter((c) => c.sentence === s);
    expect(own[0]).toMatchObject({ id: `x1#c${s}`, text: LONG });
    const parts = own.slice(1);
    expect(parts.map((c) => c.id)).toEqual(parts.map((_, k) => `x1#c${s}.${k + 1}`));
    const texts = parts.map((c) => c.text);
    expect(texts).toContain('opened the new ferry terminal on the north quay');
    expect(texts).toContain('while hundreds of passengers waited in the rain outside.');
    // "after the council elections last spring" has no event verb of its own.
    expect(texts.some((t) => t.startsWith('after'))).toBe(false);
    const actor = own[0].entities.find((e) => e.startsWith('person:'));
    expect(actor).toBeDefined();
    for (const c of parts) expect(c.entities).toContain(actor);
  });

  it('a short sentence is one claim, whatever its commas', () => {
    const s = sentenceOf(SHORT);
    expect(index.claims.filter((c) => c.sentence === s).map((c) => c.text)).toEqual([SHORT]);
  });

  it('clause claims stay out of claim groups: each is alone in its own', () => {
    for (const c of index.claims.filter((x) => x.id.includes('.'))) {
      expect(index.claimGroups.find((g) => g.id === c.group)!.members.map((m) => m.claim)).toEqual([c.id]);
    }
  });
});
