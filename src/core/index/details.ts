/**
 * Detail records for cards, the popup and the corpus browser, built from the full index
 * (placeholder: the UI work replaces this with the real shapes).
 */
import type { CorpusIndex, DetectionKind } from './types';

/** Returns the detail record for one entity, claim group or quote group, or null when unknown. */
export function buildDetails(index: CorpusIndex, kind: DetectionKind, id: string): unknown {
  if (kind === 'person' || kind === 'organisation') return index.entities.find((e) => e.id === id) ?? null;
  if (kind === 'claim') return index.claimGroups.find((g) => g.id === id) ?? null;
  return index.quoteGroups.find((g) => g.id === id) ?? null;
}
