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
import type { CorpusIndex, DetectionKind } from '../../../src/core/index/types';
import { serialiseCorpusFile } from '../../../src/store/corpus-file';
import type { CorpusStore } from '../../../src/store/corpus-store';
import { readCorpus } from '../../../scripts/lib/read-corpus';
import { generateCorpus } from '../../../scripts/bench/generate-corpus';
import { ROOT } from '../analysis/helpers';
import { countRows, freshStore } from './helpers';

const open: CorpusStore[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

/** Analysing 30 generated articles twice and installing them twice takes seconds on a loaded 2-core machine. */
const TIMEOUT_MS = 120_000;

/** Every card record key of an index. */
function cardKeys(index: CorpusIndex): [DetectionKind, string][] {
  return [
    ...index.entities.map((e): [DetectionKind, string] => [e.kind, e.id]),
    ...index.claimGroups.map((g): [DetectionKind, string] => ['claim', g.id]),
    ...index.quoteGroups.map((g): [DetectionKind, string] => ['quote', g.id]),
  ];
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
    await s.install(grown, { id, name: 'Grown', origin: 'imported', removeReplacedAfter: true, tokens: keptAgain });
    await s.whenIdle();
    expect((await s.readArticlesWithTokens(id)).tokens.size).toBe(all.length);

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
