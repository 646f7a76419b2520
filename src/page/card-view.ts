/**
 * The card renderer the card host mounts: the Preact card components of src/ui/card (the one
 * place the content script may import UI from), behind one small seam so the host does not depend
 * on their internals.
 */
import type { CardProps } from '../ui/card';

export { CARD_CSS, renderCard, unmountCard } from '../ui/card';

/** What the host passes to the card renderer. */
export type CardViewProps = CardProps;
