/**
 * Adding articles to a stored corpus as the import worker does it (its article records and kept
 * tokens read back, analyseIncrement, installed over it with the replaced generation removed after,
 * every article's tokens kept again): the corpus that
 * results equals one installed from a full analysis of all the articles, record for record, card
 * for card and in its matcher, on the seeds and a generated corpus.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { analyseCorpus, type ArticleInput } from '../../../src/core/analysis/index';
import { analyseIncrement } from '../../../src/core/analysis/incremental';
import type { StoredTokens } from '../../../src/core/analysis/stored-tokens';
import { serialiseCorpusFile } from '../../../src/store/corpus-file';
import type { CorpusStore } from '../../../src/store/corpus-store';
import { readCorpus } from '../../../scripts/lib/read-corpus';
import { generateCorpus } from '../../../scripts/bench/generate-corpus';
import { ROOT } from '../analysis/helpers';
import { cardKeys, countRows, freshStore } from './helpers';
import { generationRange } from '../../../src/store/db';

const open: CorpusStore[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

/** Analysing 30 generated articles twice and installing them twice takes seconds on a loaded 2-core machine. */
const TIMEOUT_MS = 120_000;


/** A store holding only the full analysis of `articles`, for comparing row counts. */
async function installedAlone(articles: ArticleInput[]): Promise<CorpusStore> {
  const f = await freshStore();
  open.push(f);
  await f.install(analyseCorpus(articles), { name: 'Alone', origin: 'imported' });
  return f;
}

const cases: { name: string; articles: () => ArticleInput[]; added: number }[] = [
  { name: 'seeds, 2 added to 3', articles: () => readCorpus(resolve(ROOT, 'seeds')).articles, added: 2 },
  { name: 'generated, 10 added to 20', articles: () => generateCorpus({ articles: 30, seed: 11 }), added: 10 },
];

describe('adding articles to a stored corpus', () => {
  it.each(cases)('$name: equals installing the full analysis', async ({ articles, added }) => {
    const all = articles();
    // The added articles interleave with the held ones in id order (their groups renumber).
    const sorted = [...all].sort((a, b) => (a.id < b.id ? -1 : 1));
    const newOnes = sorted.filter((_, k) => k % Math.ceil(all.length / added) === 1).slice(0, added);
    const oldOnes = sorted.filter((a) => !newOnes.includes(a));
    expect(newOnes).toHaveLength(added);

    const s = await freshStore();
    open.push(s);
    const kept = new Map<string, StoredTokens>();
    const { id } = await s.install(analyseCorpus(oldOnes, undefined, kept), { name: 'Grown', origin: 'imported', tokens: kept });
    const held = await s.readArticlesWithTokens(id);
    // The tokens kept beside each article come back through the store as they went in.
    expect([...held.tokens.keys()].sort()).toEqual(oldOnes.map((a) => a.id).sort());
    for (const [articleId, tokens] of kept) expect(held.tokens.get(articleId)).toEqual(tokens);
    const keptAgain = new Map<string, StoredTokens>();
    const grown = analyseIncrement(held.articles, newOnes, undefined, { heldTokens: held.tokens, keptTokens: keptAgain });
    const before = (await s.meta(id))!;
    // As the import worker does: the held articles' rows are shared, only the added ones written.
    const heldArticles = { from: held.from, ids: new Set(held.articles.map((a) => a.id)) };
    await s.install(grown, { id, name: 'Grown', origin: 'imported', removeReplacedAfter: true, tokens: keptAgain, heldArticles });
    await s.whenIdle();
    expect((await s.readArticlesWithTokens(id)).tokens.size).toBe(all.length);
    expect((await s.meta(id))!.articlesFrom).toEqual([before.data]);
    // Only the added articles' rows are under the new generation.
    expect(await s.db.count('articles', generationRange((await s.meta(id))!.data))).toBe(newOnes.length);
    expect(await s.readArticle(id, oldOnes[0].id)).toEqual(held.articles.find((a) => a.id === oldOnes[0].id));

    const whole = analyseCorpus(all);
    const f = await freshStore();
    open.push(f);
    const { id: wholeId } = await f.install(whole, { name: 'Whole', origin: 'imported' });

    expect(serialiseCorpusFile(await s.readIndex(id))).toBe(serialiseCorpusFile(whole));
    expect(await countRows(s)).toEqual(await countRows(f));
    const [grownMeta, wholeMeta] = [(await s.meta(id))!, (await f.meta(wholeId))!];
    expect(grownMeta.retired).toBeUndefined();
    for (const [kind, key] of cardKeys(whole)) expect(await s.readDetails(grownMeta, kind, key)).toEqual(await f.readDetails(wholeMeta, kind, key));
    expect((await s.readMatcher(grownMeta))!.data).toEqual((await f.readMatcher(wholeMeta))!.data);
  }, TIMEOUT_MS);

  it('adds in a row share the rows of every earlier generation, a full install drops them, and delete leaves nothing', async () => {
    const all = readCorpus(resolve(ROOT, 'seeds')).articles;
    const [first, second, ...rest] = [...all].sort((a, b) => (a.id < b.id ? -1 : 1));
    const s = await freshStore();
    open.push(s);
    const { id } = await s.install(analyseCorpus(rest), { name: 'Grown', origin: 'imported' });
    const addOne = async (article: ArticleInput) => {
      const held = await s.readArticlesWithTokens(id);
      const grown = analyseIncrement(held.articles, [article], undefined, { heldTokens: held.tokens });
      await s.install(grown, { id, name: 'Grown', origin: 'imported', heldArticles: { from: held.from, ids: new Set(held.articles.map((a) => a.id)) } });
    };
    const data0 = (await s.meta(id))!.data;
    await addOne(second);
    const data1 = (await s.meta(id))!.data;
    await addOne(first);
    const meta = (await s.meta(id))!;
    expect(meta.articlesFrom).toEqual([data0, data1]);
    expect(meta.retired).toBeUndefined();
    expect(serialiseCorpusFile(await s.readIndex(id))).toBe(serialiseCorpusFile(analyseCorpus(all)));
    // Rows of the replaced generations other than their articles are gone.
    expect(await countRows(s)).toEqual({ ...(await countRows(await installedAlone(all))), corpora: 1 });

    // A removal of the replaced generation cut short (its key still retired) is finished by
    // recover(), which leaves the article rows the live generation shares.
    await s.db.put('corpora', { ...meta, retired: [data0] });
    await s.recover();
    expect((await s.meta(id))!.retired).toBeUndefined();
    expect(serialiseCorpusFile(await s.readIndex(id))).toBe(serialiseCorpusFile(analyseCorpus(all)));

    // A sharing add whose corpus changed since its articles were read fails and changes nothing.
    const stale = { from: [data0], ids: new Set(rest.map((a) => a.id)) };
    await expect(s.install(analyseCorpus(all), { id, name: 'Grown', origin: 'imported', heldArticles: stale })).rejects.toThrow(/changed while articles were being added/);
    expect((await s.meta(id))!.data).toBe(meta.data);

    // A full install over it (no sharing) retires every generation's articles.
    await s.install(analyseCorpus(all), { id, name: 'Grown', origin: 'imported' });
    expect((await s.meta(id))!.articlesFrom).toBeUndefined();
    expect(await countRows(s)).toEqual({ ...(await countRows(await installedAlone(all))), corpora: 1 });
    await s.delete(id);
    expect(await countRows(s)).toEqual({ corpora: 0, articles: 0, records: 0, details: 0, matcher: 0 });
  }, TIMEOUT_MS);

  it('a corpus installed from a corpus file keeps each article\'s tokens as its analysis would have', async () => {
    const articles = readCorpus(resolve(ROOT, 'seeds')).articles;
    const kept = new Map<string, StoredTokens>();
    const index = analyseCorpus(articles, undefined, kept);
    const s = await freshStore();
    open.push(s);
    // A corpus file carries no tokens: the install segments each article from its record.
    const { id } = await s.installFileText(serialiseCorpusFile(index), 'seeds.json', { name: 'From a file', origin: 'imported' });
    const held = await s.readArticlesWithTokens(id);
    expect(kept.size).toBe(articles.length);
    expect([...held.tokens.keys()].sort()).toEqual([...kept.keys()].sort());
    for (const [articleId, tokens] of kept) expect(held.tokens.get(articleId)).toEqual(tokens);
  }, TIMEOUT_MS);
});
