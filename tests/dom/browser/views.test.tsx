import { afterEach, describe, expect, it } from 'vitest';
import { makeUiIndex } from '../../fixtures/index/ui-index';
import { cleanup, mountBrowser, navigate, textOf } from './helpers';

/** A table row as "cell | cell | cell". */
const cells = (tr: Element) => [...tr.children].map(textOf).join(' | ');

const index = makeUiIndex();
afterEach(cleanup);

describe('corpus browser: overview', () => {
  it('lists the articles with outlet, date and headline, unknowns said so', async () => {
    const { root } = await mountBrowser(index, '#/');
    expect(textOf(root.querySelector('[data-testid="article-count"]'))).toBe('3 articles');
    const rows = [...root.querySelectorAll('[data-testid="article-list"] tbody tr')].map(cells);
    expect(rows).toEqual([
      'The Guardian | 2016-07-10 | Jeremy Corbyn to rally Labour activists at leadership campaign launch',
      'Morning Star | 2016-07-11 | Corbyn launches leadership bid',
      'outlet unknown | date unknown | Unite union backs the Labour leader',
    ]);
    expect(root.querySelector('[data-testid="article-list"] a')?.getAttribute('href')).toBe('#/article/a1-guardian');
  });

  it('draws the coverage matrix with a table carrying the same numbers', async () => {
    const { root } = await mountBrowser(index, '#/');
    const svg = root.querySelector('[data-testid="coverage-matrix"] svg');
    expect(svg?.getAttribute('role')).toBe('group');
    expect(svg?.getAttribute('aria-label')).toContain('3 people and organisations by 3 outlets');
    const table = root.querySelector('[data-testid="matrix-table"]')!;
    expect([...table.querySelectorAll('thead th')].map(textOf)).toEqual(['Person or organisation', 'The Guardian', 'Morning Star', 'outlet unknown']);
    const corbyn = [...table.querySelectorAll('tbody tr')].find((tr) => textOf(tr).startsWith('Jeremy Corbyn'))!;
    // a1: "Jeremy Corbyn" ×2 (headline, body) + "Corbyn" ×1 = 3; a2: "Corbyn" (headline) + "Mr Corbyn" ×2 = 3; a3: 1.
    expect([...corbyn.querySelectorAll('td')].map(textOf)).toEqual(['3', '3', '1']);
    // Most widely covered first.
    expect(textOf(table.querySelector('tbody tr'))).toMatch(/^Jeremy Corbyn/);
  });

  it('places dated articles on the timeline and lists the undated apart, never on a date', async () => {
    const { root } = await mountBrowser(index, '#/');
    const timeline = root.querySelector('[data-testid="timeline"]')!;
    const svgText = textOf(timeline.querySelector('svg'));
    expect(svgText).toContain('2016-07-10');
    expect(svgText).toContain('2016-07-11');
    expect(svgText).toContain('The Guardian');
    expect(svgText).not.toContain('outlet unknown');
    expect(timeline.querySelectorAll('svg circle').length).toBe(2);
    const undated = timeline.querySelector('[data-testid="timeline-undated"]');
    expect(textOf(undated)).toContain('Date unknown');
    expect(textOf(undated)).toContain('Unite union backs the Labour leader');
  });

  it('lists disagreements and exports the article list', async () => {
    const { root, downloads } = await mountBrowser(index, '#/');
    expect(textOf(root.querySelector('[data-testid="disagreements"]'))).toContain('MPs resigned from the front bench');
    (root.querySelector('[data-testid="export-csv"]') as HTMLButtonElement).click();
    expect(downloads).toHaveLength(1);
    expect(downloads[0].fileName).toBe('corpus-articles.csv');
    expect(downloads[0].mime).toMatch(/^text\/csv/);
    expect(downloads[0].text.split('\r\n')[0]).toBe('Outlet,Date,Headline,URL,Words');
    expect(downloads[0].text).toContain('Morning Star,2016-07-11,Corbyn launches leadership bid,https://www.example.org/corbyn-bid,');
  });
});

describe('corpus browser: article reader view', () => {
  it('marks people, organisations and claim sentences from the index and links them', async () => {
    const { root } = await mountBrowser(index, '#/article/a1-guardian');
    const view = root.querySelector('[data-testid="view-article"]')!;
    expect(textOf(view.querySelector('h1'))).toBe('Jeremy Corbyn to rally Labour activists at leadership campaign launch');
    const mentions = [...view.querySelectorAll('a.cl-mention')].map((a) => [textOf(a), a.getAttribute('href')]);
    expect(mentions).toEqual([
      ['Jeremy Corbyn', '#/person/person:jeremy-corbyn'],
      ['Jeremy Corbyn', '#/person/person:jeremy-corbyn'],
      ['Len McCluskey', '#/person/person:len-mccluskey'],
      ['Unite', '#/organisation/organisation:unite'],
      ['Corbyn', '#/person/person:jeremy-corbyn'],
    ]);
    const claim = view.querySelector('.cl-reader-body .cl-claim-sentence')!;
    expect(textOf(claim)).toContain('More than 40 MPs have resigned from his front bench.');
    expect(claim.querySelector('a.cl-claim-link')?.getAttribute('href')).toBe('#/claim/cg1');
    // The cleaned text is shown in full, paragraph by paragraph.
    expect(view.querySelectorAll('.cl-reader-body p').length).toBe(3);
  });

  it('keeps removed page furniture in a collapsed audit section', async () => {
    const { root } = await mountBrowser(index, '#/article/a1-guardian');
    const furniture = root.querySelector('details[data-testid="furniture"]') as HTMLDetailsElement;
    expect(furniture.open).toBe(false);
    expect(textOf(furniture.querySelector('summary'))).toBe('Removed page furniture (audit): 2');
    expect(textOf(furniture)).toContain('Skip to main content');
    expect(textOf(furniture)).toContain('advertisement');
    expect(textOf(root.querySelector('.cl-reader-body'))).not.toContain('Advertisement');
  });
});

describe('corpus browser: person, claim and quote pages', () => {
  it('a person page shows descriptors by outlet, quotes, who appears with them, and articles', async () => {
    const { root, downloads } = await mountBrowser(index, '#/person/person%3Ajeremy-corbyn');
    const view = root.querySelector('[data-testid="view-entity"]')!;
    expect(textOf(view.querySelector('h1'))).toBe('Jeremy Corbyn');
    expect(textOf(view.querySelector('[data-testid="entity-coverage"]'))).toContain('in 3 of 3 articles');
    const descriptors = [...view.querySelectorAll('[data-testid="descriptors"] tbody tr')].map(cells);
    expect(descriptors[0]).toBe('The Guardian2016-07-10 | Labour leaderJeremy Corbyn is to rally his supporters in Manchester.');
    expect(descriptors[1]).toBe('Morning Star2016-07-11 | no descriptor');
    expect(descriptors[2]).toBe('outlet unknowndate unknown | the Labour leaderUnite, led by McCluskey, said it backed Jeremy Corbyn.');
    expect(textOf(view)).toContain('We are a social movement and we will win the next general election,');
    expect(view.querySelector('a[href="#/quote/qg1"]')).not.toBeNull();
    const related = [...view.querySelectorAll('[data-testid="related"] a')].map((a) => a.getAttribute('href'));
    // Equal shared articles: by name.
    expect(related).toEqual(['#/person/person:len-mccluskey', '#/organisation/organisation:unite']);

    (view.querySelector('[data-testid="export-markdown"]') as HTMLButtonElement).click();
    expect(downloads[0].fileName).toBe('sources-jeremy-corbyn.md');
    const md = downloads[0].text.split('\n');
    expect(md[0]).toBe('# Sources: Jeremy Corbyn');
    expect(md[2]).toBe('| Outlet | Date | Headline | URL | Mentions | Described as | Quotes |');
    expect(md[4]).toBe(
      '| The Guardian | 2016-07-10 | Jeremy Corbyn to rally Labour activists at leadership campaign launch | https://www.example.com/politics/corbyn-launch | 3 | Labour leader | We are a social movement and we will win the next general election, |',
    );
  });

  it('a claim page compares outlets side by side with the differing values', async () => {
    const { root, downloads } = await mountBrowser(index, '#/claim/cg1');
    const view = root.querySelector('[data-testid="view-claim"]')!;
    expect(textOf(view.querySelector('h1'))).toBe('MPs resigned from the front bench');
    const values = [...view.querySelectorAll('[data-testid="difference"] .cl-sbs-value')].map(textOf);
    expect(values).toEqual(['more than 40 The Guardian 2016-07-10', '28 Morning Star 2016-07-11']);
    const columns = [...view.querySelectorAll('[data-testid="claim-by-outlet"] > section')];
    expect(columns.map((c) => textOf(c.querySelector('h3')))).toEqual(['The Guardian', 'Morning Star']);
    expect(textOf(columns[0])).toContain('reference');
    expect(textOf(columns[1])).toContain('Differs');
    expect(textOf(columns[1])).toContain('Some 28 MPs have resigned from the front bench.');

    (view.querySelector('[data-testid="export-csv"]') as HTMLButtonElement).click();
    const csv = downloads[0].text.split('\r\n');
    expect(csv[0]).toBe('Outlet,Date,Headline,URL,Relation,Values,Statement');
    expect(csv[2]).toBe('Morning Star,2016-07-11,Corbyn launches leadership bid,https://www.example.org/corbyn-bid,Differs,28,Some 28 MPs have resigned from the front bench.');
  });

  it('a quote page shows each wording with the differences marked', async () => {
    const { root } = await mountBrowser(index, '#/quote/qg1');
    const view = root.querySelector('[data-testid="view-quote"]')!;
    expect(textOf(view.querySelector('h1'))).toBe('Quote by Jeremy Corbyn');
    const wordings = [...view.querySelectorAll('[data-testid="quote-wording"]')];
    expect(wordings[0].querySelectorAll('del, ins').length).toBe(0);
    expect([...wordings[1].querySelectorAll('del')].map((d) => textOf(d).replace(/^removed: /, ''))).toEqual(['we', 'general']);
    expect(view.querySelector('a[href="#/person/person:jeremy-corbyn"]')).not.toBeNull();
  });

  it('follows hash changes, and says plainly when an address is not in the corpus', async () => {
    const { root } = await mountBrowser(index, '#/');
    await navigate('#/organisation/organisation:unite');
    expect(textOf(root.querySelector('h1'))).toBe('Unite');
    expect(document.title).toBe('Unite · Coverage Lens');
    // Keyboard and screen-reader users start on the new page's heading.
    expect(document.activeElement).toBe(root.querySelector('h1'));
    await navigate('#/person/person:nobody');
    expect(textOf(root.querySelector('[data-testid="view-not-found"]'))).toContain('Person “person:nobody”');
    // An organisation id asked for as a person is not silently shown.
    await navigate('#/person/organisation:unite');
    expect(root.querySelector('[data-testid="view-not-found"]')).not.toBeNull();
    await navigate('#/article/missing');
    expect(root.querySelector('[data-testid="view-not-found"]')).not.toBeNull();
    await navigate('#/whatever');
    expect(root.querySelector('[data-testid="view-not-found"] a')?.getAttribute('href')).toBe('#/');
  });

  it('shows an index that failed to load as an explained error', async () => {
    const { root } = await mountBrowser({ error: '"claims" is missing or not a list' }, '#/');
    expect(textOf(root.querySelector('[data-testid="index-error"]'))).toContain('"claims" is missing or not a list');
  });
});
