/**
 * Which published cell disclosure control withholds to protect another: never a zero or a marked
 * cell, and among the rest detail rows first, then totals from the finest views and grains to the
 * coarsest, smallest value first.
 */
import { totalsDimensions, type DisclosureDesign, type TotalsView } from '../../src/schema/disclosure.ts';
import type { TableName } from '../../src/schema/tables.ts';
import { sqlIdent } from '../lib/duckdb.ts';
import { grainLiteral, viewLiteral } from '../lib/totals-column-types.ts';

/**
 * How coarse a totals cell (a keys or totals row `alias`) is, for the order of preference among
 * cells to withhold: 6 per dimension summed away, 2 per hierarchy level above the finest of a
 * dimension kept (a province is coarser than an office, TAK/non-TAK than an action group), plus
 * the grain's rank. So an office's deportations go before the office's TAK total, which leaders
 * quote.
 */
export function coarseness(table: TableName, design: DisclosureDesign, alias = 't'): string {
  const dims = totalsDimensions(table);
  const { hierarchies } = design;
  const level = (d: string): number => Math.max(0, ...hierarchies.filter((h) => h.parent === d).map((h) => 1 + level(h.child)));
  const score = (view: TotalsView) => 1 + dims.reduce((sum, d) => sum + (view.dims.includes(d) ? 2 * level(d) : 6), 0);
  const byView = design.views.map((v) => `WHEN ${viewLiteral(v.name)} THEN ${score(v)}`).join(' ');
  return `((CASE ${alias}.view ${byView} END) + (CASE ${alias}.grain WHEN ${grainLiteral('month')} THEN 0 WHEN ${grainLiteral('half')} THEN 1 ELSE 2 END))::INTEGER`;
}

/**
 * A cell `c` (with a value) that may be withheld to protect another: not zero, and not marked in
 * the cells table (so published, not known from before, and not a total shared by two atom views,
 * see mark-cells.ts).
 */
export const candidate = (cells: string): string => `c.value > 0 AND c.id NOT IN (SELECT id FROM ${sqlIdent(cells)})`;

/**
 * Order of preference among candidates `c`: detail rows, then totals from the finest views and
 * grains to the coarsest (so national, per-action and per-half-year totals are the last to go),
 * and within each, the smallest value.
 */
export const SMALLEST = `c.coarseness::HUGEINT * ${2n ** 100n} + c.value::HUGEINT * ${2n ** 42n} + c.id`;
