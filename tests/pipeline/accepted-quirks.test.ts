/**
 * Quirks of real exports that the pipeline reads correctly: each snapshot is published and the
 * Parquet read back with DuckDB shows the values the office meant. The fixtures' counts are small,
 * so they are published as an internal (unsuppressed) build: these tests are about reading
 * values, and disclosure control would withhold them (tests/anonymise, sample-round-trip test it).
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { BOM, sidecarWithTableEnds, VALID_FILES, writeSnapshot } from '../helpers/valid-snapshot.ts';
import { publish, tempDir } from '../helpers/pipeline-fixture.ts';
import { xlsx } from '../helpers/write-xlsx.ts';

const DATE = '2024-03-05';

async function publishAndRead(files: Record<string, string | Buffer | null>, sql: string): Promise<Record<string, unknown>[]> {
  const out = tempDir();
  await publish(writeSnapshot(tempDir(), files), DATE, out, 'internal');
  const db = await (await DuckDBInstance.create(':memory:')).connect();
  const rows = (await db.runAndReadAll(sql.replaceAll('$DIR', join(out, 'current')))).getRowObjectsJson();
  db.closeSync();
  return rows as Record<string, unknown>[];
}

const arrivalsHeader = ['Bulan', 'TPI', 'Kewarganegaraan', 'Jenis Visa/Izin', 'Jenis Kelamin', 'Jumlah'];

describe('accepted quirks', () => {
  it('reads Indonesian thousands, "-" for zero, a UTF-8 BOM and spelling variants', async () => {
    const rows = await publishAndRead({}, `SELECT strftime(month, '%Y-%m') AS m, port_code, nationality, visa_category, sex, count FROM '$DIR/arrivals.parquet' ORDER BY ALL`);
    expect(rows).toEqual([
      { m: '2024-01', port_code: 'CGK', nationality: 'CHN', visa_category: 'voa', sex: 'L', count: '1234' },
      { m: '2024-01', port_code: 'CGK', nationality: 'CHN', visa_category: 'voa', sex: 'P', count: '1100' },
      { m: '2024-01', port_code: 'DPS', nationality: 'AUS', visa_category: 'bvk', sex: 'L', count: '2500' },
      { m: '2024-02', port_code: 'CGK', nationality: 'MYS', visa_category: 'itas', sex: 'P', count: '17' },
      { m: '2024-02', port_code: 'CGK', nationality: 'SGP', visa_category: 'crew', sex: 'L', count: '0' },
    ]);
  });

  it('reads Windows-1252 text', async () => {
    const text = 'Bulan;Kantor Imigrasi;Kewarganegaraan;Jenis Tindakan;Jenis Pelanggaran;Jumlah\r\n2024-01;Kanim Bogor;Curaçao;Deportasi;Overstay;2\r\n';
    const rows = await publishAndRead({ 'sanctions.csv': Buffer.from(text, 'latin1'), 'snapshot.json': sidecarWithTableEnds({ sanctions: '2024-01' }) }, `SELECT nationality, count FROM '$DIR/sanctions.parquet'`);
    expect(rows).toEqual([{ nationality: 'CUW', count: '2' }]);
  });

  it('skips title rows above the header, blank rows and a "Sumber:" note below', async () => {
    const csv = BOM + 'LAPORAN TINDAKAN ADMINISTRATIF KEIMIGRASIAN\r\nPeriode Januari - Februari 2024\r\n\r\n' +
      VALID_FILES['sanctions.csv']!.replace(BOM, '') + ';;;;;\r\n\r\nSumber: Seksi Inteldakim, Kanim Bogor\r\n\r\n';
    const rows = await publishAndRead({ 'sanctions.csv': csv }, `SELECT sum(count)::INT AS n, count(*)::INT AS cells FROM '$DIR/sanctions.parquet'`);
    expect(rows).toEqual([{ n: 17, cells: 3 }]);
  });

  it('accepts a grand total row that equals the sum of the rows', async () => {
    const csv = VALID_FILES['sanctions.csv']!.replace(/\r\n$/, '') + '\r\nJumlah;;;;;17\r\n';
    const rows = await publishAndRead({ 'sanctions.csv': csv }, `SELECT sum(count)::INT AS n FROM '$DIR/sanctions.parquet'`);
    expect(rows).toEqual([{ n: 17 }]);
  });

  it('reads headers that carry a unit: "JUMLAH (ORANG)", "WNA Diperiksa [jiwa]"', async () => {
    const csv = VALID_FILES['operations.csv']!.replace('WNA Diperiksa;Temuan;Tindak Lanjut', 'WNA DIPERIKSA [jiwa];Temuan (kasus);Tindak Lanjut (orang)');
    const sanctions = VALID_FILES['sanctions.csv']!.replace(';Jumlah\r\n', ';JUMLAH (ORANG)\r\n');
    const rows = await publishAndRead({ 'operations.csv': csv, 'sanctions.csv': sanctions }, `SELECT (SELECT sum(count)::INT FROM '$DIR/sanctions.parquet') AS sanctions, (SELECT sum(foreigners_checked)::INT FROM '$DIR/operations.parquet') AS checked`);
    expect(rows).toEqual([{ sanctions: 17, checked: 25 }]);
  });

  it('reads a comma-delimited export with English thousands separators', async () => {
    const csv = 'Bulan,Kode Wilayah,Instansi,Indikator,Jumlah\n2024-01,36.72,Disdukcapil,Perkawinan campuran,"1,204"\n2024-02,3672,KUA,Perkawinan campuran,9\n';
    const rows = await publishAndRead({ 'registry.csv': csv, 'snapshot.json': sidecarWithTableEnds({ registry: null }) }, `SELECT strftime(month, '%Y-%m') AS m, region_code, source_agency, count FROM '$DIR/registry.parquet' ORDER BY m`);
    expect(rows).toEqual([
      { m: '2024-01', region_code: '36.72', source_agency: 'disdukcapil', count: '1204' },
      { m: '2024-02', region_code: '36.72', source_agency: 'kemenag', count: '9' },
    ]);
  });

  it('reads Excel serial dates and "15 Januari 2024"', async () => {
    const csv = 'Tanggal;Tingkat;Kode Wilayah;Kantor Imigrasi;Kegiatan;Instansi;WNA Diperiksa;Temuan;Tindak Lanjut\r\n45305;Kota;36.72;Kanim Cilegon;Rakor;Imigrasi;0;0;0\r\n15 Februari 2024;Kelurahan;36.72.01.1001;Kanim Cilegon;Opsgab;"Imigrasi, Polri";12;1;1\r\n';
    const rows = await publishAndRead({ 'operations.csv': csv }, `SELECT strftime(date, '%Y-%m-%d') AS d, level, activity, agency_count FROM '$DIR/operations.parquet' ORDER BY d`);
    expect(rows).toEqual([
      { d: '2024-01-14', level: 'kabupaten_kota', activity: 'rakor', agency_count: 1 },
      { d: '2024-02-15', level: 'kelurahan_desa', activity: 'operasi_gabungan', agency_count: 2 },
    ]);
  });

  it('reads an XLSX with a title row, a merged two-row header and numbers stored as text', async () => {
    const book = xlsx([
      ['Data Kedatangan WNA per TPI'],
      [],
      ['Bulan', 'TPI', 'Kewarganegaraan', 'Jenis', null, 'Jumlah'],
      [null, null, null, 'Visa/Izin', 'Kelamin', null],
      ['Januari 2024', 'Bandara Soekarno-Hatta', 'Tiongkok', 'VoA', 'Laki-laki', '1.234'],
      ['Januari 2024', 'SOEKARNO HATTA', 'RRT', 'VoA', 'Perempuan', 1100],
      [],
      ['Sumber: Ditjen Imigrasi'],
    ]);
    const rows = await publishAndRead({ 'arrivals.csv': null, 'arrivals.xlsx': book, 'snapshot.json': sidecarWithTableEnds({ arrivals: '2024-01' }) }, `SELECT port_code, nationality, sex, count FROM '$DIR/arrivals.parquet' ORDER BY sex`);
    expect(rows).toEqual([
      { port_code: 'CGK', nationality: 'CHN', sex: 'L', count: '1234' },
      { port_code: 'CGK', nationality: 'CHN', sex: 'P', count: '1100' },
    ]);
  });

  it('ignores a "__proto__" column without polluting any object', async () => {
    const book = xlsx([[...arrivalsHeader, '__proto__', 'constructor'], ['Januari 2024', 'CGK', 'CHN', 'VoA', 'L', 5, 'polluted', 'x']]);
    const out = tempDir();
    const result = await publish(writeSnapshot(tempDir(), { 'arrivals.csv': null, 'arrivals.xlsx': book, 'snapshot.json': sidecarWithTableEnds({ arrivals: '2024-01' }) }), DATE, out);
    expect(result.warnings.map((w) => [w.code, w.column])).toEqual([['unknown-column', '__proto__'], ['unknown-column', 'constructor']]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('publishes the same snapshot twice as the same bytes, and the second time changes nothing', async () => {
    const out = tempDir();
    const dir = writeSnapshot(tempDir());
    const first = await publish(dir, DATE, out);
    const second = await publish(dir, DATE, out);
    expect(second.unchanged).toBe(true);
    expect(second.releaseDir).toBe(first.releaseDir);
    expect(second.manifest.tables).toEqual(first.manifest.tables);
    const elsewhere = await publish(dir, DATE, tempDir());
    expect(elsewhere.manifest.tables).toEqual(first.manifest.tables);
  });
});
