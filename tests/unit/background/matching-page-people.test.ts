/**
 * The page's earlier-named people travel from matchBlocks to the matcher's scans: per corpus, one
 * list handed to the batch's blocks in order; anything malformed is dropped, never an error.
 */
import { describe, expect, it } from 'vitest';
import { createMatchingSide, pagePeopleOf } from '../../../src/background/matching';
import type { ScanOptions } from '../../../src/core/match';
import { MAX_PAGE_PEOPLE } from '../../../src/core/index/page-people';

const KINDS = { person: true, organisation: true, claim: true, quote: true };

describe('pagePeopleOf', () => {
  const many = Array.from({ length: MAX_PAGE_PEOPLE + 3 }, (_, i) => `p${i}`);
  it.each<[string, unknown, string[]]>([
    ['the corpus\'s ids, in the order sent', { c: ['p2', 'p1'], other: ['x'] }, ['p2', 'p1']],
    ['no people', undefined, []],
    ['another corpus only', { other: ['x'] }, []],
    ['not an object', 'c:p1', []],
    ['an array is not a table', [['p1']], []],
    ['ids not a list', { c: 'p1' }, []],
    ['non-string and empty ids dropped', { c: ['p1', 7, '', null, 'p2'] }, ['p1', 'p2']],
    ['an id too long to be one dropped', { c: ['p1', 'x'.repeat(201)] }, ['p1']],
    ['at most MAX_PAGE_PEOPLE', { c: many }, many.slice(0, MAX_PAGE_PEOPLE)],
    ['an inherited key is no corpus', JSON.parse('{"__proto__": {"c": ["p1"]}}'), []],
  ])('%s', (_name, people, expected) => expect(pagePeopleOf(people, 'c')).toEqual(expected));
});

describe('matchBlocks people', () => {
  it("hands each corpus its own list, the same object to every block of the batch, in block order", async () => {
    const seen: { corpus: string; text: string; recent: readonly string[]; options?: ScanOptions }[] = [];
    const corpus = (id: string) => ({
      id,
      name: id,
      match: async (text: string, options?: ScanOptions) => {
        seen.push({ corpus: id, text, recent: [...(options?.pagePeople?.recent() ?? [])], options });
        // What a scan does: the block's people become the most recent.
        if (text.startsWith('Named')) options?.pagePeople?.note(`${id}:named`);
        return [];
      },
      details: async () => null,
    });
    const side = createMatchingSide(() => ({ active: async () => [corpus('a'), corpus('b')] }));
    await side.matchBlocks({ blocks: ['Named here.', 'He said so.'], kinds: KINDS, people: { a: ['a:earlier'] } });
    expect(seen.map((s) => [s.corpus, s.text, s.recent])).toEqual([
      ['a', 'Named here.', ['a:earlier']],
      ['a', 'He said so.', ['a:named', 'a:earlier']],
      ['b', 'Named here.', []],
      ['b', 'He said so.', ['b:named']],
    ]);
    expect(seen[0].options?.pagePeople).toBe(seen[1].options?.pagePeople);
    expect(seen[0].options?.pagePeople).not.toBe(seen[2].options?.pagePeople);
  });

  it('a malformed people field matches the blocks as if none were sent', async () => {
    const seen: (readonly string[])[] = [];
    const side = createMatchingSide(() => ({
      active: async () => [{ id: 'c', name: 'C', match: async (_t: string, o?: ScanOptions) => (seen.push([...(o?.pagePeople?.recent() ?? [])]), []), details: async () => null }],
    }));
    const reply = await side.matchBlocks({ blocks: ['One.'], kinds: KINDS, people: 'nonsense' as unknown as Record<string, string[]> });
    expect(reply.matches).toEqual([[]]);
    expect(seen).toEqual([[]]);
  });
});
