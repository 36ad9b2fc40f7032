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
 *
 * This file runs the passes; each step is a module of its own, given the measure's context
 * (disclosure-context.ts):
 *   protect-measure.ts         steps 1–4 for one measure
 *     mark-cells.ts            1, 2: the cells table (marked-cells.ts), previous-pattern-marks.ts
 *     suppression-fixpoint.ts  3, 4: secondary cells (cell-preference.ts) and the audit, to a fixpoint
 *     audit-hidden-cells.ts    4: the attacker's system (attacker-system.ts) solved
 *                              (audit-feasible-ranges.ts), over the relations of linear-relations.ts
 *   joint-audit.ts             5
 *   withheld-flags.ts          the pattern published: measures nulled, flags raised
 */

import { measureDesign, protectedDetailMeasures, type DisclosureDesign, type ProtectedMeasure } from '../../src/schema/disclosure.ts';
import { TABLES, type TableName } from '../../src/schema/tables.ts';
import { queryRows, sqlIdent, type Db } from '../lib/duckdb.ts';
import { stepTracer } from '../lib/trace.ts';
import type { DisclosureInput, MeasureContext } from './disclosure-context.ts';
import type { DisclosureCounts } from './disclosure-counts.ts';
import { auditTiedMeasures } from './joint-audit.ts';
import { keysStatement } from './linear-relations.ts';
import { FROZEN, PRIMARY, SECONDARY } from './marked-cells.ts';
import { cellsTableName, protectMeasure, type MeasureOutcome } from './protect-measure.ts';
import { addDetailFlags, publishPattern } from './withheld-flags.ts';

const trace = stepTracer('sdc');

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
  const contextOf = (measure: ProtectedMeasure): MeasureContext => ({ db, table, measure: measure.name, k: measure.k!, design: designFor(measure.name), keys, detail, cells: cellsTableName({ table, measure: measure.name }) });
  const forced = new Map<string, bigint[]>();
  let outcomes = new Map<string, MeasureOutcome>();
  const jointUnresolved = new Map<string, number>();
  let jointSolves = 0;
  for (let pass = 1; ; pass += 1) {
    outcomes = new Map();
    // The keys are made once per design: measures published in the same cells share them.
    let keysOf: string | null = null;
    for (const measure of measures) {
      const ctx = contextOf(measure);
      if (keysOf !== designOf(measure)) {
        trace(`${table}: keys`);
        await db.run(keysWithValues(table, ctx.design, detail, totals, keys));
        trace(`${table}: keys made`);
        keysOf = designOf(measure);
      }
      outcomes.set(measure.name, await protectMeasure(ctx, input, forced.get(measure.name) ?? []));
    }
    if (tied.length < 2) break;
    if (keysOf !== designOf(tied[0]!)) await db.run(keysWithValues(table, designFor(tied[0]!.name), detail, totals, keys));
    const joint = await auditTiedMeasures(tied, outcomes);
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
    const { ctx, fixpoint } = outcomes.get(measure.name)!;
    const { k, cells } = ctx;
    result.k = Math.max(result.k ?? 0, k);
    const byRule = await queryRows<{ rule: number; n: bigint }>(db, `SELECT rule, count(*)::BIGINT AS n FROM ${sqlIdent(cells)} WHERE rule > 0 GROUP BY rule`);
    const n = (r: number) => Number(byRule.find((x) => Number(x.rule) === r)?.n ?? 0);
    const unresolved = fixpoint.unresolved + (jointUnresolved.get(measure.name) ?? 0);
    result.measures![measure.name] = { k, primary: n(PRIMARY), secondary: n(SECONDARY), frozen: n(FROZEN), lpSolves: fixpoint.lpSolves, auditRounds: fixpoint.rounds, unresolved, derivable: fixpoint.derivable };
    if (unresolved > 0) result.audited = false;
    result.primary += n(PRIMARY);
    result.secondary += n(SECONDARY);
    result.frozen! += n(FROZEN);
    result.lpSolves! += fixpoint.lpSolves;
    await publishPattern(ctx, totals);
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
