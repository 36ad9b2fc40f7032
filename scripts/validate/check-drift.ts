/**
 * Drift against the previous snapshot: statistics are revised as late reports arrive, but a month
 * that moves by more than DRIFT_WARNING_SHARE, or disappears, deserves a look before leaders quote
 * it. These are warnings in the manifest, not errors.
 *
 * One rule for every table: each national series (monthly-series.ts) is compared month by month
 * with the same cells of the previous release's totals. For the registry that is each metric and
 * agency, since its months add a flow to a stock and one agency's count to another's.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { PipelineWarning } from '../../src/schema/manifest.ts';
import { totalsTableName, withheldColumn } from '../../src/schema/disclosure.ts';
import { TABLES, type TableName } from '../../src/schema/tables.ts';
import { grainLiteral, viewLiteral } from '../lib/totals-column-types.ts';
import { queryRows, sqlIdent, sqlString, type Db } from '../lib/duckdb.ts';
import { nationalSeriesView, publishedSeries, seriesKey, seriesLabel, type SeriesMonth } from './monthly-series.ts';

export const DRIFT_WARNING_SHARE = 0.05;

/** A revision warning, with the series cell it is about (which the manifest's warning does not carry). */
export interface DriftFinding {
  table: TableName;
  cell: Record<string, string>;
  month: string;
  warning: PipelineWarning;
}

/** The release compared against: the previous different snapshot. */
export interface ComparisonBase {
  dir: string;
  snapshotDate: string;
}

export async function checkDrift(db: Db, table: TableName, current: readonly SeriesMonth[], base: ComparisonBase | null): Promise<DriftFinding[]> {
  if (!base) return [];
  const totals = join(base.dir, `${totalsTableName(table)}.parquet`);
  if (!existsSync(totals)) return [];
  const measure = TABLES[table].measureColumn;
  const now = new Map(current.map((s) => [`${seriesKey(s.cell)} ${s.month}`, s.value]));
  const findings: DriftFinding[] = [];
  for (const before of await publishedSeries(db, table, totals)) {
    const after = now.get(`${seriesKey(before.cell)} ${before.month}`);
    const name = `${seriesLabel(table, before.cell)} ${before.month}`;
    const found = (code: string, message: string) => findings.push({ table, cell: before.cell, month: before.month, warning: { code, table, month: before.month, message } });
    if (after === undefined) {
      found('month-dropped', `${name}: published in the ${base.snapshotDate} snapshot but missing from this one.`);
    } else if (before.value > 0 && Math.abs(after - before.value) / before.value > DRIFT_WARNING_SHARE) {
      const change = (((after - before.value) / before.value) * 100).toFixed(1);
      found('revision-drift', `${name}: ${measure} revised from ${before.value} to ${after} (${change}%) since the ${base.snapshotDate} snapshot; more than ${DRIFT_WARNING_SHARE * 100}% — check before quoting it.`);
    }
  }
  return findings;
}

/** Whether this release withholds the figure a finding quotes (its cell in `<table>_totals` being built, table `totalsTable`). */
export async function driftFigureWithheld(db: Db, finding: DriftFinding, totalsTable: string): Promise<boolean> {
  const view = nationalSeriesView(finding.table);
  const cells = Object.entries(finding.cell).map(([dim, value]) => `CAST(${sqlIdent(dim)} AS VARCHAR) = ${sqlString(value)}`);
  const [row] = await queryRows<{ withheld: boolean }>(db, `SELECT ${sqlIdent(withheldColumn(TABLES[finding.table].measureColumn))} AS withheld FROM ${sqlIdent(totalsTable)}
    WHERE ${[`view = ${viewLiteral(view.name)}`, `grain = ${grainLiteral('month')}`, `period = DATE ${sqlString(`${finding.month}-01`)}`, ...cells].join(' AND ')}`);
  return row?.withheld === true;
}
