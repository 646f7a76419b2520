/**
 * The page's matching client sends, with each batch, the people earlier answers named (per corpus,
 * most recent first): the matching side keeps nothing between batches, so the context crosses
 * with each request. A names-only early answer adds nothing (its whole answer will), and another
 * address (a single-page app moving on) starts afresh.
 */
import { describe, expect, it } from 'vitest';
import { createMatchClient, type Requester } from '../../../src/page/match-client';
import type { CorpusMatch, MatchingProtocol } from '../../../src/shared/protocol';

const KINDS = { person: true, organisation: true, claim: true, quote: true };
type Req = MatchingProtocol['matchBlocks']['request'];

const person = (corpus: string, id: string, start: number): CorpusMatch => ({ kind: 'person', text: id, start, end: start + 3, id, score: 1, refs: [], corpus });
const org = (corpus: string, id: string, start: number): CorpusMatch => ({ kind: 'organisation', text: id, start, end: start + 3, id, score: 1, refs: [], corpus });

/** Answers each matchBlocks with `answers[n]` (the matches of its blocks), recording the requests. */
function recorder(answers: { matches: CorpusMatch[][]; pending?: true }[]) {
  const sent: Req[] = [];
  const request = (async (_type: string, payload: Req) => {
    sent.push(JSON.parse(JSON.stringify(payload)));
    return { ok: true, value: answers[Math.min(sent.length - 1, answers.length - 1)] };
  }) as unknown as Requester;
  return { request, sent };
}

const noSleep = async () => undefined;
const noDate = () => undefined;

describe('page people in matchBlocks', () => {
  it('the first batch sends none; later ones send what earlier answers named, most recent first, per corpus', async () => {
    const { request, sent } = recorder([
      { matches: [[person('c', 'p:one', 0), org('c', 'o:firm', 5)], [person('c', 'p:two', 0), person('d', 'p:else', 9)]] },
      { matches: [[person('c', 'p:one', 0)]] },
      { matches: [[]] },
    ]);
    const match = createMatchClient(request, undefined, noSleep, () => 'https://news.example/a', noDate);
    await match(['Block one.', 'Block two.'], KINDS);
    await match(['Block three.'], KINDS);
    await match(['Block four.'], KINDS);
    expect(sent.map((r) => r.people)).toEqual([undefined, { c: ['p:two', 'p:one'], d: ['p:else'] }, { c: ['p:one', 'p:two'], d: ['p:else'] }]);
  });

  it("an early names-only answer adds no one; the batch's whole answer does", async () => {
    const { request, sent } = recorder([{ matches: [[person('c', 'p:early', 0)]], pending: true }, { matches: [[person('c', 'p:whole', 0)]] }, { matches: [[]] }]);
    const match = createMatchClient(request, undefined, noSleep, () => 'https://news.example/a', noDate);
    await match(['Block one.'], KINDS, () => undefined);
    await match(['Block two.'], KINDS);
    // The early request and its whole re-request go without people; the next batch has the whole answer's.
    expect(sent.map((r) => r.people)).toEqual([undefined, undefined, { c: ['p:whole'] }]);
  });

  it('another address starts with no people', async () => {
    let address = 'https://news.example/a';
    const { request, sent } = recorder([{ matches: [[person('c', 'p:one', 0)]] }]);
    const match = createMatchClient(request, undefined, noSleep, () => address, noDate);
    await match(['Block one.'], KINDS);
    await match(['Block two.'], KINDS);
    address = 'https://news.example/b';
    await match(['Block three.'], KINDS);
    expect(sent.map((r) => r.people)).toEqual([undefined, { c: ['p:one'] }, undefined]);
  });

  it('a batch sent before the one ahead of it in the document is answered waits for that answer, and carries its people and its quote', async () => {
    const sent: Req[] = [];
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    const request = (async (_type: string, payload: Req) => {
      sent.push(JSON.parse(JSON.stringify(payload)));
      if (sent.length === 1) {
        await held;
        return { ok: true, value: { matches: [[person('c', 'p:one', 0)]], ends: [{ c: { level: 2, cue: 'is expected to' } }] } };
      }
      return { ok: true, value: { matches: [[]] } };
    }) as unknown as Requester;
    const match = createMatchClient(request, undefined, noSleep, () => 'https://news.example/a', noDate);
    const first = match(['Block one.'], KINDS);
    const second = match(['Block two.'], KINDS);
    await new Promise((r) => setTimeout(r, 10));
    // The second is not sent while the first is unanswered.
    expect(sent).toHaveLength(1);
    release();
    await Promise.all([first, second]);
    expect(sent.map((r) => [r.people, r.speech])).toEqual([
      [undefined, undefined],
      [{ c: ['p:one'] }, { c: { level: 2, cue: 'is expected to' } }],
    ]);
  });

  it('a failed batch holds no one back and tells nothing', async () => {
    const sent: Req[] = [];
    const request = (async (_type: string, payload: Req) => {
      sent.push(JSON.parse(JSON.stringify(payload)));
      return payload.blocks[0] === 'Bad.' ? { ok: false, error: 'stopped' } : { ok: true, value: { matches: payload.blocks.map(() => [person('c', 'p:x', 0)]) } };
    }) as unknown as Requester;
    const match = createMatchClient(request, undefined, noSleep, () => 'https://news.example/a', noDate);
    const bad = match(['Bad.'], KINDS);
    const good = match(['Good.'], KINDS);
    await expect(bad).rejects.toThrow(/stopped/);
    await good;
    await match(['Later.'], KINDS);
    // The good batch waited for the failed one, went without context, and its person reaches the next.
    expect(sent.filter((r) => r.blocks[0] !== 'Bad.').map((r) => r.people)).toEqual([undefined, { c: ['p:x'] }]);
  });

  it('while the matching side is still loading, a batch that waits asks for its names meanwhile; its whole answer follows the one above it', async () => {
    const sent: Req[] = [];
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    const request = (async (_type: string, payload: Req) => {
      sent.push(JSON.parse(JSON.stringify(payload)));
      const first = payload.blocks[0] === 'Block one.';
      if (first && payload.partial) return { ok: true, value: { matches: [[person('c', 'p:one', 0)]], pending: true } };
      if (first) {
        await held;
        return { ok: true, value: { matches: [[person('c', 'p:one', 0)]] } };
      }
      return { ok: true, value: { matches: [[person('c', 'p:two', 0)]] } };
    }) as unknown as Requester;
    const match = createMatchClient(request, undefined, noSleep, () => 'https://news.example/a', noDate);
    const early: string[][] = [];
    const first = match(['Block one.'], KINDS, () => undefined);
    await new Promise((r) => setTimeout(r, 5));
    const second = match(['Block two.'], KINDS, (names) => early.push(names.flat().map((m) => m.id)));
    await new Promise((r) => setTimeout(r, 5));
    // Names of the second batch asked for and shown while the first's whole answer is still coming.
    expect(sent.map((r) => [r.blocks[0], r.kinds.claim, r.partial ?? false])).toEqual([
      ['Block one.', true, true],
      ['Block one.', true, false],
      ['Block two.', false, true],
    ]);
    expect(early).toEqual([['p:two']]);
    release();
    await Promise.all([first, second]);
    // Then its whole answer, with the first batch's people, asked for whole.
    expect(sent.slice(3).map((r) => [r.blocks[0], r.kinds.claim, r.partial ?? false, r.people])).toEqual([['Block two.', true, false, { c: ['p:one'] }]]);
  });

  it('sends a batch in document order and answers in the order given (early names too)', async () => {
    document.body.innerHTML = '<p>First.</p><p>Second.</p><p>Third.</p>';
    const nodes = [...document.querySelectorAll('p')].map((p) => p.firstChild!);
    const sent: Req[] = [];
    const request = (async (_type: string, payload: Req) => {
      sent.push(JSON.parse(JSON.stringify(payload)));
      const matches = payload.blocks.map((b) => [person('c', `p:${b}`, 0)]);
      return { ok: true, value: payload.partial ? { matches, pending: true } : { matches } };
    }) as unknown as Requester;
    const match = createMatchClient(request, undefined, noSleep, () => 'https://news.example/a', noDate);
    const early: string[][] = [];
    const got = await match(['Third.', 'First.', 'Second.'], KINDS, (names) => early.push(names.map((l) => l[0].id)), [nodes[2], nodes[0], nodes[1]]);
    expect(sent.map((r) => r.blocks)).toEqual([['First.', 'Second.', 'Third.'], ['First.', 'Second.', 'Third.']]);
    expect(got.map((l) => l[0].id)).toEqual(['p:Third.', 'p:First.', 'p:Second.']);
    expect(early).toEqual([['p:Third.', 'p:First.', 'p:Second.']]);
    document.body.innerHTML = '';
  });
});

