/**
 * The "top N" charts (nationalities, ports, visa categories, offices, violations...): one query shape
 * and one bar layout. Each cell and the total it is a share of are published totals; the share is
 * withheld when either is.
 */
import type { Locale } from '../i18n/locales.ts';
import { totalsTableName } from '../schema/disclosure.ts';
import { withDefaults, type Filters } from '../schema/filters.ts';
import type { TableName } from '../schema/tables.ts';
import type { Bilingual, ChartColumn, ChartDefinition, ChartRow } from './chart-definition.ts';
import { UnsupportedFiltersError, periodSelection, selectTotals, filterGrain } from './chart-sql.ts';
import { formatCount, formatMonthSpan, formatPercent } from '../i18n/format.ts';
import { pick } from './labels.ts';
import { rankedBars } from './plot-kit.ts';
import { WITHHELD } from '../schema/disclosure.ts';

export interface RankingRow extends ChartRow {
  code: string;
  name_id: string | null;
  name_en: string | null;
  count: number | null;
  count_withheld: boolean;
  total: number | null;
  total_withheld: boolean | null;
  share: number | null;
  period_from: string;
  period_to: string;
}

export interface RankingSpec {
  id: string;
  table: TableName;
  /** Dimension the bars are (e.g. nationality). */
  breakdown: string;
  filters: readonly (keyof Filters)[];
  /** Filters applied when the reader has not set them (e.g. sanctions: only TAK). */
  defaults?: Partial<Filters>;
  /**
   * Filters answered by restricting the breakdown's codes through a reference table (ports of a
   * province) instead of a view dimension: filter → SQL condition on `code`.
   */
  restrict?: Partial<Record<keyof Filters, (value: string, column: string) => string>>;
  /** LEFT JOIN giving name_id / name_en for `cells.code`, e.g. countries. */
  names?: { join: string; id: string; en: string };
  label: (row: RankingRow, locale: Locale) => string;
  limit: number;
  aspect: { wide: number; narrow: number };
  axis: Bilingual;
  codeLabel: Bilingual;
  countLabel: Bilingual;
  definition: Bilingual;
  /** Title from the top row: e.g. "Tiongkok terbanyak: 1.234 kedatangan (12,3%), Januari–September 2025". */
  title: { id: (top: string, count: string, share: string | null, span: string) => string; en: (top: string, count: string, share: string | null, span: string) => string };
  empty: Bilingual;
}

function rankingSql(spec: RankingSpec, given: Filters): string {
  const filters = withDefaults(given, spec.defaults);
  const restricted = Object.entries(spec.restrict ?? {}).flatMap(([key, condition]) => {
    const value = filters[key as keyof Filters];
    return value && condition ? [condition(value, spec.breakdown)] : [];
  });
  // Filters answered by restriction are not view dimensions.
  const viewFilters: Filters = { ...filters };
  for (const key of Object.keys(spec.restrict ?? {})) viewFilters[key as keyof Filters] = null;
  const answered = spec.filters.filter((f) => !(f in (spec.restrict ?? {})));
  const cells = selectTotals(spec.table, [spec.breakdown], viewFilters, answered, filterGrain(filters));
  const period = periodSelection(spec.table, filters, cells.grain);
  const totals = totalsTableName(spec.table);
  // The total the shares refer to: the view of the filters alone (restrictions included as filters).
  let totalWhere: string | null;
  try {
    totalWhere = selectTotals(spec.table, [], filters, spec.filters, cells.grain).where;
  } catch (error) {
    if (!(error instanceof UnsupportedFiltersError)) throw error;
    totalWhere = null;
  }
  const total = totalWhere
    ? `(SELECT count AS total, count_withheld AS total_withheld FROM ${totals} WHERE ${totalWhere} AND ${period.where})`
    : '(SELECT CAST(NULL AS BIGINT) AS total, CAST(NULL AS BOOLEAN) AS total_withheld)';
  const names = spec.names ? `${spec.names.id} AS name_id, ${spec.names.en} AS name_en` : 'CAST(NULL AS VARCHAR) AS name_id, CAST(NULL AS VARCHAR) AS name_en';
  return `WITH cells AS (
  SELECT CAST(${spec.breakdown} AS VARCHAR) AS code, count, count_withheld FROM ${totals}
  WHERE ${cells.where} AND ${period.where}${restricted.map((c) => ` AND ${c}`).join('')}
), total AS ${total}
SELECT cells.code, ${names},
  CAST(cells.count AS DOUBLE) AS count, cells.count_withheld,
  CAST(total.total AS DOUBLE) AS total, total.total_withheld,
  CASE WHEN NOT cells.count_withheld AND NOT total.total_withheld AND total.total > 0
    THEN CAST(cells.count AS DOUBLE) / CAST(total.total AS DOUBLE) END AS share,
  CAST(CAST(${period.from} AS DATE) AS VARCHAR) AS period_from,
  CAST(CAST(${period.to} AS DATE) AS VARCHAR) AS period_to
FROM cells LEFT JOIN total ON true${spec.names ? ` ${spec.names.join}` : ''}
ORDER BY cells.count_withheld, cells.count DESC, cells.code
LIMIT ${spec.limit}`;
}

export function rankingChart(spec: RankingSpec): ChartDefinition<RankingRow> {
  const columns: ChartColumn[] = [
    { key: 'code', label: spec.codeLabel, type: 'code' },
    { key: 'name', label: { id: 'Nama', en: 'Name' }, type: 'label', value: (row, locale) => spec.label(row as RankingRow, locale) },
    { key: 'count', label: spec.countLabel, type: 'count', withheld: 'count_withheld' },
    { key: 'share', label: { id: 'Pangsa', en: 'Share' }, type: 'ratio' },
    { key: 'period_from', label: { id: 'Dari', en: 'From' }, type: 'month' },
    { key: 'period_to', label: { id: 'Sampai', en: 'To' }, type: 'month' },
  ];
  return {
    id: spec.id,
    table: spec.table,
    kind: 'ranking',
    measures: ['count'],
    filters: spec.filters,
    aspect: spec.aspect,
    columns,
    definition: spec.definition,
    sql: (filters) => rankingSql(spec, filters),
    title(rows, { locale }) {
      const top = rows.find((r) => !r.count_withheld && r.count !== null);
      if (!top) return pick(spec.empty, locale);
      const span = formatMonthSpan(top.period_from, top.period_to, locale);
      return pick(spec.title, locale)(spec.label(top, locale), formatCount(top.count as number, locale), top.share === null ? null : formatPercent(top.share, locale), span);
    },
    summary(rows, { locale }) {
      const list = rows.map((r) => `${spec.label(r, locale)} ${r.count_withheld ? WITHHELD.symbol : formatCount(r.count ?? 0, locale)}`).join('; ');
      return `${pick(spec.axis, locale)}: ${list}.`;
    },
    render(rows, context) {
      return rankedBars({
        rows,
        label: (row) => spec.label(row as RankingRow, context.locale),
        value: 'count',
        withheldFlag: 'count_withheld',
        xLabel: pick(spec.axis, context.locale),
        context,
        aspect: spec.aspect,
      });
    },
  };
}
