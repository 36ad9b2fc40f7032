/**
 * Notes under the data, recognised by their shape (one filled cell that is no value of its
 * column), whatever they say and whichever column holds them ("*) data sementara", "Keterangan",
 * "Sumber: …" in a count column, a note in an XLSX): skipped, and said once in the manifest. A
 * lone cell among the data rows is one clear error, not five misleading ones. English headers are
 * read; an unknown one gets "rename". Every rule says how many rows fail in all. One publication
 * and one refused snapshot for the whole file.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { BOM, VALID_FILES, writeSnapshot } from '../helpers/valid-snapshot.ts';
import { publicationFingerprint, publish, refuse, tempDir } from '../helpers/pipeline-fixture.ts';
import { workbook } from '../helpers/write-xlsx.ts';
import { formatIssue, type PipelineIssue } from '../../scripts/lib/pipeline-issue.ts';

const DATE = '2024-03-05';
const plain = (file: string) => VALID_FILES[file]!.replace(BOM, '');

const ACCEPTED: Record<string, string | Buffer | null> = {
  // notes in the first (month) column, with and without a colon, after a blank line
  'sanctions.csv': plain('sanctions.csv') + '\r\n*) data sementara\r\nKeterangan\r\n;;;;;\r\n',
  // the count is the first column: a "Sumber:" line lands in it
  'registry.csv': 'Jumlah;Bulan;Kode Wilayah;Instansi;Indikator\r\n14;2024-01;36.72;Disdukcapil;Perkawinan campuran tercatat\r\n9;2024-01;36.72;Kemenag;Perkawinan campuran tercatat\r\nSumber: Disdukcapil Kota Cilegon\r\n',
  // English headers, and an English note
  'arrivals.csv': plain('arrivals.csv').replace('Bulan;TPI;Kewarganegaraan;Jenis Visa/Izin;Jenis Kelamin;Jumlah', 'Month;Checkpoint;Nationality;Visa type;Gender;Arrivals') + 'Provisional figures\r\n',
  // a note below the data of a workbook
  'operations.csv': null,
  'operations.xlsx': workbook([{ name: 'TIMPORA', rows: [
    ['Tanggal', 'Tingkat', 'Kode Wilayah', 'Kantor Imigrasi', 'Kegiatan', 'Instansi', 'WNA Diperiksa', 'Temuan', 'Tindak Lanjut'],
    ['14/01/2024', 'Kabupaten/Kota', '36.72', 'KANIM-CILEGON', 'Rapat koordinasi', 'Imigrasi, Polri, Disdukcapil', 0, 0, 0],
    ['20/02/2024', 'Kecamatan', '36.72.01', 'KANIM-CILEGON', 'Operasi gabungan', 'Imigrasi, Polri, TNI', 25, 3, 2],
    [],
    ['*) Data Februari 2024 masih sementara'],
  ] }]),
};

const REFUSED: Record<string, string | Buffer | null> = {
  // a note typed between two data rows
  'sanctions.csv': plain('sanctions.csv').replace('2024-01;KANIM-BATAM', '*) angka sementara\r\n2024-01;KANIM-BATAM'),
  // an English header that is no alias, the only column missing
  'arrivals.csv': plain('arrivals.csv').replace('Kewarganegaraan', 'Citizenship'),
  // seven rows fail one rule, with seven different values
  'registry.csv': 'Bulan;Kode Wilayah;Instansi;Indikator;Jumlah\r\n' + ['satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh'].map((n, i) => `2024-01;36.${String(i + 1).padStart(2, '0')};Kemenag;Perkawinan campuran tercatat;${n}`).join('\r\n') + '\r\n',
};

describe('note rows and headers', () => {
  let out = '';
  let refused: PipelineIssue[] = [];
  let before = '';
  beforeAll(async () => {
    out = tempDir();
    await publish(writeSnapshot(tempDir(), ACCEPTED), DATE, out, 'internal');
    before = publicationFingerprint(out);
    refused = await refuse(writeSnapshot(tempDir(), REFUSED, '2024-04-05'), '2024-04-05', out);
  }, 60_000);

  it('skips notes below the data in any column, reads English headers, and publishes exactly the data rows', async () => {
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    const read = async (sql: string) => (await db.runAndReadAll(sql.replaceAll('$DIR', join(out, 'current')))).getRowObjectsJson();
    expect(await read(`SELECT sum(count)::INT AS n, count(*)::INT AS cells FROM '$DIR/sanctions.parquet'`)).toEqual([{ n: 17, cells: 3 }]);
    expect(await read(`SELECT source_agency, count::INT AS n FROM '$DIR/registry.parquet' ORDER BY 1`)).toEqual([{ source_agency: 'disdukcapil', n: 14 }, { source_agency: 'kemenag', n: 9 }]);
    expect(await read(`SELECT sum(count)::INT AS n, count(*)::INT AS cells FROM '$DIR/arrivals.parquet'`)).toEqual([{ n: 4851, cells: 5 }]);
    expect(await read(`SELECT sum(foreigners_checked)::INT AS n, count(*)::INT AS activities FROM '$DIR/operations.parquet'`)).toEqual([{ n: 25, activities: 2 }]);
    db.closeSync();
    const warnings = (JSON.parse(readFileSync(join(out, 'current', 'manifest.json'), 'utf8')) as { warnings: { code: string; message: string }[] }).warnings.filter((w) => w.code === 'note-rows-skipped').map((w) => w.message);
    expect(warnings).toEqual([
      expect.stringMatching(/arrivals\.csv, row 7: 1 note row\(s\) below the data \(row 7\) were skipped/),
      expect.stringMatching(/sanctions\.csv, row 6: 2 note row\(s\) below the data \(rows 6, 7\) were skipped/),
      expect.stringMatching(/operations\.xlsx, row 5: 1 note row\(s\) below the data \(row 5\) were skipped/),
      expect.stringMatching(/registry\.csv, row 4: 1 note row\(s\) below the data \(row 4\) were skipped/),
    ]);
  });

  it('refuses a lone cell among the data with one message naming the row', () => {
    const sanctions = refused.filter((i) => i.file.endsWith('sanctions.csv') && i.severity === 'error');
    expect(sanctions).toEqual([expect.objectContaining({ code: 'lone-cell-row', row: 3, column: 'Bulan', found: '*) angka sementara' })]);
    expect(sanctions[0]!.fix).toMatch(/move it below the table/);
  });

  it('says "rename" for an English header it does not know, and how many rows fail a rule in all', () => {
    expect(refused.find((i) => i.file.endsWith('arrivals.csv') && i.code === 'missing-column')).toMatchObject({ column: 'kewarganegaraan', fix: expect.stringMatching(/^Rename column "Citizenship" to "kewarganegaraan"/) });
    const words = refused.filter((i) => i.file.endsWith('registry.csv') && i.code === 'count-not-a-number');
    expect(words.map((i) => [i.row, i.found])).toEqual([[2, 'satu'], [3, 'dua'], [4, 'tiga'], [5, 'empat'], [6, 'lima']]);
    expect(words[0]!.ruleTotal).toEqual({ rows: 7, values: 7 });
    expect(formatIssue(words[0]!)).toContain('[7 row(s) in all fail this check, with 7 different values; the first 5 are listed]');
    expect(publicationFingerprint(out)).toBe(before);
  });
});
