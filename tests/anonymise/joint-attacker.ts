/**
 * A stronger attacker than the pipeline's own audit, built independently of it: one LP over every
 * measure of a table at once, with the detail rows' values as unknowns. It knows every published
 * value in the detail rows and the totals, that each total is the sum of its detail rows, that a
 * withheld cell is at least 1 (zeros are shown), that an unpublished one is at least 0, and the
 * rules each row obeys (findings ≤ foreigners checked, from `atMost`). For every withheld cell it
 * solves the least and the most the cell can be (HiGHS), exactly.
 */
import loadHighs from 'highs';
import { DISCLOSURE, WITHHELD, withheldColumn } from '../../src/schema/disclosure.ts';
import type { TableName } from '../../src/schema/tables.ts';
import type { Db } from '../../scripts/lib/duckdb.ts';
import { totalMembershipSql, type CellRange } from './verify-protection.ts';


/**
 * @param detail published detail rows with a `truth_<measure>` column per protected measure
 * @param totals published totals, likewise
 */
export async function jointWithheldRanges(db: Db, table: TableName, detail: string, totals: string): Promise<CellRange[]> {
  const measures = DISCLOSURE[table].measures.filter((m) => m.k !== null).map((m) => m.name);
  const rows = (sql: string) => db.runAndReadAll(sql).then((r) => r.getRowObjectsJS() as Record<string, unknown>[]);
  const det = await rows(`SELECT rowid AS id, ${measures.map((m) => `${m}, ${withheldColumn(m)} AS w_${m}, truth_${m}`).join(', ')} FROM ${detail} ORDER BY rowid`);
  const rowIndex = new Map(det.map((d, i) => [d.id as bigint, i]));
  // one variable per (detail row, measure) not published in the row
  const varOf = new Map<string, number>();
  const lower: number[] = [];
  det.forEach((d, i) => {
    for (const m of measures) {
      if (d[`w_${m}`] === false) continue;
      varOf.set(`${i}|${m}`, lower.length);
      lower.push(d[`w_${m}`] === true ? WITHHELD.least : 0);
    }
  });
  const n = lower.length;
  const tot = await rows(`SELECT t.rowid AS tid, t.view || ' ' || t.grain || ' ' || t.period AS key, ${measures.map((m) => `t.${m}, t.${withheldColumn(m)} AS w_${m}, t.truth_${m}`).join(', ')}, list(m.did) AS members
    FROM ${totals} t JOIN (${totalMembershipSql(table, detail, totals)}) m ON m.tid = t.rowid GROUP BY ALL`);

  // Rows of the LP: lo ≤ Σ coefficient × x ≤ hi
  const lpRows: { vars: number[]; coefficients: number[]; lo: number; hi: number }[] = [];
  const sumOver = (members: number[], m: string) => {
    const vars: number[] = [];
    let known = 0;
    for (const i of members) {
      const v = varOf.get(`${i}|${m}`);
      if (v === undefined) known += Number(det[i]![m]);
      else vars.push(v);
    }
    return { vars, known };
  };
  const targets: { key: string; truth: number; vars: number[]; known: number }[] = [];
  for (const t of tot) {
    const members = (t.members as bigint[]).map((id) => rowIndex.get(id)!);
    for (const m of measures) {
      const { vars, known } = sumOver(members, m);
      if (t[`w_${m}`] === false && vars.length > 0) lpRows.push({ vars, coefficients: vars.map(() => 1), lo: Number(t[m]) - known, hi: Number(t[m]) - known });
      if (t[`w_${m}`] === true) {
        targets.push({ key: `${m} ${String(t.key)}`, truth: Number(t[`truth_${m}`]), vars, known });
        if (vars.length > 0) lpRows.push({ vars, coefficients: vars.map(() => 1), lo: WITHHELD.least - known, hi: Infinity });
      }
    }
  }
  for (const [i, d] of det.entries()) {
    for (const m of measures) if (d[`w_${m}`] === true) targets.push({ key: `${m} detail ${d.id}`, truth: Number(d[`truth_${m}`]), vars: [varOf.get(`${i}|${m}`)!], known: 0 });
  }
  // the rules every row obeys: x_m ≤ x_M
  for (const spec of DISCLOSURE[table].measures) {
    if (!spec.atMost) continue;
    for (let i = 0; i < det.length; i++) {
      const small = varOf.get(`${i}|${spec.name}`);
      const large = varOf.get(`${i}|${spec.atMost}`);
      const smallKnown = small === undefined ? Number(det[i]![spec.name]) : 0;
      const largeKnown = large === undefined ? Number(det[i]![spec.atMost]) : 0;
      const vars = [small, large].filter((v): v is number => v !== undefined);
      if (vars.length === 0) continue;
      lpRows.push({ vars, coefficients: [small, large].flatMap((v, j) => (v === undefined ? [] : [j === 0 ? 1 : -1])), lo: -Infinity, hi: largeKnown - smallKnown });
    }
  }

  const highs = await loadHighs();
  const inf = (x: number) => (x === Infinity ? highs.infinity : x === -Infinity ? -highs.infinity : x);
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const r of lpRows) { indices.push(...r.vars); values.push(...r.coefficients); starts.push(indices.length); }
  const out: CellRange[] = [];
  for (const target of targets) {
    if (target.vars.length === 0) { out.push({ key: target.key, truth: target.truth, min: target.truth, max: target.truth }); continue; }
    const solve = (sense: 'maximize' | 'minimize') => {
      const cost = new Array<number>(n).fill(0);
      for (const v of target.vars) cost[v] = 1;
      const result = highs.raw.lpCall({
        numCols: n, numRows: lpRows.length, sense: highs.constants.objectiveSense[sense], colCost: cost,
        colLower: lower, colUpper: new Array(n).fill(highs.infinity), rowLower: lpRows.map((r) => inf(r.lo)), rowUpper: lpRows.map((r) => inf(r.hi)),
        matrix: { format: 'csr', numRows: lpRows.length, numCols: n, starts, indices, values },
      });
      if (result.status === highs.constants.status.error) throw new Error('LP error');
      if (result.value.modelStatus === highs.constants.modelStatus.unbounded) return Infinity;
      if (result.value.modelStatus !== highs.constants.modelStatus.optimal) throw new Error(`LP model status ${result.value.modelStatus}: the published figures contradict the truth`);
      return target.known + target.vars.reduce((s, v) => s + result.value.solution.colValue[v]!, 0);
    };
    out.push({ key: target.key, truth: target.truth, min: solve('minimize'), max: solve('maximize') });
  }
  return out;
}
