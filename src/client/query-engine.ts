/**
 * The in-browser query engine: DuckDB-WASM in a Web Worker, over the published tables.
 * Browser-only (imported from client scripts; never from .astro frontmatter or src/build).
 *
 *   const engine = await getQueryEngine();
 *   const rows = await engine.query<{ period: string; count: number }>(
 *     "SELECT period, count FROM arrivals_totals WHERE view = 'total' AND grain = 'month' ORDER BY period");
 *
 * - Tables are named like the published files (`arrivals`, `arrivals_totals`, `provinces`, ...; the
 *   list is the manifest's). Each is loaded on first use: a query's text is scanned for the names
 *   it mentions and only those are fetched, so a page that needs `arrivals_totals` fetches only it.
 * - What is fetched is the table's browser copy (/data/browser/<table>.arrow.gz, Arrow IPC made
 *   from the Parquet at build time; see src/build/browser-copies.ts and docs/architecture.md):
 *   DuckDB-WASM 1.29+ has no Parquet reader, and extension autoloading is switched off so it never
 *   tries to fetch one from another host.
 * - The wasm and worker files are Vite `?url` imports: fingerprinted files under /_astro/, served
 *   by the site and cacheable for ever (a new DuckDB-WASM version gets a new name). Data copies are
 *   fetched with `?v=<Parquet sha256>` so a new publication is never mixed with a cached old one.
 * - Nothing here runs at import time: the ~5 MB (brotli) engine starts on the first
 *   getQueryEngine() call. Use scheduleQueryEngine() to start it once the page has painted.
 *
 * Rows are plain objects: integers (BIGINT, HUGEINT sums) become numbers (an error if one is
 * beyond 2^53), DATE becomes a 'YYYY-MM-DD' string, TIMESTAMP an ISO string, decimals numbers.
 * Strings of the same shape as native DuckDB's at build time, so one chart definition gets the
 * same rows in both places; use `new Date(`${d}T00:00:00Z`)` where a Date is wanted.
 */

export type QueryValue = string | number | boolean | null;
export type QueryRow = Record<string, QueryValue>;

export interface QueryEngine {
  /** Runs one SQL statement and returns its rows as plain objects (see the module comment for types). */
  query<T extends object = QueryRow>(sql: string): Promise<T[]>;
  /** Loads tables ahead of a query (e.g. while the user picks a filter). */
  preload(tables: readonly string[]): Promise<void>;
  /** Tables that can be queried: every file of the publication. */
  readonly tables: readonly string[];
  /** Snapshot date of the publication (YYYY-MM-DD). */
  readonly snapshotDate: string;
  /** Which DuckDB-WASM build feature detection chose: 'eh' (wasm exceptions) or 'mvp'. */
  readonly bundle: 'eh' | 'mvp';
  /** DuckDB version inside DuckDB-WASM, e.g. "v1.4.3". */
  readonly version: string;
}

export type QueryEnginePhase = 'idle' | 'engine' | 'tables' | 'ready' | 'error';

export interface QueryEngineProgress {
  phase: QueryEnginePhase;
  /** Bytes received so far of what is being loaded (engine or tables); total may be 0 when unknown. */
  loaded: number;
  total: number;
  /** 0..1, or null when the total is unknown. */
  fraction: number | null;
  error?: string;
  /** DuckDB version of the engine, once it is ready (e.g. "v1.4.3"). */
  engineVersion?: string;
  /** Started ahead of need (the idle prefetch) and nobody waits for it yet: nothing to announce. */
  background?: boolean;
}

type ProgressListener = (progress: QueryEngineProgress) => void;

const listeners = new Set<ProgressListener>();
let lastProgress: QueryEngineProgress = { phase: 'idle', loaded: 0, total: 0, fraction: null };

/** True once something waits for the engine (a filter, a query): its progress is then announced. */
let awaited = false;

function report(progress: QueryEngineProgress): void {
  lastProgress = { ...progress, background: !awaited };
  for (const listener of listeners) listener(progress);
}

/** Calls `listener` with the current state at once and on every change; returns an unsubscribe. */
export function onQueryEngineProgress(listener: ProgressListener): () => void {
  listeners.add(listener);
  listener(lastProgress);
  return () => listeners.delete(listener);
}

/**
 * Published table names a SQL text mentions, as whole words: `arrivals_totals` does not load
 * `arrivals`. A name inside a string literal also counts — loading one table too many is harmless.
 */
export function referencedTables(sql: string, tables: readonly string[]): string[] {
  const words = new Set(sql.toLowerCase().match(/[a-z_][a-z0-9_]*/g) ?? []);
  return tables.filter((table) => words.has(table));
}

let engine: Promise<QueryEngine> | null = null;

/**
 * The query engine, started on the first call (the same promise afterwards). `background`: started
 * ahead of need (src/client/engine-prefetch.ts), so its progress is not announced until a call
 * without it comes, which then shows where loading has got to.
 */
export function getQueryEngine(options: { background?: boolean } = {}): Promise<QueryEngine> {
  if (!options.background && !awaited) {
    awaited = true;
    if (engine) report(lastProgress);
  }
  if (!engine) {
    // DuckDB-WASM's JavaScript (and Arrow) is a chunk of its own, fetched only now.
    engine = import('./duckdb-engine.ts').then(({ startEngine }) => startEngine(report));
    engine.catch((error: unknown) => {
      engine = null; // a later call tries again
      report({ phase: 'error', loaded: 0, total: 0, fraction: null, error: error instanceof Error ? error.message : String(error) });
    });
  }
  return engine;
}

/**
 * Starts the engine once the page has loaded and painted, when the browser is idle, so it never
 * competes with first render. Pages whose charts are already pre-rendered may instead wait for
 * the first filter change and call getQueryEngine() then.
 */
export function scheduleQueryEngine(): Promise<QueryEngine> {
  return new Promise((resolve, reject) => {
    const start = () => getQueryEngine().then(resolve, reject);
    const whenIdle = () => ('requestIdleCallback' in window ? requestIdleCallback(start, { timeout: 2000 }) : setTimeout(start, 200));
    if (document.readyState === 'complete') whenIdle();
    else window.addEventListener('load', whenIdle, { once: true });
  });
}
