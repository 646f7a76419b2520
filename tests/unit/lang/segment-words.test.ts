import { describe, expect, it } from 'vitest';
import { normalize } from '../../../src/core/lang/normalize';
import { comparableWords, segmentWords } from '../../../src/core/lang/segment';

/** The segmenter's word-like segments of the normalised text: what comparableWords's ASCII fast path must equal. */
function bySegmenter(text: string): string[] {
  const out: string[] = [];
  for (const s of segmentWords(normalize(text))) if (s.isWordLike) out.push(s.segment);
  return out;
}

describe('comparableWords', () => {
  it.each([
    ["It's 3,000.5 people", ["it's", '3,000.5', 'people']],
    ['a:b and e.g. this', ['a:b', 'and', 'e.g', 'this']],
    ['1;2 1:2 a.1 1.a', ['1;2', '1', '2', 'a', '1', '1', 'a']],
    ['"Quoted," she said.', ['quoted', 'she', 'said']],
    ['snake_case _ __', ['snake_case', '__']],
    ['café au lait', ['café', 'au', 'lait']],
  ])('%j → %j', (text, words) => {
    expect(comparableWords(text)).toEqual(words);
    expect(bySegmenter(text)).toEqual(words);
  });

  it('equals the segmenter on every ASCII string of up to four characters over letters, digits and punctuation', () => {
    const alphabet = ['a', 'B', '1', '.', "'", ':', ',', ';', ' ', '-', '"', '_'];
    const mismatches: string[] = [];
    const visit = (text: string): void => {
      if (text && comparableWords(text).join('|') !== bySegmenter(text).join('|')) mismatches.push(text);
      if (text.length < 4) for (const c of alphabet) visit(text + c);
    };
    visit('');
    expect(mismatches).toEqual([]);
  });
});
