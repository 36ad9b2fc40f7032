import { describe, expect, it } from 'vitest';
import { excelSerialToIso } from '../../scripts/lib/excel-serial-date.ts';
import { detectNumberConvention, parseCount } from '../../scripts/validate/parse-count.ts';
import { parseDate, parseMonth } from '../../scripts/validate/parse-period.ts';
import { normaliseSpelling } from '../../scripts/validate/normalise-spelling.ts';

describe('parseMonth', () => {
  it.each([
    ['2024-01', '2024-01-01'], ['2024-1', '2024-01-01'], ['01/2024', '2024-01-01'], ['Januari 2024', '2024-01-01'],
    ['JAN-24', '2024-01-01'], ['Pebruari 2024', '2024-02-01'], ['Agt 2024', '2024-08-01'], ['Desember 2023', '2023-12-01'],
    ['45292', '2024-01-01'], ['2024-03-15', '2024-03-01'],
  ])('%s → %s', (text, iso) => expect(parseMonth(text)).toBe(iso));
  it.each(['Bulan 13', '2024-13', '13/2024', 'Januari', '', '12345'])('refuses %j', (text) => expect(parseMonth(text)).toBeNull());
});

describe('parseDate', () => {
  it.each([['15/01/2024', '2024-01-15'], ['2024-01-15', '2024-01-15'], ['15 Januari 2024', '2024-01-15'], ['45306', '2024-01-15'], ['1-2-24', '2024-02-01']])(
    '%s → %s', (text, iso) => expect(parseDate(text)).toBe(iso));
  it.each(['31/02/2024', '2024-02-30', 'kemarin'])('refuses %j', (text) => expect(parseDate(text)).toBeNull());
});

describe('excelSerialToIso', () => {
  it('counts from 1900 or from 1904, four years and a day apart', () => {
    expect(excelSerialToIso(45292)).toBe('2024-01-01');
    expect(excelSerialToIso(45292, 1904)).toBe('2028-01-02');
    expect(excelSerialToIso(43830, 1904)).toBe('2024-01-01');
    expect(excelSerialToIso(43861, 1904)).toBe('2024-02-01');
    expect(excelSerialToIso(45292.5)).toBeNull();
  });
});

describe('parseCount', () => {
  it.each([
    ['1234', 'id', 1234], ['1.234', 'id', 1234], ['1.234.567', 'id', 1234567], [' 12 ', 'id', 12], ['-', 'id', 0], ['–', 'id', 0],
    ['1,234', 'en', 1234], ['1,234,567', 'en', 1234567], ['10,0', 'id', 10],
  ] as const)('%j (%s) → %d', (raw, convention, value) => expect(parseCount(raw, convention)).toEqual({ value, status: 'ok' }));
  it('reports what is wrong', () => {
    expect(parseCount('1.234,5', 'id').status).toBe('fractional');
    expect(parseCount('1,234', 'id').status).toBe('fractional');
    expect(parseCount('12.34', 'id').status).toBe('not-number');
    expect(parseCount('-3', 'id').status).toBe('negative');
    expect(parseCount('dua', 'id').status).toBe('not-number');
    expect(parseCount('', 'id').status).toBe('blank');
    expect(parseCount('1e3', 'id').status).toBe('not-number');
  });
  it('detects the convention from thousands separators', () => {
    expect(detectNumberConvention(['1,234', '12'], ',').convention).toBe('en');
    expect(detectNumberConvention(['1,234', '12'], ';').convention).toBe('id');
    expect(detectNumberConvention(['1.234'], ',').convention).toBe('id');
    expect(detectNumberConvention(['1.234', '1,234'], ',')).toMatchObject({ idExample: '1.234', enExample: '1,234' });
  });
});

it('normalises spellings', () => {
  expect(normaliseSpelling(' Soekarno-Hatta ')).toBe('soekarno hatta');
  expect(normaliseSpelling('CURAÇAO')).toBe('curacao');
  expect(normaliseSpelling('36.72')).toBe('36 72');
});
