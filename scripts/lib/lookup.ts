/** The lookup CLI's core, shared with tests: the content script's matcher plus the cards' evidence builder. */
import { buildDetection } from '../../src/core/index/evidence';
import type { CorpusIndex, Detection } from '../../src/core/index/types';
import { compileMatcher, createMatcher, type Matcher } from '../../src/core/match';

const matchers = new WeakMap<CorpusIndex, Matcher>();

/** Looks up a text against an index exactly as the content script scans a page, then builds the evidence as the cards do. */
export function lookup(text: string, index: CorpusIndex): { detections: Detection[] } {
  let matcher = matchers.get(index);
  if (!matcher) {
    // Through JSON, as the content script receives it, so nothing non-serialisable can slip in.
    matcher = createMatcher(JSON.parse(JSON.stringify(compileMatcher(index))));
    matchers.set(index, matcher);
  }
  return { detections: matcher.scan(text).map((m) => buildDetection(index, m)) };
}
