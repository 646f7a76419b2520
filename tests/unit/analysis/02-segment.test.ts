import { describe, expect, it } from 'vitest';
import { findQuotedRegions, segmentSentences, tokenize } from '../../../src/core/analysis/02-segment';
import type { Span } from '../../../src/core/index/types';

function paragraphsOf(text: string): Span[] {
  const out: Span[] = [];
  let at = 0;
  for (const p of text.split('\n\n')) {
    out.push({ start: at, end: at + p.length });
    at += p.length + 2;
  }
  return out;
}

function quotes(text: string): string[][] {
  return findQuotedRegions(text, paragraphsOf(text)).map((r) => r.segments.map((s) => text.slice(s.start, s.end)));
}

describe('02-segment: sentences', () => {
  it.each([
    ['Mr. Smith arrived. He spoke.', ['Mr. Smith arrived.', 'He spoke.']],
    ['Dr. A. Jones left. Then rain.', ['Dr. A. Jones left.', 'Then rain.']],
    ['"We will win," he said. "We must."', ['"We will win," he said.', '"We must."']],
  ])('%j', (text, expected) => {
    const s = segmentSentences(text, [{ start: 0, end: text.length }]);
    expect(s.map((x) => text.slice(x.start, x.end))).toEqual(expected);
  });

  it('never crosses paragraphs', () => {
    const text = 'One without a stop\n\nTwo.';
    expect(segmentSentences(text, paragraphsOf(text)).map((x) => text.slice(x.start, x.end))).toEqual(['One without a stop', 'Two.']);
  });

  it('glues possessives and marks them', () => {
    const text = 'The Staffs’ Association and MI5’s view.';
    const { tokens } = tokenize(text, [{ start: 0, end: text.length }]);
    expect(tokens.filter((t) => t.isPossessive).map((t) => [t.text, t.norm])).toEqual([
      ['Staffs’', 'staffs'],
      ['MI5’s', 'mi5'],
    ]);
  });

  it('segments a 10,000-character sentence as one sentence', () => {
    const text = 'word '.repeat(2000).trim() + '.';
    const s = segmentSentences(text, [{ start: 0, end: text.length }]);
    tokenize(text, s);
    expect(s).toHaveLength(1);
  });
});

describe('02-segment: quoted regions', () => {
  it.each<[string, string, string[][]]>([
    ['simple', 'He said: "We will win."', [['We will win.']]],
    ['curly', 'He said: “We will win.”', [['We will win.']]],
    ['two in a paragraph', '"One two," he said. "Three four."', [['One two,'], ['Three four.']]],
    ['continues when the next paragraph opens with a mark', '"First part.\n\n"Second part," he said.', [['First part.', 'Second part,']]],
    ['continues into a paragraph whose first mark closes', '"First part.\n\nSecond part," he said.', [['First part.', 'Second part,']]],
    ['ends with its paragraph otherwise', '"Unclosed.\n\nPlain text.', [['Unclosed.']]],
    ['stray opening mark glued to a sentence end', 'He said: “One.“Two.”', [['One.', 'Two.']]],
  ])('%s', (_name, text, expected) => {
    expect(quotes(text)).toEqual(expected);
  });
});
