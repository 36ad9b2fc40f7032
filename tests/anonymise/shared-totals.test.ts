/**
 * Sanctions publish no detail rows: an attacker's unknowns are the cells of the finest tables
 * ("atom views": office × action group and nationality × action group by half-year, action by
 * month). A national total that several of them refine ties those tables together. Withheld, it
 * would hide nothing that can be audited table by table, so it is never withheld to protect
 * another cell; when nothing else can protect a cell, the cell is reported unresolved, and a
 * snapshot of real figures is refused (docs/disclosure-control.md, "Shared totals").
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTotalsTable } from '../../scripts/aggregate/totals-table.ts';
import { applyDisclosureControl } from '../../scripts/anonymise/disclosure-control.ts';
import { openDuckDb, type Db } from '../../scripts/lib/duckdb.ts';
import { DISCLOSURE } from '../../src/schema/disclosure.ts';
import type { DisclosureCounts } from '../../scripts/anonymise/disclosure-counts.ts';
import { withheldRanges, type CellRange } from './verify-protection.ts';

const K = DISCLOSURE.sanctions.measures[0]!.k!;
let db: Db;
beforeAll(async () => {
  db = await openDuckDb();
});
afterAll(() => db.closeSync());

/** Sanctions rows (office, its province, nationality, action, count) for January 2024, protected, in tables `d` and `t` with a `truth` column. */
async function protect(rows: [office: string, province: string, nationality: string, action: string, count: number][]): Promise<DisclosureCounts> {
  const values = rows.map(([office, province, nationality, action, count]) => {
    const group = action === 'deportasi' || action === 'penangkalan' ? action : 'tak_lainnya';
    return `(DATE '2024-01-01', '${office}', '${nationality}', '${action}', 'overstay', ${count}, '${province}', true, '${group}')`;
  });
  await db.run(`CREATE OR REPLACE TEMP TABLE d AS SELECT * FROM (VALUES ${values.join(', ')})
    v(month, office_code, nationality, action, violation, count, province_code, is_tak, action_group) ORDER BY ALL`);
  await buildTotalsTable(db, 'sanctions', 'SELECT * FROM d', 't');
  await db.run('ALTER TABLE d ADD COLUMN truth BIGINT; UPDATE d SET truth = count');
  await db.run('ALTER TABLE t ADD COLUMN truth BIGINT; UPDATE t SET truth = count');
  return applyDisclosureControl(db, 'sanctions', { detail: 'd', totals: 't', previousDir: null });
}

/**
 * The range an attacker holding every published total can narrow each withheld total to. No
 * detail row is published, so every one is an unknown (at least 1: a stronger attacker than one
 * who must allow zeros); cells outside the design (null flag) are not published either.
 */
async function attackerRanges(): Promise<CellRange[]> {
  await db.run('CREATE OR REPLACE TEMP TABLE attacker_d AS SELECT * REPLACE (true AS count_withheld) FROM d');
  await db.run('CREATE OR REPLACE TEMP TABLE attacker_t AS SELECT * FROM t WHERE count_withheld IS NOT NULL');
  return (await withheldRanges(db, 'sanctions', 'count', 'attacker_d', 'attacker_t')).filter((r) => !r.key.startsWith('detail'));
}

const withheld = async (where: string) => (await db.runAndReadAll(`SELECT count_withheld FROM t WHERE ${where}`)).getRows().map((r) => r[0]);

it('never withholds a national total to protect a cell, and reports the cell unresolved instead', async () => {
  // Entry bans: 3 at office A and 8 at office B, nobody else. The national half-year total, 11,
  // then pins each of them to 1..10 in the office table, a range narrower than k: only
  // withholding that national figure could widen it.
  const counts = await protect([
    ['KA', '31', 'CHN', 'deportasi', 40], ['KB', '32', 'CHN', 'deportasi', 50], ['KC', '33', 'CHN', 'deportasi', 60],
    ['KA', '31', 'CHN', 'penangkalan', 3], ['KB', '32', 'CHN', 'penangkalan', 8],
  ]);
  // the two office cells are withheld (under k) ...
  expect(await withheld("view = 'office_code+action_group' AND action_group = 'penangkalan'")).toEqual([true, true]);
  // ... and the national entry-ban totals stay published: month, half-year and year
  expect(await withheld("view = 'action_group' AND action_group = 'penangkalan'")).toEqual([false, false, false]);
  expect(await withheld("view = 'total'")).toEqual([false, false, false]);
  // so the two cells are reported: real figures like these are refused (disclosure-unresolved)
  expect(counts.measures?.count?.unresolved).toBeGreaterThan(0);
  // and an attacker does narrow them: 11 − 1 − 1 = 9 < k
  const narrow = (await attackerRanges()).filter((r) => r.max - r.min < K - 1e-6);
  expect(narrow.map((r) => r.key)).toEqual(expect.arrayContaining([expect.stringMatching(/^office_code\+action_group half/)]));
});

it('protects the same cells without touching national totals when another office can be withheld beside them', async () => {
  // A third office with 25 entry bans: withholding it leaves A and B a range of at least k.
  const counts = await protect([
    ['KA', '31', 'CHN', 'deportasi', 40], ['KB', '32', 'CHN', 'deportasi', 50], ['KC', '33', 'CHN', 'deportasi', 60],
    ['KA', '31', 'CHN', 'penangkalan', 3], ['KB', '32', 'CHN', 'penangkalan', 8], ['KC', '33', 'CHN', 'penangkalan', 25],
  ]);
  expect(counts.measures?.count?.unresolved).toBe(0);
  expect(await withheld("view = 'office_code+action_group' AND action_group = 'penangkalan' ORDER BY office_code")).toEqual([true, true, true]);
  expect(await withheld("view = 'action_group' AND action_group = 'penangkalan'")).toEqual([false, false, false]);
  const ranges = await attackerRanges();
  expect(ranges.length).toBeGreaterThanOrEqual(3);
  for (const cell of ranges) expect(cell.max - cell.min, `${cell.key} = ${cell.truth} lies in [${cell.min}, ${cell.max}]`).toBeGreaterThanOrEqual(K - 1e-6);
});
