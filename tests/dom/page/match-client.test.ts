/** The page's matching client: retries while the matching side restarts, stops at once when the extension is gone. */
import { describe, expect, it, vi } from 'vitest';
import { ContextGoneError, MATCH_REPLY_DEADLINE_MS, MATCH_RETRY_DELAYS_MS, createMatchClient, type Requester } from '../../../src/page/match-client';
import type { Result } from '../../../src/shared/protocol';

const KINDS = { person: true, organisation: true, claim: true, quote: true };
const MATCH = { kind: 'person' as const, text: 'Ada', start: 0, end: 3, id: 'p', score: 1, refs: [], corpus: 'c' };

/** A request function answering matchBlocks from a list of results, one per call. */
function requester(results: Result<unknown>[]): Requester & { calls: number } {
  const fn = (async () => results[Math.min(fn.calls++, results.length - 1)]) as unknown as Requester & { calls: number };
  fn.calls = 0;
  return fn;
}
const noSleep = async () => undefined;

describe('createMatchClient', () => {
  it.each<[string, Result<unknown>[], number]>([
    ['answers at once', [{ ok: true, value: { matches: [[MATCH]] } }], 1],
    ['retries after a worker stopped mid-answer', [{ ok: false, error: 'The message port closed before a response was received.' }, { ok: true, value: { matches: [[MATCH]] } }], 2],
    [
      'retries while the worker is not listening yet',
      [
        { ok: false, error: 'Could not establish connection. Receiving end does not exist.' },
        { ok: false, error: 'Could not establish connection. Receiving end does not exist.' },
        { ok: true, value: { matches: [[MATCH]] } },
      ],
      3,
    ],
  ])('%s', async (_name, results, calls) => {
    const request = requester(results);
    expect(await createMatchClient(request, undefined, noSleep)(['Ada'], KINDS)).toEqual([[MATCH]]);
    expect(request.calls).toBe(calls);
  });

  it("puts each entity's shared refs back on every detection of it", async () => {
    const refs = [{ article: 'a1', sentence: 0, relation: 'mentions' as const, score: 1 }];
    const packed = { ...MATCH, sharedRefs: true as const };
    const other = { ...MATCH, id: 'q', sharedRefs: true as const };
    const request = requester([{ ok: true, value: { matches: [[packed], [{ ...packed, start: 4, end: 7 }, other]], entityRefs: { 'c\u0000p': { article: ['a1'], sentence: [0], relation: 'mentions', score: 1 } } } }]);
    const [first, second] = await createMatchClient(request, undefined, noSleep)(['Ada', 'x'], KINDS);
    expect(first[0].refs).toEqual(refs);
    expect(second[0].refs).toBe(first[0].refs);
    // An entity missing from the table keeps no refs rather than someone else's.
    expect(second[1].refs).toEqual([]);
    expect([first[0], ...second].some((m) => 'sharedRefs' in m)).toBe(false);
  });

  it('tries again when a request is never answered (a message lost with a stopped worker), and completes', async () => {
    vi.useFakeTimers();
    try {
      let calls = 0;
      const request = (async () => {
        calls++;
        // The first request's answer never comes; the next one is answered.
        if (calls === 1) return new Promise(() => undefined);
        return { ok: true, value: { matches: [[MATCH]] } };
      }) as unknown as Requester;
      const answer = createMatchClient(request, undefined, noSleep, () => 'https://news.example/a', () => undefined)(['Ada'], KINDS);
      await vi.advanceTimersByTimeAsync(MATCH_REPLY_DEADLINE_MS);
      expect(await answer).toEqual([[MATCH]]);
      expect(calls).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('gives up after the last retry, with the last reason', async () => {
    const request = requester([{ ok: false, error: 'busy' }]);
    await expect(createMatchClient(request, undefined, noSleep)(['Ada'], KINDS)).rejects.toThrow(`matching failed after ${MATCH_RETRY_DELAYS_MS.length + 1} attempts: busy`);
    expect(request.calls).toBe(MATCH_RETRY_DELAYS_MS.length + 1);
  });

  it('does not retry when the extension context is gone', async () => {
    const request = requester([{ ok: false, error: 'Extension context invalidated.' }]);
    await expect(createMatchClient(request, undefined, noSleep)(['Ada'], KINDS)).rejects.toBeInstanceOf(ContextGoneError);
    expect(request.calls).toBe(1);
  });

  it('refuses a reply for a different number of blocks, and passes on reported problems', async () => {
    const problems: string[][] = [];
    const request = requester([{ ok: true, value: { matches: [[], []], problems: ['Second: broken'] } }]);
    await expect(createMatchClient(request, (p) => problems.push(p), noSleep)(['Ada'], KINDS)).rejects.toThrow('different number of blocks');
    expect(problems).toEqual([['Second: broken']]);
  });
  it.each<[string, string | undefined, Record<string, unknown>]>([
    ['sends the page date when the page declares one', '2026-03-04', { page: 'https://news.example/a', pageDate: '2026-03-04' }],
    ['sends no date field when it declares none', undefined, { page: 'https://news.example/a' }],
  ])('%s', async (_name, date, expected) => {
    const payloads: unknown[] = [];
    const request = (async (_type: string, payload: unknown) => (payloads.push(payload), { ok: true, value: { matches: [[MATCH]] } })) as unknown as Requester;
    await createMatchClient(request, undefined, noSleep, () => 'https://news.example/a', () => date)(['Ada'], KINDS);
    expect(payloads).toEqual([{ blocks: ['Ada'], kinds: KINDS, ...expected }]);
  });

  it('names first: shows a names-only answer early, then asks again without partial for the whole one (not a retry)', async () => {
    const claim = { ...MATCH, kind: 'claim' as const, id: 'g' };
    const payloads: { partial?: boolean }[] = [];
    const replies = [
      { ok: true, value: { matches: [[MATCH]], pending: true } },
      { ok: false, error: 'The message port closed before a response was received.' },
      { ok: true, value: { matches: [[claim, MATCH]] } },
    ];
    const request = (async (_type: string, payload: { partial?: boolean }) => (payloads.push(payload), replies[payloads.length - 1])) as unknown as Requester;
    const early: unknown[] = [];
    const whole = await createMatchClient(request, undefined, noSleep, () => 'https://news.example/a', () => undefined)(['Ada'], KINDS, (names) => early.push(names));
    expect(early).toEqual([[[MATCH]]]);
    expect(whole).toEqual([[claim, MATCH]]);
    // Partial only on the first request; the failed one after it was retried as usual.
    expect(payloads.map((p) => p.partial === true)).toEqual([true, false, false]);
  });

  it('asks for names first (namesFirst) on its first batch that can take them early, and on no other', async () => {
    const payloads: { partial?: boolean; namesFirst?: boolean }[] = [];
    const request = (async (_type: string, payload: { partial?: boolean }) => (payloads.push(payload), { ok: true, value: { matches: [[MATCH]] } })) as unknown as Requester;
    const match = createMatchClient(request, undefined, noSleep, () => 'https://news.example/a', () => undefined);
    await match(['Ada'], KINDS); // no early callback: not the batch that gets names first
    await match(['Ada'], KINDS, () => undefined);
    await match(['Ada'], KINDS, () => undefined);
    expect(payloads.map((p) => [p.partial === true, p.namesFirst === true])).toEqual([
      [false, false],
      [true, true],
      [true, false],
    ]);
  });

  it('names first: reads the page date for the whole answer\'s request only (names do not use it)', async () => {
    const payloads: { namesFirst?: boolean; pageDate?: string }[] = [];
    const replies = [{ ok: true, value: { matches: [[MATCH]], pending: true } }, { ok: true, value: { matches: [[MATCH]] } }];
    const request = (async (_type: string, payload: { namesFirst?: boolean }) => (payloads.push(payload), replies[payloads.length - 1])) as unknown as Requester;
    let reads = 0;
    const pageDate = () => (reads++, '2026-03-04');
    await createMatchClient(request, undefined, noSleep, () => 'https://news.example/a', pageDate)(['Ada'], KINDS, () => undefined);
    expect(payloads.map((p) => [p.namesFirst === true, p.pageDate])).toEqual([
      [true, undefined],
      [false, '2026-03-04'],
    ]);
    expect(reads).toBe(1);
  });

  it('without an early callback asks for the whole answer only', async () => {
    const payloads: { partial?: boolean }[] = [];
    const request = (async (_type: string, payload: { partial?: boolean }) => (payloads.push(payload), { ok: true, value: { matches: [[MATCH]] } })) as unknown as Requester;
    await createMatchClient(request, undefined, noSleep, () => 'https://news.example/a', () => undefined)(['Ada'], KINDS);
    expect(payloads.map((p) => 'partial' in p)).toEqual([false]);
  });
});
