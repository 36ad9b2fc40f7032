/**
 * Query results in one shape in both engines (native DuckDB at build time, DuckDB-WASM in the
 * browser), so one SQL text gives equal rows: integers as numbers, an error beyond 2^53, and a
 * DATE as "YYYY-MM-DD". Runtime-neutral.
 */

/** A BIGINT or HUGEINT as a JavaScript number, or an error naming the column when it would round. */
export function exactNumber(value: bigint, column: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER)) throw new Error(`query result: ${column} = ${value} does not fit a JS number exactly`);
  return Number(value);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A DATE (its UTC day) as "YYYY-MM-DD". */
export const isoDay = (date: Date): string => `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
