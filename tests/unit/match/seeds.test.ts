/** Lookups against the seeds index, asserting facts checked by hand against seeds/*.txt. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CorpusIndex } from '../../../src/core/index/types';
import { seedsIndex } from '../../fixtures/seeds-index/seeds-index';
import { lookup, recognise } from '../../../scripts/lib/lookup';

const INDEX = process.env.COVERAGE_LENS_INDEX ?? '';
// Without an override, the seeds index is built in this process exactly as `npm run build:index`
// does, so the test never depends on (or skips for) the state of src/generated/.
const index: CorpusIndex = process.env.COVERAGE_LENS_INDEX
  ? (JSON.parse(readFileSync(INDEX, 'utf8')) as CorpusIndex)
  : seedsIndex().index;
const A0 = '000_5b9c0c38efeb50af';
const A1 = '001_b5e3c0370b58277f';

describe('lookup on the seeds index', () => {
  const find = (text: string) => recognise(text, index);

  it('lookup prints what the page marks: lone surnames are held until the page names the person in full', () => {
    // Issue 10: the matcher recognises both lone surnames; the page marks neither.
    const lone = 'Smith said the plan would fail. Corbyn agreed.';
    expect(recognise(lone, index).filter((d) => d.kind === 'person').map((d) => d.text)).toEqual(['Smith', 'Corbyn']);
    expect(lookup(lone, index).detections.filter((d) => d.kind === 'person')).toEqual([]);
    // A later paragraph naming him in full releases "Corbyn" (offsets into the whole input).
    const named = `${lone}\n\nJeremy Corbyn spoke later.`;
    const people = lookup(named, index).detections.filter((d) => d.kind === 'person');
    expect(people.map((d) => [d.text, d.start, named.slice(d.start, d.end)])).toEqual([
      ['Corbyn', 32, 'Corbyn'],
      ['Jeremy Corbyn', 48, 'Jeremy Corbyn'],
    ]);
  });

  it('finds Corbyn in every article, never inside "Corbynite"', () => {
    const text = 'A Corbynite MP praised Mr Corbyn’s speech.';
    const people = find(text).filter((d) => d.kind === 'person');
    expect(people.map((d) => [d.text, d.entity, d.start, d.end])).toEqual([['Mr Corbyn’s', 'Jeremy Corbyn', 23, 34]]);
    // All five seeds articles mention him (e.g. 004: "support for Jeremy Corbyn").
    expect(people[0].coverage.map((c) => c.article)).toHaveLength(5);
  });

  it('finds McCluskey’s with the curly possessive at exact offsets', () => {
    const text = '😀 McCluskey’s claim';
    const [d] = find(text).filter((x) => x.kind === 'person');
    expect(d).toMatchObject({ text: 'McCluskey’s', entity: 'Len McCluskey', start: 3, end: 14 });
  });

  it('links "more than 40" to the letter and shows 28 against it', () => {
    // 000: "28 women Labour MPs wrote to him"; 001: "more than 40 female Labour MPs have written".
    const claim = find('More than 40 women Labour MPs have written to Mr Corbyn about the abuse.').find((d) => d.kind === 'claim')!;
    const a0 = claim.coverage.find((c) => c.article === A0)!;
    expect(a0.relation).toBe('differs');
    expect(a0.values).toEqual({ attribute: 'figure', kind: 'contradiction', page: 'More than 40', corpus: '28' });
    expect(a0.excerpt).toContain('28 women Labour MPs');
    expect(claim.coverage.find((c) => c.article === A1)!.relation).toBe('agrees');
  });

  it('puts a quote paragraph as its quote was introduced, on the page and in the corpus', () => {
    // 000 is the advance text: its paragraph "We have lost the last two general elections. …" continues a quote
    // "he is expected to say"; 002 reports it delivered ("He told them: …").
    const A2 = '002_faa01f1d6eb7e0ab';
    const relations = (intro: string) => {
      // The paragraph's other words are in no outlet's quote: its first sentence is matched as a claim.
      const claim = find(`${intro}\n\n"We have lost the last two general elections. Our opponents thought the party was finished and they were wrong about that too."`).find((d) => d.kind === 'claim' && d.text.includes('lost the last two'))!;
      return Object.fromEntries(
        [A0, A2].map((a) => {
          const c = claim.coverage.find((x) => x.article === a)!;
          return [a, `${c.relation} ${c.kind ?? ''}`.trim()];
        }),
      );
    };
    // Delivered on the page: the advance text is less certain.
    expect(relations('He told the rally: "We will win this time."')).toEqual({ [A0]: 'differs less-certain', [A2]: 'agrees' });
    // Advance text on the page, the paragraph before saying so: the delivered words are the more certain.
    expect(relations('"We will win this time," he is expected to say.')).toEqual({ [A0]: 'agrees', [A2]: 'differs more-certain' });
  });

  it('matches the "social movement" quote as reported by three outlets', () => {
    const quote = find('He said: "We will win the next general election only as a social movement."').find((d) => d.kind === 'quote')!;
    expect(quote.coverage.map((c) => c.article).sort()).toEqual([A0, A1, '002_faa01f1d6eb7e0ab']);
    // 000 and 002 use these very words; 001 has "we will only win the next general election because…".
    // 000 is the advance text ("he is expected to say"): the same words, less certain than "He said".
    expect(Object.fromEntries(quote.coverage.map((c) => [c.article, c.relation]))).toEqual({ [A0]: 'differs', [A1]: 'variant-quote', '002_faa01f1d6eb7e0ab': 'same-quote' });
    expect(quote.coverage.find((c) => c.article === A0)!.differences?.map((d) => d.kind)).toEqual(['less-certain', 'quote-cut']);
  });
});
