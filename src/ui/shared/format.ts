/** Small display helpers shared by the popup and the corpus browser. */
import type { DetectionKind, Relation } from '../../core/index/types';
import { articleDate, kindLabel as cardKindLabel, outletName, relationLabel as cardRelationLabel } from '../card/format';
import { t } from './i18n';

// Outlet, date, kind and relation words are the cards' own, so a card and the corpus browser
// never word the same thing differently.

/** The outlet's name, or the translated "outlet unknown". */
export const outletLabel = outletName;

/** The ISO date as written, or the translated "date unknown" (never an invented date). */
export const dateLabel = articleDate;

/** Singular label of a record kind. */
export function kindLabel(kind: DetectionKind | 'article'): string {
  return kind === 'article' ? t('common_kindArticle') : cardKindLabel(kind);
}

/** Heading (plural) of a group of records of one kind. */
export function kindHeading(kind: DetectionKind | 'article'): string {
  switch (kind) {
    case 'person':
      return t('common_people');
    case 'organisation':
      return t('common_organisations');
    case 'claim':
      return t('common_claims');
    case 'quote':
      return t('common_quotes');
    default:
      return t('common_articles');
  }
}

/** The translated word for how an article relates to a claim or quote group. */
export function relationLabel(relation: Relation | 'same' | 'variant'): string {
  return cardRelationLabel(relation === 'same' ? 'same-quote' : relation === 'variant' ? 'variant-quote' : relation);
}

/** Shortens a long text at a word boundary, for list rows. */
export function shorten(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
