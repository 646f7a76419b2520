/**
 * The matching side's copy of the corpus list (background/store-corpus-source.ts) against change
 * notices (store/corpora-notice.ts): kept between requests, dropped by a write in this context at
 * once and by a write in another context (a second CorpusStore of the same database, as the
 * corpora page or its import worker holds) through the BroadcastChannel.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { METAS_REVALIDATE_MS, createStoreCorpusSource } from '../../../src/background/store-corpus-source';
import type { CorpusSource } from '../../../src/background/corpus-source';
import type { CorpusStore } from '../../../src/store/corpus-store';
import { SECOND_TEXT, SEEDS_TEXT, freshDbName, freshStore, secondIndex, seedsIndex } from './helpers';

const open: CorpusStore[] = [];
async function store(name: string): Promise<CorpusStore> {
  const s = await freshStore(name);
  open.push(s);
  return s;
}
afterEach(() => {
  vi.restoreAllMocks();
  for (const s of open.splice(0)) s.close();
});

/** Ids each active corpus finds in `text`, by corpus name: what the next match request answers. */
async function matches(source: CorpusSource, text: string): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const corpus of await source.active()) out[corpus.name] = (await corpus.match(text)).map((m) => m.id);
  return out;
}

/** Resolves on the next notice `s` hears (from any context). */
function nextNotice(s: CorpusStore): Promise<void> {
  return new Promise((resolve) => {
    const stop = s.onCorporaChange(() => {
      stop();
      resolve();
    });
  });
}

const TEXT = `${SEEDS_TEXT} ${SECOND_TEXT}`;

describe('matching side: the corpus list between requests', () => {
  it('reads the list once while nothing changes', async () => {
    const side = await store(freshDbName());
    await side.install(secondIndex(), { name: 'Second', origin: 'imported' });
    const source = createStoreCorpusSource(async () => side);
    const reads = vi.spyOn(side, 'metas');
    for (let i = 0; i < 4; i++) expect(await matches(source, SECOND_TEXT)).toEqual({ Second: ['person:ilse-brandvold'] });
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it('sees a write of its own context on the very next request', async () => {
    const side = await store(freshDbName());
    const { id } = await side.install(secondIndex(), { name: 'Second', origin: 'imported' });
    const source = createStoreCorpusSource(async () => side);
    expect(await matches(source, SECOND_TEXT)).toEqual({ Second: ['person:ilse-brandvold'] });
    await side.setActive(id, false);
    expect(await matches(source, SECOND_TEXT)).toEqual({});
    await side.setActive(id, true);
    await side.rename(id, 'Harbour 2031');
    expect(await matches(source, SECOND_TEXT)).toEqual({ 'Harbour 2031': ['person:ilse-brandvold'] });
  });

  it('sees every kind of write from another context (install, switch, rename, replace, delete) on the next request', async () => {
    const name = freshDbName();
    const side = await store(name); // the background's store
    const page = await store(name); // the corpora page's (or its import worker's) store of the same database
    const source = createStoreCorpusSource(async () => side);
    expect(await matches(source, TEXT)).toEqual({});

    let heard = nextNotice(side);
    const second = await page.install(secondIndex(), { name: 'Second', origin: 'imported' });
    await heard;
    expect(await matches(source, TEXT)).toEqual({ Second: ['person:ilse-brandvold'] });

    heard = nextNotice(side);
    const seeds = await page.install(seedsIndex(), { name: 'Seeds', origin: 'imported' });
    await heard;
    expect(await matches(source, TEXT)).toEqual({ Second: ['person:ilse-brandvold'], Seeds: ['person:jeremy-corbyn'] });

    heard = nextNotice(side);
    await page.setActive(second.id, false);
    await heard;
    expect(await matches(source, TEXT)).toEqual({ Seeds: ['person:jeremy-corbyn'] });

    heard = nextNotice(side);
    await page.rename(seeds.id, 'Renamed');
    await heard;
    expect(await matches(source, TEXT)).toEqual({ Renamed: ['person:jeremy-corbyn'] });

    // Replaced by the second corpus's records under the same id: the next match reads the new generation.
    heard = nextNotice(side);
    await page.install(secondIndex(), { id: seeds.id, name: 'Renamed', origin: 'imported' });
    await heard;
    expect(await matches(source, TEXT)).toEqual({ Renamed: ['person:ilse-brandvold'] });

    heard = nextNotice(side);
    await page.delete(seeds.id);
    await heard;
    expect(await matches(source, TEXT)).toEqual({});
  });

  it('a change no notice told of (written past the store) is read again after METAS_REVALIDATE_MS', async () => {
    const side = await store(freshDbName());
    const { id } = await side.install(secondIndex(), { name: 'Second', origin: 'imported' });
    const source = createStoreCorpusSource(async () => side);
    let now = Date.now();
    vi.spyOn(Date, 'now').mockImplementation(() => now);
    expect(await matches(source, SECOND_TEXT)).toEqual({ Second: ['person:ilse-brandvold'] });
    const raw = (await side.db.get('corpora', id))!;
    await side.db.put('corpora', { ...raw, active: false });
    // The copy is still used (no notice): the cache is real.
    expect(await matches(source, SECOND_TEXT)).toEqual({ Second: ['person:ilse-brandvold'] });
    now += METAS_REVALIDATE_MS + 1;
    // This request answers from the copy and reads the list again behind it; the next one has the change.
    await source.active();
    await vi.waitFor(async () => expect(await matches(source, SECOND_TEXT)).toEqual({}));
  });
});
