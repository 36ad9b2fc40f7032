import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkOfficeRegencies, loadReference } from '../../scripts/reference/load-reference.ts';

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
  });
});
