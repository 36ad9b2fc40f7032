import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NOT_SOURCED, checkOfficeRegencies, loadReference } from '../../scripts/reference/load-reference.ts';

const reference = loadReference(resolve(import.meta.dirname, '../..'));

describe('office → regency/city reference', () => {
  it('names Kanim Cilegon for Kota Cilegon, with a source on every row', () => {
    expect(reference.officeRegencies.filter((r) => r.regency_code === '36.72').map((r) => r.office_code)).toEqual(['KANIM-CILEGON']);
    expect(reference.officeRegencies.every((r) => r.source.trim() !== '')).toBe(true);
    // Kota Medan is shared by three Kanim: a regency may have several rows.
    expect(reference.officeRegencies.filter((r) => r.regency_code === '12.71').map((r) => r.office_code).sort()).toEqual(['KANIM-BELAWAN', 'KANIM-MEDAN', 'KANIM-POLONIA']);
  });

  it('refuses an unknown regency, an office that is not a Kanim, a repeated pair and an empty source', () => {
    const check = (rows: { regency_code: string; office_code: string; source: string }[]) => () => checkOfficeRegencies(rows, reference.offices, reference.regencies);
    const ok = { regency_code: '36.72', office_code: 'KANIM-CILEGON', source: 'test' };
    expect(check([{ ...ok, regency_code: '36.99' }])).toThrow(/not a regency\/city code/);
    expect(check([{ ...ok, regency_code: '36' }])).toThrow(/not a regency\/city code/);
    expect(check([{ ...ok, office_code: 'KANWIL-BANTEN' }])).toThrow(/not a Kanim/);
    expect(check([ok, ok])).toThrow(/listed twice/);
    expect(check([{ ...ok, source: ' ' }])).toThrow(/source is empty/);
    expect(check([ok])()).toEqual([ok]);
    // A regency whose Kanim is not known says so, and only when no Kanim is listed for it.
    const open = { regency_code: '36.01', office_code: '', source: `${NOT_SOURCED} no statement found` };
    expect(check([open])()).toEqual([open]);
    expect(check([{ ...open, source: 'guess' }])).toThrow(/empty office_code needs a source/);
    expect(check([ok, { ...open, regency_code: '36.72' }])).toThrow(/has a Kanim and is also/);
  });

  it('lists every regency/city of idn-area-data: a sourced Kanim or an honest "not sourced"', () => {
    const listed = new Set(reference.officeRegencies.map((r) => r.regency_code));
    expect(reference.regencies.filter((r) => !listed.has(r.code)).map((r) => r.code)).toEqual([]);
    // Bali's three TPI offices split Kabupaten Badung (Ditjen Imigrasi, Balipost 2025).
    expect(reference.officeRegencies.filter((r) => r.regency_code === '51.03').map((r) => r.office_code).sort()).toEqual(['KANIM-DENPASAR', 'KANIM-NGURAH-RAI']);
  });
});
