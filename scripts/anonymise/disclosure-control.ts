/**
 * Disclosure control (statistical disclosure control, "SDC") for one fact table: decides which
 * cells of `<table>.parquet` and `<table>_totals.parquet` are withheld, then nulls their measure
 * and sets `<measure>_withheld`. Both files are protected together, since the site shows both.
 *
 * Per protected measure (k from src/schema/disclosure.ts), in order:
 *   1. primary    counts 1..k−1, in the detail rows and in every total (zeros stay visible)
 *   2. frozen     cells the previous publication withheld stay withheld, so two snapshots side by
 *                 side reveal nothing; cells it published with the same value count as known
 *   3. secondary  every relation (scripts/anonymise/linear-relations.ts) with exactly one hidden
 *                 cell gets its smallest published cell withheld too, until no relation has one
 *   4. audit      an LP proves every hidden cell's feasible range is at least k wide
 *                 (audit-feasible-ranges.ts); where it is not, the smallest published cell in a
 *                 relation with the failing cell is withheld, and 3–4 run again to a fixpoint.
 *
 * Primary suppression and the relation bookkeeping are DuckDB SQL; only hidden cells and the
 * published totals that contain them reach the LP. docs/disclosure-control.md explains the method.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DISCLOSURE, PERIOD_GRAINS, protectedDetailMeasures, totalsDimensions, totalsTableName, withheldColumn } from '../../src/schema/disclosure.ts';
import type { SuppressionCounts } from '../../src/schema/manifest.ts';
import { TABLES, type TableName } from '../../src/schema/tables.ts';
import { queryRows, sqlIdent, sqlString, type Db } from '../lib/duckdb.ts';
import { auditFeasibleRanges, LP_WORK } from './audit-feasible-ranges.ts';
import { RELATION_SLOTS, relationStatements, TOTALS_ID_OFFSET } from './linear-relations.ts';

export type Audience = 'public' | 'internal';

export interface DisclosureInput {
  /** Materialised published rows (publishedTableSql), in publication order. */
  detail: string;
  /** Materialised totals (totalsTableSql over `detail`), in publication order. */
  totals: string;
  /**
   * The previous public release folder, when it holds an earlier (or the same) snapshot: its
   * withheld cells stay withheld.
   */
  previousDir: string | null;
}

const trace = (message: string) => { if (process.env.PANTAU_TRACE) process.stderr.write(`  [sdc ${(performance.now() / 1000).toFixed(1)}s] ${message}\n`); };

/** Rule codes stored per cell while the pattern is built. */
const PRIMARY = 1;
const FROZEN = 2;
const SECONDARY = 3;

/** A half-year or year total is published only once all its months are in the coverage: a year-to-date figure would change from snapshot to snapshot, and the difference would reveal the newest month's withheld cells. */
export function completePeriodSql(coverage: { from: string; to: string }): string {
  const end = "CASE grain WHEN 'half' THEN period + INTERVAL 5 MONTH WHEN 'year' THEN period + INTERVAL 11 MONTH ELSE period END";
  return `(grain = 'month' OR (period >= DATE ${sqlString(`${coverage.from}-01`)} AND ${end} <= DATE ${sqlString(`${coverage.to}-01`)}))`;
}

const periodOf = (grain: string) =>
  ({ month: 'd.month', half: "make_date(year(d.month), CASE WHEN month(d.month) <= 6 THEN 1 ELSE 7 END, 1)", year: 'make_date(year(d.month), 1, 1)' })[grain]!;

async function hasColumn(db: Db, file: string, column: string): Promise<boolean> {
  const rows = await queryRows<{ column_name: string }>(db, `DESCRIBE SELECT * FROM read_parquet(${sqlString(file)})`);
  return rows.some((r) => r.column_name === column);
}

async function count(db: Db, sql: string): Promise<number> {
  return Number((await queryRows<{ n: bigint }>(db, `SELECT count(*)::BIGINT AS n FROM (${sql})`))[0]!.n);
}

/** The detail rows' `<measure>_withheld` columns, all false: what an internal (unsuppressed) build publishes. */
export async function addDetailFlags(db: Db, table: TableName, detail: string): Promise<void> {
  for (const m of protectedDetailMeasures(table, TABLES[table].rawColumns)) {
    await db.run(`ALTER TABLE ${sqlIdent(detail)} ADD COLUMN IF NOT EXISTS ${sqlIdent(withheldColumn(m.name))} BOOLEAN DEFAULT false`);
  }
}

export async function applyDisclosureControl(db: Db, table: TableName, input: DisclosureInput): Promise<SuppressionCounts> {
  const started = performance.now();
  const { detail, totals } = input;
  const keys = `sdc_keys_${table}`;
  const relations = `sdc_relations_${table}`;
  const cells = `sdc_cells_${table}`;
  for (const s of relationStatements(table, detail, totals, keys, relations)) await db.run(s);

  const result: SuppressionCounts = { k: null, primary: 0, secondary: 0, frozen: 0, audited: true, lpSolves: 0, seconds: 0, measures: {} };
  await addDetailFlags(db, table, detail);
  for (const measure of protectedDetailMeasures(table, TABLES[table].rawColumns)) {
    const k = measure.k!;
    result.k = Math.max(result.k ?? 0, k);
    const m = sqlIdent(measure.name);
    await db.run(`CREATE OR REPLACE TEMP TABLE ${sqlIdent(cells)} AS
      SELECT rowid AS id, ${m}::BIGINT AS value, false AS known FROM ${sqlIdent(detail)}
      UNION ALL SELECT ${TOTALS_ID_OFFSET} + rowid, ${m}::BIGINT, false FROM ${sqlIdent(totals)}`);
    await db.run(`ALTER TABLE ${sqlIdent(cells)} ADD COLUMN rule UTINYINT DEFAULT 0`);
    await db.run(`ALTER TABLE ${sqlIdent(cells)} ADD COLUMN coarseness INTEGER DEFAULT 0`);
    await db.run(`UPDATE ${sqlIdent(cells)} c SET coarseness = ${coarseness(table)} FROM ${sqlIdent(keys)} t WHERE t.id = c.id`);
    await db.run(`UPDATE ${sqlIdent(cells)} SET rule = ${PRIMARY} WHERE value BETWEEN 1 AND ${k - 1}`);
    await freezePreviousPattern(db, table, measure.name, input, cells);
    const fixpoint = await secondarySuppression(db, relations, cells, keys, detail, table, k);
    const byRule = await queryRows<{ rule: number; n: bigint }>(db, `SELECT rule, count(*)::BIGINT AS n FROM ${sqlIdent(cells)} WHERE rule > 0 GROUP BY rule`);
    const n = (r: number) => Number(byRule.find((x) => Number(x.rule) === r)?.n ?? 0);
    result.measures![measure.name] = { k, primary: n(PRIMARY), secondary: n(SECONDARY), frozen: n(FROZEN), lpSolves: fixpoint.lpSolves, auditRounds: fixpoint.rounds, unresolved: fixpoint.unresolved };
    if (fixpoint.unresolved > 0) result.audited = false;
    result.primary += n(PRIMARY);
    result.secondary += n(SECONDARY);
    result.frozen! += n(FROZEN);
    result.lpSolves! += fixpoint.lpSolves;
    // Publish the pattern: null the measure and raise its flag in both files.
    await db.run(`UPDATE ${sqlIdent(detail)} SET ${m} = NULL, ${sqlIdent(withheldColumn(measure.name))} = true
      WHERE rowid IN (SELECT id FROM ${sqlIdent(cells)} WHERE rule > 0 AND id < ${TOTALS_ID_OFFSET})`);
    await db.run(`UPDATE ${sqlIdent(totals)} SET ${m} = NULL, ${sqlIdent(withheldColumn(measure.name))} = true
      WHERE rowid IN (SELECT id - ${TOTALS_ID_OFFSET} FROM ${sqlIdent(cells)} WHERE rule > 0 AND id >= ${TOTALS_ID_OFFSET})`);
  }
  for (const t of [keys, relations, cells]) await db.run(`DROP TABLE IF EXISTS ${sqlIdent(t)}`);
  result.seconds = Math.round((performance.now() - started) / 10) / 100;
  return result;
}

/**
 * Cells the previous public release withheld stay withheld (rule "frozen" unless primary anyway);
 * cells it published with the value they have now are known to anyone holding both releases, so
 * they can neither hide a cell nor be relied on as hidden.
 */
async function freezePreviousPattern(db: Db, table: TableName, measure: string, input: DisclosureInput, cells: string): Promise<void> {
  if (!input.previousDir) return;
  const flag = withheldColumn(measure);
  const files = [
    { file: join(input.previousDir, `${table}.parquet`), rows: input.detail, key: TABLES[table].key, offset: 0n },
    { file: join(input.previousDir, `${totalsTableName(table)}.parquet`), rows: input.totals, key: ['view', 'grain', 'period', ...totalsDimensions(table)], offset: TOTALS_ID_OFFSET },
  ];
  for (const f of files) {
    if (!existsSync(f.file) || !(await hasColumn(db, f.file, flag))) continue;
    const on = f.key.map((c) => `p.${sqlIdent(c)} IS NOT DISTINCT FROM r.${sqlIdent(c)}`).join(' AND ');
    await db.run(`CREATE OR REPLACE TEMP TABLE sdc_previous AS
      SELECT ${f.offset} + r.rowid AS id, p.${sqlIdent(flag)} AS withheld, p.${sqlIdent(measure)}::BIGINT AS value
      FROM ${sqlIdent(f.rows)} r JOIN read_parquet(${sqlString(f.file)}) p ON ${on}`);
    await db.run(`UPDATE ${sqlIdent(cells)} c SET rule = ${FROZEN} FROM sdc_previous p WHERE p.id = c.id AND p.withheld AND c.rule = 0`);
    await db.run(`UPDATE ${sqlIdent(cells)} c SET known = true FROM sdc_previous p WHERE p.id = c.id AND NOT p.withheld AND p.value = c.value`);
  }
  await db.run('DROP TABLE IF EXISTS sdc_previous');
}

/** 1 + (dimensions summed away) × 3 + grain rank, for a totals row of `t`. */
function coarseness(table: TableName): string {
  const dims = totalsDimensions(table).length;
  const byView = DISCLOSURE[table].views.map((v) => `WHEN ${sqlString(v.name)} THEN ${1 + (dims - v.dims.length) * 3}`).join(' ');
  return `(CASE t.view ${byView} END) + (CASE t.grain WHEN 'month' THEN 0 WHEN 'half' THEN 1 ELSE 2 END)`;
}

/** A cell an attacker does not know: withheld now, and not published with this value before. */
const HIDDEN = 'c.rule > 0 AND NOT c.known';
/** A cell that may be withheld to protect another: published, not zero, not known from before. Smallest first. */
const CANDIDATE = 'c.rule = 0 AND c.value > 0 AND NOT c.known';
/**
 * Order of preference among candidates: detail rows, then totals from the finest views and
 * grains to the coarsest (so national, per-action and per-half-year totals are the last to go),
 * and within each, the smallest value.
 */
const SMALLEST = `c.coarseness::HUGEINT * ${2n ** 100n} + c.value::HUGEINT * ${2n ** 42n} + c.id`;

async function secondarySuppression(db: Db, relations: string, cells: string, keys: string, detail: string, table: TableName, k: number): Promise<{ lpSolves: number; rounds: number; unresolved: number }> {
  const R = sqlIdent(relations);
  const C = sqlIdent(cells);
  let lpSolves = 0;
  for (let round = 1; ; round += 1) {
    trace(`${table} k=${k} round ${round}: singletons`);
    // 3. no relation with exactly one hidden cell,
    //    and no relation whose published parent leaves its hidden children less than k to share:
    //    with S = the parent minus its published children, spread over h hidden children of at
    //    least 1 each, every hidden child lies within a range of width ≤ S − h (a quick
    //    necessary condition; the LP below checks the rest)
    for (;;) {
      const published = await count(db, `SELECT 1 FROM ${C} WHERE rule = 0`);
      await db.run(`UPDATE ${C} SET rule = ${SECONDARY} WHERE id IN (
        WITH stats AS (
          SELECT r.rid, count(*) FILTER (WHERE ${HIDDEN}) AS hidden,
            bool_or(c.id = r.rid // ${RELATION_SLOTS} AND (${HIDDEN})) AS parent_hidden,
            sum(c.value) FILTER (WHERE ${HIDDEN} AND c.id <> r.rid // ${RELATION_SLOTS}) AS hidden_sum,
            count(*) FILTER (WHERE ${HIDDEN} AND c.id <> r.rid // ${RELATION_SLOTS}) AS hidden_children
          FROM ${R} r JOIN ${C} c ON c.id = r.cid GROUP BY r.rid),
        exposed AS (SELECT rid FROM stats WHERE hidden = 1 OR (NOT parent_hidden AND hidden_children > 0 AND hidden_sum - hidden_children < ${k}))
        SELECT min_by(c.id, ${SMALLEST}) FROM ${R} r JOIN exposed e ON e.rid = r.rid JOIN ${C} c ON c.id = r.cid
        WHERE ${CANDIDATE} GROUP BY r.rid)`);
      if ((await count(db, `SELECT 1 FROM ${C} WHERE rule = 0`)) === published) break;
    }
    // 4. audit
    trace(`${table} round ${round}: audit, ${await count(db, `SELECT 1 FROM ${C} WHERE rule > 0`)} withheld`);
    // A cell the LP budget could not prove counts as failing: the budget may cost information,
    // never protection. The loop ends only when every hidden cell is proven.
    const audit = await auditHiddenCells(db, cells, keys, detail, table, k, LP_WORK);
    lpSolves += audit.lpSolves;
    const failing = audit.failing;
    if (failing.length === 0) return { lpSolves, rounds: round, unresolved: 0 };
    // Each failing cell gets one more cell withheld beside it: the smallest published cell among
    // the splits (with a hidden cell) of the published totals that bind its maximum, or those
    // totals themselves; a cell with no hidden detail row under it takes the smallest published
    // cell of its own relations.
    const pairs = failing.flatMap((f) => (f.binding.length ? f.binding.map((b) => `(${f.id}, ${b})`) : [`(${f.id}, NULL)`]));
    await db.run(`CREATE OR REPLACE TEMP TABLE sdc_failing AS SELECT * FROM (VALUES ${pairs.join(', ')}) v(id, total)`);
    const before = await count(db, `SELECT 1 FROM ${C} WHERE rule = 0`);
    await db.run(`UPDATE ${C} SET rule = ${SECONDARY} WHERE id IN (
      WITH binding_splits AS (
        SELECT f.id AS failing, r.rid FROM sdc_failing f JOIN ${R} r ON r.rid // ${RELATION_SLOTS} = f.total AND r.cid = f.total
        WHERE EXISTS (SELECT 1 FROM ${R} r2 JOIN ${C} c ON c.id = r2.cid WHERE r2.rid = r.rid AND ${HIDDEN})),
      options AS (
        SELECT s.failing, c.id, c.value, c.coarseness FROM binding_splits s JOIN ${R} r ON r.rid = s.rid JOIN ${C} c ON c.id = r.cid WHERE ${CANDIDATE}
        UNION ALL SELECT f.id, c.id, c.value, c.coarseness FROM sdc_failing f JOIN ${C} c ON c.id = f.total WHERE ${CANDIDATE}
        UNION ALL SELECT f.id, c.id, c.value, c.coarseness FROM sdc_failing f JOIN ${R} r1 ON r1.cid = f.id JOIN ${R} r2 ON r2.rid = r1.rid JOIN ${C} c ON c.id = r2.cid
          WHERE f.total IS NULL AND ${CANDIDATE})
      SELECT min_by(c.id, ${SMALLEST}) FROM options c GROUP BY c.failing)`);
    if ((await count(db, `SELECT 1 FROM ${C} WHERE rule = 0`)) === before) {
      // Nothing left to withhold beside them: what narrows these cells was published by an earlier
      // release (known cells), so withholding more now cannot widen them. Reported, not hidden.
      return { lpSolves, rounds: round, unresolved: failing.length };
    }
  }
}

/** Builds the attacker's LP from the hidden detail rows and the totals that contain them, and audits every hidden cell. */
async function auditHiddenCells(db: Db, cells: string, keys: string, detail: string, table: TableName, k: number, lpWork: number): Promise<{ failing: { id: bigint; binding: bigint[]; proven: boolean }[]; lpSolves: number }> {
  const C = sqlIdent(cells);
  await db.run(`CREATE OR REPLACE TEMP TABLE sdc_vars AS SELECT (row_number() OVER (ORDER BY c.id) - 1)::INTEGER AS var, c.id, c.value FROM ${C} c WHERE ${HIDDEN} AND c.id < ${TOTALS_ID_OFFSET}`);
  const vars = await queryRows<{ var: number; id: bigint; value: bigint }>(db, 'SELECT var, id, value FROM sdc_vars ORDER BY var');
  const memberships = DISCLOSURE[table].views.flatMap((view) => PERIOD_GRAINS.map((grain) => `SELECT t.id AS tid, v.var FROM sdc_vars v JOIN ${sqlIdent(detail)} d ON d.rowid = v.id
    JOIN ${sqlIdent(keys)} t ON t.view = ${sqlString(view.name)} AND t.grain = ${sqlString(grain)} AND t.period = ${periodOf(grain)}${view.dims.map((dim) => ` AND t.${sqlIdent(dim)} = d.${sqlIdent(dim)}`).join('')}`));
  // Totals the attacker can use (published or known) and totals to audit (hidden), each with its hidden detail rows.
  const totals = await queryRows<{ id: bigint; hidden: boolean; vars: number[] | null }>(db, `
    WITH m AS (${memberships.join('\nUNION ALL\n')})
    SELECT c.id, (${HIDDEN}) AS hidden, list(m.var ORDER BY m.var) FILTER (WHERE m.var IS NOT NULL) AS vars
    FROM ${C} c LEFT JOIN m ON m.tid = c.id
    WHERE c.id >= ${TOTALS_ID_OFFSET} AND (m.tid IS NOT NULL OR (${HIDDEN}))
    GROUP BY c.id, hidden ORDER BY c.id`);
  const equalities: Int32Array[] = [];
  const equalityIds: bigint[] = [];
  const targets: Int32Array[] = [];
  const targetIds: bigint[] = [];
  for (const v of vars) { targets.push(Int32Array.of(v.var)); targetIds.push(v.id); }
  for (const t of totals) {
    const members = Int32Array.from(t.vars ?? []);
    if (t.hidden) { targets.push(members); targetIds.push(t.id); } else if (members.length > 0) { equalities.push(members); equalityIds.push(t.id); }
  }
  const truth = Float64Array.from(vars, (v) => Number(v.value));
  trace(`audit LP: ${truth.length} variables, ${equalities.length} equalities, ${targets.length} targets`);
  const audit = await auditFeasibleRanges({ truth, equalities, targets, k }, lpWork);
  trace(`audit: ${audit.lpSolves} LP solves, ${audit.failing.length} failing (${audit.failing.filter((f) => f.proven).length} proven)`);
  await db.run('DROP TABLE IF EXISTS sdc_vars');
  return { failing: audit.failing.map((f) => ({ id: targetIds[f.target]!, binding: [...new Set(f.binding)].map((e) => equalityIds[e]!), proven: f.proven })), lpSolves: audit.lpSolves };
}
