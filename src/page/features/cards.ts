/**
 * Feature: the card host (one shadow-root card for the page), with details from the matching side
 * (fetched with the corpus id when a hover begins) and the corpus browser opened only on the
 * reader's own click.
 */
import type { Protocol, RequestType, Result } from '../../shared/protocol';
import { CardHost } from '../card-host';
import type { CardUi } from '../card-loader';
import { isInvalidatedError } from '../lifecycle';

/** What the cards need from the extension runtime. */
export interface CardsEnv {
  request<K extends RequestType>(type: K, payload: Protocol[K]['request']): Promise<Result<Protocol[K]['reply']>>;
  loadCardUi(): Promise<CardUi>;
  cardUnavailable(): string;
}

/** Creates the card host for `doc`; it is destroyed when `signal` aborts. `onGone` runs when the extension is gone. */
export function initCards(doc: Document, env: CardsEnv, onGone: () => void, signal: AbortSignal): CardHost {
  // Only the reader's own click (or Enter/Space, which the browser turns into a trusted click) may
  // open the corpus browser: page scripts can reach the card's buttons and call click(), and must
  // not be able to open extension tabs. Capture on the document runs before the card's handlers.
  let lastClickTrusted = false;
  doc.addEventListener('click', (event) => void (lastClickTrusted = event.isTrusted), { capture: true, signal });

  const card = new CardHost(doc, {
    theme: 'light',
    getDetails: async (kind, id, corpus, sentences) => {
      const result = await env.request('getDetails', { kind, id, ...(corpus === undefined ? {} : { corpus }), ...(sentences ? { sentences: [...sentences] } : {}) });
      if (!result.ok && isInvalidatedError(result.error)) onGone();
      return result;
    },
    openBrowser: (hash) => {
      if (!lastClickTrusted) return;
      lastClickTrusted = false;
      void env.request('openCorpusBrowser', { hash });
    },
    loadUi: () => env.loadCardUi(),
    unavailableText: () => env.cardUnavailable(),
  });
  signal.addEventListener('abort', () => card.destroy(), { once: true });
  return card;
}
