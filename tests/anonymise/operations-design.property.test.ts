/**
 * Property: for random operations-shaped tables (activities by month, province, level, office
 * and kind, each with foreigners checked ≥ violations found ≥ proceedings opened), after
 * disclosure control no published person count is 1..k−1, none is in the detail rows, and an
 * attacker solving one LP over all three measures at once (tests/anonymise/joint-attacker.ts,
 * which also knows that findings never exceed foreigners checked) finds every withheld cell's
 * feasible range at least k wide.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyDisclosureControl } from '../../scripts/anonymise/disclosure-control.ts';
import { buildTotalsTable } from '../../scripts/aggregate/totals-table.ts';
import { openDuckDb, type Db } from '../../scripts/lib/duckdb.ts';
import { DISCLOSURE } from '../../src/schema/disclosure.ts';
import { jointWithheldRanges } from './joint-attacker.ts';

const PERSONS = ['foreigners_checked', 'findings', 'follow_ups'] as const;
const K = DISCLOSURE.operations.measures.find((m) => m.name === 'findings')!.k!;
const PROVINCES = ['31', '51'];
const LEVELS = ['provinsi', 'kabupaten_kota'];
const ACTIVITIES = ['operasi_gabungan', 'rakor'];
const OFFICES = ['KANIM-A', 'KANIM-B', 'KANIM-C'];

/** One activity: where, what, and how many persons at each step (each step at most the one before). */
const activity = fc.record({
  month: fc.integer({ min: 1, max: 6 }),
  province: fc.integer({ min: 0, max: PROVINCES.length - 1 }),
  level: fc.integer({ min: 0, max: LEVELS.length - 1 }),
  kind: fc.integer({ min: 0, max: ACTIVITIES.length - 1 }),
  office: fc.integer({ min: 0, max: OFFICES.length - 1 }),
  // many counts just above k, and findings close to them: where one measure's published count
  // bounds another's withheld one
  checked: fc.oneof({ weight: 1, arbitrary: fc.integer({ min: 0, max: 9 }) }, { weight: 4, arbitrary: fc.integer({ min: 10, max: 12 }) }, { weight: 1, arbitrary: fc.integer({ min: 15, max: 80 }) }),
  foundShare: fc.double({ min: 0, max: 1, noNaN: true }),
  followShare: fc.double({ min: 0, max: 1, noNaN: true }),
});

describe('operations disclosure control on random tables', () => {
  let db: Db;
  beforeAll(async () => { db = await openDuckDb(); });
  afterAll(() => db.closeSync());

  /** One activity row as SQL values: date, month, province, level, kind, office, then the three counts. */
  const activityRow = (i: number, month: number, where: readonly [string, string, string, string], counts: readonly [number, number, number]) =>
    `(DATE '2024-0${month}-${String(1 + (i % 28)).padStart(2, '0')}', DATE '2024-0${month}-01', ${where.map((w) => `'${w}'`).join(', ')}, ${counts.join(', ')})`;

  /** Loads activity rows as `d` and their totals as `t`, each with truth columns, and protects them. */
  async function protect(rows: readonly string[]) {
    await db.run('SET preserve_insertion_order = true');
    await db.run(`CREATE OR REPLACE TEMP TABLE d AS SELECT * FROM (VALUES ${rows.join(', ')}) v(date, month, province_code, level, activity, office_code, ${PERSONS.join(', ')}) ORDER BY ALL`);
    await buildTotalsTable(db, 'operations', 'SELECT * FROM d', 't');
    for (const m of PERSONS) {
      await db.run(`ALTER TABLE d ADD COLUMN truth_${m} BIGINT; UPDATE d SET truth_${m} = ${m}`);
      await db.run(`ALTER TABLE t ADD COLUMN truth_${m} BIGINT; UPDATE t SET truth_${m} = ${m}`);
    }
    return applyDisclosureControl(db, 'operations', { detail: 'd', totals: 't', previousDir: null });
  }

  it('withholds the foreigners checked of a month whose findings are withheld and would otherwise be pinned by them', async () => {
    // January: 10 checked, 5 found. Publishing the 10 would tell anyone the 5 lies in 1..10.
    const months = [[1, 10, 5, 0], [2, 40, 20, 0], [3, 40, 20, 0], [4, 40, 20, 0], [5, 40, 20, 0], [6, 40, 20, 0]] as const;
    const counts = await protect(months.map(([month, ...persons], i) => activityRow(i, month, ['31', 'provinsi', 'operasi_gabungan', 'KANIM-A'], persons)));
    expect(counts.audited).toBe(true);
    const january = await db.runAndReadAll(`SELECT findings_withheld, foreigners_checked_withheld FROM t WHERE view = 'total' AND grain = 'month' AND period = DATE '2024-01-01'`);
    expect(january.getRows()[0]).toEqual([true, true]);
    for (const cell of await jointWithheldRanges(db, 'operations', 'd', 't')) expect(cell.max - cell.min, cell.key).toBeGreaterThanOrEqual(K - 1e-6);
  });

  it('leaves every withheld person count a range at least k wide against an attacker using all three measures', async () => {
    let bounded = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(activity, { minLength: 3, maxLength: 12 }), async (activities) => {
        const counts = await protect(activities.map((a, i) => {
          const findings = Math.floor(a.checked * a.foundShare);
          const followUps = Math.floor(findings * a.followShare);
          return activityRow(i, a.month, [PROVINCES[a.province]!, LEVELS[a.level]!, ACTIVITIES[a.kind]!, OFFICES[a.office]!], [a.checked, findings, followUps]);
        }));
        expect(counts.audited).toBe(true);
        for (const m of PERSONS) {
          const small = await db.runAndReadAll(`SELECT count(*) FROM t WHERE ${m} BETWEEN 1 AND ${K - 1}`);
          expect(Number(small.getRows()[0]![0]), m).toBe(0);
          const inDetail = await db.runAndReadAll(`SELECT count(${m}) FROM d`);
          expect(Number(inDetail.getRows()[0]![0]), m).toBe(0);
        }
        // cells where a published larger count bounds a withheld smaller one: the case the bounds are for
        for (const [small, large] of [['follow_ups', 'findings'], ['findings', 'foreigners_checked']]) {
          bounded += Number((await db.runAndReadAll(`SELECT count(*) FROM t WHERE ${small}_withheld AND NOT ${large}_withheld`)).getRows()[0]![0]);
        }
        for (const cell of await jointWithheldRanges(db, 'operations', 'd', 't')) {
          expect(cell.max - cell.min, `${cell.key} = ${cell.truth} lies in [${cell.min}, ${cell.max}]`).toBeGreaterThanOrEqual(K - 1e-6);
        }
      }),
      { numRuns: 30, seed: 11 },
    );
    expect(bounded).toBeGreaterThan(0);
  }, 600_000);
});
