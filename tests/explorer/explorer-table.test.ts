/**
 * The explorer's table and CSV (src/explorer/explorer-table.ts) from fixed rows: withheld cells and
 * period labels. Needs no publication: the plan is SQL text, the rows are given.
 */
import { describe, expect, test } from 'vitest';
import { explorerCsv, explorerModel, explorerTableHtml, periodLabel } from '../../src/explorer/explorer-table.ts';
import { totalsQuery, type TotalsRequest } from '../../src/explorer/totals-query.ts';
import { NO_FILTERS, type Filters } from '../../src/schema/filters.ts';

type Cell = Record<string, string | number | boolean | null>;
const request = (r: Partial<TotalsRequest> & Pick<TotalsRequest, 'table' | 'view'>, filters: Partial<Filters> = {}): TotalsRequest => ({
  measure: 'count', grain: 'month', locale: 'id', ...r, filters: { ...NO_FILTERS, ...filters },
});

describe('withheld cells', () => {
  // A fixture publication's rows: disclosure control withheld CHN's 2024 count (null, flag true).
  const rows: Cell[] = [
    { period: '2024-01-01', nationality: 'AUS', nationality_label: 'Australia', count: 120, count_withheld: false },
    { period: '2024-01-01', nationality: 'CHN', nationality_label: 'RRT', count: null, count_withheld: true },
  ];
  const plan = totalsQuery(request({ table: 'arrivals', view: 'nationality', grain: 'year' }));

  test('show as "[c]" with a footnote that states no range, and an empty CSV value with its flag', () => {
    const model = explorerModel(rows, plan, 'count', 'id', 'TAK', 'Jumlah');
    expect(model.hasWithheld).toBe(true);
    const html = explorerTableHtml(model, 'id');
    expect(html).toContain('<td class="num" data-withheld>[c]</td>');
    expect(html).toContain('<p id="explorer-withheld" data-withheld-note>[c] dirahasiakan: angka ini tidak dipublikasikan');
    expect(html).not.toMatch(/&lt;\d|1 sampai 9/);
    const csv = explorerCsv(rows, plan, 'count', 'en');
    expect(csv.trimEnd().split('\n')).toEqual([
      '\uFEFFperiod,grain,nationality,nationality_label,count,count_withheld',
      '2024-01-01,year,AUS,Australia,120,false',
      '2024-01-01,year,CHN,RRT,,true',
    ]);
  });
});

describe('period labels', () => {
  test('a year or half-year the coverage ends inside is marked partial', () => {
    expect(periodLabel('2025-01-01', 'year', 'id', '2025-09')).toBe('2025 (Jan–Sep)');
    expect(periodLabel('2025-07-01', 'half', 'en', '2025-09')).toMatch(/^H2 2025 \(Jul–Sept?\)$/); // ICU versions differ on "Sep"/"Sept"
    expect(periodLabel('2025-01-01', 'half', 'id', '2025-09')).toBe('Semester I 2025');
    expect(periodLabel('2024-01-01', 'year', 'en', '2025-09')).toBe('2024');
    expect(periodLabel('2025-03-01', 'month', 'id', '2025-09')).toBe('Mar 2025');
  });
});
