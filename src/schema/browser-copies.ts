/**
 * /data/browser/index.json: the contract between the site build, which writes a browser copy of
 * each published table (src/build/browser-copies.ts: Arrow IPC, gzip), and the browser's query
 * engine, which reads the index to know what to fetch (src/client/duckdb-engine.ts). Declared once
 * as a zod schema, the types inferred from it; `parseBrowserCopiesIndex` checks what was fetched.
 */
import { z } from 'zod';
import './zod-jitless.ts';

/** Folder of the copies inside the published data route: /data/browser/. */
export const BROWSER_COPIES_DIR = 'browser';
export const BROWSER_COPIES_INDEX = 'index.json';

/** File name of a table's copy inside /data/browser/, e.g. "arrivals_totals.arrow.gz". */
export const browserCopyFile = (table: string): string => `${table}.arrow.gz`;

const count = z.number().int().nonnegative();

const browserCopy = z.object({
  /** File name inside /data/browser/, e.g. "arrivals_totals.arrow.gz". */
  file: z.string().min(1),
  rows: count,
  /** Size of the gzip file (what travels). */
  bytes: count,
  /** Size of the Arrow IPC stream once inflated (what DuckDB-WASM receives). */
  arrowBytes: count,
  /** sha256 of the Parquet file the copy was made from (also its cache key in the browser). */
  parquetSha256: z.string().regex(/^[0-9a-f]{64}$/, 'expected a sha256 as 64 lower-case hex digits'),
});

const browserCopiesIndex = z.object({
  format: z.literal('arrow-ipc-stream+gzip'),
  snapshotDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD'),
  tables: z.record(z.string(), browserCopy),
});

export type BrowserCopiesIndex = z.infer<typeof browserCopiesIndex>;

/** The index checked, or an Error naming `source` and each wrong field (`tables.arrivals.rows: …`). */
export function parseBrowserCopiesIndex(json: unknown, source: string): BrowserCopiesIndex {
  const result = browserCopiesIndex.safeParse(json);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.map(String).join('.') || '(the whole file)'}: ${issue.message}`);
  throw new Error(`${source}: ${problems.join('; ')} (the site build writes this file: build the site again)`);
}
