/** "Did you mean …?" in an error message: offered for a misspelling, never for a different place. */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { suggestSpelling } from '../../scripts/validate/resolve-values.ts';
import { loadReference } from '../../scripts/reference/load-reference.ts';
import { TABLES } from '../../src/schema/tables.ts';

const reference = loadReference(resolve(import.meta.dirname, '../..'));
const office = TABLES.sanctions.rawColumns.find((c) => c.parse === 'office')!;
const port = TABLES.arrivals.rawColumns.find((c) => c.parse === 'port')!;
const country = TABLES.arrivals.rawColumns.find((c) => c.parse === 'country')!;
const region = TABLES.registry.rawColumns.find((c) => c.parse === 'region')!;

describe('suggestSpelling', () => {
  it.each([
    [office, 'Kanim Bogorr', 'KANIM-BOGOR'],
    [office, 'Kanim Bogro', 'KANIM-BOGOR'], // two letters swapped: one slip
    [office, 'Kanim Garutt', 'KANIM-GARUT'], // one of the 18 offices opened in Nov 2025
    [office, 'Kantor Imigrasi Kelas I TPI Denpasr', 'KANIM-DENPASAR'],
    [port, 'Bandara Soekarno Hata', 'CGK'],
    [country, 'Malaysa', 'MYS'],
  ])('suggests the place a misspelling means: %j', (column, raw, code) => {
    expect(suggestSpelling(column, raw, reference)).toMatch(new RegExp(`^${code} `));
  });

  it.each([
    // Before Garut was listed it drew "Did you mean KANIM-JAKARTA-UTARA ("kanim jakut")?": the
    // words all office names share made them look alike. Neither Wamena nor Nabire has an office.
    [office, 'Kanim Wamena'],
    [office, 'Kantor Imigrasi Kelas III Non TPI Nabire'],
    [office, 'Kantor Imigrasi Atlantis'],
  ])('suggests nothing for a place that is not in the list: %j', (column, raw) => {
    expect(suggestSpelling(column, raw, reference)).toBeNull();
  });

  it.each([
    // a slip in a kabupaten's name is offered the kabupaten, never the kota of the same name
    ['Kab. Sukabumii', '32.02 ("Kabupaten Sukabumi")'],
    ['KABUPATEN SUKABUMY', '32.02 ("Kabupaten Sukabumi")'],
    ['Kota Sukabumii', '32.72 ("Kota Sukabumi")'],
    ['Prov. Jawa Barta', '32 ("Jawa Barat")'],
    // a name two places share, written without its kind: both, each named with its kind
    ['Serangg', '36.04 ("Kabupaten Serang") or 36.73 ("Kota Serang")'],
    // a code: only within its own province and kind (92 is Papua Barat, 12 Sumatera Utara)
    ['92.13', null],
    ['36.7', null],
  ])('suggests a region of the kind and province written: %j', (raw, suggestion) => {
    expect(suggestSpelling(region, raw, reference)).toBe(suggestion);
  });
});
