/**
 * Entry of the on-demand card UI script (built by crxjs as a standalone IIFE, injected by the
 * background with scripting.executeScript the first time a reader reaches for a card). It runs in
 * the content script's isolated world and registers the card UI on that world's global.
 */
import { CARD_UI_KEY } from './card-loader';
import { cardView } from './card-view';

(globalThis as Record<string, unknown>)[CARD_UI_KEY] = cardView;
