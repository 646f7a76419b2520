/**
 * Names listed with known places are places too (core/lang/places listedPlaces), and a page's list
 * that names places the corpus does not know is another scope of places (relatePlaces' aUnknown).
 */
import { describe, expect, it } from 'vitest';
import { listedPlaces, relatePlaces } from '../../../src/core/lang/places';
import { wordRun } from '../../../src/core/lang/segment';

/** The token range [first, last] of each known name in the text, in order. */
function ranges(run: ReturnType<typeof wordRun>, text: string, names: readonly string[]): [number, number][] {
  return names.map((name) => {
    const start = text.indexOf(name);
    const first = Array.from(run.start).indexOf(start);
    let last = first;
    while (run.end[last] < start + name.length) last++;
    return [first, last];
  });
}

describe('listedPlaces', () => {
  it.each([
    // [name, sentence, the places a corpus knows, the other names expected as listed places]
    ['the others of a list of known places', 'Rallies were held in Dunmore, Westford, Eastholm and Farholm.', ['Westford', 'Eastholm'], ['Dunmore', 'Farholm']],
    ['an Oxford comma before the last', 'Rallies were held in Westford, Eastholm, and Kessel Quay.', ['Westford', 'Eastholm'], ['Kessel Quay']],
    ['"or" closes a list too', 'Crews may strike in Westford, Millbrook or Eastholm.', ['Westford', 'Eastholm'], ['Millbrook']],
    ['one known place says nothing of the others', 'Rallies were held in Westford, Dunmore and Farholm.', ['Westford'], []],
    ['a list never closed by "and" is no list', 'In Westford, Eastholm, Ms Vale spoke.', ['Westford', 'Eastholm'], []],
    ['a name after the closing item is not in the list', 'Rallies were held in Westford and Eastholm, Ms Vale said.', ['Westford', 'Eastholm'], []],
    ['the first word of the sentence is never an item', 'However, Westford and Eastholm voted no.', ['Westford', 'Eastholm'], []],
    ['a lower-case word ends the list', 'Rallies in Westford, Eastholm and the rest of the region.', ['Westford', 'Eastholm'], []],
    ['all known: nothing else', 'Rallies were held in Westford, Eastholm and Farholm.', ['Westford', 'Eastholm', 'Farholm'], []],
  ])('%s', (_name, text, known, expected) => {
    const run = wordRun(text);
    const found = listedPlaces(run, 0, run.norm.length, ranges(run, text, known));
    expect(found.map(([f, l]) => text.slice(run.start[f], run.end[l]))).toEqual(expected);
  });
});

describe('relatePlaces with places of the first side no index holds', () => {
  it.each([
    // [name, a, b, a's unknown places, expected relation]
    ['b names more and a lists names b does not know: scope', [0, 1], [0, 1, 2], 2, 'scope'],
    ['b names more, a nothing else: the same', [0, 1], [0, 1, 2], 0, 'same'],
    ['a lists more, b nothing else: the same', [0, 1], [0, 1], 2, 'same'],
    ['no place shared: unknown names change nothing', [0], [2], 3, 'other'],
  ])('%s', (_name, a, b, unknown, expected) => {
    expect(relatePlaces(a, b, undefined, unknown).relation).toBe(expected);
  });
});
