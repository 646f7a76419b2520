/**
 * Marks for the reader view, computed from the index alone (entity mention spans and claim
 * sentences), never by scanning the text again: what the corpus analysis found is what is shown.
 */
import type { ArticleRecord, CorpusIndex, EntityKind, Span } from '../../core/index/types';

/** An entity mention to link. */
export interface MentionMark extends Span {
  entity: string;
  kind: EntityKind;
  name: string;
}

/** A piece of a paragraph: plain, or a claim sentence (with the claim groups it belongs to). */
export interface Piece extends Span {
  claimGroups: string[];
  mentions: MentionMark[];
}

/** Mentions of every entity in one article, overlaps resolved longest-first. */
export function mentionMarks(index: CorpusIndex, article: ArticleRecord): MentionMark[] {
  const all: MentionMark[] = [];
  for (const entity of index.entities) {
    for (const coverage of entity.coverage) {
      if (coverage.article !== article.id) continue;
      for (const m of coverage.mentions) {
        if (m.start >= 0 && m.end <= article.text.length && m.end > m.start) {
          all.push({ start: m.start, end: m.end, entity: entity.id, kind: entity.kind, name: entity.name });
        }
      }
    }
  }
  all.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: MentionMark[] = [];
  for (const m of all) {
    const previous = kept[kept.length - 1];
    if (previous && m.start < previous.end) continue;
    kept.push(m);
  }
  return kept;
}

/** Claim group ids per sentence index of one article. */
export function claimSentences(index: CorpusIndex, article: ArticleRecord): Map<number, string[]> {
  const bySentence = new Map<number, string[]>();
  for (const claim of index.claims) {
    if (claim.article !== article.id || !article.sentences[claim.sentence]) continue;
    const groups = bySentence.get(claim.sentence) ?? [];
    if (!groups.includes(claim.group)) groups.push(claim.group);
    bySentence.set(claim.sentence, groups);
  }
  return bySentence;
}

/** Splits one paragraph into plain and claim-sentence pieces, each with the mentions inside it. */
export function paragraphPieces(
  paragraph: Span,
  sentences: Span[],
  claims: Map<number, string[]>,
  mentions: MentionMark[],
): Piece[] {
  const claimSpans: (Span & { groups: string[] })[] = [];
  sentences.forEach((s, i) => {
    const groups = claims.get(i);
    if (!groups) return;
    const start = Math.max(s.start, paragraph.start);
    const end = Math.min(s.end, paragraph.end);
    if (end > start) claimSpans.push({ start, end, groups });
  });
  claimSpans.sort((a, b) => a.start - b.start);
  const pieces: Piece[] = [];
  let cursor = paragraph.start;
  const push = (start: number, end: number, claimGroups: string[]) => {
    if (end <= start) return;
    // A mention that straddles a piece boundary is dropped rather than cut in two.
    const inside = mentions.filter((m) => m.start >= start && m.end <= end);
    pieces.push({ start, end, claimGroups, mentions: inside });
  };
  for (const span of claimSpans) {
    if (span.start < cursor) continue;
    push(cursor, span.start, []);
    push(span.start, span.end, span.groups);
    cursor = span.end;
  }
  push(cursor, paragraph.end, []);
  return pieces;
}
