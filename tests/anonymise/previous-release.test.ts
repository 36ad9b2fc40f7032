/**
 * Two releases of the same month: a cell the first release published, with the value it still
 * has, is known to anyone holding both. It cannot protect a cell the second release withholds,
 * and withholding it now would hide nothing. The attacker here knows those cells as well as
 * everything the second release publishes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTotalsTable } from '../../scripts/aggregate/totals-table.ts';
import { applyDisclosureControl } from '../../scripts/anonymise/disclosure-control.ts';
import { openDuckDb, type Db } from '../../scripts/lib/duckdb.ts';
import { DISCLOSURE, totalsDimensions } from '../../src/schema/disclosure.ts';
import { withheldRanges } from './verify-protection.ts';

const K = DISCLOSURE.registry.measures[0]!.k!;
let db: Db;
let previousDir: string;
beforeAll(async () => {
  db = await openDuckDb();
  await db.run('SET preserve_insertion_order = true');
  previousDir = mkdtempSync(join(tmpdir(), 'pantau-previous-'));
});
afterAll(() => {
  db.closeSync();
  rmSync(previousDir, { recursive: true, force: true });
});

/** One release of registry rows (regency → count) for January 2024, protected, in tables `d<n>` and `t<n>` with a `truth` column. */
async function release(n: number, counts: Record<string, number>, previous: string | null): Promise<void> {
  const rows = Object.entries(counts).map(([region, count]) => `(DATE '2024-01-01', '${region}', 'disdukcapil', 'mixed_marriages', ${count}, '${region.slice(0, 2)}')`);
  await db.run(`CREATE OR REPLACE TEMP TABLE d${n} AS SELECT * FROM (VALUES ${rows.join(', ')}) v(month, region_code, source_agency, metric, count, province_code) ORDER BY ALL`);
  await buildTotalsTable(db, 'registry', `SELECT * FROM d${n}`, `t${n}`);
  await db.run(`ALTER TABLE d${n} ADD COLUMN truth BIGINT; UPDATE d${n} SET truth = count`);
  await db.run(`ALTER TABLE t${n} ADD COLUMN truth BIGINT; UPDATE t${n} SET truth = count`);
  await applyDisclosureControl(db, 'registry', { detail: `d${n}`, totals: `t${n}`, previousDir: previous });
}

const published = async (table: string, where: string) => Number((await db.runAndReadAll(`SELECT count(*) FROM ${table} WHERE NOT count_withheld AND ${where}`)).getRows()[0]![0]);

it('does not let a cell the previous release published with the same value protect a newly withheld one', async () => {
  // Release 1: nothing small, everything published.
  await release(1, { 3201: 50, 3202: 60, 3203: 70 }, null);
  expect(await published('d1', 'true')).toBe(3);
  await db.run(`COPY (SELECT * EXCLUDE (truth) FROM d1) TO '${previousDir}/registry.parquet' (FORMAT parquet)`);
  await db.run(`COPY (SELECT * EXCLUDE (truth) FROM t1) TO '${previousDir}/registry_totals.parquet' (FORMAT parquet)`);

  // Release 2 revises 3201 to 5 (withheld: under k); 3202 and 3203 are unchanged, so known.
  await release(2, { 3201: 5, 3202: 60, 3203: 70 }, previousDir);
  expect(await published('d2', "region_code = '3201'")).toBe(0);

  // The attacker: release 2, plus every cell release 1 published with the value it still has.
  const key = (a: string, b: string, columns: readonly string[]) => columns.map((c) => `${a}.${c} IS NOT DISTINCT FROM ${b}.${c}`).join(' AND ');
  const detailKey = ['month', 'region_code', 'source_agency', 'metric'];
  const totalsKey = ['view', 'grain', 'period', ...totalsDimensions('registry')];
  await db.run(`CREATE OR REPLACE TEMP TABLE attacker_d AS SELECT * FROM d2`);
  await db.run(`CREATE OR REPLACE TEMP TABLE attacker_t AS SELECT * FROM t2`);
  await db.run(`UPDATE attacker_d SET count = attacker_d.truth, count_withheld = false FROM d1 WHERE ${key('attacker_d', 'd1', detailKey)} AND NOT d1.count_withheld AND d1.count = attacker_d.truth`);
  await db.run(`UPDATE attacker_t SET count = attacker_t.truth, count_withheld = false FROM t1 WHERE ${key('attacker_t', 't1', totalsKey)} AND NOT t1.count_withheld AND t1.count = attacker_t.truth`);
  expect(await published('attacker_d', "region_code IN ('3202', '3203')")).toBe(2);

  const ranges = await withheldRanges(db, 'registry', 'count', 'attacker_d', 'attacker_t');
  expect(ranges.length).toBeGreaterThan(0);
  for (const cell of ranges) expect(cell.max - cell.min, `${cell.key} = ${cell.truth} lies in [${cell.min}, ${cell.max}]`).toBeGreaterThanOrEqual(K - 1e-6);
});
