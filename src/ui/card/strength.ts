/** How strong a match is, in words a card can stand behind. */
import { t, type MessageKey } from '../shared/i18n';
import type { DetectionKind } from '../../core/index/types';
import { LINK_PROBABILITY, STRONG_PROBABILITY } from '../../core/match/rerank';

/** How strong a match score is, in words the card can stand behind. */
export type Strength = 'strong' | 'partial' | 'weak';

/**
 * Score from which a card calls a name or quote match strong. Matcher scores of 1 are exact names
 * and quotes; a quote's score is the share of its wording the page keeps.
 */
export const STRONG_FROM = 0.85;
/** Score from which a card calls a name or quote match partial; below it, weak. */
export const PARTIAL_FROM = 0.6;
/**
 * A claim's score is the re-ranker's fitted link probability (core/match/rerank): strong from the
 * probability that splits the dev split's out-of-fold links into the two bands whose precisions
 * differ most surely (fitted-reranker.json's strongCriterion and the bands' figures), partial from the
 * link probability itself (a page sentence is only marked from there), weak below it (a corpus
 * article a card lists as evidence for a marked sentence, less likely than a link on its own).
 * Both are fitted by scripts/fit-reranker.ts and read from fitted-reranker.json.
 */
export const CLAIM_STRONG_FROM = STRONG_PROBABILITY;
/** See CLAIM_STRONG_FROM. */
export const CLAIM_PARTIAL_FROM = LINK_PROBABILITY;

/** Buckets a 0..1 score into strong, partial or weak; claims by their fitted probabilities. */
export function strengthOf(score: number, kind?: DetectionKind): Strength {
  const [strong, partial] = kind === 'claim' ? [CLAIM_STRONG_FROM, CLAIM_PARTIAL_FROM] : [STRONG_FROM, PARTIAL_FROM];
  if (score >= strong) return 'strong';
  if (score >= partial) return 'partial';
  return 'weak';
}

/** "Partial match (0.64)". */
export function strengthLabel(score: number, kind?: DetectionKind): string {
  const words: Record<Strength, MessageKey> = {
    strong: 'card_strength_strong',
    partial: 'card_strength_partial',
    weak: 'card_strength_weak',
  };
  return t('card_match_strength', [t(words[strengthOf(score, kind)]), score.toFixed(2)]);
}
