/**
 * Step 4 of disclosure control for one measure: builds the attacker's system (attacker-system.ts)
 * and audits every hidden cell's feasible range (audit-feasible-ranges.ts).
 */
import { queryRows, sqlIdent } from '../lib/duckdb.ts';
import { stepTracer, tracing } from '../lib/trace.ts';
import { attackerSystem } from './attacker-system.ts';
import { auditFeasibleRanges } from './audit-feasible-ranges.ts';
import type { MeasureContext } from './disclosure-context.ts';

const trace = stepTracer('sdc');

export interface HiddenCellsAudit {
  /** Hidden cells narrower than k (or not proven, within the LP budget), with the published totals that bind them. */
  failing: { id: bigint; binding: bigint[]; proven: boolean }[];
  lpSolves: number;
  /** Withheld totals that are sums of published cells only (attacker-system.ts addTarget). */
  derivable: number;
}

export async function auditHiddenCells(ctx: MeasureContext, lpWork: number): Promise<HiddenCellsAudit> {
  const { db, keys, k } = ctx;
  const { vars, equalities, equalityIds, targets, targetIds, derivable } = await attackerSystem(ctx);
  const truth = Float64Array.from(vars, (v) => Number(v.value));
  trace(`audit LP: ${truth.length} variables, ${equalities.length} equalities, ${targets.length} targets`);
  const audit = await auditFeasibleRanges({ truth, equalities, targets, k }, lpWork);
  trace(`audit: ${audit.lpSolves} LP solves, ${audit.failing.length} failing (${audit.failing.filter((f) => f.proven).length} proven)`);
  if (tracing() && audit.failing.length > 0) {
    const ids = audit.failing.map((f) => `${targetIds[f.target]}`).join(', ');
    const byView = await queryRows<{ view: string; grain: string; n: bigint }>(db, `SELECT view, grain, count(*) AS n FROM ${sqlIdent(keys)} WHERE id IN (${ids}) GROUP BY ALL ORDER BY n DESC`);
    trace(`failing totals by view: ${byView.map((r) => `${r.view}/${r.grain} ${r.n}`).join(', ')}`);
  }
  await db.run('DROP TABLE IF EXISTS sdc_vars; DROP TABLE IF EXISTS sdc_var_rows');
  return { failing: audit.failing.map((f) => ({ id: targetIds[f.target]!, binding: [...new Set(f.binding)].map((e) => equalityIds[e]!), proven: f.proven })), lpSolves: audit.lpSolves, derivable: derivable.length };
}
