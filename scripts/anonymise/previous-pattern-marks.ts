/**
 * Step 2 of disclosure control, "frozen": cells the previous public release withheld stay withheld
 * (rule frozen unless primary anyway); cells it published with the value they have now are known
 * to anyone holding both releases, so they can neither hide a cell nor be relied on as hidden.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { totalsDimensions, totalsTableName, withheldColumn } from '../../src/schema/disclosure.ts';
import { TABLES } from '../../src/schema/tables.ts';
import { queryRows, sqlIdent, sqlString, type Db } from '../lib/duckdb.ts';
import { coarseness } from './cell-preference.ts';
import type { DisclosureInput, MeasureContext } from './disclosure-context.ts';
import { inDesignSql, TOTALS_ID_OFFSET } from './linear-relations.ts';
import { FROZEN } from './marked-cells.ts';

async function hasColumn(db: Db, file: string, column: string): Promise<boolean> {
  const rows = await queryRows<{ column_name: string }>(db, `DESCRIBE SELECT * FROM read_parquet(${sqlString(file)})`);
  return rows.some((r) => r.column_name === column);
}

/**
 * The previous release's withheld and known cells as marks (mark-cells.ts), read into the temp
 * table `sdc_previous` (dropped by the caller once the cells table is made). None without a
 * previous release.
 */
export async function previousPatternMarks(ctx: MeasureContext, input: DisclosureInput): Promise<string[]> {
  if (!input.previousDir) return [];
  const { db, table, measure, design } = ctx;
  const flag = withheldColumn(measure);
  const m = sqlIdent(measure);
  const files = [
    ...(design.publicDetail ? [{ file: join(input.previousDir, `${table}.parquet`), rows: input.detail, key: TABLES[table].key, offset: 0n, inDesign: 'true', coarseness: '0' }] : []),
    { file: join(input.previousDir, `${totalsTableName(table)}.parquet`), rows: input.totals, key: ['view', 'grain', 'period', ...totalsDimensions(table)], offset: TOTALS_ID_OFFSET, inDesign: inDesignSql(table, design), coarseness: coarseness(table, design) },
  ];
  await db.run('CREATE OR REPLACE TEMP TABLE sdc_previous (id BIGINT, value BIGINT, coarseness INTEGER, withheld BOOLEAN, previous BIGINT)');
  for (const f of files) {
    if (!existsSync(f.file) || !(await hasColumn(db, f.file, flag))) continue;
    const on = f.key.map((c) => `p.${sqlIdent(c)} IS NOT DISTINCT FROM t.${sqlIdent(c)}`).join(' AND ');
    await db.run(`INSERT INTO sdc_previous SELECT ${f.offset} + t.rowid, t.${m}::BIGINT, ${f.coarseness}, p.${sqlIdent(flag)}, p.${m}::BIGINT
      FROM ${sqlIdent(f.rows)} t JOIN read_parquet(${sqlString(f.file)}) p ON ${on} WHERE ${f.inDesign}`);
  }
  // A null flag is a cell the previous release did not publish at all: neither frozen nor known.
  const frozen = 'coalesce(withheld, false)';
  const known = 'coalesce(NOT withheld AND previous = value, false)';
  return [`SELECT id, value, coarseness, CASE WHEN ${frozen} THEN ${FROZEN} ELSE 0 END, ${known}, false FROM sdc_previous WHERE ${frozen} OR ${known}`];
}
