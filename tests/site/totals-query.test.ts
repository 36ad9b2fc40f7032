/**
 * The explorer's SQL (src/lib/totals-query.ts) over the real publication, checked against sums of
 * the fact tables computed independently: a filter picks the published view that has the filtered
 * column, so every cell equals the fact rows it stands for, and nothing is summed twice.
 */
import { describe, expect, test } from 'vitest';
import { explorerCsv, explorerModel, explorerTableHtml } from '../../src/lib/explorer-table.ts';
import { queryPublished } from '../../src/lib/query-published.ts';
import { totalsQuery, type TotalsRequest } from '../../src/lib/totals-query.ts';
import { NO_FILTERS, type Filters } from '../../src/schema/filters.ts';

const request = (r: Partial<TotalsRequest> & Pick<TotalsRequest, 'table' | 'view'>, filters: Partial<Filters> = {}): TotalsRequest => ({
  measure: 'count', grain: 'month', locale: 'id', ...r, filters: { ...NO_FILTERS, ...filters },
});

type Cell = Record<string, string | number | boolean | null>;
const key = (row: Cell, dims: string[]) => [row.period, ...dims.map((d) => row[d])].join('|');

async function expectCells(req: TotalsRequest, expectedSql: string, dims: string[]) {
  const plan = totalsQuery(req);
  const rows = await queryPublished<Cell>(plan.sql);
  const expected = await queryPublished<Cell>(expectedSql);
  expect(rows.length).toBeGreaterThan(0);
  const got = new Map(rows.map((r) => [key(r, dims), r[req.measure]]));
  expect(got.size).toBe(rows.length);
  expect(Object.fromEntries(got)).toEqual(Object.fromEntries(expected.map((r) => [key(r, dims), r.value])));
  return plan;
}

describe('totalsQuery against the fact tables', () => {
  test('arrivals by nationality in Bali, Jan–Jun 2024, per month', async () => {
    const plan = await expectCells(
      request({ table: 'arrivals', view: 'nationality' }, { province: '51', period: '2024-H1' }),
      `SELECT CAST(month AS VARCHAR) AS period, nationality, sum(count) AS value FROM arrivals
       WHERE province_code = '51' AND month BETWEEN DATE '2024-01-01' AND DATE '2024-06-01' GROUP BY ALL`,
      ['nationality'],
    );
    expect(plan.sourceView).toBe('province_code+nationality');
    expect(plan.applied).toEqual(['province', 'period']);
  });

  test('arrivals by port in Bali per year: ports looked up in the province, not summed', async () => {
    const plan = await expectCells(
      request({ table: 'arrivals', view: 'port_code', grain: 'year' }, { province: '51', nationality: 'AUS' }),
      `SELECT CAST(make_date(year(month), 1, 1) AS VARCHAR) AS period, port_code, sum(count) AS value FROM arrivals
       WHERE province_code = '51' AND nationality = 'AUS' GROUP BY ALL`,
      ['port_code'],
    );
    expect(plan.sourceView).toBe('port_code+nationality');
  });

  test('TAK (detention excluded) by office per half-year', async () => {
    await expectCells(
      request({ table: 'sanctions', view: 'office_code', grain: 'half' }, { category: 'tak' }),
      `SELECT CAST(make_date(year(month), CASE WHEN month(month) <= 6 THEN 1 ELSE 7 END, 1) AS VARCHAR) AS period, office_code, sum(count) AS value
       FROM sanctions WHERE action <> 'detensi' GROUP BY ALL`,
      ['office_code'],
    );
  });

  test('TIMPORA findings of joint operations by level, 2024', async () => {
    await expectCells(
      request({ table: 'operations', view: 'level', measure: 'findings' }, { category: 'operasi_gabungan', period: '2024' }),
      `SELECT CAST(month AS VARCHAR) AS period, level, sum(findings) AS value FROM operations
       WHERE activity = 'operasi_gabungan' AND year(month) = 2024 GROUP BY ALL`,
      ['level'],
    );
  });

  test('registry figures by regency in a province (regencies looked up)', async () => {
    await expectCells(
      request({ table: 'registry', view: 'region_code+metric+source_agency', grain: 'year' }, { province: '51' }),
      `SELECT CAST(make_date(year(month), 1, 1) AS VARCHAR) AS period, region_code, metric, source_agency, sum(count) AS value FROM registry
       WHERE region_code IN (SELECT code FROM regencies WHERE province_code = '51') GROUP BY ALL`,
      ['region_code', 'metric', 'source_agency'],
    );
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

describe('withheld cells', () => {
  // A fixture publication's rows: disclosure control withheld CHN's 2024 count (null, flag true).
  const rows: Cell[] = [
    { period: '2024-01-01', nationality: 'AUS', nationality_label: 'Australia', count: 120, count_withheld: false },
    { period: '2024-01-01', nationality: 'CHN', nationality_label: 'RRT', count: null, count_withheld: true },
  ];
  const plan = totalsQuery(request({ table: 'sanctions', view: 'nationality', grain: 'year' }));

  test('show as "<k" with a footnote, and an empty CSV value with its flag', () => {
    const model = explorerModel(rows, plan, 'count', 10, 'id', 'TAK', 'Jumlah');
    expect(model.hasWithheld).toBe(true);
    const html = explorerTableHtml(model, 'id');
    expect(html).toContain('<td class="num" data-withheld><span>&lt;10</span>');
    expect(html).toContain('angka 1 sampai 9 disembunyikan');
    const csv = explorerCsv(rows, plan, 'count', 'en');
    expect(csv.trimEnd().split('\n')).toEqual([
      '\uFEFFperiod,grain,nationality,nationality_label,count,count_withheld',
      '2024-01-01,year,AUS,Australia,120,false',
      '2024-01-01,year,CHN,RRT,,true',
    ]);
  });
});

describe('"all TAK" on an action breakdown', () => {
  test('keeps the TAK actions (detention out) instead of ignoring the filter', async () => {
    const plan = await expectCells(
      request({ table: 'sanctions', view: 'action', grain: 'half' }, { category: 'tak', period: '2024-H1' }),
      `SELECT '2024-01-01' AS period, action, sum(count) AS value FROM sanctions
       WHERE action <> 'detensi' AND month BETWEEN DATE '2024-01-01' AND DATE '2024-06-01' GROUP BY ALL`,
      ['action'],
    );
    expect(plan.unavailable).toEqual([]);
  });
});

describe('period labels', () => {
  test('a year or half-year the coverage ends inside is marked partial', async () => {
    const { periodLabel } = await import('../../src/lib/explorer-table.ts');
    expect(periodLabel('2025-01-01', 'year', 'id', '2025-09')).toBe('2025 (Jan–Sep)');
    expect(periodLabel('2025-07-01', 'half', 'en', '2025-09')).toMatch(/^H2 2025 \(Jul–Sept?\)$/); // ICU versions differ on "Sep"/"Sept"
    expect(periodLabel('2025-01-01', 'half', 'id', '2025-09')).toBe('Semester I 2025');
    expect(periodLabel('2024-01-01', 'year', 'en', '2025-09')).toBe('2024');
    expect(periodLabel('2025-03-01', 'month', 'id', '2025-09')).toBe('Mar 2025');
  });
});
