/** Year-on-year change of monthly arrivals: each month against the same month a year earlier. */
import * as Plot from '@observablehq/plot';
import type { ChartDefinition } from './chart-definition.ts';
import { ARRIVALS_MONTH_COLUMNS, ARRIVALS_TREND_FILTERS, arrivalsTrendSql, type ArrivalsMonthRow } from './arrivals-trend-sql.ts';
import { formatChange, formatMonthYear } from '../i18n/format.ts';
import { pick } from './labels.ts';
import { NEGATIVE, PRIMARY } from './palette.ts';
import { isNarrow, monthDate, monthTick, plotFrame } from './plot-kit.ts';

const T = {
  id: {
    y: 'Perubahan dibanding bulan yang sama setahun sebelumnya',
    title: (month: string, verb: string, change: string, earlier: string) => `Kedatangan ${month} ${verb} ${change} dibanding ${earlier}`,
    up: 'naik',
    down: 'turun',
    none: 'Perubahan kedatangan dibanding setahun sebelumnya',
    summary: (n: number, up: number, down: number) => `Grafik batang perubahan tahunan untuk ${n} bulan: ${up} bulan naik, ${down} bulan turun.`,
  },
  en: {
    y: 'Change on the same month a year earlier',
    title: (month: string, verb: string, change: string, earlier: string) => `Arrivals in ${month} ${verb} ${change} on ${earlier}`,
    up: 'up',
    down: 'down',
    none: 'Change in arrivals on a year earlier',
    summary: (n: number, up: number, down: number) => `Bar chart of the year-on-year change for ${n} months: ${up} up, ${down} down.`,
  },
};

const withChange = (rows: readonly ArrivalsMonthRow[]) => rows.filter((r) => r.change !== null);

export const arrivalsChange: ChartDefinition<ArrivalsMonthRow> = {
  id: 'arrivals-change',
  table: 'arrivals',
  kind: 'trend',
  measures: ['count'],
  filters: ARRIVALS_TREND_FILTERS,
  aspect: { wide: 0.42, narrow: 0.8 },
  columns: ARRIVALS_MONTH_COLUMNS,
  definition: {
    id: 'Kedatangan suatu bulan dibagi kedatangan bulan yang sama setahun sebelumnya, dikurangi 1. Tidak dihitung bila salah satu angkanya disembunyikan.',
    en: 'Arrivals in a month divided by arrivals in the same month a year earlier, minus 1. Not computed when either figure is withheld.',
  },
  sql: arrivalsTrendSql,
  title(rows, { locale }) {
    const t = pick(T, locale);
    const last = withChange(rows).at(-1);
    if (!last) return t.none;
    const earlier = formatMonthYear(`${Number(last.month.slice(0, 4)) - 1}${last.month.slice(4)}`, locale);
    return t.title(formatMonthYear(last.month, locale), (last.change as number) >= 0 ? t.up : t.down, formatChange(Math.abs(last.change as number), locale).replace('+', ''), earlier);
  },
  summary(rows, { locale }) {
    const shown = withChange(rows);
    return pick(T, locale).summary(shown.length, shown.filter((r) => (r.change as number) >= 0).length, shown.filter((r) => (r.change as number) < 0).length);
  },
  render(rows, context) {
    const { locale } = context;
    const t = pick(T, locale);
    const narrow = isNarrow(context.width);
    const data = withChange(rows).map((r) => ({
      date: monthDate(r.month),
      change: r.change as number,
      label: `${formatMonthYear(r.month, locale)}: ${formatChange(r.change as number, locale)}`,
    }));
    return Plot.plot({
      ...plotFrame(context, this.aspect),
      marginLeft: narrow ? 48 : 56,
      x: { type: 'utc', label: null, tickFormat: monthTick(locale), ticks: narrow ? 4 : 8 },
      y: { label: t.y, labelArrow: 'none', grid: true, tickFormat: (v: number) => formatChange(v, locale, 0), ticks: narrow ? 4 : 6 },
      marks: [
        Plot.rectY(data, { x: 'date', interval: 'month', y: 'change', fill: (d) => (d.change >= 0 ? PRIMARY : NEGATIVE), inset: narrow ? 0.5 : 1, title: 'label' }),
        Plot.ruleY([0]),
      ],
    });
  },
};
