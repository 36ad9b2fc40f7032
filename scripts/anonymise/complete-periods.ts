/**
 * Which half-year and year totals a public build publishes: only complete ones. A year-to-date
 * figure would change from snapshot to snapshot, and the difference would reveal the newest
 * month's withheld cells.
 */
import { sqlString } from '../lib/duckdb.ts';
import { grainLiteral } from '../lib/totals-column-types.ts';

/** True for a totals row (`grain`, `period`) that is a month, or a half-year or year with all its months in the coverage. */
export function completePeriodSql(coverage: { from: string; to: string }): string {
  const end = `CASE grain WHEN ${grainLiteral('half')} THEN period + INTERVAL 5 MONTH WHEN ${grainLiteral('year')} THEN period + INTERVAL 11 MONTH ELSE period END`;
  return `(grain = ${grainLiteral('month')} OR (period >= DATE ${sqlString(`${coverage.from}-01`)} AND ${end} <= DATE ${sqlString(`${coverage.to}-01`)}))`;
}
