/**
 * Timeline of the articles by date as an SVG. Articles whose date the source does not establish
 * are listed apart and never placed on an invented date.
 */
import { isKnown } from '../../core/index/details';
import type { ArticleRecord } from '../../core/index/types';
import { outletName } from '../shared/format';
import { t } from '../shared/i18n';
import { linkTo } from '../shared/links';

const DAY = 86_400_000;
const WIDTH = 760;
const PAD_X = 60;
const AXIS_Y = 40;
const ROW_H = 20;

function dayOf(date: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const ms = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(ms) ? null : Math.round(ms / DAY);
}

/** Splits articles into dated (with their day number) and undated. */
export function timelineData(articles: ArticleRecord[]) {
  const dated: { article: ArticleRecord; day: number }[] = [];
  const undated: ArticleRecord[] = [];
  for (const article of articles) {
    const day = isKnown(article.date) ? dayOf(article.date) : null;
    if (day === null) undated.push(article);
    else dated.push({ article, day });
  }
  dated.sort((a, b) => a.day - b.day || a.article.outlet.localeCompare(b.article.outlet));
  return { dated, undated };
}

/** The timeline picture and the list of undated articles. */
export function Timeline({ articles }: { articles: ArticleRecord[] }) {
  const { dated, undated } = timelineData(articles);
  const first = dated.length ? dated[0].day : 0;
  const last = dated.length ? dated[dated.length - 1].day : 0;
  // One day of margin on each side so a single date still has an axis.
  const from = first - 1;
  const span = Math.max(2, last + 1 - from);
  const x = (day: number) => PAD_X + ((day - from) / span) * (WIDTH - 2 * PAD_X);
  const stack = new Map<number, number>();
  const points = dated.map(({ article, day }) => {
    const level = stack.get(day) ?? 0;
    stack.set(day, level + 1);
    return { article, day, level };
  });
  const height = AXIS_Y + 24 + Math.max(1, ...[...stack.values()]) * ROW_H;
  const days = [...new Set(dated.map((d) => d.day))];
  const iso = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
  return (
    <div class="cl-timeline" data-testid="timeline">
      {dated.length > 0 ? (
        <div class="cl-figure-scroll">
          <svg
            viewBox={`0 0 ${WIDTH} ${height}`}
            width={WIDTH}
            height={height}
            role="group"
            aria-label={t('browser_timelineAlt', [dated.length, iso(first), iso(last)])}
          >
            <line x1={PAD_X / 2} x2={WIDTH - PAD_X / 2} y1={AXIS_Y} y2={AXIS_Y} class="cl-svg-axis" />
            {days.map((day) => (
              <g key={day}>
                <line x1={x(day)} x2={x(day)} y1={AXIS_Y - 5} y2={AXIS_Y + 5} class="cl-svg-axis" />
                <text x={x(day)} y={AXIS_Y - 12} text-anchor="middle" class="cl-svg-label">
                  {iso(day)}
                </text>
              </g>
            ))}
            {points.map(({ article, day, level }) => {
              const y = AXIS_Y + 20 + level * ROW_H;
              return (
                <a key={article.id} href={linkTo('article', article.id)}>
                  <title>{`${outletName(article.outlet)}: ${article.headline}`}</title>
                  <circle cx={x(day)} cy={y - 4} r={5} class="cl-svg-dot" />
                  <text x={x(day) + 9} y={y} class="cl-svg-label cl-svg-link">
                    {outletName(article.outlet)}
                  </text>
                </a>
              );
            })}
          </svg>
        </div>
      ) : (
        <p class="cl-muted">{t('browser_timelineNoDates')}</p>
      )}
      {undated.length > 0 && (
        <div class="cl-undated" data-testid="timeline-undated">
          <h3>{t('browser_timelineUndated')}</h3>
          <p class="cl-muted">{t('browser_timelineUndatedNote')}</p>
          <ul>
            {undated.map((a) => (
              <li key={a.id}>
                <a href={linkTo('article', a.id)}>{a.headline}</a> <span class="cl-muted">— {outletName(a.outlet)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
