/** Small formatting helpers shared by the card components (and reusable by popup and browser). */
import { articleLabel, isKnown, type ArticleRef } from '../../core/index/details';
import type { DetectionKind, Relation } from '../../core/index/types';
import { t, type MessageKey } from '../shared/i18n';

/** How strong a match score is, in words the card can stand behind. */
export type Strength = 'strong' | 'partial' | 'weak';

/** Buckets a 0..1 score: strong from 0.85, partial from 0.6, weak below. */
export function strengthOf(score: number): Strength {
  if (score >= 0.85) return 'strong';
  if (score >= 0.6) return 'partial';
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

/** The outlet's name, or the translated "outlet unknown". */
export function outletName(outlet: string): string {
  return isKnown(outlet) ? outlet : t('card_outlet_unknown');
}

/** The article's date, or the translated "date unknown". */
export function articleDate(date: string): string {
  return isKnown(date) ? date : t('card_date_unknown');
}

/** "Outlet, 2016-07-10" with translated words for unknown metadata. */
export function articleText(article: Pick<ArticleRef, 'outlet' | 'date'>): string {
  return articleLabel(article, { outlet: t('card_outlet_unknown'), date: t('card_date_unknown') });
}

/** The kind's display name ("Person", "Claim"). */
export function kindLabel(kind: DetectionKind): string {
  const keys: Record<DetectionKind, MessageKey> = {
    person: 'card_kind_person',
    organisation: 'card_kind_organisation',
    claim: 'card_kind_claim',
    quote: 'card_kind_quote',
  };
  return t(keys[kind]);
}

/** The relation's display name ("Agrees", "Adds context"). */
export function relationLabel(relation: Relation): string {
  const keys: Record<Relation, MessageKey> = {
    mentions: 'card_relation_mentions',
    agrees: 'card_relation_agrees',
    differs: 'card_relation_differs',
    adds: 'card_relation_adds',
    'same-quote': 'card_quote_same',
    'variant-quote': 'card_quote_variant',
  };
  return t(keys[relation]);
}

/** "1 mention" / "3 mentions" style counts from a singular and a plural key. */
export function countLabel(count: number, one: MessageKey, many: MessageKey): string {
  return count === 1 ? t(one) : t(many, count);
}
