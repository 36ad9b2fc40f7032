/**
 * An attacker's view of a publication, built independently of the pipeline's own bookkeeping:
 * from the published detail rows and totals alone (plus the true values, which the test knows),
 * every withheld cell's feasible range is solved exactly with two LPs (HiGHS), given every
 * published figure, that every total is the sum of its detail rows, and that a withheld cell is
 * at least 1 (zeros are shown).
 */
import loadHighs from 'highs';
import { DISCLOSURE, PERIOD_GRAINS, WITHHELD, withheldColumn } from '../../src/schema/disclosure.ts';
import type { TableName } from '../../src/schema/tables.ts';
import type { Db } from '../../scripts/lib/duckdb.ts';

export interface CellRange { key: string; truth: number; min: number; max: number }

const periodOf: Record<string, string> = {
  month: 'd.month',
  half: "make_date(year(d.month), CASE WHEN month(d.month) <= 6 THEN 1 ELSE 7 END, 1)",
  year: 'make_date(year(d.month), 1, 1)',
};

/** SQL (tid, did): every totals row with the rowid of each detail row it sums, for every view and grain. */
export function totalMembershipSql(table: TableName, detail: string, totals: string): string {
  return DISCLOSURE[table].views.flatMap((v) => PERIOD_GRAINS.map((g) => `SELECT t.rowid AS tid, d.rowid AS did FROM ${totals} t JOIN ${detail} d
    ON t.view = '${v.name}' AND t.grain = '${g}' AND t.period = ${periodOf[g]}${v.dims.map((x) => ` AND t.${x} = d.${x}`).join('')}`)).join(' UNION ALL ');
}

/**
 * @param detail table of published detail rows (measure null where withheld) with a `truth` column
 * @param totals table of published totals (same) with a `truth` column
 */
export async function withheldRanges(db: Db, table: TableName, measure: string, detail: string, totals: string): Promise<CellRange[]> {
  const flag = withheldColumn(measure);
  const rows = (sql: string) => db.runAndReadAll(sql).then((r) => r.getRowObjectsJS() as Record<string, unknown>[]);
  const det = await rows(`SELECT rowid AS id, truth, ${flag} AS w FROM ${detail} ORDER BY rowid`);
  const hidden = det.filter((d) => d.w);
  const varOf = new Map<bigint, number>(hidden.map((d, i) => [d.id as bigint, i]));
  // every total row with the rowids of its detail rows
  const tot = await rows(`SELECT t.rowid AS tid, t.truth, t.${flag} AS w, t.view || ' ' || t.grain || ' ' || t.period AS key, list(m.did) AS members
    FROM ${totals} t JOIN (${totalMembershipSql(table, detail, totals)}) m ON m.tid = t.rowid GROUP BY ALL`);
  const highs = await loadHighs();
  const n = hidden.length;
  const rowsA: number[][] = [];
  const rhs: number[] = [];
  for (const t of tot) {
    if (t.w) continue;
    const members = (t.members as bigint[]).filter((d) => varOf.has(d)).map((d) => varOf.get(d)!);
    if (members.length === 0) continue;
    rowsA.push(members);
    rhs.push(members.reduce((s, v) => s + Number(hidden[v]!.truth), 0));
  }
  const targets: { key: string; truth: number; vars: number[] }[] = [
    ...hidden.map((d, i) => ({ key: `detail ${d.id}`, truth: Number(d.truth), vars: [i] })),
    ...tot.filter((t) => t.w).map((t) => ({ key: String(t.key), truth: Number(t.truth), vars: (t.members as bigint[]).filter((d) => varOf.has(d)).map((d) => varOf.get(d)!) })),
  ];
  const out: CellRange[] = [];
  for (const target of targets) {
    const known = target.truth - target.vars.reduce((s, v) => s + Number(hidden[v]!.truth), 0);
    if (target.vars.length === 0) { out.push({ key: target.key, truth: target.truth, min: target.truth, max: target.truth }); continue; }
    const solve = (sense: 'maximize' | 'minimize') => {
      const cost = new Array<number>(n).fill(0);
      for (const v of target.vars) cost[v] = 1;
      const starts = [0];
      const indices: number[] = [];
      for (const r of rowsA) { indices.push(...r); starts.push(indices.length); }
      const result = highs.raw.lpCall({
        numCols: n, numRows: rowsA.length, sense: highs.constants.objectiveSense[sense], colCost: cost,
        colLower: new Array(n).fill(WITHHELD.least), colUpper: new Array(n).fill(highs.infinity), rowLower: rhs, rowUpper: rhs,
        matrix: { format: 'csr', numRows: rowsA.length, numCols: n, starts, indices, values: new Array(indices.length).fill(1) },
      });
      if (result.status === highs.constants.status.error) throw new Error('LP error');
      if (result.value.modelStatus === highs.constants.modelStatus.unbounded) return Infinity;
      return known + target.vars.reduce((s, v) => s + result.value.solution.colValue[v]!, 0);
    };
    out.push({ key: target.key, truth: target.truth, min: solve('minimize'), max: solve('maximize') });
  }
  return out;
}
