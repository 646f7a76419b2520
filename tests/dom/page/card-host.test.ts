/**
 * The card host with its UI loaded on demand: loading starts with the hover (preload), a card opened
 * before the UI has arrived is shown when it does (focus moves in then if Enter asked for it), a UI
 * that cannot load leaves a text-only notice that closes like a card, and the next open tries again.
 * Also the loader: one injection per content-script instance, a stale global ignored, retry after failure.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CardDetails } from '../../../src/core/index/details';
import type { Match } from '../../../src/core/index/types';
import { CardHost, type CardHostOptions } from '../../../src/page/card-host';
import { CARD_UI_KEY, createCardUiLoader, type CardUi } from '../../../src/page/card-loader';
import { cardView } from '../../../src/page/card-view';
import type { Result } from '../../../src/shared/protocol';

const match: Match = { kind: 'person', id: 'person:a', text: 'Ann Example', start: 0, end: 11, score: 1, refs: [] };

/** A promise resolved or rejected from outside. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const hosts: CardHost[] = [];

function makeHost(loadUi: () => Promise<CardUi>, over: Partial<CardHostOptions> = {}) {
  const getDetails = vi.fn(async (): Promise<Result<CardDetails>> => ({ ok: false, error: 'no details in this test' }));
  const host = new CardHost(document, {
    getDetails,
    openBrowser: () => undefined,
    theme: 'light',
    loadUi,
    unavailableText: () => 'card unavailable',
    ...over,
  });
  hosts.push(host);
  const marker = document.createElement('span');
  marker.textContent = match.text;
  document.body.append(marker);
  return { host, marker, getDetails };
}

const cardHost = () => document.querySelector('coverage-lens-card');
const flush = () => new Promise((r) => setTimeout(r, 0));

afterEach(() => {
  for (const host of hosts.splice(0)) host.destroy();
  document.body.replaceChildren();
  delete (globalThis as Record<string, unknown>)[CARD_UI_KEY];
});

describe('CardHost with an on-demand UI', () => {
  it('starts loading the UI with the hover preload, then renders the card at once on open', async () => {
    const loadUi = vi.fn(async () => cardView);
    const { host, marker } = makeHost(loadUi);
    void host.preload(match.kind, match.id);
    expect(loadUi).toHaveBeenCalledTimes(1);
    await flush();
    host.open(marker, match);
    // Synchronously: the intent delay ended and the card is there in the same task.
    expect(cardHost()?.getAttribute('data-cl-state')).toBe('open');
    expect(cardHost()?.shadowRoot?.textContent).toContain('Ann Example');
    await flush();
    expect(cardHost()?.getAttribute('data-cl-status')).toBe('error'); // the fake look-up failed
    expect(loadUi).toHaveBeenCalledTimes(1);
  });

  it('shows a card opened before the UI arrived once it does, and moves focus in if Enter asked', async () => {
    const ui = deferred<CardUi>();
    const { host, marker } = makeHost(() => ui.promise);
    host.open(marker, match, true);
    host.focusCard();
    expect(host.marker).toBe(marker);
    expect(cardHost()).toBeNull(); // nothing half-drawn while loading
    ui.resolve(cardView);
    await flush();
    expect(cardHost()?.getAttribute('data-cl-state')).toBe('pinned');
    expect(cardHost()?.shadowRoot?.querySelector('[data-theme]')).not.toBeNull();
    expect(document.activeElement).toBe(cardHost());
  });

  it('does not show a card that was closed while its UI was loading', async () => {
    const ui = deferred<CardUi>();
    const { host, marker } = makeHost(() => ui.promise);
    host.open(marker, match);
    host.close();
    ui.resolve(cardView);
    await flush();
    expect(host.marker).toBeNull();
    expect(cardHost()?.getAttribute('data-cl-state') ?? 'closed').toBe('closed');
  });

  it('shows a text-only notice when the UI cannot load, closes it like a card, and tries again on the next open', async () => {
    const loadUi = vi.fn<() => Promise<CardUi>>().mockRejectedValueOnce(new Error('injection refused')).mockResolvedValue(cardView);
    const { host, marker } = makeHost(loadUi);
    host.open(marker, match);
    await flush();
    const el = cardHost();
    expect(el?.getAttribute('data-cl-state')).toBe('open');
    expect(el?.getAttribute('data-cl-status')).toBe('error');
    const notice = el?.shadowRoot?.querySelector('[role="status"]');
    expect(notice?.textContent).toBe('card unavailable');
    expect(notice?.children.length).toBe(0); // text only
    host.close();
    expect(el?.getAttribute('data-cl-state')).toBe('closed');
    expect(el?.shadowRoot?.querySelector('[role="status"]')).toBeNull();

    host.open(marker, match);
    await flush();
    expect(loadUi).toHaveBeenCalledTimes(2);
    expect(cardHost()?.shadowRoot?.querySelector('[role="status"]')).toBeNull();
    expect(cardHost()?.shadowRoot?.querySelector('[data-theme]')).not.toBeNull();
  });
});

describe('createCardUiLoader', () => {
  const registering = (ui: CardUi | null) =>
    vi.fn(async (): Promise<Result<{ injected: boolean }>> => {
      if (ui) (globalThis as Record<string, unknown>)[CARD_UI_KEY] = ui;
      return { ok: true, value: { injected: true } };
    });

  it('injects once and resolves with what the script registered', async () => {
    const inject = registering(cardView);
    const load = createCardUiLoader(inject);
    const [a, b] = await Promise.all([load(), load()]);
    expect(a).toBe(cardView);
    expect(b).toBe(cardView);
    expect(await load()).toBe(cardView);
    expect(inject).toHaveBeenCalledTimes(1);
  });

  it('never uses a card UI left on the global by an earlier instance: it injects its own', async () => {
    const stale = { ...cardView };
    (globalThis as Record<string, unknown>)[CARD_UI_KEY] = stale;
    const inject = registering(cardView);
    expect(await createCardUiLoader(inject)()).toBe(cardView);
    expect(inject).toHaveBeenCalledTimes(1);
    // An injection that registers nothing is a failure, not a reason to fall back on the old one.
    (globalThis as Record<string, unknown>)[CARD_UI_KEY] = stale;
    await expect(createCardUiLoader(registering(null))()).rejects.toThrow('did not register');
  });

  it('rejects with the reason when the injection fails or nothing registers, and tries again next time', async () => {
    const failing = vi.fn(async (): Promise<Result<{ injected: boolean }>> => ({ ok: false, error: 'Cannot access contents of the page' }));
    const load = createCardUiLoader(failing);
    await expect(load()).rejects.toThrow('Cannot access contents of the page');
    await expect(load()).rejects.toThrow('Cannot access contents of the page');
    expect(failing).toHaveBeenCalledTimes(2);

    await expect(createCardUiLoader(registering(null))()).rejects.toThrow('did not register');
  });
});

describe('CardHost asks for the texts of a claim card\'s differing sentences', () => {
  const claim: Match = {
    kind: 'claim',
    id: 'claim:g1',
    text: 'Ann Example said all of the wardens signed.',
    start: 0,
    end: 43,
    score: 0.8,
    refs: [
      { article: 'a1', sentence: 2, relation: 'agrees', score: 0.8 },
      { article: 'a1', sentence: 5, relation: 'differs', score: 0.6, kind: 'scope' },
      { article: 'a2', sentence: 1, relation: 'differs', score: 0.7, kind: 'contradiction' },
    ],
  };

  it('sends the differing refs of a claim with its details request, and none for a person', async () => {
    const { host, marker, getDetails } = makeHost(async () => cardView);
    host.open(marker, claim);
    await flush();
    expect(getDetails).toHaveBeenLastCalledWith('claim', 'claim:g1', undefined, [
      { article: 'a1', sentence: 5 },
      { article: 'a2', sentence: 1 },
    ]);
    host.close();
    host.open(marker, match);
    await flush();
    expect(getDetails).toHaveBeenLastCalledWith('person', 'person:a', undefined, undefined);
  });
});
