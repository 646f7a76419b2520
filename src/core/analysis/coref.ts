/**
 * Who "he", "she" or "the leader" stands for: the subject of the nearest preceding sentence that
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
  let best: MentionDraft | null = null;
  for (const m of mentions) {
    if (m.start >= offset) break;
    if (m.isPossessive || !isPerson(m.entity) || isInside(d.quotedSpans, m.start)) continue;
    // Keep the first qualifying mention of the latest sentence.
    if (!best || m.sentence > best.sentence) best = m;
  }
  return best ? best.entity : null;
}
