/**
 * Disclosure control of one table's cells, by design: one call for a table with one design; for a
 * table whose quantities need designs of their own (`partition` in src/schema/disclosure.ts:
 * registry's mixed marriages, a flow of small counts, and foreign residents, a stock), each value's
 * detail rows and totals are split off into tables of their own, protected with that value's design
 * (they never add up with another value's: every view breaks down by the partition column), and put
 * back in publication order. Detail rows of a value whose public design has none are left out of
 * the detail table: an unpublished row would still tell that its cell is not zero.
 */
import { DISCLOSURE, measureDesign, partitionValues } from '../../src/schema/disclosure.ts';
import type { TableName } from '../../src/schema/tables.ts';
import { countRows, sqlIdent, sqlString, sqlStringList, type Db } from '../lib/duckdb.ts';
import type { DisclosureInput } from './disclosure-context.ts';
import { applyDisclosureControl } from './disclosure-control.ts';
import type { DisclosureCounts, MeasureRuleCounts } from './disclosure-counts.ts';

/** Counts of several partitions as one table's. */
function combine(parts: readonly DisclosureCounts[]): DisclosureCounts {
  const measures: Record<string, MeasureRuleCounts> = {};
  for (const p of parts) {
    for (const [name, m] of Object.entries(p.measures)) {
      const sum = measures[name];
      measures[name] = sum
        ? { k: Math.max(sum.k, m.k), primary: sum.primary + m.primary, secondary: sum.secondary + m.secondary, frozen: sum.frozen + m.frozen, lpSolves: sum.lpSolves + m.lpSolves, auditRounds: Math.max(sum.auditRounds, m.auditRounds), unresolved: sum.unresolved + m.unresolved, derivable: sum.derivable + m.derivable }
        : { ...m };
    }
  }
  const ks = parts.map((p) => p.k).filter((k): k is number => k !== null);
  return {
    k: ks.length > 0 ? Math.max(...ks) : null,
    primary: parts.reduce((n, p) => n + p.primary, 0),
    secondary: parts.reduce((n, p) => n + p.secondary, 0),
    frozen: parts.reduce((n, p) => n + p.frozen, 0),
    audited: parts.every((p) => p.audited),
    lpSolves: parts.reduce((n, p) => n + p.lpSolves, 0),
    seconds: Math.round(parts.reduce((n, p) => n + p.seconds, 0) * 100) / 100,
    measures,
  };
}

export async function protectCells(db: Db, table: TableName, input: DisclosureInput): Promise<DisclosureCounts> {
  const partition = DISCLOSURE[table].partition;
  if (!partition) return applyDisclosureControl(db, table, input);
  const column = sqlIdent(partition.column);
  const parts: DisclosureCounts[] = [];
  const pieces: { detail: string; totals: string; publicDetail: boolean }[] = [];
  await db.run('SET preserve_insertion_order = true');
  try {
    for (const value of partitionValues(table)) {
      const piece = { detail: `${input.detail}__${value}`, totals: `${input.totals}__${value}`, publicDetail: measureDesign(table, DISCLOSURE[table].measures[0]!.name, value).publicDetail };
      await db.run(`CREATE OR REPLACE TEMP TABLE ${sqlIdent(piece.detail)} AS SELECT *, rowid AS __position FROM ${sqlIdent(input.detail)} WHERE ${column} = ${sqlString(value)}`);
      await db.run(`CREATE OR REPLACE TEMP TABLE ${sqlIdent(piece.totals)} AS SELECT *, rowid AS __position FROM ${sqlIdent(input.totals)} WHERE ${column} = ${sqlString(value)}`);
      parts.push(await applyDisclosureControl(db, table, { ...input, detail: piece.detail, totals: piece.totals, partition: value }));
      pieces.push(piece);
    }
    // Every cell belongs to one partition: the tables are put back whole.
    const outside = await countRows(db, `SELECT 1 FROM ${sqlIdent(input.totals)} WHERE ${column} IS NULL OR ${column}::VARCHAR NOT IN (${sqlStringList(partitionValues(table))})`);
    if (outside > 0) throw new Error(`${table}: ${outside} totals rows have a ${partition.column} no design in src/schema/disclosure.ts is for`);
    const union = (tables: readonly string[]) => (tables.length === 0 ? null : tables.map((t) => `SELECT * FROM ${sqlIdent(t)}`).join(' UNION ALL '));
    const detailParts = union(pieces.filter((p) => p.publicDetail).map((p) => p.detail));
    await db.run(`CREATE OR REPLACE TEMP TABLE ${sqlIdent(input.detail)} AS ${detailParts ? `SELECT * EXCLUDE (__position) FROM (${detailParts}) ORDER BY __position` : `SELECT * EXCLUDE (__position) FROM ${sqlIdent(pieces[0]!.detail)} WHERE false`}`);
    await db.run(`CREATE OR REPLACE TEMP TABLE ${sqlIdent(input.totals)} AS SELECT * EXCLUDE (__position) FROM (${union(pieces.map((p) => p.totals))}) ORDER BY __position`);
    for (const p of pieces) await db.run(`DROP TABLE IF EXISTS ${sqlIdent(p.detail)}; DROP TABLE IF EXISTS ${sqlIdent(p.totals)}`);
  } finally {
    await db.run('SET preserve_insertion_order = false');
  }
  return combine(parts);
}
