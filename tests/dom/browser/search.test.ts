/**
 * The one search over everything: prefix and typo tolerance, grouped by kind, on the hand-made
 * fixture and on the index analysed from the real seeds (built in-process, as build-index does).
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseCorpus } from '../../../src/core/analysis/index';
import { validateIndex } from '../../../src/core/index/validate';
import { loadCorpusIndex } from '../../../src/ui/shared/corpus';
import { createCorpusSearch, SEARCH_KIND_ORDER } from '../../../src/ui/shared/search';
import { readCorpus } from '../../../scripts/lib/read-corpus';
import { makeUiIndex } from '../../fixtures/index/ui-index';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const seeds = analyseCorpus(readCorpus(resolve(ROOT, 'seeds')).articles);

const firstOf = (search: ReturnType<typeof createCorpusSearch>, query: string, kind: string) =>
  search.search(query).find((g) => g.kind === kind)?.hits[0];

describe('corpus search on the fixture index', () => {
  const search = createCorpusSearch(makeUiIndex());

  it('finds by prefix and by a one-letter typo', () => {
    expect(firstOf(search, 'corb', 'person')?.id).toBe('person:jeremy-corbyn');
    expect(firstOf(search, 'mcluskey', 'person')?.id).toBe('person:len-mccluskey');
    expect(firstOf(search, 'umite', 'organisation')?.id).toBe('organisation:unite');
  });

  it('searches claim texts, quote texts, headlines and outlets, grouped in a fixed kind order', () => {
    expect(firstOf(search, 'resigned', 'claim')?.id).toBe('cg1');
    expect(firstOf(search, 'social movement', 'quote')?.id).toBe('qg1');
    expect(firstOf(search, 'morning star', 'article')?.id).toBe('a2-morning-star');
    const kinds = search.search('corbyn').map((g) => g.kind);
    expect(kinds).toEqual(SEARCH_KIND_ORDER.filter((k) => kinds.includes(k)));
  });

  it('returns nothing for an empty query and for nonsense', () => {
    expect(search.search('   ')).toEqual([]);
    expect(search.search('zzzzqqq')).toEqual([]);
  });
});

describe('corpus search with claims and quotes indexed in the background', () => {
  it('finds people and articles at once, claims and quotes once indexing completes', async () => {
    const search = createCorpusSearch(makeUiIndex(), { background: true });
    expect(search.isComplete()).toBe(false);
    expect(firstOf(search, 'corb', 'person')?.id).toBe('person:jeremy-corbyn');
    expect(firstOf(search, 'morning star', 'article')?.id).toBe('a2-morning-star');
    expect(firstOf(search, 'resigned', 'claim')).toBeUndefined();
    await search.complete;
    expect(search.isComplete()).toBe(true);
    expect(firstOf(search, 'resigned', 'claim')?.id).toBe('cg1');
    expect(firstOf(search, 'social movement', 'quote')?.id).toBe('qg1');
  });
});

describe('corpus search on the index analysed from seeds/', () => {
  const search = createCorpusSearch(seeds);

  it('"corb" finds Jeremy Corbyn first among people, and the articles about him', () => {
    expect(firstOf(search, 'corb', 'person')?.id).toBe('person:jeremy-corbyn');
    const articles = search.search('corb').find((g) => g.kind === 'article')?.hits.map((h) => h.title) ?? [];
    expect(articles).toContain('Jeremy Corbyn to rally Labour activists at leadership campaign launch');
  });

  it('"mcluskey" (a letter missing) finds Len McCluskey', () => {
    expect(firstOf(search, 'mcluskey', 'person')?.id).toBe('person:len-mccluskey');
  });

  it('finds an organisation by name and a claim by its figure', () => {
    expect(firstOf(search, 'momentum', 'organisation')?.id).toBe('organisation:momentum');
    const claim = firstOf(search, '28 women', 'claim');
    expect(claim?.title).toMatch(/28 women Labour MPs/);
  });
});

describe('loading the index for the UI', () => {
  it('accepts the analysed seeds and the fixture', () => {
    expect('index' in loadCorpusIndex(JSON.parse(JSON.stringify(seeds)), validateIndex)).toBe(true);
    expect('index' in loadCorpusIndex(makeUiIndex(), validateIndex)).toBe(true);
  });

  it('turns a broken index into an error naming what is wrong', () => {
    expect(loadCorpusIndex(null)).toEqual({ error: 'the index is not a JSON object' });
    expect(loadCorpusIndex({ ...makeUiIndex(), schemaVersion: 0 })).toEqual({ error: 'schema version 0 (expected 1)' });
    const { claims: _claims, ...noClaims } = makeUiIndex();
    expect(loadCorpusIndex(noClaims)).toEqual({ error: '"claims" is missing or not a list' });
    const bad = makeUiIndex();
    bad.entities[0].coverage[0].mentions[0].end = 999_999;
    const loaded = loadCorpusIndex(bad, validateIndex);
    expect('error' in loaded && loaded.error).toMatch(/^index\.entities\[0\]\.coverage\[0\]\.mentions\[0\]\.end: /);
  });
});
