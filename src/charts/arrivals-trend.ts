/** Arrivals per month, with the same month a year earlier dashed beside it. */
import * as Plot from '@observablehq/plot';
import type { ChartDefinition } from './chart-definition.ts';
import { ARRIVALS_MONTH_COLUMNS, ARRIVALS_TREND_FILTERS, arrivalsTrendSql, latestTwelveMonths, type ArrivalsMonthRow } from './arrivals-trend-sql.ts';
import { formatChange, formatCount, formatMonthSpan, formatMonthYear } from '../i18n/format.ts';
import { pick } from './labels.ts';
import { COMPARISON, PRIMARY } from './palette.ts';
import { countText, countTick, isNarrow, legendHeight, monthDate, monthTick, plotFrame, swatchLegend, withLegend } from './plot-kit.ts';

const T = {
  id: {
    series: 'Kedatangan per bulan',
    earlier: 'Bulan yang sama setahun sebelumnya',
    y: 'Kedatangan (peristiwa)',
    up: 'naik',
    down: 'turun',
    title: (span: string, total: string, verb: string, change: string) => `Kedatangan ${span}: ${total}, ${verb} ${change} dibanding 12 bulan yang sama setahun sebelumnya`,
    fallback: (span: string) => `Kedatangan WNA per bulan, ${span}`,
    none: 'Kedatangan WNA per bulan: tidak ada bulan dengan data',
    summary: (n: number, from: string, to: string, max: string, maxMonth: string) =>
      `Grafik garis ${n} bulan (${from} sampai ${to}) dengan garis putus-putus untuk bulan yang sama setahun sebelumnya. Tertinggi ${max} pada ${maxMonth}.`,
  },
  en: {
    series: 'Arrivals per month',
    earlier: 'Same month a year earlier',
    y: 'Arrivals (events)',
    up: 'up',
    down: 'down',
    title: (span: string, total: string, verb: string, change: string) => `Arrivals ${span}: ${total}, ${verb} ${change} on the same 12 months a year earlier`,
    fallback: (span: string) => `Foreign arrivals per month, ${span}`,
    none: 'Foreign arrivals per month: no month with data',
    summary: (n: number, from: string, to: string, max: string, maxMonth: string) =>
      `Line chart of ${n} months (${from} to ${to}) with a dashed line for the same month a year earlier. Highest: ${max} in ${maxMonth}.`,
  },
};

export const arrivalsTrend: ChartDefinition<ArrivalsMonthRow> = {
  id: 'arrivals-trend',
  table: 'arrivals',
  kind: 'trend',
  measures: ['count'],
  filters: ARRIVALS_TREND_FILTERS,
  aspect: { wide: 0.5, narrow: 0.9 },
  columns: ARRIVALS_MONTH_COLUMNS,
  definition: {
    id: 'Kedatangan WNA yang diperiksa di TPI per bulan. Menghitung perlintasan: satu orang yang masuk dua kali dihitung dua kali.',
    en: 'Foreign nationals’ arrivals examined at checkpoints (TPI) per month. Counts crossings: a person entering twice counts twice.',
  },
  sql: arrivalsTrendSql,
  title(rows, { locale }) {
    const t = pick(T, locale);
    const latest = latestTwelveMonths(rows);
    if (!latest) return rows.length ? t.fallback(formatMonthSpan(rows[0]!.month, rows.at(-1)!.month, locale)) : t.none;
    return t.title(formatMonthSpan(latest.from, latest.to, locale, 'short'), formatCount(latest.total, locale), latest.change >= 0 ? t.up : t.down, formatChange(Math.abs(latest.change), locale).replace('+', ''));
  },
  summary(rows, { locale }) {
    const t = pick(T, locale);
    const shown = rows.filter((r) => !r.count_withheld && r.count !== null);
    const max = shown.reduce<ArrivalsMonthRow | null>((m, r) => (m === null || (r.count as number) > (m.count as number) ? r : m), null);
    if (!rows.length || !max) return t.none;
    return t.summary(rows.length, formatMonthYear(rows[0]!.month, locale), formatMonthYear(rows.at(-1)!.month, locale), formatCount(max.count as number, locale), formatMonthYear(max.month, locale));
  },
  render(rows, context) {
    const { locale, document } = context;
    const t = pick(T, locale);
    const narrow = isNarrow(context.width);
    const legend = swatchLegend(document, [
      { label: t.series, color: PRIMARY },
      { label: t.earlier, color: COMPARISON, dashed: true },
    ], context.width);
    const frame = plotFrame(context, this.aspect);
    const data = rows.map((r) => ({
      date: monthDate(r.month),
      count: r.count_withheld ? null : r.count,
      earlier: r.count_year_earlier_withheld ? null : r.count_year_earlier,
      label: `${formatMonthYear(r.month, locale)}: ${countText(r.count, r.count_withheld, locale)}`,
    }));
    const plot = Plot.plot({
      ...frame,
      height: frame.height - legendHeight(legend),
      marginLeft: narrow ? 44 : 56,
      marginRight: 16,
      x: { type: 'utc', label: null, tickFormat: monthTick(locale), ticks: narrow ? 4 : 8 },
      y: { label: t.y, labelArrow: 'none', grid: true, zero: true, tickFormat: countTick(locale), ticks: narrow ? 4 : 6 },
      marks: [
        Plot.ruleY([0]),
        Plot.line(data, { x: 'date', y: 'earlier', stroke: COMPARISON, strokeWidth: 2, strokeDasharray: '5,4' }),
        Plot.line(data, { x: 'date', y: 'count', stroke: PRIMARY, strokeWidth: 2.5 }),
        Plot.dot(data, { x: 'date', y: 'count', fill: PRIMARY, r: narrow ? 2 : 2.5, title: 'label' }),
      ],
    });
    return withLegend(document, legend, plot);
  },
};
