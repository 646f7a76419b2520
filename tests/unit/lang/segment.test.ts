import { describe, expect, it } from 'vitest';
import { comparableWords, wordRun } from '../../../src/core/lang/segment';
import { CAP, NUM, SPACED, WORD } from '../../../src/core/lang/token-flags';

describe('segmentation', () => {
  it.each([
    ['We’ll WIN — “together”.', ["we'll", 'win', 'together']],
    ['Ada’s 2,000 votes', ["ada's", '2,000', 'votes']],
    ['', []],
  ])('comparableWords(%j) = %j', (text, words) => {
    expect(comparableWords(text)).toEqual(words);
  });

  it('gives a token run with offsets into the text and flags', () => {
    const text = 'Over £2m, said Ada.';
    const run = wordRun(text);
    const tokens = run.norm.map((norm, i) => ({ text: text.slice(run.start[i], run.end[i]), norm, flags: run.flags[i] }));
    expect(tokens).toEqual([
      { text: 'Over', norm: 'over', flags: WORD | CAP | SPACED },
      { text: '£', norm: '£', flags: SPACED },
      { text: '2m', norm: '2m', flags: WORD | NUM },
      { text: ',', norm: ',', flags: 0 },
      { text: 'said', norm: 'said', flags: WORD | SPACED },
      { text: 'Ada', norm: 'ada', flags: WORD | CAP | SPACED },
      { text: '.', norm: '.', flags: 0 },
    ]);
  });
});
