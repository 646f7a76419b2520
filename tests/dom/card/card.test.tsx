import { afterEach, describe, expect, it, vi } from 'vitest';
import { EXCERPT_CHARS, buildDetails, lookups, sentenceExcerpts, sentenceText, shortExcerpt, type CardDetails, type ClaimDetails } from '../../../src/core/index/details';
import type { CorpusIndex, DetectionKind, Match } from '../../../src/core/index/types';
import type { CorpusCardDetails } from '../../../src/shared/protocol';
import { CARD_CSS, renderCard, unmountCard, type CardProps } from '../../../src/ui/card';
import { makeMiniIndex } from '../../fixtures/index/mini-index';
import { CLAIM_PARTIAL_FROM, CLAIM_STRONG_FROM } from '../../../src/ui/card/strength';

const containers: Element[] = [];

function mount(props: Partial<CardProps> & { match: Match }): { el: HTMLElement; props: CardProps } {
  const el = document.createElement('div');
  document.body.append(el);
  containers.push(el);
  const full: CardProps = {
    state: { status: 'loading' },
    pinned: false,
    theme: 'light',
    onClose: vi.fn(),
    onTogglePin: vi.fn(),
    onOpenBrowser: vi.fn(),
    ...props,
  };
  renderCard(el, full);
  return { el, props: full };
}

function ready(index: CorpusIndex, kind: DetectionKind, id: string): CardProps['state'] {
  const details = buildDetails(index, kind, id);
  if (!details) throw new Error(`no details for ${kind} ${id}`);
  return { status: 'ready', details };
}

function match(kind: DetectionKind, id: string, text: string, refs: Match['refs'] = [], score = 1): Match {
  return { kind, id, text, start: 0, end: text.length, score, refs };
}

/** Text with whitespace collapsed, as a reader would read it. */
function textOf(el: Element): string {
  return (el.textContent ?? '').replace(/\s+/g, ' ');
}

afterEach(() => {
  for (const el of containers.splice(0)) {
    unmountCard(el);
    el.remove();
  }
});

describe('card API', () => {
  it('exports a stylesheet that starts with the :host reset and uses only cl- classes', () => {
    expect(CARD_CSS.trimStart().startsWith(':host { all: initial; }')).toBe(true);
    const rules = CARD_CSS.replace(/\/\*[\s\S]*?\*\//g, '');
    const classes = [...rules.matchAll(/\.([a-z][\w-]*)/g)].map((m) => m[1]);
    expect(classes.length).toBeGreaterThan(20);
    expect(classes.filter((c) => !c.startsWith('cl-'))).toEqual([]);
    // The dark palette reaches the card through the shared tokens.
    expect(rules).toMatch(/\.cl-card\[data-theme=['"]dark['"]\]\s*\{[^}]*--cl-bg:/);
  });

  it('is a non-modal dialog named by its kind and title, with theme and pin state', () => {
    const index = makeMiniIndex();
    const { el } = mount({ match: match('person', 'person:ada-quill', 'Ada Quill'), state: ready(index, 'person', 'person:ada-quill'), theme: 'dark', pinned: true });
    const dialog = el.querySelector('[role="dialog"]')!;
    expect(dialog.getAttribute('aria-modal')).toBe('false');
    expect(dialog.getAttribute('data-theme')).toBe('dark');
    const names = dialog.getAttribute('aria-labelledby')!.split(' ').map((id) => el.querySelector(`[id="${id}"]`)?.textContent);
    expect(names).toEqual(['Person', 'Ada Quill']);
    expect(el.querySelector('h2')!.textContent).toBe('Ada Quill');
    expect(el.querySelector('[aria-pressed]')!.getAttribute('aria-pressed')).toBe('true');
  });

  it('fires close, pin and open-browser callbacks from real buttons', () => {
    const index = makeMiniIndex();
    const { el, props } = mount({ match: match('person', 'person:ada-quill', 'Ada Quill'), state: ready(index, 'person', 'person:ada-quill') });
    const close = el.querySelector<HTMLButtonElement>('button[aria-label="Close card"]')!;
    const pin = el.querySelector<HTMLButtonElement>('button[aria-pressed]')!;
    expect(pin.getAttribute('aria-pressed')).toBe('false');
    close.click();
    pin.click();
    expect(props.onClose).toHaveBeenCalledTimes(1);
    expect(props.onTogglePin).toHaveBeenCalledTimes(1);
    const open = [...el.querySelectorAll('button')].find((b) => b.textContent === 'Open in corpus browser')!;
    open.click();
    expect(props.onOpenBrowser).toHaveBeenCalledWith('#/person/person:ada-quill');
    const related = [...el.querySelectorAll('button')].find((b) => b.textContent === 'Ben Marsh')!;
    related.click();
    expect(props.onOpenBrowser).toHaveBeenLastCalledWith('#/person/person:ben-marsh');
    for (const b of el.querySelectorAll('button')) expect(b.getAttribute('tabindex')).not.toBe('-1');
  });

  it('links into the corpus the evidence came from when the details name one', () => {
    const index = makeMiniIndex();
    const base = ready(index, 'person', 'person:ada-quill') as { status: 'ready'; details: CardDetails };
    const state: CardProps['state'] = { status: 'ready', details: { ...base.details, corpus: { id: 'corpus-k1', name: 'Reader corpus' } } as CorpusCardDetails, corpus: 'Reader corpus' };
    const { el, props } = mount({ match: match('person', 'person:ada-quill', 'Ada Quill'), state });
    [...el.querySelectorAll('button')].find((b) => b.textContent === 'Open in corpus browser')!.click();
    expect(props.onOpenBrowser).toHaveBeenCalledWith('#/corpus/corpus-k1/person/person:ada-quill');
    [...el.querySelectorAll('button')].find((b) => b.textContent === 'Ben Marsh')!.click();
    expect(props.onOpenBrowser).toHaveBeenLastCalledWith('#/corpus/corpus-k1/person/person:ben-marsh');
  });

  it('does not handle Esc itself: the page script that owns the host does', () => {
    const index = makeMiniIndex();
    const { el, props } = mount({ match: match('person', 'person:ada-quill', 'Ada Quill'), state: ready(index, 'person', 'person:ada-quill') });
    const button = el.querySelector('button')!;
    button.focus();
    button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    el.querySelector('[role="dialog"]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(props.onClose).not.toHaveBeenCalled();
    expect(el.querySelector('[role="dialog"]')).not.toBeNull();
  });

  it('re-renders in place and unmounts cleanly', () => {
    const index = makeMiniIndex();
    const m = match('person', 'person:ada-quill', 'Ada Quill');
    const { el, props } = mount({ match: m });
    expect(textOf(el)).toContain('Loading coverage…');
    renderCard(el, { ...props, state: ready(index, 'person', 'person:ada-quill') });
    expect(el.querySelectorAll('[role="dialog"]').length).toBe(1);
    expect(textOf(el)).not.toContain('Loading coverage…');
    unmountCard(el);
    expect(el.childNodes.length).toBe(0);
  });
});

describe('states', () => {
  it('loading: a polite status with the page text as title', () => {
    const { el } = mount({ match: match('claim', 'cg1', 'Some sentence on the page.') });
    expect(el.querySelector('[role="status"]')!.textContent).toContain('Loading coverage…');
    expect(el.querySelector('[role="dialog"]')!.getAttribute('aria-busy')).toBe('true');
    expect(el.querySelector('h2')!.textContent).toBe('Some sentence on the page.');
  });

  it('error: says the page is unaffected and offers no corpus link', () => {
    const { el, props } = mount({ match: match('person', 'x', 'X'), state: { status: 'error', message: 'index failed to load' } });
    const alert = el.querySelector('[role="alert"]')!;
    expect(textOf(alert)).toContain("Couldn't load details — the rest of the page is unaffected.");
    expect(textOf(alert)).toContain('Details: index failed to load');
    expect([...el.querySelectorAll('button')].map((b) => b.textContent)).not.toContain('Open in corpus browser');
    expect(props.onOpenBrowser).not.toHaveBeenCalled();
  });

  it('no coverage: says so plainly, with the corpus size', () => {
    const index = makeMiniIndex();
    const { el } = mount({ match: match('person', 'person:cara-nobody', 'Cara Nobody'), state: ready(index, 'person', 'person:cara-nobody') });
    expect(textOf(el)).toContain('No corpus coverage');
    expect(textOf(el)).toContain('None of the 3 articles in the corpus covers this.');
    expect(textOf(el)).not.toContain('Covered in');
  });
});

describe('entity card', () => {
  it('a card cut by the matching side links to the corpus browser for the articles left out', () => {
    const index = makeMiniIndex();
    const state = ready(index, 'person', 'person:ada-quill') as { status: 'ready'; details: CardDetails };
    const cut = { ...state, details: { ...state.details, articlesLeft: 40 } as unknown as CardDetails };
    const { el, props } = mount({ match: match('person', 'person:ada-quill', 'Ada Quill'), state: cut });
    const more = [...el.querySelectorAll('button')].find((b) => textOf(b).includes('40 more articles in the corpus browser'));
    expect(more).toBeDefined();
    more!.click();
    expect(props.onOpenBrowser).toHaveBeenCalledWith(state.details.link);
  });

  it('claim and quote cards cut by the matching side link to the corpus browser for the articles left out', () => {
    const index = makeMiniIndex();
    for (const [kind, id] of [['claim', 'cg1'], ['quote', 'qg1']] as const) {
      const state = ready(index, kind, id) as { status: 'ready'; details: CardDetails };
      const cut = { ...state, details: { ...state.details, articlesLeft: 120 } as unknown as CardDetails };
      const { el, props } = mount({ match: match(kind, id, 'x', [], 0.8), state: cut });
      const more = [...el.querySelectorAll('button')].find((b) => textOf(b).includes('120 more articles in the corpus browser'));
      expect(more, kind).toBeDefined();
      more!.click();
      expect(props.onOpenBrowser).toHaveBeenCalledWith(state.details.link);
      // A whole record has no such line.
      const whole = mount({ match: match(kind, id, 'x', [], 0.8), state }).el;
      expect(textOf(whole)).not.toContain('more articles in the corpus browser');
    }
  });

  it('counts matched articles from the matching side when the refs stayed behind (CorpusMatch)', () => {
    const index = makeMiniIndex();
    const slim = { ...match('person', 'person:ada-quill', 'Ada Quill'), corpus: 'c1', articles: 2, refsLeft: 3 };
    const { el } = mount({ match: slim, state: ready(index, 'person', 'person:ada-quill') });
    const text = textOf(el);
    expect(text).toContain('Matched in 2 of 3 articles');
    expect(text).toContain('Covered in 2 of 3 articles');
  });

  it('shows coverage counts, outlets with dates, descriptors per outlet, quotes and company', () => {
    const index = makeMiniIndex();
    const refs = [
      { article: 'a1', sentence: 1, relation: 'mentions' as const, score: 1 },
      { article: 'a2', sentence: 1, relation: 'mentions' as const, score: 1 },
    ];
    const { el } = mount({ match: match('person', 'person:ada-quill', 'Ada Quill', refs), state: ready(index, 'person', 'person:ada-quill') });
    const text = textOf(el);
    expect(text).toContain('Covered in 2 of 3 articles');
    expect(text).toContain('Matched in 2 of 3 articles');
    expect(text).toContain('Strong match (1.00)');
    const items = [...el.querySelectorAll('[data-cl-article]')].map((a) => textOf(a));
    expect(items[0]).toContain('The Daily Lantern · 2016-07-09');
    expect(items[0]).toContain('Quill sets out harbour plan');
    expect(items[1]).toContain('Northgate Courier · 2016-07-10');
    const blocks = [...el.querySelectorAll('.cl-item')];
    expect(textOf(blocks[0])).toContain('harbour board chair');
    expect(textOf(blocks[0])).toContain('Ada Quill, the harbour board chair, opened the meeting in Eastport.');
    expect(textOf(blocks[0])).not.toContain('veteran councillor');
    expect(textOf(blocks[1])).toContain('veteran councillor');
    expect(textOf(blocks[0])).toContain('We will rebuild the harbour for everyone who works on it.');
    expect(textOf(blocks[1])).toContain('advance text (“will say”)');
    expect(text).toContain('Appears with');
    expect(text).toContain('Ben Marsh · 2 shared articles');
    expect(text).toContain('Eastport Harbour Board · 1 shared article');
  });

  it('names the corpus its evidence comes from in the footer, and only the brand without one', () => {
    const index = makeMiniIndex();
    const state = ready(index, 'person', 'person:ada-quill');
    const named = mount({ match: match('person', 'person:ada-quill', 'Ada Quill'), state: { ...state, corpus: 'Harbour archive' } as CardProps['state'] });
    expect(textOf(named.el.querySelector('.cl-brand')!)).toBe('Coverage Lens · Harbour archive');
    expect(named.el.querySelector('.cl-brand')!.getAttribute('data-cl-corpus')).toBe('Harbour archive');
    const plain = mount({ match: match('person', 'person:ada-quill', 'Ada Quill'), state });
    expect(textOf(plain.el.querySelector('.cl-brand')!)).toBe('Coverage Lens');
  });

  it('says "outlet unknown" and "date unknown" instead of inventing them', () => {
    const index = makeMiniIndex();
    const { el } = mount({ match: match('person', 'person:ben-marsh', 'Ben Marsh'), state: ready(index, 'person', 'person:ben-marsh') });
    const a3 = el.querySelector('[data-cl-article="a3"]')!;
    expect(textOf(a3)).toContain('outlet unknown · date unknown');
    expect(textOf(el)).toContain('Covered in 3 of 3 articles');
    const outlets = [...el.querySelectorAll('.cl-outlet')].map((o) => o.textContent);
    expect(outlets).toEqual(['The Daily Lantern', 'Northgate Courier', 'outlet unknown']);
  });
});

describe('claim card', () => {
  // A claim's score is a fitted link probability: one between the fitted "partial" and "strong" boundaries.
  const PARTIAL = +((CLAIM_PARTIAL_FROM + CLAIM_STRONG_FROM) / 2).toFixed(2);
  const refs = [
    { article: 'a1', sentence: 2, relation: 'differs' as const, score: PARTIAL },
    { article: 'a2', sentence: 2, relation: 'agrees' as const, score: 0.9 },
  ];

  it('shows differing values side by side, marked "differs"', () => {
    const index = makeMiniIndex();
    const { el } = mount({ match: match('claim', 'cg1', 'Over 40 councillors signed it.', refs, 0.7), state: ready(index, 'claim', 'cg1') });
    const sbs = el.querySelector('.cl-sbs')!;
    expect(textOf(sbs)).toContain('Differs');
    expect(textOf(sbs)).toContain('Figure');
    const values = [...sbs.querySelectorAll('.cl-sbs-value')].map((v) => textOf(v));
    expect(values).toEqual(['28 The Daily Lantern 2016-07-09', 'more than 40 Northgate Courier 2016-07-10']);
  });

  it.each([
    // the group difference's kind and basis, the badge it shows, the basis line
    [undefined, undefined, 'Differs', ''],
    ['contradiction', undefined, 'Differs', ''],
    ['place-within', 'gazetteer', 'Place within', 'by a gazetteer (GeoNames)'],
    ['place-around', 'text', 'Wider place', 'as a corpus article says'],
  ] as const)('names a group difference of kind %s (basis %s) by "%s"', (kind, basis, badge, line) => {
    const index = makeMiniIndex();
    const group = index.claimGroups.find((g) => g.id === 'cg1')!;
    group.differences = group.differences.map((d) => ({ ...d, ...(kind ? { kind } : {}), ...(basis ? { basis } : {}) }));
    const { el } = mount({ match: match('claim', 'cg1', 'Over 40 councillors signed it.', refs, 0.7), state: ready(index, 'claim', 'cg1') });
    const sbs = el.querySelector('.cl-sbs')!;
    expect(textOf(sbs.querySelector('.cl-sbs-head')!)).toContain(badge);
    expect(textOf(sbs)).not.toContain(badge === 'Differs' ? 'Place within' : 'Differs');
    if (line) expect(textOf(sbs.querySelector('.cl-pd-basis')!)).toContain(line);
    else expect(sbs.querySelector('.cl-pd-basis')).toBeNull();
  });

  it('merges the page-side relation per article and labels corpus-side ones as such', () => {
    const index = makeMiniIndex();
    const { el } = mount({ match: match('claim', 'cg1', 'Over 40 councillors signed it.', refs, PARTIAL), state: ready(index, 'claim', 'cg1') });
    const text = textOf(el);
    expect(text).toContain(`Partial match (${PARTIAL.toFixed(2)})`);
    expect(text).toContain('Matched in 2 of 3 articles');
    expect(text).toContain('Stated in 3 of 3 articles');
    expect(text).toContain('You are reading');
    const items = [...el.querySelectorAll('.cl-item')];
    // Strongest page match first: a2 (agrees 0.9), then a1 (differs, partial), then a3 (corpus only).
    expect(items.map((i) => i.querySelector('[data-cl-article]')!.getAttribute('data-cl-article'))).toEqual(['a2', 'a1', 'a3']);
    const verdict = (item: Element) => [item.querySelector('.cl-badge')!.textContent, item.querySelector('.cl-verdict')?.textContent];
    expect(verdict(items[0])).toEqual(['Agrees', 'compared with this page · Strong match (0.90)']);
    expect(textOf(items[0])).toContain('More than 40 councillors signed the letter to the board.');
    expect(verdict(items[1])).toEqual(['Differs', `compared with this page · Partial match (${PARTIAL.toFixed(2)})`]);
    expect(items[2].getAttribute('data-cl-basis')).toBe('reference');
    expect(verdict(items[2])).toEqual(['Adds context', 'compared with The Daily Lantern (not matched to this page)']);
    expect(textOf(items[2])).toContain('outlet unknown');
  });

  it('names the kind of each difference from the page, with the page value beside the article value', () => {
    const index = makeMiniIndex();
    const kinds: Match['refs'] = [
      {
        article: 'a1',
        sentence: 2,
        relation: 'differs',
        score: 0.8,
        kind: 'more-precise',
        values: { attribute: 'figure', kind: 'more-precise', page: 'About 30', corpus: '28' },
        differences: [
          { attribute: 'figure', kind: 'more-precise', page: 'About 30', corpus: '28' },
          { attribute: 'certainty', kind: 'more-certain', page: 'may have', corpus: 'stated' },
          { attribute: 'negation', kind: 'negation', page: 'stated', corpus: 'did not' },
        ],
      },
      { article: 'a2', sentence: 2, relation: 'differs', score: 0.7, kind: 'contradiction', values: { attribute: 'figure', kind: 'contradiction', page: 'About 30', corpus: 'More than 40' } },
    ];
    const { el } = mount({ match: match('claim', 'cg1', 'About 30 councillors may have signed it.', kinds, 0.8), state: ready(index, 'claim', 'cg1') });
    const item = (article: string) => [...el.querySelectorAll('.cl-item')].find((i) => i.querySelector(`[data-cl-article="${article}"]`))!;
    // The badge names the kind, not a bare "Differs".
    expect(item('a1').querySelector('.cl-badge')!.textContent).toBe('More precise');
    expect(item('a2').querySelector('.cl-badge')!.textContent).toBe('Contradicts');
    // Each box: its kind, its head (badge and attribute), and each side as label → value.
    const box = (b: Element) => [
      b.getAttribute('data-cl-kind'),
      textOf(b.querySelector('.cl-sbs-head')!).trim(),
      [...b.querySelectorAll('.cl-pd-side')].map((side) => `${side.querySelector('dt')!.textContent} → ${side.querySelector('dd')!.textContent}`),
    ];
    expect([...item('a1').querySelectorAll('.cl-pd')].map(box)).toEqual([
      ['more-precise', 'More precise Figure', ['This page → About 30', 'The Daily Lantern → 28']],
      ['more-certain', 'More certain Certainty', ['This page → may have', 'The Daily Lantern → stated as fact']],
      ['negation', 'Says the opposite Happened or not', ['This page → stated as fact', 'The Daily Lantern → did not']],
    ]);
    expect([...item('a2').querySelectorAll('.cl-pd')].map(box)).toEqual([['contradiction', 'Contradicts Figure', ['This page → About 30', 'Northgate Courier → More than 40']]]);
  });

  it('shows a differing sentence of an article outside the group too, with its values side by side', () => {
    const index = makeMiniIndex();
    const withOther: Match['refs'] = [
      ...refs,
      // Sentence 7 of a1 is no member of cg1: a second statement of the fact with another scope.
      { article: 'a1', sentence: 7, relation: 'differs', score: 0.4, kind: 'scope', values: { attribute: 'scope', kind: 'scope', page: 'all of the councillors', corpus: 'one of the councillors' } },
    ];
    const { el } = mount({ match: match('claim', 'cg1', 'All of the councillors signed it.', withOther, 0.7), state: ready(index, 'claim', 'cg1') });
    const other = [...el.querySelectorAll('.cl-item[data-cl-other-sentence]')];
    expect(other).toHaveLength(1);
    expect(other[0].querySelector('[data-cl-article]')!.getAttribute('data-cl-article')).toBe('a1');
    // All of a group against a part of it: another share, which the one scope label says as well as another group.
    expect(other[0].querySelector('.cl-badge')!.textContent).toBe('Other group or share');
    expect(other[0].querySelector('.cl-verdict')!.textContent).toBe('another sentence of this article · compared with this page · Weak match (0.40)');
    const sides = [...other[0].querySelectorAll('.cl-pd-side')].map((side) => `${side.querySelector('dt')!.textContent} → ${side.querySelector('dd')!.textContent}`);
    expect(sides).toEqual(['This page → all of the councillors', 'The Daily Lantern → one of the councillors']);
    // The group's own members are listed once each, as before, and the other sentence right after its article's member.
    expect(el.querySelectorAll('.cl-item:not([data-cl-other-sentence])')).toHaveLength(3);
    const order = [...el.querySelectorAll('.cl-item')].map((i) => `${i.querySelector('[data-cl-article]')!.getAttribute('data-cl-article')}${i.hasAttribute('data-cl-other-sentence') ? '+' : ''}`);
    expect(order).toEqual(['a2', 'a1', 'a1+', 'a3']);
    // No text was sent for it: no excerpt, and nothing stands in for one.
    expect(other[0].querySelector('.cl-excerpt-block')).toBeNull();
  });

  it('names a list of other places "Other places" on the badge as in its box, not "Other group or share"', () => {
    const index = makeMiniIndex();
    const places: Match['refs'] = [
      { article: 'a1', sentence: 2, relation: 'differs', score: 0.8, kind: 'scope', values: { attribute: 'place', kind: 'scope', page: 'Eastport, Westhaven', corpus: 'Old Quay, Northgate' } },
      { article: 'a1', sentence: 7, relation: 'differs', score: 0.5, kind: 'scope', values: { attribute: 'place', kind: 'scope', page: 'Eastport', corpus: 'Northgate' } },
    ];
    const { el } = mount({ match: match('claim', 'cg1', 'Events were held in Eastport and Westhaven.', places, 0.8), state: ready(index, 'claim', 'cg1') });
    const items = [...el.querySelectorAll('.cl-item')].filter((i) => i.querySelector('[data-cl-article="a1"]'));
    expect(items).toHaveLength(2);
    for (const item of items) {
      expect(item.querySelector('.cl-badge')!.textContent).toBe('Other places');
      expect(item.querySelector('.cl-pd .cl-badge')!.textContent).toBe('Other places');
    }
  });

  it('names a share of another period "Another period", not "Other group or share"', () => {
    const index = makeMiniIndex();
    const period: Match['refs'] = [{ article: 'a1', sentence: 2, relation: 'differs', score: 0.8, kind: 'scope', values: { attribute: 'date', kind: 'scope', page: '2020', corpus: '2019' } }];
    const { el } = mount({ match: match('claim', 'cg1', 'Fares rose by 5% in 2020.', period, 0.8), state: ready(index, 'claim', 'cg1') });
    const item = [...el.querySelectorAll('.cl-item')].find((i) => i.querySelector('[data-cl-article="a1"]'))!;
    expect(item.querySelector('.cl-badge')!.textContent).toBe('Another period');
    expect(item.querySelector('.cl-pd .cl-badge')!.textContent).toBe('Another period');
  });

  it('never shows another sentence\'s difference under a member with no ref of its own: that sentence shows it, once', () => {
    const index = makeMiniIndex();
    // a1's only ref is to sentence 7, no member of cg1; a1's member (sentence 2) was not compared with the page.
    const onlyOther: Match['refs'] = [
      { article: 'a1', sentence: 7, relation: 'differs', score: 0.6, kind: 'scope', values: { attribute: 'scope', kind: 'scope', page: 'all of the councillors', corpus: 'one of the councillors' } },
      { article: 'a2', sentence: 2, relation: 'agrees', score: 0.9 },
    ];
    const { el } = mount({ match: match('claim', 'cg1', 'All of the councillors signed it.', onlyOther, 0.7), state: ready(index, 'claim', 'cg1') });
    const member = [...el.querySelectorAll('.cl-item:not([data-cl-other-sentence])')].find((i) => i.querySelector('[data-cl-article="a1"]'))!;
    expect(member.getAttribute('data-cl-basis')).not.toBe('page');
    expect(member.querySelector('.cl-pd')).toBeNull();
    // The scope difference is listed once in the whole card, on the sentence it was read from.
    const scopes = [...el.querySelectorAll('.cl-pd[data-cl-kind="scope"]')];
    expect(scopes).toHaveLength(1);
    expect(scopes[0].closest('.cl-item')!.hasAttribute('data-cl-other-sentence')).toBe(true);
    // An agreeing article's best ref still stands for its member (a2).
    const a2 = [...el.querySelectorAll('.cl-item')].find((i) => i.querySelector('[data-cl-article="a2"]'))!;
    expect(a2.getAttribute('data-cl-basis')).toBe('page');
  });

  it('shows a short excerpt of that other sentence when the details carry its text', async () => {
    const index = makeMiniIndex();
    const a1 = lookups(index).articles.get('a1')!;
    const state = ready(index, 'claim', 'cg1');
    const details = (state as { details: ClaimDetails }).details;
    details.excerpts = await sentenceExcerpts([{ article: 'a1', sentence: 4 }, { article: 'a1', sentence: 999 }], (id) => lookups(index).articles.get(id));
    // The sentence that does not resolve is left out.
    expect(details.excerpts.map((e) => e.sentence)).toEqual([4]);
    const withOther: Match['refs'] = [
      ...refs,
      { article: 'a1', sentence: 4, relation: 'differs', score: 0.4, kind: 'scope', values: { attribute: 'scope', kind: 'scope', page: 'all of the councillors', corpus: 'one of the councillors' } },
    ];
    const { el } = mount({ match: match('claim', 'cg1', 'All of the councillors signed it.', withOther, 0.7), state });
    const other = el.querySelector('.cl-item[data-cl-other-sentence]')!;
    const quote = other.querySelector('.cl-excerpt-block')!;
    expect(quote.textContent).toBe(sentenceText(a1, 4));
    expect(quote.textContent!.length).toBeGreaterThan(0);
    expect(quote.classList.contains('cl-clamp')).toBe(true);
    // The group's own members keep their excerpts (one each), the other sentence has its own.
    expect(el.querySelectorAll('.cl-excerpt-block')).toHaveLength(4);
  });

  it('cuts a long sentence to a short excerpt at a word', () => {
    const long = `${'harbour '.repeat(60)}end.`;
    const cut = shortExcerpt(long);
    expect(cut.length).toBeLessThanOrEqual(EXCERPT_CHARS + 1);
    expect(cut.endsWith('harbour…')).toBe(true);
    expect(shortExcerpt('Short one.')).toBe('Short one.');
  });

  it('says where a place\'s containment comes from (the corpus text, or a gazetteer)', () => {
    const index = makeMiniIndex();
    const place: Match['refs'] = [
      { article: 'a1', sentence: 2, relation: 'differs', score: 0.8, kind: 'place-within', values: { attribute: 'place', kind: 'place-within', page: 'Eastport', corpus: 'Old Quay', basis: 'text' } },
      { article: 'a2', sentence: 2, relation: 'differs', score: 0.7, kind: 'contradiction', values: { attribute: 'place', kind: 'contradiction', page: 'Eastport', corpus: 'Westhaven' } },
      { article: 'a3', sentence: 2, relation: 'differs', score: 0.7, kind: 'place-around', values: { attribute: 'place', kind: 'place-around', page: 'Eastport', corpus: 'Harbour County', basis: 'gazetteer' } },
    ];
    const { el } = mount({ match: match('claim', 'cg1', 'Councillors in Eastport signed it.', place, 0.8), state: ready(index, 'claim', 'cg1') });
    const basis = [...el.querySelectorAll('.cl-pd')].map((b) => b.querySelector('.cl-pd-basis')?.textContent ?? null);
    // Each member of an article shows its article's difference (a3 has two members in the group).
    expect(new Set(basis)).toEqual(new Set(['One place lies inside the other, as a corpus article says.', 'One place lies inside the other, by a gazetteer (GeoNames); no corpus article says so.', null]));
    expect(basis.filter((b) => b?.includes('gazetteer')).length).toBeGreaterThan(0);
  });

  it('without page refs, the reference is badged as such and nothing claims to match the page', () => {
    const index = makeMiniIndex();
    const { el } = mount({ match: match('claim', 'cg1', 'x', [], 0.4), state: ready(index, 'claim', 'cg1') });
    const text = textOf(el);
    expect(text).toContain('Weak match (0.40)');
    expect(text).not.toContain('Matched in');
    expect(text).not.toContain('compared with this page');
    expect(text).toContain('Reference statement');
  });
});

describe('quote card', () => {
  it('marks removed words with <del> and a screen-reader label; the reference is plain', () => {
    const index = makeMiniIndex();
    const refs = [{ article: 'a2', sentence: 3, relation: 'variant-quote' as const, score: 0.8 }];
    const { el } = mount({ match: match('quote', 'qg1', 'We will rebuild the harbour', refs, 0.8), state: ready(index, 'quote', 'qg1') });
    expect(el.querySelector('h2')!.textContent).toBe('Ada Quill');
    const items = [...el.querySelectorAll('.cl-item')];
    expect(items[0].querySelector('.cl-badge')!.textContent).toBe('Reference');
    expect(items[0].querySelector('del, ins')).toBeNull();
    expect(items[1].querySelector('.cl-badge')!.textContent).toBe('Variant');
    const del = items[1].querySelector('del')!;
    expect(textOf(del)).toBe('removed: who works on it');
    expect(del.querySelector('.cl-visually-hidden')!.textContent!.trim()).toBe('removed:');
    expect(textOf(items[1].querySelector('.cl-quote-diff')!)).toBe('We will rebuild the harbour for everyone removed: who works on it.');
    expect(textOf(el)).toContain('Reported in 2 of 3 articles');
  });

  it('marks added words with <ins>', () => {
    const index = makeMiniIndex();
    index.quoteGroups[0].members[1].diff = [
      { op: 'same', text: 'We will' },
      { op: 'added', text: 'truly' },
      { op: 'same', text: 'rebuild the harbour for everyone' },
    ];
    const { el } = mount({ match: match('quote', 'qg1', 'We will'), state: ready(index, 'quote', 'qg1') });
    const ins = el.querySelector('ins')!;
    expect(textOf(ins)).toBe('added: truly');
    expect(textOf(el.querySelector('.cl-quote-diff')!)).toBe('We will added: truly rebuild the harbour for everyone');
  });

  it('an unindexed speaker is named as the article named them', () => {
    const index = makeMiniIndex();
    const { el } = mount({ match: match('quote', 'qg2', 'No comment'), state: ready(index, 'quote', 'qg2') });
    expect(el.querySelector('h2')!.textContent).toBe('a spokesperson');
  });
});

describe('corpus text is rendered as text', () => {
  const hostile = '<img src=x onerror=alert(1)><script>alert(2)</script>';

  it.each<[string, DetectionKind, string]>([
    ['person', 'person', 'person:ada-quill'],
    ['quote', 'quote', 'qg1'],
  ])('%s card with markup in name, headline and quote', (_name, kind, id) => {
    const index = makeMiniIndex({ personName: `Ada ${hostile}`, headline: `Plan ${hostile}`, quoteText: `Words ${hostile}` });
    const details = buildDetails(index, kind, id) as CardDetails;
    const { el } = mount({ match: match(kind, id, `Page ${hostile}`), state: { status: 'ready', details } });
    expect(el.textContent).toContain(hostile);
    expect(el.querySelector('img, script')).toBeNull();
    expect(document.querySelector('img, script')).toBeNull();
  });

  it('error message and loading title with markup', () => {
    const { el } = mount({ match: match('claim', 'c', hostile), state: { status: 'error', message: hostile } });
    expect(el.textContent).toContain(hostile);
    expect(el.querySelector('img, script')).toBeNull();
  });
});

describe('entity card limits', () => {
  it('shows one quote per outlet and links the rest to the corpus browser', () => {
    const index = makeMiniIndex();
    index.quotes.push(
      { ...index.quotes[0], id: 'q1b', text: 'Second quote.', group: 'qgx' },
      { ...index.quotes[0], id: 'q1c', text: 'Third quote.', group: 'qgy' },
    );
    index.entities[0].coverage[0].quotes.push('q1b', 'q1c');
    const { el, props } = mount({ match: match('person', 'person:ada-quill', 'Ada Quill'), state: ready(index, 'person', 'person:ada-quill') });
    const first = el.querySelector('[data-cl-article="a1"]')!.closest('.cl-item')!;
    expect(first.querySelectorAll('.cl-quote').length).toBe(1);
    expect(textOf(first)).not.toContain('Second quote.');
    const more = [...first.querySelectorAll('button')].find((b) => b.textContent === '2 more quotes in the corpus browser')!;
    more.click();
    expect(props.onOpenBrowser).toHaveBeenCalledWith('#/person/person:ada-quill');
  });
});

describe('titles', () => {
  it('names are shown whole; sentence titles (claims, loading) are clamped', () => {
    const index = makeMiniIndex();
    const person = mount({ match: match('person', 'person:ada-quill', 'Ada Quill'), state: ready(index, 'person', 'person:ada-quill') });
    expect(person.el.querySelector('h2')!.classList.contains('cl-title-clamp')).toBe(false);
    const claim = mount({ match: match('claim', 'cg1', 'x'), state: ready(index, 'claim', 'cg1') });
    expect(claim.el.querySelector('h2')!.classList.contains('cl-title-clamp')).toBe(true);
    const loading = mount({ match: match('claim', 'cg1', 'A long page sentence.') });
    expect(loading.el.querySelector('h2')!.classList.contains('cl-title-clamp')).toBe(true);
  });
});
