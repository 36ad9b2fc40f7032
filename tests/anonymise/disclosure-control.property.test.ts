/**
 * Property: for random registry-shaped tables (months × regencies in provinces × agencies ×
 * metrics, with their margins at month, half-year and year grain), after disclosure control no
 * published figure is 1..k−1 and no withheld cell's value is pinned: an independent LP over
 * everything published finds each withheld cell's feasible range at least k wide.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyDisclosureControl } from '../../scripts/anonymise/disclosure-control.ts';
import { buildTotalsTable } from '../../scripts/aggregate/totals-table.ts';
import { openDuckDb, type Db } from '../../scripts/lib/duckdb.ts';
import { DISCLOSURE } from '../../src/schema/disclosure.ts';
import { withheldRanges } from './verify-protection.ts';

const K = DISCLOSURE.registry.measures[0]!.k!;
const REGIONS = [['3201', '32'], ['3202', '32'], ['3203', '32'], ['3301', '33'], ['3302', '33']] as const;
const AGENCIES = ['disdukcapil', 'kemenag', 'imigrasi'];
const METRICS = ['mixed_marriages', 'foreign_residents'];

/** Counts skewed small, like the real registry: many 1..9, some zeros, a few large. */
const count = fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 1, max: 9 }) }, { weight: 2, arbitrary: fc.constant(0) }, { weight: 3, arbitrary: fc.integer({ min: 10, max: 120 }) });

const table = fc.record({
  months: fc.integer({ min: 1, max: 6 }),
  regions: fc.integer({ min: 2, max: REGIONS.length }),
  agencies: fc.integer({ min: 1, max: 3 }),
  metrics: fc.integer({ min: 1, max: 2 }),
  // one value per potential cell; trimmed to the chosen shape
  values: fc.array(count, { minLength: 6 * 5 * 3 * 2, maxLength: 6 * 5 * 3 * 2 }),
  // some cells absent altogether (sparse exports)
  present: fc.array(fc.boolean(), { minLength: 6 * 5 * 3 * 2, maxLength: 6 * 5 * 3 * 2 }),
});

describe('disclosure control on random tables', () => {
  let db: Db;
  beforeAll(async () => { db = await openDuckDb(); });
  afterAll(() => db.closeSync());

  it('leaves every withheld cell with a feasible range at least k wide, and publishes no 1..k−1', async () => {
    await fc.assert(
      fc.asyncProperty(table, async (t) => {
        const rows: string[] = [];
        let i = 0;
        for (let m = 0; m < t.months; m++) for (const [region, province] of REGIONS.slice(0, t.regions)) for (const a of AGENCIES.slice(0, t.agencies)) for (const metric of METRICS.slice(0, t.metrics)) {
          const idx = i++;
          if (t.present[idx] || idx === 0) rows.push(`(DATE '2024-0${m + 1}-01', '${region}', '${a}', '${metric}', ${t.values[idx]}, '${province}')`);
        }
        await db.run('SET preserve_insertion_order = true');
        await db.run(`CREATE OR REPLACE TEMP TABLE d AS SELECT * FROM (VALUES ${rows.join(', ')}) v(month, region_code, source_agency, metric, count, province_code) ORDER BY ALL`);
        await buildTotalsTable(db, 'registry', 'SELECT * FROM d', 't');
        await db.run(`ALTER TABLE d ADD COLUMN truth BIGINT; UPDATE d SET truth = count`);
        await db.run(`ALTER TABLE t ADD COLUMN truth BIGINT; UPDATE t SET truth = count`);
        await applyDisclosureControl(db, 'registry', { detail: 'd', totals: 't', previousDir: null });
        const small = await db.runAndReadAll(`SELECT count(*) FROM (SELECT count FROM d UNION ALL SELECT count FROM t) WHERE count BETWEEN 1 AND ${K - 1}`);
        expect(Number(small.getRows()[0]![0])).toBe(0);
        for (const cell of await withheldRanges(db, 'registry', 'count', 'd', 't')) {
          expect(cell.max - cell.min, `${cell.key} = ${cell.truth} lies in [${cell.min}, ${cell.max}]`).toBeGreaterThanOrEqual(K - 1e-6);
        }
      }),
      { numRuns: 25, seed: 5 },
    );
  }, 600_000);
});
