/**
 * Every month a table covers must hold its data: a month inside the coverage with no rows at all,
 * or whose national total is far below the months around it, is an export cut short (a month
 * not exported yet, an office or an agency left out), and publishing it would show a collapse that
 * never happened. Both refuse the snapshot, per table.
 *
 * A table that really ends earlier (an agency reporting two months late) says so in snapshot.json,
 * `"tables": { "registry": { "to": "2025-08" } }`, and one that starts later `{ "from": … }`: its
 * months are its own coverage (tableCoverage).
 *
 * "Far below" is measured on each national series (monthly-series.ts): a month under
 * FAR_BELOW_SHARE of the median of the NEIGHBOUR_MONTHS months on either side of it inside the
 * table's coverage, counting a month without rows as 0. It needs MIN_NEIGHBOURS such months, so a
 * two-month test fixture is checked for empty months only. Stocks (counted at dates) have no
 * monthly neighbours and are checked for empty months only.
 */
import type { MonthRange } from '../../src/schema/snapshot.ts';
import { TABLES, type TableName } from '../../src/schema/tables.ts';
import type { PipelineIssue } from '../lib/pipeline-issue.ts';
import { isStockSeries, seriesKey, seriesLabel, type SeriesMonth } from './monthly-series.ts';

/** A month below this share of its neighbours' median is cut short. The sample's lowest month is 0.65 of it (foreigners checked, Jan 2023; mixed marriages, Feb 2024: 0.66). */
export const FAR_BELOW_SHARE = 0.25;
/** Months compared on each side. */
export const NEIGHBOUR_MONTHS = 3;
/** Fewest neighbouring months inside the coverage for the comparison to mean anything. */
export const MIN_NEIGHBOURS = 3;

/** Every month from `from` to `to` (YYYY-MM), in order. */
export function monthsOf({ from, to }: MonthRange): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  for (let month = from; month <= to; month = `${y}-${String(m).padStart(2, '0')}`) {
    out.push(month);
    m += 1;
    if (m === 13) { y += 1; m = 1; }
  }
  return out;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** Consecutive runs of months, e.g. [2024-02, 2024-03], [2024-06]. */
function runs(months: readonly string[], all: readonly string[]): string[][] {
  const out: string[][] = [];
  for (const month of months) {
    const last = out.at(-1);
    if (last && all.indexOf(month) === all.indexOf(last.at(-1)!) + 1) last.push(month);
    else out.push([month]);
  }
  return out;
}

const spanText = (run: readonly string[]) => (run.length === 1 ? run[0]! : `${run[0]} to ${run.at(-1)}`);

const tablesField = (table: TableName, end: 'from' | 'to', month: string) => `"tables": { "${table}": { "${end}": "${month}" } }`;

export interface MonthsCheckContext {
  table: TableName;
  /** The table's months (the snapshot's coverage, or where snapshot.json says the table ends). */
  coverage: MonthRange;
  /** The raw file, as shown in messages. */
  file: string;
}

export function checkMonthsWithData(series: readonly SeriesMonth[], { table, coverage, file }: MonthsCheckContext): PipelineIssue[] {
  const all = monthsOf(coverage);
  const column = TABLES[table].rawColumns.find((c) => c.name === TABLES[table].periodColumn)!.rawHeaders[0]!;
  const where = { severity: 'error' as const, file, table, column };
  const issues: PipelineIssue[] = [];

  const withRows = new Set(series.filter((s) => s.rows > 0).map((s) => s.month));
  const empty = all.filter((m) => !withRows.has(m));
  for (const run of runs(empty, all)) {
    const lastBefore = all[all.indexOf(run[0]!) - 1];
    const firstAfter = all[all.indexOf(run.at(-1)!) + 1];
    const declare = run.at(-1) === coverage.to && lastBefore
      ? `If the ${table} export really ends at ${lastBefore}, say so in snapshot.json: ${tablesField(table, 'to', lastBefore)}. Otherwise export`
      : run[0] === coverage.from && firstAfter
        ? `If the ${table} series really starts at ${firstAfter}, say so in snapshot.json: ${tablesField(table, 'from', firstAfter)}. Otherwise export`
        : 'Export';
    issues.push({
      ...where, code: 'month-without-data',
      found: `no ${table} rows for ${spanText(run)}`,
      expected: `rows for every month from ${coverage.from} to ${coverage.to}`,
      fix: `${declare} ${table} again with ${spanText(run)}${declare === 'Export' ? ': a month inside a table\'s coverage cannot be empty (snapshot.json can only move where a table starts or ends, with "tables")' : ''}.`,
    });
  }

  const bySeries = new Map<string, { cell: Record<string, string>; values: Map<string, number> }>();
  for (const s of series) {
    const key = seriesKey(s.cell);
    if (!bySeries.has(key)) bySeries.set(key, { cell: s.cell, values: new Map() });
    bySeries.get(key)!.values.set(s.month, s.value);
  }
  for (const { cell, values } of bySeries.values()) {
    if (isStockSeries(cell)) continue;
    all.forEach((month, i) => {
      if (!withRows.has(month)) return; // already reported as empty
      const around = [...all.slice(Math.max(0, i - NEIGHBOUR_MONTHS), i), ...all.slice(i + 1, i + 1 + NEIGHBOUR_MONTHS)];
      if (around.length < MIN_NEIGHBOURS) return;
      const typical = median(around.map((m) => values.get(m) ?? 0));
      const value = values.get(month) ?? 0;
      if (!(typical > 0 && value < FAR_BELOW_SHARE * typical)) return;
      const trailing = month === coverage.to;
      issues.push({
        ...where, code: 'month-far-below',
        found: `${seriesLabel(table, cell)} ${month}: ${TABLES[table].measureColumn} ${value}, against a median of ${typical} in ${around[0]} to ${around.at(-1)}`,
        expected: `at least ${FAR_BELOW_SHARE * 100}% of the months around it`,
        fix: `${month} looks cut short (an office, an agency or part of the month missing): export ${table} again with the whole of ${month}.${trailing && i > 0 ? ` If the ${table} export really ends at ${all[i - 1]}, remove ${month} and say so in snapshot.json: ${tablesField(table, 'to', all[i - 1]!)}.` : ''}`,
      });
    });
  }
  return issues;
}
