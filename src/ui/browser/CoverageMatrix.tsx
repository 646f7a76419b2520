/**
 * Coverage matrix: entities (rows) by outlets (columns), shaded by how often each outlet mentions
 * each entity. The SVG is the picture; the table beside it carries the same numbers for screen
 * readers and for anyone who prefers to read them.
 */
import { useMemo, useState } from 'preact/hooks';
import type { CorpusIndex, EntityRecord } from '../../core/index/types';
import { kindLabel, outletName } from '../shared/format';
import { t } from '../shared/i18n';
import { linkTo } from '../shared/links';
import { ShowMore, useShowMore } from '../shared/ShowMore';

/** Mentions per outlet for one entity. */
export interface MatrixRow {
  entity: EntityRecord;
  counts: number[];
}

/** Folds case and accents so a filter "jose" finds "José". */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * The matrix data: the outlets with most articles (at most `maxOutlets`, in first-seen order of
 * articles) and every entity, those in most articles first.
 */
export function coverageMatrix(index: CorpusIndex, maxOutlets = MATRIX_COLUMNS): { outlets: string[]; allOutlets: number; rows: MatrixRow[]; max: number } {
  const articlesBy = new Map<string, number>();
  for (const a of index.articles) articlesBy.set(a.outlet, (articlesBy.get(a.outlet) ?? 0) + 1);
  const firstSeen = [...articlesBy.keys()];
  const kept = new Set([...firstSeen].sort((a, b) => articlesBy.get(b)! - articlesBy.get(a)! || firstSeen.indexOf(a) - firstSeen.indexOf(b)).slice(0, maxOutlets));
  const outlets = firstSeen.filter((o) => kept.has(o));
  const column = new Map(outlets.map((o, i) => [o, i]));
  const outletOf = new Map(index.articles.map((a) => [a.id, a.outlet]));
  const rows = index.entities.map((entity) => {
    const counts = outlets.map(() => 0);
    for (const c of entity.coverage) {
      const at = column.get(outletOf.get(c.article) ?? '');
      if (at !== undefined) counts[at] += Math.max(1, c.mentions.length);
    }
    return { entity, counts };
  });
  const outletsCovering = (r: MatrixRow) => r.counts.filter((n) => n > 0).length;
  const total = (r: MatrixRow) => r.counts.reduce((a, b) => a + b, 0);
  rows.sort(
    (a, b) =>
      b.entity.coverage.length - a.entity.coverage.length ||
      outletsCovering(b) - outletsCovering(a) ||
      total(b) - total(a) ||
      a.entity.name.localeCompare(b.entity.name),
  );
  let max = 1;
  for (const r of rows) for (const n of r.counts) if (n > max) max = n;
  return { outlets, allOutlets: firstSeen.length, rows, max };
}

/** Rows matching a filter (name or any alias, case- and accent-blind); all rows for an empty filter. */
export function filterRows(rows: MatrixRow[], query: string): MatrixRow[] {
  const q = fold(query.trim());
  if (!q) return rows;
  return rows.filter((r) => fold(r.entity.name).includes(q) || r.entity.aliases.some((a) => fold(a).includes(q)));
}

/** Rows shown at first and added per "show more": a screenful of the picture at CELL_H each. */
export const MATRIX_ROWS = 30;
/**
 * Outlets drawn as columns: twelve columns of CELL_W plus the labels fit the corpus browser's
 * 1040-pixel column with little sideways scrolling; a corpus with more outlets shows its largest.
 */
export const MATRIX_COLUMNS = 12;
const LABEL_W = 190;
const CELL_W = 92;
const CELL_H = 22;
const HEAD_H = 34;

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The matrix as an SVG heat grid plus an accessible table, with a filter and "show more". */
export function CoverageMatrix({ index }: { index: CorpusIndex }) {
  const { outlets, allOutlets, rows, max } = useMemo(() => coverageMatrix(index), [index]);
  const [query, setQuery] = useState('');
  const matching = useMemo(() => filterRows(rows, query), [rows, query]);
  const { shown: count, more } = useShowMore(matching.length, MATRIX_ROWS, query);
  if (rows.length === 0 || outlets.length === 0) {
    return <p class="cl-state" data-testid="matrix-empty">{t('browser_matrixEmpty')}</p>;
  }
  const shown = matching.slice(0, count);
  const filter = (
    <p class="cl-matrix-filter">
      <label for="cl-matrix-filter">{t('browser_matrixFilter')}</label>{' '}
      <input
        id="cl-matrix-filter"
        type="search"
        class="cl-input"
        value={query}
        autocomplete="off"
        spellcheck={false}
        onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
        data-testid="matrix-filter"
      />
    </p>
  );
  if (shown.length === 0) {
    return (
      <div class="cl-matrix" data-testid="coverage-matrix">
        {filter}
        <p class="cl-state" role="status" data-testid="matrix-no-match">
          {t('browser_matrixNoMatch', query.trim())}
        </p>
      </div>
    );
  }
  const width = LABEL_W + outlets.length * CELL_W;
  const height = HEAD_H + shown.length * CELL_H + 4;
  return (
    <div class="cl-matrix" data-testid="coverage-matrix">
      {filter}
      {allOutlets > outlets.length && <p class="cl-muted">{t('browser_matrixTopNote', [outlets.length, allOutlets - outlets.length])}</p>}
      <div class="cl-figure-scroll">
        <svg
          class="cl-matrix-svg"
          viewBox={`0 0 ${width} ${height}`}
          width={width}
          height={height}
          role="group"
          aria-label={t('browser_matrixAlt', [shown.length, outlets.length])}
        >
          {outlets.map((outlet, c) => (
            <text key={outlet} x={LABEL_W + c * CELL_W + CELL_W / 2} y={HEAD_H - 10} text-anchor="middle" class="cl-svg-label">
              <title>{outletName(outlet)}</title>
              {clip(outletName(outlet), 14)}
            </text>
          ))}
          {shown.map((row, r) => {
            const y = HEAD_H + r * CELL_H;
            return (
              <g key={row.entity.id}>
                <a href={linkTo(row.entity.kind, row.entity.id)}>
                  <text x={LABEL_W - 8} y={y + CELL_H / 2 + 4} text-anchor="end" class="cl-svg-label cl-svg-link">
                    <title>{`${row.entity.name} (${kindLabel(row.entity.kind)})`}</title>
                    {clip(row.entity.name, 26)}
                  </text>
                </a>
                {row.counts.map((n, c) => (
                  <g key={c}>
                    <rect x={LABEL_W + c * CELL_W + 1} y={y + 1} width={CELL_W - 2} height={CELL_H - 2} class="cl-heat-base" rx={3} />
                    {n > 0 && (
                      <rect
                        x={LABEL_W + c * CELL_W + 1}
                        y={y + 1}
                        width={CELL_W - 2}
                        height={CELL_H - 2}
                        class="cl-heat-fill"
                        rx={3}
                        fill-opacity={0.18 + 0.82 * (n / max)}
                      />
                    )}
                    <text
                      x={LABEL_W + c * CELL_W + CELL_W / 2}
                      y={y + CELL_H / 2 + 4}
                      text-anchor="middle"
                      class={`cl-svg-count${n / max > 0.55 ? ' cl-svg-count-strong' : ''}`}
                    >
                      <title>{t('browser_matrixCell', [row.entity.name, outletName(outlets[c]), n])}</title>
                      {n > 0 ? String(n) : '·'}
                    </text>
                  </g>
                ))}
              </g>
            );
          })}
        </svg>
      </div>
      <ShowMore shown={shown.length} total={matching.length} step={MATRIX_ROWS} onMore={more} testId="matrix-more" />
      <details class="cl-details">
        <summary>{t('browser_matrixTable')}</summary>
        <div class="cl-figure-scroll">
          <table class="cl-table" data-testid="matrix-table">
            <caption class="cl-visually-hidden">{t('browser_matrixCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('browser_colEntity')}</th>
                {outlets.map((o) => (
                  <th key={o} scope="col">
                    {outletName(o)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shown.map((row) => (
                <tr key={row.entity.id}>
                  <th scope="row">
                    <a href={linkTo(row.entity.kind, row.entity.id)}>{row.entity.name}</a>
                  </th>
                  {row.counts.map((n, c) => (
                    <td key={c}>{n}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
