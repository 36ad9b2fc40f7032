/**
 * Build-time queries over the current publication (Node only). One native DuckDB database per
 * build process, with a view per published file named like the file (`arrivals`,
 * `arrivals_totals`, `provinces`...), the same names DuckDB-WASM gives them in the browser.
 * Results are cached by SQL text: ~170 area pages ask many of the same questions.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { ChartRow } from '../charts/chart-definition.ts';
import { publishedDir } from './published.ts';

let connection: { dir: string; db: Promise<DuckDBConnection> } | null = null;
const results = new Map<string, Promise<ChartRow[]>>();

async function open(dir: string): Promise<DuckDBConnection> {
  const instance = await DuckDBInstance.create(':memory:', {
    // The build never fetches anything: Parquet is built into native DuckDB.
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
    threads: '2',
  });
  const db = await instance.connect();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.parquet')).sort()) {
    const name = file.replace(/\.parquet$/, '');
    const path = join(dir, file).replaceAll("'", "''");
    await db.run(`CREATE VIEW "${name}" AS SELECT * FROM read_parquet('${path}')`);
  }
  return db;
}

function database(): Promise<DuckDBConnection> {
  const dir = publishedDir();
  if (connection?.dir !== dir) {
    connection = { dir, db: open(dir) };
    results.clear();
  }
  return connection.db;
}

/** JSON-safe values: BIGINT → number, DATE/TIMESTAMP → "YYYY-MM-DD". */
function plain(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

/** Runs a chart's SQL (or any query) and returns plain rows; the same SQL is run once per build. */
export function queryPublished(sql: string): Promise<ChartRow[]> {
  const dir = publishedDir();
  const key = `${dir}\n${sql}`;
  let result = results.get(key);
  if (!result) {
    result = database().then(async (db) => {
      const reader = await db.runAndReadAll(sql);
      return reader.getRowObjectsJS().map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, plain(v)])));
    });
    results.set(key, result);
  }
  return result;
}

/** How many distinct queries this build ran (for the build log). */
export const queryCount = (): number => results.size;
