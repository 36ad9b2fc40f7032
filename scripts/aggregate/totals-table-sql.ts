/**
 * Aggregate: the SELECT for `<table>_totals`, every view of src/schema/disclosure.ts at every period
 * grain, in one pass over the published rows. The site takes every total it shows from here, so no
 * total is ever made in the browser by adding up protected cells.
 *
 * Columns: view, grain, period (first day of the month, half-year or year), every dimension used by
 * some view (null where the view sums over it), then each measure and its `<measure>_withheld` flag.
 * Disclosure control (scripts/anonymise) decides the flags; here every cell starts published.
 */
import { DISCLOSURE, PERIOD_GRAINS, totalsDimensions, withheldColumn, type PeriodGrain } from '../../src/schema/disclosure.ts';
import type { TableName } from '../../src/schema/tables.ts';
import { sqlIdent, sqlString } from '../lib/duckdb.ts';

const PERIOD_OF_GRAIN: Record<PeriodGrain, string> = {
  month: 'month',
  half: "make_date(year(month), CASE WHEN month(month) <= 6 THEN 1 ELSE 7 END, 1)",
  year: 'make_date(year(month), 1, 1)',
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
  const grains = PERIOD_GRAINS.map((g, i) => `(${sqlString(g)}, ${i})`).join(', ');
  const periodCase = `CASE g.grain ${PERIOD_GRAINS.map((g) => `WHEN ${sqlString(g)} THEN ${PERIOD_OF_GRAIN[g]}`).join(' ')} END`;
  // GROUPING(d1, ..., dn) sets bit (n-1-i) when dims[i] is summed over: one number names the view.
  const groupingMask = (viewDims: readonly string[]) => dims.reduce((mask, d, i) => (viewDims.includes(d) ? mask : mask | (1 << (dims.length - 1 - i))), 0);
  const viewName = `CASE GROUPING(${dims.map(sqlIdent).join(', ')}) ${rule.views.map((v) => `WHEN ${groupingMask(v.dims)} THEN ${sqlString(v.name)}`).join(' ')} END`;
  const viewOrder = `CASE GROUPING(${dims.map(sqlIdent).join(', ')}) ${rule.views.map((v, i) => `WHEN ${groupingMask(v.dims)} THEN ${i}`).join(' ')} END`;
  const sets = rule.views.map((v) => `(grain, grain_order, period${v.dims.map((d) => `, ${sqlIdent(d)}`).join('')})`).join(', ');
  const measures = rule.measures.flatMap((m) => [`${measureSum(m.name)}::BIGINT AS ${sqlIdent(m.name)}`, `false AS ${sqlIdent(withheldColumn(m.name))}`]);
  return `SELECT view, grain, period${dims.map((d) => `, ${sqlIdent(d)}`).join('')}${rule.measures.flatMap((m) => [`, ${sqlIdent(m.name)}`, `, ${sqlIdent(withheldColumn(m.name))}`]).join('')}
    FROM (
      SELECT ${viewName} AS view, ${viewOrder} AS view_order, grain, grain_order, period${dims.map((d) => `, ${sqlIdent(d)}`).join('')}, ${measures.join(', ')}
      FROM (SELECT *, ${periodCase} AS period FROM (${publishedRows}) CROSS JOIN (VALUES ${grains}) g(grain, grain_order))
      GROUP BY GROUPING SETS (${sets})
    )
    ORDER BY view_order, grain_order, period${dims.map((d) => `, ${sqlIdent(d)} NULLS FIRST`).join('')}`;
}
