/**
 * The source-context card: the API the content script mounts inside its shadow root (and the
 * popup and corpus browser may reuse). Rendering is cheap by design: every comparison and diff is
 * precomputed in the index, the card only lays it out.
 */
import { render } from 'preact';
import type { CardDetails } from '../../core/index/details';
import type { Match } from '../../core/index/types';
import type { CorpusCardDetails } from '../../shared/protocol';
import { t } from '../shared/i18n';
import { corpusLink } from '../shared/links';
import { CardFrame } from './CardFrame';
import { ErrorState, LoadingState, NoCoverageState } from './CardStates';
import { ClaimCard } from './ClaimCard';
import { EntityCard } from './EntityCard';
import { kindLabel } from '../shared/format';
import { QuoteCard, speakerLabel } from './QuoteCard';

export { CARD_CSS } from './card-css';

/** Everything a card needs: the page match, the look-up state and the host's callbacks. */
export interface CardProps {
  match: Match;
  /** `corpus`: the name of the corpus the details come from. */
  state: { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; details: CardDetails; corpus?: string };
  pinned: boolean;
  theme: 'light' | 'dark';
  onClose(): void;
  onTogglePin(): void;
  /** Called with a deep link such as "#/person/<id>"; the page forwards it to the background. */
  onOpenBrowser(hash: string): void;
}

function titleOf(details: CardDetails): string {
  if (details.type === 'entity') return details.name;
  if (details.type === 'claim') return details.topic;
  return speakerLabel(details);
}

function ReadyBody({ props, details }: { props: CardProps; details: CardDetails }) {
  if (details.covered === 0) return <NoCoverageState total={details.total} />;
  if (details.type === 'entity') return <EntityCard match={props.match} details={details} onOpenBrowser={props.onOpenBrowser} />;
  if (details.type === 'claim') return <ClaimCard match={props.match} details={details} onOpenBrowser={props.onOpenBrowser} />;
  return <QuoteCard match={props.match} details={details} onOpenBrowser={props.onOpenBrowser} />;
}

/** The card component (root of what renderCard mounts). */
export function Card(cardProps: CardProps) {
  const { state } = cardProps;
  const details = state.status === 'ready' ? state.details : null;
  // Every link of the card opens the corpus its evidence came from (`#/corpus/<id>/…`).
  const corpusId = (details as CorpusCardDetails | null)?.corpus?.id;
  const props: CardProps = corpusId ? { ...cardProps, onOpenBrowser: (hash) => cardProps.onOpenBrowser(corpusLink(corpusId, hash)) } : cardProps;
  const kind = details?.type === 'entity' ? details.kind : details?.type ?? props.match.kind;
  return (
    <CardFrame
      kicker={kindLabel(kind)}
      title={details ? titleOf(details) : props.match.text}
      theme={props.theme}
      pinned={props.pinned}
      busy={state.status === 'loading'}
      clampTitle={!details || details.type === 'claim' || (details.type === 'quote' && details.speaker.name === null)}
      onClose={props.onClose}
      onTogglePin={props.onTogglePin}
      corpus={state.status === 'ready' ? state.corpus : undefined}
      footer={
        details ? (
          <button type="button" class="cl-button" onClick={() => props.onOpenBrowser(details.link)}>
            {t('card_open_browser')}
          </button>
        ) : undefined
      }
    >
      {state.status === 'loading' ? <LoadingState /> : null}
      {state.status === 'error' ? <ErrorState message={state.message} /> : null}
      {details ? <ReadyBody props={props} details={details} /> : null}
    </CardFrame>
  );
}

/** Renders (or re-renders with new props) the card into a container inside the shadow root. */
export function renderCard(container: Element, props: CardProps): void {
  render(<Card {...props} />, container);
}

/** Removes the card and its listeners from the container. */
export function unmountCard(container: Element): void {
  render(null, container);
}
