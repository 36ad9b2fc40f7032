/**
 * The published form of a suppression pattern: each protected measure's `<measure>_withheld` flag
 * beside it, the measure null and the flag true in every withheld cell, and measure and flag both
 * null where the measure's design does not publish it.
 */
import { protectedDetailMeasures, withheldColumn } from '../../src/schema/disclosure.ts';
import { TABLES, type TableName } from '../../src/schema/tables.ts';
import { sqlIdent, type Db } from '../lib/duckdb.ts';
import type { MeasureContext } from './disclosure-context.ts';
import { inDesignSql, TOTALS_ID_OFFSET } from './linear-relations.ts';

/** The detail rows' `<measure>_withheld` columns, all false: what an internal (unsuppressed) build publishes. */
export async function addDetailFlags(db: Db, table: TableName, detail: string): Promise<void> {
  for (const m of protectedDetailMeasures(table, TABLES[table].rawColumns)) {
    await db.run(`ALTER TABLE ${sqlIdent(detail)} ADD COLUMN IF NOT EXISTS ${sqlIdent(withheldColumn(m.name))} BOOLEAN DEFAULT false`);
  }
}

/** Publishes one measure's pattern (its cells with rule > 0, marked-cells.ts) into the detail rows and `totals`. */
export async function publishPattern(ctx: MeasureContext, totals: string): Promise<void> {
  const { db, table, design, detail, cells } = ctx;
  const m = sqlIdent(ctx.measure);
  const flag = sqlIdent(withheldColumn(ctx.measure));
  await db.run(`UPDATE ${sqlIdent(detail)} SET ${m} = NULL, ${flag} = true
      WHERE rowid IN (SELECT id FROM ${sqlIdent(cells)} WHERE rule > 0 AND id < ${TOTALS_ID_OFFSET})`);
  await db.run(`UPDATE ${sqlIdent(totals)} SET ${m} = NULL, ${flag} = true
      WHERE rowid IN (SELECT id - ${TOTALS_ID_OFFSET} FROM ${sqlIdent(cells)} WHERE rule > 0 AND id >= ${TOTALS_ID_OFFSET})`);
  // Cells outside the design are not published at all: null, with a null flag.
  await db.run(`UPDATE ${sqlIdent(totals)} t SET ${m} = NULL, ${flag} = NULL WHERE NOT ${inDesignSql(table, design)}`);
  if (!design.publicDetail) await db.run(`UPDATE ${sqlIdent(detail)} SET ${m} = NULL, ${flag} = NULL`);
}
