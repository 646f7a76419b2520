/**
 * Who "he", "she" or "the minister" stands for: the subject of the nearest preceding sentence that
 * names a person outside quotation marks. A possessive ("X's allies") is not a subject, and the
 * first such name in that sentence wins over later ones (objects, appositions).
 */
import type { ArticleDraft, MentionDraft } from './context';
import { isInside } from './context';

/** Resolves a person reference at `offset` to an entity id, or null when nothing precedes it. */
export function antecedentBefore(
  d: ArticleDraft,
  mentions: MentionDraft[],
  offset: number,
  isPerson: (entity: string) => boolean,
): string | null {
  // Binary search the last mention before `offset`, then walk back sentence by sentence.
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  let best: MentionDraft | null = null;
  for (let k = lo - 1; k >= 0; k--) {
    const m = mentions[k];
    if (best && m.sentence !== best.sentence) break;
    if (m.isPossessive || !isPerson(m.entity) || isInside(d.quotedSpans, m.start)) continue;
    // Keep the first qualifying mention of the latest sentence that has one.
    best = m;
  }
  return best ? best.entity : null;
}
