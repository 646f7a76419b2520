/**
 * The corpus index as the popup and the corpus browser see it: checked once when loaded, so a
 * broken or stale index becomes an explained error state instead of a blank page.
 */
import { SCHEMA_VERSION, type CorpusIndex } from '../../core/index/types';

/** Either a usable index or a plain-words reason why there is none. */
export type LoadedCorpus = { index: CorpusIndex } | { error: string };

const ARRAYS = ['articles', 'entities', 'ambiguous', 'quotes', 'quoteGroups', 'claims', 'claimGroups'] as const;

/**
 * Checks the shape a UI needs, then runs the full validator (which throws naming the bad field),
 * and returns the index or an error saying what is wrong with it.
 */
export function loadCorpusIndex(raw: unknown, validate?: (raw: unknown) => unknown): LoadedCorpus {
  if (typeof raw !== 'object' || raw === null) return { error: 'the index is not a JSON object' };
  const candidate = raw as Partial<CorpusIndex>;
  if (candidate.schemaVersion !== SCHEMA_VERSION) {
    return { error: `schema version ${String(candidate.schemaVersion)} (expected ${SCHEMA_VERSION})` };
  }
  for (const key of ARRAYS) {
    if (!Array.isArray(candidate[key])) return { error: `"${key}" is missing or not a list` };
  }
  try {
    validate?.(raw);
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  return { index: candidate as CorpusIndex };
}
