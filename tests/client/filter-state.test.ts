import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { filtersEqual, parseFilters, serialiseFilters, withParams } from '../../src/client/filter-state.ts';
import { referencedTables } from '../../src/client/query-engine.ts';
import { periodOptions } from '../../src/schema/filter-values.ts';
import { NO_FILTERS } from '../../src/schema/filters.ts';

const periods = periodOptions({ from: '2023-01', to: '2025-09' });
const DOMAIN = {
  period: [...periods.years, ...periods.halves, ...periods.months],
  province: ['11', '31', '51'],
  nationality: ['AUS', 'CHN'],
  category: ['voa', 'tak', 'deportasi'],
};

describe('parseFilters', () => {
  test('reads every filter from its Indonesian parameter', () => {
    expect(parseFilters('?periode=2024-H1&provinsi=51&negara=CHN&kategori=voa', DOMAIN)).toEqual({
      period: '2024-H1', province: '51', nationality: 'CHN', category: 'voa', office: null,
    });
  });

  test.each([
    ['unknown province code', '?provinsi=99', {}],
    ['period outside the coverage', '?periode=2019', {}],
    ['malformed period', '?periode=2024-13', {}],
    ['half-year not finished in the coverage', '?periode=2025-H2', {}],
    ['year not finished in the coverage', '?periode=2025', {}],
    ['empty values', '?periode=&provinsi=&negara=', {}],
    ['lower-case nationality', '?negara=chn', {}],
    ['SQL in a value', "?provinsi=51'%20OR%201=1--", {}],
    ['a filter the page does not offer', '?kantor=KANIM-BOGOR', {}],
    ['broken percent-encoding', '?provinsi=%E0%A4%A', {}],
    ['very long value', `?negara=${'A'.repeat(5000)}`, {}],
    ['whitespace around a valid code is trimmed', '?provinsi=%2051%20', { province: '51' }],
    ['the first of repeated parameters wins', '?provinsi=31&provinsi=51', { province: '31' }],
    ['valid ones kept beside invalid ones', '?provinsi=99&negara=AUS&periode=2024-03', { nationality: 'AUS', period: '2024-03' }],
  ])('%s → ignored, defaults kept', (_, search, expected) => {
    expect(parseFilters(search, DOMAIN)).toEqual({ ...NO_FILTERS, ...expected });
  });

  test('never throws, whatever the address', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (key, value) => {
        const search = `?${encodeURIComponent(key)}=${encodeURIComponent(value)}&periode=${value}`;
        const filters = parseFilters(search, DOMAIN);
        for (const [name, v] of Object.entries(filters)) {
          if (v !== null) expect(DOMAIN[name as keyof typeof DOMAIN]).toContain(v);
        }
      }),
    );
  });
});

describe('serialiseFilters', () => {
  test('round-trips through parseFilters and keeps page parameters', () => {
    const filters = { ...NO_FILTERS, period: '2024-H1', province: '51' };
    const search = serialiseFilters(filters, '?tabel=sanctions&provinsi=31');
    expect(search).toBe('?tabel=sanctions&periode=2024-H1&provinsi=51');
    expect(filtersEqual(parseFilters(search, DOMAIN), filters)).toBe(true);
  });

  test('no filters and no other parameters → empty query string', () => {
    expect(serialiseFilters(NO_FILTERS, '?provinsi=51')).toBe('');
  });

  test('withParams sets and removes page parameters', () => {
    expect(withParams('?a=1&b=2', { a: null, c: 'x y' })).toBe('?b=2&c=x+y');
  });
});

describe('periodOptions', () => {
  test('offers whole years and half-years only, months newest first', () => {
    expect(periods.years).toEqual(['2024', '2023']);
    expect(periods.halves).toEqual(['2025-H1', '2024-H2', '2024-H1', '2023-H2', '2023-H1']);
    expect(periods.months[0]).toBe('2025-09');
    expect(periods.months.at(-1)).toBe('2023-01');
    expect(periods.months).toHaveLength(33);
  });
});

describe('referencedTables', () => {
  const tables = ['arrivals', 'arrivals_totals', 'countries', 'provinces'];
  test('finds whole table names only', () => {
    expect(referencedTables('SELECT * FROM arrivals_totals t JOIN Countries c ON c.iso3 = t.nationality', tables)).toEqual(['arrivals_totals', 'countries']);
    expect(referencedTables('select sum(count) from arrivals where province_code = 1', tables)).toEqual(['arrivals']);
  });
});
