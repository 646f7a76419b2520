/** How strong a match is, in words a card can stand behind. */
import { t, type MessageKey } from '../shared/i18n';

/** How strong a match score is, in words the card can stand behind. */
export type Strength = 'strong' | 'partial' | 'weak';

/**
 * Score from which a card calls a match strong. Matcher scores of 1 are exact names and quotes,
 * and claim scores from here up agree on the claim's keys as well as its words (core/match/claims).
 */
export const STRONG_FROM = 0.85;
/** Score from which a card calls a match partial; below it, weak. Equal to the lowest score the matcher reports for a claim with most of its keys shared. */
export const PARTIAL_FROM = 0.6;

/** Buckets a 0..1 score into strong, partial or weak. */
export function strengthOf(score: number): Strength {
  if (score >= STRONG_FROM) return 'strong';
  if (score >= PARTIAL_FROM) return 'partial';
  return 'weak';
}

/** "Partial match (0.64)". */
export function strengthLabel(score: number): string {
  const words: Record<Strength, MessageKey> = {
    strong: 'card_strength_strong',
    partial: 'card_strength_partial',
    weak: 'card_strength_weak',
  };
  return t('card_match_strength', [t(words[strengthOf(score)]), score.toFixed(2)]);
}
