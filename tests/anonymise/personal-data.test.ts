/**
 * Files with personal data are refused: a header naming it (by its words, not only its exact
 * spelling) and a value that is one (a passport or NIK number, a name after "a.n.", a birth date,
 * an e-mail address, a phone number), in any column, read or ignored, naming the column and row and
 * never quoting the personal data itself. Region codes, dates, office codes and the agencies list
 * are not personal data.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { personalHeaderKind } from '../../scripts/lib/personal-headers.ts';
import { personalValue, personalValueSql } from '../../scripts/anonymise/personal-values.ts';
import { sqlString } from '../../scripts/lib/duckdb.ts';
import { BOM, VALID_FILES, writeSnapshot } from '../helpers/valid-snapshot.ts';
import { xlsx } from '../helpers/write-xlsx.ts';
import { publicationFingerprint, publish, publishedBaseline, refuse, tempDir } from '../helpers/pipeline-fixture.ts';

const PERSONAL_HEADERS = [
  'No. Paspor', 'Nomor Paspor WNA', 'NoPaspor', 'PASSPORT NO', 'Paspor', 'Nama WNA', 'Nama', 'Nama Lengkap', 'Full Name', 'NamaWNA', 'Surname',
  'NIK', 'No. KTP', 'Nomor Induk Kependudukan', 'Tgl. Lahir', 'Tempat/Tgl Lahir', 'Date of Birth', 'DOB', 'Alamat Domisili', 'Address',
  'No. HP', 'Telp.', 'E-mail', 'WhatsApp', 'No. KITAS', 'Nomor Visa', 'ID Number', 'Foto', 'N.I.K', 'T.T.L',
];
const OTHER_HEADERS = [
  'Keterangan', 'Jumlah', 'Jumlah KITAS', 'Jenis Visa/Izin', 'No', 'No. Urut', 'Kode Wilayah', 'Tanggal', 'Instansi', 'Nama Kantor',
  'Nama Negara', 'Nama Kegiatan', 'port_name', 'office_name', 'Jenis Pernikahan', 'Teknik Pemeriksaan', 'Visa', 'Catatan',
];
const PERSONAL_VALUES = [
  'a.n. John Doe, paspor E1234567', 'A/N Budi Santoso', 'atas nama Siti Aminah', 'Nama: Li Wei', 'a.n.Zhang Wei', 'E1234567', 'AB 1234567',
  'x12345678', 'passport no. 123456789', 'Paspor: 987654321', '3201012345678901', 'NIK 3201012345678901.', '320101 234567 8901',
  'lahir 12-03-1985', 'DOB: 1985/03/12', 'Tgl lahir: 12.03.85', 'budi.s@example.co.id', '0812-3456-7890', '+62 812 3456 7890', '081234567890', '6281234567890',
  'an. JOHN SMITH', 'WNA an. Tanaka dideportasi', 'Sdr. John Smith', 'Tn. Wang Lei', 'Ny.Sato', 'Mr. Lee', '3201 0101 0101 0001', '3201-0101-0101-0001',
];
const OTHER_VALUES = [
  '36.72.01.2001', '36.72', '3672012001', '11.01.17.2008', '14/01/2024', '2024-01-15', 'Januari 2024', '15 Februari 2024', '45305', '1.234', '1.234.567', '20000000',
  'KANIM-BOGOR', 'SEA-BATAM-CENTER', 'Imigrasi, Polri, TNI', 'Imigrasi, Polri, TNI, Kepala Desa, Babinsa', 'Soekarno-Hatta', 'Visa on Arrival', 'C312',
  'data lengkap', 'an operation', 'Jakarta. nanti', 'Rapat di kecamatan. Operasi', 'Tn', 'Kantor Imigrasi Kelas I TPI Jakarta Utara', '2024 0101 0101', 'Q1 2024', 'GA 881', 'Perkawinan campuran tercatat', 'Disdukcapil', '-', '',
];

describe('personal data, as a rule', () => {
  it.each(PERSONAL_HEADERS)('refuses the header "%s"', (header) => expect(personalHeaderKind(header)).not.toBeNull());
  it.each(OTHER_HEADERS)('accepts the header "%s"', (header) => expect(personalHeaderKind(header)).toBeNull());
  it.each(PERSONAL_VALUES)('refuses the value "%s"', (value) => expect(personalValue(value)).not.toBeNull());
  it.each(OTHER_VALUES)('accepts the value "%s"', (value) => expect(personalValue(value)).toBeNull());

  it('judges every value the same in DuckDB as in JavaScript', async () => {
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    const values = [...PERSONAL_VALUES, ...OTHER_VALUES];
    const rows = (await db.runAndReadAll(`SELECT v, ${personalValueSql('v')} AS personal FROM (VALUES ${values.map((v) => `(${sqlString(v)})`).join(', ')}) t(v)`)).getRowObjectsJS();
    expect(Object.fromEntries(rows.map((r) => [r.v, r.personal]))).toEqual(Object.fromEntries(values.map((v) => [v, personalValue(v) !== null])));
    db.closeSync();
  });

  it('masks what it found: the kind and the first letter of each word', () => {
    expect(personalValue('A/N Budi Santoso')).toEqual({ kind: 'a name after "a.n."', masked: 'A/N B•' });
    expect(personalValue('a.n. John Doe, paspor E1234567')).toEqual({ kind: 'a passport number', masked: 'p••••• E•••••••' });
    expect(personalValue('E1234567')).toEqual({ kind: 'a passport number', masked: 'E•••••••' });
  });
});

/** A valid export of `file` with one more column, `header`, holding `values` row by row (then blank). */
function withColumn(file: string, header: string, values: string[]): string {
  const [head, ...rows] = VALID_FILES[file]!.replace(BOM, '').trimEnd().split('\r\n');
  return BOM + [`${head};${header}`, ...rows.map((r, i) => `${r};${values[i] ?? ''}`)].join('\r\n') + '\r\n';
}

describe('personal data, in the pipeline', () => {
  const DATE = '2024-03-05';
  let outDir = '';
  let before = '';
  beforeAll(async () => {
    ({ outDir } = await publishedBaseline());
    before = publicationFingerprint(outDir);
  });

  it('refuses headers that name personal data by their words, in every table', async () => {
    const dir = writeSnapshot(tempDir(), {
      'arrivals.csv': withColumn('arrivals.csv', 'Nama WNA', ['John Doe']),
      'sanctions.csv': withColumn('sanctions.csv', 'Nomor Paspor WNA', ['E1234567']),
      'operations.csv': withColumn('operations.csv', 'Tgl. Lahir', ['1980-01-01']),
      'registry.csv': withColumn('registry.csv', 'E-mail', ['a@b.id']),
    }, DATE);
    const issues = await refuse(dir, DATE, outDir);
    expect(issues.filter((i) => i.code === 'identifying-column').map((i) => [i.file.split('/').pop(), i.row, i.column])).toEqual([
      ['arrivals.csv', 1, 'Nama WNA'], ['sanctions.csv', 1, 'Nomor Paspor WNA'], ['operations.csv', 1, 'Tgl. Lahir'], ['registry.csv', 1, 'E-mail'],
    ]);
    expect(publicationFingerprint(outDir)).toBe(before);
  });

  it('refuses personal data in values, in a column it ignores or reads, naming the column and row but not the data', async () => {
    const remarks = xlsx([
      ['Bulan', 'TPI', 'Kewarganegaraan', 'Jenis Visa/Izin', 'Jenis Kelamin', 'Jumlah', 'Catatan'],
      ['Januari 2024', 'CGK', 'CHN', 'VoA', 'L', 1234, ''],
      ['Februari 2024', 'CGK', 'MYS', 'ITAS', 'P', 17, 'sponsor: budi.s@example.co.id'],
    ]);
    const dir = writeSnapshot(tempDir(), {
      'arrivals.csv': null,
      'arrivals.xlsx': remarks,
      // an ignored remarks column, the second row
      'sanctions.csv': withColumn('sanctions.csv', 'Keterangan', ['', 'a.n. John Doe, paspor E1234567', '']),
      // the agencies column, which the table reads, the first row
      'operations.csv': VALID_FILES['operations.csv']!.replace('"Imigrasi, Polri, Disdukcapil"', '"Imigrasi, Polri, a.n. Siti Aminah"'),
      // a column with no header at all, holding NIK numbers on every row
      'registry.csv': withColumn('registry.csv', '', ['3201012345678901', '3201012345678902']),
    }, DATE);
    const issues = await refuse(dir, DATE, outDir);
    expect(issues.filter((i) => i.code === 'identifying-value').map((i) => [i.file.split('/').pop(), i.row, i.column, i.found, i.moreRows])).toEqual([
      ['arrivals.xlsx', 3, 'Catatan', 'an e-mail address: "b•••.s@e••••••.c•.i•"', undefined],
      ['sanctions.csv', 3, 'Keterangan', 'a passport number: "p••••• E•••••••"', undefined],
      ['operations.csv', 2, 'Instansi', 'a name after "a.n.": "a.n. S•"', undefined],
      ['registry.csv', 2, 'column 6', 'a NIK (16-digit national identity number): "3•••••••••••••••"', 1],
    ]);
    expect(JSON.stringify(issues)).not.toMatch(/John|Doe|E1234567|Siti|Aminah|3201012345678901|budi/);
    expect(publicationFingerprint(outDir)).toBe(before);
  });

  it('publishes a file whose extra columns hold codes, dates and agencies, warning that they were ignored', async () => {
    const dir = writeSnapshot(tempDir(), {
      'operations.csv': withColumn('operations.csv', 'Keterangan', ['"Imigrasi, Polri, TNI, 36.72.01.2001, 14/01/2024"', 'KANIM-CILEGON 2024-02-20 (3672012001)']),
    }, DATE);
    const result = await publish(dir, DATE, tempDir());
    expect(result.warnings.map((w) => [w.code, w.column])).toEqual([['unknown-column', 'Keterangan']]);
  });
});
