/**
 * The evaluation's own scoring (scripts/lib/claim-eval.ts), on a hand-made alignment of invented
 * articles and hand-made detections, so every expected count can be checked by reading the test.
 */
import { describe, expect, it } from 'vitest';
import type { Coverage, Detection, Relation } from '../../../src/core/index/types';
import { checkAlignment, scoreDetections, type Alignment } from '../../../scripts/lib/claim-eval';
import { HELD_BACK_SHARE, isHeldBack } from '../../../scripts/lib/devset-split';

const PAGE = 'The ferry will stop on Friday. About 300 staff face cuts. "We will not sink," she said. The bakery in Dunmore reopened.';
const texts = new Map([
  ['a', PAGE],
  ['b', 'The ferry stops on Friday. Some 350 employees face cuts.'],
  ['c', 'Ms Quint said: "We will not sink." A bakery in Dunmore reopened in 2019.'],
]);
const alignment: Alignment = {
  kinds: { number: 'a figure differs', certainty: 'modality', 'quote-cut': 'cut', 'adds-context': 'adds' },
  facts: [
    {
      id: 'ferry',
      type: 'claim',
      gist: 'the ferry stops on Friday',
      members: [
        { article: 'a', text: 'The ferry will stop on Friday.' },
        { article: 'b', text: 'The ferry stops on Friday.' },
      ],
      differences: [{ articles: ['a', 'b'], kind: 'certainty' }],
    },
    {
      id: 'cuts',
      type: 'claim',
      gist: 'staff face cuts',
      members: [
        { article: 'a', text: 'About 300 staff face cuts.' },
        { article: 'b', text: 'Some 350 employees face cuts.' },
      ],
      differences: [
        { articles: ['a', 'b'], kind: 'number' },
        { articles: ['a', 'b'], kind: 'adds-context' },
      ],
    },
    {
      id: 'quote',
      type: 'quote',
      gist: 'we will not sink',
      members: [
        { article: 'a', text: '"We will not sink," she said.' },
        { article: 'c', text: '"We will not sink."' },
      ],
      differences: [{ articles: ['a', 'c'], kind: 'quote-cut' }],
    },
  ],
  distinct: [
    {
      id: 'bakery',
      note: 'another reopening',
      members: [
        { article: 'a', text: 'The bakery in Dunmore reopened.' },
        { article: 'c', text: 'A bakery in Dunmore reopened in 2019.' },
      ],
    },
  ],
};

/** A claim detection of the page sentence `sentence`, covering the given articles with the given relations. */
function detection(sentence: string, links: [string, Relation][]): Detection {
  const start = PAGE.indexOf(sentence);
  const coverage: Coverage[] = links.map(([article, relation]) => ({ article, outlet: article, relation, excerpt: `excerpt of ${article}`, score: 0.5 }));
  return { kind: 'claim', text: sentence, start, end: start + sentence.length, id: 'g', coverage, score: 0.5 };
}

describe('leave-one-outlet-out scoring', () => {
  it('counts links, misses, near misses and flagged differences as defined', () => {
    const s = scoreDetections(
      'a',
      PAGE,
      [
        detection('The ferry will stop on Friday.', [['b', 'agrees']]), // right article, certainty not flagged
        detection('About 300 staff', [['b', 'differs'], ['c', 'agrees']]), // overlaps the cuts sentence: b right (number flagged), c wrong
        detection('The bakery in Dunmore reopened.', [['c', 'agrees']]), // a near miss
        { ...detection('"We will not sink,"', []), kind: 'person' }, // not a statement: ignored
      ],
      alignment,
    );
    expect({ predicted: s.predicted, correct: s.correct, nearMiss: s.nearMiss }).toEqual({ predicted: 4, correct: 2, nearMiss: 1 });
    // expected units: ferry→b, cuts→b, quote→c; found: ferry, cuts
    expect({ expected: s.expected, found: s.found }).toEqual({ expected: 3, found: 2 });
    // real differences: certainty (ferry), number (cuts); quote-cut and adds-context are not counted
    expect({ differences: s.differences, flagged: s.flagged }).toEqual({ differences: 2, flagged: 1 });
    expect(Object.fromEntries(s.byKind)).toEqual({
      certainty: { units: 1, linked: 1, flagged: 0, named: 0 },
      number: { units: 1, linked: 1, flagged: 1, named: 0 },
      'adds-context': { units: 1, linked: 1, flagged: 0, named: 0 },
      'quote-cut': { units: 1, linked: 0, flagged: 0, named: 0 },
    });
  });

  it('counts a difference as named when a covering link carries a matching kind (on the right attribute)', () => {
    const withKinds = (d: Detection, values: NonNullable<Coverage['differences']>): Detection => ({
      ...d,
      coverage: d.coverage.map((c) => ({ ...c, kind: values[0].kind, values: values[0], differences: values })),
    });
    const s = scoreDetections(
      'a',
      PAGE,
      [
        // certainty named by a certainty kind
        withKinds(detection('The ferry will stop on Friday.', [['b', 'differs']]), [{ attribute: 'certainty', kind: 'less-certain', page: 'will', corpus: 'stated' }]),
        // a precision kind on a place does not name a number difference
        withKinds(detection('About 300 staff', [['b', 'differs']]), [{ attribute: 'place', kind: 'more-precise', page: 'x', corpus: 'y' }]),
      ],
      alignment,
    );
    expect({ differences: s.differences, flagged: s.flagged, named: s.named }).toEqual({ differences: 2, flagged: 2, named: 1 });
    expect(s.byKind.get('certainty')).toEqual({ units: 1, linked: 1, flagged: 1, named: 1 });
    expect(s.byKind.get('number')).toEqual({ units: 1, linked: 1, flagged: 1, named: 0 });
  });

  it('scores nothing predicted as no links and every expected unit missed', () => {
    const s = scoreDetections('b', texts.get('b')!, [], alignment);
    expect([s.predicted, s.expected, s.found, s.differences]).toEqual([0, 2, 0, 2]);
  });

  it.each([
    ['a sentence not in its article', { article: 'b', text: 'The ferry sails.' }, /fact ferry: sentence not found verbatim in b/],
    ['a text found twice', { article: 'b', text: ' f' }, /fact ferry: sentence found more than once in b/],
    ['an unknown article', { article: 'z', text: 'x' }, /fact ferry: unknown article z/],
  ])('rejects an alignment with %s, naming the fact', (_name, member, message) => {
    const bad: Alignment = { ...alignment, facts: [{ ...alignment.facts[0], members: [...alignment.facts[0].members, member] }] };
    expect(() => checkAlignment(bad, texts, 'seeds.json')).toThrow(message);
  });

  it('rejects an unknown difference kind', () => {
    const bad: Alignment = { ...alignment, facts: [{ ...alignment.facts[0], differences: [{ articles: ['a', 'b'], kind: 'colour' }] }] };
    expect(() => checkAlignment(bad, texts, 'seeds.json')).toThrow(/fact ferry: unknown difference kind colour/);
  });
});

describe('the held-back split', () => {
  it('holds back only second-round items, about HELD_BACK_SHARE of them, the same way every time', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `item-${i}`);
    const held = ids.filter((id) => isHeldBack({ id, hard: 'paraphrase' }));
    expect(Math.abs(held.length / ids.length - HELD_BACK_SHARE)).toBeLessThan(0.05);
    expect(ids.filter((id) => isHeldBack({ id, hard: 'paraphrase' }))).toEqual(held);
    expect(ids.some((id) => isHeldBack({ id }))).toBe(false);
  });
});
