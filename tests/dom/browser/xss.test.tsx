/**
 * Corpus text is rendered as text everywhere: a hostile headline, name, quote, topic and outlet
 * show up literally and never become elements.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeUiIndex } from '../../fixtures/index/ui-index';
import { cleanup as cleanupPopup, mountPopup, typeInto } from '../popup/helpers';
import { cleanup, mountBrowser, navigate } from './helpers';

const HOSTILE = '<img src=x onerror=alert(1)>';
const index = makeUiIndex({
  headline: `Headline ${HOSTILE}`,
  personName: `Name ${HOSTILE}`,
  quoteText: `Quote ${HOSTILE}`,
  topic: `Topic ${HOSTILE}`,
  outlet: `Outlet ${HOSTILE}`,
});

afterEach(() => {
  cleanup();
  cleanupPopup();
});

function expectInert(root: Element, minimumLiteral: number) {
  expect(root.querySelector('img')).toBeNull();
  expect(root.querySelectorAll('[onerror]').length).toBe(0);
  expect((root.textContent ?? '').split(HOSTILE).length - 1).toBeGreaterThanOrEqual(minimumLiteral);
}

describe('hostile corpus strings', () => {
  it('stay text in every corpus-browser view', async () => {
    const { root } = await mountBrowser(index, '#/');
    expectInert(root, 3); // headline, outlet in the list and the matrix table, name in the matrix
    for (const [hash, literal] of [
      ['#/article/a1-guardian', 1],
      ['#/person/person:jeremy-corbyn', 2],
      ['#/claim/cg1', 1],
      ['#/quote/qg1', 1],
    ] as const) {
      await navigate(hash);
      expectInert(root, literal);
    }
  });

  it('stay text in the popup lists and search results', async () => {
    const m = await mountPopup(index, {
      findings: { url: 'https://x.example/', status: 'done', markers: 1, items: [{ kind: 'person', id: 'person:jeremy-corbyn', text: HOSTILE, label: `Name ${HOSTILE}`, count: 1 }] },
    });
    expectInert(m.root, 2);
    for (const tab of ['people', 'claims', 'articles']) {
      (m.root.querySelector(`[data-testid="tab-${tab}"]`) as HTMLButtonElement).click();
      await new Promise((r) => setTimeout(r, 0));
      expectInert(m.root, 1);
    }
    await typeInto(m.root.querySelector<HTMLInputElement>('[data-testid="search-input"]')!, 'name');
    expectInert(m.root, 1);
  });
});
