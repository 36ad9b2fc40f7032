/**
 * The explorer's SQL (src/explorer/totals-query.ts) over the real publication, checked against sums of
 * the fact tables computed independently: a filter picks the published view that has the filtered
 * column, so every cell equals the fact rows it stands for, and nothing is summed twice.
 */
import { describe, expect, test } from 'vitest';
import { queryPublished } from '../../src/build/query-published.ts';
import { totalsQuery, type TotalsRequest } from '../../src/explorer/totals-query.ts';
import { NO_FILTERS, type Filters } from '../../src/schema/filters.ts';
import { STOCK_METRICS } from '../../src/schema/tables.ts';

const request = (r: Partial<TotalsRequest> & Pick<TotalsRequest, 'table' | 'view'>, filters: Partial<Filters> = {}): TotalsRequest => ({
  measure: 'count', grain: 'month', locale: 'id', ...r, filters: { ...NO_FILTERS, ...filters },
});

type Cell = Record<string, string | number | boolean | null>;
const key = (row: Cell, dims: string[]) => [row.period, ...dims.map((d) => row[d])].join('|');

/**
 * The plan's cells are exactly the expected cells: the same keys, and the same value wherever the
 * cell is published (a withheld cell is null with its flag set; disclosure control decides which)
 * and the expected sum is whole.
 */
async function expectCells(req: TotalsRequest, expectedSql: string, dims: string[]) {
  const plan = totalsQuery(req);
  const rows = await queryPublished<Cell>(plan.sql);
  const expected = await queryPublished<Cell>(expectedSql);
  expect(rows.length).toBeGreaterThan(0);
  const withheld = `${req.measure}_withheld`;
  const got = new Map(rows.map((r) => [key(r, dims), r[withheld] ? 'withheld' : r[req.measure]]));
  expect(got.size).toBe(rows.length);
  expect(rows.filter((r) => r[withheld]).every((r) => r[req.measure] === null)).toBe(true);
  expect(rows.some((r) => !r[withheld])).toBe(true);
  // An expected sum over published detail rows with a withheld row among them (`partial`) is not
  // the true total, so only its presence is compared.
  const want = new Map(expected.map((r) => [key(r, dims), r.partial ? 'partial' : r.value]));
  for (const [k, v] of got) if ((v === 'withheld' || want.get(k) === 'partial') && want.has(k)) want.set(k, v);
  expect(Object.fromEntries(got)).toEqual(Object.fromEntries(want));
  expect([...got.entries()].filter(([k, v]) => v !== 'withheld' && expected.some((r) => key(r, dims) === k && !r.partial)).length).toBeGreaterThan(0);
  return plan;
}

describe('totalsQuery against the fact tables', () => {
  test('arrivals by nationality in Bali, Jan–Jun 2024, per month', async () => {
    const plan = await expectCells(
      request({ table: 'arrivals', view: 'nationality' }, { province: '51', period: '2024-H1' }),
      `SELECT CAST(month AS VARCHAR) AS period, nationality, sum(count) AS value, bool_or(count_withheld) AS partial FROM arrivals
       WHERE province_code = '51' AND month BETWEEN DATE '2024-01-01' AND DATE '2024-06-01' GROUP BY ALL`,
      ['nationality'],
    );
    expect(plan.sourceView).toBe('province_code+nationality');
    expect(plan.applied).toEqual(['province', 'period']);
  });

  test('arrivals by port in Bali per year: ports looked up in the province, not summed', async () => {
    const plan = await expectCells(
      request({ table: 'arrivals', view: 'port_code', grain: 'year' }, { province: '51', nationality: 'AUS' }),
      // whole years only: the public build publishes no year-to-date total (2025 is not complete)
      `SELECT CAST(make_date(year(month), 1, 1) AS VARCHAR) AS period, port_code, sum(count) AS value, bool_or(count_withheld) AS partial FROM arrivals
       WHERE province_code = '51' AND nationality = 'AUS' AND month < DATE '2025-01-01' GROUP BY ALL`,
      ['port_code'],
    );
    expect(plan.sourceView).toBe('port_code+nationality');
  });

  test('TAK (detention excluded) by office per half-year: each published total is the sum of its action groups', async () => {
    // No sanctions detail rows are public, so the check is between views: an office's TAK total
    // equals its deportations + entry bans + other TAK wherever all three are published.
    const plan = totalsQuery(request({ table: 'sanctions', view: 'office_code+is_tak', grain: 'half' }, { category: 'tak' }));
    expect(plan.sourceView).toBe('office_code+is_tak');
    const rows = await queryPublished<Cell>(plan.sql);
    expect(rows.every((r) => r.is_tak === true)).toBe(true);
    const groups = await queryPublished<Cell>(`SELECT CAST(period AS VARCHAR) AS period, office_code, sum(count) AS value
      FROM sanctions_totals WHERE view = 'office_code+action_group' AND grain = 'half' AND action_group <> 'detensi'
      GROUP BY ALL HAVING bool_and(NOT count_withheld)`);
    const sums = new Map(groups.map((g) => [key(g, ['office_code']), Number(g.value)]));
    let compared = 0;
    for (const row of rows) {
      const sum = sums.get(key(row, ['office_code']));
      if (row.count_withheld || sum === undefined) continue;
      expect(Number(row.count), key(row, ['office_code'])).toBe(sum);
      compared += 1;
    }
    // most offices have a small group withheld (k = 10), so few totals can be checked this way
    expect(compared).toBeGreaterThan(2);
  });

  test('a sanctions breakdown by office asked by year is read by half-year, the grain it is published at', () => {
    const plan = totalsQuery(request({ table: 'sanctions', view: 'office_code+action_group', grain: 'year' }, { category: 'deportasi' }));
    expect(plan.grain).toBe('half');
    expect(plan.applied).toEqual(['category']);
    expect(plan.sql).toContain(`"action_group" = 'deportasi'`);
  });

  test('TIMPORA joint operations by level, 2024 (activities are events, published exactly)', async () => {
    await expectCells(
      request({ table: 'operations', view: 'level', measure: 'activities', grain: 'year' }, { category: 'operasi_gabungan', period: '2024' }),
      `SELECT '2024-01-01' AS period, level, count(*) AS value FROM operations
       WHERE activity = 'operasi_gabungan' AND year(month) = 2024 GROUP BY ALL`,
      ['level'],
    );
  });

  test('registry figures by regency in a province, per month (regencies looked up)', async () => {
    await expectCells(
      request({ table: 'registry', view: 'region_code+metric+source_agency', grain: 'month' }, { province: '51' }),
      `SELECT CAST(month AS VARCHAR) AS period, region_code, metric, source_agency, sum(count) AS value, bool_or(count_withheld) AS partial FROM registry
       WHERE region_code IN (SELECT code FROM regencies WHERE province_code = '51') GROUP BY ALL`,
      ['region_code', 'metric', 'source_agency'],
    );
  });

  test('registry by year holds the flows only: a stock (foreign residents) has no yearly figure', async () => {
    const plan = totalsQuery(request({ table: 'registry', view: 'region_code+metric+source_agency', grain: 'year' }, { province: '51' }));
    const rows = await queryPublished<Cell>(plan.sql);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((r) => STOCK_METRICS.includes(String(r.metric)))).toEqual([]);
  });

  test('a filter no published view can answer is reported, not faked', () => {
    const plan = totalsQuery(request({ table: 'arrivals', view: 'sex' }, { nationality: 'AUS', category: 'deportasi' }));
    expect(plan.unavailable).toEqual(['nationality', 'category']);
    expect(plan.sourceView).toBe('sex');
  });

  test('a month filter makes a coarser grain fall back to months', () => {
    expect(totalsQuery(request({ table: 'arrivals', view: 'total', grain: 'year' }, { period: '2024-03' })).grain).toBe('month');
  });
});

describe('"all TAK" on an action breakdown', () => {
  test('keeps the TAK actions (detention out) instead of ignoring the filter', async () => {
    const plan = await expectCells(
      request({ table: 'sanctions', view: 'action', grain: 'half' }, { category: 'tak', period: '2024-H1' }),
      // the half-year cells of every action but detention: the filter keeps rows, it adds nothing up
      `SELECT CAST(period AS VARCHAR) AS period, action, count AS value FROM sanctions_totals
       WHERE view = 'action' AND grain = 'half' AND action <> 'detensi' AND period = DATE '2024-01-01'`,
      ['action'],
    );
    expect(plan.unavailable).toEqual([]);
  });
});
