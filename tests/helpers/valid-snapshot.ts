/**
 * A small, valid snapshot written the way offices export it, for tests to copy and break one
 * thing at a time. Files: arrivals.csv, sanctions.csv, operations.csv, registry.csv, snapshot.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const BOM = '\uFEFF';

export const VALID_FILES: Record<string, string> = {
  'arrivals.csv': [
    'Bulan;TPI;Kewarganegaraan;Jenis Visa/Izin;Jenis Kelamin;Jumlah',
    'Januari 2024;Soekarno-Hatta;China;Visa on Arrival;Laki-laki;1.234',
    'Januari 2024;Soekarno-Hatta;China;Visa on Arrival;Perempuan;1.100',
    'Januari 2024;Ngurah Rai;Australia;Bebas Visa Kunjungan;Laki-laki;2.500',
    'Februari 2024;Soekarno-Hatta;Malaysia;ITAS;Perempuan;17',
    'Februari 2024;CGK;SGP;crew;L;-',
  ].join('\r\n') + '\r\n',
  'sanctions.csv': BOM + [
    'Bulan;Kantor Imigrasi;Kewarganegaraan;Jenis Tindakan;Jenis Pelanggaran;Jumlah',
    '2024-01;KANIM-BOGOR;China;Deportasi;Overstay;12',
    '2024-01;KANIM-BATAM;Nigeria;Deportasi;Penyalahgunaan izin tinggal;3',
    '2024-02;KANIM-SOEKARNO-HATTA;Malaysia;Detensi;Overstay;2',
  ].join('\r\n') + '\r\n',
  'operations.csv': BOM + [
    'Tanggal;Tingkat;Kode Wilayah;Kantor Imigrasi;Kegiatan;Instansi;WNA Diperiksa;Temuan;Tindak Lanjut',
    '14/01/2024;Kabupaten/Kota;36.72;KANIM-CILEGON;Rapat koordinasi;"Imigrasi, Polri, Disdukcapil";0;0;0',
    '20/02/2024;Kecamatan;36.72.01;KANIM-CILEGON;Operasi gabungan;"Imigrasi, Polri, TNI";25;3;2',
  ].join('\r\n') + '\r\n',
  'registry.csv': BOM + [
    'Bulan;Kode Wilayah;Instansi;Indikator;Jumlah',
    '2024-01;36.72;Disdukcapil;Perkawinan campuran tercatat;14',
    '2024-01;36.72;Kemenag;Perkawinan campuran tercatat;9',
  ].join('\r\n') + '\r\n',
};

export const VALID_SIDECAR = {
  snapshotDate: '2024-03-05',
  coverage: { from: '2024-01', to: '2024-02' },
  // the registry export holds January only: it says so, as README "Adding a snapshot" asks
  tables: { registry: { to: '2024-01' } },
  synthetic: true,
  producer: 'test fixture',
};

/** Writes the valid snapshot into <parent>/<date>/, with some files replaced or removed (null). */
export function writeSnapshot(parent: string, overrides: Record<string, string | Buffer | null> = {}, date = VALID_SIDECAR.snapshotDate): string {
  const dir = join(parent, date);
  mkdirSync(dir, { recursive: true });
  const files: Record<string, string | Buffer | null> = { ...VALID_FILES, 'snapshot.json': JSON.stringify({ ...VALID_SIDECAR, snapshotDate: date }), ...overrides };
  for (const [name, content] of Object.entries(files)) if (content !== null) writeFileSync(join(dir, name), content);
  return dir;
}

/**
 * snapshot.json for a fixture whose tables end at other months than the valid one's (each table
 * named here ends at the month given; null: it covers the whole coverage).
 */
export function sidecarWithTableEnds(ends: Record<string, string | null>, date = VALID_SIDECAR.snapshotDate): string {
  const tables = Object.fromEntries(Object.entries({ ...Object.fromEntries(Object.entries(VALID_SIDECAR.tables).map(([t, v]) => [t, v.to])), ...ends })
    .filter((e): e is [string, string] => e[1] !== null).map(([t, to]) => [t, { to }]));
  return JSON.stringify({ ...VALID_SIDECAR, snapshotDate: date, tables });
}
