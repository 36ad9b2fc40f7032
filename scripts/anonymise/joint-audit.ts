/**
 * Step 5 of disclosure control, for measures tied by a rule in every cell (follow-ups ≤ findings ≤
 * foreigners checked): one LP over the hidden cells of all of them, with each measure's published
 * totals, and in every cell the rule between the two measures' values, hidden or published. A cell
 * published in one measure bounds the same cell hidden in the other; two hidden ones bound each
 * other. Exact for designs whose unknowns are one table (operations' person counts: national by
 * month); with several atom tables the published activity rows would tie them too, which is why
 * operations publish one.
 */
import type { ProtectedMeasure } from '../../src/schema/disclosure.ts';
import { queryRows, sqlIdent } from '../lib/duckdb.ts';
import { stepTracer } from '../lib/trace.ts';
import { attackerSystem } from './attacker-system.ts';
import { auditFeasibleRanges, LP_WORK, type Inequality } from './audit-feasible-ranges.ts';
import { cellValuesSql } from './marked-cells.ts';
import type { MeasureOutcome } from './protect-measure.ts';

const trace = stepTracer('sdc');

/** A cell of one of the tied measures. */
export interface MeasureCell { measure: string; id: bigint }

export interface JointAudit {
  /** Hidden cells narrower than k in the joint LP, with the published totals that bind them. */
  failing: (MeasureCell & { binding: MeasureCell[] })[];
  lpSolves: number;
}

/** `outcomes`: each tied measure's protection (protect-measure.ts), its cells table still there. */
export async function auditTiedMeasures(tied: readonly ProtectedMeasure[], outcomes: ReadonlyMap<string, MeasureOutcome>): Promise<JointAudit> {
  const contextOf = (measure: ProtectedMeasure) => outcomes.get(measure.name)!.ctx;
  const { db, table } = contextOf(tied[0]!);
  const truth: number[] = [];
  const equalities: Int32Array[] = [];
  const equalityOf: MeasureCell[] = [];
  const targets: Int32Array[] = [];
  const targetOf: MeasureCell[] = [];
  const varOf = new Map<string, Map<bigint, number>>();
  let k = 0;
  for (const measure of tied) {
    k = Math.max(k, measure.k!);
    const system = await attackerSystem(contextOf(measure));
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
      const { cells, design, keys, detail } = contextOf(measure);
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
