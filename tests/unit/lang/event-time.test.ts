/** Repeat markers (core/lang/event-time), on invented sentences. */
import { describe, expect, it } from 'vitest';
import { readRepeatMarker } from '../../../src/core/lang/event-time';
import { wordRun } from '../../../src/core/lang/segment';

const marker = (text: string) => {
  const run = wordRun(text);
  const span = readRepeatMarker(run, 0, run.norm.length);
  return span && text.slice(span.start, span.end);
};

describe('readRepeatMarker', () => {
  it.each([
    ['The guild held rallies in Westford again in 2031.', 'again'],
    ['Crews walked out once more over pay.', 'once more'],
    ['Mara Vale held another rally at the harbour.', 'another rally'],
    ['Mara Vale launched a second campaign for the guild leadership.', 'a second campaign'],
    ['A year later, Mara Vale returned to Westford.', 'A year later'],
    ['Two months later the depot closed.', 'Two months later'],
    ['18 months later the depot closed.', '18 months later'],
    ['The hall hosted a hustings the following spring.', 'the following spring'],
    ['She spoke in Westford, this time on housing.', 'this time'],
    // A stance repeated in reported speech, not an event.
    ['Mara Vale said again that the operator broke its word.', null],
    ['The guild told members once more that the depot would close.', null],
    ['She told the rally in Westford, this time on housing, that rents must fall.', 'this time'],
    // A letter is a thing of its own: written again, it is another.
    ['The councillors wrote to the mayor again about the depot.', 'again'],
    // How much, not which event.
    ['Another 10,000 members have been contacted.', null],
    ['Volunteers reached another ten thousand members.', null],
    ['The crews backed one another.', null],
    ['Another of her allies spoke.', null],
    // Time without a repeat.
    ['Mara Vale will speak later.', null],
    ['The following members spoke: three stewards.', null],
    ['Crews walked out on Monday.', null],
  ])('%s → %s', (text, expected) => {
    expect(marker(text)).toBe(expected);
  });
});
