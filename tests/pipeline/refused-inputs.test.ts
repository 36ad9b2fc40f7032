/**
 * Bad inputs as real exports deliver them. Each must be refused with a message naming the file,
 * row, column and value, and must leave the last good publication exactly as it was.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BOM, VALID_FILES, writeSnapshot } from '../helpers/valid-snapshot.ts';
import { xlsx } from '../helpers/write-xlsx.ts';
import { publicationFingerprint, publishedBaseline, refuse, tempDir } from '../helpers/pipeline-fixture.ts';

const DATE = '2024-04-05';
const sidecar = (coverage = { from: '2024-01', to: '2024-03' }) => JSON.stringify({ snapshotDate: DATE, coverage, synthetic: true, producer: 'test' });

/** Replace line `index` (0 = header) of a valid file. */
function withLine(file: string, index: number, line: string): string {
  const lines = VALID_FILES[file]!.replace(BOM, '').split('\r\n');
  lines[index] = line;
  return (VALID_FILES[file]!.startsWith(BOM) ? BOM : '') + lines.join('\r\n');
}
const append = (file: string, ...lines: string[]) => VALID_FILES[file]!.replace(/\r\n$/, '') + '\r\n' + lines.join('\r\n') + '\r\n';

interface Case {
  name: string;
  files: Record<string, string | Buffer | null>;
  expect: { code: string; file?: string; row?: number; column?: string; found?: string; fix?: RegExp };
}

const CASES: Case[] = [
  { name: 'fractional count with a decimal comma', files: { 'sanctions.csv': withLine('sanctions.csv', 1, '2024-01;KANIM-BOGOR;China;Deportasi;Overstay;12,5') },
    expect: { code: 'count-fractional', file: 'sanctions.csv', row: 2, column: 'jumlah', found: '12,5' } },
  { name: 'negative count', files: { 'sanctions.csv': withLine('sanctions.csv', 2, '2024-01;KANIM-BATAM;Nigeria;Deportasi;Penyalahgunaan izin tinggal;-3') },
    expect: { code: 'count-negative', row: 3, found: '-3' } },
  { name: '1,234 in a ";" file is a decimal comma, not a thousand', files: { 'arrivals.csv': withLine('arrivals.csv', 1, 'Januari 2024;Soekarno-Hatta;China;Visa on Arrival;Laki-laki;1,234') },
    expect: { code: 'count-fractional', row: 2, found: '1,234', fix: /decimal comma.*1\.234/ } },
  { name: 'count written in words', files: { 'sanctions.csv': withLine('sanctions.csv', 1, '2024-01;KANIM-BOGOR;China;Deportasi;Overstay;dua belas') },
    expect: { code: 'count-not-a-number', row: 2, found: 'dua belas' } },
  { name: 'empty count', files: { 'sanctions.csv': withLine('sanctions.csv', 1, '2024-01;KANIM-BOGOR;China;Deportasi;Overstay;') },
    expect: { code: 'count-missing', row: 2 } },
  { name: '"Jumlah" subtotal row inside the data', files: { 'arrivals.csv': withLine('arrivals.csv', 3, 'Jumlah Januari;;;;;4.834') + 'Februari 2024;Ngurah Rai;Australia;Bebas Visa Kunjungan;Laki-laki;20\r\n' },
    expect: { code: 'subtotal-row', row: 4 } },
  { name: 'rows that do not add up to the stated total', files: { 'sanctions.csv': append('sanctions.csv', 'Jumlah;;;;;99') },
    expect: { code: 'total-mismatch', row: 5, found: 'a stated total of 99', column: 'jumlah' } },
  { name: 'duplicate cell', files: { 'sanctions.csv': append('sanctions.csv', '2024-01;Kanim Bogor;RRT;Deportasi;Overstay;4') },
    expect: { code: 'duplicate-cell', found: '2024-01-01 / KANIM-BOGOR / CHN / deportasi / overstay' } },
  { name: 'the same row twice', files: { 'registry.csv': append('registry.csv', '2024-01;36.72;Kemenag;Perkawinan campuran tercatat;9') },
    expect: { code: 'duplicate-cell', row: 3, found: '2024-01-01 / 36.72 / kemenag / mixed_marriages' } },
  { name: 'missing column', files: { 'registry.csv': BOM + 'Bulan;Kode Wilayah;Instansi;Jumlah\r\n2024-01;36.72;Disdukcapil;14\r\n' },
    expect: { code: 'missing-column', file: 'registry.csv', row: 1, column: 'indikator' } },
  { name: 'renamed column', files: { 'sanctions.csv': withLine('sanctions.csv', 0, 'Bulan;Kantor Imigrasi;Kewarganegaraan;Jenis Tindakan;Jenis Pelanggaran;Jumlh') },
    expect: { code: 'missing-column', column: 'jumlah', fix: /Rename column "Jumlh" to "jumlah"/ } },
  { name: 'duplicated column', files: { 'registry.csv': BOM + 'Bulan;Kode Wilayah;Instansi;Indikator;Jumlah;Jumlah\r\n2024-01;36.72;Disdukcapil;Perkawinan campuran;14;14\r\n' },
    expect: { code: 'duplicate-column', column: 'Jumlah' } },
  { name: 'misspelt office, with a suggestion', files: { 'sanctions.csv': withLine('sanctions.csv', 1, '2024-01;Kanim Bogorr;China;Deportasi;Overstay;12') },
    expect: { code: 'value-unknown', row: 2, column: 'kantor imigrasi', found: 'Kanim Bogorr', fix: /KANIM-BOGOR/ } },
  { name: 'office not in the reference list', files: { 'sanctions.csv': withLine('sanctions.csv', 2, '2024-01;Kantor Imigrasi Atlantis;Nigeria;Deportasi;Overstay;3') },
    expect: { code: 'value-unknown', row: 3, found: 'Kantor Imigrasi Atlantis', fix: /data\/reference\/offices\.csv/ } },
  { name: 'an office before it opened (Kanim Garut opened in Nov 2025)', files: { 'sanctions.csv': append('sanctions.csv', '2024-02;Kanim Garut;China;Deportasi;Overstay;11') },
    expect: { code: 'office-not-yet-open', row: 5, column: 'kantor imigrasi', found: 'KANIM-GARUT in 2024-02', fix: /had not opened yet/ } },
  { name: 'unknown country', files: { 'arrivals.csv': withLine('arrivals.csv', 4, 'Februari 2024;Soekarno-Hatta;Atlantis;ITAS;Perempuan;17') },
    expect: { code: 'value-unknown', row: 5, column: 'kewarganegaraan', found: 'Atlantis' } },
  { name: 'month outside the snapshot coverage', files: { 'sanctions.csv': append('sanctions.csv', '2024-06;KANIM-BOGOR;China;Deportasi;Overstay;1') },
    expect: { code: 'period-out-of-range', row: 5, found: '2024-06' } },
  { name: 'month that is not a month', files: { 'registry.csv': append('registry.csv', 'Bulan 13;36.72;Kemenag;Perkawinan campuran tercatat;1') },
    expect: { code: 'value-unknown', row: 4, column: 'bulan', found: 'Bulan 13' } },
  { name: 'counts given in thousands', files: { 'sanctions.csv': withLine('sanctions.csv', 0, 'Bulan;Kantor Imigrasi;Kewarganegaraan;Jenis Tindakan;Jenis Pelanggaran;Jumlah (ribu)') },
    expect: { code: 'scaled-count-column', file: 'sanctions.csv', row: 1, column: 'Jumlah (ribu)', found: 'counts given in "ribu"', fix: /name the column "Jumlah"/ } },
  { name: 'month 13 written as a number', files: { 'sanctions.csv': append('sanctions.csv', '2024-13;KANIM-BOGOR;China;Deportasi;Overstay;1') },
    expect: { code: 'value-unknown', row: 5, column: 'bulan', found: '2024-13', fix: /"2024-13" is not a month: months are numbered 01 to 12/ } },
  { name: 'a day the month does not have', files: { 'operations.csv': withLine('operations.csv', 2, '30/02/2024;Kecamatan;36.72.01;KANIM-CILEGON;Operasi gabungan;"Imigrasi, Polri";5;1;1') },
    expect: { code: 'value-unknown', row: 3, column: 'tanggal', found: '30/02/2024', fix: /not a date: Februari 2024 has 29 days/ } },
  { name: 'empty file', files: { 'registry.csv': '' }, expect: { code: 'no-header', file: 'registry.csv' } },
  { name: 'header-only file', files: { 'registry.csv': BOM + 'Bulan;Kode Wilayah;Instansi;Indikator;Jumlah\r\n' }, expect: { code: 'no-data-rows' } },
  { name: 'truncated file with an unclosed quote', files: { 'operations.csv': VALID_FILES['operations.csv']!.slice(0, VALID_FILES['operations.csv']!.indexOf('"Imigrasi, Polri, TNI') + 12) },
    expect: { code: 'unclosed-quote', file: 'operations.csv' } },
  { name: 'passport numbers', files: { 'sanctions.csv': BOM + 'Bulan;Nomor Paspor;Kantor Imigrasi;Kewarganegaraan;Jenis Tindakan;Jenis Pelanggaran;Jumlah\r\n2024-01;E1234567;KANIM-BOGOR;China;Deportasi;Overstay;1\r\n' },
    expect: { code: 'identifying-column', column: 'Nomor Paspor', row: 1 } },
  { name: 'names and birth dates', files: { 'registry.csv': BOM + 'Nama;Tanggal Lahir;Bulan;Kode Wilayah;Instansi;Indikator;Jumlah\r\nJohn Doe;1980-01-01;2024-01;36.72;Kemenag;Perkawinan campuran;1\r\n' },
    expect: { code: 'identifying-column', column: 'Nama' } },
  { name: 'a table missing from the snapshot', files: { 'registry.csv': null }, expect: { code: 'missing-file' } },
  { name: 'the same table as CSV and XLSX', files: { 'registry.xlsx': Buffer.from('PK') }, expect: { code: 'two-files-for-one-table' } },
  { name: 'both number conventions in one comma-delimited file', files: { 'registry.csv': 'Bulan,Kode Wilayah,Instansi,Indikator,Jumlah\n2024-01,36.72,Disdukcapil,Perkawinan campuran,1.234\n2024-01,36.72,Kemenag,Perkawinan campuran,"1,234"\n' },
    expect: { code: 'ambiguous-number-format', file: 'registry.csv' } },
  { name: 'more findings than foreigners checked', files: { 'operations.csv': withLine('operations.csv', 2, '20/02/2024;Kecamatan;36.72.01;KANIM-CILEGON;Operasi gabungan;"Imigrasi, Polri";5;9;2') },
    expect: { code: 'findings-exceed-checked', row: 3 } },
  { name: 'region code at the wrong level', files: { 'operations.csv': withLine('operations.csv', 1, '14/01/2024;Kabupaten/Kota;36;KANIM-CILEGON;Rapat koordinasi;Imigrasi;0;0;0') },
    expect: { code: 'region-level-mismatch', row: 2 } },
  { name: 'registry by province instead of regency', files: { 'registry.csv': withLine('registry.csv', 1, '2024-01;36;Disdukcapil;Perkawinan campuran tercatat;14') },
    expect: { code: 'region-not-regency', row: 2 } },
  { name: 'a snapshot claiming to cover its own month', files: { 'snapshot.json': sidecar({ from: '2024-01', to: '2024-04' }) }, expect: { code: 'sidecar-coverage' } },
  { name: 'a file that is not an XLSX at all', files: { 'registry.csv': null, 'registry.xlsx': Buffer.from('this is not a zip file') }, expect: { code: 'unsafe-xlsx', file: 'registry.xlsx' } },
  { name: 'an XLSX with formula cells', files: { 'arrivals.csv': null, 'arrivals.xlsx': xlsx([
      ['Bulan', 'TPI', 'Kewarganegaraan', 'Jenis Visa/Izin', 'Jenis Kelamin', 'Jumlah'],
      ['Januari 2024', 'CGK', 'CHN', 'VoA', 'L', { formula: 'SUM(1,2)', value: 3 }],
    ]) }, expect: { code: 'unsafe-xlsx', file: 'arrivals.xlsx', found: 'formula', fix: /Paste Special/ } },
  { name: 'an XLSX zip bomb', files: { 'arrivals.csv': null, 'arrivals.xlsx': xlsx([['Bulan']], { 'xl/media/padding.bin': new Uint8Array(40 * 1024 * 1024) }) },
    expect: { code: 'unsafe-xlsx', found: 'zip bomb' } },
  { name: 'an XLSM with macros', files: { 'arrivals.csv': null, 'arrivals.xlsx': xlsx([['Bulan']], { 'xl/vbaProject.bin': new Uint8Array(16) }) },
    expect: { code: 'unsafe-xlsx', found: 'macros' } },
];

describe('refused inputs', () => {
  let outDir = '';
  let before = '';
  beforeAll(async () => {
    ({ outDir } = await publishedBaseline());
    before = publicationFingerprint(outDir);
  });

  it.each(CASES)('$name', async ({ files, expect: want }) => {
    const dir = writeSnapshot(tempDir(), { 'snapshot.json': sidecar(), ...files }, DATE);
    const issues = await refuse(dir, DATE, outDir);
    const match = issues.find((i) => i.severity === 'error' && i.code === want.code);
    expect(match, `issues were:\n${issues.map((i) => `${i.code} ${i.file} ${i.row} ${i.column} ${i.found}`).join('\n')}`).toBeDefined();
    if (want.file) expect(match!.file).toContain(want.file);
    if (want.row !== undefined) expect(match!.row).toBe(want.row);
    if (want.column) expect(match!.column?.toLowerCase()).toBe(want.column.toLowerCase());
    if (want.found) expect(match!.found).toContain(want.found);
    if (want.fix) expect(match!.fix).toMatch(want.fix);
    expect(match!.fix.length).toBeGreaterThan(10);
    expect(publicationFingerprint(outDir)).toBe(before);
  });

  it('has at least 25 fixtures', () => expect(CASES.length).toBeGreaterThanOrEqual(25));
});
