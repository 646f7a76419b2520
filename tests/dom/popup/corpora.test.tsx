/** The popup over several active corpora: lists and search name each row's corpus, long lists page, links name the corpus. */
import { afterEach, describe, expect, it } from 'vitest';
import { loadActiveCorpora, type PopupCorpora } from '../../../src/ui/popup/active-corpora';
import { makeScaleIndex } from '../../fixtures/index/scale-index';
import { makeUiIndex } from '../../fixtures/index/ui-index';
import { fakeSource, summaryOf } from '../helpers/corpora';
import { cleanup, click, flush, mountPopup, textOf, typeInto } from './helpers';

const ui = makeUiIndex();
const scale = makeScaleIndex({ articles: 120, people: 75, outlets: 4, spreadDays: 30 });
const both: PopupCorpora = {
  corpora: [
    { summary: summaryOf('one', 'First corpus', ui), index: ui },
    { summary: summaryOf('two', 'Second corpus', scale), index: scale },
  ],
  errors: [],
};

afterEach(cleanup);

describe('popup over several corpora', () => {
  it('lists the people of both corpora, most covered first, each naming its corpus, 50 at a time', async () => {
    const m = await mountPopup(both, {}, 'people');
    const rows = () => [...m.root.querySelectorAll('[data-testid="list-people"] .cl-row')];
    expect(rows()).toHaveLength(50);
    // Person 000 is in all 120 articles of the second corpus; the first corpus's people in 3 and 2.
    expect(textOf(rows()[0])).toBe('Person 000 in 120 of 120 articles · in Second corpus');
    expect(rows().map(textOf)).toContain('Jeremy Corbyn in 3 of 3 articles · in First corpus');
    expect(textOf(m.root.querySelector('[data-testid="list-more-people"]'))).toBe('Showing 50 of 77 Show 27 more');
    await click(m.root.querySelector('[data-testid="list-more-people"] button'));
    expect(rows()).toHaveLength(77);
    expect(m.root.querySelector('[data-testid="list-more-people"]')).toBeNull();
    await click(m.root.querySelector('[data-cl-hash="#/corpus/two/person/person:p-000"]'));
    expect(m.requests).toContainEqual({ type: 'openCorpusBrowser', payload: { hash: '#/corpus/two/person/person:p-000' } });
  });

  it('searches both corpora and says which corpus each hit comes from', async () => {
    const m = await mountPopup(both);
    await typeInto(m.root.querySelector('[data-testid="search-input"]') as HTMLInputElement, 'person 007');
    const hit = m.root.querySelector('[data-testid="search-hit"][data-cl-id="person:p-007"]');
    expect(hit?.getAttribute('data-cl-corpus')).toBe('two');
    expect(textOf(hit)).toContain('in Second corpus');
    await typeInto(m.root.querySelector('[data-testid="search-input"]') as HTMLInputElement, 'corbyn');
    const corbyn = m.root.querySelector('[data-testid="search-hit"][data-cl-id="person:jeremy-corbyn"]');
    expect(corbyn?.getAttribute('data-cl-corpus')).toBe('one');
    expect(textOf(corbyn)).toContain('in First corpus');
  });

  it('shows the lists as loading until the corpora are read', async () => {
    const m = await mountPopup(null, {}, 'people');
    expect(textOf(m.root.querySelector('[data-testid="list-loading"]'))).toBe('Loading the corpora…');
    expect(m.root.querySelector('[data-testid="search-input"]')).toBeNull();
  });

  it('reads only the active, ready corpora, and reports one that fails while showing the others', async () => {
    const source = fakeSource([
      { summary: summaryOf('one', 'First corpus', ui), index: ui },
      { summary: summaryOf('off', 'Off', ui, { active: false }), index: ui },
      { summary: summaryOf('bad', 'Bad', ui, { status: 'broken' }), index: { broken: 'never read' } },
      { summary: summaryOf('gone', 'Gone', ui), index: { broken: 'Corpus "Gone" (gone) is broken: record articles "a1", field text: expected a string' } },
    ]);
    const loaded = await loadActiveCorpora(source);
    expect(source.reads).toEqual(['one', 'gone']);
    expect('corpora' in loaded && loaded.corpora.map((c) => c.summary.id)).toEqual(['one']);
    expect('errors' in loaded && loaded.errors).toEqual(['Corpus "Gone" (gone) is broken: record articles "a1", field text: expected a string']);
    const m = await mountPopup(loaded);
    await flush();
    expect(textOf(m.root.querySelector('[data-testid="corpus-errors"]'))).toContain('record articles "a1", field text: expected a string');
  });
});
