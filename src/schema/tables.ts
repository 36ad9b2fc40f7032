/**
 * The one source of truth for the published tables: names, columns, types, units and the raw
 * header names that offices use for each column. Imported by the pipeline (scripts/), the site
 * (src/) and the tests. docs/data-dictionary.md describes the same tables for people.
 */

import { protectedDetailMeasures, WITHHELD, withheldColumn } from './disclosure.ts';
import type { CountUnit, TableName } from './table-name.ts';

export type { CountUnit, TableName } from './table-name.ts';

export const SCHEMA_VERSION = 1;

/** DuckDB / Parquet logical types used by the published tables. */
export type ColumnType = 'DATE' | 'VARCHAR' | 'BIGINT';

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  /** Description for the data dictionary and the site's "Sumber" panel. */
  description: string;
  /** Lower-case raw header names that map onto this column (Indonesian first). */
  rawHeaders: readonly string[];
  /** A count column: non-negative integer, parsed with the Indonesian number conventions. */
  isCount?: true;
  /** Unit of a count column. */
  unit?: CountUnit;
  /**
   * How the raw value becomes the published value:
   * - 'month': "2024-01", "Januari 2024", "Jan-24", an Excel serial date → first day of month
   * - 'date': "2024-01-15", "15/01/2024", an Excel serial date
   * - 'port' | 'office' | 'country' | 'province' | 'region': name or code → official code
   * - an enum name: label or code → enum code (see ENUMS)
   * - 'text': kept as written (trimmed)
   */
  parse:
    | 'month'
    | 'date'
    | 'port'
    | 'office'
    | 'country'
    | 'region'
    | 'count'
    | 'text'
    | EnumName;
  /** Optional in the raw file (filled with null); every other column is required. */
  optional?: true;
}

export interface TableSpec {
  name: TableName;
  title: { id: string; en: string };
  description: string;
  /** Raw file base name in a snapshot folder (extension .csv or .xlsx). */
  rawFile: string;
  /** Columns as they come in the raw export, after mapping names to codes. */
  rawColumns: readonly ColumnSpec[];
  /** Columns that identify one cell: no two rows may share them. */
  key: readonly string[];
  /** Column holding the month (or date) used for the snapshot range and drift checks. */
  periodColumn: string;
  /** Column summed for drift checks and headline totals. */
  measureColumn: string;
  /**
   * Columns the pipeline adds from the reference tables (names, parents), so the site can filter
   * by province or office without joins. The published Parquet has rawColumns then these.
   */
  derivedColumns: readonly PublishedColumn[];
}

export interface PublishedColumn {
  name: string;
  type: ColumnType | 'BOOLEAN' | 'INTEGER';
  description: string;
}

/** Code lists. Each code has an Indonesian label, an English label, and raw spellings. */
export interface EnumValue {
  code: string;
  id: string;
  en: string;
  /** Lower-case spellings found in raw exports (the code and both labels are always accepted). */
  spellings?: readonly string[];
}

export const ENUMS = {
  portMode: [
    { code: 'air', id: 'Udara', en: 'Air', spellings: ['bandara', 'bandar udara'] },
    { code: 'sea', id: 'Laut', en: 'Sea', spellings: ['pelabuhan'] },
    { code: 'land', id: 'Darat', en: 'Land', spellings: ['plbn', 'pos lintas batas'] },
  ],
  visaCategory: [
    { code: 'voa', id: 'Visa on Arrival', en: 'Visa on arrival', spellings: ['voa', 'e-voa', 'visa kunjungan saat kedatangan'] },
    { code: 'bvk', id: 'Bebas Visa Kunjungan', en: 'Visa exemption', spellings: ['bvk', 'bebas visa'] },
    { code: 'visit', id: 'Visa Kunjungan', en: 'Visit visa', spellings: ['vk', 'visa kunjungan (e-visa)', 'e-visa kunjungan'] },
    { code: 'itas', id: 'ITAS', en: 'Limited stay permit (ITAS)', spellings: ['izin tinggal terbatas', 'kitas'] },
    { code: 'itap', id: 'ITAP', en: 'Permanent stay permit (ITAP)', spellings: ['izin tinggal tetap', 'kitap'] },
    { code: 'diplomatic', id: 'Diplomatik/Dinas', en: 'Diplomatic/service', spellings: ['diplomatik', 'dinas', 'diplomatik dan dinas'] },
    { code: 'crew', id: 'Awak Alat Angkut', en: 'Transport crew', spellings: ['awak', 'crew', 'abk'] },
  ],
  sex: [
    { code: 'L', id: 'Laki-laki', en: 'Male', spellings: ['lk', 'pria', 'm', 'male'] },
    { code: 'P', id: 'Perempuan', en: 'Female', spellings: ['pr', 'wanita', 'f', 'female'] },
  ],
  /** Art. 75 UU 6/2011 (Tindakan Administratif Keimigrasian) plus detention as offices report it. */
  sanctionAction: [
    { code: 'deportasi', id: 'Deportasi', en: 'Deportation' },
    { code: 'penangkalan', id: 'Penangkalan', en: 'Entry ban' },
    { code: 'pencegahan', id: 'Pencegahan', en: 'Exit ban' },
    { code: 'pembatasan_izin_tinggal', id: 'Pembatasan izin tinggal', en: 'Stay permit restricted' },
    { code: 'perubahan_izin_tinggal', id: 'Perubahan izin tinggal', en: 'Stay permit changed' },
    { code: 'pembatalan_izin_tinggal', id: 'Pembatalan izin tinggal', en: 'Stay permit cancelled' },
    { code: 'larangan_berada', id: 'Larangan berada di tempat tertentu', en: 'Banned from certain places' },
    { code: 'keharusan_bertempat_tinggal', id: 'Keharusan bertempat tinggal di tempat tertentu', en: 'Required residence' },
    { code: 'biaya_beban', id: 'Biaya beban', en: 'Charge (biaya beban)' },
    { code: 'detensi', id: 'Detensi', en: 'Detention (not a TAK form)', spellings: ['detensi imigrasi', 'rudenim'] },
  ],
  violation: [
    { code: 'overstay', id: 'Melebihi izin tinggal (overstay)', en: 'Overstay', spellings: ['overstay', 'melebihi masa izin tinggal'] },
    { code: 'permit_misuse', id: 'Penyalahgunaan izin tinggal', en: 'Permit misuse', spellings: ['penyalahgunaan izin'] },
    { code: 'illegal_work', id: 'Bekerja tanpa izin', en: 'Illegal work', spellings: ['pekerja ilegal', 'bekerja tidak sesuai izin'] },
    { code: 'criminal', id: 'Tindak pidana', en: 'Criminal offence', spellings: ['pidana', 'kriminal'] },
    { code: 'other', id: 'Lainnya', en: 'Other', spellings: ['lain-lain'] },
  ],
  operationLevel: [
    { code: 'provinsi', id: 'Provinsi', en: 'Province' },
    { code: 'kabupaten_kota', id: 'Kabupaten/Kota', en: 'Regency/city', spellings: ['kabupaten', 'kota', 'kab/kota'] },
    { code: 'kecamatan', id: 'Kecamatan', en: 'District' },
    { code: 'kelurahan_desa', id: 'Kelurahan/Desa', en: 'Village', spellings: ['kelurahan', 'desa'] },
  ],
  operationActivity: [
    { code: 'rakor', id: 'Rapat koordinasi', en: 'Coordination meeting', spellings: ['rakor'] },
    { code: 'operasi_gabungan', id: 'Operasi gabungan', en: 'Joint operation', spellings: ['opsgab', 'operasi'] },
    { code: 'sosialisasi', id: 'Sosialisasi', en: 'Public outreach' },
    { code: 'pertukaran_data', id: 'Pertukaran data', en: 'Data exchange' },
  ],
  sourceAgency: [
    { code: 'disdukcapil', id: 'Disdukcapil', en: 'Civil registry (Disdukcapil)', spellings: ['dukcapil'] },
    { code: 'kemenag', id: 'Kemenag', en: 'Religious affairs (Kemenag/KUA)', spellings: ['kua', 'kementerian agama'] },
    { code: 'imigrasi', id: 'Imigrasi', en: 'Immigration', spellings: ['kanim', 'kantor imigrasi'] },
  ],
  registryMetric: [
    { code: 'mixed_marriages', id: 'Perkawinan campuran tercatat', en: 'Mixed marriages registered', spellings: ['perkawinan campuran'] },
    { code: 'foreign_residents', id: 'Orang asing berdomisili dilaporkan', en: 'Foreign residents reported', spellings: ['wna berdomisili', 'orang asing berdomisili'] },
  ],
} as const satisfies Record<string, readonly EnumValue[]>;

export type EnumName = keyof typeof ENUMS;

/**
 * Registry metrics that are stocks, counted at a date (foreign residents at the end of June and of
 * December), not flows over a period. A stock is never added over time (two half-year-end counts
 * added mean nothing): the totals hold a stock's months only (scripts/aggregate/totals-table.ts),
 * and pages read it at its last month with data in the period. Across areas, at one date, a stock
 * adds up as any count does.
 */
export const STOCK_METRICS: readonly string[] = ['foreign_residents'];

/** Action types that are Tindakan Administratif Keimigrasian; detention is reported but is not one. */
export const TAK_ACTIONS = ENUMS.sanctionAction.filter((a) => a.code !== 'detensi').map((a) => a.code);

/**
 * Action groups for the public breakdowns by office, province and nationality: the rare Art. 75
 * actions (20–100 persons a half-year nationwide, spread over dozens of offices) are shown together
 * as "other TAK", since apart they could not be protected without withholding their national
 * totals. Each group is wholly TAK or wholly not (`is_tak`).
 */
export const ACTION_GROUPS = [
  { code: 'deportasi', id: 'Deportasi', en: 'Deportation', actions: ['deportasi'] },
  { code: 'penangkalan', id: 'Penangkalan', en: 'Entry ban', actions: ['penangkalan'] },
  { code: 'tak_lainnya', id: 'TAK lainnya', en: 'Other TAK', actions: TAK_ACTIONS.filter((a) => a !== 'deportasi' && a !== 'penangkalan') },
  { code: 'detensi', id: 'Detensi', en: 'Detention (not a TAK form)', actions: ['detensi'] },
] as const;

const count = (description: string, unit: CountUnit, rawHeaders: readonly string[]): ColumnSpec => ({
  name: 'count',
  type: 'BIGINT',
  description,
  rawHeaders,
  isCount: true,
  unit,
  parse: 'count',
});

export const TABLES: Record<TableName, TableSpec> = {
  arrivals: {
    name: 'arrivals',
    title: { id: 'Kedatangan WNA', en: 'Foreign arrivals' },
    description:
      'Foreign nationals’ arrivals examined at immigration checkpoints (TPI), per month. Counts crossings (events): one person entering twice is counted twice.',
    rawFile: 'arrivals',
    rawColumns: [
      { name: 'month', type: 'DATE', description: 'Month of arrival (first day of the month).', rawHeaders: ['bulan', 'periode', 'month'], parse: 'month' },
      { name: 'port_code', type: 'VARCHAR', description: 'Checkpoint (TPI) code from data/reference/ports.csv.', rawHeaders: ['tpi', 'nama tpi', 'tempat pemeriksaan imigrasi', 'kode tpi', 'port', 'checkpoint', 'port of entry', 'entry point'], parse: 'port' },
      { name: 'nationality', type: 'VARCHAR', description: 'Nationality, ISO 3166-1 alpha-3.', rawHeaders: ['kewarganegaraan', 'negara', 'kebangsaan', 'nationality'], parse: 'country' },
      { name: 'visa_category', type: 'VARCHAR', description: 'Visa or stay permit used to enter.', rawHeaders: ['jenis visa/izin', 'jenis visa', 'kategori visa', 'visa', 'izin', 'visa type', 'visa category'], parse: 'visaCategory' },
      { name: 'sex', type: 'VARCHAR', description: 'Sex as recorded at the checkpoint: L (male), P (female).', rawHeaders: ['jenis kelamin', 'jk', 'sex', 'gender'], parse: 'sex' },
      count('Arrivals (crossings, events).', 'events', ['jumlah', 'jumlah kedatangan', 'count', 'arrivals', 'number of arrivals']),
    ],
    key: ['month', 'port_code', 'nationality', 'visa_category', 'sex'],
    periodColumn: 'month',
    measureColumn: 'count',
    derivedColumns: [
      { name: 'port_name', type: 'VARCHAR', description: 'Checkpoint name.' },
      { name: 'port_mode', type: 'VARCHAR', description: 'air, sea or land.' },
      { name: 'province_code', type: 'VARCHAR', description: 'Province where the checkpoint stands.' },
    ],
  },
  sanctions: {
    name: 'sanctions',
    title: { id: 'Tindakan Administratif Keimigrasian', en: 'Immigration administrative actions' },
    description:
      'Persons subject to each administrative action (TAK, Art. 75 UU 6/2011) or to detention, per month and office. A person with two actions (e.g. deportation and entry ban) appears under both, so a sum across action types counts actions.',
    rawFile: 'sanctions',
    rawColumns: [
      { name: 'month', type: 'DATE', description: 'Month of the decision (first day of the month).', rawHeaders: ['bulan', 'periode', 'month'], parse: 'month' },
      { name: 'office_code', type: 'VARCHAR', description: 'Immigration office (Kanim) code from data/reference/offices.csv.', rawHeaders: ['kantor imigrasi', 'kanim', 'kantor', 'satuan kerja', 'office', 'immigration office'], parse: 'office' },
      { name: 'nationality', type: 'VARCHAR', description: 'Nationality, ISO 3166-1 alpha-3.', rawHeaders: ['kewarganegaraan', 'negara', 'kebangsaan', 'nationality'], parse: 'country' },
      { name: 'action', type: 'VARCHAR', description: 'Action type (Art. 75 UU 6/2011) or detensi.', rawHeaders: ['jenis tindakan', 'tindakan', 'jenis tak', 'action', 'action type'], parse: 'sanctionAction' },
      { name: 'violation', type: 'VARCHAR', description: 'Violation that led to the action.', rawHeaders: ['jenis pelanggaran', 'pelanggaran', 'violation', 'violation type'], parse: 'violation' },
      count('Persons subject to the action.', 'persons', ['jumlah', 'jumlah orang', 'count', 'persons', 'number of persons']),
    ],
    key: ['month', 'office_code', 'nationality', 'action', 'violation'],
    periodColumn: 'month',
    measureColumn: 'count',
    derivedColumns: [
      { name: 'office_name', type: 'VARCHAR', description: 'Immigration office name.' },
      { name: 'kanwil_code', type: 'VARCHAR', description: 'Regional office (Kanwil) of the office.' },
      { name: 'province_code', type: 'VARCHAR', description: 'Province the office reports under (Soekarno-Hatta: DKI Jakarta).' },
      { name: 'is_tak', type: 'BOOLEAN', description: 'True for the Art. 75 administrative actions (TAK); false for detention.' },
      { name: 'action_group', type: 'VARCHAR', description: 'Action group for breakdowns by office, province and nationality: deportasi, penangkalan, tak_lainnya (the other Art. 75 actions) or detensi.' },
    ],
  },
  operations: {
    name: 'operations',
    title: { id: 'Kegiatan TIMPORA', en: 'TIMPORA activities' },
    description:
      'One row per TIMPORA activity (meeting, joint operation, outreach, data exchange). Activities are events; foreigners checked and findings count persons.',
    rawFile: 'operations',
    rawColumns: [
      { name: 'date', type: 'DATE', description: 'Date of the activity.', rawHeaders: ['tanggal', 'tgl', 'date'], parse: 'date' },
      { name: 'level', type: 'VARCHAR', description: 'TIMPORA level.', rawHeaders: ['tingkat', 'level'], parse: 'operationLevel' },
      { name: 'region_code', type: 'VARCHAR', description: 'Kemendagri code of the area (province 2 digits, regency 4, district 6, village 10).', rawHeaders: ['kode wilayah', 'wilayah', 'region', 'region code', 'area code'], parse: 'region' },
      { name: 'office_code', type: 'VARCHAR', description: 'Organising immigration office.', rawHeaders: ['kantor imigrasi', 'kanim', 'penyelenggara', 'office', 'immigration office', 'organiser'], parse: 'office' },
      { name: 'activity', type: 'VARCHAR', description: 'Kind of activity.', rawHeaders: ['kegiatan', 'jenis kegiatan', 'activity', 'activity type'], parse: 'operationActivity' },
      { name: 'agencies', type: 'VARCHAR', description: 'Agencies taking part, comma-separated as reported.', rawHeaders: ['instansi', 'instansi terlibat', 'agencies', 'agencies involved'], parse: 'text' },
      { name: 'foreigners_checked', type: 'BIGINT', description: 'Foreigners checked (persons).', rawHeaders: ['wna diperiksa', 'orang asing diperiksa', 'foreigners checked'], isCount: true, unit: 'persons', parse: 'count' },
      { name: 'findings', type: 'BIGINT', description: 'Violations found (persons).', rawHeaders: ['temuan', 'pelanggaran ditemukan', 'findings'], isCount: true, unit: 'persons', parse: 'count' },
      { name: 'follow_ups', type: 'BIGINT', description: 'Sanction proceedings opened (persons).', rawHeaders: ['tindak lanjut', 'proses tak', 'follow-ups', 'follow ups', 'proceedings opened'], isCount: true, unit: 'persons', parse: 'count' },
    ],
    key: ['date', 'level', 'region_code', 'office_code', 'activity'],
    periodColumn: 'date',
    measureColumn: 'foreigners_checked',
    derivedColumns: [
      { name: 'month', type: 'DATE', description: 'Month of the activity (first day).' },
      { name: 'province_code', type: 'VARCHAR', description: 'Province of the area.' },
      { name: 'agency_count', type: 'INTEGER', description: 'Number of agencies taking part.' },
    ],
  },
  registry: {
    name: 'registry',
    title: { id: 'Data antarinstansi', en: 'Inter-agency figures' },
    description:
      'The same quantity as each agency reports it (mixed marriages registered, foreign residents reported), per month and regency/city: the raw material for reconciliation. Mixed marriages are a flow (registered in the month); foreign residents are a stock, counted at the end of June and of December, so they are never added over months. Why the agencies legitimately differ: a mixed marriage (an Indonesian and a foreigner, Art. 57 of Law 1/1974 on marriage) is registered by the KUA of the Ministry of Religious Affairs (Kemenag) when Muslim and by the civil registry (Disdukcapil) otherwise (Law 23/2006 on population administration, amended by Law 24/2013), and a marriage abroad is reported to Disdukcapil after the couple returns; foreign residents known to Disdukcapil are registered residence documents, those known to Imigrasi are stay permits (ITAS/ITAP), held also by people who have not registered a residence.',
    rawFile: 'registry',
    rawColumns: [
      { name: 'month', type: 'DATE', description: 'Month (first day of the month).', rawHeaders: ['bulan', 'periode', 'month'], parse: 'month' },
      { name: 'region_code', type: 'VARCHAR', description: 'Kemendagri code of the regency/city.', rawHeaders: ['kode wilayah', 'kabupaten/kota', 'wilayah', 'region', 'region code', 'regency/city'], parse: 'region' },
      { name: 'source_agency', type: 'VARCHAR', description: 'Agency that reported the figure.', rawHeaders: ['instansi', 'sumber', 'source', 'agency', 'reporting agency'], parse: 'sourceAgency' },
      { name: 'metric', type: 'VARCHAR', description: 'What is counted.', rawHeaders: ['indikator', 'metrik', 'metric', 'indicator'], parse: 'registryMetric' },
      count('Persons (marriages count couples with one foreign spouse).', 'persons', ['jumlah', 'count']),
    ],
    key: ['month', 'region_code', 'source_agency', 'metric'],
    periodColumn: 'month',
    measureColumn: 'count',
    derivedColumns: [
      { name: 'province_code', type: 'VARCHAR', description: 'Province of the regency/city.' },
    ],
  },
};

export const TABLE_NAMES = Object.keys(TABLES) as TableName[];

const isEnumName = (parse: ColumnSpec['parse']): parse is EnumName => parse in ENUMS;

/**
 * The code list a column's values come from (`visa_category` → `visaCategory`), as its raw column
 * declares it in `parse`; undefined for a column not coded by a list (names, dates, counts).
 */
export function enumOfColumn(column: string): EnumName | undefined {
  for (const spec of Object.values(TABLES)) {
    const parse = spec.rawColumns.find((c) => c.name === column)?.parse;
    if (parse !== undefined && isEnumName(parse)) return parse;
  }
  return undefined;
}

/** Every column of a published table, in Parquet order. */
export const publishedColumns = (spec: TableSpec): PublishedColumn[] => [
  ...spec.rawColumns.map(({ name, type, description }) => ({ name, type, description })),
  ...spec.derivedColumns,
  // Disclosure control: the measure is null where this is true (see docs/disclosure-control.md).
  ...protectedDetailMeasures(spec.name, spec.rawColumns).map((m) => ({
    name: withheldColumn(m.name),
    type: 'BOOLEAN' as const,
    description: `True where ${m.name} is withheld (null) by disclosure control: a count from 1 to ${m.k! - 1}, a cell of any size withheld so that one cannot be derived, or a cell the previous release withheld. Pages mark it "${WITHHELD.symbol}".${m.inPublicDetail === false ? ` Public builds leave ${m.name} out of these rows (null, and this flag null: not published); it is in the totals.` : ''}`,
  })),
];

/** Reference tables published beside the facts (regions under ODbL, from idn-area-data). */
export const REFERENCE_TABLES = ['provinces', 'regencies', 'offices', 'office_regencies', 'ports', 'countries'] as const;
export type ReferenceTableName = (typeof REFERENCE_TABLES)[number];
