/** Native DuckDB for the build: one in-memory database per pipeline run, and small query helpers. */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { traceSlowStatements } from './slow-statement-trace.ts';

export type Db = DuckDBConnection;

/**
 * DuckDB spills joins, aggregates and sorts to disk beyond this, keeping the build under 2 GB: the
 * process peaks well above it (Node, the LP, memory DuckDB holds outside its buffer pool). On 20 M
 * arrival rows (docs/benchmarks.md): 1,200 MB peaked at 2.0–2.4 GB, 1,000 MB at 1.8 GB, 900 MB
 * at 1.7 GB, and 700 MB ran out of memory pinning a block. With the allocator flushing sooner
 * (below), 1,000 MB peaks at 1.7 GB.
 */
export const DUCKDB_MEMORY_LIMIT = '1000MB';

/**
 * The limit while the Parquet files are written. By then most of the tables are spilled to disk
 * (1.6 GB of them for 20 M arrival rows), and the writes read them back into DuckDB's buffers on
 * top of everything else the process holds: that is where the build peaks. Streaming a table to a
 * file needs little room; with 500 MB the peak fell from 1.70–1.82 GB to 1.51–1.63 GB (two runs
 * each, same bytes, no slower; docs/benchmarks.md).
 */
export const PUBLISH_MEMORY_LIMIT = '500MB';

export async function openDuckDb(): Promise<Db> {
  const instance = await DuckDBInstance.create(':memory:', {
    // The build never fetches anything: extensions stay off, Parquet is built in.
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
    // Output order comes from ORDER BY where it matters; row numbers are taken explicitly.
    preserve_insertion_order: 'false',
    memory_limit: DUCKDB_MEMORY_LIMIT,
    // One folder per process: DuckDB names its spill files the same in every process
    // (duckdb_temp_storage_S128K-0.tmp), so two builds sharing a folder read each other's blocks.
    temp_directory: join(tmpdir(), `pantau-duckdb-spill-${process.pid}`),
    // DuckDB's allocator holds on to freed memory, handing it back to the system after a task
    // whose peak allocation passes the first threshold or a bulk free larger than the second
    // (128 MB and 512 MB by default). Handing it back sooner took the 20 M-row build's peak from
    // 1.77–2.10 GB to 1.67–1.69 GB, no slower (docs/benchmarks.md).
    allocator_flush_threshold: '16MB',
    allocator_bulk_deallocation_flush_threshold: '64MB',
  });
  const connection = await instance.connect();
  if (process.env.PANTAU_TRACE_SQL) traceSlowStatements(connection, Number(process.env.PANTAU_TRACE_SQL));
  return connection;
}

/** SQL literals and identifiers: one home for the pipeline and the site. */
export { sqlIdent, sqlString, sqlStringList } from '../../src/shared/sql-text.ts';

/** Rows as plain JSON-safe objects (BIGINT as string is avoided by casting in the query where needed). */
export async function queryRows<T = Record<string, unknown>>(db: Db, sql: string): Promise<T[]> {
  const reader = await db.runAndReadAll(sql);
  return reader.getRowObjectsJS() as T[];
}

/** How many rows a query gives. */
export async function countRows(db: Db, sql: string): Promise<number> {
  return Number((await queryRows<{ n: bigint }>(db, `SELECT count(*)::BIGINT AS n FROM (${sql})`))[0]!.n);
}
