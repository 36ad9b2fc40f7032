/**
 * What a city/regency's arrivals must be, read straight from the publication's Parquet files with
 * DuckDB (not through the site's build code): the checkpoints `ports.parquet` places in the city,
 * and each month's published per-checkpoint totals of `arrivals_totals.parquet`, added up.
 */
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { publishedDir, readManifest } from '../../src/build/published.ts';

export interface PublishedCheckpointArrivals {
  ports: string[];
  /** Oldest first: month (YYYY-MM-DD) and the sum of the checkpoints' totals, null when any is withheld. */
  months: { month: string; count: number | null }[];
}

export async function publishedCheckpointArrivals(regencyCode: string): Promise<PublishedCheckpointArrivals> {
  const dir = publishedDir();
  const { tables } = readManifest(dir);
  const file = (name: string) => `'${join(dir, tables[name]!.file)}'`;
  const db = await (await DuckDBInstance.create(':memory:')).connect();
  const ports = (await db.runAndReadAll(`SELECT code FROM read_parquet(${file('ports')}) WHERE regency_code = '${regencyCode}' ORDER BY code`)).getRowObjectsJS().map((r) => String(r.code));
  const months = (await db.runAndReadAll(`SELECT CAST(period AS VARCHAR) AS month, CASE WHEN bool_or(count_withheld) THEN NULL ELSE sum(count) END AS count
FROM read_parquet(${file('arrivals_totals')}) WHERE view = 'port_code' AND grain = 'month' AND port_code IN (SELECT code FROM read_parquet(${file('ports')}) WHERE regency_code = '${regencyCode}')
GROUP BY period ORDER BY period`)).getRowObjectsJS().map((r) => ({ month: String(r.month), count: r.count === null ? null : Number(r.count) }));
  db.closeSync();
  return { ports, months };
}

/** The sum of the latest 12 months and of the 12 before (null where a month is withheld or missing). */
export function lastTwoYears(months: PublishedCheckpointArrivals['months']): { latest: number | null; before: number | null } {
  const sum = (rows: typeof months) => (rows.length === 12 && rows.every((r) => r.count !== null) ? rows.reduce((s, r) => s + r.count!, 0) : null);
  return { latest: sum(months.slice(-12)), before: sum(months.slice(-24, -12)) };
}
