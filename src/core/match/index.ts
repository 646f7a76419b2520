/**
 * Public API of the matcher (placeholder until src/core/match is implemented).
 * The content script, the background and the lookup CLI call only these functions.
 */
import type { CorpusIndex, Detection, DetectionKind, Match } from '../index/types';

/** Compact, JSON-serialisable data the matcher needs; compiled from a CorpusIndex at build time. */
export interface MatcherData {
  schemaVersion: number;
}

/** Options for one scan. */
export interface ScanOptions {
  /** Which kinds to report; all when omitted. */
  kinds?: Partial<Record<DetectionKind, boolean>>;
}

/** A matcher built once from MatcherData and used for many scans. */
export interface Matcher {
  /** Finds every detection in `text`; offsets are UTF-16 offsets into `text`; no overlaps (longest wins). */
  scan(text: string, options?: ScanOptions): Match[];
}

/** Compiles the compact matcher data from a full index (build time). */
export function compileMatcher(index: CorpusIndex): MatcherData {
  void index;
  return { schemaVersion: 1 };
}

/** Builds a matcher from compiled data (run time). */
export function createMatcher(data: MatcherData): Matcher {
  void data;
  return { scan: () => [] };
}

/** Resolves a match's evidence (excerpts, outlets, canonical names) against the full index. */
export function resolveMatch(match: Match, index: CorpusIndex): Detection {
  void index;
  return { kind: match.kind, text: match.text, start: match.start, end: match.end, id: match.id, coverage: [], score: match.score };
}
