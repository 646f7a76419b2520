/**
 * The page's earlier-named people travel from matchBlocks to the matcher's scans: per corpus, one
 * list handed to the batch's blocks in order; anything malformed is dropped, never an error.
 */
import { describe, expect, it } from 'vitest';
import { createMatchingSide, pagePeopleOf, speechOf, stepsOf } from '../../../src/background/matching';
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

describe('speechOf and stepsOf (malformed parts dropped, never an error)', () => {
  it.each<[string, unknown, { level: number; cue: string } | null]>([
    ['a corpus entry', { c: { level: 2, cue: 'is expected to' } }, { level: 2, cue: 'is expected to' }],
    ['none', undefined, null],
    ['another corpus', { d: { level: 2, cue: 'x' } }, null],
    ['level not a number', { c: { level: '2', cue: 'x' } }, null],
    ['level not finite', { c: { level: Infinity, cue: 'x' } }, null],
    ['cue too long to be one', { c: { level: 1, cue: 'x'.repeat(101) } }, null],
    ['an inherited key is no corpus', JSON.parse('{"__proto__": {"c": {"level": 1, "cue": "x"}}}'), null],
  ])('speechOf: %s', (_name, table, expected) => expect(speechOf(table, 'c')).toEqual(expected));

  it('stepsOf keeps the steps inside the batch, one per block, in block order', () => {
    const steps = stepsOf([{ at: 3 }, { at: 0 }, { at: 1, people: { c: ['p'] } }, { at: 1 }, { at: 5 }, { at: 1.5 }, null, 'x', { at: '2' }], 5);
    expect(steps).toEqual([{ at: 1, people: { c: ['p'] } }, { at: 3 }]);
    expect(stepsOf('nonsense', 5)).toEqual([]);
  });
});

describe('matchBlocks context across requests (speech, between, ends)', () => {
  /** A corpus whose scan notes "<id>:<word>" for a block "Named <word>", and ends inside a quote for a block ending with a quote mark. */
  const corpus = (id: string, seen: { text: string; recent: readonly string[]; speech: unknown }[]) => ({
    id,
    name: id,
    match: async (text: string, options?: ScanOptions) => {
      const p = options?.pagePeople;
      seen.push({ text, recent: [...(p?.recent() ?? [])], speech: p?.speech ?? null });
      if (p) {
        if (text.startsWith('Named ')) p.note(`${id}:${text.slice(6)}`);
        p.speech = text.endsWith('"') ? { level: 1, cue: 'said' } : null;
        p.ends?.push(p.speech);
      }
      return [];
    },
    details: async () => null,
  });

  it('starts from the sent speech, applies each between step before its block, and answers how each block ended', async () => {
    const seen: { text: string; recent: readonly string[]; speech: unknown }[] = [];
    const side = createMatchingSide(() => ({ active: async () => [corpus('c', seen)] }));
    const reply = await side.matchBlocks({
      blocks: ['Named a', 'He said "so"', 'Named b', 'He said.'],
      kinds: KINDS,
      people: { c: ['c:before'] },
      speech: { c: { level: 3, cue: 'is expected to' } },
      between: [{ at: 2, people: { c: ['c:y', 'c:x'] }, speech: { c: { level: 2, cue: 'added' } } }, { at: 3 }],
    });
    expect(seen).toEqual([
      { text: 'Named a', recent: ['c:before'], speech: { level: 3, cue: 'is expected to' } },
      { text: 'He said "so"', recent: ['c:a', 'c:before'], speech: null },
      // The blocks between: their people on top (the most recent first), their last one's speech.
      { text: 'Named b', recent: ['c:y', 'c:x', 'c:a', 'c:before'], speech: { level: 2, cue: 'added' } },
      // A step with nothing: the block before it in the document ended outside a quote.
      { text: 'He said.', recent: ['c:b', 'c:y', 'c:x', 'c:a', 'c:before'], speech: null },
    ]);
    expect(reply.ends).toEqual([null, { c: { level: 1, cue: 'said' } }, null, null]);
  });

  it('no block ending inside a quote: no ends in the reply', async () => {
    const side = createMatchingSide(() => ({ active: async () => [corpus('c', [])] }));
    const reply = await side.matchBlocks({ blocks: ['Named a', 'Plain.'], kinds: KINDS });
    expect(reply.ends).toBeUndefined();
  });
});
