/**
 * Page context across a page's requests, on a real page flow: the scan (PageScanner) reads a long
 * page in batches, the page's matching client sends them to the real matching side (in the test's
 * process, answering after a delay as a large corpus does), which runs the real matcher of the
 * invented mini corpus. A person named in the first batch and a quote whose advance text ends it
 * must reach the second batch, which the page sends before the first is answered
 * (MAX_BATCHES_IN_FLIGHT): "He said …" then stands for Mr Berg (whose claim the corpus sentence is
 * not: no link), and the quote that opens the next block unattributed continues the expected one.
 * Each result is checked against the same blocks matched in one request, where the matching side
 * hands the context on itself.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createMatchingSide } from '../../../src/background/matching';
import type { ScanOptions } from '../../../src/core/match';
import { createMatchClient, type Requester } from '../../../src/page/match-client';
import { Highlighter } from '../../../src/page/highlight';
import { BATCH_MAX_CHARS, PageScanner } from '../../../src/page/page-scan';
import type { CorpusMatch, MatchingProtocol } from '../../../src/shared/protocol';
import { unpackEntityRefs } from '../../../src/shared/entity-refs';
import { miniMatcher } from '../../unit/match/helpers';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { compileMatcher } from '../../../src/core/match/compile';
import { createMatcher } from '../../../src/core/match/scan';
import type { CorpusIndex } from '../../../src/core/index/types';
import { wordVectors } from '../../../scripts/lib/word-vectors';

const ROOT = resolve(import.meta.dirname, '../../..');

const KINDS = { person: true, organisation: true, claim: true, quote: true };
type Req = MatchingProtocol['matchBlocks']['request'];

const NAMED = 'Tomas Berg spoke at the meeting on the harbour.';
const ADVANCE = '"The harbour works will start in the spring," Berg is expected to say.';
const QUOTED = '"Our members did not cause these cracks and they should not pay for them."';
const HE_SAID = 'He said engineers had found cracks in three of the bridge supports.';
/** A paragraph that matches nothing in the mini corpus. */
const filler = (n: number, length: number) => `Paragraph ${n} tells of quiet weather in the valley. `.repeat(40).slice(0, length).trim();

/** The matching side over the mini corpus, answering each request after `delayMs` (a large corpus's time). */
function slowSide(delayMs: number) {
  const side = createMatchingSide(() => ({
    active: async () => [{ id: 'mini', name: 'Mini', match: async (text: string, options?: ScanOptions) => miniMatcher.scan(text, options), details: async () => null }],
  }));
  const sent: Req[] = [];
  const request = (async (_type: string, payload: Req) => {
    const copy = JSON.parse(JSON.stringify(payload)) as Req;
    sent.push(copy);
    await new Promise((r) => setTimeout(r, delayMs));
    return { ok: true, value: JSON.parse(JSON.stringify(await side.matchBlocks(copy))) };
  }) as unknown as Requester;
  return { side, request, sent };
}

/** The article's paragraphs: Mr Berg named first, the advance text last in the first batch, the quote and "he" first in the second. */
function paragraphs(): string[] {
  const first = [NAMED];
  let chars = NAMED.length;
  for (let n = 1; chars + 1000 + ADVANCE.length < BATCH_MAX_CHARS; n++) {
    first.push(filler(n, 1000));
    chars += first[first.length - 1].length;
  }
  // The advance text is the block that fills the first batch.
  first.push(filler(900, BATCH_MAX_CHARS - chars - ADVANCE.length + 5));
  first.push(ADVANCE);
  return [...first, QUOTED, HE_SAID, filler(901, 400)];
}

/** Per paragraph text, its matches, from the replies to `sent` (each reply in its request's block order). */
function byText(blocks: string[], matches: CorpusMatch[][]): Map<string, CorpusMatch[]> {
  return new Map(blocks.map((b, i) => [b, matches[i]]));
}

const certainty = (m: CorpusMatch | undefined) =>
  (m?.refs ?? []).flatMap((r) => r.differences ?? (r.values ? [r.values] : [])).filter((d) => d.attribute === 'certainty').map((d) => `${d.kind}:${d.page}`);

describe('page context across requests (PageScanner, match client, matching side, mini corpus)', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('a later batch sees the people and the quote of the batches before it, as one request would', async () => {
    const texts = paragraphs();
    document.body.innerHTML = `<article id="a">${texts.map((t) => `<p>${t}</p>`).join('')}</article>`;
    const { side, request, sent } = slowSide(30);
    const replies: Map<string, CorpusMatch[]>[] = [];
    const client = createMatchClient(request, undefined, async () => undefined, () => 'https://news.example/long', () => undefined);
    const match: typeof client = async (blocks, kinds, early, at) => {
      const matches = await client(blocks, kinds, early, at);
      replies.push(byText(blocks, matches));
      return matches;
    };
    const abort = new AbortController();
    await new PageScanner({ root: document.getElementById('a')!, match, highlighter: new Highlighter(), kinds: KINDS, maxMarkers: 300, eager: true }).start(abort.signal);
    abort.abort();

    // The page went in two batches: the advance text ends the first, the quote opens the second.
    expect(sent.filter((r) => r.blocks[0] === NAMED).map((r) => r.blocks[r.blocks.length - 1])).toContain(ADVANCE);
    expect(sent.filter((r) => r.blocks[0] === QUOTED)).toHaveLength(1);
    const got = new Map(replies.flatMap((r) => [...r]));

    // The same blocks in one request: the matching side hands the context on from block to block.
    const reply = await side.matchBlocks({ blocks: texts, kinds: KINDS, page: 'https://news.example/long' });
    unpackEntityRefs(reply.matches, reply.entityRefs);
    const whole = byText(texts, reply.matches);
    // In one request: "he" is Mr Berg, whose claim the corpus sentence is not; the quote continues the advance text.
    expect(whole.get(HE_SAID)!.some((m) => m.kind === 'claim')).toBe(false);
    expect(certainty(whole.get(QUOTED)!.find((m) => m.kind === 'quote'))).toEqual(['more-certain:is expected to']);
    // Across requests: the same.
    expect(got.get(HE_SAID)!.filter((m) => m.kind === 'claim')).toEqual([]);
    expect(certainty(got.get(QUOTED)!.find((m) => m.kind === 'quote'))).toEqual(['more-certain:is expected to']);
    for (const text of texts) expect(got.get(text), text.slice(0, 40)).toEqual(whole.get(text));
  });

  it('viewport first: the blocks above the screen and below it go in document order, those below with the on-screen blocks\' context; the on-screen blocks keep their first answer', async () => {
    const QUINT_NAMED = 'Ada Quint spoke to the council.';
    const texts = [NAMED, ADVANCE, QUOTED, QUINT_NAMED, HE_SAID, filler(1, 300)];
    document.body.innerHTML = `<article>${texts.map((t) => `<p>${t}</p>`).join('')}</article>`;
    const nodes = [...document.querySelectorAll('p')].map((p) => p.firstChild!);
    const { side, request, sent } = slowSide(0);
    const match = createMatchClient(request, undefined, async () => undefined, () => 'https://news.example/long', () => undefined);
    // On screen: the quote and Ms Quint; then the rest of the page in one batch, as the scan reads it (above, then below).
    const onScreen = await match([QUOTED, QUINT_NAMED], KINDS, undefined, [nodes[2], nodes[3]]);
    const rest = await match([NAMED, ADVANCE, HE_SAID, texts[5]], KINDS, undefined, [nodes[0], nodes[1], nodes[4], nodes[5]]);
    expect(sent.map((r) => r.blocks)).toEqual([
      [QUOTED, QUINT_NAMED],
      [NAMED, ADVANCE, HE_SAID, texts[5]],
    ]);
    // The first request had nothing before it; the second starts at the top and, before "He said",
    // carries the on-screen blocks' people (Ms Quint) and how they ended (outside a quote).
    expect([sent[0].people, sent[0].speech, sent[0].between]).toEqual([undefined, undefined, undefined]);
    expect([sent[1].people, sent[1].speech]).toEqual([undefined, undefined]);
    expect(sent[1].between).toEqual([{ at: 2, people: { mini: ['person:ada-quint'] } }]);

    const reply = await side.matchBlocks({ blocks: texts, kinds: KINDS, page: 'https://news.example/long' });
    unpackEntityRefs(reply.matches, reply.entityRefs);
    const whole = byText(texts, reply.matches);
    const got = new Map([...byText([QUOTED, QUINT_NAMED], onScreen), ...byText([NAMED, ADVANCE, HE_SAID, texts[5]], rest)]);
    // Below the screen, as in one request: "he" is Mr Berg (named above the screen), though Ms Quint was named since.
    for (const text of [NAMED, ADVANCE, QUINT_NAMED, HE_SAID, texts[5]]) expect(got.get(text), text.slice(0, 40)).toEqual(whole.get(text));
    expect(got.get(HE_SAID)!.some((m) => m.kind === 'claim')).toBe(false);
    // On screen, answered before the advance text above it was read: not asked again (page-context.ts).
    expect(certainty(whole.get(QUOTED)!.find((m) => m.kind === 'quote'))).toEqual(['more-certain:is expected to']);
    expect(certainty(got.get(QUOTED)!.find((m) => m.kind === 'quote'))).toEqual([]);
    expect(sent).toHaveLength(2);
  });

  it('a page that fits in one request is answered as before: no context sent, the same matches', async () => {
    const texts = [NAMED, ADVANCE, QUOTED, HE_SAID];
    document.body.innerHTML = `<article>${texts.map((t) => `<p>${t}</p>`).join('')}</article>`;
    const nodes = [...document.querySelectorAll('p')].map((p) => p.firstChild!);
    const { side, request, sent } = slowSide(0);
    const match = createMatchClient(request, undefined, async () => undefined, () => 'https://news.example/one', () => undefined);
    const got = await match(texts, KINDS, undefined, nodes);
    expect(sent.map((r) => [r.people, r.speech, r.between])).toEqual([[undefined, undefined, undefined]]);
    const reply = await side.matchBlocks({ blocks: texts, kinds: KINDS, page: 'https://news.example/one' });
    unpackEntityRefs(reply.matches, reply.entityRefs);
    expect(got).toEqual(reply.matches);
  });

  it('the page-context dev items on the seed corpus: a "he"/"she" paragraph in a later batch than its person reads as in one request', async () => {
    const index = JSON.parse(readFileSync(resolve(ROOT, 'tests/golden/seeds-index.json'), 'utf8')) as CorpusIndex;
    const seeds = createMatcher(compileMatcher(index), { vectors: wordVectors() });
    const items = (JSON.parse(readFileSync(resolve(ROOT, 'tests/fixtures/devset/page-context-dev.json'), 'utf8')) as { items: { id: string; text: string }[] }).items.filter((i) => i.text.includes('\n\n'));
    expect(items.length).toBeGreaterThan(10);
    const claims = (matches: CorpusMatch[]) => matches.filter((m) => m.kind === 'claim').map((m) => `${m.id}@${m.start}`);
    let needContext = 0;
    for (const item of items) {
      const [named, ...rest] = item.text.split('\n\n');
      const later = rest.join(' ');
      // The person's paragraph fills the first batch with neutral paragraphs; the "he"/"she" paragraph opens the second.
      const texts = [named];
      for (let n = 1, chars = named.length; chars < BATCH_MAX_CHARS; n++) {
        texts.push(filler(n, 1000));
        chars += 1000;
      }
      texts.push(later);
      document.body.innerHTML = `<article id="a">${texts.map((t) => `<p>${t}</p>`).join('')}</article>`;
      const side = createMatchingSide(() => ({ active: async () => [{ id: 'seeds', name: 'Seeds', match: async (text: string, options?: ScanOptions) => seeds.scan(text, options), details: async () => null }] }));
      const sent: Req[] = [];
      const request = (async (_type: string, payload: Req) => {
        sent.push(payload);
        await new Promise((r) => setTimeout(r, 20));
        return { ok: true, value: JSON.parse(JSON.stringify(await side.matchBlocks(JSON.parse(JSON.stringify(payload))))) };
      }) as unknown as Requester;
      const client = createMatchClient(request, undefined, async () => undefined, () => `https://news.example/${item.id}`, () => undefined);
      let got: CorpusMatch[] | undefined;
      const match: typeof client = async (blocks, kinds, early, at) => {
        const matches = await client(blocks, kinds, early, at);
        const k = blocks.indexOf(later);
        if (k >= 0) got = matches[k];
        return matches;
      };
      const abort = new AbortController();
      await new PageScanner({ root: document.getElementById('a')!, match, highlighter: new Highlighter(), kinds: KINDS, maxMarkers: 300, eager: true }).start(abort.signal);
      abort.abort();
      expect(sent.some((r) => r.blocks[0] === later), item.id).toBe(true);
      const reply = await side.matchBlocks({ blocks: [named, later], kinds: KINDS, page: `https://news.example/${item.id}` });
      const alone = (await side.matchBlocks({ blocks: [later], kinds: KINDS, page: `https://news.example/${item.id}` })).matches[0];
      if (claims(alone).join() !== claims(reply.matches[1]).join()) needContext++;
      expect(claims(got ?? []), item.id).toEqual(claims(reply.matches[1]));
    }
    // The items whose link needs the page's person: the test would see a lost context.
    expect(needContext).toBeGreaterThan(0);
  }, 120_000);
});

