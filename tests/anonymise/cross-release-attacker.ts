/**
 * An attacker who holds several public releases at once, built independently of the pipeline's
 * bookkeeping: one LP over the union of everything the releases publish, detail rows and totals.
 *
 * It is given more than anyone could know: which detail rows a revision left unchanged (the same key
 * with the same true value in two releases is one unknown), so what one release says about a row
 * holds in every release where the row is the same. A row's value published by any release is known
 * in all of them. Each release's published totals are sums of its own rows; a withheld row is at
 * least 1 (zeros are shown). For every withheld cell of every release whose value no release
 * published, and for the change between two releases of every cell withheld in either of them
 * whose value changed, it solves the least and the most it can be (HiGHS), exactly: a change of
 * 1..k−1 attributable to a withheld cell (one late-reported person) is as telling as the value.
 */
import loadHighs from 'highs';
import { totalsDimensions, withheldColumn } from '../../src/schema/disclosure.ts';
import type { TableName } from '../../src/schema/tables.ts';
import type { Db } from '../../scripts/lib/duckdb.ts';
import { totalMembershipSql, type CellRange } from './verify-protection.ts';

/** One release: its published detail rows and totals, each with a `truth` column (the value before disclosure control). */
export interface AttackedRelease { name: string; detail: string; totals: string }

export async function crossReleaseRanges(db: Db, table: TableName, measure: string, key: readonly string[], releases: readonly AttackedRelease[]): Promise<CellRange[]> {
  const flag = withheldColumn(measure);
  const rows = (sql: string) => db.runAndReadAll(sql).then((r) => r.getRowObjectsJS() as Record<string, unknown>[]);
  const rowKey = `concat_ws('|', ${key.map((c) => `${c}::VARCHAR`).join(', ')})`;
  // every detail row of every release, as (release, rowid, key, truth, withheld)
  const detail = await Promise.all(releases.map((r) => rows(`SELECT rowid AS id, ${rowKey} AS key, truth, ${flag} AS w FROM ${r.detail} ORDER BY rowid`)));
  const identity = (d: Record<string, unknown>) => `${String(d.key)}=${String(d.truth)}`;
  const known = new Set(detail.flat().filter((d) => d.w === false).map(identity));
  const varOf = new Map<string, number>();
  for (const d of detail.flat()) if (d.w === true && !known.has(identity(d)) && !varOf.has(identity(d))) varOf.set(identity(d), varOf.size);
  const n = varOf.size;
  const lpRows: { vars: number[]; rhs: number }[] = [];
  /** A linear function of the unknowns: Σ coefficient × variable + constant. */
  const targets: { key: string; truth: number; vars: number[]; coefficients: number[]; known: number }[] = [];
  const publishedTotals = new Set<string>();
  const cellKey = `concat_ws('|', t.view, t.grain, t.period::VARCHAR, ${totalsDimensions(table).map((d) => `coalesce(t.${d}::VARCHAR, '')`).join(', ')})`;
  const perRelease = await Promise.all(releases.map((r) => rows(`SELECT t.rowid AS tid, ${cellKey} AS key, t.truth, t.${flag} AS w, list(m.did) AS members
    FROM ${r.totals} t JOIN (${totalMembershipSql(table, r.detail, r.totals)}) m ON m.tid = t.rowid GROUP BY ALL`)));
  for (const totals of perRelease) for (const t of totals) if (t.w === false) publishedTotals.add(`${String(t.key)}=${String(t.truth)}`);
  perRelease.forEach((totals, i) => {
    const byId = new Map(detail[i]!.map((d) => [d.id as bigint, d]));
    const split = (members: bigint[]) => {
      const vars: number[] = [];
      let constant = 0;
      for (const id of members) {
        const d = byId.get(id)!;
        const v = varOf.get(identity(d));
        if (v === undefined) constant += Number(d.truth);
        else vars.push(v);
      }
      return { vars, constant };
    };
    for (const t of totals) {
      const { vars, constant } = split(t.members as bigint[]);
      if (t.w === false && vars.length > 0) lpRows.push({ vars, rhs: Number(t.truth) - constant });
      if (t.w === true && !publishedTotals.has(`${String(t.key)}=${String(t.truth)}`)) targets.push({ key: `${releases[i]!.name} ${String(t.key)}`, truth: Number(t.truth), vars, coefficients: vars.map(() => 1), known: constant });
    }
    for (const d of detail[i]!) {
      const v = varOf.get(identity(d));
      if (d.w === true && v !== undefined) targets.push({ key: `${releases[i]!.name} detail ${String(d.key)}`, truth: Number(d.truth), vars: [v], coefficients: [1], known: 0 });
    }
  });
  // the change of a cell between two releases, where either withholds it and its value moved
  const linear = (i: number, members: bigint[]) => {
    const byId = new Map(detail[i]!.map((d) => [d.id as bigint, d]));
    const out = { vars: [] as number[], constant: 0 };
    for (const id of members) {
      const d = byId.get(id)!;
      const v = varOf.get(identity(d));
      if (v === undefined) out.constant += Number(d.truth);
      else out.vars.push(v);
    }
    return out;
  };
  for (let i = 0; i < releases.length; i++) for (let j = i + 1; j < releases.length; j++) {
    const change = (name: string, truth: number, before: { vars: number[]; constant: number }, after: { vars: number[]; constant: number }) => {
      const coefficient = new Map<number, number>();
      for (const v of after.vars) coefficient.set(v, (coefficient.get(v) ?? 0) + 1);
      for (const v of before.vars) coefficient.set(v, (coefficient.get(v) ?? 0) - 1);
      const used = [...coefficient].filter(([, c]) => c !== 0);
      targets.push({ key: `change ${releases[i]!.name} → ${releases[j]!.name}: ${name}`, truth, vars: used.map(([v]) => v), coefficients: used.map(([, c]) => c), known: after.constant - before.constant });
    };
    const later = new Map(perRelease[j]!.map((t) => [String(t.key), t]));
    for (const t of perRelease[i]!) {
      const u = later.get(String(t.key));
      if (!u || Number(u.truth) === Number(t.truth) || (t.w !== true && u.w !== true)) continue;
      change(String(t.key), Number(u.truth) - Number(t.truth), linear(i, t.members as bigint[]), linear(j, u.members as bigint[]));
    }
    const laterRows = new Map(detail[j]!.map((d) => [String(d.key), d]));
    for (const d of detail[i]!) {
      const e = laterRows.get(String(d.key));
      if (!e || Number(e.truth) === Number(d.truth) || (d.w !== true && e.w !== true)) continue;
      change(`detail ${String(d.key)}`, Number(e.truth) - Number(d.truth), linear(i, [d.id as bigint]), linear(j, [e.id as bigint]));
    }
  }

  const highs = await loadHighs();
  const starts = [0];
  const indices: number[] = [];
  for (const r of lpRows) { indices.push(...r.vars); starts.push(indices.length); }
  const out: CellRange[] = [];
  const seen = new Set<string>();
  for (const target of targets) {
    const signature = `${target.vars.join(',')}|${target.coefficients.join(',')}|${target.known}`;
    if (seen.has(signature)) continue; // the same unknowns: the same range
    seen.add(signature);
    if (target.vars.length === 0) { out.push({ key: target.key, truth: target.truth, min: target.truth, max: target.truth }); continue; }
    const solve = (sense: 'maximize' | 'minimize') => {
      const cost = new Array<number>(n).fill(0);
      target.vars.forEach((v, x) => { cost[v] = (cost[v] ?? 0) + target.coefficients[x]!; });
      const result = highs.raw.lpCall({
        numCols: n, numRows: lpRows.length, sense: highs.constants.objectiveSense[sense], colCost: cost,
        colLower: new Array(n).fill(1), colUpper: new Array(n).fill(highs.infinity), rowLower: lpRows.map((r) => r.rhs), rowUpper: lpRows.map((r) => r.rhs),
        matrix: { format: 'csr', numRows: lpRows.length, numCols: n, starts, indices, values: new Array(indices.length).fill(1) },
      });
      if (result.status === highs.constants.status.error) throw new Error('LP error');
      if (result.value.modelStatus === highs.constants.modelStatus.unbounded) return sense === 'maximize' ? Infinity : -Infinity;
      if (result.value.modelStatus !== highs.constants.modelStatus.optimal) throw new Error(`LP model status ${result.value.modelStatus}: the releases contradict the truth`);
      return target.known + target.vars.reduce((s, v, x) => s + target.coefficients[x]! * result.value.solution.colValue[v]!, 0);
    };
    out.push({ key: target.key, truth: target.truth, min: solve('minimize'), max: solve('maximize') });
  }
  return out;
}
