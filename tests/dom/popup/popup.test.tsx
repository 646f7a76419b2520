import { afterEach, describe, expect, it } from 'vitest';
import type { TabFindings } from '../../../src/shared/protocol';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import { makeUiIndex } from '../../fixtures/index/ui-index';
import { act } from 'preact/test-utils';
import { cleanup, click, flush, mountPopup, press, textOf, typeInto } from './helpers';

const index = makeUiIndex();
const found: TabFindings = {
  url: 'https://news.example.com/story',
  status: 'done',
  markers: 5,
  items: [
    { kind: 'claim', id: 'cg1', text: 'more than 40 MPs', label: 'MPs resigned from the front bench', count: 1 },
    { kind: 'person', id: 'person:jeremy-corbyn', text: 'Corbyn', label: 'Jeremy Corbyn', count: 3 },
    { kind: 'organisation', id: 'organisation:unite', text: 'Unite', label: 'Unite', count: 1 },
  ],
};

afterEach(cleanup);

describe('popup: on this page', () => {
  it('groups what the page reported by kind, people first', async () => {
    const m = await mountPopup(index, { findings: found });
    const headings = [...m.root.querySelectorAll('[data-testid="page-findings"] h2')].map(textOf);
    expect(headings).toEqual(['People', 'Organisations', 'Claims']);
    const items = [...m.root.querySelectorAll('[data-testid="found-item"]')].map((b) => b.getAttribute('data-cl-id'));
    expect(items).toEqual(['person:jeremy-corbyn', 'organisation:unite', 'cg1']);
    expect(textOf(m.root.querySelector('[data-testid="page-status"]'))).toContain('5 markers for 3 records');
  });

  it('choosing an item asks the tab to reveal it, then closes the popup', async () => {
    const m = await mountPopup(index, { findings: found, tab: { id: 42, url: 'https://news.example.com/story' } });
    await click(m.root.querySelector('[data-cl-id="person:jeremy-corbyn"]'));
    expect(m.tabRequests).toContainEqual({ tabId: 42, type: 'reveal', payload: { kind: 'person', id: 'person:jeremy-corbyn' } });
    expect(m.close).toHaveBeenCalledTimes(1);
  });

  it('says plainly when nothing on the page is in the corpus', async () => {
    const m = await mountPopup(index, { findings: { ...found, items: [], markers: 0 } });
    const state = m.root.querySelector('[data-testid="page-state-empty"]');
    expect(textOf(state)).toContain('Nothing on this page is in the corpus');
    expect(textOf(state)).toContain('3 corpus articles');
    expect(state?.querySelector('button')).not.toBeNull();
  });

  it('explains a page where content scripts cannot run, from its URL', async () => {
    for (const url of [
      'chrome://extensions/',
      'about:addons',
      'https://addons.mozilla.org/en-US/firefox/',
      'https://chrome.google.com/webstore/category/extensions',
      'file:///home/me/page.html',
      'view-source:https://example.com/',
    ]) {
      const m = await mountPopup(index, { findings: null, tab: { id: 3, url } });
      expect(m.root.querySelector('[data-testid="page-state-restricted"]'), url).not.toBeNull();
      expect(textOf(m.root)).toContain('cannot run on this page');
      cleanup();
    }
  });

  it('explains a PDF', async () => {
    const m = await mountPopup(index, { findings: null, tab: { id: 3, url: 'https://example.com/report.pdf' } });
    expect(m.root.querySelector('[data-testid="page-state-pdf"]')).not.toBeNull();
  });

  it('without a report and without the tab URL, says what may be going on and what to do', async () => {
    const m = await mountPopup(index, { findings: null, tab: { id: 3, url: null } });
    const state = m.root.querySelector('[data-testid="page-state-no-report"]');
    expect(textOf(state)).toContain('No report from this page yet');
    expect(textOf(state)).toContain('reload the page');
  });

  it('shows the site switch right in the "switched off here" state, and turning it on tells the tab', async () => {
    const m = await mountPopup(index, {
      findings: { ...found, status: 'disabled', items: [], markers: 0 },
      settings: { ...DEFAULT_SETTINGS, disabledSites: ['news.example.com'] },
    });
    const state = m.root.querySelector('[data-testid="page-state-site-off"]');
    expect(textOf(state)).toContain('Switched off on news.example.com');
    await click(state!.querySelector('[data-testid="site-switch-inline"]'));
    expect(m.requests).toContainEqual({ type: 'setSiteEnabled', payload: { host: 'news.example.com', enabled: true } });
    expect(m.settings().disabledSites).toEqual([]);
    expect(m.tabRequests.map((r) => r.type)).toContain('settingsChanged');
    expect(m.root.querySelector('[data-testid="page-state-site-off"]')).toBeNull();
    expect(m.root.querySelector('[data-testid="page-state-scanning"]')).not.toBeNull();
  });

  it('reports a content-script error with its reason', async () => {
    const m = await mountPopup(index, { findings: { ...found, status: 'error', message: 'the page changed too fast', items: [] } });
    expect(textOf(m.root.querySelector('[data-testid="page-state-error"]'))).toContain('the page changed too fast');
  });

  it('shows an index that failed to load as an error, and keeps working otherwise', async () => {
    const m = await mountPopup({ error: 'schema version 0 (expected 1)' }, { findings: found });
    expect(textOf(m.root.querySelector('[data-testid="index-error"]'))).toContain('schema version 0 (expected 1)');
    // What the page found does not need the index.
    expect(m.root.querySelectorAll('[data-testid="found-item"]').length).toBe(3);
    await click(m.root.querySelector('[data-testid="tab-people"]'));
    expect(textOf(m.root.querySelector('[role="tabpanel"]'))).toContain('did not load');
  });

  it('says so when the background does not answer', async () => {
    const m = await mountPopup(index, { backgroundDown: true });
    expect(m.root.querySelector('[data-testid="background-error"]')).not.toBeNull();
  });
});

describe('popup: lists', () => {
  it('lists people by coverage and opens the corpus browser at their page', async () => {
    const m = await mountPopup(index, { findings: found }, 'people');
    const rows = [...m.root.querySelectorAll('[data-testid="list-people"] .cl-row-title')].map(textOf);
    expect(rows).toEqual(['Jeremy Corbyn', 'Len McCluskey']);
    expect(textOf(m.root.querySelector('[data-testid="list-people"]'))).toContain('in 3 of 3 articles');
    // The link names the corpus the row comes from (the helper's one corpus is "test").
    await click(m.root.querySelector('[data-cl-hash="#/corpus/test/person/person:jeremy-corbyn"]'));
    expect(m.requests).toContainEqual({ type: 'openCorpusBrowser', payload: { hash: '#/corpus/test/person/person:jeremy-corbyn' } });
    expect(m.close).toHaveBeenCalled();
  });

  it('puts claims where outlets disagree first, marked as such', async () => {
    const agreeing = makeUiIndex();
    agreeing.claimGroups.unshift({ id: 'cg0', topic: 'A claim all outlets agree on', reference: 'c1', members: [{ claim: 'c1', article: 'a1-guardian', relation: 'agrees', values: [] }], differences: [] });
    const m = await mountPopup(agreeing, {}, 'claims');
    const rows = [...m.root.querySelectorAll('[data-testid="list-claims"] .cl-row')];
    expect(textOf(rows[0])).toContain('MPs resigned from the front bench');
    expect(textOf(rows[0])).toContain('outlets differ');
    expect(textOf(rows[1])).toContain('A claim all outlets agree on');
    expect(textOf(rows[1])).not.toContain('outlets differ');
  });

  it('lists articles newest first with outlet and date, unknown ones said so', async () => {
    const m = await mountPopup(index, {}, 'articles');
    const text = textOf(m.root.querySelector('[data-testid="list-articles"]'));
    expect(text.indexOf('Corbyn launches leadership bid')).toBeLessThan(text.indexOf('Jeremy Corbyn to rally'));
    expect(text).toContain('Morning Star · 2016-07-11');
    expect(text).toContain('outlet unknown · date unknown');
  });

  it('moves between sections with the arrow keys (roving tab index)', async () => {
    const m = await mountPopup(index, { findings: found });
    const first = m.root.querySelector<HTMLButtonElement>('[data-testid="tab-page"]')!;
    expect(first.getAttribute('tabindex')).toBe('0');
    await press(first, 'ArrowRight');
    const people = m.root.querySelector<HTMLButtonElement>('[data-testid="tab-people"]')!;
    expect(people.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(people);
    expect(m.root.querySelector('[data-testid="list-people"]')).not.toBeNull();
    await press(people, 'End');
    expect(m.root.querySelector('[data-testid="list-articles"]')).not.toBeNull();
    await press(m.root.querySelector('[data-testid="tab-articles"]')!, 'ArrowRight');
    expect(document.activeElement).toBe(first);
    // Settings open from the header button (a toggle), and close back to the page.
    const gear = m.root.querySelector<HTMLButtonElement>('[data-testid="tab-settings"]')!;
    await click(gear);
    expect(gear.getAttribute('aria-pressed')).toBe('true');
    expect(m.root.querySelector('[data-testid="settings"]')).not.toBeNull();
    await click(gear);
    expect(m.root.querySelector('[data-testid="settings"]')).toBeNull();
  });
});

describe('popup: search', () => {
  it('finds a person by prefix ("corb") and by a typo ("mcluskey"), grouped by kind', async () => {
    const m = await mountPopup(index, { findings: found });
    const input = m.root.querySelector<HTMLInputElement>('[data-testid="search-input"]')!;
    await typeInto(input, 'corb');
    const groups = [...m.root.querySelectorAll('[role="group"]')].map((g) => g.getAttribute('aria-label'));
    expect(groups[0]).toBe('People');
    const first = m.root.querySelector('[data-testid="search-hit"]');
    expect(first?.getAttribute('data-cl-id')).toBe('person:jeremy-corbyn');
    expect(groups).toContain('Articles');
    await typeInto(input, 'mcluskey');
    expect(m.root.querySelector('[data-testid="search-hit"]')?.getAttribute('data-cl-id')).toBe('person:len-mccluskey');
    // While searching, the sections step aside.
    expect(m.root.querySelector('[role="tablist"]')).toBeNull();
  });

  it('is driven from the keyboard: arrows move the active option, Enter opens it, Esc clears', async () => {
    const m = await mountPopup(index, {});
    const input = m.root.querySelector<HTMLInputElement>('[data-testid="search-input"]')!;
    await typeInto(input, 'corbyn');
    const hits = [...m.root.querySelectorAll('[data-testid="search-hit"]')];
    expect(hits.length).toBeGreaterThan(1);
    expect(input.getAttribute('aria-activedescendant')).toBe(hits[0].id);
    await press(input, 'ArrowDown');
    const second = m.root.querySelectorAll('[data-testid="search-hit"]')[1];
    expect(input.getAttribute('aria-activedescendant')).toBe(second.id);
    expect(second.getAttribute('aria-selected')).toBe('true');
    await press(input, 'Enter');
    const opened = m.requests.filter((r) => r.type === 'openCorpusBrowser').map((r) => (r.payload as { hash: string }).hash);
    const kind = second.getAttribute('data-cl-kind')!;
    const id = second.getAttribute('data-cl-id')!;
    expect(opened).toHaveLength(1);
    expect(opened[0].startsWith(`#/corpus/test/${kind}/`)).toBe(true);
    expect(decodeURIComponent(opened[0].slice(`#/corpus/test/${kind}/`.length))).toBe(id);
    await press(input, 'Escape');
    expect(input.value).toBe('');
    expect(m.root.querySelector('[role="tablist"]')).not.toBeNull();
  });

  it('says when nothing matches', async () => {
    const m = await mountPopup(index, {});
    await typeInto(m.root.querySelector<HTMLInputElement>('[data-testid="search-input"]')!, 'zzzzqqq');
    expect(textOf(m.root.querySelector('[data-testid="search-empty"]'))).toContain('Nothing in the corpus matches “zzzzqqq”');
  });
});

describe('popup: settings', () => {
  it('changes kinds, the marker limit and the theme, and applies the theme at once', async () => {
    const m = await mountPopup(index, { findings: found }, 'settings');
    await click(m.root.querySelector('[data-testid="kind-quote"]'));
    expect(m.settings().kinds.quote).toBe(false);
    const max = m.root.querySelector<HTMLInputElement>('[data-testid="max-markers"]')!;
    await typeInto(max, '50');
    await press(max, 'Enter');
    expect(m.settings().maxMarkers).toBe(50);
    const select = m.root.querySelector<HTMLSelectElement>('[data-testid="theme-select"]')!;
    await act(async () => {
      select.value = 'dark';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await flush();
    expect(m.settings().theme).toBe('dark');
    expect(document.documentElement.dataset.clTheme).toBe('dark');
    // Every change is passed on to the tab so it re-applies without a reload.
    expect(m.tabRequests.filter((r) => r.type === 'settingsChanged').length).toBeGreaterThanOrEqual(3);
  });

  it('switches this site off with the active tab\'s host', async () => {
    const m = await mountPopup(index, { findings: found, tab: { id: 5, url: 'https://News.Example.com/a' } }, 'settings');
    const sw = m.root.querySelector<HTMLInputElement>('[data-testid="site-switch"]')!;
    expect(sw.checked).toBe(true);
    expect(textOf(sw.parentElement)).toContain('news.example.com');
    await click(sw);
    expect(m.requests).toContainEqual({ type: 'setSiteEnabled', payload: { host: 'news.example.com', enabled: false } });
  });

  it('has no site switch to offer on a page without a host', async () => {
    const m = await mountPopup(index, { findings: null, tab: { id: 5, url: 'chrome://settings' } }, 'settings');
    expect(m.root.querySelector<HTMLInputElement>('[data-testid="site-switch"]')!.disabled).toBe(true);
  });
});
