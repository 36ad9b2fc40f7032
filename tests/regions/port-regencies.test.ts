import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPorts, loadReference } from '../../scripts/reference/load-reference.ts';

const reference = loadReference(resolve(import.meta.dirname, '../..'));

describe('checkpoint → city/regency reference', () => {
  it('places every checkpoint in a city/regency of its province: Ngurah Rai in Kabupaten Badung, Soekarno-Hatta in Kota Tangerang', () => {
    const regencyOf = new Map(reference.ports.map((p) => [p.code, p.regency_code]));
    expect(regencyOf.get('DPS')).toBe('51.03');
    expect(regencyOf.get('CGK')).toBe('36.71');
    expect(reference.ports.filter((p) => p.regency_code === '21.71').map((p) => p.code).sort())
      .toEqual(['BTH', 'SEA-BATAM-CENTER', 'SEA-CITRA-TRITUNAS', 'SEA-HARBOUR-BAY', 'SEA-NONGSA', 'SEA-SEKUPANG', 'SEA-WATERFRONT-CITY']);
    const regencies = new Map(reference.regencies.map((r) => [r.code, r.parent_code]));
    for (const p of reference.ports) expect(regencies.get(p.regency_code), p.code).toBe(p.province_code);
  });

  it('refuses an unknown code and a code of another province, naming file, line, column and value', () => {
    const dps = reference.ports.find((p) => p.code === 'DPS')!;
    const others = reference.ports.filter((p) => p.code !== 'DPS');
    const check = (regency_code: string) => () => checkPorts([...others.slice(0, 2), { ...dps, regency_code }], reference.regencies);
    expect(check('51.99')).toThrow('data/reference/ports.csv, line 4 (DPS), column regency_code: "51.99" is not a regency/city code of idn-area-data');
    expect(check('51')).toThrow(/line 4 \(DPS\), column regency_code: "51" is not a regency\/city code/);
    // Kota Tangerang exists, but in Banten (36), not in Bali (51).
    expect(check('36.71')).toThrow('data/reference/ports.csv, line 4 (DPS), column regency_code: "36.71" lies in province 36, not in the row\'s province_code 51');
    expect(check('')).toThrow(/column regency_code: "" is not a regency\/city code/);
    expect(check('51.03')()).toHaveLength(3);
  });
});
