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

describe('suggestSpelling', () => {
  it.each([
    [office, 'Kanim Bogorr', 'KANIM-BOGOR'],
    [office, 'Kanim Bogro', 'KANIM-BOGOR'], // two letters swapped: one slip
    [office, 'Kantor Imigrasi Kelas I TPI Denpasr', 'KANIM-DENPASAR'],
    [port, 'Bandara Soekarno Hata', 'CGK'],
    [country, 'Malaysa', 'MYS'],
  ])('suggests the place a misspelling means: %j', (column, raw, code) => {
    expect(suggestSpelling(column, raw, reference)).toMatch(new RegExp(`^${code} `));
  });

  it.each([
    [office, 'Kanim Garut'], // a new office (Nov 2025), not Kanim Jakarta Utara ("kanim jakut")
    [office, 'Kantor Imigrasi Kelas III Non TPI Morowali'],
    [office, 'Kantor Imigrasi Atlantis'],
  ])('suggests nothing for a place that is not in the list: %j', (column, raw) => {
    expect(suggestSpelling(column, raw, reference)).toBeNull();
  });
});
