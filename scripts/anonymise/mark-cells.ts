/**
 * Steps 1 and 2 of disclosure control for one measure: the cells table (marked-cells.ts) made from
 * every source of marks. Primary (counts 1..k−1, in the detail rows and every total), frozen and
 * known (previous-pattern-marks.ts), forced (asked for by the joint audit of tied measures), and
 * shared totals.
 */
import type { DisclosureDesign } from '../../src/schema/disclosure.ts';
import type { TableName } from '../../src/schema/tables.ts';
import { sqlIdent } from '../lib/duckdb.ts';
import { grainLiteral, viewLiteral } from '../lib/totals-column-types.ts';
import { coarseness } from './cell-preference.ts';
import type { DisclosureInput, MeasureContext } from './disclosure-context.ts';
import { atomsRefining, viewGrains } from './linear-relations.ts';
import { cellValuesSql, PRIMARY, SECONDARY } from './marked-cells.ts';
import { previousPatternMarks } from './previous-pattern-marks.ts';

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

/** Makes `ctx.cells`; `forced` cells are withheld from the start (the joint audit asked for them). */
export async function markCells(ctx: MeasureContext, input: DisclosureInput, forced: readonly bigint[]): Promise<void> {
  const { db, table, design, keys, detail, cells, k } = ctx;
  const m = sqlIdent(ctx.measure);
  // Each source marks cells as (id, value, coarseness, rule, known, shared); a cell marked by
  // several keeps the first rule in order (primary, frozen, forced), and any known or shared mark.
  const marks = [
    `SELECT t.id, t.${m} AS value, ${coarseness(table, design)} AS coarseness, ${PRIMARY} AS rule, false AS known, false AS shared FROM ${sqlIdent(keys)} t WHERE t.${m} BETWEEN 1 AND ${k - 1}`,
    ...(design.publicDetail ? [`SELECT rowid, ${m}::BIGINT, 0, ${PRIMARY}, false, false FROM ${sqlIdent(detail)} WHERE ${m} BETWEEN 1 AND ${k - 1}`] : []),
    ...sharedTotalsMarks(table, design, keys, ctx.measure),
    ...(await previousPatternMarks(ctx, input)),
    ...(forced.length > 0 ? [`SELECT id, value, coarseness, ${SECONDARY}, false, false FROM (${cellValuesSql(table, design, keys, detail, ctx.measure)}) WHERE value > 0 AND id IN (${forced.join(', ')})`] : []),
  ];
  await db.run(`CREATE OR REPLACE TEMP TABLE ${sqlIdent(cells)} AS
    SELECT id, value, known, rule, shared, coarseness FROM (
      SELECT id, any_value(value) AS value, bool_or(known) AS known, coalesce(min(rule) FILTER (WHERE rule > 0), 0)::UTINYINT AS rule,
        bool_or(shared) AS shared, any_value(coarseness)::INTEGER AS coarseness
      FROM (${marks.join('\n      UNION ALL ')}) GROUP BY id)
    WHERE rule > 0 OR known OR shared`);
  await db.run('DROP TABLE IF EXISTS sdc_previous');
}
