/**
 * Step 3.2: corpus-wide word statistics used as evidence: which words the corpus writes in lower
 * case (common words, not names) and which it capitalises away from a sentence start.
 */
import type { Span } from '../../index/types';
import type { ArticleDraft } from '../context';
import { isInside } from '../context';

/** Corpus-wide word statistics. */
export interface WordStats {
  /** Words the corpus writes in lower case (so they are common words). */
  lower: Set<string>;
  /** Words the corpus writes capitalised away from a sentence start. */
  capMid: Set<string>;
}

/** Collects the statistics over article bodies, leaving out what is not prose. */
export function collectStats(drafts: ArticleDraft[], nonProse: Span[][]): WordStats {
  const lower = new Set<string>();
  const capMid = new Set<string>();
  drafts.forEach((d, a) => {
    for (const t of d.tokens) {
      if (!t.isWord || t.start < d.bodyStart || isInside(nonProse[a], t.start)) continue;
      if (!t.isCap && /^\p{Ll}/u.test(t.text)) lower.add(t.norm);
      else if (t.isCap && !t.isSentenceStart) capMid.add(t.norm);
    }
  });
  return { lower, capMid };
}
