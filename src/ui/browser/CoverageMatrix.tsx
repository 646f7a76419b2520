/**
 * Coverage matrix: entities (rows) by outlets (columns), shaded by how often each outlet mentions
 * each entity. The SVG is the picture; the table beside it carries the same numbers for screen
 * readers and for anyone who prefers to read them.
 */
import type { CorpusIndex, EntityRecord } from '../../core/index/types';
import { kindLabel, outletName } from '../shared/format';
import { t } from '../shared/i18n';
import { linkTo } from '../shared/links';

/** Mentions per outlet for one entity. */
export interface MatrixRow {
  entity: EntityRecord;
  counts: number[];
}

/** The matrix data: outlets in first-seen order of articles, entities most widely covered first. */
export function coverageMatrix(index: CorpusIndex): { outlets: string[]; rows: MatrixRow[]; max: number } {
  const outlets = [...new Set(index.articles.map((a) => a.outlet))];
  const outletOf = new Map(index.articles.map((a) => [a.id, a.outlet]));
  const rows = index.entities.map((entity) => {
    const counts = outlets.map(() => 0);
    for (const c of entity.coverage) {
      const column = outlets.indexOf(outletOf.get(c.article) ?? '');
      if (column >= 0) counts[column] += Math.max(1, c.mentions.length);
    }
    return { entity, counts };
  });
  const outletsCovering = (r: MatrixRow) => r.counts.filter((n) => n > 0).length;
  const total = (r: MatrixRow) => r.counts.reduce((a, b) => a + b, 0);
  rows.sort((a, b) => outletsCovering(b) - outletsCovering(a) || total(b) - total(a) || a.entity.name.localeCompare(b.entity.name));
  const max = Math.max(1, ...rows.flatMap((r) => r.counts));
  return { outlets, rows, max };
}

const MAX_ROWS = 30;
const LABEL_W = 190;
const CELL_W = 92;
const CELL_H = 22;
const HEAD_H = 34;

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The matrix as an SVG heat grid plus an accessible table. */
export function CoverageMatrix({ index }: { index: CorpusIndex }) {
  const { outlets, rows, max } = coverageMatrix(index);
  if (rows.length === 0 || outlets.length === 0) {
    return <p class="cl-state" data-testid="matrix-empty">{t('browser_matrixEmpty')}</p>;
  }
  const shown = rows.slice(0, MAX_ROWS);
  const width = LABEL_W + outlets.length * CELL_W;
  const height = HEAD_H + shown.length * CELL_H + 4;
  return (
    <div class="cl-matrix" data-testid="coverage-matrix">
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
      {rows.length > shown.length && <p class="cl-muted">{t('browser_matrixTruncated', [shown.length, rows.length])}</p>}
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
              {rows.map((row) => (
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
