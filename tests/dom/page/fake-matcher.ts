/**
 * A tiny test-only matcher with the real matcher's contract (UTF-16 offsets into the scanned text,
 * no overlaps, longest first): it finds fixed phrases. The page code is tested against this so its
 * tests do not depend on the corpus.
 */
import type { DetectionKind, Match } from '../../../src/core/index/types';
import type { BlockMatcher } from '../../../src/page/scan-scheduler';

export interface FakeTerm {
  text: string;
  kind: DetectionKind;
  id: string;
}

export function fakeMatcher(terms: FakeTerm[]): BlockMatcher & { calls: string[] } {
  const sorted = terms.slice().sort((a, b) => b.text.length - a.text.length);
  const calls: string[] = [];
  return {
    calls,
    scan(text, options) {
      calls.push(text);
      const out: Match[] = [];
      const taken: [number, number][] = [];
      for (const term of sorted) {
        if (options?.kinds && options.kinds[term.kind] === false) continue;
        for (let at = text.indexOf(term.text); at >= 0; at = text.indexOf(term.text, at + 1)) {
          const end = at + term.text.length;
          if (taken.some(([s, e]) => at < e && end > s)) continue;
          taken.push([at, end]);
          out.push({ kind: term.kind, text: term.text, start: at, end, id: term.id, score: 1, refs: [] });
        }
      }
      return out.sort((a, b) => a.start - b.start);
    },
  };
}
