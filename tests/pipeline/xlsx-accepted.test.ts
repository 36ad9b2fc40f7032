/**
 * XLSX exports as offices' tools write them, published and read back from the Parquet: the values
 * the office meant, on every numeric path (XLSX number cell, XLSX text, CSV text); workbooks written
 * by LibreOffice and by a streaming zip writer; the 1904 date system; hidden and extra sheets. Like
 * accepted-quirks, published as an internal build so small fixture counts are not withheld.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import type { PipelineResult } from '../../scripts/pipeline.ts';
import { centralEntry } from '../helpers/patch-zip.ts';
import { publish, tempDir } from '../helpers/pipeline-fixture.ts';
import { VALID_SIDECAR, writeSnapshot } from '../helpers/valid-snapshot.ts';
import { workbook, type BookCell } from '../helpers/write-xlsx.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/xlsx');
const ARRIVALS = ['Bulan', 'TPI', 'Kewarganegaraan', 'Jenis Visa/Izin', 'Jenis Kelamin', 'Jumlah'];
const SANCTIONS = ['Bulan', 'Kantor Imigrasi', 'Kewarganegaraan', 'Jenis Tindakan', 'Jenis Pelanggaran', 'Jumlah'];
const OPERATIONS = ['Tanggal', 'Tingkat', 'Kode Wilayah', 'Kantor Imigrasi', 'Kegiatan', 'Instansi', 'WNA Diperiksa', 'Temuan', 'Tindak Lanjut'];

interface Published { result: PipelineResult; query(sql: string): Promise<Record<string, unknown>[]> }

async function publishSnapshot(files: Record<string, string | Buffer | null>, sidecar: Partial<Omit<typeof VALID_SIDECAR, 'tables'>> & { sheets?: Record<string, string>; tables?: Record<string, { from?: string; to?: string }> } = {}, date = VALID_SIDECAR.snapshotDate): Promise<Published> {
  const out = tempDir();
  const snapshot = writeSnapshot(tempDir(), { ...files, 'snapshot.json': JSON.stringify({ ...VALID_SIDECAR, snapshotDate: date, ...sidecar }) }, date);
  const result = await publish(snapshot, date, out, 'internal');
  return {
    result,
    async query(sql) {
      const db = await (await DuckDBInstance.create(':memory:')).connect();
      try {
        return (await db.runAndReadAll(sql.replaceAll('$DIR', join(out, 'current')))).getRowObjectsJson() as Record<string, unknown>[];
      } finally {
        db.closeSync();
      }
    },
  };
}

describe('XLSX exports, published and read back', () => {
  it('publishes a number as the number it is, and text by the file\'s convention, on every numeric path', async () => {
    const row = (sex: string, port: string, count: BookCell) => ['Januari 2024', port, 'CHN', 'VoA', sex, count];
    const arrivals = workbook([{ name: 'Data', rows: [ARRIVALS,
      row('L', 'CGK', 2125), // a number cell
      row('P', 'CGK', { v: '3769.0' }), // a number written with a zero fraction
      row('L', 'DPS', { v: '1.5E3' }), // a number in exponent notation
      row('P', 'DPS', '2.125'), // text: Indonesian thousands
      row('L', 'SUB', '3769,0'), // text: a decimal comma and a zero fraction
      row('P', 'SUB', '3769.0'), // text: "." cannot be a thousands separator here
      row('L', 'KNO', { inline: '1.100' }), // an inline string, Indonesian thousands
    ] }]);
    const sanctions = `${SANCTIONS.join(';')}\r\n2024-01;KANIM-BOGOR;China;Deportasi;Overstay;3769.0\r\n2024-01;KANIM-BATAM;Nigeria;Deportasi;Overstay;3.769\r\n2024-02;KANIM-BOGOR;China;Deportasi;Overstay;3769,0\r\n`;
    const registry = 'Bulan,Kode Wilayah,Instansi,Indikator,Jumlah\n2024-01,36.72,Disdukcapil,Perkawinan campuran,"1,204"\n2024-02,36.72,Kemenag,Perkawinan campuran,3769.0\n';
    // the arrivals workbook holds January only, the registry export January and February: the sidecar says so
    const published = await publishSnapshot({ 'arrivals.csv': null, 'arrivals.xlsx': arrivals, 'sanctions.csv': sanctions, 'registry.csv': registry },
      { tables: { arrivals: { to: '2024-01' }, registry: { to: '2024-02' } } });
    expect(await published.query(`SELECT port_code, sex, count FROM '$DIR/arrivals.parquet' ORDER BY port_code, sex`)).toEqual([
      { port_code: 'CGK', sex: 'L', count: '2125' }, { port_code: 'CGK', sex: 'P', count: '3769' },
      { port_code: 'DPS', sex: 'L', count: '1500' }, { port_code: 'DPS', sex: 'P', count: '2125' },
      { port_code: 'KNO', sex: 'L', count: '1100' },
      { port_code: 'SUB', sex: 'L', count: '3769' }, { port_code: 'SUB', sex: 'P', count: '3769' },
    ]);
    expect(await published.query(`SELECT strftime(month, '%Y-%m') AS m, office_code, count FROM '$DIR/sanctions.parquet' ORDER BY m, office_code`)).toEqual([
      { m: '2024-01', office_code: 'KANIM-BATAM', count: '3769' }, { m: '2024-01', office_code: 'KANIM-BOGOR', count: '3769' }, { m: '2024-02', office_code: 'KANIM-BOGOR', count: '3769' },
    ]);
    expect(await published.query(`SELECT strftime(month, '%Y-%m') AS m, count FROM '$DIR/registry.parquet' ORDER BY m`)).toEqual([
      { m: '2024-01', count: '1204' }, { m: '2024-02', count: '3769' },
    ]);
  });

  it('reads a LibreOffice workbook whose sheet unpacks to more than 1 MB, and one re-zipped by a streaming writer', async () => {
    const libreOffice = readFileSync(join(FIXTURES, 'libreoffice-arrivals.xlsx'));
    // A sanctions sheet of more than 1 MB, zipped as streaming writers do: 0 sizes in each local header, a data descriptor after the data.
    const offices = ['KANIM-BOGOR', 'KANIM-BATAM', 'KANIM-SOEKARNO-HATTA', 'KANIM-CILEGON', 'KANIM-BANDA-ACEH', 'KANIM-SABANG', 'KANIM-MEDAN', 'KANIM-BELAWAN', 'KANIM-POLONIA', 'KANIM-SIBOLGA'];
    const countries = ['China', 'Nigeria', 'Malaysia', 'Australia', 'Jepang', 'India', 'Amerika Serikat', 'Inggris', 'Prancis', 'Jerman', 'Rusia', 'Thailand', 'Filipina', 'Vietnam', 'Korea Selatan', 'Singapura'];
    const actions = ['Deportasi', 'Penangkalan', 'Pencegahan', 'Detensi', 'Biaya beban'];
    const violations = ['Overstay', 'Penyalahgunaan izin tinggal', 'Bekerja tanpa izin', 'Tindak pidana', 'Lainnya'];
    const rows: BookCell[][] = [['Laporan TAK'], [], SANCTIONS];
    let n = 0;
    for (const month of ['2024-01', '2024-02']) for (const office of offices) for (const country of countries) for (const action of actions) for (const violation of violations) rows.push([month, office, country, action, violation, 1 + (n++ % 97)]);
    const streamed = workbook([{ name: 'TAK', rows }], { zip: 'streaming' });
    expect(streamed.readUInt32LE(18)).toBe(0); // the first local header records no compressed size
    expect(centralEntry(streamed, 'xl/worksheets/sheet1.xml').inflatedBytes).toBeGreaterThan(1024 * 1024);
    expect(centralEntry(libreOffice, 'xl/worksheets/sheet1.xml').inflatedBytes).toBeGreaterThan(1024 * 1024);
    const published = await publishSnapshot({ 'arrivals.csv': null, 'arrivals.xlsx': libreOffice, 'sanctions.csv': null, 'sanctions.xlsx': streamed },
      // the streamed sanctions sheet and the fixture's operations hold January and February only
      { coverage: { from: '2024-01', to: '2024-03' }, tables: { registry: { to: '2024-01' }, sanctions: { to: '2024-02' }, operations: { to: '2024-02' } } }, '2024-04-05');
    expect(await published.query(`SELECT count(*)::INT AS rows, sum(count)::INT AS total, count(DISTINCT month)::INT AS months FROM '$DIR/arrivals.parquet'`)).toEqual([{ rows: 3120, total: Array.from({ length: 3120 }, (_, i) => 1000 + (i % 9)).reduce((a, b) => a + b, 0), months: 3 }]);
    expect(await published.query(`SELECT count FROM '$DIR/arrivals.parquet' WHERE port_code = 'CGK' AND nationality = 'CHN' AND visa_category = 'voa' AND sex = 'P' AND month = DATE '2024-01-01'`)).toEqual([{ count: '1001' }]);
    expect(await published.query(`SELECT count(*)::INT AS rows, sum(count)::INT AS total FROM '$DIR/sanctions.parquet'`)).toEqual([{ rows: n, total: Array.from({ length: n }, (_, i) => 1 + (i % 97)).reduce((a, b) => a + b, 0) }]);
    expect(published.result.manifest.sources.find((s) => s.path.endsWith('arrivals.xlsx'))?.format).toBe('xlsx; sheet "Kedatangan"; header on row 3');
  });

  it('reads the visible sheet of a LibreOffice workbook in the 1904 date system, never its hidden one, and says a hidden sheet was there', async () => {
    const operations = workbook([{ name: 'Kegiatan', rows: [OPERATIONS,
      [{ serial: 43843, format: 'date' }, 'Kota', '36.72', 'KANIM-CILEGON', 'Rakor', 'Imigrasi', 0, 0, 0], // date-formatted: 14 Jan 2024 in 1904
      [43880, 'Kecamatan', '36.72.01', 'KANIM-CILEGON', 'Operasi gabungan', 'Imigrasi, Polri', 25, 3, 2], // a bare serial: 20 Feb 2024
      ['43862', 'Kota', '36.72', 'KANIM-CILEGON', 'Sosialisasi', 'Imigrasi', 0, 0, 0], // a serial typed as text: 2 Feb 2024
    ] }, { name: 'Arsip', state: 'veryHidden', rows: [OPERATIONS, ['14/01/2024', 'Kota', '36.72', 'KANIM-CILEGON', 'Rakor', 'Imigrasi', 999, 0, 0]] }], { date1904: true });
    const published = await publishSnapshot({ 'arrivals.csv': null, 'arrivals.xlsx': readFileSync(join(FIXTURES, 'libreoffice-1904-hidden-sheet.xlsx')), 'operations.csv': null, 'operations.xlsx': operations });
    expect(await published.query(`SELECT strftime(month, '%Y-%m') AS m, port_code, sex, count FROM '$DIR/arrivals.parquet' ORDER BY ALL`)).toEqual([
      { m: '2024-01', port_code: 'CGK', sex: 'L', count: '1234' }, { m: '2024-01', port_code: 'CGK', sex: 'P', count: '1100' }, { m: '2024-02', port_code: 'DPS', sex: 'L', count: '2500' },
    ]);
    expect(await published.query(`SELECT strftime(date, '%Y-%m-%d') AS d, activity, foreigners_checked FROM '$DIR/operations.parquet' ORDER BY d`)).toEqual([
      { d: '2024-01-14', activity: 'rakor', foreigners_checked: '0' }, { d: '2024-02-02', activity: 'sosialisasi', foreigners_checked: '0' }, { d: '2024-02-20', activity: 'operasi_gabungan', foreigners_checked: '25' },
    ]);
    const warnings = published.result.manifest.warnings.filter((w) => w.code === 'xlsx-hidden-sheet').map((w) => w.message);
    expect(warnings).toEqual([expect.stringMatching(/arrivals\.xlsx: The hidden sheet was not read/), expect.stringMatching(/operations\.xlsx: The hidden sheet was not read/)]);
    expect(published.result.warnings.filter((w) => w.code === 'xlsx-hidden-sheet').map((w) => w.found)).toEqual(['a hidden sheet "Lama"', 'a very hidden sheet "Arsip"']);
    expect(published.result.manifest.sources.find((s) => s.path.endsWith('arrivals.xlsx'))?.format).toMatch(/sheet "Kedatangan".*1904 date system/);
  });

  it('reads the one visible sheet that has the table, or the sheet snapshot.json names, and SpreadsheetML under a prefix', async () => {
    const sheet = (name: string, count: number) => ({ name, rows: [ARRIVALS, ['Januari 2024', 'CGK', 'CHN', 'VoA', 'L', count]] });
    const arrivals = workbook([sheet('Data 2023', 111), { name: 'Catatan', rows: [['Catatan: angka sementara'], ['Sumber: Kanim']] }, sheet('Data 2024', 222)]);
    const sanctions = workbook([{ name: 'Petunjuk', rows: [['Isi lembar TAK'], ['Satu baris per kantor']] },
      { name: 'TAK', rows: [SANCTIONS, ['2024-01', 'KANIM-BOGOR', 'China', 'Deportasi', 'Overstay', 12]] }], { prefix: 'x', zip: 'streaming' });
    const published = await publishSnapshot({ 'arrivals.csv': null, 'arrivals.xlsx': arrivals, 'sanctions.csv': null, 'sanctions.xlsx': sanctions }, { sheets: { arrivals: 'Data 2024' }, tables: { registry: { to: '2024-01' }, arrivals: { to: '2024-01' }, sanctions: { to: '2024-01' } } });
    expect(await published.query(`SELECT count FROM '$DIR/arrivals.parquet'`)).toEqual([{ count: '222' }]);
    expect(await published.query(`SELECT office_code, count FROM '$DIR/sanctions.parquet'`)).toEqual([{ office_code: 'KANIM-BOGOR', count: '12' }]);
    expect(published.result.manifest.sources.find((s) => s.path.endsWith('sanctions.xlsx'))?.format).toBe('xlsx; sheet "TAK"; header on row 1');
  });
});
