/**
 * The card UI the on-demand card script provides: the Preact card components of src/ui/card (the
 * one place the content script may import UI from) and @floating-ui/dom positioning, behind the
 * small CardUi seam so the host does not depend on their internals. Only card-ui.ts (and tests)
 * import this module: it must stay out of the always-injected content script.
 */
import { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import { CARD_CSS, renderCard, unmountCard } from '../ui/card';
import type { CardUi } from './card-loader';

/** Places the card below its marker (above when there is no room), shifted and sized to stay on screen. */
function position(reference: HTMLElement, floating: HTMLElement): () => void {
  const update = () => {
    computePosition(reference, floating, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        offset(6),
        flip({ padding: 8 }),
        shift({ padding: 8 }),
        size({
          padding: 8,
          apply({ availableHeight }) {
            floating.style.maxHeight = `${Math.max(140, Math.floor(availableHeight))}px`;
          },
        }),
      ],
    })
      .then(({ x, y }) => {
        floating.style.left = `${Math.round(x)}px`;
        floating.style.top = `${Math.round(y)}px`;
      })
      .catch(() => undefined);
  };
  try {
    return autoUpdate(reference, floating, update);
  } catch {
    update();
    return () => undefined;
  }
}

/** The card UI: renderer, stylesheet and positioning. */
export const cardView: CardUi = {
  css: CARD_CSS,
  render: (container, props) => renderCard(container, props),
  unmount: (container) => unmountCard(container),
  position,
};
