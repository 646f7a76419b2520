/**
 * A tiny test-only matching side with the real one's contract (per block, UTF-16 offsets into that
 * block's text, each match tagged with its corpus; one kind never overlaps itself, longest first):
 * it finds fixed phrases. The page code is tested against this so its tests do not depend on the
 * corpus or on a running background.
 */
import type { DetectionKind } from '../../../src/core/index/types';
import type { BlockMatch } from '../../../src/page/match-client';
import type { CorpusMatch } from '../../../src/shared/protocol';

export interface FakeTerm {
  text: string;
  kind: DetectionKind;
  id: string;
}

/** The corpus id the fake's matches carry. */
export const FAKE_CORPUS = 'fake';

/** Finds the terms in one text, as the matcher would. */
export function findTerms(terms: FakeTerm[], text: string, kinds?: Partial<Record<DetectionKind, boolean>>): CorpusMatch[] {
  const sorted = terms.slice().sort((a, b) => b.text.length - a.text.length);
  const out: CorpusMatch[] = [];
  const taken: [number, number][] = [];
  for (const term of sorted) {
    if (kinds && kinds[term.kind] === false) continue;
    for (let at = text.indexOf(term.text); at >= 0; at = text.indexOf(term.text, at + 1)) {
      const end = at + term.text.length;
      if (taken.some(([s, e]) => at < e && end > s)) continue;
      taken.push([at, end]);
      out.push({ kind: term.kind, text: term.text, start: at, end, id: term.id, score: 1, refs: [], corpus: FAKE_CORPUS });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** A fake background answering `matchBlocks` from fixed terms; `calls` lists every block text it was sent, `batches` every batch. */
export function fakeBackground(terms: FakeTerm[], find = (text: string, kinds?: Partial<Record<DetectionKind, boolean>>) => findTerms(terms, text, kinds)): BlockMatch & { calls: string[]; batches: string[][] } {
  const calls: string[] = [];
  const batches: string[][] = [];
  const match: BlockMatch = async (blocks, kinds) => {
    batches.push(blocks.slice());
    calls.push(...blocks);
    return blocks.map((text) => find(text, kinds));
  };
  return Object.assign(match, { calls, batches });
}
