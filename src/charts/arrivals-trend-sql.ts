/**
 * Monthly arrivals with the same month a year earlier and the change between them, from
 * arrivals_totals (month grain). Shared by the trend and the year-on-year charts, so both ask one
 * query (and the build caches it).
 */
import type { Filters } from '../schema/filters.ts';
import { selectTotals } from './chart-sql.ts';
import type { ChartColumn, ChartRow } from './chart-definition.ts';

export interface ArrivalsMonthRow extends ChartRow {
  month: string;
  count: number | null;
  count_withheld: boolean;
  count_year_earlier: number | null;
  count_year_earlier_withheld: boolean | null;
  /** count ÷ count a year earlier − 1; null when either is withheld or missing. */
  change: number | null;
}

export const ARRIVALS_TREND_FILTERS = ['province', 'nationality', 'category'] as const;

export function arrivalsTrendSql(filters: Filters): string {
  const { where } = selectTotals('arrivals', [], filters, ARRIVALS_TREND_FILTERS, 'month');
  return `WITH m AS (
  SELECT period, count, count_withheld FROM arrivals_totals WHERE grain = 'month' AND ${where}
)
SELECT CAST(cur.period AS VARCHAR) AS month,
  CAST(cur.count AS DOUBLE) AS count, cur.count_withheld,
  CAST(prev.count AS DOUBLE) AS count_year_earlier, prev.count_withheld AS count_year_earlier_withheld,
  CASE WHEN prev.count > 0 AND NOT cur.count_withheld AND NOT prev.count_withheld
    THEN CAST(cur.count AS DOUBLE) / CAST(prev.count AS DOUBLE) - 1 END AS change
FROM m cur LEFT JOIN m prev ON prev.period = CAST(cur.period - INTERVAL 12 MONTH AS DATE)
ORDER BY cur.period`;
}

/**
 * The latest 12 months against the same months a year earlier, or null when a month is missing
 * or withheld (a derived figure is withheld where any of its inputs is).
 */
export function latestTwelveMonths(rows: readonly ArrivalsMonthRow[]): { from: string; to: string; total: number; earlier: number; change: number } | null {
  const last = rows.slice(-12);
  if (last.length < 12) return null;
  if (last.some((r) => r.count_withheld || r.count_year_earlier_withheld || r.count === null || r.count_year_earlier === null)) return null;
  const total = last.reduce((s, r) => s + (r.count as number), 0);
  const earlier = last.reduce((s, r) => s + (r.count_year_earlier as number), 0);
  if (earlier === 0) return null;
  return { from: last[0]!.month, to: last[11]!.month, total, earlier, change: total / earlier - 1 };
}

/** The table view and CSV columns of both month charts (trend and year-on-year change): one row per month. */
export const ARRIVALS_MONTH_COLUMNS: readonly ChartColumn[] = [
  { key: 'month', label: { id: 'Bulan', en: 'Month' }, type: 'month' },
  { key: 'count', label: { id: 'Kedatangan', en: 'Arrivals' }, type: 'count', withheld: 'count_withheld' },
  { key: 'count_year_earlier', label: { id: 'Setahun sebelumnya', en: 'A year earlier' }, type: 'count', withheld: 'count_year_earlier_withheld' },
  { key: 'change', label: { id: 'Perubahan', en: 'Change' }, type: 'change' },
];
