/**
 * The card's whole stylesheet for its shadow root: the one palette (ui/shared/tokens.css), then the
 * card's own rules (card.css). Both are inlined as strings by vite, so the content script needs no
 * CSS loader and no stylesheet is web-accessible; card.css opens with the :host reset that keeps page
 * styles out.
 */
import tokens from '../shared/tokens.css?inline';
import rules from './card.css?inline';

/** Stylesheet for the shadow root that holds a card. */
export const CARD_CSS = `${rules}\n${tokens}`;
