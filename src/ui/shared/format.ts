/**
 * The one home of display words shared by the cards, the popup and the corpus browser, so a card
 * and the corpus browser never word the same thing differently.
 */
import { articleLabel, isKnown, type ArticleRef } from '../../core/index/details';
import type { DetectionKind, Relation } from '../../core/index/types';
import { t, type MessageKey } from './i18n';

/** The outlet's name, or the translated "outlet unknown". */
export function outletName(outlet: string): string {
  return isKnown(outlet) ? outlet : t('card_outlet_unknown');
}

/** The ISO date as written, or the translated "date unknown" (never an invented date). */
export function articleDate(date: string): string {
  return isKnown(date) ? date : t('card_date_unknown');
}

/** "Outlet, 2031-03-04" with translated words for unknown metadata. */
export function articleText(article: Pick<ArticleRef, 'outlet' | 'date'>): string {
  return articleLabel(article, { outlet: t('card_outlet_unknown'), date: t('card_date_unknown') });
}

/** Singular label of a record kind ("Person", "Claim", "Article"). */
export function kindLabel(kind: DetectionKind | 'article'): string {
  const keys: Record<DetectionKind | 'article', MessageKey> = {
    person: 'card_kind_person',
    organisation: 'card_kind_organisation',
    claim: 'card_kind_claim',
    quote: 'card_kind_quote',
    article: 'common_kindArticle',
  };
  return t(keys[kind]);
}

/** Heading (plural) of a group of records of one kind. */
export function kindHeading(kind: DetectionKind | 'article'): string {
  const keys: Record<DetectionKind | 'article', MessageKey> = {
    person: 'common_people',
    organisation: 'common_organisations',
    claim: 'common_claims',
    quote: 'common_quotes',
    article: 'common_articles',
  };
  return t(keys[kind]);
}

/** The translated word for how an article relates to a record ("Agrees", "Adds context"). */
export function relationLabel(relation: Relation | 'same' | 'variant'): string {
  const keys: Record<Relation, MessageKey> = {
    mentions: 'card_relation_mentions',
    agrees: 'card_relation_agrees',
    differs: 'card_relation_differs',
    adds: 'card_relation_adds',
    'same-quote': 'card_quote_same',
    'variant-quote': 'card_quote_variant',
  };
  return t(keys[relation === 'same' ? 'same-quote' : relation === 'variant' ? 'variant-quote' : relation]);
}

/** "1 mention" / "3 mentions" style counts from a singular and a plural key. */
export function countLabel(count: number, one: MessageKey, many: MessageKey): string {
  return count === 1 ? t(one) : t(many, count);
}

/** Length (characters) of a list row's text before it is shortened. */
const LIST_ROW_CHARS = 140;
/** A cut falls back to mid-word only when the last space would lose more than this share of the row. */
const WORD_CUT_KEEPS = 0.6;

/** Shortens a long text at a word boundary, for list rows. */
export function shorten(text: string, max = LIST_ROW_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * WORD_CUT_KEEPS ? cut.slice(0, space) : cut).trimEnd()}…`;
}
