/**
 * The corpus browser over stored corpora (a fake store): the picker, the address, deep links with
 * and without a corpus, loading and error states; and the overview at scale: paged article list,
 * coverage matrix with top entities, filter and "show more", and a timeline grouped by day, week or
 * month. Counts are exact: the scale fixture's person j is in every (j+1)-th article.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoredCorpusBrowser } from '../../../src/ui/browser/StoredCorpusBrowser';
import { timelineBuckets, timelineUnit } from '../../../src/ui/browser/Timeline';
import type { CorporaSource } from '../../../src/ui/shared/stored-corpora';
import { makeScaleIndex } from '../../fixtures/index/scale-index';
import { makeUiIndex } from '../../fixtures/index/ui-index';
import { fakeSource, summaryOf, type FakeCorpus } from '../helpers/corpora';
import { cleanup, navigate, textOf } from './helpers';

const ui = makeUiIndex();
// 120 articles over 15 outlets and 700 days; 200 people.
const scale = makeScaleIndex({ articles: 120, people: 200, outlets: 15, spreadDays: 700 });

const corpora: FakeCorpus[] = [
  { summary: summaryOf('one', 'First corpus', ui), index: ui },
  { summary: summaryOf('two', 'Second corpus', scale), index: scale },
  { summary: summaryOf('off', 'Switched off', ui, { active: false }), index: ui },
  { summary: summaryOf('bad', 'Broken corpus', ui, { status: 'broken', reason: 'record articles "x", field sentences: expected an array' }), index: { broken: 'Corpus "Broken corpus" (bad) is broken: record articles "x", field sentences: expected an array' } },
];

async function settle(times = 6): Promise<void> {
  for (let i = 0; i < times; i++) {
    await act(async () => {
      await new Promise((r) => setTimeout(r, 0));
    });
  }
}

/** Mounts the stored-corpus browser at an address (query and hash). */
async function mount(address: string, source: CorporaSource = fakeSource(corpora)) {
  history.replaceState(null, '', `/${address}`);
  const root = document.createElement('div');
  document.body.append(root);
  await act(async () => {
    render(<StoredCorpusBrowser source={source} download={() => undefined} />, root);
  });
  await settle();
  return root;
}

const picker = (root: Element) => root.querySelector<HTMLSelectElement>('[data-testid="corpus-picker"]')!;
const options = (root: Element) => [...picker(root).options].map((o) => [o.value, o.textContent]);
const query = () => new URLSearchParams(location.search).get('corpus');

async function choose(root: Element, id: string): Promise<void> {
  await act(async () => {
    picker(root).value = id;
    picker(root).dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle();
}

async function click(el: Element | null): Promise<void> {
  if (!el) throw new Error('nothing to click');
  await act(async () => {
    (el as HTMLElement).click();
  });
  await settle(2);
}

async function type(input: HTMLInputElement, value: string): Promise<void> {
  await act(async () => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await settle(2);
}

beforeEach(() => history.replaceState(null, '', '/'));
afterEach(cleanup);

describe('corpus browser: the corpus picker and the address', () => {
  it('offers the active corpora, shows the first by default, and names it in the address from the first move on', async () => {
    const source = fakeSource(corpora);
    const root = await mount('#/', source);
    expect(options(root)).toEqual([
      ['one', 'First corpus (3 articles)'],
      ['two', 'Second corpus (120 articles)'],
    ]);
    expect(picker(root).value).toBe('one');
    expect(textOf(root.querySelector('[data-testid="article-count"]'))).toBe('3 articles');
    expect(source.reads).toEqual(['one']);
    // The address stays as opened, then a link of the page's own writes the corpus shown into it.
    expect(location.search).toBe('');
    await navigate('#/person/person:jeremy-corbyn');
    expect(query()).toBe('one');
    expect(location.hash).toBe('#/person/person:jeremy-corbyn');
  });

  it('shows the corpus picked, from its overview, and keeps it in the address', async () => {
    const source = fakeSource(corpora);
    const root = await mount('#/person/person:jeremy-corbyn', source);
    await choose(root, 'two');
    expect(query()).toBe('two');
    expect(location.hash).toBe('#/');
    expect(textOf(root.querySelector('[data-testid="article-count"]'))).toBe('120 articles');
    expect(source.reads).toEqual(['one', 'two']);
    // The page's own links name no corpus: following one stays in the chosen corpus.
    await navigate('#/person/person:p-003');
    expect(query()).toBe('two');
    expect(textOf(root.querySelector('.cl-view-title'))).toBe('Person 003');
  });

  it('opens a deep link naming a corpus in it, and stays in it when a link of the page is followed', async () => {
    const root = await mount('#/corpus/two/person/person:p-001');
    expect(picker(root).value).toBe('two');
    expect(textOf(root.querySelector('.cl-view-title'))).toBe('Person 001');
    await navigate('#/person/person:p-002');
    expect(query()).toBe('two');
    expect(textOf(root.querySelector('.cl-view-title'))).toBe('Person 002');
    // A deep link followed inside the page moves its corpus into the query.
    await navigate('#/corpus/one/person/person:jeremy-corbyn');
    expect(query()).toBe('one');
    expect(location.hash).toBe('#/person/person:jeremy-corbyn');
    expect(picker(root).value).toBe('one');
    expect(textOf(root.querySelector('.cl-view-title'))).toBe('Jeremy Corbyn');
  });

  it('opens a deep link naming no corpus in the first active corpus that has the record', async () => {
    const root = await mount('#/person/person:p-001');
    expect(picker(root).value).toBe('two');
    expect(root.querySelector('[data-testid="view-entity"]')?.getAttribute('data-cl-id')).toBe('person:p-001');
  });

  it('shows a switched-off corpus the address names, marked so in the picker', async () => {
    const root = await mount('?corpus=off#/');
    expect(options(root)).toEqual([
      ['one', 'First corpus (3 articles)'],
      ['two', 'Second corpus (120 articles)'],
      ['off', 'Switched off (switched off)'],
    ]);
    expect(textOf(root.querySelector('[data-testid="article-count"]'))).toBe('3 articles');
  });

  it('says why a broken corpus cannot be shown, and an unknown one', async () => {
    let root = await mount('?corpus=bad#/');
    expect(options(root).at(-1)).toEqual(['bad', 'Broken corpus (broken)']);
    expect(textOf(root.querySelector('[data-testid="index-error"]'))).toContain('Corpus "Broken corpus" (bad) is broken: record articles "x", field sentences: expected an array');
    cleanup();
    root = await mount('?corpus=gone#/');
    expect(textOf(root.querySelector('[data-testid="index-error"]'))).toContain('there is no corpus with id "gone"');
  });

  it('offers a corpus installed meanwhile after the next move, without reading the shown one again', async () => {
    const stored = corpora.slice(0, 1);
    const source = fakeSource(stored);
    const root = await mount('#/', source);
    expect(options(root).map(([id]) => id)).toEqual(['one']);
    stored.push(corpora[1]);
    await navigate('#/person/person:jeremy-corbyn');
    expect(options(root).map(([id]) => id)).toEqual(['one', 'two']);
    expect(source.reads).toEqual(['one']);
  });

  it('reads no index on the Corpora page, then reads it once for the overview', async () => {
    const source = fakeSource(corpora);
    const root = await mount('?corpus=two#/corpora', source);
    expect(source.reads).toEqual([]);
    expect(picker(root).value).toBe('two');
    await navigate('#/');
    expect(source.reads).toEqual(['two']);
    await navigate('#/corpora');
    await navigate('#/');
    expect(source.reads).toEqual(['two']);
    expect(textOf(root.querySelector('[data-testid="article-count"]'))).toBe('120 articles');
  });

  it('shows a loading state until the index is read', async () => {
    const slow: CorporaSource = { ...fakeSource(corpora), readIndex: () => new Promise(() => undefined) };
    const root = await mount('#/', slow);
    expect(root.querySelector('[data-testid="corpus-loading"]')).not.toBeNull();
    expect(root.querySelector('[data-testid="view-overview"]')).toBeNull();
    expect(picker(root).value).toBe('one');
  });

  it('says so when the store holds no corpus, or cannot be listed', async () => {
    let root = await mount('#/', fakeSource([]));
    expect(textOf(root.querySelector('[data-testid="index-error"]'))).toContain('no corpus is stored');
    cleanup();
    root = await mount('#/', { ...fakeSource(corpora), list: () => Promise.reject(new Error('the background did not answer')) });
    expect(textOf(root.querySelector('[data-testid="index-error"]'))).toContain('the background did not answer');
  });
});

describe('corpus browser at scale', () => {
  const rows = (root: Element, selector: string) => root.querySelectorAll(selector).length;

  it('pages the article list: 50, then 100, then all 120', async () => {
    const root = await mount('?corpus=two#/');
    expect(rows(root, '[data-testid="article-list"] tbody tr')).toBe(50);
    expect(textOf(root.querySelector('[data-testid="articles-more"]'))).toBe('Showing 50 of 120 Show 50 more');
    await click(root.querySelector('[data-testid="articles-more"] button'));
    expect(rows(root, '[data-testid="article-list"] tbody tr')).toBe(100);
    await click(root.querySelector('[data-testid="articles-more"] button'));
    expect(rows(root, '[data-testid="article-list"] tbody tr')).toBe(120);
    expect(root.querySelector('[data-testid="articles-more"]')).toBeNull();
  });

  it('draws the 30 most covered people over the 12 largest outlets, 30 more on request', async () => {
    const root = await mount('?corpus=two#/');
    const table = () => root.querySelector('[data-testid="matrix-table"]')!;
    const names = () => [...table().querySelectorAll('tbody th')].map(textOf);
    expect(names()).toHaveLength(30);
    expect(names().slice(0, 3)).toEqual(['Person 000', 'Person 001', 'Person 002']);
    expect(rows(root, '[data-testid="coverage-matrix"] svg a')).toBe(30);
    // 120 articles over 15 outlets: 8 each, so the first 12 seen are the columns.
    expect([...table().querySelectorAll('thead th')].slice(1).map(textOf)).toEqual(Array.from({ length: 12 }, (_, i) => `Outlet ${String(i).padStart(3, '0')}`));
    expect(textOf(root.querySelector('[data-testid="coverage-matrix"]'))).toContain('The 12 outlets with most articles are columns; 3 more are left out.');
    // Person 000 is in every article: 8 per outlet.
    expect([...table().querySelector('tbody tr')!.querySelectorAll('td')].map(textOf)).toEqual(Array(12).fill('8'));
    await click(root.querySelector('[data-testid="matrix-more"] button'));
    expect(names()).toHaveLength(60);
    expect(textOf(root.querySelector('[data-testid="matrix-more"]'))).toBe('Showing 60 of 200 Show 30 more');
  });

  it('filters the matrix by name, case- and accent-blind, and says when nothing matches', async () => {
    const root = await mount('?corpus=two#/');
    const filter = root.querySelector<HTMLInputElement>('[data-testid="matrix-filter"]')!;
    await type(filter, 'pérson 01');
    const names = [...root.querySelectorAll('[data-testid="matrix-table"] tbody th')].map(textOf);
    // Persons 010–019, most covered first (010 is in every 11th article, so in 11 of them).
    expect([...names].sort()).toEqual(Array.from({ length: 10 }, (_, i) => `Person 01${i}`));
    expect(names[0]).toBe('Person 010');
    expect(root.querySelector('[data-testid="matrix-more"]')).toBeNull();
    await type(filter, 'nobody by this name');
    expect(textOf(root.querySelector('[data-testid="matrix-no-match"]'))).toBe('No person or organisation matches “nobody by this name”.');
    await type(filter, '');
    expect(rows(root, '[data-testid="matrix-table"] tbody tr')).toBe(30);
  });

  it('counts a long timeline by month, and a person in 120 articles lists 50 at a time', async () => {
    const root = await mount('?corpus=two#/');
    const bars = root.querySelector('[data-testid="timeline-bars"]')!;
    expect(bars.getAttribute('data-unit')).toBe('month');
    // 2031-01-01 to 2032-12-01 (day 700): 24 months, every one with articles.
    expect(bars.querySelectorAll('rect')).toHaveLength(24);
    expect(root.querySelectorAll('[data-testid="timeline"] circle')).toHaveLength(0);
    await navigate('#/person/person:p-000');
    expect(rows(root, '[data-testid="view-entity"] .cl-link-list li')).toBe(50);
    expect(rows(root, '[data-testid="descriptors"] tbody tr')).toBe(50);
    expect(textOf(root.querySelector('[data-testid="entity-articles-more"]'))).toBe('Showing 50 of 120 Show 50 more');
  });
});

describe('timeline grouping', () => {
  const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

  it.each([
    [0, 'day'],
    [62, 'day'],
    [63, 'week'],
    [366, 'week'],
    [367, 'month'],
  ] as const)('a range of %i days is counted by %s', (span, unit) => {
    expect(timelineUnit(span)).toBe(unit);
  });

  it.each([
    // 2031-01-01 is a Wednesday and 2031-01-09 a Thursday: their weeks start on Mondays 2030-12-30 and 2031-01-06.
    ['week', ['2031-01-01', '2031-01-02', '2031-01-09'], [['2030-12-30', 2], ['2031-01-06', 1]]],
    ['month', ['2031-01-31', '2031-03-15'], [['2031-01', 1], ['2031-02', 0], ['2031-03', 1]]],
    ['day', ['2031-01-01', '2031-01-03', '2031-01-03'], [['2031-01-01', 1], ['2031-01-02', 0], ['2031-01-03', 2]]],
  ] as const)('by %s, empty buckets included', (unit, dates, expected) => {
    expect(timelineBuckets(dates.map(day), unit).map((b) => [b.label, b.count])).toEqual(expected);
  });
});
