/**
 * Steps 1–4 of disclosure control (disclosure-control.ts) for one measure: its cells marked
 * (mark-cells.ts), then secondary suppression and the audit to a fixpoint (suppression-fixpoint.ts).
 */
import { sqlIdent } from '../lib/duckdb.ts';
import { stepTracer } from '../lib/trace.ts';
import type { DisclosureInput, MeasureContext } from './disclosure-context.ts';
import { markCells } from './mark-cells.ts';
import { suppressToFixpoint, type FixpointOutcome } from './suppression-fixpoint.ts';

const trace = stepTracer('sdc');

export interface MeasureOutcome {
  /** The measure's context; its cells table (marked-cells.ts) is kept until its pattern is published. */
  ctx: MeasureContext;
  fixpoint: FixpointOutcome;
}

/** The temp table of one measure's marked cells (marked-cells.ts). */
export const cellsTableName = (ctx: Pick<MeasureContext, 'table' | 'measure'>): string => `sdc_cells_${ctx.table}_${ctx.measure}`;

/** `forced` cells are withheld from the start (the joint audit of tied measures asked for them). */
export async function protectMeasure(ctx: MeasureContext, input: DisclosureInput, forced: readonly bigint[]): Promise<MeasureOutcome> {
  const { db, table, measure } = ctx;
  await markCells(ctx, input, forced);
  trace(`${table} ${measure}: cells`);
  const relations = `sdc_relations_${table}_${measure}`;
  const fixpoint = await suppressToFixpoint(ctx, relations);
  await db.run(`DROP TABLE IF EXISTS ${sqlIdent(relations)}`);
  return { ctx, fixpoint };
}
