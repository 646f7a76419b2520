/**
 * Timeline of the articles by date as an SVG. Articles whose date the source does not establish
 * are listed apart and never placed on an invented date.
 */
import { useMemo } from 'preact/hooks';
import { isKnown } from '../../core/index/details';
import type { ArticleRecord } from '../../core/index/types';
import { outletName } from '../shared/format';
import { t } from '../shared/i18n';
import { linkTo } from '../shared/links';
import { ShowMore, useShowMore } from '../shared/ShowMore';

const DAY = 86_400_000;
const WIDTH = 760;
const PAD_X = 60;
const AXIS_Y = 40;
const ROW_H = 20;

/**
 * Up to this many dated articles over at most DOT_SPAN_DAYS are drawn one dot each with their
 * outlet (the bundled corpus and small imports); beyond, a stack of labelled dots is unreadable and
 * the timeline counts articles per day, week or month instead.
 */
export const MAX_DOTS = 60;
/** Longest range, in days, still drawn one dot per article (a month of daily ticks stays legible). */
export const DOT_SPAN_DAYS = 31;
/** Longest range counted by day (two months of bars at WIDTH stay several pixels wide each). */
export const DAY_BUCKET_SPAN = 62;
/** Longest range counted by week (a year is 53 bars); longer ranges are counted by month. */
export const WEEK_BUCKET_SPAN = 366;
/** Axis labels drawn at most, so dates never overlap (about 70 pixels each at WIDTH). */
const MAX_AXIS_LABELS = 10;
const BAR_AREA_H = 120;

/** How a long timeline groups its articles. */
export type TimelineUnit = 'day' | 'week' | 'month';

/** The grouping for a range of `span` days. */
export function timelineUnit(span: number): TimelineUnit {
  return span <= DAY_BUCKET_SPAN ? 'day' : span <= WEEK_BUCKET_SPAN ? 'week' : 'month';
}

/** One bar: its first day, label and article count. */
export interface TimelineBucket {
  day: number;
  label: string;
  count: number;
}

const iso = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

/** The first day of the bucket a day falls in (weeks start on Monday; day 0, 1970-01-01, was a Thursday). */
function bucketStart(day: number, unit: TimelineUnit): number {
  if (unit === 'day') return day;
  if (unit === 'week') return day - ((day + 3) % 7);
  const d = new Date(day * DAY);
  return Math.round(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / DAY);
}

/** Counts of dated articles per bucket, every bucket of the range included (empty ones too). */
export function timelineBuckets(days: number[], unit: TimelineUnit): TimelineBucket[] {
  if (days.length === 0) return [];
  const counts = new Map<number, number>();
  for (const day of days) {
    const start = bucketStart(day, unit);
    counts.set(start, (counts.get(start) ?? 0) + 1);
  }
  const first = bucketStart(Math.min(...days), unit);
  const last = bucketStart(Math.max(...days), unit);
  const out: TimelineBucket[] = [];
  for (let day = first; day <= last; ) {
    out.push({ day, label: unit === 'month' ? iso(day).slice(0, 7) : iso(day), count: counts.get(day) ?? 0 });
    day = unit === 'day' ? day + 1 : unit === 'week' ? day + 7 : bucketStart(day + 31, 'month');
  }
  return out;
}

function unitLabel(unit: TimelineUnit): string {
  return unit === 'day' ? t('browser_unitDay') : unit === 'week' ? t('browser_unitWeek') : t('browser_unitMonth');
}

/** Bars of articles per day, week or month, for a range too long or too full for one dot each. */
function TimelineBars({ days }: { days: number[] }) {
  const first = Math.min(...days);
  const last = Math.max(...days);
  const unit = timelineUnit(last - first);
  const buckets = timelineBuckets(days, unit);
  const most = Math.max(...buckets.map((b) => b.count));
  const slot = (WIDTH - 2 * PAD_X) / buckets.length;
  const every = Math.ceil(buckets.length / MAX_AXIS_LABELS);
  const base = AXIS_Y + BAR_AREA_H;
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${base + 34}`}
      width={WIDTH}
      height={base + 34}
      role="group"
      aria-label={t('browser_timelineBucketAlt', [days.length, iso(first), iso(last), unitLabel(unit)])}
      data-testid="timeline-bars"
      data-unit={unit}
    >
      {/* The scale: the tallest bar's count. */}
      <text x={PAD_X} y={AXIS_Y - 14} class="cl-svg-label">
        {t('browser_articleCount', most)}
      </text>
      <line x1={PAD_X / 2} x2={WIDTH - PAD_X / 2} y1={base} y2={base} class="cl-svg-axis" />
      {buckets.map((b, i) => {
        const h = (b.count / most) * BAR_AREA_H;
        const x = PAD_X + i * slot;
        return (
          <g key={b.day}>
            <title>{t('browser_timelineBucket', [b.label, b.count])}</title>
            {b.count > 0 && <rect x={x + slot * 0.1} y={base - h} width={Math.max(1, slot * 0.8)} height={h} class="cl-svg-bar" />}
            {i % every === 0 && (
              <text x={x + slot / 2} y={base + 18} text-anchor="middle" class="cl-svg-label">
                {b.label}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}

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
  const { dated, undated } = useMemo(() => timelineData(articles), [articles]);
  const undatedPage = useShowMore(undated.length);
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
  const asDots = dated.length <= MAX_DOTS && last - first <= DOT_SPAN_DAYS;
  return (
    <div class="cl-timeline" data-testid="timeline">
      {dated.length > 0 && !asDots ? (
        <div class="cl-figure-scroll">
          <TimelineBars days={dated.map((d) => d.day)} />
        </div>
      ) : dated.length > 0 ? (
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
            {undated.slice(0, undatedPage.shown).map((a) => (
              <li key={a.id}>
                <a href={linkTo('article', a.id)}>{a.headline}</a> <span class="cl-muted">— {outletName(a.outlet)}</span>
              </li>
            ))}
          </ul>
          <ShowMore shown={undatedPage.shown} total={undated.length} onMore={undatedPage.more} testId="undated-more" />
        </div>
      )}
    </div>
  );
}
