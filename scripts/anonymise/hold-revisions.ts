/**
 * Revisions between public releases, protected (docs/disclosure-control.md, "Across releases").
 *
 * Anyone who kept an earlier public release can subtract it from the new one: the change of every
 * figure published in both is itself published. A late report of one person moves a national total
 * by exactly 1; a correction of a withheld row moves the totals above it by exactly that row's value.
 * So a revision of an already-published month is published only when its changes reveal nothing:
 *
 *   1. every figure it changes was published by the previous release and is published again (a
 *      withheld figure never changes: its change would be the change of the withheld cells under it,
 *      and a figure that becomes withheld would be pinned by its old value and the change);
 *   2. each change is at least k, as any published count must be, and the new value is not 1..k−1;
 *   3. the new value differs by 0 or by at least k from every value any earlier public release
 *      published for that figure (the ledger), so no run of releases adds up to a small change.
 *
 * Otherwise the month is held: its rows are those of the previous release (its basis), so every
 * figure of the month is published exactly as before and the revision waits until it can be
 * published so. Months are held whole, and a half-year or year figure that breaks a rule holds every
 * revised month in it. Rule 1 is checked again after disclosure control, which may withhold a
 * changed figure to protect another: its months are held too, and the table is protected again.
 *
 * Held months are published as they were, so within them the new release shows nothing the old one
 * did not; a published revision changes only figures that were and stay published, by k or more.
 * Cells withheld by both releases are then the same cells with the same values, and the attacker who
 * holds both releases has the same equations as one who holds the newest alone.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DISCLOSURE, measureDesign, partitionValues, protectedDetailMeasures, totalsDimensions, totalsTableName, withheldColumn, type DisclosureDesign, type PeriodGrain } from '../../src/schema/disclosure.ts';
import { TABLES, type TableName } from '../../src/schema/tables.ts';
import { queryRows, sqlIdent, sqlString, sqlStringList, type Db } from '../lib/duckdb.ts';
import { basisRowsFile, basisTotalsFile, ledgerFile } from './release-basis.ts';

export interface Coverage { from: string; to: string }

/** The previous public release a new one is compared with, and its basis. */
export interface RevisionBase {
  releaseDir: string;
  basisDir: string;
  /** The previous release's coverage: its months are the ones a revision can touch. */
  coverage: Coverage;
  snapshotDate: string;
}

/** Why a month is held, for the analyst (never published: it names a changed figure). */
export interface HeldMonth { month: string; reason: string }

const read = (file: string) => `read_parquet(${sqlString(file)})`;
const month = (sql: string) => `strftime(date_trunc('month', ${sql}), '%Y-%m')`;

/** SQL: the last month of a totals cell (grain as text). */
const periodEnd = (alias: string) => `(CASE ${alias}.grain::VARCHAR WHEN 'half' THEN ${alias}.period + INTERVAL 5 MONTH WHEN 'year' THEN ${alias}.period + INTERVAL 11 MONTH ELSE ${alias}.period END)`;

/** The months both releases cover: only those can hold a revision. */
function overlap(base: RevisionBase, coverage: Coverage): Coverage | null {
  const from = base.coverage.from > coverage.from ? base.coverage.from : coverage.from;
  const to = base.coverage.to < coverage.to ? base.coverage.to : coverage.to;
  return from <= to ? { from, to } : null;
}

const inMonths = (sql: string, scope: Coverage) => `(${sql} BETWEEN DATE ${sqlString(`${scope.from}-01`)} AND DATE ${sqlString(`${scope.to}-01`)})`;
const cellInScope = (alias: string, scope: Coverage) => `(${alias}.period >= DATE ${sqlString(`${scope.from}-01`)} AND ${periodEnd(alias)} <= DATE ${sqlString(`${scope.to}-01`)})`;

/** Measures protected by disclosure control (k set): only their changes can reveal a person. */
const protectedMeasures = (table: TableName) => DISCLOSURE[table].measures.filter((m) => m.k !== null);

/** Protected measures the public design publishes in the detail rows. */
const detailMeasures = (table: TableName) => protectedDetailMeasures(table, TABLES[table].rawColumns).filter((m) => measureDesign(table, m.name).publicDetail);

/** SQL over `alias` (view and grain as text): the cell is one the design publishes the measure in. */
function inDesign(design: DisclosureDesign, alias: string): string {
  return `(${design.views.map((v) => `(${alias}.view::VARCHAR = ${sqlString(v.name)} AND ${alias}.grain::VARCHAR IN (${v.grains.map((g: PeriodGrain) => sqlString(g)).join(', ')}))`).join(' OR ')})`;
}

const detailKey = (table: TableName) => TABLES[table].key;

/**
 * SQL over a detail row (alias): a row the public design publishes. A partitioned table publishes
 * the rows of the values whose design has detail rows only (src/schema/disclosure.ts).
 */
function publishedDetailRow(table: TableName, alias: string): string {
  const partition = DISCLOSURE[table].partition;
  if (!partition) return 'true';
  const values = partitionValues(table).filter((v) => partition.designs[v]!.publicDetail);
  return values.length === 0 ? 'false' : `${alias}.${sqlIdent(partition.column)}::VARCHAR IN (${sqlStringList(values)})`;
}
const totalsKey = (table: TableName) => ['view', 'grain', 'period', ...totalsDimensions(table)];
/** Key columns as text (ENUM, BOOLEAN and VARCHAR alike), so the new table and an earlier file compare. */
const asText = (columns: readonly string[], alias: string) => columns.map((c) => (c === 'period' ? `${alias}.period` : `${alias}.${sqlIdent(c)}::VARCHAR AS ${sqlIdent(c)}`));
const sameKey = (columns: readonly string[], a: string, b: string) => columns.map((c) => `${a}.${sqlIdent(c)}${c === 'period' ? '' : '::VARCHAR'} IS NOT DISTINCT FROM ${b}.${sqlIdent(c)}${c === 'period' ? '' : '::VARCHAR'}`).join(' AND ');
/** The text that names a cell in the ledger. */
const cellName = (kind: 'd' | 't', columns: readonly string[], alias: string) => `concat_ws('|', '${kind}', ${columns.map((c) => `coalesce(${alias}.${sqlIdent(c)}::VARCHAR, '')`).join(', ')})`;

/**
 * The months whose rows changed since the previous release (a count, or a row added or gone), among
 * the months both cover. Leaves `rev_rows_<table>`: the changed rows' keys, month and changes.
 */
export async function changedMonths(db: Db, table: TableName, rows: string, base: RevisionBase, coverage: Coverage): Promise<string[]> {
  const scope = overlap(base, coverage);
  const target = sqlIdent(`rev_rows_${table}`);
  const spec = TABLES[table];
  const counts = spec.rawColumns.filter((c) => c.isCount).map((c) => c.name);
  const key = detailKey(table);
  const period = sqlIdent(spec.periodColumn);
  const side = (source: string, sign: string) => `SELECT ${asText(key, 'r').join(', ')}, ${month(`r.${period}`)} AS __month, ${[...counts.map((c) => `${sign}coalesce(r.${sqlIdent(c)}, 0) AS ${sqlIdent(c)}`), `${sign}1 AS __rows`].join(', ')}
    FROM ${source} r WHERE ${scope ? inMonths(`date_trunc('month', r.${period})`, scope) : 'false'}`;
  const changes = [...counts, '__rows'].map((c) => `sum(${sqlIdent(c)}) AS ${sqlIdent(c)}`);
  await db.run(`CREATE OR REPLACE TEMP TABLE ${target} AS
    SELECT ${key.map(sqlIdent).join(', ')}, __month, ${changes.join(', ')} FROM (${side(sqlIdent(rows), '')} UNION ALL ${side(read(basisRowsFile(base.basisDir, table)), '-')})
    GROUP BY ALL HAVING ${[...counts, '__rows'].map((c) => `sum(${sqlIdent(c)}) <> 0`).join(' OR ')}`);
  return (await queryRows<{ month: string }>(db, `SELECT DISTINCT __month AS month FROM ${target} ORDER BY 1`)).map((r) => r.month);
}

/**
 * `target` = the new rows, with the held months' rows taken from the previous release's basis
 * instead, in key order and with the new rows' column types. With nothing held it is a copy of the
 * new rows in their order, so the published bytes are exactly those of the new rows.
 */
export async function composeRows(db: Db, table: TableName, rows: string, base: RevisionBase | null, held: readonly string[], target: string): Promise<void> {
  await db.run('SET preserve_insertion_order = true');
  try {
    if (!base || held.length === 0) {
      await db.run(`CREATE OR REPLACE TEMP TABLE ${sqlIdent(target)} AS SELECT * FROM ${sqlIdent(rows)}`);
      return;
    }
    const columns = await queryRows<{ column_name: string; column_type: string }>(db, `DESCRIBE ${sqlIdent(rows)}`);
    const period = sqlIdent(TABLES[table].periodColumn);
    const months = sqlStringList(held);
    const typed = columns.map((c) => `CAST(b.${sqlIdent(c.column_name)} AS ${c.column_type}) AS ${sqlIdent(c.column_name)}`).join(', ');
    const order = detailKey(table).map((c) => `${sqlIdent(c)}::VARCHAR`).join(', ');
    await db.run(`CREATE OR REPLACE TEMP TABLE ${sqlIdent(target)} AS SELECT * FROM (
      SELECT * FROM ${sqlIdent(rows)} WHERE ${month(period)} NOT IN (${months})
      UNION ALL SELECT ${typed} FROM ${read(basisRowsFile(base.basisDir, table))} b WHERE ${month(`b.${period}`)} IN (${months})) ORDER BY ${order}`);
  } finally {
    await db.run('SET preserve_insertion_order = false');
  }
}

/** The changed months a cell spans (a month, or every changed month of its half-year or year). */
const spannedMonths = (changed: readonly string[], from: string, to: string) => changed.filter((m) => m >= from && m <= to);

/** One figure a revision changes: a totals cell or a detail row, for one protected measure. */
export interface ChangedFigure {
  kind: 'totals' | 'detail';
  /** The cell's name in the ledger (its key as text). */
  cell: string;
  measure: string;
  /** First and last month the cell spans (YYYY-MM). */
  first: string;
  last: string;
  delta: number;
  now: number;
  /** What the previous release published (null when it withheld the cell or did not publish it). */
  before: number | null;
  /** The previous release's flag: true withheld, false published, null not published in this cell. */
  wasWithheld: boolean | null;
  /** The cell did not exist in the previous release: it published 0 there (zeros are shown). */
  absentBefore: boolean;
  /** Values earlier releases published for the cell before a revision replaced them (the ledger). */
  earlier: number[];
}

const CHANGES = (table: TableName) => `rev_changes_${table}`;

/**
 * Every figure (totals cell, and detail row where the design publishes the measure in them) whose
 * value differs from the previous release's basis, per protected measure, in the cells the design
 * publishes that measure in, with what the previous release published and what earlier releases did
 * (the ledger). Read from the new release's tables before disclosure control (true values); kept in
 * `rev_changes_<table>` for the checks after it and for the ledger.
 */
export async function recordChanges(db: Db, table: TableName, totals: string, detail: string, base: RevisionBase, coverage: Coverage): Promise<ChangedFigure[]> {
  const scope = overlap(base, coverage);
  await db.run(`CREATE OR REPLACE TEMP TABLE ${CHANGES(table)} (kind VARCHAR, cell VARCHAR, measure VARCHAR, first VARCHAR, last VARCHAR, delta BIGINT, now BIGINT, before BIGINT,
    was_withheld BOOLEAN, absent_before BOOLEAN, earlier BIGINT[])`);
  if (!scope) return [];
  const ledger = existsSync(ledgerFile(base.basisDir, table)) ? read(ledgerFile(base.basisDir, table)) : '(SELECT NULL::VARCHAR AS cell, NULL::VARCHAR AS measure, NULL::BIGINT AS value WHERE false)';
  const earlier = (kind: 'd' | 't', key: readonly string[], measure: string) => `(SELECT list(l.value::BIGINT ORDER BY l.value) FROM ${ledger} l WHERE l.cell = ${cellName(kind, key, 'd')} AND l.measure = ${sqlString(measure)})`;
  for (const measure of protectedMeasures(table)) {
    const m = sqlIdent(measure.name);
    const flag = sqlIdent(withheldColumn(measure.name));
    const design = measureDesign(table, measure.name);
    const key = totalsKey(table);
    const side = (source: string, sign: string) => `SELECT ${asText(key, 't').join(', ')}, ${sign}coalesce(t.${m}, 0) AS delta FROM ${source} t WHERE ${cellInScope('t', scope)} AND ${inDesign(design, 't')}`;
    await db.run(`INSERT INTO ${CHANGES(table)}
      WITH d AS (SELECT ${key.map(sqlIdent).join(', ')}, sum(delta) AS delta FROM (${side(sqlIdent(totals), '')} UNION ALL ${side(read(basisTotalsFile(base.basisDir, table)), '-')}) GROUP BY ALL HAVING sum(delta) <> 0)
      SELECT 'totals', ${cellName('t', key, 'd')}, ${sqlString(measure.name)}, strftime(d.period, '%Y-%m'), strftime(${periodEnd('d')}, '%Y-%m'), d.delta,
        coalesce(n.${m}, 0), p.${m}, p.${flag}, p.view IS NULL, ${earlier('t', key, measure.name)}
      FROM d LEFT JOIN ${sqlIdent(totals)} n ON ${sameKey(key, 'n', 'd')}
      LEFT JOIN ${read(join(base.releaseDir, `${totalsTableName(table)}.parquet`))} p ON ${sameKey(key, 'p', 'd')}`);
    const previousDetail = join(base.releaseDir, `${table}.parquet`);
    if (!detailMeasures(table).some((d) => d.name === measure.name) || !existsSync(previousDetail)) continue;
    const dkey = detailKey(table);
    const period = sqlIdent(TABLES[table].periodColumn);
    const rowSide = (source: string, sign: string) => `SELECT ${asText(dkey, 'r').join(', ')}, ${sign}coalesce(r.${m}, 0) AS delta FROM ${source} r WHERE ${inMonths(`date_trunc('month', r.${period})`, scope)} AND ${publishedDetailRow(table, 'r')}`;
    await db.run(`INSERT INTO ${CHANGES(table)}
      WITH d AS (SELECT ${dkey.map(sqlIdent).join(', ')}, sum(delta) AS delta FROM (${rowSide(sqlIdent(detail), '')} UNION ALL ${rowSide(read(basisRowsFile(base.basisDir, table)), '-')}) GROUP BY ALL HAVING sum(delta) <> 0)
      SELECT 'detail', ${cellName('d', dkey, 'd')}, ${sqlString(measure.name)}, ${month(`d.${period}::DATE`)}, ${month(`d.${period}::DATE`)}, d.delta,
        coalesce(n.${m}, 0), p.${m}, p.${flag}, p.${sqlIdent(dkey[0]!)} IS NULL, ${earlier('d', dkey, measure.name)}
      FROM d LEFT JOIN ${sqlIdent(detail)} n ON ${sameKey(dkey, 'n', 'd')} LEFT JOIN ${read(previousDetail)} p ON ${sameKey(dkey, 'p', 'd')}`);
  }
  const rows = await queryRows<{ kind: 'totals' | 'detail'; cell: string; measure: string; first: string; last: string; delta: bigint; now: bigint; before: bigint | null; was_withheld: boolean | null; absent_before: boolean; earlier: bigint[] | null }>(db, `SELECT * FROM ${CHANGES(table)} ORDER BY kind, cell, measure`);
  return rows.map((c) => ({ kind: c.kind, cell: c.cell, measure: c.measure, first: c.first, last: c.last, delta: Number(c.delta), now: Number(c.now), before: c.before === null ? null : Number(c.before),
    wasWithheld: c.was_withheld, absentBefore: c.absent_before, earlier: (c.earlier ?? []).map(Number) }));
}

/** A figure the previous release published (a cell absent then was published as 0). */
const publishedBefore = (c: ChangedFigure) => c.wasWithheld === false || c.absentBefore;

/** Why publishing this change would reveal something, or null when it may be published. */
export function unsafeChange(c: ChangedFigure, k: number): string | null {
  if (c.wasWithheld === true) return 'changes a figure the previous release withheld';
  if (!publishedBefore(c)) return null; // not published in this cell: there is no change to see
  if (Math.abs(c.delta) < k) return `changes a published figure by less than k = ${k}`;
  if (c.now >= 1 && c.now < k) return `would make a published figure 1..${k - 1} (withheld)`;
  if (c.earlier.some((w) => w !== c.now && Math.abs(c.now - w) < k)) return `differs by less than k = ${k} from a value an earlier release published`;
  return null;
}

const kOf = (table: TableName, measure: string) => DISCLOSURE[table].measures.find((m) => m.name === measure)!.k!;

/**
 * Before disclosure control: the revised months that must be held so that the changed figures
 * (recordChanges) change nothing an attacker could use. Held months have no changes left, so the
 * caller holds these too and composes again, until none is returned.
 */
export function monthsToHold(table: TableName, changes: readonly ChangedFigure[], changed: readonly string[]): HeldMonth[] {
  const held = new Map<string, string>();
  for (const c of changes) {
    const reason = unsafeChange(c, kOf(table, c.measure));
    if (!reason) continue;
    for (const m of spannedMonths(changed, c.first, c.last)) if (!held.has(m)) held.set(m, `${c.measure} ${c.cell}: ${reason}`);
  }
  return [...held].map(([month, reason]) => ({ month, reason }));
}

/**
 * After disclosure control: revised months with a changed figure that the new release withholds
 * (to protect another cell). Its old value and its change would pin it: the caller holds the month
 * and protects the table again.
 */
export async function monthsWithWithheldChanges(db: Db, table: TableName, totals: string, detail: string, base: RevisionBase, coverage: Coverage, changed: readonly string[]): Promise<HeldMonth[]> {
  const scope = overlap(base, coverage);
  if (!scope) return [];
  const parts: string[] = [];
  for (const measure of protectedMeasures(table)) {
    const flag = sqlIdent(withheldColumn(measure.name));
    parts.push(`SELECT 'totals' AS kind, ${cellName('t', totalsKey(table), 'd')} AS cell, ${sqlString(measure.name)} AS measure, d.${flag} AS withheld FROM ${sqlIdent(totals)} d WHERE ${cellInScope('d', scope)} AND d.${flag}`);
    if (detailMeasures(table).some((x) => x.name === measure.name)) {
      const hasFlag = (await queryRows<{ column_name: string }>(db, `DESCRIBE ${sqlIdent(detail)}`)).some((c) => c.column_name === withheldColumn(measure.name));
      if (hasFlag) parts.push(`SELECT 'detail', ${cellName('d', detailKey(table), 'd')}, ${sqlString(measure.name)}, d.${flag} FROM ${sqlIdent(detail)} d WHERE d.${flag}`);
    }
  }
  const rows = await queryRows<{ cell: string; measure: string; first: string; last: string }>(db, `SELECT c.cell, c.measure, c.first, c.last FROM ${CHANGES(table)} c
    JOIN (${parts.join(' UNION ALL ')}) w ON w.kind = c.kind AND w.cell = c.cell AND w.measure = c.measure
    WHERE c.was_withheld = false OR c.absent_before`);
  const held = new Map<string, string>();
  for (const c of rows) for (const m of spannedMonths(changed, c.first, c.last)) if (!held.has(m)) held.set(m, `${c.measure} ${c.cell}: a changed figure withheld to protect another`);
  return [...held].map(([month, reason]) => ({ month, reason }));
}

/**
 * The new release's ledger: the previous one's, plus what the previous release published for every
 * figure this release revises (the last recordChanges, after the held months were composed in: so
 * only revisions that are published; `recorded` false when nothing was revised). Written into the
 * new release's basis staging folder.
 */
export async function writeLedger(db: Db, table: TableName, base: RevisionBase | null, stagingDir: string, recorded: boolean): Promise<number> {
  const previous = base && existsSync(ledgerFile(base.basisDir, table)) ? [`SELECT cell, measure, value::BIGINT AS value FROM ${read(ledgerFile(base.basisDir, table))}`] : [];
  const added = base && recorded ? [`SELECT cell, measure, CASE WHEN absent_before THEN 0 ELSE before END AS value FROM ${CHANGES(table)} WHERE was_withheld = false OR absent_before`] : [];
  const parts = [...previous, ...added];
  const sql = parts.length > 0 ? parts.join(' UNION ALL ') : 'SELECT NULL::VARCHAR AS cell, NULL::VARCHAR AS measure, NULL::BIGINT AS value WHERE false';
  await db.run(`COPY (SELECT DISTINCT * FROM (${sql}) ORDER BY ALL) TO ${sqlString(ledgerFile(stagingDir, table))} (FORMAT parquet)`);
  return base && recorded ? Number((await queryRows<{ n: bigint }>(db, `SELECT count(*) AS n FROM ${CHANGES(table)} WHERE was_withheld = false OR absent_before`))[0]!.n) : 0;
}
