/** The popup's lists of corpus records: people, organisations, claims (disagreements first), articles. */
import { useMemo } from 'preact/hooks';
import type { CorpusIndex } from '../../core/index/types';
import { claimGroupsInOrder, groupDiffers } from '../shared/claims-order';
import { articleDate, outletName, shorten } from '../shared/format';
import { t } from '../shared/i18n';
import { corpusLink, linkTo } from '../shared/links';
import { PAGE_SIZE, ShowMore, useShowMore } from '../shared/ShowMore';
import type { ShownCorpus } from './active-corpora';

/** Which list to show. */
export type ListKind = 'people' | 'organisations' | 'claims' | 'articles';

interface Row {
  key: string;
  /** How rows of several corpora are ordered: articles covered (records) or date (articles). */
  rank: number | string;
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
        rank: e.coverage.length,
        hash: linkTo(e.kind, e.id),
        title: e.name,
        detail: t('common_coveredIn', [e.coverage.length, total]),
      }));
  }
  if (kind === 'claims') {
    return claimGroupsInOrder(index).map((g, i) => ({
      key: g.id,
      // Each corpus's own order (disagreements first) is kept; corpora interleave by position.
      rank: -i,
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
      rank: a.date,
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

/** Rows of every corpus, each linking into its corpus, best first; names the corpus when there are several. */
export function rowsOfCorpora(kind: ListKind, corpora: ShownCorpus[]): Row[] {
  const rows = corpora.flatMap(({ summary, index }) =>
    rowsFor(kind, index).map((row) => ({
      ...row,
      key: `${summary.id}|${row.key}`,
      hash: corpusLink(summary.id, row.hash),
      detail: corpora.length > 1 ? `${row.detail} · ${t('popup_fromCorpus', summary.name)}` : row.detail,
    })),
  );
  if (corpora.length < 2) return rows;
  // A stable sort keeps each corpus's order among rows of equal rank.
  return rows.sort((a, b) => (a.rank === b.rank ? 0 : a.rank > b.rank ? -1 : 1));
}

/** One list of records from the shown corpora, a page at a time; choosing a row opens its page in the corpus browser. */
export function RecordList({ kind, corpora, onOpen }: { kind: ListKind; corpora: ShownCorpus[]; onOpen(hash: string): void }) {
  const rows = useMemo(() => rowsOfCorpora(kind, corpora), [kind, corpora]);
  const page = useShowMore(rows.length, PAGE_SIZE, kind);
  if (rows.length === 0) return <p class="cl-state" data-testid="list-empty">{emptyMessage(kind)}</p>;
  return (
    <>
      <ul class="cl-list" data-testid={`list-${kind}`}>
        {rows.slice(0, page.shown).map((row) => (
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
      <ShowMore shown={page.shown} total={rows.length} onMore={page.more} testId={`list-more-${kind}`} />
    </>
  );
}
