import { describe, expect, it } from 'vitest';
import { compileMatcher, createMatcher } from '../../../src/core/match';
import { wordVectors } from '../../../scripts/lib/word-vectors';
import { buildMiniIndex } from '../../fixtures/mini-corpus/mini-index';
import { detect, mini, miniData, miniMatcher } from './helpers';

const claim = (text: string) => detect(text, 'claim');
const relations = (d: { coverage: { article: string; relation: string }[] }) => Object.fromEntries(d.coverage.map((c) => [c.article, c.relation]));

describe('claims', () => {
  it('links a paraphrase with another number form and agrees with the same figure', () => {
    // a1: "close for repairs for 14 weeks"; "fourteen" is 14. The sentence names the actor and the
    // time as a1 does: the fitted re-ranker rightly doubts one that drops her and differs in its time
    // words, and a reporting clause ("the mayor said") makes it a difference of certainty (relate.ts).
    const [d] = claim('Ada Quint will keep the Kessel Bridge closed for fourteen weeks of repairs from next month.');
    expect(d.id).toBe('cg:duration');
    expect(relations(d).a1).toBe('agrees');
    expect(d.coverage.find((c) => c.article === 'a1')!.excerpt).toContain('14 weeks');
  });

  it('marks a conflicting figure as differs with both values side by side', () => {
    // a1 says "About 1,200", a2 "Some 2,000" dock workers; the page says 5,000.
    const [d] = claim('5,000 dock workers marched on Sunday in protest against the bridge closure.');
    expect(d.id).toBe('cg:march');
    const a1 = d.coverage.find((c) => c.article === 'a1')!;
    expect(a1.relation).toBe('differs');
    expect(a1.values).toEqual({ attribute: 'figure', kind: 'contradiction', page: '5,000', corpus: 'About 1,200' });
    expect(d.coverage.find((c) => c.article === 'a2')!.values).toEqual({ attribute: 'figure', kind: 'contradiction', page: '5,000', corpus: 'Some 2,000' });
  });

  it('agrees with the article whose figure matches and differs from the other', () => {
    const [d] = claim('Around 2,000 dock workers marched on Sunday against the closure of the bridge.');
    expect(relations(d)).toMatchObject({ a1: 'differs', a2: 'agrees' });
  });

  it('flags a conflicting place', () => {
    // a2 places the march in Westford; a1 in Eastport.
    const [d] = claim('Dock workers marched through Westford on Sunday against the closure.');
    expect(d.id).toBe('cg:march');
    const a1 = d.coverage.find((c) => c.article === 'a1')!;
    expect(a1.relation).toBe('differs');
    expect(a1.values).toEqual({ attribute: 'place', kind: 'contradiction', page: 'Westford', corpus: 'Eastport' });
    expect(relations(d).a2).toBe('agrees');
  });

  it('treats money in different forms as the same figure', () => {
    // The figure is what this test is about: the sentence keeps a1's actor, so the re-ranker's
    // doubt about a missing actor (fitted on the dev split) does not decide it.
    const [d] = claim('Union leader Tomas Berg says the repairs will cost workers 3.5 million pounds in lost wages.');
    expect(d.id).toBe('cg:wages');
    expect(d.coverage.find((c) => c.article === 'a1')?.values?.attribute).not.toBe('figure');
  });

  it.each([
    'The weather in Eastport was sunny with 14 degrees on Sunday.',
    'Dock Street will close for two weeks while the council repaints it.',
    'The football club signed 40,000 new season ticket holders this year.',
    'Workers at the bakery said the bread was fresh.',
    'Quintessential English weather returned on Sunday.',
  ])('an unrelated sentence matches nothing: %j', (text) => {
    expect(claim(text)).toEqual([]);
  });
});

describe('quotes', () => {
  it('same-quote when the words are the corpus wording, cut', () => {
    const [d] = detect('She said: “We will not let this city be cut in two” at the meeting.', 'quote');
    expect(d.id).toBe('qg:cut-in-two');
    expect(d.text).toBe('We will not let this city be cut in two');
    expect(relations(d)).toEqual({ a1: 'same-quote', a2: 'variant-quote' });
    const a2 = d.coverage.find((c) => c.article === 'a2')!;
    expect(a2.diff).toContainEqual({ op: 'removed', text: 'allow' });
    expect(a2.diff).toContainEqual({ op: 'added', text: 'let' });
  });

  it('variant-quote when reworded a little, with straight single quotes', () => {
    const [d] = detect("Berg insisted 'our members did not cause the cracks and should not pay for them'.", 'quote');
    expect(d.id).toBe('qg:members-pay');
    expect(relations(d)).toEqual({ a3: 'variant-quote' });
  });

  it('ignores scare quotes, apostrophes and unrelated speech', () => {
    expect(detect('The "crumbling" bridge is Quint\'s problem.', 'quote')).toEqual([]);
    expect(detect('"We will win the cup this year," the coach said.', 'quote')).toEqual([]);
    expect(detect("It's the workers' bridge, isn't it?", 'quote')).toEqual([]);
  });
});

describe('determinism and incremental scans', () => {
  it('compiles byte-identical data from the same index', () => {
    expect(JSON.stringify(compileMatcher(buildMiniIndex()))).toBe(JSON.stringify(miniData));
  });

  it('gives the same result for the same text, scanned again or by a fresh matcher from JSON', () => {
    const text = 'Ms Quint said the Kessel Bridge will close for 14 weeks. "We will not let this city be cut in two," she said.';
    const first = miniMatcher.scan(text);
    expect(miniMatcher.scan('unrelated text in between')).toEqual([]);
    expect(miniMatcher.scan(text)).toEqual(first);
    expect(createMatcher(JSON.parse(JSON.stringify(miniData)), { vectors: wordVectors() }).scan(text)).toEqual(first);
  });

  it('scanning block by block finds what one scan finds, at block offsets', () => {
    const blocks = ['Ms Quint said the Kessel Bridge will close for repairs for fourteen weeks.', 'Berg’s union disagreed.'];
    const whole = miniMatcher.scan(blocks.join('\n\n'));
    const parts = blocks.flatMap((b, i) => miniMatcher.scan(b).map((m) => ({ ...m, start: m.start + (i ? blocks[0].length + 2 : 0), end: m.end + (i ? blocks[0].length + 2 : 0) })));
    expect(parts).toEqual(whole);
  });

  it('keeps corpus sentences out of the compact data', () => {
    const json = JSON.stringify(miniData);
    for (const c of mini.claims) expect(json).not.toContain(c.text.slice(0, 30));
  });
});
