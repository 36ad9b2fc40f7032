/**
 * A table's national monthly series: the cells of its coarsest view published by month, each the
 * national total of one quantity (all arrivals; all sanctions; foreigners checked by TIMPORA; for
 * the registry one series per metric and agency, since mixed marriages and foreign residents, or
 * two agencies' counts of the same thing, never add up to anything).
 *
 * The revision checks (check-drift.ts) and the months-with-data check (check-months-with-data.ts)
 * read the same series, so one rule covers every table.
 */
import { DISCLOSURE, publishesGrain, type TotalsView } from '../../src/schema/disclosure.ts';
import { STOCK_METRICS, TABLES, type TableName } from '../../src/schema/tables.ts';
import { queryRows, sqlIdent, sqlString, type Db } from '../lib/duckdb.ts';

export interface SeriesMonth {
  /** The series' dimension values, e.g. { metric: 'mixed_marriages', source_agency: 'kemenag' }; {} for the national total. */
  cell: Record<string, string>;
  /** YYYY-MM. */
  month: string;
  value: number;
  /** Data rows behind the value. */
  rows: number;
}

/** The view whose cells are the table's national series: the fewest dimensions among the views published by month. */
export function nationalSeriesView(table: TableName): TotalsView {
  const measure = TABLES[table].measureColumn;
  const monthly = DISCLOSURE[table].views.filter((v) => publishesGrain(v, 'month', measure));
  const view = monthly.reduce((best, v) => (v.dims.length < best.dims.length ? v : best));
  const raw = new Set(TABLES[table].rawColumns.map((c) => c.name));
  const derived = view.dims.filter((d) => !raw.has(d));
  if (derived.length > 0) throw new Error(`${table}: the national series view ${view.name} uses ${derived.join(', ')}, which the raw rows do not carry`);
  return view;
}

/** A series' name in messages: "registry (mixed_marriages, kemenag)", or just "arrivals". */
export function seriesLabel(table: TableName, cell: Record<string, string>): string {
  const values = Object.values(cell);
  return values.length === 0 ? table : `${table} (${values.join(', ')})`;
}

/** A stock (foreign residents) is counted at dates, not every month: it has no monthly neighbours to compare with. */
export const isStockSeries = (cell: Record<string, string>): boolean => Object.values(cell).some((v) => STOCK_METRICS.includes(v));

/** Identity of a series, for joining two releases' months. */
export const seriesKey = (cell: Record<string, string>): string => JSON.stringify(cell);

const dimSelect = (dims: readonly string[]) => dims.map((d) => `CAST(${sqlIdent(d)} AS VARCHAR) AS ${sqlIdent(d)}`);

function toSeries(dims: readonly string[], rows: Record<string, unknown>[]): SeriesMonth[] {
  return rows.map((r) => ({
    cell: Object.fromEntries(dims.map((d) => [d, String(r[d])])),
    month: String(r.month),
    value: Number(r.value),
    rows: Number(r.n),
  }));
}

/** The series of this snapshot's validated rows (a DuckDB relation with the table's raw columns). */
export async function currentSeries(db: Db, table: TableName, typedTable: string): Promise<SeriesMonth[]> {
  const spec = TABLES[table];
  const { dims } = nationalSeriesView(table);
  const rows = await queryRows<Record<string, unknown>>(db, `
    SELECT ${[...dimSelect(dims), `strftime(date_trunc('month', ${sqlIdent(spec.periodColumn)}), '%Y-%m') AS month`].join(', ')},
           sum(${sqlIdent(spec.measureColumn)})::DOUBLE AS value, count(*)::BIGINT AS n
    FROM ${sqlIdent(typedTable)} GROUP BY ALL ORDER BY ALL`);
  return toSeries(dims, rows);
}

/**
 * The series as a previous release published it, from its totals file (detail cells may be
 * withheld, and sanctions publish none); a cell withheld there is left out, so it is never compared.
 */
export async function publishedSeries(db: Db, table: TableName, totalsFile: string): Promise<SeriesMonth[]> {
  const spec = TABLES[table];
  const view = nationalSeriesView(table);
  const measure = sqlIdent(spec.measureColumn);
  const rows = await queryRows<Record<string, unknown>>(db, `
    SELECT ${[...dimSelect(view.dims), `strftime(period, '%Y-%m') AS month`].join(', ')}, ${measure}::DOUBLE AS value, 0::BIGINT AS n
    FROM read_parquet(${sqlString(totalsFile)})
    WHERE view = ${sqlString(view.name)} AND grain = 'month' AND ${measure} IS NOT NULL ORDER BY ALL`);
  return toSeries(view.dims, rows);
}
