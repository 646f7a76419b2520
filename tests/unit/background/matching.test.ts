/**
 * The matching side over the bundled-corpus source, with an invented corpus injected in place of the
 * build output: blocks matched with offsets per block, card details with the corpus they come from,
 * and a corpus that failed to load reported by its reason.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bundledCorpus, bundledCorpusSource, BUNDLED_CORPUS_ID, BUNDLED_CORPUS_NAME } from '../../../src/background/bundled-source';
import { createMatchingSide, NAMES_FIRST_SKIP_MS } from '../../../src/background/matching';
import { mini, miniData } from '../match/helpers';

afterEach(() => {
  vi.restoreAllMocks();
});

const KINDS = { person: true, organisation: true, claim: true, quote: true };
const data = () => JSON.parse(JSON.stringify(miniData));

describe('the matching side over the bundled corpus', () => {
  const side = createMatchingSide(() => bundledCorpusSource(bundledCorpus(data, () => ({ index: mini }))));

  it('matches each block on its own, with UTF-16 offsets into that block and the corpus id', async () => {
    const blocks = ['Intro 😀 line.', 'Ms Quint’s bridge will close.'];
    const { matches } = await side.matchBlocks({ blocks, kinds: KINDS });
    expect(matches[0]).toEqual([]);
    const person = matches[1].find((m) => m.kind === 'person')!;
    expect(person).toMatchObject({ text: 'Ms Quint’s', start: 0, end: 10, corpus: BUNDLED_CORPUS_ID });
    for (const [i, list] of matches.entries()) for (const m of list) expect(blocks[i].slice(m.start, m.end)).toBe(m.text);
  });

  it("says its own time only when asked (the bench's timing flag), and the same matches either way", async () => {
    const blocks = ['Ms Quint’s bridge will close.'];
    const plain = await side.matchBlocks({ blocks, kinds: KINDS });
    const timed = await side.matchBlocks({ blocks, kinds: KINDS, timing: true });
    expect(plain).not.toHaveProperty('matchMs');
    expect(typeof timed.matchMs).toBe('number');
    expect(timed.matchMs).toBeGreaterThanOrEqual(0);
    const { matchMs: _, ...rest } = timed;
    expect(rest).toEqual(plain);
  });

  it('answers only the kinds asked for', async () => {
    const { matches } = await side.matchBlocks({ blocks: ['Ms Quint’s bridge will close.'], kinds: { ...KINDS, person: false } });
    expect(matches[0].filter((m) => m.kind === 'person')).toEqual([]);
  });

  it('builds card details and names the corpus', async () => {
    const details = await side.getDetails({ kind: 'person', id: mini.entities.find((e) => e.name === 'Ada Quint')!.id, corpus: BUNDLED_CORPUS_ID });
    expect(details).toMatchObject({ type: 'entity', name: 'Ada Quint', corpus: { id: BUNDLED_CORPUS_ID, name: BUNDLED_CORPUS_NAME } });
  });

  it('sends the texts of the sentences a claim card asks for, and none to an entity card', async () => {
    const group = mini.claimGroups[0];
    const article = mini.articles.find((a) => a.sentences.length > 1)!;
    const asked = [{ article: article.id, sentence: 1 }, { article: article.id, sentence: 9999 }, { article: 'no-such-article', sentence: 0 }];
    const claim = await side.getDetails({ kind: 'claim', id: group.id, sentences: asked });
    const expected = article.text.slice(article.sentences[1].start, article.sentences[1].end).trim();
    expect(claim).toMatchObject({ type: 'claim', excerpts: [{ article: article.id, sentence: 1, text: expected }] });
    expect(await side.getDetails({ kind: 'claim', id: group.id })).not.toHaveProperty('excerpts');
    const person = await side.getDetails({ kind: 'person', id: mini.entities[0].id, sentences: asked });
    expect(person).not.toHaveProperty('excerpts');
  });

  it('reports a bundled index that failed to load by its reason', async () => {
    const broken = createMatchingSide(() => bundledCorpusSource(bundledCorpus(data, () => ({ error: 'The corpus index failed to load: bad schema' }))));
    await expect(broken.getDetails({ kind: 'person', id: 'p' })).rejects.toThrow('The corpus index failed to load: bad schema');
  });
});

describe('the matching side, names first from a corpus still loading (partial)', () => {
  const hit = (id: string, kind: 'person' | 'claim', start: number, end: number) => ({ kind, text: 'x'.repeat(end - start), start, end, id, score: 1, refs: [] });
  /** A corpus whose whole matcher is loaded when `loaded` says so; names are answered early until then. */
  function source(loaded: () => boolean) {
    const whole = [hit('person:a', 'person', 0, 5), hit('claim:g', 'claim', 0, 20)];
    return {
      active: async () => [
        {
          id: 'c',
          name: 'C',
          match: async (_text: string, options?: { kinds?: Record<string, boolean> }) => whole.filter((m) => options?.kinds?.[m.kind] === true),
          early: async (_text: string, options?: { kinds?: Record<string, boolean> }) => (loaded() ? null : whole.filter((m) => m.kind === 'person' && options?.kinds?.person !== false)),
          details: async () => null,
        },
      ],
    };
  }

  const NAMES = { person: true, organisation: true, claim: false, quote: false };
  it.each([
    ['still loading, partial asked: names alone, pending', false, { partial: true }, KINDS, ['person:a'], true],
    ['still loading, whole asked: the whole answer', false, {}, KINDS, ['claim:g', 'person:a'], false],
    ['loaded, partial asked: the whole answer, not pending', true, { partial: true }, KINDS, ['claim:g', 'person:a'], false],
    ['loaded, names first asked: names alone, pending', true, { partial: true, namesFirst: true }, KINDS, ['person:a'], true],
    ['still loading, names first asked: names alone, pending', false, { partial: true, namesFirst: true }, KINDS, ['person:a'], true],
    ['loaded, names first asked for names only: the whole answer, not pending', true, { partial: true, namesFirst: true }, NAMES, ['person:a'], false],
    ['loaded, names first without partial: the whole answer', true, { namesFirst: true }, KINDS, ['claim:g', 'person:a'], false],
  ])('%s', async (_what, loaded, flags, kinds, ids, pending) => {
    const partial = 'partial' in flags;
    // The vectors never arrive: a partial request must not wait for them.
    const side = createMatchingSide(() => source(() => loaded), () => (partial ? new Promise(() => undefined) : Promise.resolve()));
    const reply = await side.matchBlocks({ blocks: ['Jane Doe said a thing.'], kinds, ...flags });
    expect(reply.matches[0].map((m) => m.id)).toEqual(ids);
    expect(reply.pending === true).toBe(pending);
  });

  it('answers names first whole at once when its latest whole answer over the same corpora was quick, and names alone when it was slow', async () => {
    const whole = [hit('person:a', 'person', 0, 5), hit('claim:g', 'claim', 0, 20)];
    // The side's clock is this test's: a whole answer takes `delayMs` of it and no real time, so a
    // loaded machine cannot make the quick answer read as slow.
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    let delayMs = 0;
    const corpus = {
      id: 'c',
      name: 'C',
      match: async (_text: string, options?: { kinds?: Record<string, boolean> }) => {
        if (options?.kinds?.claim === true) now += delayMs;
        return whole.filter((m) => options?.kinds?.[m.kind] === true);
      },
      details: async () => null,
    };
    const side = createMatchingSide(() => ({ active: async () => [corpus] }));
    const blocks = ['Jane Doe said a thing.'];
    const namesFirst = () => side.matchBlocks({ blocks, kinds: KINDS, partial: true, namesFirst: true });
    // Nothing known of this side's speed yet: names first.
    expect((await namesFirst()).pending).toBe(true);
    // A quick whole answer (no delay): the next names-first request gets the whole answer, not pending.
    await side.matchBlocks({ blocks, kinds: KINDS });
    const quick = await namesFirst();
    expect(quick.pending).toBeUndefined();
    expect(quick.matches[0].map((m) => m.id)).toEqual(['claim:g', 'person:a']);
    // A slow whole answer (far over NAMES_FIRST_SKIP_MS for a block this short): names first again.
    delayMs = 30 * NAMES_FIRST_SKIP_MS;
    await side.matchBlocks({ blocks, kinds: KINDS });
    const slow = await namesFirst();
    expect(slow.pending).toBe(true);
    expect(slow.matches[0].map((m) => m.id)).toEqual(['person:a']);
  });
});
