/**
 * Cross-tab exports, the layout offices print: months across the columns (with the year in each
 * header, in a "Tahun" column or in the title; as text or as date cells), or categories across
 * them (Laki-laki / Perempuan, Disdukcapil / Kemenag), with a "Jumlah" column of row totals. Each
 * is read as long rows and must publish exactly the values the office meant — the total column is
 * checked against its row, never read as a count. A total that disagrees, or a layout that cannot
 * be read, is refused naming the row and column (or the layout, with the long format to export),
 * and the publication stays as it was. Two publications and one refused snapshot for the whole file.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { sidecarWithTableEnds, VALID_FILES, writeSnapshot } from '../helpers/valid-snapshot.ts';
import { publicationFingerprint, publish, refuse, tempDir } from '../helpers/pipeline-fixture.ts';
import { workbook } from '../helpers/write-xlsx.ts';
import type { PipelineIssue } from '../../scripts/lib/pipeline-issue.ts';
import { findCrossTab } from '../../scripts/ingest/cross-tab-layout.ts';
import { TABLES } from '../../src/schema/tables.ts';

const DATE = '2024-03-05';
const JAN_2024 = 45292; // Excel serials of 1 January and 1 February 2024
const FEB_2024 = 45323;

/** Publication A: months across (title year, text), months across (date cells, XLSX), agencies across. */
const ACROSS_MONTHS: Record<string, string | Buffer | null> = {
  'arrivals.csv': [
    'LAPORAN KEDATANGAN WNA MENURUT TPI TAHUN 2024',
    '',
    'TPI;Kewarganegaraan;Jenis Visa/Izin;Jenis Kelamin;Januari;Februari;Jumlah',
    'Soekarno-Hatta;China;Visa on Arrival;Laki-laki;1.234;-;1.234',
    'Soekarno-Hatta;China;Visa on Arrival;Perempuan;1.100;5;1.105',
    'Ngurah Rai;Australia;Bebas Visa Kunjungan;Laki-laki;2.500;7;2.507',
    'Jumlah;;;;4.834;12;4.846',
    '*) data sementara',
  ].join('\r\n') + '\r\n',
  'sanctions.csv': null,
  'sanctions.xlsx': workbook([{ name: 'TAK', rows: [
    ['Kantor Imigrasi', 'Kewarganegaraan', 'Jenis Tindakan', 'Jenis Pelanggaran', { serial: JAN_2024, format: 'month' }, { serial: FEB_2024, format: 'month' }, 'Jumlah'],
    ['Kanim Bogor', 'China', 'Deportasi', 'Overstay', 12, 0, 12],
    ['Kanim Batam', 'Nigeria', 'Deportasi', 'Penyalahgunaan izin tinggal', 3, 2125, 2128],
  ] }]),
  'registry.csv': 'Bulan;Kode Wilayah;Indikator;Disdukcapil;Kemenag;Jumlah\r\n2024-01;36.72;Perkawinan campuran tercatat;14;9;23\r\nSumber: Disdukcapil dan Kemenag Kota Cilegon\r\n',
};

/** Publication B: sex across beside a Bulan column (XLSX, a date cell and text), month names under a Tahun column, "2024-01" headers. */
const ACROSS_CATEGORIES: Record<string, string | Buffer | null> = {
  'arrivals.csv': null,
  'arrivals.xlsx': workbook([{ name: 'Kedatangan', rows: [
    ['Bulan', 'TPI', 'Kewarganegaraan', 'Jenis Visa/Izin', 'Laki-laki', 'Perempuan', 'Jumlah'],
    [{ serial: JAN_2024, format: 'month' }, 'CGK', 'CHN', 'VoA', 1234, 1100, 2334],
    ['Februari 2024', 'CGK', 'MYS', 'ITAS', 0, 17, 17],
  ] }]),
  'sanctions.csv': 'Tahun;Kantor Imigrasi;Kewarganegaraan;Jenis Tindakan;Jenis Pelanggaran;Jan;Feb\r\n2024;Kanim Bogor;RRT;Deportasi;Overstay;12;1\r\n',
  'registry.csv': 'Kode Wilayah;Instansi;Indikator;2024-01;2024-02\r\n36.72;Disdukcapil;Perkawinan campuran tercatat;14;11\r\n36.72;Kemenag;Perkawinan campuran tercatat;9;8\r\n',
  'snapshot.json': sidecarWithTableEnds({ registry: null }),
};

/** One refused snapshot, a different cross-tab problem in each table. */
const REFUSED: Record<string, string | Buffer | null> = {
  // the second row's total is 10 more than its months
  'arrivals.csv': (ACROSS_MONTHS['arrivals.csv'] as string).replace('1.100;5;1.105', '1.100;5;1.115'),
  // "Jan"/"Feb" with no year anywhere
  'sanctions.csv': 'Kantor Imigrasi;Kewarganegaraan;Jenis Tindakan;Jenis Pelanggaran;Jan;Feb\r\nKanim Bogor;China;Deportasi;Overstay;12;0\r\n',
  // an XLSX whose total disagrees on sheet row 3
  'registry.csv': null,
  'registry.xlsx': workbook([{ name: 'Data', rows: [
    ['Bulan', 'Kode Wilayah', 'Indikator', 'Disdukcapil', 'Kemenag', 'Jumlah'],
    ['2024-01', '36.72', 'Perkawinan campuran tercatat', 14, 9, 23],
    ['2024-01', '36.71', 'Perkawinan campuran tercatat', 4, 2, 7],
  ] }]),
  // activities across the columns: an operations row holds three counts
  'operations.csv': 'Tanggal;Tingkat;Kode Wilayah;Kantor Imigrasi;Rapat koordinasi;Operasi gabungan\r\n14/01/2024;Kabupaten/Kota;36.72;KANIM-CILEGON;1;2\r\n',
};

async function readTables(out: string): Promise<Record<string, unknown[]>> {
  const db = await (await DuckDBInstance.create(':memory:')).connect();
  const sql = {
    arrivals: `SELECT strftime(month, '%Y-%m') AS m, port_code, nationality, visa_category, sex, count::INT AS n FROM '$F' ORDER BY ALL`,
    sanctions: `SELECT strftime(month, '%Y-%m') AS m, office_code, nationality, violation, count::INT AS n FROM '$F' ORDER BY ALL`,
    registry: `SELECT strftime(month, '%Y-%m') AS m, region_code, source_agency, count::INT AS n FROM '$F' ORDER BY ALL`,
  };
  const rows: Record<string, unknown[]> = {};
  for (const [table, query] of Object.entries(sql)) rows[table] = (await db.runAndReadAll(query.replace('$F', join(out, 'current', `${table}.parquet`)))).getRowObjectsJson();
  db.closeSync();
  return rows;
}

const formats = (out: string): string[] => (JSON.parse(readFileSync(join(out, 'current', 'manifest.json'), 'utf8')) as { sources: { path: string; format: string }[] }).sources.map((s) => `${s.path.split('/').pop()}: ${s.format}`);
const warnings = (out: string): string[] => (JSON.parse(readFileSync(join(out, 'current', 'manifest.json'), 'utf8')) as { warnings: { code: string }[] }).warnings.map((w) => w.code);

describe('cross-tab layouts', () => {
  let monthsOut = '';
  let categoriesOut = '';
  let refused: PipelineIssue[] = [];
  let before = '';
  beforeAll(async () => {
    monthsOut = tempDir();
    categoriesOut = tempDir();
    await publish(writeSnapshot(tempDir(), ACROSS_MONTHS), DATE, monthsOut, 'internal');
    await publish(writeSnapshot(tempDir(), ACROSS_CATEGORIES), DATE, categoriesOut, 'internal');
    before = publicationFingerprint(monthsOut);
    refused = await refuse(writeSnapshot(tempDir(), REFUSED, '2024-04-05'), '2024-04-05', monthsOut);
  }, 60_000);

  it('reads months across the columns (title year, date cells) and agencies across them, never the total as a count', async () => {
    expect(await readTables(monthsOut)).toEqual({
      arrivals: [
        { m: '2024-01', port_code: 'CGK', nationality: 'CHN', visa_category: 'voa', sex: 'L', n: 1234 },
        { m: '2024-01', port_code: 'CGK', nationality: 'CHN', visa_category: 'voa', sex: 'P', n: 1100 },
        { m: '2024-01', port_code: 'DPS', nationality: 'AUS', visa_category: 'bvk', sex: 'L', n: 2500 },
        { m: '2024-02', port_code: 'CGK', nationality: 'CHN', visa_category: 'voa', sex: 'L', n: 0 },
        { m: '2024-02', port_code: 'CGK', nationality: 'CHN', visa_category: 'voa', sex: 'P', n: 5 },
        { m: '2024-02', port_code: 'DPS', nationality: 'AUS', visa_category: 'bvk', sex: 'L', n: 7 },
      ],
      sanctions: [
        { m: '2024-01', office_code: 'KANIM-BATAM', nationality: 'NGA', violation: 'permit_misuse', n: 3 },
        { m: '2024-01', office_code: 'KANIM-BOGOR', nationality: 'CHN', violation: 'overstay', n: 12 },
        { m: '2024-02', office_code: 'KANIM-BATAM', nationality: 'NGA', violation: 'permit_misuse', n: 2125 },
        { m: '2024-02', office_code: 'KANIM-BOGOR', nationality: 'CHN', violation: 'overstay', n: 0 },
      ],
      registry: [
        { m: '2024-01', region_code: '36.72', source_agency: 'disdukcapil', n: 14 },
        { m: '2024-01', region_code: '36.72', source_agency: 'kemenag', n: 9 },
      ],
    });
    const read = formats(monthsOut).join('\n');
    expect(read).toContain('arrivals.csv: csv; delimiter ";"; utf-8; crlf line endings; header on line 3; cross-tab: month across 2 columns (Januari … Februari) read as rows, total column "Jumlah" checked, not read');
    expect(read).toContain('sanctions.xlsx: xlsx; sheet "TAK"; header on row 1; cross-tab: month across 2 columns');
    expect(read).toContain('registry.csv: csv; delimiter ";"; utf-8; crlf line endings; header on line 1; cross-tab: source_agency across 2 columns (Disdukcapil … Kemenag)');
    expect(warnings(monthsOut)).toContain('note-rows-skipped');
  });

  it('reads sex across beside a Bulan column, month names under a Tahun column, and "2024-01" headers', async () => {
    expect(await readTables(categoriesOut)).toEqual({
      arrivals: [
        { m: '2024-01', port_code: 'CGK', nationality: 'CHN', visa_category: 'voa', sex: 'L', n: 1234 },
        { m: '2024-01', port_code: 'CGK', nationality: 'CHN', visa_category: 'voa', sex: 'P', n: 1100 },
        { m: '2024-02', port_code: 'CGK', nationality: 'MYS', visa_category: 'itas', sex: 'L', n: 0 },
        { m: '2024-02', port_code: 'CGK', nationality: 'MYS', visa_category: 'itas', sex: 'P', n: 17 },
      ],
      sanctions: [
        { m: '2024-01', office_code: 'KANIM-BOGOR', nationality: 'CHN', violation: 'overstay', n: 12 },
        { m: '2024-02', office_code: 'KANIM-BOGOR', nationality: 'CHN', violation: 'overstay', n: 1 },
      ],
      registry: [
        { m: '2024-01', region_code: '36.72', source_agency: 'disdukcapil', n: 14 },
        { m: '2024-01', region_code: '36.72', source_agency: 'kemenag', n: 9 },
        { m: '2024-02', region_code: '36.72', source_agency: 'disdukcapil', n: 11 },
        { m: '2024-02', region_code: '36.72', source_agency: 'kemenag', n: 8 },
      ],
    });
    expect(formats(categoriesOut).join('\n')).toContain('arrivals.xlsx: xlsx; sheet "Kedatangan"; header on row 1; cross-tab: sex across 2 columns (Laki-laki … Perempuan) read as rows, total column "Jumlah" checked, not read');
  });

  const issue = (code: string, file: string) => refused.find((i) => i.severity === 'error' && i.code === code && i.file.endsWith(file));

  it('refuses a row whose total disagrees with its cells, naming file, row, column and both sums (CSV and XLSX)', () => {
    expect(issue('row-total-mismatch', 'arrivals.csv')).toMatchObject({ row: 5, column: 'Jumlah', found: 'a row total of 1115', expected: "the sum of the row's 2 cells (Januari … Februari), 1105" });
    expect(issue('row-total-mismatch', 'arrivals.csv')!.fix).toMatch(/never published/);
    expect(issue('row-total-mismatch', 'registry.xlsx')).toMatchObject({ row: 3, column: 'Jumlah', found: 'a row total of 7', expected: "the sum of the row's 2 cells (Disdukcapil … Kemenag), 6" });
  });

  it('refuses a cross-tab it cannot read, naming the layout and showing the long format', () => {
    const noYear = issue('cross-tab-layout', 'sanctions.csv');
    expect(noYear).toMatchObject({ row: 1, column: 'Jan, Feb' });
    expect(noYear!.found).toContain('months without a year');
    expect(noYear!.fix).toContain('add a "Tahun" column');
    expect(noYear!.fix).toContain('Bulan;Kantor Imigrasi;Kewarganegaraan;Jenis Tindakan;Jenis Pelanggaran;Jumlah / 2024-01;Kanim Bogor;China;Deportasi;');
    const counts = issue('cross-tab-layout', 'operations.csv');
    expect(counts!.fix).toMatch(/^Each operations row holds 3 counts .* Export the table in the long format instead, one row per cell: Tanggal;Tingkat;Kode Wilayah;Kantor Imigrasi;Kegiatan;Instansi;WNA Diperiksa;Temuan;Tindak Lanjut/);
    // one message per problem, no misleading "add the column bulan"
    expect(refused.filter((i) => i.code === 'missing-column')).toEqual([]);
    expect(publicationFingerprint(monthsOut)).toBe(before);
  });

  it('refuses a cross-tab with the column added as well (the old advice "add the column bulan") or with two levels across, never reading its total as the count', () => {
    const months = findCrossTab(TABLES.arrivals, ['Bulan', 'TPI', 'Kewarganegaraan', 'Jenis Visa/Izin', 'Jenis Kelamin', 'Januari', 'Februari', 'Maret', 'Jumlah'], [], 'arrivals.csv', 1);
    expect(months?.refusal).toMatchObject({ code: 'cross-tab-layout', row: 1, column: 'Januari, Februari, Maret', found: 'a "Bulan" column and bulan values across the columns as well' });
    expect(months!.refusal!.fix).toMatch(/a "Jumlah" column of row totals would be read as counts\). Delete the "Bulan" column/);
    const sexes = findCrossTab(TABLES.arrivals, ['Bulan', 'TPI', 'Kewarganegaraan', 'Jenis Visa/Izin', 'Jenis Kelamin', 'L', 'P', 'Jumlah'], [], 'arrivals.csv', 1);
    expect(sexes?.refusal?.found).toBe('a "Jenis Kelamin" column and jenis kelamin values across the columns as well');
    // a merged two-row header: months, and under each Laki-laki / Perempuan
    const twoLevels = findCrossTab(TABLES.arrivals, ['TPI', 'Kewarganegaraan', 'Jenis Visa/Izin', 'Januari 2024 Laki-laki', 'Januari 2024 Perempuan', 'Februari 2024 Laki-laki', 'Februari 2024 Perempuan'], [], 'arrivals.xlsx', 2);
    expect(twoLevels?.refusal).toMatchObject({ code: 'cross-tab-layout', row: 2, found: 'two levels across the columns ("Januari 2024 Laki-laki", "Januari 2024 Perempuan", …: bulan and jenis kelamin)' });
    expect(twoLevels!.refusal!.fix).toMatch(/cannot be read\. Export the table in the long format instead, one row per cell: Bulan;TPI;Kewarganegaraan;Jenis Visa\/Izin;Jenis Kelamin;Jumlah \/ 2024-01;Soekarno-Hatta;China;Visa on Arrival;Laki-laki;12\./);
    // the long format is no cross-tab
    expect(findCrossTab(TABLES.arrivals, ['Bulan', 'TPI', 'Kewarganegaraan', 'Jenis Visa/Izin', 'Jenis Kelamin', 'Jumlah'], [], 'arrivals.csv', 1)).toBeNull();
  });
});
