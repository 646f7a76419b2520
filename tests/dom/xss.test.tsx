/**
 * A corpus carrying XSS payloads, built by the real pipeline (readCorpus → analyseCorpus →
 * validateIndex) from tests/fixtures/corpora/hostile plus a file whose NAME is a payload, then one
 * descriptor replaced by a payload by hand (the analysis does not take markup into descriptors):
 * every card (each entity, claim and quote, ready and failed), the popup (each tab, search) and the
 * corpus browser (each view) show the payloads as text and never create an element from them.
 * tests/dom/browser/xss.test.tsx does the same for the popup and browser on a hand-made index.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { readCorpus } from '../../scripts/lib/read-corpus';
import { analyseCorpus } from '../../src/core/analysis';
import { buildDetails } from '../../src/core/index/details';
import type { CorpusIndex, DetectionKind, Match } from '../../src/core/index/types';
import { validateIndex } from '../../src/core/index/validate';
import { renderCard, unmountCard, type CardProps } from '../../src/ui/card';
import { linkTo } from '../../src/ui/shared/links';
import { cleanup as cleanupBrowser, mountBrowser, navigate } from './browser/helpers';
import { cleanup as cleanupPopup, click, mountPopup, typeInto } from './popup/helpers';

const HOSTILE = resolve(import.meta.dirname, '..', 'fixtures', 'corpora', 'hostile');
const FILE_NAME_PAYLOAD = '<img src=x onerror=alert(10)>';
const DESCRIPTOR_PAYLOAD = 'chief executive <img src=x onerror=alert(9)><script>alert(9)</script>';
/** Markers of every payload in the corpus: each is a fragment that only the payloads contain. */
const PAYLOAD = /<(img|script|iframe|svg|b|a)\b[^>]*>|onerror=|onload=|javascript:/;
const DANGEROUS = 'img, script, iframe, object, embed, frame, frameset, link, meta, base, form, video, audio, source';

let dir: string;
let index: CorpusIndex;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cl-xss-corpus-'));
  for (const f of ['h1.txt', 'h2.txt', 'sources.json']) copyFileSync(join(HOSTILE, f), join(dir, f));
  writeFileSync(join(dir, `${FILE_NAME_PAYLOAD}.txt`), 'Port reopens\n\nMarta Okonedo said the port would reopen on Friday after the strike.\n');
  const { articles, problems } = readCorpus(dir);
  expect(problems).toEqual([]);
  index = validateIndex(JSON.parse(JSON.stringify(analyseCorpus(articles))));
  const marta = index.entities.find((e) => e.name === 'Marta Okonedo')!;
  const withDescriptor = marta.coverage.find((c) => c.descriptors.length > 0);
  if (withDescriptor) withDescriptor.descriptors[0].text = DESCRIPTOR_PAYLOAD;
  else marta.coverage[0].descriptors.push({ text: DESCRIPTOR_PAYLOAD, sentence: 0 } as never);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const alerts = vi.fn();
beforeAll(() => {
  vi.stubGlobal('alert', alerts);
});

afterEach(() => {
  cleanupBrowser();
  cleanupPopup();
  document.body.replaceChildren();
});

/** Nothing in `root` was made from a payload, and `min` payloads are shown literally as text. */
function expectInert(root: Element, where: string, min = 1): void {
  expect(root.querySelectorAll(DANGEROUS).length, `${where}: dangerous elements`).toBe(0);
  for (const el of root.querySelectorAll('*')) {
    for (const attr of Array.from(el.attributes)) {
      expect(attr.name.startsWith('on'), `${where}: <${el.tagName.toLowerCase()} ${attr.name}>`).toBe(false);
      if (attr.name === 'href' || attr.name === 'src' || attr.name === 'action' || attr.name === 'xlink:href') {
        expect(attr.value.trim().toLowerCase().startsWith('javascript:'), `${where}: ${attr.name}=${attr.value}`).toBe(false);
      }
    }
  }
  const text = root.textContent ?? '';
  const literal = text.match(new RegExp(PAYLOAD.source, 'g')) ?? [];
  expect(literal.length, `${where}: payloads shown as text`).toBeGreaterThanOrEqual(min);
  expect(alerts).not.toHaveBeenCalled();
}

function mountCard(props: Omit<CardProps, 'pinned' | 'theme' | 'onClose' | 'onTogglePin' | 'onOpenBrowser'>): HTMLElement {
  const el = document.createElement('div');
  document.body.append(el);
  renderCard(el, { pinned: true, theme: 'light', onClose: vi.fn(), onTogglePin: vi.fn(), onOpenBrowser: vi.fn(), ...props });
  return el;
}

function match(kind: DetectionKind, id: string, text: string): Match {
  return { kind, id, text, start: 0, end: text.length, score: 1, refs: [] };
}

describe('a corpus carrying XSS payloads', () => {
  it('was built by the real pipeline with the payloads in place', () => {
    expect(index.articles.map((a) => a.id)).toContain(FILE_NAME_PAYLOAD);
    expect(index.quotes.some((q) => q.text.includes('<script>alert(1)</script>'))).toBe(true);
    expect(index.articles.some((a) => a.outlet.includes('<img src=x onerror=alert(6)>'))).toBe(true);
  });

  it('renders every card (each entity, claim and quote) with the payloads as text', () => {
    const records: [DetectionKind, string][] = [
      ...index.entities.map((e): [DetectionKind, string] => [e.kind === 'person' ? 'person' : 'organisation', e.id]),
      ...index.claimGroups.map((g): [DetectionKind, string] => ['claim', g.id]),
      ...index.quoteGroups.map((g): [DetectionKind, string] => ['quote', g.id]),
    ];
    expect(records.length).toBeGreaterThan(5);
    let shown = 0;
    for (const [kind, id] of records) {
      const details = buildDetails(index, kind, id);
      expect(details, `${kind} ${id}`).not.toBeNull();
      // The page text the marker covered may carry markup too.
      const el = mountCard({ match: match(kind, id, `page <img src=x onerror=alert(11)> text`), state: { status: 'ready', details: details! } });
      expectInert(el, `${kind} card ${id}`);
      shown += ((el.textContent ?? '').match(new RegExp(PAYLOAD.source, 'g')) ?? []).length;
      unmountCard(el);
    }
    expect(shown).toBeGreaterThan(records.length); // more than the page-text payload alone
    // The hand-placed descriptor reaches Marta Okonedo's card as text.
    const marta = index.entities.find((e) => e.name === 'Marta Okonedo')!;
    const el = mountCard({ match: match('person', marta.id, 'Marta Okonedo'), state: { status: 'ready', details: buildDetails(index, 'person', marta.id)! } });
    expect(el.textContent).toContain(DESCRIPTOR_PAYLOAD);
    expectInert(el, 'descriptor card', 2);
  });

  it('renders a failed look-up and a loading card with a hostile message and match text as text', () => {
    const error = mountCard({ match: match('person', 'x', '<svg onload=alert(12)>'), state: { status: 'error', message: '<img src=x onerror=alert(13)> failed' } });
    expectInert(error, 'error card', 1);
    const loading = mountCard({ match: match('quote', 'x', '<script>alert(14)</script>'), state: { status: 'loading' } });
    expectInert(loading, 'loading card', 1);
  });

  it('shows the payloads as text in every corpus-browser view', async () => {
    const { root } = await mountBrowser(index, '#/');
    expectInert(root, 'overview', 2);
    const views: string[] = [
      ...index.articles.map((a) => linkTo('article', a.id)),
      ...index.entities.map((e) => linkTo(e.kind === 'person' ? 'person' : 'organisation', e.id)),
      ...index.claimGroups.map((g) => linkTo('claim', g.id)),
      ...index.quoteGroups.map((g) => linkTo('quote', g.id)),
    ];
    for (const hash of views) {
      await navigate(hash);
      expect(root.querySelector('[data-testid="view-not-found"]'), hash).toBeNull();
      expectInert(root, hash, 0);
    }
    // The article whose id (file name) is a payload opens by its deep link and shows its id as text nowhere as markup.
    await navigate(linkTo('article', FILE_NAME_PAYLOAD));
    expect(root.querySelector('[data-testid="view-article"]')).not.toBeNull();
    await navigate(linkTo('article', 'h1'));
    expectInert(root, 'article h1', 2);
  });

  it('shows the payloads as text in the popup lists, found items and search', async () => {
    const m = await mountPopup(index, {
      findings: {
        url: 'https://news.example/<script>alert(15)</script>',
        status: 'done',
        markers: 2,
        items: [
          { kind: 'person', id: index.entities[0].id, text: '<img src=x onerror=alert(16)>', label: '<b onmouseover=alert(17)>label</b>', count: 1 },
          { kind: 'quote', id: index.quoteGroups[0].id, text: '<script>alert(1)</script> We will not', label: '<script>alert(1)</script> We will not', count: 1 },
        ],
      },
    });
    expectInert(m.root, 'popup page tab', 2);
    for (const tab of ['people', 'claims', 'articles']) {
      const button = m.root.querySelector(`[data-testid="tab-${tab}"]`);
      if (!button) continue;
      await click(button);
      expectInert(m.root, `popup ${tab} tab`, 0);
    }
    const input = m.root.querySelector<HTMLInputElement>('[data-testid="search-input"]');
    expect(input).not.toBeNull();
    for (const query of ['Okonedo', 'script', 'img', 'Gazette']) {
      await typeInto(input!, query);
      expectInert(m.root, `popup search "${query}"`, 0);
    }
    await typeInto(input!, 'stand by');
    expectInert(m.root, 'popup search "stand by"', 1);
  });
});
