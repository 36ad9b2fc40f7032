/**
 * The same quantity as three agencies report it, per province (or per regency/city on a province
 * page), with the largest gaps first: the discrepancy TIMPORA meetings keep discussing.
 */
import * as Plot from '@observablehq/plot';
import type { ChartDefinition, ChartRow } from './chart-definition.ts';
import { STOCK_METRICS } from '../schema/tables.ts';
import { periodSelection, selectTotals, filterGrain, stockDateSelection } from './chart-sql.ts';
import { formatCount, formatMonthSpan } from '../i18n/format.ts';
import { enumCodes, enumLabel, pick } from './labels.ts';
import { CATEGORICAL, WITHHELD_INK } from './palette.ts';
import { registryUnit } from './registry-units.ts';
import { countTick, isNarrow, legendHeight, plotFrame, shorten, swatchLegend, withLegend } from './plot-kit.ts';
import { WITHHELD } from '../schema/disclosure.ts';
import { sqlString } from '../shared/sql-text.ts';

export interface RegistryGapRow extends ChartRow {
  region_code: string;
  name: string;
  metric: string;
  disdukcapil: number | null;
  disdukcapil_withheld: boolean;
  kemenag: number | null;
  kemenag_withheld: boolean;
  imigrasi: number | null;
  imigrasi_withheld: boolean;
  /** Largest minus smallest of the three; null when any is withheld. */
  gap: number | null;
  period_from: string;
  period_to: string;
}

const AGENCIES = enumCodes('sourceAgency') as ['disdukcapil', 'kemenag', 'imigrasi'];
const FILTERS = ['period', 'province', 'category'] as const;
const DEFAULT_METRIC = 'foreign_residents';

const T = {
  id: {
    x: (unit: string) => `${unit.charAt(0).toUpperCase()}${unit.slice(1)} (menurut tiap instansi)`.trim(),
    title: (name: string, gap: string, unit: string, metric: string, span: string) => `Selisih terbesar di ${name}: ${gap} ${unit} antara instansi (${metric.toLowerCase()}), ${span}`,
    empty: 'Selisih angka antarinstansi',
    summary: (list: string) => `Titik per instansi untuk tiap wilayah, diurutkan dari selisih terbesar: ${list}.`,
  },
  en: {
    x: (unit: string) => `${unit.charAt(0).toUpperCase()}${unit.slice(1)} (as each agency reports)`.trim(),
    title: (name: string, gap: string, unit: string, metric: string, span: string) => `Largest gap in ${name}: ${gap} ${unit} between agencies (${metric.toLowerCase()}), ${span}`,
    empty: 'Gaps between agencies’ figures',
    summary: (list: string) => `One dot per agency for each area, largest gap first: ${list}.`,
  },
};

export const registryGaps: ChartDefinition<RegistryGapRow> = {
  id: 'registry-gaps',
  table: 'registry',
  kind: 'ranking',
  measures: ['count'],
  filters: FILTERS,
  aspect: { wide: 0.62, narrow: 1.5 },
  columns: [
    { key: 'region_code', label: { id: 'Kode wilayah', en: 'Area code' }, type: 'code' },
    { key: 'name', label: { id: 'Wilayah', en: 'Area' }, type: 'label' },
    { key: 'metric', label: { id: 'Indikator', en: 'Metric' }, type: 'label', value: (row, locale) => enumLabel('registryMetric', row.metric, locale) },
    { key: 'disdukcapil', label: { id: 'Disdukcapil', en: 'Disdukcapil' }, type: 'count', withheld: 'disdukcapil_withheld' },
    { key: 'kemenag', label: { id: 'Kemenag', en: 'Kemenag' }, type: 'count', withheld: 'kemenag_withheld' },
    { key: 'imigrasi', label: { id: 'Imigrasi', en: 'Immigration' }, type: 'count', withheld: 'imigrasi_withheld' },
    { key: 'gap', label: { id: 'Selisih', en: 'Gap' }, type: 'count' },
    { key: 'period_from', label: { id: 'Dari', en: 'From' }, type: 'month' },
    { key: 'period_to', label: { id: 'Sampai', en: 'To' }, type: 'month' },
  ],
  definition: {
    id: 'Angka yang sama menurut Disdukcapil, Kemenag (KUA) dan Imigrasi untuk tiap wilayah. Selisih = angka terbesar dikurangi terkecil; tidak dihitung bila ada angka yang disembunyikan.',
    en: 'The same figure as Disdukcapil, Kemenag (KUA) and Immigration report it for each area. Gap = largest minus smallest; not computed when a figure is withheld.',
  },
  sql(given) {
    const filters = { ...given, category: given.category ?? DEFAULT_METRIC };
    const byRegency = Boolean(filters.province);
    const breakdown = byRegency ? 'region_code' : 'province_code';
    // A stock (foreign residents) is compared at its last date in the period, a flow over the period.
    const stock = STOCK_METRICS.includes(filters.category);
    const { where } = selectTotals('registry', [breakdown, 'source_agency'], { ...filters, province: null }, FILTERS, stock ? 'month' : filterGrain(filters));
    const period = stock ? stockDateSelection('registry', filters, where) : periodSelection('registry', filters);
    const names = byRegency
      ? `regencies ON regencies.code = c.area WHERE regencies.province_code = ${sqlString(filters.province!)}`
      : 'provinces ON provinces.code = c.area';
    const pivot = AGENCIES.map((a) => `max(CASE WHEN source_agency = ${sqlString(a)} THEN CAST(count AS DOUBLE) END) AS ${a},
    coalesce(bool_or(CASE WHEN source_agency = ${sqlString(a)} THEN count_withheld END), false) AS ${a}_withheld`).join(',\n    ');
    return `WITH c AS (
  SELECT ${breakdown} AS area, metric,
    ${pivot}
  FROM registry_totals WHERE ${where} AND ${period.where}
  GROUP BY ${breakdown}, metric
)
SELECT c.area AS region_code, ${byRegency ? 'regencies' : 'provinces'}.name, c.metric,
  ${AGENCIES.map((a) => `c.${a}, c.${a}_withheld`).join(', ')},
  CASE WHEN ${AGENCIES.map((a) => `c.${a}_withheld`).join(' OR ')} THEN NULL
    WHEN ${AGENCIES.map((a) => `(c.${a} IS NOT NULL)::INTEGER`).join(' + ')} < 2 THEN NULL
    ELSE greatest(${AGENCIES.map((a) => `c.${a}`).join(', ')}) - least(${AGENCIES.map((a) => `c.${a}`).join(', ')}) END AS gap,
  CAST(CAST(${period.from} AS DATE) AS VARCHAR) AS period_from, CAST(CAST(${period.to} AS DATE) AS VARCHAR) AS period_to
FROM c JOIN ${names}
ORDER BY gap DESC NULLS LAST, c.area
LIMIT 15`;
  },
  title(rows, { locale }) {
    const top = rows.find((r) => r.gap !== null);
    if (!top) return pick(T, locale).empty;
    return pick(T, locale).title(top.name, formatCount(top.gap as number, locale), registryUnit(top.metric, locale), enumLabel('registryMetric', top.metric, locale), formatMonthSpan(top.period_from, top.period_to, locale));
  },
  summary(rows, { locale }) {
    const list = rows.slice(0, 5).map((r) => `${r.name} (${AGENCIES.map((a) => `${enumLabel('sourceAgency', a, locale)} ${r[`${a}_withheld`] ? WITHHELD.symbol : (r[a] === null ? '–' : formatCount(r[a] as number, locale))}`).join(', ')})`);
    return pick(T, locale).summary(list.join('; '));
  },
  render(rows, context) {
    const { locale, document } = context;
    const narrow = isNarrow(context.width);
    // Keyed by area code: shortened names can coincide.
    const labelOf = new Map(rows.map((r) => [r.region_code, shorten(r.name.replace(/^Kabupaten /, 'Kab. '), narrow ? 16 : 30)]));
    const label = (r: RegistryGapRow) => r.region_code;
    const points = rows.flatMap((r) =>
      AGENCIES.map((a, i) => ({
        y: label(r),
        agency: enumLabel('sourceAgency', a, locale),
        value: r[`${a}_withheld`] ? null : (r[a] as number | null),
        withheld: r[`${a}_withheld`] === true,
        colour: CATEGORICAL[i]!,
        title: `${r.name} · ${enumLabel('sourceAgency', a, locale)}: ${r[`${a}_withheld`] ? WITHHELD.symbol : r[a] === null ? '–' : formatCount(r[a] as number, locale)}`,
      })),
    );
    const spans = rows.map((r) => {
      const values = AGENCIES.filter((a) => !r[`${a}_withheld`] && r[a] !== null).map((a) => r[a] as number);
      return { y: label(r), min: Math.min(...values, Infinity), max: Math.max(...values, -Infinity), withheld: r.gap === null };
    });
    // Only the agencies that report the metric (Kemenag registers marriages, not residents).
    const reporting = AGENCIES.flatMap((a, i) => (rows.some((r) => r[a] !== null || r[`${a}_withheld`]) ? [{ label: enumLabel('sourceAgency', a, locale), color: CATEGORICAL[i]! }] : []));
    const legend = swatchLegend(document, reporting, context.width);
    const frame = plotFrame(context, this.aspect);
    const plot = Plot.plot({
      ...frame,
      height: frame.height - legendHeight(legend),
      marginLeft: narrow ? 122 : 236,
      marginRight: 24,
      x: { label: pick(T, locale).x(registryUnit(rows[0]?.metric ?? DEFAULT_METRIC, locale)), labelArrow: 'none', grid: true, zero: true, tickFormat: countTick(locale), ticks: narrow ? 3 : 6 },
      y: { label: null, domain: rows.map(label), tickSize: 0, tickFormat: (code: string) => labelOf.get(code) ?? code },
      marks: [
        Plot.ruleY(spans.filter((d) => d.min <= d.max && !d.withheld), { y: 'y', x1: 'min', x2: 'max', stroke: '#888', strokeWidth: 3 }),
        Plot.ruleY(spans.filter((d) => d.min <= d.max && d.withheld), { y: 'y', x1: 'min', x2: 'max', stroke: WITHHELD_INK, strokeWidth: 2, strokeDasharray: '3,3' }),
        Plot.text(points.filter((p) => p.withheld), { x: 0, y: 'y', text: () => WITHHELD.symbol, dx: 4, dy: -8, textAnchor: 'start', fill: WITHHELD_INK, fontSize: 10, title: 'title' }),
        Plot.dot(points.filter((p) => p.value !== null), { x: 'value', y: 'y', fill: 'colour', r: narrow ? 4 : 5, stroke: 'white', title: 'title' }),
      ],
    });
    return withLegend(document, legend, plot);
  },
};
