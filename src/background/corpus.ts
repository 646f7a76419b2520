/** Loads the bundled corpus index once per background lifetime and keeps why it failed, if it did. */
import type { CorpusIndex } from '../core/index/types';
import { SCHEMA_VERSION } from '../core/index/types';
import rawIndex from '../generated/index.json';

let cached: { index: CorpusIndex } | { error: string } | null = null;

/** The validated corpus index, or an error saying why it could not be loaded. */
export function loadCorpus(): { index: CorpusIndex } | { error: string } {
  if (cached) return cached;
  try {
    const candidate = rawIndex as unknown as CorpusIndex;
    if (candidate.schemaVersion !== SCHEMA_VERSION) {
      throw new Error(`index.schemaVersion: expected ${SCHEMA_VERSION}, found ${String(candidate.schemaVersion)}`);
    }
    cached = { index: candidate };
  } catch (error) {
    cached = { error: `The corpus index failed to load: ${error instanceof Error ? error.message : String(error)}` };
  }
  return cached;
}
