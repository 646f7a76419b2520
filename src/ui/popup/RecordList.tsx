/** The popup's lists of corpus records: people, organisations, claims (disagreements first), articles. */
import { useMemo } from 'preact/hooks';
import type { CorpusIndex } from '../../core/index/types';
import { claimGroupsInOrder, groupDiffers } from '../shared/claims-order';
import { articleDate, outletName, shorten } from '../shared/format';
import { t } from '../shared/i18n';
import { linkTo } from '../shared/links';

/** Which list to show. */
export type ListKind = 'people' | 'organisations' | 'claims' | 'articles';

interface Row {
  key: string;
  hash: string;
  title: string;
  detail: string;
  differs?: boolean;
}

function rowsFor(kind: ListKind, index: CorpusIndex): Row[] {
  const total = index.articles.length;
  if (kind === 'people' || kind === 'organisations') {
    const wanted = kind === 'people' ? 'person' : 'organisation';
    return index.entities
      .filter((e) => e.kind === wanted)
      .sort((a, b) => b.coverage.length - a.coverage.length || a.name.localeCompare(b.name))
      .map((e) => ({
        key: e.id,
        hash: linkTo(e.kind, e.id),
        title: e.name,
        detail: t('common_coveredIn', [e.coverage.length, total]),
      }));
  }
  if (kind === 'claims') {
    return claimGroupsInOrder(index).map((g) => ({
      key: g.id,
      hash: linkTo('claim', g.id),
      title: shorten(g.topic, 120),
      detail: t('common_coveredIn', [new Set(g.members.map((m) => m.article)).size, total]),
      differs: groupDiffers(g),
    }));
  }
  return [...index.articles]
    .sort((a, b) => (b.date === a.date ? a.outlet.localeCompare(b.outlet) : b.date.localeCompare(a.date)))
    .map((a) => ({
      key: a.id,
      hash: linkTo('article', a.id),
      title: a.headline,
      detail: `${outletName(a.outlet)} · ${articleDate(a.date)}`,
    }));
}

function emptyMessage(kind: ListKind): string {
  switch (kind) {
    case 'people':
      return t('popup_noPeople');
    case 'organisations':
      return t('popup_noOrganisations');
    case 'claims':
      return t('popup_noClaims');
    default:
      return t('popup_noArticles');
  }
}

/** One list of records; choosing a row opens its page in the corpus browser. */
export function RecordList({ kind, index, onOpen }: { kind: ListKind; index: CorpusIndex; onOpen(hash: string): void }) {
  const rows = useMemo(() => rowsFor(kind, index), [kind, index]);
  if (rows.length === 0) return <p class="cl-state" data-testid="list-empty">{emptyMessage(kind)}</p>;
  return (
    <ul class="cl-list" data-testid={`list-${kind}`}>
      {rows.map((row) => (
        <li key={row.key} class="cl-row">
          <button type="button" class="cl-row-main" onClick={() => onOpen(row.hash)} data-cl-hash={row.hash}>
            <span class="cl-row-title">{row.title}</span>
            <span class="cl-row-detail cl-muted">
              {row.differs && <span class="cl-badge cl-badge-differs">{t('common_outletsDiffer')}</span>} {row.detail}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
