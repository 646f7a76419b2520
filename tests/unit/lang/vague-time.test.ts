/** Unplaced times and decades (core/lang/vague-time), on invented sentences. */
import { describe, expect, it } from 'vitest';
import { readDecade, readVagueTime } from '../../../src/core/lang/vague-time';
import { wordRun } from '../../../src/core/lang/segment';

const slice = (text: string, read: typeof readVagueTime) => {
  const run = wordRun(text);
  const span = read(run, 0, run.norm.length);
  return span && text.slice(span.start, span.end);
};

describe('readVagueTime', () => {
  it.each([
    ['Spies had infiltrated the guild in the past.', 'in the past'],
    ['The depot will reopen in the coming weeks.', 'in the coming weeks'],
    ['The guild will win the next council election.', 'the next council election'],
    ['Crews recently walked out.', 'recently'],
    ['Crews walked out on Monday.', null],
    ['The next train leaves at noon.', null],
  ])('%s → %s', (text, expected) => {
    expect(slice(text, readVagueTime)).toBe(expected);
  });
});

describe('readDecade', () => {
  it.each([
    ['An official was an informant in the 1970s.', '1970s'],
    ['An official was an informant in 1975.', null],
  ])('%s → %s', (text, expected) => {
    expect(slice(text, readDecade)).toBe(expected);
  });
});
