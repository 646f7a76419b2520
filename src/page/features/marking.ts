/**
 * Feature: one marking session (the article scanned and marked with one set of marker settings,
 * cards opened from its markers). A new session starts when the marker settings change or a
 * single-page app swaps the article; aborting the session removes its markers.
 */
import type { DetectionKind } from '../../core/index/types';
import { findArticleRoot } from '../article-root';
import type { CardHost } from '../card-host';
import { initCardTriggers } from '../card-triggers';
import type { Highlighter } from '../highlight';
import type { BlockMatch } from '../match-client';
import { PageScanner } from '../page-scan';

/** A running session. */
export interface MarkingSession {
  scanner: PageScanner;
  /** Settles when the first scan has finished (rejects when a batch could not be matched). */
  done: Promise<void>;
}

/** What a session needs. */
export interface MarkingOptions {
  doc: Document;
  card: CardHost;
  highlighter: Highlighter;
  match: BlockMatch;
  kinds: Record<DetectionKind, boolean>;
  maxMarkers: number;
  onChange(): void;
}

/** Starts marking the article until `signal` aborts. */
export function initMarking(options: MarkingOptions, signal: AbortSignal): MarkingSession {
  const { doc, card } = options;
  const scanner = new PageScanner({
    root: () => findArticleRoot(doc),
    match: options.match,
    highlighter: options.highlighter,
    kinds: { ...options.kinds },
    maxMarkers: options.maxMarkers,
    onChange: options.onChange,
  });
  initCardTriggers(
    doc,
    card,
    (el) => {
      const placed = scanner.placedFor(el);
      return placed ? { match: placed.match, first: placed.marks[0] } : null;
    },
    signal,
  );
  signal.addEventListener('abort', () => card.close(false), { once: true });
  return { scanner, done: scanner.start(signal) };
}
