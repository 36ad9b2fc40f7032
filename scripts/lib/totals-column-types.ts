/**
 * The SQL types of the totals' `view` and `grain` columns: ENUMs, not text. Every copy, sort and
 * join of the 21 M totals of 20 M arrival rows carried the two strings (for the disclosure-control
 * keys, half the cost of the copy), and every filter on a view compared them; an ENUM is one byte.
 * The Parquet writer writes an ENUM as a text column, so the published files keep their types.
 *
 * Comparing an ENUM column with a text literal makes DuckDB cast the column to text on every row,
 * so SQL over these columns writes its literals with `viewLiteral` and `grainLiteral`.
 */
import { DISCLOSURE, PERIOD_GRAINS, type PeriodGrain } from '../../src/schema/disclosure.ts';
import { sqlString, sqlStringList, type Db } from './duckdb.ts';

export const TOTALS_VIEW_TYPE = 'totals_view';
export const PERIOD_GRAIN_TYPE = 'period_grain';

/** Every view name of every table, once: one type serves all tables. */
const VIEW_NAMES = [...new Set(Object.values(DISCLOSURE).flatMap((rule) => rule.views.map((v) => v.name)))];

/** Creates both types in `db` unless they exist (the totals builder calls it before making any totals). */
export async function createTotalsColumnTypes(db: Db): Promise<void> {
  await db.run(`CREATE TYPE IF NOT EXISTS ${TOTALS_VIEW_TYPE} AS ENUM (${sqlStringList(VIEW_NAMES)})`);
  await db.run(`CREATE TYPE IF NOT EXISTS ${PERIOD_GRAIN_TYPE} AS ENUM (${sqlStringList(PERIOD_GRAINS)})`);
}

/** A view name as a value of the `view` column. */
export function viewLiteral(name: string): string {
  if (!VIEW_NAMES.includes(name)) throw new Error(`no view ${name} in src/schema/disclosure.ts`);
  return `${sqlString(name)}::${TOTALS_VIEW_TYPE}`;
}

/** A grain as a value of the `grain` column. */
export const grainLiteral = (grain: PeriodGrain): string => `${sqlString(grain)}::${PERIOD_GRAIN_TYPE}`;
