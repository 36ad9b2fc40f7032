/**
 * Every linear relation the published files contain, as SQL over the materialised detail rows and
 * totals of one fact table. A relation is a total cell (its "parent") and one way of splitting it:
 *
 *   time       a half-year cell = its six months; a year cell = its two halves (same view; or
 *              its months, where the view has no half-years)
 *   margin     a view's cell = the cells of a view with one more dimension (province = Σ nationality)
 *   hierarchy  a view's cell = the cells of the view with a parent dimension replaced by its child
 *              (province = Σ its ports; is_tak = Σ its actions)
 *   detail     the cell of a view nothing finer refines, at month grain = its detail rows
 *
 * Longer chains (a year = its 12 months, a nation = its 500 offices) are sums of these, so they
 * add no information; the audit works on detail rows directly and sees all of them anyway.
 *
 * Cells get one BIGINT id: a detail row's rowid, or TOTALS_ID_OFFSET + a totals row's rowid.
 * A relation's id is parent id × RELATION_SLOTS + the kind of split, and a relation table
 * `(rid, cid)` lists the parent and every child.
 */
import { DISCLOSURE, PERIOD_GRAINS, totalsDimensions, type DisclosureDesign, type PeriodGrain, type TotalsView } from '../../src/schema/disclosure.ts';
import type { TableName } from '../../src/schema/tables.ts';
import { sqlIdent } from '../lib/duckdb.ts';
import { grainLiteral, PERIOD_GRAIN_TYPE, TOTALS_VIEW_TYPE, viewLiteral } from '../lib/totals-column-types.ts';
import { periodAt } from '../lib/period-sql.ts';

export const TOTALS_ID_OFFSET = 2n ** 40n;
export const RELATION_SLOTS = 1024;
const TIME_SLOT = 0;
const DETAIL_SLOT = 1;
const marginSlot = (childViewIndex: number) => 2 + childViewIndex;

export interface Refinement { parent: TotalsView; child: TotalsView; childIndex: number }

/** Pairs of views where the child splits the parent one step: one more dimension, or a parent dimension replaced by its child. */
export function viewRefinements(design: DisclosureDesign): Refinement[] {
  const { views, hierarchies } = design;
  const out: Refinement[] = [];
  views.forEach((child, childIndex) => {
    for (const parent of views) {
      if (parent === child) continue;
      const added = child.dims.filter((d) => !parent.dims.includes(d));
      const removed = parent.dims.filter((d) => !child.dims.includes(d));
      const oneMore = added.length === 1 && removed.length === 0;
      const replaced = added.length === 1 && removed.length === 1 && hierarchies.some((h) => h.child === added[0] && h.parent === removed[0]);
      if (oneMore || replaced) out.push({ parent, child, childIndex });
    }
  });
  return out;
}

/** Views that no other view refines: their month cells are sums of detail rows. */
export function finestViews(design: DisclosureDesign): TotalsView[] {
  const refined = new Set(viewRefinements(design).map((r) => r.parent.name));
  return design.views.filter((v) => !refined.has(v.name));
}

/** A view at one grain: one table of published cells. */
export interface ViewGrain { view: TotalsView; grain: PeriodGrain }

const GRAIN_RANK: Record<PeriodGrain, number> = { month: 0, half: 1, year: 2 };

/** Every view at every grain it is published at. */
export function viewGrains(design: DisclosureDesign): ViewGrain[] {
  return design.views.flatMap((view) => view.grains.map((grain) => ({ view, grain })));
}

/** A view's dimensions and every hierarchy parent they determine (office → province, action → is_tak). */
function withParents(design: DisclosureDesign, dims: readonly string[]): Set<string> {
  const out = new Set(dims);
  for (let grew = true; grew; ) {
    grew = false;
    for (const h of design.hierarchies) if (out.has(h.child) && !out.has(h.parent)) { out.add(h.parent); grew = true; }
  }
  return out;
}

/** Whether every cell of `coarse` is a sum of cells of `fine` (fewer or coarser dimensions, same or coarser grain). */
export function refines(design: DisclosureDesign, fine: ViewGrain, coarse: ViewGrain): boolean {
  if (fine.view.name === coarse.view.name && fine.grain === coarse.grain) return false;
  const dims = withParents(design, fine.view.dims);
  return GRAIN_RANK[fine.grain] <= GRAIN_RANK[coarse.grain] && coarse.view.dims.every((d) => dims.has(d));
}

/**
 * The views at a grain that nothing published refines: with no detail rows published, their cells
 * are the unknowns of the attacker's system, and every other published cell is a sum of the cells
 * of each of them that refines it.
 */
export function atomViewGrains(design: DisclosureDesign): ViewGrain[] {
  const all = viewGrains(design);
  return all.filter((vg) => !all.some((other) => refines(design, other, vg)));
}

export const sameViewGrain = (a: ViewGrain, b: ViewGrain): boolean => a.view.name === b.view.name && a.grain === b.grain;

/** The atom views (with no detail published) that refine a view at a grain: each gives one way of summing its cells. */
export function atomsRefining(design: DisclosureDesign, target: ViewGrain): ViewGrain[] {
  return atomViewGrains(design).filter((atom) => refines(design, atom, target));
}

/** Every dimension some view of the design breaks down by. */
export function designDimensions(design: DisclosureDesign): string[] {
  return [...new Set(design.views.flatMap((v) => v.dims))];
}

/**
 * `keys` with each cell's dimensions cut back to its own view's (keysStatement fills in hierarchy
 * parents, a port's province, for the relations), and the `carried` columns of keys as they are.
 * Cells of many views and grains can then be found in one join on all of (view, grain, period,
 * every dimension) with `sameCellSql`, where a join per view and grain would scan the 21 M keys of
 * 20 M arrival rows dozens of times.
 */
export function ownDimensionsSql(design: DisclosureDesign, keys: string, carried: readonly string[] = []): string {
  // Only hierarchy parents are filled in; every other dimension is already null outside its views,
  // so only those need a CASE on each of the 21 M keys of 20 M arrival rows (one of five there).
  const filled = new Set(design.hierarchies.map((h) => h.parent));
  const cut = designDimensions(design).map((d) => {
    if (!filled.has(d)) return sqlIdent(d);
    const views = design.views.filter((v) => v.dims.includes(d)).map((v) => viewLiteral(v.name));
    return `CASE WHEN view IN (${views.join(', ')}) THEN ${sqlIdent(d)} END AS ${sqlIdent(d)}`;
  });
  return `SELECT ${['id', 'view', 'grain', 'period', ...cut, ...carried.map(sqlIdent)].join(', ')} FROM ${sqlIdent(keys)}`;
}

/**
 * A cell of `view` as (view, grain, period, every dimension of the design), the dimensions outside
 * the view null as `ownDimensionsSql` has them; `grain` and `period` are SQL expressions and the
 * view's dimensions are read from the alias `rows`. The nulls are untyped: unite such SELECTs with
 * `cellKeysUnion`, which types them.
 */
export function cellKeySql(design: DisclosureDesign, view: TotalsView, grain: string, period: string, rows: string): string {
  const dims = designDimensions(design).map((d) => (view.dims.includes(d) ? `${rows}.${sqlIdent(d)}` : `NULL AS ${sqlIdent(d)}`));
  return [`${viewLiteral(view.name)} AS view`, `${grain} AS grain`, `${period} AS period`, ...dims].join(', ');
}

/**
 * The UNION ALL of SELECTs of `cellKeySql` followed by the `extras` columns, led by an empty
 * SELECT from `keys` that gives every column the keys' own type: the parts' plain nulls take the
 * dimensions' ENUM types from it. (A typed null per dimension in every part, `CASE WHEN false THEN
 * x END`, did the same, and rewriting hundreds of them took much of the planning, which is most of
 * a small table's time for these statements.)
 */
export function cellKeysUnion(design: DisclosureDesign, keys: string, extras: readonly string[], parts: readonly string[]): string {
  const typed = `SELECT ${['view', 'grain', 'period', ...designDimensions(design).map(sqlIdent), ...extras.map((e) => `NULL AS ${e}`)].join(', ')} FROM ${sqlIdent(keys)} WHERE false`;
  return [typed, ...parts].join('\nUNION ALL\n');
}

/** Join condition: two rows of (view, grain, period, every dimension cut to the view's) are the same cell. */
export function sameCellSql(design: DisclosureDesign, left: string, right: string): string {
  return [`${left}.view = ${right}.view AND ${left}.grain = ${right}.grain AND ${left}.period = ${right}.period`,
    ...designDimensions(design).map((d) => `${left}.${sqlIdent(d)} IS NOT DISTINCT FROM ${right}.${sqlIdent(d)}`)].join(' AND ');
}

/**
 * SQL condition: a totals row of `table` (alias `t`) is a cell of the design, a view at a grain it
 * publishes. Just `true` where the design publishes every view at every grain the totals table
 * holds (arrivals' only measure): comparing 21 M view names took 1.5–4 s a time while they were
 * text (they are ENUMs now, totals-column-types.ts, but `true` still costs nothing).
 */
export function inDesignSql(table: TableName, design: DisclosureDesign, alias = 't'): string {
  const everything = DISCLOSURE[table].views.every((v) => v.grains.every((g) => design.views.some((d) => d.name === v.name && d.grains.includes(g))));
  if (everything) return 'true';
  return `(${design.views.map((v) => `(${alias}.view = ${viewLiteral(v.name)} AND ${alias}.grain IN (${v.grains.map(grainLiteral).join(', ')}))`).join(' OR ')})`;
}

/**
 * The statement creating `keys`: the design's totals rows with their id and every hierarchy
 * parent filled in from its child, so a port's row also carries its province; then the `carried`
 * SQL expressions over the totals row `t` (disclosure control keeps each cell's measures there).
 */
export function keysStatement(table: TableName, design: DisclosureDesign, detail: string, totals: string, keys: string, carried: readonly string[] = []): string {
  const { hierarchies } = design;
  const dims = totalsDimensions(table);
  // A parent may come from several children (is_tak from action or from action_group).
  const filled = dims.map((d) => {
    const from = hierarchies.flatMap((h, i) => (h.parent === d ? [`h${i}.parent`] : []));
    return from.length ? `coalesce(t.${sqlIdent(d)}, ${from.join(', ')}) AS ${sqlIdent(d)}` : `t.${sqlIdent(d)}`;
  });
  const hierarchyJoins = hierarchies.map((h, i) => `LEFT JOIN (SELECT DISTINCT ${sqlIdent(h.child)} AS child, ${sqlIdent(h.parent)} AS parent FROM ${sqlIdent(detail)}) h${i} ON h${i}.child = t.${sqlIdent(h.child)}`);
  return `CREATE OR REPLACE TEMP TABLE ${sqlIdent(keys)} AS SELECT ${[`${TOTALS_ID_OFFSET} + t.rowid AS id`, 't.view', 't.grain', 't.period', ...filled, ...carried].join(', ')}
      FROM ${sqlIdent(totals)} t ${hierarchyJoins.join(' ')} WHERE ${inDesignSql(table, design)}`;
}

/**
 * Which relations to list: those whose parent is in the id table `parents`, or those with a child
 * in the id table `children` (only parents are needed then). Tables of one BIGINT column `id`.
 * With `members`, the relations of `parents` are listed with every member, the parent included,
 * and each member's `value` (that measure: a column of keys and of the detail rows) and
 * `coarseness` (SQL over the view and grain columns of an alias; 0 for detail rows).
 */
export type RelationFilter = { parents: string; members?: RelationMembers } | { children: string };
export interface RelationMembers {
  measure: string;
  coarseness: (keysAlias: string) => string;
  /** The kinds of split wanted (`rid % RELATION_SLOTS`): the others' joins are left out. */
  slots: ReadonlySet<number>;
}

/**
 * A SELECT of (rid, cid) for every parent–child link of the relations the filter picks (the
 * parents' own rows, cid = rid // RELATION_SLOTS, are not included unless `members` asks for
 * them). Built around a few thousand hidden cells instead of all relations at once: on 20 M
 * arrival rows the relations number ~100 M, and only those holding a hidden cell matter
 * (disclosure-control.ts).
 */
export function relationLinksSql(design: DisclosureDesign, detail: string, keys: string, filter: RelationFilter): string {
  return 'children' in filter ? parentLinksSql(design, detail, keys, filter.children) : childLinksSql(design, detail, keys, filter.parents, filter.members);
}

/**
 * The links of every relation with a child in `children`: each child's parent cell is worked out
 * from the child itself, for every kind of split at once, and all of them are found in the keys
 * with one join. (Joining keys to keys per kind of split scanned the 21 M keys of 20 M arrival
 * rows some 50 times for a few thousand hidden cells.)
 */
function parentLinksSql(design: DisclosureDesign, detail: string, keys: string, children: string): string {
  const keyRows = `(SELECT * FROM ${sqlIdent(keys)} WHERE id IN (SELECT id FROM ${sqlIdent(children)}))`;
  const detailRows = `(SELECT ${['rowid AS id', 'month', ...designDimensions(design).map(sqlIdent)].join(', ')} FROM ${sqlIdent(detail)} WHERE rowid IN (SELECT id FROM ${sqlIdent(children)}))`;
  const parents: string[] = [];
  for (const view of design.views) {
    // time: each grain the view is published at → the next coarser one (month → half → year)
    const grains = PERIOD_GRAINS.filter((g) => view.grains.includes(g));
    grains.slice(1).forEach((to, i) => parents.push(`SELECT ${cellKeySql(design, view, grainLiteral(to), periodAt(grains[i]!, to, 'c.period'), 'c')}, ${TIME_SLOT} AS slot, c.id AS cid
      FROM child_keys c WHERE c.view = ${viewLiteral(view.name)} AND c.grain = ${grainLiteral(grains[i]!)}`));
  }
  for (const r of viewRefinements(design)) {
    parents.push(`SELECT ${cellKeySql(design, r.parent, 'c.grain', 'c.period', 'c')}, ${marginSlot(r.childIndex)} AS slot, c.id AS cid FROM child_keys c WHERE c.view = ${viewLiteral(r.child.name)}`);
  }
  // Detail rows are linked only where they are published.
  for (const view of design.publicDetail ? finestViews(design) : []) {
    parents.push(`SELECT ${cellKeySql(design, view, grainLiteral('month'), 'c.month', 'c')}, ${DETAIL_SLOT} AS slot, c.id AS cid FROM child_rows c`);
  }
  if (parents.length === 0) return NO_LINKS;
  const inputs = [`child_keys AS MATERIALIZED ${keyRows}`, ...(design.publicDetail ? [`child_rows AS MATERIALIZED ${detailRows}`] : [])];
  return `WITH ${inputs.join(', ')}
    SELECT p.id * ${RELATION_SLOTS} + w.slot AS rid, w.cid FROM (${ownDimensionsSql(design, keys)}) p
    JOIN (${cellKeysUnion(design, keys, ['slot', 'cid'], parents)}) w ON ${sameCellSql(design, 'p', 'w')}`;
}

const NO_LINKS = 'SELECT NULL::BIGINT AS rid, NULL::BIGINT AS cid WHERE false';

/**
 * The links of every relation whose parent is in `parents`: all their children (and, with
 * `members`, the parents themselves, each member with its value and coarseness). The parents' keys
 * are read once; each kind of split then reads only its child view's keys (the keys are stored
 * view by view, so DuckDB skips the rest), not the whole keys table again for the parent side.
 */
function childLinksSql(design: DisclosureDesign, detail: string, keys: string, parents: string, members?: RelationMembers): string {
  const same = (view: TotalsView, left: string, right: string) => view.dims.map((d) => ` AND ${left}.${sqlIdent(d)} = ${right}.${sqlIdent(d)}`).join('');
  // Each member's view and grain, for its coarseness: worked out once over the union below, not
  // in each of its parts (the CASE over every view in each part made most of the statement's
  // text, and planning such statements took most of their time on small tables).
  const valued = (cell: string, isDetail = false) => (members === undefined ? ''
    : `, ${cell}.${sqlIdent(members.measure)}::BIGINT AS value, ${isDetail ? `NULL::${TOTALS_VIEW_TYPE} AS view, NULL::${PERIOD_GRAIN_TYPE} AS grain` : `${cell}.view, ${cell}.grain`}`);
  const parts: string[] = [];
  const wanted = (slot: number) => members === undefined || members.slots.has(slot);
  /** With `members`, each relation of a kind lists its parent too. */
  const parentRows = (slot: number, condition: string) => {
    if (members !== undefined) parts.push(`SELECT p.id * ${RELATION_SLOTS} + ${slot} AS rid, p.id AS cid${valued('p')} FROM parent_keys p WHERE ${condition}`);
  };
  for (const view of design.views) {
    const grains = PERIOD_GRAINS.filter((g) => view.grains.includes(g));
    const steps = grains.slice(1).map((to, i) => `(c.grain = ${grainLiteral(grains[i]!)} AND p.grain = ${grainLiteral(to)} AND p.period = ${periodAt(grains[i]!, to, 'c.period')})`);
    if (steps.length === 0 || !wanted(TIME_SLOT)) continue;
    parts.push(`SELECT p.id * ${RELATION_SLOTS} + ${TIME_SLOT} AS rid, c.id AS cid${valued('c')} FROM ${sqlIdent(keys)} c JOIN parent_keys p
      ON c.view = ${viewLiteral(view.name)} AND p.view = c.view AND (${steps.join(' OR ')})${same(view, 'p', 'c')}`);
    parentRows(TIME_SLOT, `p.view = ${viewLiteral(view.name)} AND p.grain IN (${grains.slice(1).map(grainLiteral).join(', ')})`);
  }
  for (const r of viewRefinements(design)) {
    if (!wanted(marginSlot(r.childIndex))) continue;
    parts.push(`SELECT p.id * ${RELATION_SLOTS} + ${marginSlot(r.childIndex)} AS rid, c.id AS cid${valued('c')} FROM ${sqlIdent(keys)} c JOIN parent_keys p
      ON c.view = ${viewLiteral(r.child.name)} AND p.view = ${viewLiteral(r.parent.name)} AND p.grain = c.grain AND p.period = c.period${same(r.parent, 'p', 'c')}`);
    // Only grains the child view is published at split the parent.
    parentRows(marginSlot(r.childIndex), `p.view = ${viewLiteral(r.parent.name)} AND p.grain IN (${r.child.grains.map(grainLiteral).join(', ')})`);
  }
  for (const view of design.publicDetail && wanted(DETAIL_SLOT) ? finestViews(design) : []) {
    parts.push(`SELECT p.id * ${RELATION_SLOTS} + ${DETAIL_SLOT} AS rid, c.rowid AS cid${valued('c', true)} FROM ${sqlIdent(detail)} c JOIN parent_keys p
      ON p.view = ${viewLiteral(view.name)} AND p.grain = ${grainLiteral('month')} AND p.period = c.month${same(view, 'p', 'c')}`);
    parentRows(DETAIL_SLOT, `p.view = ${viewLiteral(view.name)} AND p.grain = ${grainLiteral('month')}`);
  }
  if (parts.length === 0) return members === undefined ? NO_LINKS : NO_MEMBERS;
  const parentKeys = `WITH parent_keys AS MATERIALIZED (SELECT * FROM ${sqlIdent(keys)} WHERE id IN (SELECT id FROM ${sqlIdent(parents)}))`;
  if (members === undefined) return `${parentKeys}\n${parts.join('\nUNION ALL\n')}`;
  return `${parentKeys}
    SELECT m.rid, m.cid, m.value, coalesce(${members.coarseness('m')}, 0)::INTEGER AS coarseness FROM (${parts.join('\nUNION ALL\n')}) m`;
}

const NO_MEMBERS = 'SELECT NULL::BIGINT AS rid, NULL::BIGINT AS cid, NULL::BIGINT AS value, NULL::INTEGER AS coarseness WHERE false';
