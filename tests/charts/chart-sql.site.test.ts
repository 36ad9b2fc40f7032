/**
 * Every chart's SQL against the current publication in native DuckDB, for every combination of the
 * filters it declares: it runs (or refuses the combination by name), reads only published totals
 * and reference tables, and its figures agree with the published totals.
 */
import { describe, expect, test } from 'vitest';
import { UnsupportedFiltersError } from '../../src/charts/chart-sql.ts';
import { CHARTS, supportsFilters } from '../../src/charts/registry.ts';
import { queryPublished } from '../../src/build/query-published.ts';
import { NO_FILTERS, type Filters } from '../../src/schema/filters.ts';
import { TABLE_NAMES } from '../../src/schema/tables.ts';

const SAMPLE: Record<keyof Filters, string> = {
  period: '2024-H1',
  province: '36',
  nationality: 'CHN',
  category: 'x',
  office: 'KANIM-CILEGON',
};
const CATEGORY: Record<string, string> = { arrivals: 'voa', sanctions: 'deportasi', operations: 'operasi_gabungan', registry: 'mixed_marriages' };

function combinations(keys: readonly (keyof Filters)[]): Partial<Filters>[] {
  return Array.from({ length: 1 << keys.length }, (_, mask) =>
    Object.fromEntries(keys.filter((_, i) => mask & (1 << i)).map((k) => [k, SAMPLE[k]])) as Partial<Filters>,
  );
}

describe.each([...CHARTS.values()])('$id', (chart) => {
  test('answers every combination of its filters from the published views, or refuses it by name', async () => {
    let answered = 0;
    for (const combination of combinations(chart.filters)) {
      const filters: Filters = { ...NO_FILTERS, ...combination, ...(combination.category ? { category: CATEGORY[chart.table]! } : {}) };
      let sql: string;
      try {
        sql = chart.sql(filters);
      } catch (error) {
        expect(error).toBeInstanceOf(UnsupportedFiltersError);
        expect(supportsFilters(chart, filters)).toBe(false);
        continue;
      }
      answered += 1;
      const rows = await queryPublished(sql);
      expect(Array.isArray(rows)).toBe(true);
      for (const row of rows) for (const value of Object.values(row)) expect(typeof value).not.toBe('bigint');
    }
    expect(answered).toBeGreaterThan(0);
  });

  test('reads published totals and reference tables, never the detail cells', () => {
    const sql = chart.sql(NO_FILTERS);
    for (const table of TABLE_NAMES) expect(sql).not.toMatch(new RegExp(`\\b(FROM|JOIN)\\s+${table}\\b(?!_)`, 'i'));
    expect(sql).toMatch(/_totals\b/);
  });
});

test('monthly arrivals add up to the published half-year totals: 4.741.343 and 5.086.765 (+7,28%)', async () => {
  const rows = (await queryPublished(CHARTS.get('arrivals-trend')!.sql(NO_FILTERS))) as { month: string; count: number }[];
  const half = (year: string) => rows.filter((r) => r.month >= `${year}-01-01` && r.month <= `${year}-06-01`).reduce((s, r) => s + r.count, 0);
  const published = await queryPublished(`SELECT CAST(period AS VARCHAR) AS period, CAST(count AS DOUBLE) AS count FROM arrivals_totals
    WHERE view = 'total' AND grain = 'half' AND period IN (DATE '2023-01-01', DATE '2024-01-01') ORDER BY period`);
  expect(published.map((r) => r.count)).toEqual([half('2023'), half('2024')]);
  expect(half('2024')).toBe(5_086_765);
  expect(half('2023')).toBe(4_741_343);
});

test('a ranking chart reports the same counts as its published view', async () => {
  const rows = (await queryPublished(CHARTS.get('sanctions-offices')!.sql({ ...NO_FILTERS, period: '2024-H1' }))) as { code: string; count: number }[];
  const published = await queryPublished(`SELECT office_code AS code, CAST(count AS DOUBLE) AS count FROM sanctions_totals
    WHERE view = 'office_code+is_tak' AND is_tak AND grain = 'half' AND period = DATE '2024-01-01' ORDER BY count DESC, office_code LIMIT 10`);
  expect(rows.map((r) => [r.code, r.count])).toEqual(published.map((r) => [r.code, r.count]));
  // The calibration targets: Bogor 136, Soekarno-Hatta 124, Batam 118 in Jan–Jun 2024.
  expect(rows.slice(0, 3).map((r) => r.count)).toEqual([136, 124, 118]);
});

test('the TIMPORA funnel shows national person counts for the latest year or a chosen month, and refuses a province or an office', async () => {
  const funnel = CHARTS.get('operations-funnel')!;
  type Step = { step: string; value: number | null; withheld: boolean; period_from: string; period_to: string };
  const national = (await queryPublished(funnel.sql(NO_FILTERS))) as Step[];
  expect(national.map((r) => r.step)).toEqual(['foreigners_checked', 'findings', 'follow_ups']);
  expect(national.every((r) => !r.withheld && r.value !== null && r.value > 0)).toBe(true);
  expect(national[0]!.period_from.slice(5)).toBe('01-01');
  // a month: straight from the national monthly cell
  const march = (await queryPublished(funnel.sql({ ...NO_FILTERS, period: '2024-03' }))) as Step[];
  const published = await queryPublished(`SELECT CAST(findings AS DOUBLE) AS value FROM operations_totals WHERE view = 'total' AND grain = 'month' AND period = DATE '2024-03-01'`);
  expect(march[1]!.value).toBe(published[0]!.value);
  // persons are not published by province or office: the chart says so instead of adding anything up
  for (const filters of [{ office: 'KANIM-CILEGON' }, { province: '36' }]) {
    expect(() => funnel.sql({ ...NO_FILTERS, ...filters })).toThrow(UnsupportedFiltersError);
    expect(supportsFilters(funnel, { ...NO_FILTERS, ...filters })).toBe(false);
  }
});

test('the TIMPORA province matrix has every province in every half-year, a province without activities as 0, and adds up to the national totals', async () => {
  const provinces = Number((await queryPublished('SELECT count(*) AS n FROM provinces'))[0]!.n);
  for (const category of [null, 'pertukaran_data']) {
    const rows = (await queryPublished(CHARTS.get('operations-regions')!.sql({ ...NO_FILTERS, category }))) as { half: string; province_code: string; activities: number | null }[];
    const halves = [...new Set(rows.map((r) => r.half))];
    expect(rows.length, `category ${category}`).toBe(provinces * halves.length);
    expect(rows.some((r) => r.activities === 0), `category ${category}: some province held none in some half-year`).toBe(true);
    const national = await queryPublished(`SELECT CAST(period AS VARCHAR) AS half, CAST(activities AS DOUBLE) AS activities FROM operations_totals
      WHERE grain = 'half' AND ${category ? `view = 'activity' AND activity = '${category}'` : "view = 'total'"}`);
    for (const { half, activities } of national) {
      expect(rows.filter((r) => r.half === half).reduce((s, r) => s + (r.activities ?? 0), 0), `${half}, category ${category}`).toBe(activities);
    }
  }
});

test('foreign residents, a stock, are compared at one date (the last month with data in the period), never summed over months', async () => {
  const chart = CHARTS.get('registry-gaps')!;
  for (const [period, expected] of [[null, null], ['2024', '2024-12-01'], ['2025-H1', '2025-06-01']] as const) {
    const rows = (await queryPublished(chart.sql({ ...NO_FILTERS, period }))) as { region_code: string; imigrasi: number | null; imigrasi_withheld: boolean; period_from: string; period_to: string }[];
    const [last] = await queryPublished(`SELECT CAST(max(period) AS VARCHAR) AS month FROM registry_totals WHERE view = 'province_code+metric+source_agency' AND grain = 'month' AND metric = 'foreign_residents'
      ${period ? `AND year(period) = ${period.slice(0, 4)}` : ''}`);
    const date = expected ?? String(last!.month);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect([row.period_from, row.period_to], `period ${period}`).toEqual([date, date]);
      if (row.imigrasi_withheld) continue;
      const [published] = await queryPublished(`SELECT CAST(count AS DOUBLE) AS count FROM registry_totals WHERE view = 'province_code+metric+source_agency' AND grain = 'month'
        AND metric = 'foreign_residents' AND source_agency = 'imigrasi' AND province_code = '${row.region_code}' AND period = DATE '${date}'`);
      expect(row.imigrasi, `${row.region_code} at ${date}`).toBe(published!.count);
    }
  }
});

test('the TAK rate map counts arrivals where it counts TAK: under the province the checkpoint’s office reports under (Soekarno-Hatta under DKI Jakarta)', async () => {
  const rows = (await queryPublished(CHARTS.get('sanctions-rate-map')!.sql(NO_FILTERS))) as { province_code: string; arrivals: number | null; arrivals_withheld: boolean; period_from: string }[];
  const ports = await queryPublished(`SELECT coalesce(offices.province_code, ports.province_code) AS province_code, CAST(sum(t.count) AS DOUBLE) AS arrivals, bool_or(t.count_withheld) AS withheld
    FROM arrivals_totals t JOIN ports ON ports.code = t.port_code LEFT JOIN offices ON offices.code = ports.office_code
    WHERE t.view = 'port_code' AND t.grain = 'half' AND t.period = DATE '${rows[0]!.period_from}' GROUP BY 1`);
  const byProvince = new Map(ports.map((p) => [p.province_code, p]));
  for (const row of rows) {
    const expected = byProvince.get(row.province_code);
    if (expected?.withheld) expect(row.arrivals_withheld, row.province_code).toBe(true);
    else expect(row.arrivals, row.province_code).toBe(expected ? expected.arrivals : 0);
  }
  const [cgk] = await queryPublished(`SELECT CAST(count AS DOUBLE) AS n FROM arrivals_totals WHERE view = 'port_code' AND grain = 'half' AND period = DATE '${rows[0]!.period_from}' AND port_code = 'CGK'`);
  expect(rows.find((r) => r.province_code === '31')!.arrivals).toBeGreaterThanOrEqual(cgk!.n as number);
});
