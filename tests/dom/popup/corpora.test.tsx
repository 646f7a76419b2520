/** The popup over several active corpora: lists and search name each row's corpus, long lists page, links name the corpus. */
import { afterEach, describe, expect, it } from 'vitest';
import { listActiveCorpora, preloadedCorpora, type PopupCorpora } from '../../../src/ui/popup/active-corpora';
import { makeScaleIndex } from '../../fixtures/index/scale-index';
import { makeUiIndex } from '../../fixtures/index/ui-index';
import { fakeSource, summaryOf } from '../helpers/corpora';
import { cleanup, click, flush, mountPopup, textOf, typeInto } from './helpers';

const ui = makeUiIndex();
const scale = makeScaleIndex({ articles: 120, people: 75, outlets: 4, spreadDays: 30 });
const both: PopupCorpora = preloadedCorpora([
  { summary: summaryOf('one', 'First corpus', ui), index: ui },
  { summary: summaryOf('two', 'Second corpus', scale), index: scale },
]);

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

  it('opens on the list alone, reports broken corpora from it, and reads the active, ready indexes only when a list or search needs them', async () => {
    const source = fakeSource([
      { summary: summaryOf('one', 'First corpus', ui), index: ui },
      { summary: summaryOf('off', 'Off', ui, { active: false }), index: ui },
      { summary: summaryOf('bad', 'Bad', ui, { status: 'broken', reason: 'Corpus "Bad" (bad) is broken: record entities "p1", field name: expected a string' }), index: { broken: 'never read' } },
      { summary: summaryOf('gone', 'Gone', ui), index: { broken: 'Corpus "Gone" (gone) is broken: record articles "a1", field text: expected a string' } },
    ]);
    const listed = await listActiveCorpora(source);
    expect(source.reads).toEqual([]);
    expect('active' in listed && listed.active.map((c) => c.id)).toEqual(['one', 'gone']);
    expect('active' in listed && listed.errors).toEqual(['Corpus "Bad" (bad) is broken: record entities "p1", field name: expected a string']);
    const m = await mountPopup(listed);
    await flush();
    // Open: the page tab counts the active corpora's articles from their metadata; nothing read yet.
    expect(source.reads).toEqual([]);
    expect(textOf(m.root.querySelector('[data-testid="corpus-errors"]'))).toContain('record entities "p1", field name: expected a string');
    // The people list needs the indexes: read once, the one that fails reported, the other listed.
    await click(m.root.querySelector('[data-testid="tab-people"]'));
    await flush();
    expect(source.reads).toEqual(['one', 'gone']);
    expect(textOf(m.root.querySelector('[data-testid="corpus-errors"]'))).toContain('record articles "a1", field text: expected a string');
    expect(m.root.querySelectorAll('[data-testid="list-people"] .cl-row').length).toBeGreaterThan(0);
    // Searching after that reads nothing again.
    await typeInto(m.root.querySelector('[data-testid="search-input"]') as HTMLInputElement, 'corbyn');
    expect(source.reads).toEqual(['one', 'gone']);
    expect(m.root.querySelector('[data-testid="search-hit"][data-cl-id="person:jeremy-corbyn"]')).not.toBeNull();
  });

  it('a search before any list reads the indexes, saying so while it reads', async () => {
    const source = fakeSource([{ summary: summaryOf('one', 'First corpus', ui), index: ui }]);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow = { ...source, readIndex: async (id: string) => (await gate, source.readIndex(id)) };
    const m = await mountPopup(await listActiveCorpora(slow));
    await typeInto(m.root.querySelector('[data-testid="search-input"]') as HTMLInputElement, 'corbyn');
    expect(textOf(m.root.querySelector('[data-testid="search-loading"]'))).toBe('Loading the corpora…');
    release();
    await flush();
    expect(source.reads).toEqual(['one']);
    expect(m.root.querySelector('[data-testid="search-hit"][data-cl-id="person:jeremy-corbyn"]')).not.toBeNull();
  });
});
