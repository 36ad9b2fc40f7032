/**
 * Drift against the previous publication: statistics are revised as late reports arrive, but a
 * month that moves by more than DRIFT_WARNING_SHARE, or disappears, deserves a look before
 * leaders quote it. These are warnings in the manifest, not errors.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { PipelineWarning } from '../../src/schema/manifest.ts';
import { totalsTableName } from '../../src/schema/disclosure.ts';
import { TABLES, type TableName } from '../../src/schema/tables.ts';
import { sqlIdent, sqlString, type Db } from '../lib/duckdb.ts';

export const DRIFT_WARNING_SHARE = 0.05;

export async function checkDrift(db: Db, table: TableName, typedTable: string, previousDir: string | null, previousDate: string | null): Promise<PipelineWarning[]> {
  if (!previousDir) return [];
  const previousFile = join(previousDir, `${table}.parquet`);
  // Disclosure control nulls withheld detail cells (and sanctions publish no detail rows), so the
  // previous national monthly totals come from its totals file; a withheld one is not compared.
  const previousTotals = join(previousDir, `${totalsTableName(table)}.parquet`);
  if (!existsSync(previousFile) && !existsSync(previousTotals)) return [];
  const spec = TABLES[table];
  const month = `date_trunc('month', ${sqlIdent(spec.periodColumn)})`;
  const measure = sqlIdent(spec.measureColumn);
  const before = existsSync(previousTotals)
    ? `SELECT period AS m, ${measure}::DOUBLE AS v FROM read_parquet(${sqlString(previousTotals)}) WHERE view = 'total' AND grain = 'month' AND ${measure} IS NOT NULL`
    : `SELECT ${month} AS m, sum(${measure})::DOUBLE AS v FROM read_parquet(${sqlString(previousFile)}) GROUP BY 1`;
  const rows = (await db.runAndReadAll(`
    WITH now AS (SELECT ${month} AS m, sum(${measure})::DOUBLE AS v FROM ${sqlIdent(typedTable)} GROUP BY 1),
         before AS (${before})
    SELECT strftime(before.m, '%Y-%m') AS month, before.v AS before, now.v AS now
    FROM before LEFT JOIN now USING (m)
    WHERE now.v IS NULL OR (before.v > 0 AND abs(now.v - before.v) / before.v > ${DRIFT_WARNING_SHARE})
    ORDER BY 1`)).getRowObjectsJS();
  return rows.map((r) => ({
    code: r.now === null ? 'month-dropped' : 'revision-drift',
    table,
    month: String(r.month),
    message: r.now === null
      ? `${table} ${r.month}: published in the ${previousDate} snapshot but missing from this one.`
      : `${table} ${r.month}: ${spec.measureColumn} revised from ${r.before} to ${r.now} (${(((Number(r.now) - Number(r.before)) / Number(r.before)) * 100).toFixed(1)}%) since the ${previousDate} snapshot; more than ${DRIFT_WARNING_SHARE * 100}% — check before quoting it.`,
  }));
}
