/** How lookup splits its input into the page's blocks: at blank lines, offsets into the whole input kept. */
import { describe, expect, it } from 'vitest';
import { splitBlocks } from '../../../scripts/lib/lookup';

describe('splitBlocks', () => {
  it.each<[string, string, [number, string][]]>([
    ['one paragraph', 'Ada spoke.', [[0, 'Ada spoke.']]],
    ['a single line break stays inside a block', 'Ada spoke.\nBerg agreed.', [[0, 'Ada spoke.\nBerg agreed.']]],
    ['a blank line separates blocks', 'Ada spoke.\n\nBerg agreed.', [[0, 'Ada spoke.'], [12, 'Berg agreed.']]],
    ['blank lines with spaces and several of them', 'A.\n  \n\n\nB.', [[0, 'A.'], [8, 'B.']]],
    ['leading and trailing blank lines give no empty block', '\n\nA.\n\n', [[2, 'A.']]],
    ['Windows line ends', 'A.\r\n\r\nB.', [[0, 'A.'], [6, 'B.']]],
  ])('%s', (_name, text, expected) => {
    const blocks = splitBlocks(text);
    expect(blocks.map((b) => [b.start, b.text])).toEqual(expected);
    for (const b of blocks) expect(text.slice(b.start, b.start + b.text.length)).toBe(b.text);
  });
});
