/**
 * Build-time queries over the current publication (Node only). One native DuckDB database per
 * build process, with a view per published file named like the file (`arrivals`,
 * `arrivals_totals`, `provinces`...), the names DuckDB-WASM gives them in the browser. Rows come
 * back in the browser engine's shape (src/client/query-engine.ts): integers as numbers, DATE as
 * 'YYYY-MM-DD', TIMESTAMP as an ISO string, so one SQL text gives equal rows at build time and in
 * the browser. Results are cached by SQL text: ~170 area pages ask many of the same questions.
 */
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { exactNumber, isoDay } from '../shared/plain-value.ts';
import { sqlIdent, sqlString } from '../shared/sql-text.ts';
import { publishedDir, readManifest } from './published.ts';

export type PlainValue = string | number | boolean | null;
export type PlainRow = Record<string, PlainValue>;

function plain(value: unknown, type: string, column: string): PlainValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return exactNumber(value, column);
  if (value instanceof Date) return type === 'DATE' ? isoDay(value) : value.toISOString();
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  return String(value);
}

/** One database per publication folder: the current one, and each kept release a page is built from. */
const connections = new Map<string, Promise<DuckDBConnection>>();
const results = new Map<string, Promise<PlainRow[]>>();

async function open(dir: string): Promise<DuckDBConnection> {
  const instance = await DuckDBInstance.create(':memory:', {
    // The build never fetches anything: Parquet is built into native DuckDB.
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
    threads: '2',
  });
  const db = await instance.connect();
  await db.run("SET TimeZone = 'UTC'");
  for (const [name, file] of Object.entries(readManifest(dir).tables)) {
    await db.run(`CREATE VIEW ${sqlIdent(name)} AS SELECT * FROM read_parquet(${sqlString(join(dir, file.file))})`);
  }
  return db;
}

function database(dir: string): Promise<DuckDBConnection> {
  let db = connections.get(dir);
  if (!db) {
    db = open(dir);
    connections.set(dir, db);
  }
  return db;
}

async function run(sql: string, dir: string): Promise<PlainRow[]> {
  const reader = await (await database(dir)).runAndReadAll(sql);
  const names = reader.columnNames();
  const types = reader.columnTypes().map((t) => t.toString());
  return reader.getRowObjectsJS().map((row) => {
    const out: PlainRow = {};
    names.forEach((name, i) => (out[name] = plain(row[name], types[i]!, name)));
    return out;
  });
}

/**
 * Runs SQL over the published views with native DuckDB, once per build for the same text: of the
 * current publication, or of another release folder (src/build/releases.ts).
 */
export function queryPublished<T extends object = PlainRow>(sql: string, dir = publishedDir()): Promise<T[]> {
  const key = `${dir}\n${sql}`;
  let result = results.get(key);
  if (!result) {
    result = run(sql, dir);
    results.set(key, result);
  }
  return result as Promise<T[]>;
}
