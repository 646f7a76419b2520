/**
 * Step 3.2: corpus-wide word statistics used as evidence: which words the corpus writes in lower
 * case (common words, not names) and which it capitalises away from a sentence start.
 */
import type { Span } from '../../index/types';
import type { ArticleDraft, Token } from '../context';
import { isInside } from '../context';

/** Corpus-wide word statistics. */
export interface WordStats {
  /** Words the corpus writes in lower case (so they are common words). */
  lower: Set<string>;
  /** Words the corpus writes capitalised away from a sentence start. */
  capMid: Set<string>;
}

/** Empty statistics, for addStats to fill article by article. */
export function emptyStats(): WordStats {
  return { lower: new Set(), capMid: new Set() };
}

/** Adds one article's body words (its tokens `toks`), leaving out what is not prose (`nonProse`). */
export function addStats(stats: WordStats, d: ArticleDraft, toks: readonly Token[], nonProse: Span[]): void {
  for (const t of toks) {
    if (!t.isWord || t.start < d.bodyStart || isInside(nonProse, t.start)) continue;
    if (!t.isCap && startsLower(t.text)) stats.lower.add(t.norm);
    else if (t.isCap && !t.isSentenceStart) stats.capMid.add(t.norm);
  }
}

const LOWER_START = /^\p{Ll}/u;

/** Whether a word starts with a lower-case letter: ASCII by its code (most words), the rest by the Unicode class. */
function startsLower(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c < 0x80) return c >= 0x61 && c <= 0x7a;
  return LOWER_START.test(text);
}
