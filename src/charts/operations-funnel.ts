/** Foreigners checked → violations found → sanction proceedings opened, in the period. Persons. */
import * as Plot from '@observablehq/plot';
import type { ChartDefinition, ChartRow } from './chart-definition.ts';
import { periodSelection, selectTotals, filterGrain } from './chart-sql.ts';
import { formatCount, formatMonthSpan, formatPercent } from '../i18n/format.ts';
import { pick } from './labels.ts';
import { CATEGORICAL, WITHHELD_FILL } from './palette.ts';
import { countText, countTick, isNarrow, plotFrame } from './plot-kit.ts';
import { sqlString } from '../shared/sql-text.ts';

export interface FunnelRow extends ChartRow {
  step: string;
  value: number | null;
  withheld: boolean;
  period_from: string;
  period_to: string;
}

const STEPS = ['foreigners_checked', 'findings', 'follow_ups'] as const;
const STEP_LABEL = {
  id: { foreigners_checked: 'WNA diperiksa', findings: 'Pelanggaran ditemukan', follow_ups: 'Proses TAK dibuka' },
  en: { foreigners_checked: 'Foreigners checked', findings: 'Violations found', follow_ups: 'Proceedings opened' },
};
const T = {
  id: {
    x: 'Orang',
    title: (checked: string, found: string, share: string, span: string) => `${checked} WNA diperiksa, ${found} pelanggaran ditemukan (${share}), ${span}`,
    empty: 'Hasil pemeriksaan TIMPORA',
  },
  en: {
    x: 'Persons',
    title: (checked: string, found: string, share: string, span: string) => `${checked} foreigners checked, ${found} violations found (${share}), ${span}`,
    empty: 'Results of TIMPORA checks',
  },
};

/** Persons are published nationally only (src/schema/disclosure.ts), so the period is the one filter. */
const FILTERS = ['period'] as const;

export const operationsFunnel: ChartDefinition<FunnelRow> = {
  id: 'operations-funnel',
  table: 'operations',
  kind: 'flow',
  measures: [...STEPS],
  filters: FILTERS,
  aspect: { wide: 0.3, narrow: 0.7 },
  columns: [
    { key: 'step', label: { id: 'Tahap', en: 'Step' }, type: 'code' },
    { key: 'name', label: { id: 'Keterangan', en: 'Description' }, type: 'label', value: (row, locale) => STEP_LABEL[locale][row.step as (typeof STEPS)[number]] },
    { key: 'value', label: { id: 'Orang', en: 'Persons' }, type: 'count', withheld: 'withheld', measure: 'foreigners_checked' },
    { key: 'period_from', label: { id: 'Dari', en: 'From' }, type: 'month' },
    { key: 'period_to', label: { id: 'Sampai', en: 'To' }, type: 'month' },
  ],
  definition: {
    id: 'Dari kegiatan TIMPORA (terutama operasi gabungan): WNA yang diperiksa, yang ditemukan melanggar, dan yang proses TAK-nya dibuka. Menghitung orang; angka nasional saja, karena per wilayah, kantor atau jenis kegiatan jumlahnya terlalu kecil untuk diterbitkan.',
    en: 'From TIMPORA activities (mostly joint operations): foreigners checked, those found in violation, and those for whom sanction proceedings were opened. Counts persons; national figures only, as counts by region, office or kind of activity are too small to publish.',
  },
  sql(filters) {
    const { where, grain } = selectTotals('operations', [], filters, FILTERS, filterGrain(filters), STEPS);
    const period = periodSelection('operations', filters, grain);
    const steps = STEPS.map((s, i) => `SELECT ${i} AS i, ${sqlString(s)} AS step, CAST(${s} AS DOUBLE) AS value, ${s}_withheld AS withheld FROM t`).join('\nUNION ALL ');
    return `WITH t AS (SELECT * FROM operations_totals WHERE ${where} AND ${period.where})
SELECT step, value, withheld,
  CAST(CAST(${period.from} AS DATE) AS VARCHAR) AS period_from, CAST(CAST(${period.to} AS DATE) AS VARCHAR) AS period_to
FROM (${steps}) ORDER BY i`;
  },
  title(rows, { locale }) {
    const t = pick(T, locale);
    const [checked, found] = rows;
    if (!checked || !found || checked.withheld || found.withheld || !checked.value) return t.empty;
    return t.title(formatCount(checked.value, locale), formatCount(found.value ?? 0, locale), formatPercent((found.value ?? 0) / checked.value, locale), formatMonthSpan(checked.period_from, checked.period_to, locale));
  },
  summary(rows, { locale }) {
    return rows.map((r) => `${STEP_LABEL[locale][r.step as (typeof STEPS)[number]]}: ${countText(r.value, r.withheld, locale)}`).join('; ');
  },
  render(rows, context) {
    const { locale } = context;
    const narrow = isNarrow(context.width);
    const data = rows.map((r, i) => ({
      label: STEP_LABEL[locale][r.step as (typeof STEPS)[number]],
      value: r.withheld ? 0 : (r.value ?? 0),
      text: countText(r.value, r.withheld, locale),
      fill: r.withheld ? WITHHELD_FILL : CATEGORICAL[i]!,
    }));
    return Plot.plot({
      ...plotFrame(context, this.aspect),
      marginLeft: narrow ? 140 : 190,
      marginRight: narrow ? 56 : 72,
      x: { label: pick(T, locale).x, labelArrow: 'none', grid: true, tickFormat: countTick(locale), ticks: narrow ? 3 : 6 },
      y: { label: null, domain: data.map((d) => d.label), tickSize: 0 },
      marks: [
        Plot.barX(data, { x: 'value', y: 'label', fill: 'fill', title: (d) => `${d.label}: ${d.text}` }),
        Plot.text(data, { x: 'value', y: 'label', text: 'text', dx: 4, textAnchor: 'start' }),
        Plot.ruleX([0]),
      ],
    });
  },
};
