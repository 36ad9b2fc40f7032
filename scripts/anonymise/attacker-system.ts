/**
 * The attacker's linear system for one measure (audit-feasible-ranges.ts solves it): the hidden
 * cells as unknowns, every published (or known) total that holds some as an equality, and every
 * hidden cell as a target whose feasible range is audited. Two shapes: with the detail rows
 * published the unknowns are the hidden detail rows; with none published, the hidden cells of the
 * atom views (linear-relations.ts atomViewGrains).
 */
import { queryRows, sqlIdent } from '../lib/duckdb.ts';
import { periodAt } from '../lib/period-sql.ts';
import { grainLiteral, viewLiteral } from '../lib/totals-column-types.ts';
import type { MeasureContext } from './disclosure-context.ts';
import { atomsRefining, atomViewGrains, cellKeySql, cellKeysUnion, designDimensions, ownDimensionsSql, sameCellSql, sameViewGrain, TOTALS_ID_OFFSET, viewGrains } from './linear-relations.ts';
import { HIDDEN } from './marked-cells.ts';

export interface AttackerSystem {
  /** The unknowns: var (index), the cell's id and its true value. */
  vars: { var: number; id: bigint; value: bigint }[];
  /** Each a set of vars whose sum the attacker knows, from the published total `equalityIds[i]`. */
  equalities: Int32Array[];
  equalityIds: bigint[];
  /** Each a set of vars whose sum is the hidden cell `targetIds[i]`. */
  targets: Int32Array[];
  targetIds: bigint[];
  /** Withheld totals that are sums of published cells only (see addTarget). */
  derivable: bigint[];
}

/**
 * The system of `ctx.measure`; leaves the temp tables `sdc_vars` (and `sdc_var_rows`), which the
 * caller drops.
 */
export function attackerSystem(ctx: MeasureContext): Promise<AttackerSystem> {
  return ctx.design.publicDetail ? detailSystem(ctx) : atomSystem(ctx);
}

/** The attacker's system when the detail is published: unknowns are the hidden detail rows. */
async function detailSystem({ db, cells, keys, detail, design, measure, k }: MeasureContext): Promise<AttackerSystem> {
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
async function atomSystem({ db, cells, keys, design, measure, k }: MeasureContext): Promise<AttackerSystem> {
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
