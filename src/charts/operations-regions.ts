/** TIMPORA activities per province and half-year: where the teams meet and operate, over time. */
import * as Plot from '@observablehq/plot';
import type { ChartDefinition, ChartRow } from './chart-definition.ts';
import { selectTotals } from './chart-sql.ts';
import { formatCount, formatMonthSpan } from '../i18n/format.ts';
import { pick } from './labels.ts';
import { countTick, isNarrow, plotFrame, shorten } from './plot-kit.ts';

export interface RegionHalfRow extends ChartRow {
  half: string;
  province_code: string;
  name: string;
  activities: number | null;
  last_month: string;
}

const FILTERS = ['category'] as const;
const T = {
  id: {
    legend: 'Kegiatan (peristiwa) per semester',
    title: (name: string, n: string, span: string) => `${name} paling aktif: ${n} kegiatan TIMPORA, ${span}`,
    empty: 'Kegiatan TIMPORA per provinsi',
    summary: 'Matriks 38 provinsi × semester; warna makin gelap, makin banyak kegiatan.',
  },
  en: {
    legend: 'Activities (events) per half-year',
    title: (name: string, n: string, span: string) => `${name} is the most active: ${n} TIMPORA activities, ${span}`,
    empty: 'TIMPORA activities by province',
    summary: 'Matrix of 38 provinces × half-years; darker means more activities.',
  },
};

/** A half-year's months, cut at the last month with data: "Jan–Jun 2025" (short, for the axis) or "Januari–Juni 2025". */
const halfLabel = (half: string, lastMonth: string, locale: 'id' | 'en', style: 'short' | 'long' = 'short'): string => {
  const end = `${half.slice(0, 4)}-${half.slice(5, 7) === '01' ? '06' : '12'}-01`;
  return formatMonthSpan(half, end < lastMonth ? end : lastMonth, locale, style);
};

export const operationsRegions: ChartDefinition<RegionHalfRow> = {
  id: 'operations-regions',
  table: 'operations',
  kind: 'matrix',
  measures: ['activities'],
  filters: FILTERS,
  aspect: { wide: 1.05, narrow: 2.6 },
  columns: [
    { key: 'half', label: { id: 'Semester mulai', en: 'Half-year from' }, type: 'month' },
    { key: 'province_code', label: { id: 'Kode provinsi', en: 'Province code' }, type: 'code' },
    { key: 'name', label: { id: 'Provinsi', en: 'Province' }, type: 'label' },
    { key: 'activities', label: { id: 'Kegiatan', en: 'Activities' }, type: 'count', withheld: 'activities_withheld', measure: 'activities' },
  ],
  definition: {
    id: 'Jumlah kegiatan TIMPORA per provinsi wilayah kegiatan dan semester. Semester terakhir bisa belum lengkap (lihat label kolom).',
    en: 'TIMPORA activities per province of the area and half-year. The last half-year may be incomplete (see its label).',
  },
  sql(filters) {
    const { where } = selectTotals('operations', ['province_code'], filters, FILTERS, 'half');
    // Every province × every published half-year: activities are published exactly, one row per
    // activity, so a province with no row in a half-year held none there (0, not "no data").
    return `WITH halves AS (SELECT DISTINCT period FROM operations_totals WHERE grain = 'half' AND view = 'total'),
  t AS (SELECT * FROM operations_totals t WHERE t.grain = 'half' AND ${where.replaceAll('view =', 't.view =')})
SELECT CAST(halves.period AS VARCHAR) AS half, provinces.code AS province_code, provinces.name,
  CAST(CASE WHEN t.period IS NULL THEN 0 ELSE t.activities END AS DOUBLE) AS activities, coalesce(t.activities_withheld, false) AS activities_withheld,
  CAST((SELECT max(period) FROM operations_totals WHERE grain = 'month') AS VARCHAR) AS last_month
FROM halves CROSS JOIN provinces LEFT JOIN t ON t.period = halves.period AND t.province_code = provinces.code
ORDER BY halves.period, provinces.code`;
  },
  title(rows, { locale }) {
    const last = rows.at(-1)?.half;
    const latest = rows.filter((r) => r.half === last && r.activities !== null).sort((a, b) => (b.activities as number) - (a.activities as number))[0];
    if (!latest) return pick(T, locale).empty;
    return pick(T, locale).title(latest.name, formatCount(latest.activities as number, locale), halfLabel(latest.half, latest.last_month, locale, 'long'));
  },
  summary: (_rows, { locale }) => pick(T, locale).summary,
  render(rows, context) {
    const { locale } = context;
    const narrow = isNarrow(context.width);
    const halves = [...new Set(rows.map((r) => r.half))].sort();
    const names = [...new Set(rows.map((r) => r.province_code))].sort().map((code) => rows.find((r) => r.province_code === code)!);
    // Rows are keyed by province code: shortened names can coincide (Sulawesi Tengah / Tenggara).
    const labelOf = new Map(names.map((r) => [r.province_code, shorten(r.name, narrow ? 15 : 28)]));
    const max = Math.max(1, ...rows.map((r) => r.activities ?? 0));
    const data = rows.map((r) => ({
      x: halfLabel(r.half, r.last_month, locale),
      y: r.province_code,
      value: r.activities,
      title: `${r.name}, ${halfLabel(r.half, r.last_month, locale)}: ${r.activities === null ? '–' : formatCount(r.activities, locale)}`,
    }));
    return Plot.plot({
      ...plotFrame(context, this.aspect),
      marginLeft: narrow ? 116 : 220,
      marginTop: narrow ? 64 : 40,
      marginBottom: 8,
      x: { label: null, axis: 'top', domain: halves.map((h) => halfLabel(h, rows[0]!.last_month, locale)), tickRotate: narrow ? -50 : 0 },
      y: { label: null, domain: names.map((r) => r.province_code), tickSize: 0, tickFormat: (code: string) => labelOf.get(code) ?? code },
      color: { type: 'quantize', n: 5, scheme: 'blues', legend: false, tickFormat: countTick(locale) },
      marks: [
        Plot.cell(data, { x: 'x', y: 'y', fill: 'value', inset: 0.5, title: 'title' }),
        ...(narrow ? [] : [Plot.text(data, { x: 'x', y: 'y', text: (d) => (d.value === null ? '' : formatCount(d.value, locale)), fill: (d) => ((d.value ?? 0) > max * 0.6 ? 'white' : 'black'), fontSize: 10 })]),
      ],
    });
  },
};
