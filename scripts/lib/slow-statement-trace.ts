/**
 * With PANTAU_TRACE_SQL=<seconds>, every DuckDB statement that takes at least that long is printed
 * on stderr with its time and the start of its SQL: the quickest way to see which statement of a
 * stage a large file's time goes to (docs/benchmarks.md). Off unless the variable is set.
 */
import type { DuckDBConnection } from '@duckdb/node-api';

export function traceSlowStatements(connection: DuckDBConnection, atLeastSeconds: number): void {
  // runAndRead and runAndReadAll go through run, so timing run times every statement once.
  const run = connection.run.bind(connection);
  connection.run = async (...args: Parameters<DuckDBConnection['run']>) => {
    const started = performance.now();
    const result = await run(...args);
    const seconds = (performance.now() - started) / 1000;
    if (seconds >= atLeastSeconds) process.stderr.write(`      [sql ${seconds.toFixed(2)} s] ${args[0].replace(/\s+/g, ' ').slice(0, Number(process.env.PANTAU_TRACE_SQL_CHARS ?? 200))}\n`);
    return result;
  };
}
