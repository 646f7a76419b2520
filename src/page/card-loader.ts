/**
 * Loading the card UI on demand. The card (Preact components, their CSS and the positioning code)
 * is most of the content script's weight but is only needed once a reader reaches for a marker, so
 * it is a second script (card-ui.ts) that the background injects into this frame's isolated world
 * on the first hover or focus. It registers itself under CARD_UI_KEY on the isolated world's
 * global, which page scripts cannot see.
 */
import type { CardProps } from '../ui/card';
import type { Protocol, Result } from '../shared/protocol';

/** What the host passes to the card renderer. */
export type CardViewProps = CardProps;

/** What the card UI script provides. */
export interface CardUi {
  /** The stylesheet of the card, for the host's shadow root. */
  css: string;
  /** Renders (or re-renders) the card into a container. */
  render(container: HTMLElement, props: CardViewProps): void;
  /** Removes the card from a container. */
  unmount(container: HTMLElement): void;
  /** Keeps `floating` next to `reference` and on screen until the returned function is called. */
  position(reference: HTMLElement, floating: HTMLElement): () => void;
}

/** The isolated-world global the card UI script registers itself under. */
export const CARD_UI_KEY = '__coverageLensCardUi';

function registered(): CardUi | null {
  const ui = (globalThis as Record<string, unknown>)[CARD_UI_KEY] as Partial<CardUi> | undefined;
  return ui && typeof ui.render === 'function' && typeof ui.position === 'function' ? (ui as CardUi) : null;
}

/**
 * A loader that asks the background to inject the card UI script once and resolves with what it
 * registered. The promise is cached; after a failure the next call tries again.
 */
export function createCardUiLoader(
  inject: () => Promise<Result<Protocol['loadCardUi']['reply']>>,
): () => Promise<CardUi> {
  let loading: Promise<CardUi> | null = null;
  let fresh = false;
  return () => {
    if (!fresh) {
      // A global left by an earlier instance of this extension (reloaded under the page) may be
      // an older card: inject this version's once.
      fresh = true;
      delete (globalThis as Record<string, unknown>)[CARD_UI_KEY];
    }
    loading ??= inject().then((result) => {
      const ui = registered();
      if (ui) return ui;
      throw new Error(result.ok ? 'the card script did not register' : result.error);
    });
    const current = loading;
    current.catch(() => {
      if (loading === current) loading = null;
    });
    return current;
  };
}
