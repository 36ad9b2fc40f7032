/**
 * A valid snapshot with data in every month of a half-year (2024-01 to 2024-06, taken 2024-07-05),
 * counts large enough that disclosure control withholds none of its national figures: for tests
 * about months, coverage and revisions, where each table's months must be changed one at a time.
 *
 * Two rows per table and month, each with the same count (100 unless told): arrivals at CGK and
 * DPS; sanctions at Bogor and Batam; two joint operations (the count is foreigners checked);
 * mixed marriages registered by Disdukcapil and by Kemenag. Foreign residents (a stock) are
 * counted at the end of June only.
 */
import type { TableName } from '../../src/schema/tables.ts';
import { BOM, writeSnapshot } from './valid-snapshot.ts';

export const MONTHLY_DATE = '2024-07-05';
export const MONTHLY_MONTHS = ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06'] as const;
const DEFAULT_COUNT = 100;

/** A table-month's count: one for both rows, one per row (null leaves that row out), or null: no rows that month. */
export type MonthCounts = number | null | readonly (number | null)[];
export type MonthlyChanges = Partial<Record<TableName, Partial<Record<string, MonthCounts>>>>;

const ROWS: Record<TableName, { header: string; rows: ((month: string, n: number) => string)[] }> = {
  arrivals: {
    header: 'Bulan;TPI;Kewarganegaraan;Jenis Visa/Izin;Jenis Kelamin;Jumlah',
    rows: [(m, n) => `${m};CGK;China;Visa on Arrival;Laki-laki;${n}`, (m, n) => `${m};Ngurah Rai;Australia;Bebas Visa Kunjungan;Perempuan;${n}`],
  },
  sanctions: {
    header: 'Bulan;Kantor Imigrasi;Kewarganegaraan;Jenis Tindakan;Jenis Pelanggaran;Jumlah',
    rows: [(m, n) => `${m};KANIM-BOGOR;China;Deportasi;Overstay;${n}`, (m, n) => `${m};KANIM-BATAM;Nigeria;Deportasi;Overstay;${n}`],
  },
  operations: {
    header: 'Tanggal;Tingkat;Kode Wilayah;Kantor Imigrasi;Kegiatan;Instansi;WNA Diperiksa;Temuan;Tindak Lanjut',
    rows: [
      (m, n) => `10/${m.slice(5)}/${m.slice(0, 4)};Kecamatan;36.72.01;KANIM-CILEGON;Operasi gabungan;"Imigrasi, Polri";${n};${Math.min(12, n)};${Math.min(11, n)}`,
      (m, n) => `20/${m.slice(5)}/${m.slice(0, 4)};Kabupaten/Kota;36.72;KANIM-CILEGON;Operasi gabungan;"Imigrasi, Polri, TNI";${n};${Math.min(12, n)};${Math.min(11, n)}`,
    ],
  },
  registry: {
    header: 'Bulan;Kode Wilayah;Instansi;Indikator;Jumlah',
    rows: [(m, n) => `${m};36.72;Disdukcapil;Perkawinan campuran tercatat;${n}`, (m, n) => `${m};36.72;Kemenag;Perkawinan campuran tercatat;${n}`],
  },
};

const STOCK_ROWS = ['2024-06;36.72;Disdukcapil;Orang asing berdomisili dilaporkan;500', '2024-06;36.72;Imigrasi;Orang asing berdomisili dilaporkan;400'];

/** The four exports, with some table-months changed. */
export function monthlyFiles(changes: MonthlyChanges = {}, months: readonly string[] = MONTHLY_MONTHS): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [table, { header, rows }] of Object.entries(ROWS) as [TableName, (typeof ROWS)[TableName]][]) {
    const lines = [header];
    for (const month of months) {
      const change = changes[table]?.[month];
      const counts = change === undefined ? rows.map(() => DEFAULT_COUNT) : change === null ? rows.map(() => null) : typeof change === 'number' ? rows.map(() => change) : change;
      rows.forEach((row, i) => {
        const n = counts[i];
        if (n !== null && n !== undefined) lines.push(row(month, n));
      });
    }
    if (table === 'registry') lines.push(...STOCK_ROWS.filter((r) => months.includes(r.slice(0, 7))));
    files[`${table}.csv`] = BOM + lines.join('\r\n') + '\r\n';
  }
  return files;
}

export function monthlySidecar(extra: Record<string, unknown> = {}, date = MONTHLY_DATE, coverage: { from: string; to: string } = { from: MONTHLY_MONTHS[0], to: MONTHLY_MONTHS.at(-1)! }): string {
  return JSON.stringify({ snapshotDate: date, coverage, synthetic: true, producer: 'test fixture', ...extra });
}

/** Writes the monthly snapshot into <parent>/<date>/. */
export function writeMonthlySnapshot(parent: string, changes: MonthlyChanges = {}, extra: Record<string, string | Buffer | null> = {}, date = MONTHLY_DATE): string {
  return writeSnapshot(parent, { ...monthlyFiles(changes), 'snapshot.json': monthlySidecar({}, date), ...extra }, date);
}
