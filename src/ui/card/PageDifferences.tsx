/**
 * How one corpus article differs from the page text, each difference named by its kind ("More
 * precise", "Less certain", "Place within") with the page's value beside the article's.
 */
import type { CoverageRef, DifferenceKind, ValueDifference } from '../../core/index/types';
import { t, type MessageKey } from '../shared/i18n';

const kindKeys: Record<DifferenceKind, MessageKey> = {
  contradiction: 'card_difference_contradiction',
  'more-precise': 'card_difference_more_precise',
  'less-precise': 'card_difference_less_precise',
  'place-within': 'card_difference_place_within',
  'place-around': 'card_difference_place_around',
  'more-certain': 'card_difference_more_certain',
  'less-certain': 'card_difference_less_certain',
  negation: 'card_difference_negation',
  scope: 'card_difference_scope',
  'quote-cut': 'card_difference_quote_cut',
  'quote-varied': 'card_difference_quote_varied',
  'quote-other': 'card_difference_quote_other',
};

const attributeKeys: Record<ValueDifference['attribute'], MessageKey> = {
  figure: 'card_attribute_figure',
  place: 'card_attribute_place',
  date: 'card_attribute_date',
  certainty: 'card_attribute_certainty',
  negation: 'card_attribute_negation',
  scope: 'card_attribute_scope',
  wording: 'card_attribute_wording',
};

/** How loudly a kind is shown: a contradiction warns, a difference of certainty or group cautions, one of precision informs. */
export function kindTone(kind: DifferenceKind): 'conflict' | 'caution' | 'precision' {
  if (kind === 'contradiction' || kind === 'negation') return 'conflict';
  if (kind === 'scope' || kind === 'more-certain' || kind === 'less-certain' || kind === 'quote-varied' || kind === 'quote-other') return 'caution';
  return 'precision';
}

/** The translated name of a kind of difference ("More precise"); of places, a scope reads "Other places", of dates "Another period". */
export function kindLabel(kind: DifferenceKind, attribute?: ValueDifference['attribute']): string {
  if (kind === 'scope' && attribute === 'place') return t('card_difference_scope_place');
  if (kind === 'scope' && attribute === 'date') return t('card_difference_scope_date');
  return t(kindKeys[kind]);
}

/** A badge naming a kind of difference (of the attribute, when known). */
export function KindBadge({ kind, attribute }: { kind: DifferenceKind; attribute?: ValueDifference['attribute'] }) {
  return <span class={`cl-badge cl-badge-kind cl-badge-${kindTone(kind)}`} data-cl-kind={kind}>{kindLabel(kind, attribute)}</span>;
}

/** Every difference a reference carries, main one first. */
export function differencesOf(ref: Pick<CoverageRef, 'values' | 'differences'>): ValueDifference[] {
  return ref.differences ?? (ref.values ? [ref.values] : []);
}

/** The value as shown: a plain statement's certainty reads "stated as fact". */
function shown(d: ValueDifference, value: string): string {
  return (d.attribute === 'certainty' || d.attribute === 'negation') && value === 'stated' ? t('card_certainty_stated') : value;
}

/** Props of the page-against-article comparison. */
export interface PageDifferencesProps {
  differences: ValueDifference[];
  /** The article's outlet, labelling its side. */
  outlet: string;
  /** Show quote wordings too (a claim card, where no quote diff shows them). */
  wording?: boolean;
}

/** Each difference with its kind, the page's value and the article's side by side. A quote card leaves wordings to its quote diff. */
export function PageDifferences({ differences, outlet, wording = false }: PageDifferencesProps) {
  const shownDifferences = differences.filter((d) => d.kind && (wording || d.attribute !== 'wording'));
  if (shownDifferences.length === 0) return null;
  return (
    <ul class="cl-pd-list">
      {shownDifferences.map((d, i) => (
        <li key={i} class={`cl-pd cl-pd-${kindTone(d.kind!)}`} data-cl-kind={d.kind} data-cl-attribute={d.attribute}>
          <p class="cl-sbs-head">
            <KindBadge kind={d.kind!} attribute={d.attribute} /> <span class="cl-sbs-attribute">{t(attributeKeys[d.attribute])}</span>
          </p>
          <dl class="cl-pd-values">
            <div class="cl-pd-side">
              <dt class="cl-sbs-source">{t('card_this_page')}</dt>
              <dd class="cl-pd-value">{shown(d, d.page)}</dd>
            </div>
            <div class="cl-pd-side">
              <dt class="cl-sbs-source">{outlet}</dt>
              <dd class="cl-pd-value">{shown(d, d.corpus)}</dd>
            </div>
          </dl>
          {d.basis === 'text' ? <p class="cl-pd-basis cl-muted">{t('card_place_basis_text')}</p> : d.basis === 'gazetteer' ? <p class="cl-pd-basis cl-muted">{t('card_place_basis_gazetteer')}</p> : null}
        </li>
      ))}
    </ul>
  );
}
