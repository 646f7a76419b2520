/** The page's date travels from matchBlocks to the matcher's scan options; a malformed one is dropped, never an error. */
import { describe, expect, it } from 'vitest';
import { createMatchingSide } from '../../../src/background/matching';
import type { ScanOptions } from '../../../src/core/match';

const KINDS = { person: true, organisation: true, claim: true, quote: true };

function recordingSide() {
  const seen: (ScanOptions | undefined)[] = [];
  const side = createMatchingSide(() => ({
    active: async () => [{ id: 'c', name: 'C', match: async (_text: string, options?: ScanOptions) => (seen.push(options), []), details: async () => null }],
  }));
  return { side, seen };
}

describe('matchBlocks pageDate', () => {
  it.each<[string, unknown, string | undefined]>([
    ['a calendar day is passed on', '2026-03-04', '2026-03-04'],
    ['no date: none passed', undefined, undefined],
    ['a date-time is not the wire form: dropped', '2026-03-04T10:00:00Z', undefined],
    ['not a string: dropped', 20260304, undefined],
  ])('%s', async (_name, pageDate, expected) => {
    const { side, seen } = recordingSide();
    await side.matchBlocks({ blocks: ['One block.', 'Two.'], kinds: KINDS, ...(pageDate === undefined ? {} : { pageDate: pageDate as string }) });
    expect(seen).toHaveLength(2);
    for (const options of seen) expect(options?.pageDate).toBe(expected);
  });
});
