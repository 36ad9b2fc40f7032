/**
 * Native DuckDB over the current publication (Node, build time only): every published file is a
 * view named like the file (`arrivals_totals`, `provinces`...), the names DuckDB-WASM gives them in
 * the browser. Rows come back in the browser engine's shape (src/client/query-engine.ts): integers
 * as numbers, DATE as 'YYYY-MM-DD', TIMESTAMP as an ISO string, so one SQL text gives equal rows
 * at build time and in the browser.
 */
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { publishedDir, readManifest } from './published.ts';

export type PlainValue = string | number | boolean | null;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function plain(value: unknown, type: string, column: string): PlainValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') {
    if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER)) throw new Error(`${column} = ${value} does not fit a JS number exactly`);
    return Number(value);
  }
  if (value instanceof Date) {
    if (type === 'DATE') return `${pad(value.getUTCFullYear(), 4)}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
    return value.toISOString();
  }
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  return String(value);
}

let connection: Promise<DuckDBConnection> | null = null;
let connectedTo = '';

async function connect(dir: string): Promise<DuckDBConnection> {
  const instance = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' });
  const db = await instance.connect();
  await db.run("SET TimeZone = 'UTC'");
  for (const [name, file] of Object.entries(readManifest().tables)) {
    const path = join(dir, file.file).replaceAll("'", "''");
    await db.run(`CREATE VIEW "${name}" AS SELECT * FROM read_parquet('${path}')`);
  }
  return db;
}

/** Runs SQL over the published views with native DuckDB; rows in the browser engine's shape. */
export async function queryPublished<T extends object = Record<string, PlainValue>>(sql: string): Promise<T[]> {
  const dir = publishedDir();
  if (!connection || connectedTo !== dir) {
    connectedTo = dir;
    connection = connect(dir);
  }
  const reader = await (await connection).runAndReadAll(sql);
  const names = reader.columnNames();
  const types = reader.columnTypes().map((t) => t.toString());
  return reader.getRowObjectsJS().map((row) => {
    const out: Record<string, PlainValue> = {};
    names.forEach((name, i) => (out[name] = plain(row[name], types[i]!, name)));
    return out as T;
  });
}
