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
 * Then, for measures tied by a rule in every cell (findings ≤ foreigners checked):
 *   5. joint      one LP over all of them with the rules; a cell under k there is withheld in
 *                 every tied measure, and 1–5 run again.
 * Each measure is published only in the cells of its design (src/schema/disclosure.ts); the rest
 * get a null value and a null flag.
 *
 * Primary suppression and the relation bookkeeping are DuckDB SQL; only hidden cells and the
 * published totals that contain them reach the LP. docs/disclosure-control.md explains the method.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { measureDesign, protectedDetailMeasures, totalsDimensions, totalsTableName, withheldColumn, type DisclosureDesign, type ProtectedMeasure, type TotalsView } from '../../src/schema/disclosure.ts';
import type { DisclosureCounts } from './disclosure-counts.ts';
import { TABLES, type TableName } from '../../src/schema/tables.ts';
import { queryRows, sqlIdent, sqlString, type Db } from '../lib/duckdb.ts';
import { auditFeasibleRanges, LP_WORK, type Inequality } from './audit-feasible-ranges.ts';
import { atomViewGrains, cellKeySql, cellKeysUnion, designDimensions, inDesignSql, keysStatement, ownDimensionsSql, refines, RELATION_SLOTS, relationLinksSql, sameCellSql, TOTALS_ID_OFFSET, viewGrains, type ViewGrain } from './linear-relations.ts';
import { periodAt } from '../lib/period-sql.ts';
import { grainLiteral, viewLiteral } from '../lib/totals-column-types.ts';

export type Audience = 'public' | 'internal';

export interface DisclosureInput {
  /** Materialised published rows (publishedTableSql), in publication order. */
  detail: string;
  /** Materialised totals (buildTotalsTable over `detail`), in publication order. */
  totals: string;
  /**
   * The previous public release folder, when it holds an earlier (or the same) snapshot: its
   * withheld cells stay withheld.
   */
  previousDir: string | null;
  /**
   * For a partitioned table (src/schema/disclosure.ts `partition`), the value whose cells `detail`
   * and `totals` hold, and whose design protects them.
   */
  partition?: string;
}

const tracing = Boolean(process.env.PANTAU_TRACE);
const trace = (message: string) => { if (tracing) process.stderr.write(`  [sdc ${(performance.now() / 1000).toFixed(1)}s ${Math.round(process.memoryUsage.rss() / 2 ** 20)} MB] ${message}\n`); };

/** Rule codes stored per cell while the pattern is built. */
const PRIMARY = 1;
const FROZEN = 2;
const SECONDARY = 3;

/** A half-year or year total is published only once all its months are in the coverage: a year-to-date figure would change from snapshot to snapshot, and the difference would reveal the newest month's withheld cells. */
export function completePeriodSql(coverage: { from: string; to: string }): string {
  const end = `CASE grain WHEN ${grainLiteral('half')} THEN period + INTERVAL 5 MONTH WHEN ${grainLiteral('year')} THEN period + INTERVAL 11 MONTH ELSE period END`;
  return `(grain = ${grainLiteral('month')} OR (period >= DATE ${sqlString(`${coverage.from}-01`)} AND ${end} <= DATE ${sqlString(`${coverage.to}-01`)}))`;
}

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

export async function applyDisclosureControl(db: Db, table: TableName, input: DisclosureInput): Promise<DisclosureCounts> {
  const started = performance.now();
  const { detail, totals } = input;
  const keys = `sdc_keys_${table}`;
  const measures = protectedDetailMeasures(table, TABLES[table].rawColumns);
  trace(`${table}: start`);
  await addDetailFlags(db, table, detail);

  // Measures tied by a rule (follow-ups ≤ findings ≤ foreigners checked in every cell) are
  // protected each on its own, then audited together: a cell the joint audit finds too narrow is
  // withheld in every tied measure, and they are protected again, until the joint audit passes.
  const tied = measures.filter((m) => m.atMost !== undefined || measures.some((x) => x.atMost === m.name));
  const designFor = (name: string) => measureDesign(table, name, input.partition);
  const designOf = (m: ProtectedMeasure) => JSON.stringify(designFor(m.name));
  if (tied.some((m) => designOf(m) !== designOf(tied[0]!))) throw new Error(`${table}: measures tied by atMost must share one design (src/schema/disclosure.ts)`);
  const forced = new Map<string, bigint[]>();
  let outcomes = new Map<string, MeasureOutcome>();
  const jointUnresolved = new Map<string, number>();
  let jointSolves = 0;
  for (let pass = 1; ; pass += 1) {
    outcomes = new Map();
    // The keys are made once per design: measures published in the same cells share them.
    let keysOf: string | null = null;
    for (const measure of measures) {
      const design = designFor(measure.name);
      if (keysOf !== designOf(measure)) {
        trace(`${table}: keys`);
        await db.run(keysWithValues(table, design, detail, totals, keys));
        trace(`${table}: keys made`);
        keysOf = designOf(measure);
      }
      outcomes.set(measure.name, await protectMeasure(db, table, measure, design, { ...input, keys }, forced.get(measure.name) ?? []));
    }
    if (tied.length < 2) break;
    if (keysOf !== designOf(tied[0]!)) await db.run(keysWithValues(table, designFor(tied[0]!.name), detail, totals, keys));
    const joint = await auditTiedMeasures(db, table, tied, outcomes, keys, detail);
    jointSolves += joint.lpSolves;
    trace(`${table} pass ${pass}: joint audit of ${tied.map((m) => m.name).join(', ')}: ${joint.failing.length} failing`);
    if (joint.failing.length === 0) break;
    // First the failing cell in every tied measure; where that adds nothing (the cell is zero or
    // withheld everywhere already), the published totals that bind it in the joint LP.
    const force = (measure: string, ids: readonly bigint[]) => {
      const list = forced.get(measure) ?? [];
      const added = [...new Set(ids)].filter((id) => !list.includes(id));
      if (added.length > 0) forced.set(measure, [...list, ...added]);
      return added.length > 0;
    };
    let grew = false;
    for (const m of tied) grew = force(m.name, joint.failing.map((f) => f.id)) || grew;
    if (!grew) for (const m of tied) grew = force(m.name, joint.failing.flatMap((f) => f.binding.filter((b) => b.measure === m.name).map((b) => b.id))) || grew;
    if (!grew) {
      for (const f of joint.failing) jointUnresolved.set(f.measure, (jointUnresolved.get(f.measure) ?? 0) + 1);
      break;
    }
  }

  const result: DisclosureCounts = { k: null, primary: 0, secondary: 0, frozen: 0, audited: true, lpSolves: jointSolves, seconds: 0, measures: {} };
  for (const measure of measures) {
    const { cells, design, fixpoint } = outcomes.get(measure.name)!;
    const k = measure.k!;
    result.k = Math.max(result.k ?? 0, k);
    const m = sqlIdent(measure.name);
    const byRule = await queryRows<{ rule: number; n: bigint }>(db, `SELECT rule, count(*)::BIGINT AS n FROM ${sqlIdent(cells)} WHERE rule > 0 GROUP BY rule`);
    const n = (r: number) => Number(byRule.find((x) => Number(x.rule) === r)?.n ?? 0);
    const unresolved = fixpoint.unresolved + (jointUnresolved.get(measure.name) ?? 0);
    result.measures![measure.name] = { k, primary: n(PRIMARY), secondary: n(SECONDARY), frozen: n(FROZEN), lpSolves: fixpoint.lpSolves, auditRounds: fixpoint.rounds, unresolved, derivable: fixpoint.derivable };
    if (unresolved > 0) result.audited = false;
    result.primary += n(PRIMARY);
    result.secondary += n(SECONDARY);
    result.frozen! += n(FROZEN);
    result.lpSolves! += fixpoint.lpSolves;
    // Publish the pattern: null the measure and raise its flag in both files.
    await db.run(`UPDATE ${sqlIdent(detail)} SET ${m} = NULL, ${sqlIdent(withheldColumn(measure.name))} = true
      WHERE rowid IN (SELECT id FROM ${sqlIdent(cells)} WHERE rule > 0 AND id < ${TOTALS_ID_OFFSET})`);
    await db.run(`UPDATE ${sqlIdent(totals)} SET ${m} = NULL, ${sqlIdent(withheldColumn(measure.name))} = true
      WHERE rowid IN (SELECT id - ${TOTALS_ID_OFFSET} FROM ${sqlIdent(cells)} WHERE rule > 0 AND id >= ${TOTALS_ID_OFFSET})`);
    // Cells outside the design are not published at all: null, with a null flag.
    await db.run(`UPDATE ${sqlIdent(totals)} t SET ${m} = NULL, ${sqlIdent(withheldColumn(measure.name))} = NULL WHERE NOT ${inDesignSql(table, design)}`);
    if (!design.publicDetail) await db.run(`UPDATE ${sqlIdent(detail)} SET ${m} = NULL, ${sqlIdent(withheldColumn(measure.name))} = NULL`);
    await db.run(`DROP TABLE IF EXISTS ${sqlIdent(cells)}`);
  }
  await db.run(`DROP TABLE IF EXISTS ${sqlIdent(keys)}`);
  result.seconds = Math.round((performance.now() - started) / 10) / 100;
  return result;
}

/**
 * The keys (linear-relations.ts) with every protected measure's value, which disclosure control
 * reads beside each totals cell's coordinates. Measures published in the same cells share one
 * keys table. (A cell's coarseness is worked out only for the few cells that need it: for all
 * 21 M keys of 20 M arrival rows it took 2.4 s.)
 */
function keysWithValues(table: TableName, design: DisclosureDesign, detail: string, totals: string, keys: string): string {
  const values = protectedDetailMeasures(table, TABLES[table].rawColumns).map((m) => `t.${sqlIdent(m.name)}::BIGINT AS ${sqlIdent(m.name)}`);
  return keysStatement(table, design, detail, totals, keys, values);
}

/** Every cell of the design with one measure's value and its coarseness: the keys, and the detail rows where the design publishes them. */
function cellValuesSql(table: TableName, design: DisclosureDesign, keys: string, detail: string, measure: string): string {
  const m = sqlIdent(measure);
  return `SELECT t.id, t.${m} AS value, ${coarseness(table, design)} AS coarseness FROM ${sqlIdent(keys)} t${design.publicDetail ? ` UNION ALL SELECT rowid, ${m}::BIGINT, 0 FROM ${sqlIdent(detail)}` : ''}`;
}

interface MeasureOutcome {
  /**
   * Temp table of the measure's marked cells (id, value, known, rule, shared, coarseness), kept
   * until its pattern is published: only cells withheld (rule > 0), known from the previous
   * release or shared by two atom views. Every other cell of the design is published, and free to
   * be withheld to protect another. On 20 M arrival rows that is some 8,000 rows, where a row per
   * cell (41 M) was scanned several times per pass.
   */
  cells: string;
  design: DisclosureDesign;
  fixpoint: { lpSolves: number; rounds: number; unresolved: number; derivable: number };
}

/**
 * One measure's pattern, steps 1–4 of the header, in its own cells table. `forced` cells are
 * withheld from the start (the joint audit of tied measures asked for them).
 */
async function protectMeasure(db: Db, table: TableName, measure: ProtectedMeasure, design: DisclosureDesign, input: DisclosureInput & { keys: string }, forced: readonly bigint[]): Promise<MeasureOutcome> {
  const { detail, keys } = input;
  const k = measure.k!;
  const m = sqlIdent(measure.name);
  const cells = `sdc_cells_${table}_${measure.name}`;
  // Each source marks cells as (id, value, coarseness, rule, known, shared); a cell marked by
  // several keeps the first rule in order (primary, frozen, forced), and any known or shared mark.
  const marks = [
    `SELECT t.id, t.${m} AS value, ${coarseness(table, design)} AS coarseness, ${PRIMARY} AS rule, false AS known, false AS shared FROM ${sqlIdent(keys)} t WHERE t.${m} BETWEEN 1 AND ${k - 1}`,
    ...(design.publicDetail ? [`SELECT rowid, ${m}::BIGINT, 0, ${PRIMARY}, false, false FROM ${sqlIdent(detail)} WHERE ${m} BETWEEN 1 AND ${k - 1}`] : []),
    ...sharedTotalsMarks(table, design, keys, measure.name),
    ...(await previousPatternMarks(db, table, measure.name, design, input)),
    ...(forced.length > 0 ? [`SELECT id, value, coarseness, ${SECONDARY}, false, false FROM (${cellValuesSql(table, design, keys, detail, measure.name)}) WHERE value > 0 AND id IN (${forced.join(', ')})`] : []),
  ];
  await db.run(`CREATE OR REPLACE TEMP TABLE ${sqlIdent(cells)} AS
    SELECT id, value, known, rule, shared, coarseness FROM (
      SELECT id, any_value(value) AS value, bool_or(known) AS known, coalesce(min(rule) FILTER (WHERE rule > 0), 0)::UTINYINT AS rule,
        bool_or(shared) AS shared, any_value(coarseness)::INTEGER AS coarseness
      FROM (${marks.join('\n      UNION ALL ')}) GROUP BY id)
    WHERE rule > 0 OR known OR shared`);
  await db.run('DROP TABLE IF EXISTS sdc_previous');
  trace(`${table} ${measure.name}: cells`);
  const relations = `sdc_relations_${table}_${measure.name}`;
  const fixpoint = await secondarySuppression(db, relations, cells, keys, detail, table, design, measure.name, k);
  await db.run(`DROP TABLE IF EXISTS ${sqlIdent(relations)}`);
  return { cells, design, fixpoint };
}

/**
 * The joint audit of measures tied by rules: one LP over the hidden cells of all of them, with
 * each measure's published totals, and in every cell the rule (findings ≤ foreigners checked)
 * between the two measures' values, hidden or published. A cell published in one measure bounds
 * the same cell hidden in the other; two hidden ones bound each other. Exact for designs whose
 * unknowns are one table (operations' person counts: national by month); with several atom
 * tables the published activity rows would tie them too, which is why operations publish one.
 */
async function auditTiedMeasures(db: Db, table: TableName, tied: readonly ProtectedMeasure[], outcomes: ReadonlyMap<string, MeasureOutcome>, keys: string, detail: string): Promise<{ failing: { measure: string; id: bigint; binding: { measure: string; id: bigint }[] }[]; lpSolves: number }> {
  const truth: number[] = [];
  const equalities: Int32Array[] = [];
  const equalityOf: { measure: string; id: bigint }[] = [];
  const targets: Int32Array[] = [];
  const targetOf: { measure: string; id: bigint }[] = [];
  const varOf = new Map<string, Map<bigint, number>>();
  let k = 0;
  for (const measure of tied) {
    const { cells, design } = outcomes.get(measure.name)!;
    k = Math.max(k, measure.k!);
    const system = design.publicDetail ? await detailSystem(db, cells, keys, detail, design, measure.name, measure.k!) : await atomSystem(db, cells, keys, design, measure.name, measure.k!);
    const offset = truth.length;
    for (const v of system.vars) truth.push(Number(v.value));
    varOf.set(measure.name, new Map(system.vars.map((v) => [v.id, offset + v.var])));
    system.equalities.forEach((eq, i) => { equalities.push(eq.map((v) => v + offset)); equalityOf.push({ measure: measure.name, id: system.equalityIds[i]! }); });
    system.targets.forEach((t, i) => { targets.push(t.map((v) => v + offset)); targetOf.push({ measure: measure.name, id: system.targetIds[i]! }); });
  }
  // the rules, cell by cell: small ≤ large
  const inequalities: Inequality[] = [];
  for (const small of tied) {
    if (!small.atMost) continue;
    const large = tied.find((m) => m.name === small.atMost)!;
    const [smallVars, largeVars] = [varOf.get(small.name)!, varOf.get(large.name)!];
    const ids = [...new Set([...smallVars.keys(), ...largeVars.keys()])];
    if (ids.length === 0) continue;
    const published = async (measure: ProtectedMeasure) => {
      const { cells, design } = outcomes.get(measure.name)!;
      return new Map((await queryRows<{ id: bigint; value: bigint }>(db, `SELECT v.id, v.value FROM (${cellValuesSql(table, design, keys, detail, measure.name)}) v
        LEFT JOIN ${sqlIdent(cells)} c ON c.id = v.id WHERE v.id IN (${ids.join(', ')}) AND (c.id IS NULL OR c.rule = 0 OR c.known)`)).map((r) => [r.id, Number(r.value)]));
    };
    const [smallValues, largeValues] = [await published(small), await published(large)];
    for (const id of ids) {
      const s = smallVars.get(id);
      const l = largeVars.get(id);
      if (s !== undefined && l !== undefined) inequalities.push({ vars: Int32Array.of(s, l), coefficients: Float64Array.of(1, -1), lower: -Infinity, upper: 0 });
      else if (s !== undefined && largeValues.has(id)) inequalities.push({ vars: Int32Array.of(s), coefficients: Float64Array.of(1), lower: -Infinity, upper: largeValues.get(id)! });
      else if (l !== undefined && smallValues.has(id)) inequalities.push({ vars: Int32Array.of(l), coefficients: Float64Array.of(1), lower: smallValues.get(id)!, upper: Infinity });
    }
  }
  if (targets.length === 0) return { failing: [], lpSolves: 0 };
  trace(`${table} joint audit LP: ${truth.length} variables, ${equalities.length} equalities, ${inequalities.length} rules, ${targets.length} targets`);
  const audit = await auditFeasibleRanges({ truth: Float64Array.from(truth), equalities, targets, k, inequalities }, LP_WORK);
  return { failing: audit.failing.map((f) => ({ ...targetOf[f.target]!, binding: f.binding.map((e) => equalityOf[e]!) })), lpSolves: audit.lpSolves };
}

/**
 * Cells the previous public release withheld stay withheld (rule "frozen" unless primary anyway);
 * cells it published with the value they have now are known to anyone holding both releases, so
 * they can neither hide a cell nor be relied on as hidden. Returns those cells as marks.
 */
async function previousPatternMarks(db: Db, table: TableName, measure: string, design: DisclosureDesign, input: DisclosureInput): Promise<string[]> {
  if (!input.previousDir) return [];
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

/**
 * How coarse a totals cell (a keys or totals row `alias`) is, for the order of preference among
 * cells to withhold: 6 per dimension summed away, 2 per hierarchy level above the finest of a
 * dimension kept (a province is coarser than an office, TAK/non-TAK than an action group), plus
 * the grain's rank. So an office's deportations go before the office's TAK total, which leaders
 * quote.
 */
function coarseness(table: TableName, design: DisclosureDesign, alias = 't'): string {
  const dims = totalsDimensions(table);
  const { hierarchies } = design;
  const level = (d: string): number => Math.max(0, ...hierarchies.filter((h) => h.parent === d).map((h) => 1 + level(h.child)));
  const score = (view: TotalsView) => 1 + dims.reduce((sum, d) => sum + (view.dims.includes(d) ? 2 * level(d) : 6), 0);
  const byView = design.views.map((v) => `WHEN ${viewLiteral(v.name)} THEN ${score(v)}`).join(' ');
  return `((CASE ${alias}.view ${byView} END) + (CASE ${alias}.grain WHEN ${grainLiteral('month')} THEN 0 WHEN ${grainLiteral('half')} THEN 1 ELSE 2 END))::INTEGER`;
}

/** A cell an attacker does not know: withheld now, and not published with this value before. */
const HIDDEN = 'c.rule > 0 AND NOT c.known';
/**
 * A cell (with a value) that may be withheld to protect another: not zero, and not marked in the
 * cells table (so published, not known from before, and not a total shared by two atom views, see
 * sharedTotalsMarks). Smallest first.
 */
const candidate = (cells: string) => `c.value > 0 AND c.id NOT IN (SELECT id FROM ${sqlIdent(cells)})`;
/**
 * Order of preference among candidates: detail rows, then totals from the finest views and
 * grains to the coarsest (so national, per-action and per-half-year totals are the last to go),
 * and within each, the smallest value.
 */
const SMALLEST = `c.coarseness::HUGEINT * ${2n ** 100n} + c.value::HUGEINT * ${2n ** 42n} + c.id`;

async function secondarySuppression(db: Db, relations: string, cells: string, keys: string, detail: string, table: TableName, design: DisclosureDesign, measure: string, k: number): Promise<{ lpSolves: number; rounds: number; unresolved: number; derivable: number }> {
  const R = sqlIdent(relations);
  const C = sqlIdent(cells);
  let lpSolves = 0;
  // Relations are listed around the hidden cells only, as cells become hidden: every relation
  // holding a hidden cell has it as its parent or as a child. R keeps, per relation, its links to
  // hidden children and its parent: enough to count and sum its hidden cells. A relation's other
  // members are listed only when one of them is wanted as a complement (listMembers): the detail
  // split of a month's total by sex alone has a million rows.
  await db.run(`CREATE OR REPLACE TEMP TABLE ${R} (rid BIGINT, cid BIGINT)`);
  await db.run('CREATE OR REPLACE TEMP TABLE sdc_covered (id BIGINT)');
  const listHiddenLinks = async () => {
    await db.run(`CREATE OR REPLACE TEMP TABLE sdc_new AS SELECT c.id FROM ${C} c WHERE ${HIDDEN} AND c.id NOT IN (SELECT id FROM sdc_covered)`);
    if ((await count(db, 'SELECT 1 FROM sdc_new')) === 0) return;
    await db.run(`INSERT INTO ${R} SELECT rid, cid FROM (${relationLinksSql(design, detail, keys, { children: 'sdc_new' })})`);
    if (tracing) trace(`${table}: links to the parents of ${await count(db, 'SELECT 1 FROM sdc_new')} newly hidden cells`);
    // Each relation's parent, once; a hidden parent's relations count even with no hidden child.
    // Only totals are parents: where the newly hidden cells are all detail rows (arrivals' small
    // cells), there are none to look up, and listing them would read the keys and rows again.
    const hiddenTotals = await count(db, `SELECT 1 FROM sdc_new WHERE id >= ${TOTALS_ID_OFFSET}`);
    const ofHiddenParents = hiddenTotals > 0 ? `SELECT rid FROM (${relationLinksSql(design, detail, keys, { parents: 'sdc_new' })}) UNION ` : '';
    await db.run(`INSERT INTO ${R} SELECT DISTINCT x.rid, x.rid // ${RELATION_SLOTS}
      FROM (${ofHiddenParents}SELECT rid FROM ${R}) x
      WHERE NOT EXISTS (SELECT 1 FROM ${R} p WHERE p.rid = x.rid AND p.cid = x.rid // ${RELATION_SLOTS})`);
    await db.run('INSERT INTO sdc_covered SELECT id FROM sdc_new');
    if (tracing) trace(`${table}: ${await count(db, `SELECT 1 FROM ${R}`)} links around ${await count(db, 'SELECT 1 FROM sdc_covered')} hidden cells`);
  };
  /** `sdc_members` (rid, id, value, coarseness): every member of the relations in `sdc_wanted` (rid), parents included. */
  const listMembers = async () => {
    await db.run(`CREATE OR REPLACE TEMP TABLE sdc_wanted_parents AS SELECT DISTINCT rid // ${RELATION_SLOTS} AS id FROM sdc_wanted`);
    // Only the kinds of split wanted are joined: arrivals' singletons are all detail splits, and
    // each other kind would read a view's keys for nothing.
    const slots = new Set((await queryRows<{ slot: number }>(db, `SELECT DISTINCT (rid % ${RELATION_SLOTS})::INTEGER AS slot FROM sdc_wanted`)).map((r) => r.slot));
    const members = { measure, coarseness: (alias: string) => coarseness(table, design, alias), slots };
    await db.run(`CREATE OR REPLACE TEMP TABLE sdc_members AS
      SELECT l.rid, l.cid AS id, l.value, l.coarseness FROM (${relationLinksSql(design, detail, keys, { parents: 'sdc_wanted_parents', members })}) l
      WHERE l.rid IN (SELECT rid FROM sdc_wanted)`);
  };
  /**
   * Withholds, per choice, the smallest candidate among its options (choice, id, value,
   * coarseness); returns how many cells were newly withheld (two choices may pick the same cell).
   */
  const withholdSmallest = async (options: string) => (await db.run(`INSERT INTO ${C}
    SELECT DISTINCT pick.id, pick.value, false, ${SECONDARY}, false, pick.coarseness FROM (
      SELECT min_by({'id': c.id, 'value': c.value, 'coarseness': c.coarseness}, ${SMALLEST}) AS pick
      FROM (${options}) c WHERE ${candidate(cells)} GROUP BY c.choice)`)).rowsChanged;
  for (let round = 1; ; round += 1) {
    trace(`${table} k=${k} round ${round}: singletons`);
    // 3. no relation with exactly one hidden cell,
    //    and no relation whose published parent leaves its hidden children less than k to share:
    //    with S = the parent minus its published children, spread over h hidden children of at
    //    least 1 each, every hidden child lies within a range of width ≤ S − h (a quick
    //    necessary condition; the LP below checks the rest)
    for (;;) {
      await listHiddenLinks();
      await db.run(`CREATE OR REPLACE TEMP TABLE sdc_wanted AS
        WITH stats AS (
          SELECT r.rid, count(*) FILTER (WHERE ${HIDDEN}) AS hidden,
            coalesce(bool_or(c.id = r.rid // ${RELATION_SLOTS} AND (${HIDDEN})), false) AS parent_hidden,
            sum(c.value) FILTER (WHERE ${HIDDEN} AND c.id <> r.rid // ${RELATION_SLOTS}) AS hidden_sum,
            count(*) FILTER (WHERE ${HIDDEN} AND c.id <> r.rid // ${RELATION_SLOTS}) AS hidden_children
          FROM ${R} r LEFT JOIN ${C} c ON c.id = r.cid GROUP BY r.rid)
        SELECT rid FROM stats WHERE hidden = 1 OR (NOT parent_hidden AND hidden_children > 0 AND hidden_sum - hidden_children < ${k})`);
      if ((await count(db, 'SELECT 1 FROM sdc_wanted')) === 0) break;
      if (tracing) trace(`${table}: ${await count(db, 'SELECT 1 FROM sdc_wanted')} relations want a complement`);
      await listMembers();
      if (tracing) trace(`${table}: ${await count(db, 'SELECT 1 FROM sdc_members')} members listed`);
      if ((await withholdSmallest('SELECT rid AS choice, id, value, coarseness FROM sdc_members')) === 0) break;
    }
    // 4. audit
    if (tracing) trace(`${table} round ${round}: audit, ${await count(db, `SELECT 1 FROM ${C} WHERE rule > 0`)} withheld`);
    // A cell the LP budget could not prove counts as failing: the budget may cost information,
    // never protection. The loop ends only when every hidden cell is proven.
    const audit = await auditHiddenCells(db, cells, keys, detail, table, design, measure, k, LP_WORK);
    lpSolves += audit.lpSolves;
    const failing = audit.failing;
    if (failing.length === 0) return { lpSolves, rounds: round, unresolved: 0, derivable: audit.derivable };
    // Each failing cell gets one more cell withheld beside it: the smallest published cell among
    // the splits (with a hidden cell) of the published totals that bind its maximum, or those
    // totals themselves; a cell with no hidden detail row under it takes the smallest published
    // cell of its own relations.
    const pairs = failing.flatMap((f) => (f.binding.length ? f.binding.map((b) => `(${f.id}, ${b})`) : [`(${f.id}, NULL)`]));
    await db.run(`CREATE OR REPLACE TEMP TABLE sdc_failing AS SELECT * FROM (VALUES ${pairs.join(', ')}) v(id, total)`);
    // The relations to look in: the splits of the binding totals that hold a hidden cell (all in
    // R, since R links every hidden cell), and for a cell with no binding total its own relations.
    await db.run(`CREATE OR REPLACE TEMP TABLE sdc_failing_relations AS
      SELECT DISTINCT f.id AS failing, r.rid FROM sdc_failing f JOIN ${R} r ON r.rid // ${RELATION_SLOTS} = f.total
      UNION SELECT DISTINCT f.id, r.rid FROM sdc_failing f JOIN ${R} r ON r.cid = f.id WHERE f.total IS NULL`);
    await db.run('CREATE OR REPLACE TEMP TABLE sdc_wanted AS SELECT DISTINCT rid FROM sdc_failing_relations');
    await listMembers();
    const withheld = await withholdSmallest(`SELECT s.failing AS choice, m.id, m.value, m.coarseness FROM sdc_failing_relations s JOIN sdc_members m ON m.rid = s.rid
      UNION ALL SELECT f.id, t.id, t.${sqlIdent(measure)}, ${coarseness(table, design)} FROM sdc_failing f JOIN ${sqlIdent(keys)} t ON t.id = f.total`);
    if (withheld === 0) {
      // Nothing left to withhold beside them: what narrows these cells was published by an earlier
      // release (known cells), so withholding more now cannot widen them. Reported, not hidden.
      return { lpSolves, rounds: round, unresolved: failing.length, derivable: audit.derivable };
    }
  }
}

const sameViewGrain = (a: ViewGrain, b: ViewGrain) => a.view.name === b.view.name && a.grain === b.grain;

/** The atom views (with no detail published) that refine a view at a grain: each gives one way of summing its cells. */
function atomsRefining(design: DisclosureDesign, target: ViewGrain): ViewGrain[] {
  return atomViewGrains(design).filter((atom) => refines(design, atom, target));
}

/**
 * With no detail rows published, a total that two atom views both refine (the national
 * per-action totals, refined by nationality × action and by office × action) is where the two
 * tables meet. While such totals are published the tables are independent, and each can be
 * audited on its own cells; a withheld one would tie them together. So they are marked shared,
 * never chosen to protect another cell, and a small one counts as failing
 * (docs/disclosure-control.md).
 */
function sharedTotalsMarks(table: TableName, design: DisclosureDesign, keys: string, measure: string): string[] {
  if (design.publicDetail) return [];
  const shared = viewGrains(design).filter((vg) => atomsRefining(design, vg).length > 1);
  if (shared.length === 0) return [];
  const condition = shared.map((vg) => `(t.view = ${viewLiteral(vg.view.name)} AND t.grain = ${grainLiteral(vg.grain)})`).join(' OR ');
  return [`SELECT t.id, t.${sqlIdent(measure)}, ${coarseness(table, design)}, 0, false, true FROM ${sqlIdent(keys)} t WHERE ${condition}`];
}

/** The attacker's system when the detail is published: unknowns are the hidden detail rows. */
async function detailSystem(db: Db, cells: string, keys: string, detail: string, design: DisclosureDesign, measure: string, k: number): Promise<AttackerSystem> {
  const C = sqlIdent(cells);
  await db.run(`CREATE OR REPLACE TEMP TABLE sdc_vars AS SELECT (row_number() OVER (ORDER BY c.id) - 1)::INTEGER AS var, c.id, c.value FROM ${C} c WHERE ${HIDDEN} AND c.id < ${TOTALS_ID_OFFSET}`);
  const vars = await queryRows<{ var: number; id: bigint; value: bigint }>(db, 'SELECT var, id, value FROM sdc_vars ORDER BY var');
  // The hidden rows read once, then the cells holding them, of every view and grain, found in one join.
  await db.run(`CREATE OR REPLACE TEMP TABLE sdc_var_rows AS SELECT ${['v.var', 'd.month', ...designDimensions(design).map((dim) => `d.${sqlIdent(dim)}`)].join(', ')}
    FROM sdc_vars v JOIN ${sqlIdent(detail)} d ON d.rowid = v.id`);
  const holding = viewGrains(design).map(({ view, grain }) => `SELECT ${cellKeySql(design, view, grainLiteral(grain), periodAt('month', grain, 'r.month'), 'r')}, r.var FROM sdc_var_rows r`);
  const memberships = `SELECT t.id AS tid, t.${sqlIdent(measure)} AS value, h.var FROM (${ownDimensionsSql(design, keys, [measure])}) t
    JOIN (${cellKeysUnion(design, keys, ['var'], holding)}) h ON ${sameCellSql(design, 't', 'h')}`;
  // Totals the attacker can use (published or known) and totals to audit (hidden), each with its hidden detail rows.
  const totals = await queryRows<{ id: bigint; hidden: boolean; value: bigint; vars: number[] | null }>(db, `
    WITH m AS (${memberships}),
    holding AS (SELECT tid AS id, any_value(value) AS value, list(var ORDER BY var) AS vars FROM m GROUP BY tid),
    hidden AS (SELECT c.id, c.value FROM ${C} c WHERE ${HIDDEN} AND c.id >= ${TOTALS_ID_OFFSET})
    SELECT coalesce(h.id, x.id) AS id, x.id IS NOT NULL AS hidden, coalesce(x.value, h.value) AS value, h.vars
    FROM holding h FULL JOIN hidden x ON x.id = h.id ORDER BY 1`);
  const system = emptySystem(vars);
  for (const t of totals) {
    const members = Int32Array.from(t.vars ?? []);
    if (t.hidden) addTarget(system, t.id, members, Number(t.value), members.length === 0, k);
    else if (members.length > 0) { system.equalities.push(members); system.equalityIds.push(t.id); }
  }
  return system;
}

/**
 * The attacker's system when no detail is published: unknowns are the hidden cells of the atom
 * views. A published total gives one equality per atom view refining it; a hidden total is audited
 * as the sum of its hidden atoms, when exactly one atom view refines it. A hidden total with all of
 * an atom view's cells under it published is known: it gives equalities like a published one, and
 * is derivable or, if 1..k−1, failing (see addTarget). One tying two atom views together is
 * counted as failing: auditing the tables apart would not be sound for it.
 */
async function atomSystem(db: Db, cells: string, keys: string, design: DisclosureDesign, measure: string, k: number): Promise<AttackerSystem> {
  const C = sqlIdent(cells);
  const K = sqlIdent(keys);
  const atoms = atomViewGrains(design);
  const isAtom = atoms.map((a) => `(t.view = ${viewLiteral(a.view.name)} AND t.grain = ${grainLiteral(a.grain)})`).join(' OR ');
  await db.run(`CREATE OR REPLACE TEMP TABLE sdc_vars AS SELECT (row_number() OVER (ORDER BY c.id) - 1)::INTEGER AS var, c.id, c.value
    FROM ${C} c JOIN ${K} t ON t.id = c.id WHERE ${HIDDEN} AND (${isAtom})`);
  const vars = await queryRows<{ var: number; id: bigint; value: bigint }>(db, 'SELECT var, id, value FROM sdc_vars ORDER BY var');
  const memberships: string[] = [];
  const expected = new Map<string, number>();
  for (const target of viewGrains(design)) {
    if (atoms.some((a) => sameViewGrain(a, target))) continue;
    const refining = atomsRefining(design, target);
    expected.set(`${target.view.name}|${target.grain}`, refining.length);
    refining.forEach((atom) => {
      memberships.push(`SELECT t.id AS tid, t.${sqlIdent(measure)} AS value, ${atoms.findIndex((a) => sameViewGrain(a, atom))} AS atom_view, v.var FROM sdc_vars v
        JOIN ${K} a ON a.id = v.id AND a.view = ${viewLiteral(atom.view.name)} AND a.grain = ${grainLiteral(atom.grain)}
        JOIN ${K} t ON t.view = ${viewLiteral(target.view.name)} AND t.grain = ${grainLiteral(target.grain)} AND t.period = ${periodAt(atom.grain, target.grain, 'a.period')}${target.view.dims.map((dim) => ` AND t.${sqlIdent(dim)} = a.${sqlIdent(dim)}`).join('')}`);
    });
  }
  const totals = memberships.length === 0 ? [] : await queryRows<{ id: bigint; hidden: boolean; value: bigint; view: string; grain: string; lists: (number[] | null)[] }>(db, `
    WITH m AS (${memberships.join('\nUNION ALL\n')}),
    hidden AS (SELECT c.id, c.value FROM ${C} c WHERE ${HIDDEN} AND c.id NOT IN (SELECT id FROM sdc_vars)),
    per_atom_view AS (
      SELECT coalesce(m.tid, x.id) AS id, x.id IS NOT NULL AS hidden, coalesce(x.value, m.value) AS value, m.atom_view,
        list(m.var ORDER BY m.var) FILTER (WHERE m.var IS NOT NULL) AS vars
      FROM m FULL JOIN hidden x ON x.id = m.tid
      GROUP BY ALL)
    SELECT p.id, p.hidden, p.value, t.view, t.grain, list(p.vars ORDER BY p.atom_view) AS lists
    FROM per_atom_view p JOIN ${K} t ON t.id = p.id GROUP BY ALL ORDER BY p.id`);
  const system = emptySystem(vars);
  for (const t of totals) {
    const lists = t.lists.filter((l): l is number[] => l !== null && l.length > 0).map((l) => Int32Array.from(l));
    if (!t.hidden) {
      for (const members of lists) { system.equalities.push(members); system.equalityIds.push(t.id); }
      continue;
    }
    const ways = expected.get(`${t.view}|${t.grain}`) ?? 0;
    // Fewer lists than atom views refining it: one atom view has all its cells under it published,
    // so the total is known, and so is the sum of the hidden cells under it in every other view.
    const determined = lists.length < ways;
    if (determined) for (const members of lists) { system.equalities.push(members); system.equalityIds.push(t.id); }
    addTarget(system, t.id, lists.length === 1 && ways === 1 ? lists[0]! : new Int32Array(0), Number(t.value), determined, k);
  }
  return system;
}

const emptySystem = (vars: AttackerSystem['vars']): AttackerSystem => ({ vars, equalities: [], equalityIds: [], targets: vars.map((v) => Int32Array.of(v.var)), targetIds: vars.map((v) => v.id), derivable: [] });

/**
 * Adds a withheld total to audit. One that is a sum of published cells only (`fromPublished`) hides
 * nothing: it is withheld because an earlier release withheld it (a revision took the hidden row
 * out from under it), and publishing it now would give that row's earlier value by difference. It
 * is kept withheld and counted as derivable, unless its value is 1..k−1, which would be a leak.
 */
function addTarget(system: AttackerSystem, id: bigint, members: Int32Array, value: number, fromPublished: boolean, k: number): void {
  if (fromPublished && (value === 0 || value >= k)) { system.derivable.push(id); return; }
  system.targets.push(members);
  system.targetIds.push(id);
}

interface AttackerSystem {
  vars: { var: number; id: bigint; value: bigint }[];
  equalities: Int32Array[];
  equalityIds: bigint[];
  targets: Int32Array[];
  targetIds: bigint[];
  /** Withheld totals that are sums of published cells only (see addTarget). */
  derivable: bigint[];
}

/** Builds the attacker's LP (unknowns: the hidden detail rows, or with no detail published the hidden atom cells) and audits every hidden cell. */
async function auditHiddenCells(db: Db, cells: string, keys: string, detail: string, table: TableName, design: DisclosureDesign, measure: string, k: number, lpWork: number): Promise<{ failing: { id: bigint; binding: bigint[]; proven: boolean }[]; lpSolves: number; derivable: number }> {
  const { vars, equalities, equalityIds, targets, targetIds, derivable } = design.publicDetail
    ? await detailSystem(db, cells, keys, detail, design, measure, k)
    : await atomSystem(db, cells, keys, design, measure, k);
  const truth = Float64Array.from(vars, (v) => Number(v.value));
  trace(`audit LP: ${truth.length} variables, ${equalities.length} equalities, ${targets.length} targets`);
  const audit = await auditFeasibleRanges({ truth, equalities, targets, k }, lpWork);
  trace(`audit: ${audit.lpSolves} LP solves, ${audit.failing.length} failing (${audit.failing.filter((f) => f.proven).length} proven)`);
  if (tracing && audit.failing.length > 0) {
    const ids = audit.failing.map((f) => `${targetIds[f.target]}`).join(', ');
    const byView = await queryRows<{ view: string; grain: string; n: bigint }>(db, `SELECT view, grain, count(*) AS n FROM ${sqlIdent(keys)} WHERE id IN (${ids}) GROUP BY ALL ORDER BY n DESC`);
    trace(`failing totals by view: ${byView.map((r) => `${r.view}/${r.grain} ${r.n}`).join(', ')}`);
  }
  await db.run('DROP TABLE IF EXISTS sdc_vars; DROP TABLE IF EXISTS sdc_var_rows');
  return { failing: audit.failing.map((f) => ({ id: targetIds[f.target]!, binding: [...new Set(f.binding)].map((e) => equalityIds[e]!), proven: f.proven })), lpSolves: audit.lpSolves, derivable: derivable.length };
}
