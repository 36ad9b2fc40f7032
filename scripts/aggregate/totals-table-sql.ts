/**
 * Aggregate: the SELECT for `<table>_totals`, every view of src/schema/disclosure.ts at every period
 * grain: one pass over the published rows by month, then half-years and years summed from the
 * months. The site takes every total it shows from here, so no total is ever made in the browser
 * by adding up protected cells.
 *
 * Columns: view, grain, period (first day of the month, half-year or year), every dimension used by
 * some view (null where the view sums over it), then each measure and its `<measure>_withheld` flag.
 * Disclosure control (scripts/anonymise) decides the flags; here every cell starts published.
 */
import { DISCLOSURE, PERIOD_GRAINS, totalsDimensions, withheldColumn, type PeriodGrain } from '../../src/schema/disclosure.ts';
import type { TableName } from '../../src/schema/tables.ts';
import { sqlIdent, sqlString } from '../lib/duckdb.ts';

/** The first day of the half-year or year holding a month (a DATE column). */
const PERIOD_OF_MONTH: Record<Exclude<PeriodGrain, 'month'>, (column: string) => string> = {
  half: (c) => `make_date(year(${c}), CASE WHEN month(${c}) <= 6 THEN 1 ELSE 7 END, 1)`,
  year: (c) => `make_date(year(${c}), 1, 1)`,
};

/** The value summed for a measure: `activities` counts rows (one row is one activity). */
const measureSum = (name: string) => (name === 'activities' ? 'count(*)' : `sum(${sqlIdent(name)})`);

/**
 * @param publishedRows a SELECT (or table name) giving the table's published rows: every fact
 *   column plus the derived ones (month, province_code, is_tak...).
 */
export function totalsTableSql(table: TableName, publishedRows: string): string {
  const rule = DISCLOSURE[table];
  const dims = totalsDimensions(table);
  const cols = dims.map((d) => `, ${sqlIdent(d)}`).join('');
  // GROUPING(d1, ..., dn) sets bit (n-1-i) when dims[i] is summed over: one number names the view.
  const groupingMask = (viewDims: readonly string[]) => dims.reduce((mask, d, i) => (viewDims.includes(d) ? mask : mask | (1 << (dims.length - 1 - i))), 0);
  const viewName = `CASE GROUPING(${dims.map(sqlIdent).join(', ')}) ${rule.views.map((v) => `WHEN ${groupingMask(v.dims)} THEN ${sqlString(v.name)}`).join(' ')} END`;
  const viewOrder = `CASE GROUPING(${dims.map(sqlIdent).join(', ')}) ${rule.views.map((v, i) => `WHEN ${groupingMask(v.dims)} THEN ${i}`).join(' ')} END`;
  const sets = rule.views.map((v) => `(month${v.dims.map((d) => `, ${sqlIdent(d)}`).join('')})`).join(', ');
  const monthMeasures = rule.measures.map((m) => `${measureSum(m.name)}::BIGINT AS ${sqlIdent(m.name)}`);
  const summed = rule.measures.map((m) => `sum(${sqlIdent(m.name)})::BIGINT AS ${sqlIdent(m.name)}`);
  const flags = rule.measures.flatMap((m) => [`, ${sqlIdent(m.name)}`, `, false AS ${sqlIdent(withheldColumn(m.name))}`]).join('');
  // One pass over the rows makes every view by month; half-years and years are sums of the (far
  // fewer) month totals, not of the rows again.
  const rollUp = (grain: 'half' | 'year') => `SELECT view, view_order, ${sqlString(grain)} AS grain, ${PERIOD_GRAINS.indexOf(grain)} AS grain_order, ${PERIOD_OF_MONTH[grain]('period')} AS period${cols}, ${summed.join(', ')}
      FROM by_month GROUP BY view, view_order, ${PERIOD_OF_MONTH[grain]('period')}${cols}`;
  return `WITH by_month AS (
      SELECT ${viewName} AS view, ${viewOrder} AS view_order, month AS period${cols}, ${monthMeasures.join(', ')}
      FROM (${publishedRows})
      GROUP BY GROUPING SETS (${sets}))
    SELECT view, grain, period${cols}${flags}
    FROM (
      SELECT view, view_order, 'month' AS grain, 0 AS grain_order, period${cols}${rule.measures.map((m) => `, ${sqlIdent(m.name)}`).join('')} FROM by_month
      UNION ALL ${rollUp('half')}
      UNION ALL ${rollUp('year')}
    )
    ORDER BY view_order, grain_order, period${dims.map((d) => `, ${sqlIdent(d)} NULLS FIRST`).join('')}`;
}
