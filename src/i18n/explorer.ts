/**
 * UI text of the data explorer, the filter bar and the query-engine status, in both languages.
 * Kept apart from id.ts / en.ts so those stay the site-wide dictionary.
 */
import { WITHHELD, type PeriodGrain } from '../schema/disclosure.ts';
import type { Filters } from '../schema/filters.ts';
import type { TableName } from '../schema/tables.ts';
import type { Locale } from './locales.ts';

export interface ExplorerText {
  nav: string;
  title: string;
  description: string;
  lead: string;
  noScript: string;
  staticNote: string;
  controlsHeading: string;
  table: string;
  tables: Record<TableName, string>;
  view: string;
  viewTotal: string;
  measure: string;
  measures: Record<string, string>;
  grain: string;
  grains: Record<PeriodGrain, string>;
  apply: string;
  reset: string;
  resultHeading: string;
  caption: (table: string, measure: string, view: string) => string;
  rowsShown: (shown: string, total: string) => string;
  empty: string;
  noRecord: string;
  /** The footnote under a table with withheld cells: what WITHHELD.symbol means. */
  withheldNote: string;
  unavailable: (filters: string) => string;
  sourceView: (view: string, grain: string) => string;
  /** Registry by half-year or year: the stock (foreign residents) is published by month only. */
  stockMonthsOnly: string;
  year: string;
  downloadsHeading: string;
  downloadCsv: string;
  downloadCsvHint: string;
  downloadParquet: (file: string) => string;
  engine: { loading: (percent: string) => string; tables: (percent: string) => string; ready: string; error: (message: string) => string; querying: string };
  filters: {
    heading: string;
    labels: Record<keyof Filters, string>;
    all: string;
    years: string;
    halves: string;
    months: string;
    noScript: string;
  };
  dims: Record<string, string>;
  half: (year: string, half: 1 | 2) => string;
  takAll: string;
  isTak: { true: string; false: string };
}

const id: ExplorerText = {
  nav: 'Jelajah data',
  title: 'Jelajah data',
  description: 'Pilih tabel, rincian, periode dan filter; angka dihitung di peramban Anda dari berkas yang dipublikasikan.',
  lead: 'Pilih tabel, rincian dan filter. Angka diambil dari tabel total yang dipublikasikan (sel yang dilindungi tidak pernah dijumlahkan) dan dihitung di peramban Anda dengan DuckDB-WASM, tanpa server.',
  noScript: 'Penyaringan membutuhkan JavaScript. Tanpa JavaScript, halaman ini menampilkan total nasional bulanan kedatangan; semua berkas Parquet tetap dapat diunduh di bawah.',
  staticNote: 'Tabel awal: total nasional bulanan, disiapkan saat situs dibangun.',
  controlsHeading: 'Pilihan',
  table: 'Tabel',
  tables: { arrivals: 'Kedatangan WNA', sanctions: 'Tindakan administratif (TAK)', operations: 'Kegiatan TIMPORA', registry: 'Data antarinstansi' },
  view: 'Rincian menurut',
  viewTotal: 'Total nasional',
  measure: 'Ukuran',
  measures: { count: 'Jumlah', activities: 'Kegiatan', foreigners_checked: 'WNA diperiksa', findings: 'Temuan pelanggaran', follow_ups: 'Tindak lanjut' },
  grain: 'Periode kolom',
  grains: { month: 'Bulan', half: 'Semester', year: 'Tahun' },
  apply: 'Terapkan',
  reset: 'Atur ulang',
  resultHeading: 'Hasil',
  caption: (table, measure, view) => `${table}: ${measure} menurut ${view}`,
  rowsShown: (shown, total) => `Menampilkan ${shown} dari ${total} baris; CSV berisi semuanya.`,
  empty: 'Tidak ada angka untuk pilihan ini.',
  noRecord: '– tidak ada catatan untuk sel ini.',
  withheldNote: `${WITHHELD.symbol} ${WITHHELD.meaning.id}.`,
  unavailable: (filters) => `Filter berikut tidak tersedia untuk rincian ini dan tidak diterapkan: ${filters}.`,
  sourceView: (view, grain) => `Sumber: tabel total, tampilan "${view}", per ${grain.toLowerCase()}.`,
  stockMonthsOnly: 'Orang asing berdomisili adalah jumlah pada suatu tanggal (akhir Juni dan Desember), bukan jumlah selama periode, jadi hanya tersedia per bulan: pilih Periode kolom "Bulan".',
  year: 'Tahun',
  downloadsHeading: 'Unduh',
  downloadCsv: 'Unduh hasil (CSV)',
  downloadCsvHint: 'CSV UTF-8 dengan BOM, angka tanpa pemisah ribuan, satu baris per sel.',
  downloadParquet: (file) => `Unduh ${file} (Parquet)`,
  engine: {
    loading: (percent) => `Memuat mesin kueri… ${percent}`,
    tables: (percent) => `Memuat data… ${percent}`,
    ready: 'Mesin kueri siap.',
    error: (message) => `Mesin kueri gagal dimuat: ${message}`,
    querying: 'Menghitung…',
  },
  filters: {
    heading: 'Filter',
    labels: { period: 'Periode', province: 'Provinsi', nationality: 'Kewarganegaraan', category: 'Kategori', office: 'Kantor imigrasi' },
    all: 'Semua',
    years: 'Tahun',
    halves: 'Semester',
    months: 'Bulan',
    noScript: 'Tanpa JavaScript, filter hanya menyimpan pilihan di alamat halaman; grafik dan tabel menampilkan angka tanpa filter.',
  },
  dims: {
    province_code: 'Provinsi',
    nationality: 'Kewarganegaraan',
    visa_category: 'Jenis visa/izin',
    port_code: 'TPI',
    sex: 'Jenis kelamin',
    action: 'Jenis tindakan',
    is_tak: 'TAK',
    violation: 'Pelanggaran',
    office_code: 'Kantor imigrasi',
    level: 'Tingkat',
    activity: 'Kegiatan',
    metric: 'Indikator',
    source_agency: 'Instansi',
    region_code: 'Kabupaten/kota',
  },
  half: (year, half) => `Semester ${half === 1 ? 'I' : 'II'} ${year}`,
  takAll: 'Semua TAK (tanpa detensi)',
  isTak: { true: 'TAK', false: 'Bukan TAK (detensi)' },
};

const en: ExplorerText = {
  nav: 'Data explorer',
  title: 'Data explorer',
  description: 'Pick a table, a breakdown, a period and filters; the numbers are computed in your browser from the published files.',
  lead: 'Pick a table, a breakdown and filters. Numbers come from the published totals tables (protected cells are never added up) and are computed in your browser with DuckDB-WASM, with no server.',
  noScript: 'Filtering needs JavaScript. Without it this page shows national monthly arrivals; every Parquet file can still be downloaded below.',
  staticNote: 'Initial table: national monthly totals, prepared when the site was built.',
  controlsHeading: 'Choices',
  table: 'Table',
  tables: { arrivals: 'Foreign arrivals', sanctions: 'Administrative actions (TAK)', operations: 'TIMPORA activities', registry: 'Inter-agency figures' },
  view: 'Break down by',
  viewTotal: 'National total',
  measure: 'Measure',
  measures: { count: 'Count', activities: 'Activities', foreigners_checked: 'Foreigners checked', findings: 'Violations found', follow_ups: 'Follow-ups' },
  grain: 'Columns per',
  grains: { month: 'Month', half: 'Half-year', year: 'Year' },
  apply: 'Apply',
  reset: 'Reset',
  resultHeading: 'Result',
  caption: (table, measure, view) => `${table}: ${measure} by ${view}`,
  rowsShown: (shown, total) => `Showing ${shown} of ${total} rows; the CSV has them all.`,
  empty: 'No figures for this choice.',
  noRecord: '– no record for this cell.',
  withheldNote: `${WITHHELD.symbol} ${WITHHELD.meaning.en}.`,
  unavailable: (filters) => `These filters are not available for this breakdown and were not applied: ${filters}.`,
  sourceView: (view, grain) => `Source: totals table, view "${view}", per ${grain.toLowerCase()}.`,
  stockMonthsOnly: 'Foreign residents are a count at a date (end of June and of December), not a count over a period, so they are published by month only: choose "Month" as the column period.',
  year: 'Year',
  downloadsHeading: 'Download',
  downloadCsv: 'Download result (CSV)',
  downloadCsvHint: 'UTF-8 CSV with BOM, numbers without thousands separators, one row per cell.',
  downloadParquet: (file) => `Download ${file} (Parquet)`,
  engine: {
    loading: (percent) => `Loading query engine… ${percent}`,
    tables: (percent) => `Loading data… ${percent}`,
    ready: 'Query engine ready.',
    error: (message) => `The query engine failed to load: ${message}`,
    querying: 'Computing…',
  },
  filters: {
    heading: 'Filters',
    labels: { period: 'Period', province: 'Province', nationality: 'Nationality', category: 'Category', office: 'Immigration office' },
    all: 'All',
    years: 'Years',
    halves: 'Half-years',
    months: 'Months',
    noScript: 'Without JavaScript the filters only keep your choice in the page address; charts and tables show unfiltered figures.',
  },
  dims: {
    province_code: 'Province',
    nationality: 'Nationality',
    visa_category: 'Visa/permit',
    port_code: 'Checkpoint (TPI)',
    sex: 'Sex',
    action: 'Action',
    is_tak: 'TAK',
    violation: 'Violation',
    office_code: 'Immigration office',
    level: 'Level',
    activity: 'Activity',
    metric: 'Metric',
    source_agency: 'Agency',
    region_code: 'Regency/city',
  },
  half: (year, half) => `H${half} ${year}`,
  takAll: 'All TAK (detention excluded)',
  isTak: { true: 'TAK', false: 'Not TAK (detention)' },
};

const TEXT: Record<Locale, ExplorerText> = { id, en };

export function explorerText(locale: Locale): ExplorerText {
  return TEXT[locale];
}
