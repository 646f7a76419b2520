/** Shared set-up for matcher tests: the invented mini corpus compiled once. */
import { buildMiniIndex } from '../../fixtures/mini-corpus/mini-index';
import { buildDetection } from '../../../src/core/index/evidence';
import { compileMatcher, createMatcher } from '../../../src/core/match';
import type { DetectionKind } from '../../../src/core/index/types';
import { wordVectors } from '../../../scripts/lib/word-vectors';

export const mini = buildMiniIndex();
export const miniData = compileMatcher(mini);
/** With the shipped word vectors, as the matching side runs it. */
export const miniMatcher = createMatcher(miniData, { vectors: wordVectors() });

/** Scans and resolves `text` against the mini corpus, only the given kinds. */
export function detect(text: string, ...kinds: DetectionKind[]) {
  const options = kinds.length ? { kinds: Object.fromEntries(kinds.map((k) => [k, true])) } : undefined;
  return miniMatcher.scan(text, options).map((m) => buildDetection(mini, m));
}
