/**
 * Monthly series by a coded dimension (sanction type, TIMPORA level or activity, reporting agency):
 * stacked bars when the parts add up to a whole, lines when they are rival measurements of the
 * same thing (agencies). Each bar segment or point is a published month cell.
 */
import * as Plot from '@observablehq/plot';
import type { Locale } from '../i18n/locales.ts';
import { totalsTableName, withheldColumn } from '../schema/disclosure.ts';
import { withDefaults, type Filters } from '../schema/filters.ts';
import type { EnumName, TableName } from '../schema/tables.ts';
import type { Bilingual, ChartDefinition, ChartRow } from './chart-definition.ts';
import { selectTotals } from './chart-sql.ts';
import { formatCount, formatMonthSpan, formatMonthYear, formatPercent } from '../i18n/format.ts';
import { enumCodes, enumLabel, pick } from './labels.ts';
import { categorical } from './palette.ts';
import { sqlString } from '../shared/sql-text.ts';
import { countText, countTick, isNarrow, legendHeight, monthDate, monthTick, plotFrame, swatchLegend, withLegend } from './plot-kit.ts';

export interface MonthlySeriesRow extends ChartRow {
  month: string;
  code: string;
  value: number | null;
  withheld: boolean;
}

export interface MonthlySeriesSpec {
  id: string;
  table: TableName;
  measure: string;
  breakdown: string;
  enumName: EnumName;
  filters: readonly (keyof Filters)[];
  defaults?: Partial<Filters>;
  /** Fixed conditions (e.g. one registry metric). */
  fixed?: (filters: Filters) => Partial<Filters>;
  mark: 'stack' | 'line';
  aspect: { wide: number; narrow: number };
  yLabel: Bilingual;
  definition: Bilingual;
  /**
   * Whether the measure is a stock under these filters (counted at a date, see STOCK_METRICS): the
   * title then reads each series at the latest month, never a sum of months.
   */
  stock?: (filters: Filters) => boolean;
  /** Title from the largest series over the latest year's months (a stock: the latest month): (name, total, share of all, span). */
  title: { id: (name: string, total: string, share: string, span: string, filters: Filters) => string; en: (name: string, total: string, share: string, span: string, filters: Filters) => string };
  empty: Bilingual;
}

/**
 * Totals per code over the latest year in the rows, skipping codes with a withheld month; for a
 * stock, each code's value at the latest month.
 */
function latestYearTotals(rows: readonly MonthlySeriesRow[], stock: boolean) {
  const last = rows.at(-1)?.month;
  if (!last) return null;
  const year = last.slice(0, 4);
  const inYear = rows.filter((r) => (stock ? r.month === last : r.month.startsWith(year)));
  const totals = new Map<string, number | null>();
  for (const r of inYear) {
    const previous = totals.has(r.code) ? totals.get(r.code)! : 0;
    totals.set(r.code, previous === null || r.withheld || r.value === null ? null : previous + r.value);
  }
  const known = [...totals].filter((e): e is [string, number] => e[1] !== null);
  const all = known.reduce((s, [, v]) => s + v, 0);
  const top = known.sort((a, b) => b[1] - a[1])[0];
  // A month without rows had nothing to count (an office with no activity until April still adds up
  // January to September), so the year runs from January, or from the first row where the
  // series itself starts that year.
  const january = `${year}-01-01`;
  const from = stock ? last : rows[0]!.month > january ? rows[0]!.month : january;
  return top ? { code: top[0], total: top[1], share: all > 0 ? top[1] / all : 0, from, to: last } : null;
}

export function monthlySeriesChart(spec: MonthlySeriesSpec): ChartDefinition<MonthlySeriesRow> {
  const label = (code: unknown, locale: Locale) => enumLabel(spec.enumName, code, locale);
  const codes = enumCodes(spec.enumName);
  const colours = categorical(codes.length);
  const colourOf = (code: string) => colours[codes.indexOf(code)] ?? '#999999';
  return {
    id: spec.id,
    table: spec.table,
    kind: 'trend',
    measures: [spec.measure],
    filters: spec.filters,
    aspect: spec.aspect,
    columns: [
      { key: 'month', label: { id: 'Bulan', en: 'Month' }, type: 'month' },
      { key: 'code', label: { id: 'Kode', en: 'Code' }, type: 'code' },
      { key: 'name', label: { id: 'Kategori', en: 'Category' }, type: 'label', value: (row, locale) => label(row.code, locale) },
      { key: 'value', label: spec.yLabel, type: 'count', withheld: 'withheld', measure: spec.measure },
    ],
    definition: spec.definition,
    sql(given) {
      const filters = withDefaults({ ...given, ...(spec.fixed?.(given) ?? {}) }, spec.defaults);
      const answered = [...spec.filters, ...Object.keys(spec.fixed?.(given) ?? {})] as (keyof Filters)[];
      const { where } = selectTotals(spec.table, [spec.breakdown], filters, answered, 'month');
      const order = `CASE ${spec.breakdown} ${codes.map((c, i) => `WHEN ${sqlString(c)} THEN ${i}`).join(' ')} ELSE ${codes.length} END`;
      return `SELECT CAST(period AS VARCHAR) AS month, CAST(${spec.breakdown} AS VARCHAR) AS code,
  CAST(${spec.measure} AS DOUBLE) AS value, ${withheldColumn(spec.measure)} AS withheld
FROM ${totalsTableName(spec.table)}
WHERE grain = 'month' AND ${where}
ORDER BY period, ${order}`;
    },
    title(rows, { locale, filters }) {
      const applied = withDefaults(filters, spec.defaults);
      const top = latestYearTotals(rows, spec.stock?.(applied) ?? false);
      if (!top) return pick(spec.empty, locale);
      return pick(spec.title, locale)(label(top.code, locale), formatCount(top.total, locale), formatPercent(top.share, locale), formatMonthSpan(top.from, top.to, locale), applied);
    },
    summary(rows, { locale }) {
      if (!rows.length) return pick(spec.empty, locale);
      const present = codes.filter((c) => rows.some((r) => r.code === c)).map((c) => label(c, locale));
      return `${pick(spec.yLabel, locale)}, ${formatMonthSpan(rows[0]!.month, rows.at(-1)!.month, locale)}: ${present.join(', ')}.`;
    },
    render(rows, context) {
      const { locale, document } = context;
      const narrow = isNarrow(context.width);
      const present = codes.filter((c) => rows.some((r) => r.code === c));
      const legend = swatchLegend(document, present.map((c) => ({ label: label(c, locale), color: colourOf(c) })), context.width);
      const data = rows.map((r) => ({
        date: monthDate(r.month),
        code: r.code,
        value: r.withheld ? null : r.value,
        title: `${formatMonthYear(r.month, locale)} · ${label(r.code, locale)}: ${countText(r.value, r.withheld, locale)}`,
      }));
      const frame = plotFrame(context, spec.aspect);
      const marks =
        spec.mark === 'stack'
          ? [Plot.rectY(data.filter((d) => d.value !== null), Plot.stackY({ x: 'date', interval: 'month', y: 'value', fill: 'code', order: present, inset: narrow ? 0.3 : 0.6, title: 'title' }))]
          : [
              Plot.line(data, { x: 'date', y: 'value', stroke: 'code', strokeWidth: 2 }),
              Plot.dot(data, { x: 'date', y: 'value', fill: 'code', r: 2, title: 'title' }),
            ];
      const plot = Plot.plot({
        ...frame,
        height: frame.height - legendHeight(legend),
        marginLeft: narrow ? 44 : 56,
        color: { domain: present, range: present.map(colourOf) },
        x: { type: 'utc', label: null, tickFormat: monthTick(locale), ticks: narrow ? 4 : 8 },
        y: { label: pick(spec.yLabel, locale), labelArrow: 'none', grid: true, zero: true, tickFormat: countTick(locale), ticks: narrow ? 4 : 6 },
        marks: [...marks, Plot.ruleY([0])],
      });
      return withLegend(document, legend, plot);
    },
  };
}
