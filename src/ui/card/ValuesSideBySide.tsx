/**
 * A differing attribute with each outlet's value next to the others, visibly marked: "differs" for
 * values that cannot all be true, else the kind of precision ("Place within", and where that comes from).
 */
import type { DifferenceDetails } from '../../core/index/details';
import { t, type MessageKey } from '../shared/i18n';
import { KindBadge } from './PageDifferences';
import { articleDate, outletName } from '../shared/format';

/** Props of one side-by-side comparison. */
export interface ValuesSideBySideProps {
  difference: DifferenceDetails;
}

const attributeKeys: Record<DifferenceDetails['attribute'], MessageKey> = {
  figure: 'card_attribute_figure',
  place: 'card_attribute_place',
  date: 'card_attribute_date',
  wording: 'card_attribute_wording',
};

/** Side-by-side values, e.g. "12" (one outlet) vs "more than 20" (another). */
export function ValuesSideBySide({ difference }: ValuesSideBySideProps) {
  // A contradiction (or a kind not written, in an older index) says "differs"; a difference of precision says its kind.
  const precision = difference.kind !== undefined && difference.kind !== 'contradiction';
  return (
    <div class={`cl-sbs${precision ? ' cl-sbs-precision' : ''}`} data-cl-attribute={difference.attribute} data-cl-kind={difference.kind}>
      <p class="cl-sbs-head">
        {precision ? <KindBadge kind={difference.kind!} attribute={difference.attribute} /> : <span class="cl-badge cl-badge-differs">{t('card_relation_differs')}</span>}{' '}
        <span class="cl-sbs-attribute">{t(attributeKeys[difference.attribute])}</span>
      </p>
      <ul class="cl-sbs-values">
        {difference.values.map((v) => (
          <li key={`${v.article.id}:${v.claim}`} class="cl-sbs-value" data-cl-article={v.article.id}>
            <span class="cl-sbs-number">{v.value}</span>{' '}
            <span class="cl-sbs-source">{outletName(v.article.outlet)}</span>{' '}
            <span class="cl-sbs-date">{articleDate(v.article.date)}</span>
          </li>
        ))}
      </ul>
      {difference.basis === 'text' ? <p class="cl-pd-basis cl-muted">{t('card_place_basis_text')}</p> : difference.basis === 'gazetteer' ? <p class="cl-pd-basis cl-muted">{t('card_place_basis_gazetteer')}</p> : null}
    </div>
  );
}
