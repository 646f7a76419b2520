/** Small display helpers shared by the popup and the corpus browser. */
import { isKnown } from '../../core/index/details';
import type { DetectionKind } from '../../core/index/types';
import { t } from './i18n';

/** The outlet's name, or the translated "outlet unknown". */
export function outletLabel(outlet: string): string {
  return isKnown(outlet) ? outlet : t('common_outletUnknown');
}

/** The ISO date as written, or the translated "date unknown" (never an invented date). */
export function dateLabel(date: string): string {
  return isKnown(date) ? date : t('common_dateUnknown');
}

/** Singular label of a record kind. */
export function kindLabel(kind: DetectionKind | 'article'): string {
  switch (kind) {
    case 'person':
      return t('common_kindPerson');
    case 'organisation':
      return t('common_kindOrganisation');
    case 'claim':
      return t('common_kindClaim');
    case 'quote':
      return t('common_kindQuote');
    default:
      return t('common_kindArticle');
  }
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
export function relationLabel(relation: string): string {
  switch (relation) {
    case 'agrees':
      return t('common_relationAgrees');
    case 'differs':
      return t('common_relationDiffers');
    case 'adds':
      return t('common_relationAdds');
    case 'same':
    case 'same-quote':
      return t('common_relationSameQuote');
    case 'variant':
    case 'variant-quote':
      return t('common_relationVariantQuote');
    default:
      return t('common_relationMentions');
  }
}

/** Shortens a long text at a word boundary, for list rows. */
export function shorten(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
