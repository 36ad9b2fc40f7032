import { describe, expect, it } from 'vitest';
import { numberCellText } from '../../scripts/lib/number-cell.ts';
import { excelSerialToIso } from '../../scripts/lib/excel-serial-date.ts';
import { detectNumberConvention, parseCount } from '../../scripts/validate/parse-count.ts';
import { parseDate, parseMonth } from '../../scripts/lib/parse-period.ts';
import { normaliseSpelling } from '../../scripts/lib/normalise-spelling.ts';

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
  it('reads a whole number written with a zero fraction where the separator cannot be a thousands one', () => {
    for (const [raw, convention] of [['3769.0', 'id'], ['3769,0', 'id'], ['3769,00', 'id'], ['3.769,0', 'id'], ['3769,0', 'en'], ['3769.00', 'en'], ['12.0', 'id']] as const) {
      expect(parseCount(raw, convention), `${raw} (${convention})`).toEqual({ value: Number(raw.replace(/[.,]0+$/, '').replace(/[.,]/g, '')), status: 'ok' });
    }
  });
  it('refuses a zero fraction that reads as the other convention\'s thousands: 3 or 3000?', () => {
    for (const [raw, convention] of [['3,000', 'id'], ['12,000', 'id'], ['3.000', 'en'], ['1,000', 'id']] as const) {
      expect(parseCount(raw, convention).status, `${raw} (${convention})`).toBe('fractional');
    }
    expect(parseCount('3.000', 'id')).toEqual({ value: 3000, status: 'ok' });
    expect(parseCount('3,000', 'en')).toEqual({ value: 3000, status: 'ok' });
  });
  it('reads a number cell exactly, whatever the convention', () => {
    for (const convention of ['id', 'en'] as const) {
      expect(parseCount(numberCellText(2125), convention)).toEqual({ value: 2125, status: 'ok' });
      expect(parseCount(numberCellText(2.125), convention)).toEqual({ value: 2.125, status: 'fractional' });
      expect(parseCount(numberCellText(12.5), convention)).toEqual({ value: 12.5, status: 'fractional' });
      expect(parseCount(numberCellText(3769.0), convention)).toEqual({ value: 3769, status: 'ok' });
      expect(parseCount(numberCellText(0), convention)).toEqual({ value: 0, status: 'ok' });
      expect(parseCount(numberCellText(-3), convention).status).toBe('negative');
      expect(parseCount(numberCellText(1e21), convention).status).toBe('not-number');
    }
    // Text keeps the file's convention: "2.125" is two thousand one hundred and twenty-five in Indonesian.
    expect(parseCount('2.125', 'id')).toEqual({ value: 2125, status: 'ok' });
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
