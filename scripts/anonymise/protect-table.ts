/**
 * One fact table, from its published rows to its protected rows and totals: aggregate, then
 * anonymise, with revisions of months an earlier public release published held back where their
 * changes would reveal something (hold-revisions.ts).
 *
 *   rows → compose (held months from the previous release's basis) → totals → check the changes
 *        → basis → disclosure control → check the changes again → published_<table>, totals_<table>
 *
 * Each check that holds a month more starts the table again from the composition. With no earlier
 * public release (or nothing revised) it runs once and the rows are used as they are.
 */
import { partitionGrainsSql } from '../../src/schema/disclosure.ts';
import type { TableName } from '../../src/schema/tables.ts';
import { buildTotalsTable } from '../aggregate/totals-table.ts';
import { sqlIdent, sqlString, type Db } from '../lib/duckdb.ts';
import { completePeriodSql } from './complete-periods.ts';
import { addDetailFlags } from './withheld-flags.ts';
import { protectCells } from './protect-partitions.ts';
import { changedMonths, composeRows, monthsToHold, monthsWithWithheldChanges, recordChanges, writeLedger, type Coverage, type HeldMonth, type RevisionBase } from './hold-revisions.ts';
import { basisRowsFile, basisTotalsFile } from './release-basis.ts';
import { NOTHING_WITHHELD, type DisclosureCounts } from './disclosure-counts.ts';

/** Who a build is for: the public (disclosure-controlled) or leadership on an intranet (unsuppressed, marked internal). */
export type Audience = 'public' | 'internal';

export interface ProtectTableInput {
  table: TableName;
  /** Temp table of the snapshot's published rows (publishedTableSql), in key order. Consumed. */
  rows: string;
  coverage: Coverage;
  audience: Audience;
  /** The previous public release and its basis, for the revision checks; null when there is none. */
  base: RevisionBase | null;
  /** The previous public release whose suppression pattern is kept (disclosure-control.ts). */
  frozenFrom: string | null;
  /** Where this release's basis is staged (public builds). */
  basisStaging: string | null;
  /** Runs a step under the progress display. */
  watch<T>(label: string, run: () => Promise<T>): Promise<T>;
}

export interface ProtectedTable {
  /** Temp tables holding what is published. */
  detail: string;
  totals: string;
  /** How many cells each rule withheld (for the analyst; the manifest gets the total only). */
  suppression: DisclosureCounts;
  /** Revised months published as the previous release had them, with why (for the analyst). */
  held: HeldMonth[];
  /** Revised months whose revision is published. */
  revised: string[];
}

export async function protectTable(db: Db, input: ProtectTableInput): Promise<ProtectedTable> {
  const { table, coverage, audience, base, basisStaging } = input;
  const detail = `published_${table}`;
  const totals = `totals_${table}`;
  // Public totals: complete periods only, and for a partitioned table each value's own grains.
  const complete = audience === 'public' ? `${completePeriodSql(coverage)} AND ${partitionGrainsSql(table, 't', sqlString)}` : 'true';
  const changed = base ? await changedMonths(db, table, input.rows, base, coverage) : [];
  const held: HeldMonth[] = [];
  const hold = (more: HeldMonth[]) => {
    const added = more.filter((m) => !held.some((h) => h.month === m.month));
    held.push(...added);
    return added.length > 0;
  };
  for (;;) {
    if (changed.length === 0) {
      await db.run(`DROP TABLE IF EXISTS ${sqlIdent(detail)}`);
      await db.run(`ALTER TABLE ${sqlIdent(input.rows)} RENAME TO ${sqlIdent(detail)}`);
    }
    else await composeRows(db, table, input.rows, base, held.map((h) => h.month), detail);
    await db.run('SET preserve_insertion_order = true');
    await input.watch(`${table}: totals`, () => buildTotalsTable(db, table, `SELECT * FROM ${sqlIdent(detail)}`, totals, complete));
    await db.run('SET preserve_insertion_order = false');
    if (base && changed.length > 0 && hold(monthsToHold(table, await recordChanges(db, table, totals, detail, base, coverage), changed))) continue;
    if (basisStaging) {
      await db.run(`COPY (SELECT * FROM ${sqlIdent(detail)}) TO ${sqlString(basisRowsFile(basisStaging, table))} (FORMAT parquet)`);
      await db.run(`COPY (SELECT * FROM ${sqlIdent(totals)}) TO ${sqlString(basisTotalsFile(basisStaging, table))} (FORMAT parquet)`);
    }
    let suppression: DisclosureCounts;
    if (audience === 'internal') {
      await addDetailFlags(db, table, detail);
      suppression = NOTHING_WITHHELD;
    } else {
      suppression = await input.watch(`${table}: disclosure control`, () => protectCells(db, table, { detail, totals, previousDir: input.frozenFrom }));
    }
    if (base && changed.length > 0 && hold(await monthsWithWithheldChanges(db, table, totals, detail, base, coverage, changed))) continue;
    if (basisStaging) await writeLedger(db, table, base, basisStaging, changed.length > 0);
    if (changed.length > 0) await db.run(`DROP TABLE IF EXISTS ${sqlIdent(input.rows)}`);
    held.sort((a, b) => (a.month < b.month ? -1 : 1));
    return { detail, totals, suppression, held, revised: changed.filter((m) => !held.some((h) => h.month === m)) };
  }
}
