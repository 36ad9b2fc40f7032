/**
 * Steps 3 and 4 of disclosure control for one measure, run to a fixpoint:
 *   3. secondary  every relation (linear-relations.ts) with exactly one hidden cell, or whose
 *                 published parent leaves its hidden children less than k to share, gets its
 *                 smallest published cell (cell-preference.ts) withheld too, until none is left;
 *   4. audit      an LP proves every hidden cell's feasible range is at least k wide
 *                 (audit-hidden-cells.ts); where it is not, the smallest published cell in a
 *                 relation with the failing cell is withheld, and 3–4 run again.
 * Cells are withheld by adding them to the cells table (marked-cells.ts) with rule SECONDARY.
 */
import { countRows, queryRows, sqlIdent } from '../lib/duckdb.ts';
import { stepTracer, tracing } from '../lib/trace.ts';
import { auditHiddenCells } from './audit-hidden-cells.ts';
import { LP_WORK } from './audit-feasible-ranges.ts';
import { candidate, coarseness, SMALLEST } from './cell-preference.ts';
import type { MeasureContext } from './disclosure-context.ts';
import { RELATION_SLOTS, relationLinksSql, TOTALS_ID_OFFSET } from './linear-relations.ts';
import { HIDDEN, SECONDARY } from './marked-cells.ts';

const trace = stepTracer('sdc');

export interface FixpointOutcome {
  lpSolves: number;
  /** Audit rounds until every hidden cell was proven, or nothing more could be withheld. */
  rounds: number;
  /** Hidden cells left narrower than k: what narrows them an earlier release published. */
  unresolved: number;
  derivable: number;
}

/** Grows `ctx.cells` to the fixpoint; `relations` names the temp table of the relations around hidden cells (dropped by the caller). */
export async function suppressToFixpoint(ctx: MeasureContext, relations: string): Promise<FixpointOutcome> {
  const { db, cells, keys, detail, table, design, measure, k } = ctx;
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
    if ((await countRows(db, 'SELECT 1 FROM sdc_new')) === 0) return;
    await db.run(`INSERT INTO ${R} SELECT rid, cid FROM (${relationLinksSql(design, detail, keys, { children: 'sdc_new' })})`);
    if (tracing()) trace(`${table}: links to the parents of ${await countRows(db, 'SELECT 1 FROM sdc_new')} newly hidden cells`);
    // Each relation's parent, once; a hidden parent's relations count even with no hidden child.
    // Only totals are parents: where the newly hidden cells are all detail rows (arrivals' small
    // cells), there are none to look up, and listing them would read the keys and rows again.
    const hiddenTotals = await countRows(db, `SELECT 1 FROM sdc_new WHERE id >= ${TOTALS_ID_OFFSET}`);
    const ofHiddenParents = hiddenTotals > 0 ? `SELECT rid FROM (${relationLinksSql(design, detail, keys, { parents: 'sdc_new' })}) UNION ` : '';
    await db.run(`INSERT INTO ${R} SELECT DISTINCT x.rid, x.rid // ${RELATION_SLOTS}
      FROM (${ofHiddenParents}SELECT rid FROM ${R}) x
      WHERE NOT EXISTS (SELECT 1 FROM ${R} p WHERE p.rid = x.rid AND p.cid = x.rid // ${RELATION_SLOTS})`);
    await db.run('INSERT INTO sdc_covered SELECT id FROM sdc_new');
    if (tracing()) trace(`${table}: ${await countRows(db, `SELECT 1 FROM ${R}`)} links around ${await countRows(db, 'SELECT 1 FROM sdc_covered')} hidden cells`);
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
      if ((await countRows(db, 'SELECT 1 FROM sdc_wanted')) === 0) break;
      if (tracing()) trace(`${table}: ${await countRows(db, 'SELECT 1 FROM sdc_wanted')} relations want a complement`);
      await listMembers();
      if (tracing()) trace(`${table}: ${await countRows(db, 'SELECT 1 FROM sdc_members')} members listed`);
      if ((await withholdSmallest('SELECT rid AS choice, id, value, coarseness FROM sdc_members')) === 0) break;
    }
    // 4. audit
    if (tracing()) trace(`${table} round ${round}: audit, ${await countRows(db, `SELECT 1 FROM ${C} WHERE rule > 0`)} withheld`);
    // A cell the LP budget could not prove counts as failing: the budget may cost information,
    // never protection. The loop ends only when every hidden cell is proven.
    const audit = await auditHiddenCells(ctx, LP_WORK);
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
