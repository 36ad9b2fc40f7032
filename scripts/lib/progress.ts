/**
 * Progress on an interactive terminal; silent in CI and when output is piped.
 *
 * Each finished stage prints one line with its rows/s. While a long stage runs (reading a 20 M-row
 * export takes about 20 s), a live line under it shows the elapsed time and DuckDB's own progress
 * through the query it is running: the share done and, for a file scan, the rows read so far.
 */
import type { Db } from './duckdb.ts';
import { reportNumber } from './report-numbers.ts';

export interface Progress {
  step(message: string): void;
  rows(label: string, rows: number, startedAt: number): void;
  /** Runs `work`, showing a live line for `label` until it settles; just runs it when quiet. */
  watch<T>(label: string, db: Db, work: () => Promise<T>): Promise<T>;
}

/** Where progress goes: stderr, or a test's stand-in. */
export interface ProgressSink {
  isTTY?: boolean;
  write(text: string): unknown;
}

export interface ProgressOptions {
  sink?: ProgressSink;
  /** How often the live line is redrawn. */
  intervalMs?: number;
}

const interactive = (sink: ProgressSink) => Boolean(sink.isTTY) && !process.env.CI;

/** ANSI: back to the start of the line and clear it. */
const CLEAR_LINE = '\r\x1b[2K';

/** The live line's text: elapsed seconds, then whatever DuckDB can say about the current query. */
export function liveProgressLine(label: string, seconds: number, query: { percentage: number; rows_processed: bigint; total_rows_to_process: bigint }): string {
  const parts = [`  ${label}: ${seconds.toFixed(0)} s`];
  if (query.percentage > 0) parts.push(`current query ${Math.min(query.percentage, 100).toFixed(0)} %`);
  const done = Number(query.rows_processed);
  const total = Number(query.total_rows_to_process);
  if (done > 0) parts.push(total > 0 ? `${reportNumber(done)} of ~${reportNumber(total)} rows` : `${reportNumber(done)} rows`);
  return parts.join(' · ');
}

export function createProgress(quiet?: boolean, options: ProgressOptions = {}): Progress {
  const sink = options.sink ?? process.stderr;
  const silent = quiet ?? !interactive(sink);
  const intervalMs = options.intervalMs ?? 500;
  const trackedConnections = new WeakSet<Db>();
  return {
    step(message) {
      if (!silent) sink.write(`${message}\n`);
    },
    rows(label, rows, startedAt) {
      if (silent) return;
      const seconds = (performance.now() - startedAt) / 1000;
      sink.write(`  ${label}: ${reportNumber(rows)} rows in ${seconds.toFixed(2)} s (${reportNumber(rows / Math.max(seconds, 1e-6))} rows/s)\n`);
    },
    async watch(label, db, work) {
      // A live line needs a terminal that redraws in place; a log would fill with them.
      if (silent || !sink.isTTY) return work();
      if (!trackedConnections.has(db)) {
        // DuckDB tracks a query's progress only when its progress bar is on; it prints nothing
        // itself (print off), and starts tracking at once instead of after two seconds.
        await db.run('SET enable_progress_bar = true; SET enable_progress_bar_print = false; SET progress_bar_time = 0');
        trackedConnections.add(db);
      }
      const started = performance.now();
      const timer = setInterval(() => {
        sink.write(CLEAR_LINE + liveProgressLine(label, (performance.now() - started) / 1000, db.progress));
      }, intervalMs);
      try {
        return await work();
      } finally {
        clearInterval(timer);
        sink.write(CLEAR_LINE);
      }
    },
  };
}
